/**
 * A Raft run as it lives in the URL, so that any moment of any run can be shared: the cluster's size and seed (or a
 * textbook scenario), every fault and client request given so far, and the moment shown.
 *
 *   ?nodes=5&seed=7&t=2.4                          a free run, seen at 2.4 s
 *   ?scenario=split-vote&t=1.1                     a scenario, as shipped
 *   ?nodes=5&seed=7&inputs=eyJuZW1lc2lz...&t=3     a free run with the reader's crashes, partitions and writes
 *
 * `inputs` holds the whole fault schedule and command list (base64url JSON), replacing the scenario's own; the
 * cluster rebuilds the run from them, so the page never needs to store a run, only its description.
 */
import { type ClientCommand, type Nemesis, type RaftClusterOptions, SimInputError, validateRaftOptions } from '@compendium/sim';
import { numberField } from './fields.ts';
import { seedField } from './simulation-state.ts';

export const RAFT_DEFAULT_NODES = 5;
export const RAFT_DEFAULT_SEED = 1;
/** Past this a run stops by itself: the page is for watching elections, not for soak tests. */
export const RAFT_MAX_TIME = 120;
/** The URL parameters a Raft run owns; any others on the page belong to someone else. */
export const RAFT_URL_KEYS: ReadonlySet<string> = new Set(['scenario', 'nodes', 'seed', 'inputs', 't']);
/** Every cluster size a link may ask for, so the page's select can always show the one it runs. */
export const RAFT_NODE_CHOICES = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
/** A URL is not a database: a longer schedule is refused with a message rather than truncated silently. */
const MAX_INPUTS_LENGTH = 6000;

/** What a scenario contributes: its id and the options it starts from. */
export interface RaftScenarioLike {
  readonly id: string;
  readonly options: RaftClusterOptions;
}

export interface RaftRunState {
  /** The scenario the run started from, if any. */
  readonly scenario: string | null;
  readonly options: RaftClusterOptions;
  /** The moment shown, in simulated seconds. */
  readonly time: number;
  /** One message per part of the URL that could not be used (its default was used instead), keyed by parameter. */
  readonly errors: Readonly<Record<string, string>>;
}

interface RaftInputs {
  readonly nemesis: Nemesis;
  readonly commands: readonly ClientCommand[];
}

function toBase64Url(text: string): string {
  let binary = '';
  for (const b of new TextEncoder().encode(text)) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

const nodesField = numberField({ key: 'nodes', label: 'Servers', defaultValue: RAFT_DEFAULT_NODES, min: 1, max: 9, integer: true });
const timeField = numberField({ key: 't', label: 'Time', defaultValue: 0, min: 0, unit: 's' });

function readInputs(raw: string, options: RaftClusterOptions): RaftInputs | string {
  if (raw.length > MAX_INPUTS_LENGTH) return `The shared faults and requests are too long for a link (${raw.length} characters; at most ${MAX_INPUTS_LENGTH})`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(raw));
  } catch {
    return 'The shared faults and requests could not be read: the link is damaged (inputs must be base64url JSON written by this page)';
  }
  const candidate = parsed as Partial<RaftInputs> | null;
  if (!candidate || !Array.isArray(candidate.nemesis) || !Array.isArray(candidate.commands)) {
    return 'The shared faults and requests could not be read: inputs must hold a nemesis list and a commands list';
  }
  try {
    validateRaftOptions({ ...options, nemesis: candidate.nemesis, commands: candidate.commands });
  } catch (error) {
    if (error instanceof SimInputError) return `The shared faults and requests are not valid: ${error.message}`;
    throw error;
  }
  return { nemesis: candidate.nemesis, commands: candidate.commands };
}

/** Reads a query string; every unusable part is reported and replaced by its default, never thrown. */
export function readRaftRun(search: string, scenarios: readonly RaftScenarioLike[]): RaftRunState {
  const params = new URLSearchParams(search);
  const errors: Record<string, string> = {};
  let scenario: string | null = null;
  let options: RaftClusterOptions = { nodes: RAFT_DEFAULT_NODES, seed: RAFT_DEFAULT_SEED };

  const scenarioId = params.get('scenario');
  if (scenarioId !== null) {
    const found = scenarios.find((s) => s.id === scenarioId);
    if (found) {
      scenario = found.id;
      options = { ...found.options };
    } else errors.scenario = `Scenario must be one of ${scenarios.map((s) => s.id).join(', ')}, got ${JSON.stringify(scenarioId)}`;
  }
  if (scenario === null) {
    const nodes = params.get('nodes');
    if (nodes !== null) {
      const parsed = nodesField.parse(nodes);
      if (parsed.ok) options = { ...options, nodes: parsed.value };
      else errors.nodes = parsed.message;
    }
    const seed = params.get('seed');
    if (seed !== null) {
      const parsed = seedField.parse(seed);
      if (parsed.ok) options = { ...options, seed: parsed.value };
      else errors.seed = parsed.message;
    }
  }
  const inputs = params.get('inputs');
  if (inputs !== null) {
    const value = readInputs(inputs, options);
    if (typeof value === 'string') errors.inputs = value;
    else options = { ...options, nemesis: value.nemesis, commands: value.commands };
  }
  let time = 0;
  const t = params.get('t');
  if (t !== null) {
    const parsed = timeField.parse(t);
    if (parsed.ok) time = parsed.value;
    else errors.t = parsed.message;
  }
  return { scenario, options, time, errors };
}

/** The query string for a run: only what differs from where it started, so a plain run keeps a short link. */
export function raftRunQuery(state: { scenario: string | null; options: RaftClusterOptions; time: number }, startingInputs?: RaftInputs): string {
  const query = new URLSearchParams();
  if (state.scenario) query.set('scenario', state.scenario);
  else {
    query.set('nodes', String(state.options.nodes));
    query.set('seed', String(state.options.seed));
  }
  const nemesis = state.options.nemesis ?? [];
  const commands = state.options.commands ?? [];
  const unchanged = startingInputs && JSON.stringify(startingInputs.nemesis) === JSON.stringify(nemesis) && JSON.stringify(startingInputs.commands) === JSON.stringify(commands);
  if (!unchanged && (nemesis.length > 0 || commands.length > 0)) query.set('inputs', toBase64Url(JSON.stringify({ nemesis, commands })));
  // Milliseconds are the finest step the page offers; more digits would only make links longer.
  query.set('t', String(Math.round(state.time * 1000) / 1000));
  return `?${query.toString()}`;
}

