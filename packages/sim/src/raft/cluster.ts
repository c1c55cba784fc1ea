/**
 * A Raft cluster on the simulated network, described entirely by data: options, a seed, a fault schedule (nemesis) and
 * timed client commands. Buttons on a page (crash, partition, submit...) append to that description at the current
 * virtual time, so any moment of any run can be rebuilt by replaying the description from the start: seeking backwards
 * is exactly that.
 *
 * For a replay to match the live run bit for bit, every input at time T takes effect at the same point in both: after
 * all events at or before T, in a fixed order (faults by their place in the schedule, then commands by theirs). A live
 * call that would break that order (a fault injected after a command at the same instant, say) rebuilds the run.
 */
import { type Distribution, validateDistribution } from '../distributions.ts';
import { Simulation } from '../engine.ts';
import { requireFinite, requireInteger, requireNonNegative, requirePositive, requireProbability, SimInputError } from '../errors.ts';
import { type Fault, type Nemesis, validateNemesis } from '../nemesis.ts';
import { Network } from '../network.ts';
import { MAX_SEED } from '../random.ts';
import { TraceHash } from '../trace-hash.ts';
import { nodeId } from '../units.ts';
import { RaftChecker, type Violation } from './invariants.ts';
import { clientRequest, loseVolatileState, RaftNode, raftBehaviour, type TimerView } from './node.ts';
import type { ClientRequest, LogEntry, RaftMessage, RaftMessageType, RaftTiming, Role } from './types.ts';

export interface ClientCommand {
  /** Virtual seconds. */
  readonly at: number;
  readonly request: ClientRequest;
  /** The server the client talks to; by default, the leader with the highest term that is up and not paused. */
  readonly to?: string;
}

export interface RaftClusterOptions {
  /** Servers in the initial configuration (3 or 5 on the page; 1 to 9 accepted), named n1, n2, ... */
  nodes: number;
  /** Further servers outside the configuration, for adding with a membership change; named after the members. */
  spares?: number;
  seed: number;
  nemesis?: Nemesis;
  commands?: readonly ClientCommand[];
  /** Seconds of each server's own clock; the timeout is drawn uniformly from [min, max] every time it is armed. */
  electionTimeout?: readonly [number, number];
  heartbeat?: number;
  /** One-way message latency. */
  latency?: Distribution;
  /** Probability any message is lost, on every link, all the time (windows of loss belong in the nemesis). */
  loss?: number;
  /** Probability a delivered message is delivered twice. */
  duplicate?: number;
  preVote?: boolean;
  /** Keep the network's event log (for traces and tests); off saves memory on long runs. */
  keepLog?: boolean;
  /** Check the safety invariants as the run goes (see invariants.ts). */
  checkInvariants?: boolean;
}

/** Options with every default filled in: what `description()` returns and `createRaftCluster` replays. */
export interface RaftClusterDescription extends Required<Omit<RaftClusterOptions, 'nemesis' | 'commands'>> {
  nemesis: Nemesis;
  commands: readonly ClientCommand[];
}

export const RAFT_DEFAULTS = {
  spares: 0,
  electionTimeout: [0.15, 0.3] as const,
  heartbeat: 0.05,
  latency: { kind: 'uniform', min: 0.01, max: 0.03 } as Distribution,
  loss: 0,
  duplicate: 0,
  preVote: true,
  keepLog: true,
  checkInvariants: true,
} as const;

export type SubmitOutcome =
  | { readonly status: 'appended'; readonly node: string; readonly index: number; readonly term: number }
  | { readonly status: 'no-leader' }
  | { readonly status: 'unavailable'; readonly node: string }
  | { readonly status: 'rejected'; readonly node: string; readonly reason: string; readonly leaderHint: string | null };

export interface ClientRecord extends ClientCommand {
  readonly outcome: SubmitOutcome;
}

export interface ElectionRecord {
  readonly term: number;
  /** Servers that became candidates in this term, in order. */
  readonly candidates: string[];
  leader: string | null;
  electedAt: number | null;
}

export interface RaftNodeView {
  readonly id: string;
  readonly up: boolean;
  readonly paused: boolean;
  /** In its own latest configuration. */
  readonly member: boolean;
  readonly config: readonly string[];
  /** A crashed server shows the follower it will restart as, with its volatile state empty. */
  readonly role: Role;
  readonly term: number;
  readonly votedFor: string | null;
  /** Whom it believes leads its term. */
  readonly leaderId: string | null;
  readonly log: readonly LogEntry[];
  readonly commitIndex: number;
  readonly lastApplied: number;
  /** The key-value state machine. */
  readonly state: Readonly<Record<string, string>>;
  /** Its own clock, and its election timeout on that clock (null for a leader or a crashed server). */
  readonly localTime: number;
  readonly electionTimer: TimerView | null;
  /** Votes (or pre-votes) gathered so far by a candidate (pre-candidate). */
  readonly votes: readonly string[];
  /** A leader's view of each follower. */
  readonly nextIndex: Readonly<Record<string, number>> | null;
  readonly matchIndex: Readonly<Record<string, number>> | null;
}

export interface RaftMessageView {
  readonly from: string;
  readonly to: string;
  readonly type: RaftMessageType;
  readonly term: number;
  readonly sentAt: number;
  readonly arrivesAt: number;
  readonly message: RaftMessage;
}

export interface RaftSnapshot {
  readonly time: number;
  readonly events: number;
  readonly nodes: readonly RaftNodeView[];
  readonly messages: readonly RaftMessageView[];
  /** The leader of the highest term among the servers that are up, if any. */
  readonly leader: string | null;
  readonly elections: readonly ElectionRecord[];
  readonly clients: readonly ClientRecord[];
  readonly violations: readonly Violation[];
  readonly nemesis: Nemesis;
}

/** An input's place among the inputs at the same instant: faults first (schedule order), then commands; a fault's start before its end. */
interface ActionKey {
  readonly time: number;
  readonly list: 0 | 1;
  readonly index: number;
  readonly phase: 0 | 1;
}

interface Action extends ActionKey {
  readonly apply: (run: Run) => void;
}

function compareKeys(a: ActionKey, b: ActionKey): number {
  return a.time - b.time || a.list - b.list || a.index - b.index || a.phase - b.phase;
}

interface Run {
  readonly sim: Simulation;
  readonly net: Network<RaftMessage>;
  readonly nodes: Map<string, RaftNode>;
  readonly checker: RaftChecker | null;
  readonly clients: ClientRecord[];
  readonly elections: Map<number, ElectionRecord>;
  readonly hash: TraceHash;
  /** Inputs not yet applied, in key order. */
  pending: Action[];
  lastApplied: ActionKey | null;
}

const MAX_SERVERS = 9;

export function validateRaftOptions(options: RaftClusterOptions): RaftClusterDescription {
  const nodes = requireInteger('nodes', options.nodes, 1, MAX_SERVERS);
  const spares = requireInteger('spares', options.spares ?? RAFT_DEFAULTS.spares, 0, MAX_SERVERS - nodes);
  requireInteger('seed', options.seed, 0, MAX_SEED);
  const electionTimeout = options.electionTimeout ?? RAFT_DEFAULTS.electionTimeout;
  if (!Array.isArray(electionTimeout) || electionTimeout.length !== 2) throw new SimInputError('electionTimeout', 'must be [min, max] in seconds', String(electionTimeout));
  const [min, max] = electionTimeout as readonly [number, number];
  requirePositive('electionTimeout[0]', min);
  requireFinite('electionTimeout[1]', max);
  if (max < min) throw new SimInputError('electionTimeout[1]', `must be at least the minimum (${min})`, max);
  const heartbeat = requirePositive('heartbeat', options.heartbeat ?? RAFT_DEFAULTS.heartbeat);
  const latency = validateDistribution('latency', options.latency ?? RAFT_DEFAULTS.latency);
  const loss = requireProbability('loss', options.loss ?? RAFT_DEFAULTS.loss);
  const duplicate = requireProbability('duplicate', options.duplicate ?? RAFT_DEFAULTS.duplicate);
  const ids = serverIds(nodes, spares);
  const nemesis = validateNemesis(options.nemesis ?? [], ids);
  const commands = options.commands ?? [];
  if (!Array.isArray(commands)) throw new SimInputError('commands', 'must be a list', commands);
  // Commands also arrive from a shared link, so every field a server reads is checked here, not only the kind.
  commands.forEach((c, i) => {
    if (typeof c !== 'object' || c === null) throw new SimInputError(`commands[${i}]`, 'must be an object with at and request', c);
    requireNonNegative(`commands[${i}].at`, c.at);
    if (c.to !== undefined && !ids.includes(c.to)) throw new SimInputError(`commands[${i}].to`, `must be one of ${ids.join(', ')}`, c.to);
    const request = c.request;
    const kind = request?.kind;
    if (kind !== 'set' && kind !== 'add-server' && kind !== 'remove-server') throw new SimInputError(`commands[${i}].request.kind`, 'must be set, add-server or remove-server', kind);
    if (request.kind === 'set') {
      if (typeof request.key !== 'string') throw new SimInputError(`commands[${i}].request.key`, 'must be a string', request.key);
      if (typeof request.value !== 'string') throw new SimInputError(`commands[${i}].request.value`, 'must be a string', request.value);
    } else if (!ids.includes(request.server)) throw new SimInputError(`commands[${i}].request.server`, `must be one of ${ids.join(', ')}`, request.server);
  });
  return {
    nodes,
    spares,
    seed: options.seed,
    nemesis,
    commands,
    electionTimeout: [min, max],
    heartbeat,
    latency,
    loss,
    duplicate,
    preVote: options.preVote ?? RAFT_DEFAULTS.preVote,
    keepLog: options.keepLog ?? RAFT_DEFAULTS.keepLog,
    checkInvariants: options.checkInvariants ?? RAFT_DEFAULTS.checkInvariants,
  };
}

export function serverIds(nodes: number, spares = 0): string[] {
  return Array.from({ length: nodes + spares }, (_, i) => `n${i + 1}`);
}

export function createRaftCluster(options: RaftClusterOptions): RaftCluster {
  return new RaftCluster(options);
}

export class RaftCluster {
  /** Every server, members first, then spares. */
  readonly ids: readonly string[];
  /** The initial configuration. */
  readonly members: readonly string[];
  private readonly base: RaftClusterDescription;
  private readonly timing: RaftTiming;
  private nemesis: Fault[];
  private commands: ClientCommand[];
  private run: Run;

  constructor(options: RaftClusterOptions) {
    this.base = validateRaftOptions(options);
    this.ids = serverIds(this.base.nodes, this.base.spares);
    this.members = this.ids.slice(0, this.base.nodes);
    this.timing = { electionTimeout: this.base.electionTimeout, heartbeat: this.base.heartbeat, preVote: this.base.preVote };
    this.nemesis = [...this.base.nemesis];
    this.commands = [...this.base.commands];
    this.run = this.build();
  }

  get now(): number {
    return this.run.sim.now;
  }

  /** The simulation and network of the current run (rebuilt by `seek` backwards): for tests and traces, not for driving. */
  get sim(): Simulation {
    return this.run.sim;
  }

  get network(): Network<RaftMessage> {
    return this.run.net;
  }

  /** The servers themselves, read-only by convention: for checkers and tests. */
  server(id: string): RaftNode {
    return this.node(id);
  }

  get violations(): readonly Violation[] {
    return this.run.checker?.violations ?? [];
  }

  get clients(): readonly ClientRecord[] {
    return this.run.clients;
  }

  /** Everything needed to replay this run, including every input given so far. */
  description(): RaftClusterDescription {
    return { ...this.base, nemesis: [...this.nemesis], commands: [...this.commands] };
  }

  /** Runs to virtual time `until` (no earlier than now), applying the inputs due on the way. */
  advance(until: number): void {
    requireFinite('until', until);
    const run = this.run;
    if (until < run.sim.now) throw new SimInputError('until', `must not be before now (${run.sim.now}); use seek to go back`, until);
    for (let action = run.pending[0]; action !== undefined && action.time <= until; action = run.pending[0]) {
      run.sim.run({ until: action.time });
      run.pending.shift();
      this.applyAction(run, action);
    }
    run.sim.run({ until });
  }

  /** Moves to any time: forwards by running, backwards by replaying the description from the start. */
  seek(time: number): void {
    requireNonNegative('time', time);
    if (time < this.now) this.run = this.build();
    this.advance(time);
  }

  /** The leader of the highest term among servers that are up (paused ones included). */
  leader(): string | null {
    return this.leaderAmong(this.run, false);
  }

  // ── Inputs ─────────────────────────────────────────────────────────────────────────────────────────────────────

  /** Sends a client request now, to `to` or to the current leader; the outcome is also kept in `clients`. */
  submit(request: ClientRequest, to?: string): SubmitOutcome {
    if (to !== undefined) this.requireServer('to', to);
    const command: ClientCommand = to === undefined ? { at: this.now, request } : { at: this.now, request, to };
    this.advance(this.now);
    this.commands.push(command);
    const index = this.commands.length - 1;
    this.inject([{ time: command.at, list: 1, index, phase: 0, apply: (run) => this.deliverCommand(run, command) }]);
    const record = this.run.clients[this.run.clients.length - 1];
    return record?.outcome ?? { status: 'no-leader' };
  }

  set(key: string, value: string, to?: string): SubmitOutcome {
    return this.submit({ kind: 'set', key, value }, to);
  }

  addServer(server: string): SubmitOutcome {
    this.requireServer('server', server);
    return this.submit({ kind: 'add-server', server });
  }

  removeServer(server: string): SubmitOutcome {
    this.requireServer('server', server);
    return this.submit({ kind: 'remove-server', server });
  }

  crash(node: string): void {
    this.requireServer('node', node);
    this.addFault({ kind: 'crash', at: this.now, node });
  }

  /** Restarts a crashed server by ending the crash that took it down (its `restartAt` becomes now). */
  restart(node: string): void {
    this.requireServer('node', node);
    this.advance(this.now);
    if (this.run.net.isUp(nodeId(node))) return;
    const index = this.lastIndexOf((f) => f.kind === 'crash' && f.node === node && f.at <= this.now && (f.restartAt === undefined || f.restartAt > this.now));
    if (index < 0) return;
    this.endFault(index, (f) => (f.kind === 'crash' ? { ...f, restartAt: this.now } : f));
  }

  partition(groups: readonly (readonly string[])[]): void {
    this.addFault({ kind: 'partition', at: this.now, groups: groups.map((g) => [...g]) });
  }

  /** Ends the partition in force now (the latest one that started and has not healed). */
  heal(): void {
    this.advance(this.now);
    const index = this.lastIndexOf((f) => f.kind === 'partition' && f.at <= this.now && (f.healAt === undefined || f.healAt > this.now));
    if (index < 0) return;
    this.endFault(index, (f) => (f.kind === 'partition' ? { ...f, healAt: this.now } : f));
  }

  pause(node: string, duration: number): void {
    this.addFault({ kind: 'pause', at: this.now, node, duration });
  }

  /** From now on, `node`'s clock reads `skew` seconds off and runs fast by `drift` (0.1 = 10 % fast). */
  skewClock(node: string, skew: number, drift: number): void {
    this.addFault({ kind: 'clock', at: this.now, node, skew, drift });
  }

  /** Loses one message from `from` to `to`: the oldest now in flight on that link, or else the next one sent. */
  dropMessage(from: string, to: string): void {
    this.addFault({ kind: 'drop-message', at: this.now, from, to });
  }

  /** Loses messages from `from` to `to` with probability `loss` for the next `duration` seconds (loss 1 drops them all). */
  lossyLink(from: string, to: string, duration: number, loss = 1): void {
    requirePositive('duration', duration);
    this.addFault({ kind: 'lossy-link', at: this.now, from, to, loss, until: this.now + duration });
  }

  // ── Reading ────────────────────────────────────────────────────────────────────────────────────────────────────

  snapshot(): RaftSnapshot {
    const run = this.run;
    const nodes = this.ids.map((id) => this.view(run, id));
    const messages = run.net.inFlight.map(
      (f): RaftMessageView => ({ from: f.from, to: f.to, type: f.message.type, term: f.message.term, sentAt: f.sentAt, arrivesAt: f.arrivesAt, message: f.message }),
    );
    return {
      time: run.sim.now,
      events: run.sim.events,
      nodes,
      messages,
      leader: this.leaderAmong(run, false),
      elections: [...run.elections.values()].sort((a, b) => a.term - b.term),
      clients: [...run.clients],
      violations: [...(run.checker?.violations ?? [])],
      nemesis: [...this.nemesis],
    };
  }

  /** A fingerprint of the run so far: every delivery and input, in order, and the servers' durable state now. */
  traceHash(): string {
    const h = new TraceHash().string(this.run.hash.value).number(this.now);
    for (const id of this.ids) {
      const node = this.node(id);
      h.string(id).number(node.durable.currentTerm).string(node.durable.votedFor ?? '').number(node.commitIndex).string(node.role);
      for (const entry of node.durable.log) h.number(entry.term);
    }
    return h.value;
  }

  // ── Internals ──────────────────────────────────────────────────────────────────────────────────────────────────

  private build(): Run {
    const d = this.base;
    const sim = new Simulation(d.seed);
    const nodes = new Map<string, RaftNode>();
    const clients: ClientRecord[] = [];
    const elections = new Map<number, ElectionRecord>();
    const hash = new TraceHash();
    let checker: RaftChecker | null = null;
    const election = (term: number): ElectionRecord => {
      let record = elections.get(term);
      if (!record) {
        record = { term, candidates: [], leader: null, electedAt: null };
        elections.set(term, record);
      }
      return record;
    };
    for (const id of this.ids) {
      const initial = this.members.includes(id) ? this.members : [];
      nodes.set(
        id,
        new RaftNode(id, initial, this.timing, {
          candidate: (who, term) => election(term).candidates.push(who),
          leader: (who, term, log) => {
            const record = election(term);
            if (record.leader === null) {
              record.leader = who;
              record.electedAt = sim.now;
            }
            checker?.leaderElected(who, term, log);
          },
          logChanged: (who, log, from, removed, role, commitIndex) => checker?.logChanged(who, log, from, removed, role, commitIndex),
          committed: (who, index, entry) => checker?.entryCommitted(who, index, entry),
          applied: (who, index, entry) => checker?.entryApplied(who, index, entry),
        }),
      );
    }
    if (d.checkInvariants) {
      const logs = new Map([...nodes].map(([id, node]) => [id, node.durable.log] as const));
      checker = new RaftChecker(() => sim.now, logs, (id) => nodes.get(id)?.durable.currentTerm ?? 0);
    }
    const onReceive = (to: string, from: string, m: RaftMessage) => {
      hash.number(sim.now).string(to).string(from).string(m.type).number(m.term);
    };
    const behaviours = Object.fromEntries([...nodes].map(([id, node]) => [id, raftBehaviour(node, onReceive)]));
    const net = new Network<RaftMessage>(sim, behaviours, { latency: d.latency, loss: d.loss, duplicate: d.duplicate }, d.keepLog);
    const run: Run = { sim, net, nodes, checker, clients, elections, hash, pending: [], lastApplied: null };
    const actions: Action[] = [];
    this.nemesis.forEach((fault, index) => {
      actions.push(...this.faultActions(fault, index));
    });
    this.commands.forEach((command, index) => {
      actions.push({ time: command.at, list: 1, index, phase: 0, apply: (r) => this.deliverCommand(r, command) });
    });
    run.pending = actions.sort(compareKeys);
    return run;
  }

  private faultActions(fault: Fault, index: number): Action[] {
    const key = (time: number, phase: 0 | 1) => ({ time, list: 0 as const, index, phase });
    switch (fault.kind) {
      case 'partition': {
        const groups = fault.groups.map((g) => g.map(nodeId));
        const actions: Action[] = [{ ...key(fault.at, 0), apply: (r) => r.net.split(groups) }];
        if (fault.healAt !== undefined) actions.push({ ...key(fault.healAt, 1), apply: (r) => r.net.heal() });
        return actions;
      }
      case 'crash': {
        const id = nodeId(fault.node);
        const actions: Action[] = [
          {
            ...key(fault.at, 0),
            apply: (r) => {
              if (!r.net.isUp(id)) return;
              r.net.crash(id);
              loseVolatileState(this.nodeIn(r, fault.node));
            },
          },
        ];
        if (fault.restartAt !== undefined) actions.push({ ...key(fault.restartAt, 1), apply: (r) => r.net.restart(id) });
        return actions;
      }
      case 'pause':
        return [{ ...key(fault.at, 0), apply: (r) => r.net.pause(nodeId(fault.node), fault.duration) }];
      case 'clock':
        return [{ ...key(fault.at, 0), apply: (r) => r.net.setClock(nodeId(fault.node), fault.skew ?? 0, fault.drift ?? 0) }];
      case 'drop-message':
        return [{ ...key(fault.at, 0), apply: (r) => r.net.dropMessage(nodeId(fault.from), nodeId(fault.to)) }];
      case 'lossy-link':
        return [
          {
            ...key(fault.at, 0),
            apply: (r) => {
              // The network schedules the start (now) and the end itself; running to now puts the start in force at once.
              r.net.apply([fault]);
              r.sim.run({ until: fault.at });
            },
          },
        ];
    }
  }

  private applyAction(run: Run, action: Action): void {
    run.hash.number(action.time).number(action.list).number(action.index).number(action.phase);
    action.apply(run);
    run.lastApplied = action;
  }

  /** Applies inputs given now, or schedules those due later; rebuilds when applying now would break the replay order. */
  private inject(actions: Action[]): void {
    const run = this.run;
    const now = run.sim.now;
    for (const action of actions) {
      if (action.time > now) {
        run.pending.push(action);
        run.pending.sort(compareKeys);
        continue;
      }
      if (run.lastApplied !== null && run.lastApplied.time === now && compareKeys(action, run.lastApplied) < 0) {
        this.run = this.build();
        this.advance(now);
        return;
      }
      this.applyAction(run, action);
    }
  }

  private addFault(fault: Fault): void {
    validateNemesis([fault], this.ids);
    this.advance(this.now);
    this.nemesis.push(fault);
    this.inject(this.faultActions(fault, this.nemesis.length - 1));
  }

  /** Gives fault `index` an end at now, replacing any later end it had. */
  private endFault(index: number, end: (fault: Fault) => Fault): void {
    const fault = this.nemesis[index] as Fault;
    const ended = end(fault);
    this.nemesis[index] = ended;
    const run = this.run;
    run.pending = run.pending.filter((a) => !(a.list === 0 && a.index === index && a.phase === 1));
    const endAction = this.faultActions(ended, index).filter((a) => a.phase === 1);
    this.inject(endAction);
  }

  private lastIndexOf(predicate: (fault: Fault) => boolean): number {
    for (let i = this.nemesis.length - 1; i >= 0; i--) if (predicate(this.nemesis[i] as Fault)) return i;
    return -1;
  }

  private deliverCommand(run: Run, command: ClientCommand): void {
    const target = command.to ?? this.leaderAmong(run, true);
    let outcome: SubmitOutcome;
    if (target === null) outcome = { status: 'no-leader' };
    else if (!run.net.isUp(nodeId(target)) || run.net.isPaused(nodeId(target))) outcome = { status: 'unavailable', node: target };
    else {
      const result = clientRequest(this.nodeIn(run, target), command.request);
      outcome = result.ok
        ? { status: 'appended', node: target, index: result.index, term: result.term }
        : { status: 'rejected', node: target, reason: result.reason, leaderHint: result.leaderHint };
    }
    run.hash.string(outcome.status);
    run.clients.push({ ...command, outcome });
  }

  private leaderAmong(run: Run, reachableOnly: boolean): string | null {
    let best: RaftNode | null = null;
    for (const node of run.nodes.values()) {
      const id = nodeId(node.id);
      if (node.role !== 'leader' || !run.net.isUp(id) || (reachableOnly && run.net.isPaused(id))) continue;
      if (best === null || node.durable.currentTerm > best.durable.currentTerm) best = node;
    }
    return best?.id ?? null;
  }

  private view(run: Run, id: string): RaftNodeView {
    const node = this.nodeIn(run, id);
    const up = run.net.isUp(nodeId(id));
    const leader = node.role === 'leader';
    return {
      id,
      up,
      paused: run.net.isPaused(nodeId(id)),
      member: node.isMember,
      config: node.config,
      role: node.role,
      term: node.durable.currentTerm,
      votedFor: node.durable.votedFor,
      leaderId: node.leaderId,
      log: node.durable.log.slice(),
      commitIndex: node.commitIndex,
      lastApplied: node.lastApplied,
      state: Object.fromEntries(node.state),
      localTime: node.ctx?.localTime() ?? 0,
      electionTimer: up ? node.electionTimer : null,
      votes: node.role === 'candidate' ? [...node.votes] : node.role === 'pre-candidate' ? [...node.preVotes] : [],
      nextIndex: leader ? Object.fromEntries(node.nextIndex) : null,
      matchIndex: leader ? Object.fromEntries(node.matchIndex) : null,
    };
  }

  private node(id: string): RaftNode {
    return this.nodeIn(this.run, id);
  }

  private nodeIn(run: Run, id: string): RaftNode {
    const node = run.nodes.get(id);
    if (!node) throw new SimInputError('node', `must be one of ${this.ids.join(', ')}`, id);
    return node;
  }

  private requireServer(name: string, id: string): void {
    if (!this.ids.includes(id)) throw new SimInputError(name, `must be one of ${this.ids.join(', ')}`, id);
  }
}
