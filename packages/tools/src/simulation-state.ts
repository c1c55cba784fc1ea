/**
 * A simulation's inputs as they live in the URL (`?seed=7&rate=80&servers=10`), read strictly like the tools' fields,
 * and what theory says beside the simulated figures. The island only binds these to inputs and the worker.
 */
import { cheHitRatio, mmc } from '@compendium/models';
import { MAX_SEED, resolveParams, SimInputError, type ScenarioDefinition, type ScenarioParams } from '@compendium/sim';
import { numberField } from './fields.ts';

export const DEFAULT_SEED = 1;

export interface SimulationState {
  params: ScenarioParams;
  seed: number;
  /** One message per input that could not be used; its default is used instead. */
  errors: Record<string, string>;
}

/** The seed of any simulated run: a whole number the PRNG accepts. */
export const seedField = numberField({ key: 'seed', label: 'Seed', defaultValue: DEFAULT_SEED, min: 0, max: MAX_SEED, integer: true });

function fieldFor(scenario: ScenarioDefinition, key: string) {
  const spec = scenario.fields.find((f) => f.key === key);
  if (!spec) throw new Error(`scenario ${scenario.id} has no field ${key}`);
  return numberField({ key: spec.key, label: spec.label, defaultValue: scenario.defaults[spec.key] as number, min: spec.min, max: spec.max, integer: spec.integer, unit: spec.unit });
}

/** Reads raw texts (from the URL or the inputs); invalid ones are reported and replaced by their defaults. */
export function readSimulationState(scenario: ScenarioDefinition, raw: Readonly<Record<string, string | undefined>>): SimulationState {
  const errors: Record<string, string> = {};
  const given: Record<string, number> = {};
  for (const { key } of scenario.fields) {
    const text = raw[key];
    if (text === undefined) continue;
    const parsed = fieldFor(scenario, key).parse(text);
    if (parsed.ok) given[key] = parsed.value;
    else errors[key] = parsed.message;
  }
  let seed = DEFAULT_SEED;
  if (raw.seed !== undefined) {
    const parsed = seedField.parse(raw.seed);
    if (parsed.ok) seed = parsed.value;
    else errors.seed = parsed.message;
  }
  let params = resolveParams(scenario, given);
  // Ranges are checked per field above; a scenario can still refuse a combination (an unstable queue).
  try {
    scenario.create(params, seed);
  } catch (error) {
    errors.combination = combinationMessage(scenario, error);
    params = { ...scenario.defaults };
  }
  return { params, seed, errors };
}

/** The model's message, with its parameter name replaced by the label the reader sees beside the input. */
function combinationMessage(scenario: ScenarioDefinition, error: unknown): string {
  if (!(error instanceof SimInputError)) return error instanceof Error ? error.message : String(error);
  const label = scenario.fields.find((f) => f.key === error.parameter)?.label ?? error.parameter;
  return `${label} ${error.rule}`;
}

export function simulationQuery(scenario: ScenarioDefinition, state: Pick<SimulationState, 'params' | 'seed'>): string {
  const query = new URLSearchParams();
  query.set('seed', String(state.seed));
  for (const { key } of scenario.fields) {
    const value = state.params[key];
    if (value !== undefined && value !== scenario.defaults[key]) query.set(key, String(value));
  }
  return `?${query.toString()}`;
}

export interface TheoryFigure {
  /** The simulated figure (a key of the snapshot's figures) this is compared with. */
  key: string;
  label: string;
  value: number;
}

/** What closed-form theory predicts for the same inputs, where a formula exists. */
export function theoryFor(scenarioId: string, params: ScenarioParams): TheoryFigure[] {
  if (scenarioId === 'mmc') {
    const r = mmc({ arrivalRate: params.rate as number, serviceTime: params.serviceTime as number, servers: params.servers as number });
    return [
      { key: 'meanWait', label: 'Erlang C mean wait', value: r.meanWait },
      { key: 'probabilityOfWaiting', label: 'Erlang C P(wait)', value: r.probWait },
    ];
  }
  if (scenarioId === 'cache') {
    const che = cheHitRatio({ items: params.items as number, cacheSize: params.cacheSize as number, zipfExponent: params.exponent as number });
    return [{ key: 'hitRatio', label: "Che's approximation", value: che.hitRatio }];
  }
  return [];
}
