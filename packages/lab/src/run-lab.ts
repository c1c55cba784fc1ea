/**
 * runLockLab: runs a reader's lock (a lock service and its clients) on the simulated network under a fault schedule,
 * records what the lock service granted and what the storage accepted, and checks that record for mutual exclusion
 * with @compendium/check. The story is Kleppmann's ("How to do distributed locking", 2016): a client that pauses
 * past its lease still believes it holds the lock, and only a storage that checks fencing tokens can stop its write.
 *
 * The lab owns the workload, the storage and the record, so a solution cannot mark its own homework: the lock service
 * only announces its grants (`node.granted`), and a write counts when the storage accepted it. A run is a pure
 * function of its options and seed. Solution code that throws or misuses the API ends the run with verdict 'error',
 * naming the node and the callback; a run that never stops is cut by an event budget.
 */
import { checkMutualExclusion, type LockRecord, type LockViolation, type WriteRecord } from '@compendium/check';
import { createRandom, MAX_SEED, type Nemesis, Network, type NodeBehaviour, type NodeContext, nodeId, type Random, Simulation, validateNemesis } from '@compendium/sim';
import type { LabNode, LoadedSolution, LockClient, LockClientNode, LockServerNode, Message, Solution } from './api.ts';
import { LabInputError, requirePositiveFinite, requireWhole } from './errors.ts';

export const SERVER_ID = 'lock';
export const STORAGE_ID = 'storage';
export const MAX_CLIENTS = 9;
export const MAX_DURATION = 3600;
export const DEFAULT_MAX_EVENTS = 200_000;

/** The workload every client runs, in seconds of the client's own clock. */
export const WORKLOAD = {
  /** Client i (0-based) asks for the lock first at i × this, so who asks first does not hang on a latency draw. */
  stagger: 0.1,
  writesPerHold: 3,
  /** Between acquiring and the first write, between writes, and between the last write and the release. */
  writeInterval: 0.2,
  /** Rest between a release and the next acquire, drawn uniformly. */
  rest: [0.1, 0.5] as const,
} as const;

/** A LAN: one-way latency 10 to 30 ms, no loss unless a fault says so. */
const LINK = { latency: { kind: 'uniform', min: 0.01, max: 0.03 } } as const;

export function clientIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `c${i + 1}`);
}

export interface LockLabOptions {
  readonly solution: Solution | LoadedSolution;
  /** The fault schedule; nodes are "lock", "storage", "c1"...; default none. */
  readonly nemesis?: Nemesis;
  /** Default 1. */
  readonly seed?: number;
  /** Default 3. */
  readonly clients?: number;
  /** Virtual seconds; default 20. */
  readonly duration?: number;
  /** Simulator events before the run is stopped as runaway; default 200,000. */
  readonly maxEvents?: number;
  /** Wall-clock milliseconds before the run is stopped (checked between events); none by default. */
  readonly timeLimitMs?: number;
}

export type Verdict = 'safe' | 'unsafe' | 'error';

export interface LabFailure {
  readonly message: string;
  /** The node whose code failed, when one did. */
  readonly node?: string;
  /** What was running: "lockClient(node)", "acquire()", "the message handler (a message from c2)", "a timer callback"... */
  readonly callback: string;
  /** Virtual time of the failure. */
  readonly time: number;
  /** Line of the solution's source, when it can be told (solutions loaded from source). */
  readonly line?: number;
}

type NetworkKind = 'send' | 'deliver' | 'drop';
type FaultKind = 'crash' | 'restart' | 'pause' | 'resume' | 'partition' | 'heal' | 'clock';

export type TimelineEvent =
  /** `id` is the same on a message's send and its deliveries or drop, so a view can draw it from one lane to the other. */
  | { readonly time: number; readonly kind: NetworkKind; readonly channel: 'app' | 'storage'; readonly id: number; readonly from: string; readonly to: string; readonly message: unknown; readonly reason?: string }
  | { readonly time: number; readonly kind: FaultKind; readonly node?: string; readonly detail?: string }
  | { readonly time: number; readonly kind: 'grant'; readonly client: string; readonly token: number; readonly leaseUntil?: number }
  | { readonly time: number; readonly kind: 'acquired'; readonly client: string; readonly token?: number }
  | { readonly time: number; readonly kind: 'write'; readonly client: string; readonly token?: number; readonly accepted: boolean; readonly value: unknown }
  | { readonly time: number; readonly kind: 'release'; readonly client: string; readonly token?: number }
  | { readonly time: number; readonly kind: 'log'; readonly node: string; readonly text: string }
  | { readonly time: number; readonly kind: 'error'; readonly node?: string; readonly text: string };

export interface LabStats {
  readonly events: number;
  /** Virtual time the run reached. */
  readonly virtualTime: number;
  readonly grants: number;
  /** Times a client's acquire completed. */
  readonly acquisitions: number;
  readonly writes: number;
  readonly acceptedWrites: number;
  readonly rejectedWrites: number;
  readonly messagesSent: number;
  readonly messagesDropped: number;
}

export interface LockLabResult {
  readonly verdict: Verdict;
  readonly violations: readonly LockViolation[];
  readonly error?: LabFailure;
  /** The record checked: grants, releases and the storage's writes, on the lab's one clock. */
  readonly history: readonly LockRecord[];
  readonly timeline: readonly TimelineEvent[];
  readonly stats: LabStats;
  readonly seed: number;
  readonly clients: number;
  readonly duration: number;
  readonly nemesis: Nemesis;
}

type Envelope =
  | { readonly channel: 'app'; readonly body: Message }
  | { readonly channel: 'write'; readonly id: number; readonly token: number | undefined; readonly value: Message }
  | { readonly channel: 'write-result'; readonly id: number; readonly accepted: boolean };

/** Thrown to unwind the simulator once a failure is recorded; never seen outside this module. */
class LabAbort extends Error {}

/** Per life of a node (a crash ends one): its message handler and the callbacks of its pending writes. */
interface Life {
  handler: ((from: string, message: any) => void) | undefined;
  readonly pendingWrites: Map<number, (accepted: boolean) => void>;
  /** The client's current hold, as the lab records it: the token the write records carry. */
  holdToken: number | undefined;
  /** The token the solution handed to the workload, passed to the storage. */
  token: number | undefined;
}

const isSolutionSource = (s: Solution | LoadedSolution): s is LoadedSolution => typeof (s as LoadedSolution).instantiate === 'function';
const isToken = (t: unknown): t is number => typeof t === 'number' && Number.isSafeInteger(t) && t >= 0;

/** JSON when it can spell the value; a BigInt or a cycle makes JSON.stringify throw, and that must not end the lab. */
function jsonOrString(value: unknown): string {
  try {
    const json = JSON.stringify(value);
    if (json !== undefined) return json;
  } catch {
    // Fall through to String, which spells anything but an object without a prototype.
  }
  try {
    return String(value);
  } catch {
    return 'a value that cannot be printed';
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message;
  const text = typeof error === 'string' ? error : jsonOrString(error);
  return `threw ${text.length > 80 ? `${text.slice(0, 77)}...` : text}`;
}

function plainCopy(value: Message): { ok: true; value: Message } | { ok: false } {
  try {
    return { ok: true, value: structuredClone(value) };
  } catch {
    return { ok: false };
  }
}

export function runLockLab(options: LockLabOptions): LockLabResult {
  const seed = options.seed ?? 1;
  const clientCount = options.clients ?? 3;
  const duration = options.duration ?? 20;
  const maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
  requireWhole('seed', seed, 0, MAX_SEED);
  requireWhole('clients', clientCount, 1, MAX_CLIENTS);
  requirePositiveFinite('duration', duration, MAX_DURATION);
  requireWhole('maxEvents', maxEvents, 1, 100_000_000);
  if (options.timeLimitMs !== undefined) requirePositiveFinite('timeLimitMs', options.timeLimitMs);
  const solution = options.solution;
  if (!solution || (!isSolutionSource(solution) && (typeof solution.lockServer !== 'function' || typeof solution.lockClient !== 'function'))) {
    throw new LabInputError('solution', 'must provide lockServer(node) and lockClient(node), or be a loaded solution');
  }
  const clients = clientIds(clientCount);
  const nodes = [SERVER_ID, STORAGE_ID, ...clients];
  const nemesis = options.nemesis ?? [];
  validateNemesis(nemesis, nodes);

  const sim = new Simulation(seed);
  const workloadRandom = createRandom((seed ^ 0x5bd1e995) >>> 0);
  const history: LockRecord[] = [];
  /** Lab events, each with the length of the network's log when it happened, to merge the two in order. */
  const labEvents: { at: number; event: TimelineEvent }[] = [];
  const tokenlessWrites = new Set<LockRecord>();
  const latestGrant = new Map<string, number>();
  /** For a write without a token, the hold it was made under (the lab's bookkeeping, never shown to the storage). */
  const pendingHoldTokens = new Map<number, number>();
  const durable = new Map<string, Record<string, unknown>>(nodes.map((n) => [n, {}]));
  let highestGrantToken = 0;
  let writeIds = 0;
  let acquisitions = 0;
  let failure: LabFailure | undefined;
  let running: { node: string; callback: string } | undefined;
  let network: Network<Envelope> | undefined;

  const locate = isSolutionSource(solution) ? (solution as { locate?: (error: unknown) => number | undefined }).locate : undefined;
  const note = (event: TimelineEvent) => labEvents.push({ at: network?.log.length ?? 0, event });
  const record = <R extends LockRecord>(r: Omit<R, 'line'>): R => {
    const full = { ...r, line: history.length + 1 } as R;
    history.push(full);
    return full;
  };

  const fail = (f: Omit<LabFailure, 'time'>): never => {
    if (!failure) {
      failure = { ...f, time: sim.now };
      note({ time: sim.now, kind: 'error', ...(f.node ? { node: f.node } : {}), text: `${f.callback}: ${f.message}` });
    }
    throw new LabAbort();
  };
  /** Runs solution code; anything it throws becomes the run's failure, named after the node and the callback. */
  const guard = <T>(node: string, callback: string, fn: () => T): T => {
    const outer = running;
    running = { node, callback };
    try {
      return fn();
    } catch (error) {
      if (error instanceof LabAbort || failure) throw new LabAbort();
      const line = locate?.(error);
      return fail({ node, callback, message: describeError(error), ...(line !== undefined ? { line } : {}) });
    } finally {
      running = outer;
    }
  };
  /** A solution called the API wrongly: the failure names the API and the callback that made the call. */
  const misuse = (node: string, message: string): never => fail({ node, callback: running?.callback ?? 'a callback', message });

  const instantiate = (id: string): Solution => {
    if (!isSolutionSource(solution)) return solution;
    const fresh = guard(id, "the module's top-level code", () => solution.instantiate());
    if (typeof fresh?.lockServer !== 'function' || typeof fresh?.lockClient !== 'function') misuse(id, 'the module must export lockServer(node) and lockClient(node)');
    return fresh;
  };

  function baseNode(ctx: NodeContext<Envelope>, life: Life, peers: readonly string[]): LabNode {
    const id = ctx.id as string;
    return {
      id,
      serverId: SERVER_ID,
      clients,
      peers,
      now: () => ctx.localTime(),
      send(to, message) {
        if (typeof to !== 'string' || !peers.includes(to)) {
          misuse(id, `node.send: to must be one of ${peers.join(', ')}${to === STORAGE_ID ? ' (the storage is reached through node.storage.write)' : ''}, got ${JSON.stringify(to)}`);
        }
        const copy = plainCopy(message);
        if (!copy.ok) misuse(id, 'node.send: message must be plain data (numbers, strings, booleans, null, arrays, objects), not functions or class instances');
        ctx.send(nodeId(to), { channel: 'app', body: (copy as { value: Message }).value });
      },
      setTimer(delay, callback) {
        if (typeof delay !== 'number' || !Number.isFinite(delay) || delay < 0) misuse(id, `node.setTimer: delaySeconds must be a finite number ≥ 0, got ${String(delay)}`);
        if (typeof callback !== 'function') misuse(id, 'node.setTimer: callback must be a function');
        ctx.setTimer(delay, () => guard(id, 'a timer callback', callback));
      },
      onMessage(handler) {
        if (typeof handler !== 'function') misuse(id, 'node.onMessage: handler must be a function');
        life.handler = handler;
      },
      random: () => ctx.random(),
      log: (text) => note({ time: sim.now, kind: 'log', node: id, text: String(text) }),
      durable: durable.get(id) as Record<string, unknown>,
    };
  }

  const newLife = (): Life => ({ handler: undefined, pendingWrites: new Map(), holdToken: undefined, token: undefined });

  const deliverApp = (ctx: NodeContext<Envelope>, life: Life, from: string, envelope: Envelope) => {
    if (envelope.channel === 'app' && life.handler) {
      const handler = life.handler;
      guard(ctx.id, `the message handler (a message from ${from})`, () => handler(from, envelope.body));
    }
  };

  function serverBehaviour(): NodeBehaviour<Envelope> {
    let life = newLife();
    const start = (ctx: NodeContext<Envelope>) => {
      life = newLife();
      const impl = instantiate(SERVER_ID);
      const node: LockServerNode = {
        ...baseNode(ctx, life, clients),
        granted(client, token, leaseUntil) {
          if (!clients.includes(client)) misuse(SERVER_ID, `node.granted: client must be one of ${clients.join(', ')}, got ${JSON.stringify(client)}`);
          if (token !== undefined && !isToken(token)) misuse(SERVER_ID, `node.granted: token must be a whole number ≥ 0 or undefined, got ${String(token)}`);
          if (leaseUntil !== undefined && (typeof leaseUntil !== 'number' || !Number.isFinite(leaseUntil))) {
            misuse(SERVER_ID, `node.granted: leaseUntil must be a finite number (this node's clock) or undefined, got ${String(leaseUntil)}`);
          }
          const recorded = token ?? highestGrantToken + 1;
          highestGrantToken = Math.max(highestGrantToken, recorded);
          latestGrant.set(client, recorded);
          // The lease is on the server's clock; the record keeps one clock, so it is moved by the server's offset now.
          const until = leaseUntil === undefined ? undefined : sim.now + Math.max(0, leaseUntil - ctx.localTime());
          record({ type: 'grant', client, token: recorded, time: sim.now, ...(until !== undefined ? { leaseUntil: until } : {}) });
          note({ time: sim.now, kind: 'grant', client, token: recorded, ...(until !== undefined ? { leaseUntil: until } : {}) });
        },
      };
      guard(SERVER_ID, 'lockServer(node)', () => impl.lockServer(node));
    };
    return { start, restart: start, receive: (ctx, from, envelope) => deliverApp(ctx, life, from, envelope) };
  }

  function storageBehaviour(): NodeBehaviour<Envelope> {
    // Kept across a crash, as a real storage keeps it on disk: forgetting it would make fencing trivially unsafe.
    let highest: number | undefined;
    return {
      start() {},
      receive(ctx, from, envelope) {
        if (envelope.channel !== 'write') return;
        const { token } = envelope;
        const accepted = token === undefined || highest === undefined || token >= highest;
        if (accepted && token !== undefined) highest = Math.max(highest ?? token, token);
        const hold = pendingHoldTokens.get(envelope.id) ?? -1;
        pendingHoldTokens.delete(envelope.id);
        const written = record<WriteRecord>({ type: 'write', client: from, token: token ?? hold, time: sim.now, accepted });
        if (token === undefined) tokenlessWrites.add(written);
        note({ time: sim.now, kind: 'write', client: from, ...(token !== undefined ? { token } : {}), accepted, value: envelope.value });
        ctx.send(nodeId(from), { channel: 'write-result', id: envelope.id, accepted });
      },
    };
  }

  function clientBehaviour(index: number): NodeBehaviour<Envelope> {
    const id = clients[index] as string;
    const rest = workloadRandom.fork(index + 1);
    let life = newLife();

    const storageWrite = (ctx: NodeContext<Envelope>, owner: Life, token: number | undefined, value: Message, callback?: (accepted: boolean) => void) => {
      if (token !== undefined && !isToken(token)) misuse(id, `storage.write: token must be a whole number ≥ 0 or undefined, got ${String(token)}`);
      if (callback !== undefined && typeof callback !== 'function') misuse(id, 'storage.write: callback must be a function or left out');
      const copy = plainCopy(value);
      if (!copy.ok) misuse(id, 'storage.write: value must be plain data');
      const writeId = ++writeIds;
      if (callback) owner.pendingWrites.set(writeId, callback);
      if (token === undefined) pendingHoldTokens.set(writeId, owner.holdToken ?? latestGrant.get(id) ?? -1);
      ctx.send(nodeId(STORAGE_ID), { channel: 'write', id: writeId, token, value: (copy as { value: Message }).value });
    };

    const runWorkload = (ctx: NodeContext<Envelope>, owner: Life, client: LockClient, random: Random) => {
      let holds = 0;
      const cycle = () => {
        const hold = ++holds;
        let done = false;
        guard(id, 'acquire()', () =>
          client.acquire((token?: number) => {
            if (done) misuse(id, "acquire's done callback was called twice for one acquire");
            if (token !== undefined && !isToken(token)) misuse(id, `acquire's done: token must be a whole number ≥ 0 or undefined, got ${String(token)}`);
            done = true;
            acquisitions++;
            owner.token = token;
            owner.holdToken = token ?? latestGrant.get(id) ?? -1;
            note({ time: sim.now, kind: 'acquired', client: id, ...(token !== undefined ? { token } : {}) });
            write(hold, 1);
          }),
        );
      };
      const write = (hold: number, k: number) =>
        ctx.setTimer(WORKLOAD.writeInterval, () => {
          storageWrite(ctx, owner, owner.token, `${id} hold ${hold} write ${k}`);
          if (k < WORKLOAD.writesPerHold) write(hold, k + 1);
          else ctx.setTimer(WORKLOAD.writeInterval, release);
        });
      const release = () => {
        const token = owner.token;
        record({ type: 'release', client: id, time: sim.now, ...(owner.holdToken !== undefined ? { token: owner.holdToken } : {}) });
        note({ time: sim.now, kind: 'release', client: id, ...(token !== undefined ? { token } : {}) });
        owner.token = undefined;
        owner.holdToken = undefined;
        guard(id, 'release()', () => client.release(token));
        const [low, high] = WORKLOAD.rest;
        ctx.setTimer(low + (high - low) * random.next(), cycle);
      };
      ctx.setTimer(WORKLOAD.stagger * index, cycle);
    };

    const start = (ctx: NodeContext<Envelope>) => {
      life = newLife();
      const owner = life;
      const impl = instantiate(id);
      const node: LockClientNode = {
        ...baseNode(ctx, owner, [SERVER_ID, ...clients.filter((c) => c !== id)]),
        storage: { write: (token, value, callback) => storageWrite(ctx, owner, token, value, callback) },
      };
      const client = guard(id, 'lockClient(node)', () => impl.lockClient(node));
      if (typeof client?.acquire !== 'function' || typeof client?.release !== 'function') {
        misuse(id, 'lockClient(node) must return an object with acquire(done) and release(token)');
      }
      runWorkload(ctx, owner, client, rest);
    };
    return {
      start,
      restart: start,
      receive(ctx, from, envelope) {
        if (envelope.channel === 'write-result') {
          const callback = life.pendingWrites.get(envelope.id);
          life.pendingWrites.delete(envelope.id);
          if (callback) guard(id, 'a storage.write callback', () => callback(envelope.accepted));
          return;
        }
        deliverApp(ctx, life, from, envelope);
      },
    };
  }

  const behaviours: Record<string, NodeBehaviour<Envelope>> = { [SERVER_ID]: serverBehaviour(), [STORAGE_ID]: storageBehaviour() };
  clients.forEach((c, i) => {
    behaviours[c] = clientBehaviour(i);
  });
  network = new Network<Envelope>(sim, behaviours, LINK);
  network.apply(nemesis);

  const started = options.timeLimitMs === undefined ? 0 : performance.now();
  try {
    while (!failure && sim.step(duration)) {
      if (sim.events >= maxEvents && !failure) {
        failure = {
          callback: 'the run',
          message: `stopped after ${maxEvents.toLocaleString('en-US')} events at virtual time ${sim.now.toFixed(3)} s (the event budget): does a timer re-arm itself with no delay, or do two nodes answer each other without end?`,
          time: sim.now,
        };
      } else if (options.timeLimitMs !== undefined && sim.events % 1000 === 0 && performance.now() - started > options.timeLimitMs) {
        failure = { callback: 'the run', message: `stopped after ${options.timeLimitMs} ms of wall-clock time at virtual time ${sim.now.toFixed(3)} s`, time: sim.now };
      }
    }
  } catch (error) {
    if (!(error instanceof LabAbort)) throw error;
  }

  const timeline = mergeTimeline(network, labEvents);
  const writes = history.filter((r): r is WriteRecord => r.type === 'write');
  const stats: LabStats = {
    events: sim.events,
    virtualTime: sim.now,
    grants: history.filter((r) => r.type === 'grant').length,
    acquisitions,
    writes: writes.length,
    acceptedWrites: writes.filter((w) => w.accepted).length,
    rejectedWrites: writes.filter((w) => !w.accepted).length,
    messagesSent: network.log.filter((e) => e.kind === 'send').length,
    messagesDropped: network.log.filter((e) => e.kind === 'drop').length,
  };
  const base = { history, timeline, stats, seed, clients: clientCount, duration, nemesis };
  if (failure) return { verdict: 'error', violations: [], error: failure, ...base };
  // The lab's storage enforces fencing on every write that carries a token, so a "fencing" finding can only come
  // from a write without one, recorded under its hold's number: that is the overlap again, not a storage fault.
  const violations = checkMutualExclusion(history).violations.filter((v) => !(v.kind === 'fencing' && v.records.some((r) => tokenlessWrites.has(r))));
  return { verdict: violations.length > 0 ? 'unsafe' : 'safe', violations, ...base };
}

function mergeTimeline(network: Network<Envelope>, labEvents: readonly { at: number; event: TimelineEvent }[]): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  // The network logs one envelope object for a send and for its deliveries: its identity is the message's.
  const ids = new Map<object, number>();
  let next = 0;
  network.log.forEach((event, index) => {
    while (next < labEvents.length && (labEvents[next] as { at: number }).at <= index) out.push((labEvents[next++] as { event: TimelineEvent }).event);
    const time = event.time as number;
    if (event.kind === 'send' || event.kind === 'deliver' || event.kind === 'drop') {
      const envelope = event.message as Envelope;
      let id = ids.get(envelope);
      if (id === undefined) {
        id = ids.size + 1;
        ids.set(envelope, id);
      }
      const message = envelope.channel === 'app' ? envelope.body : envelope.channel === 'write' ? { write: envelope.value, token: envelope.token ?? null } : { accepted: envelope.accepted };
      out.push({
        time,
        kind: event.kind,
        channel: envelope.channel === 'app' ? 'app' : 'storage',
        id,
        from: event.from as string,
        to: event.to as string,
        message,
        ...(event.reason ? { reason: event.reason } : {}),
      });
    } else {
      out.push({ time, kind: event.kind, ...(event.node ? { node: event.node as string } : {}), ...(event.reason ? { detail: event.reason } : {}) });
    }
  });
  while (next < labEvents.length) out.push((labEvents[next++] as { event: TimelineEvent }).event);
  return out;
}
