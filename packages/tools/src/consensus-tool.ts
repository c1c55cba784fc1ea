/**
 * The Consensus Chooser's logic: its URL fields, a table of eleven agreement protocols, hard filters, a transparent
 * score and a one-paragraph explanation per protocol. The island only renders this.
 *
 * Placement. The n nodes go round-robin into the chosen regions (5 nodes in 3 regions: 2, 2, 1). Round trips between
 * regions are the models' fibre floors (`rttMatrixFromPlaces`) times the route stretch; two nodes in the same region
 * are `local` ms apart (a stated assumption: the models have no figure for availability zones). One population of
 * clients sits in each region, and every figure "seen by clients" is the plain mean over the regions.
 *
 * Latency. A leader-based protocol commits after (message delays ÷ 2) round trips to its write quorum: the round trip
 * to the (q − 1)-th nearest other node, where q is the quorum including the leader. For a majority that is the models'
 * `commitLatency`/`bestLeader`; for the other quorum sizes (Flexible Paxos phase 2, EPaxos fast path, Byzantine
 * quorums, 2PC's unanimity) `quorumRtt` below does the same for any q. Chain replication is the one protocol whose
 * write is a path, not a quorum: it costs the one-way hops from head to tail. Client write latency adds the client's
 * own round trip to the leader (chain: to the head, and back from the tail).
 *
 * Counts. Where the models' `protocolCost` covers a protocol (Raft, Multi-Paxos, PBFT, 2PC) its figures are used; the
 * other rows are counted here under the same convention (failure-free, client messages excluded, delays are one-way
 * hops on the critical path until the leader knows the outcome), each with its reasoning in `countedBy`.
 */
import {
  bestLeader,
  byzantineFaultsTolerated,
  crashFaultsTolerated,
  flexiblePaxosSafe,
  lookupPlace,
  majority,
  ModelInputError,
  type Place,
  protocolCost,
  replicasForByzantineFaults,
  replicasForCrashFaults,
  rttMatrixFromPlaces,
} from '@compendium/models';
import { choiceField, type Field, type FieldSet, listField, numberField, quote, type ValuesOf } from './fields.ts';
import { type RoutePath, routePath } from './latency-tool.ts';

export const FAULT_MODELS = ['crash', 'byzantine'] as const;
export const CONSISTENCY_LEVELS = ['linearizable', 'sequential', 'causal', 'eventual'] as const;
export const NEEDS = ['replication', 'atomic-commit'] as const;
export type FaultModel = (typeof FAULT_MODELS)[number];
export type Consistency = (typeof CONSISTENCY_LEVELS)[number];
export type Need = (typeof NEEDS)[number];

export const DEFAULT_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'] as const;
export const MAX_REGIONS = 8;
export const MAX_NODES = 25;
/** Same default as the Latency Calculator: measured Internet paths run about 1.5 to 3 times the great circle. */
export const DEFAULT_STRETCH = 1.5;
/** Round trip between two nodes in one region (different availability zones): an assumption, changeable. */
export const DEFAULT_LOCAL_RTT_MS = 1;
export const DEFAULT_BUDGET_MS = 250;

/** Short name of a place for prose: a cloud region by its code, a city by its name. */
export const placeLabel = (place: Place): string => (place.kind === 'cloud-region' ? place.id : place.name);

const regionList = listField<Place>({
  key: 'regions',
  label: 'Regions',
  defaultValue: DEFAULT_REGIONS.map((id) => lookupPlace(id) as Place),
  minItems: 1,
  maxItems: MAX_REGIONS,
  item: (raw) => {
    const place = lookupPlace(raw);
    return place ? { ok: true, value: place } : { ok: false, message: `no city or cloud region is called ${quote(raw)}` };
  },
  formatItem: (place) => place.id,
});

/** The region list, refusing a region named twice (two names for one place count as the same region). */
const regionsField: Field<readonly Place[]> = {
  ...regionList,
  parse(raw) {
    const result = regionList.parse(raw);
    if (!result.ok) return result;
    const seen = new Set<string>();
    for (const [index, place] of result.value.entries()) {
      if (seen.has(place.id)) return { ok: false, message: `Regions, entry ${index + 1}: ${place.id} is already listed` };
      seen.add(place.id);
    }
    return result;
  },
};

export const consensusFields = {
  need: choiceField<Need>('need', 'Need', NEEDS, 'replication'),
  faults: choiceField<FaultModel>('faults', 'Fault model', FAULT_MODELS, 'crash'),
  nodes: numberField({ key: 'nodes', label: 'Nodes', defaultValue: 5, min: 1, max: MAX_NODES, integer: true }),
  regions: regionsField,
  reads: numberField({ key: 'reads', label: 'Read fraction', defaultValue: 0.9, min: 0, max: 1 }),
  consistency: choiceField<Consistency>('consistency', 'Consistency', CONSISTENCY_LEVELS, 'linearizable'),
  latency: numberField({ key: 'latency', label: 'Write latency budget', defaultValue: DEFAULT_BUDGET_MS, above: 0, max: 100_000, unit: 'ms' }),
  stretch: numberField({ key: 'stretch', label: 'Route stretch', defaultValue: DEFAULT_STRETCH, min: 1, max: 10 }),
  local: numberField({ key: 'local', label: 'Round trip within a region', defaultValue: DEFAULT_LOCAL_RTT_MS, min: 0, max: 100, unit: 'ms' }),
} satisfies FieldSet;

export type ConsensusValues = ValuesOf<typeof consensusFields>;

// ---------------------------------------------------------------------------------------------------------------
// Quorum arithmetic the models do not cover for arbitrary quorum sizes.

/**
 * Round trip a node waits for a quorum of `quorum` nodes, itself included: the (quorum − 1)-th smallest round trip
 * to the others, 0 when the quorum is the node alone. With `quorum = majority(n)` this is the models' `commitLatency`.
 */
export function quorumRtt(matrix: readonly (readonly number[])[], node: number, quorum: number): number {
  const n = matrix.length;
  if (!Number.isInteger(quorum) || quorum < 1 || quorum > n) throw new ModelInputError('quorum', `must be a whole number from 1 to ${n}`, quorum);
  if (!Number.isInteger(node) || node < 0 || node >= n) throw new ModelInputError('node', `must be a node index below ${n}`, node);
  if (quorum === 1) return 0;
  const others = matrix[node]!.filter((_, j) => j !== node).sort((a, b) => a - b);
  return others[quorum - 2]!;
}

/** The node that reaches a quorum of `quorum` fastest (lowest index on ties, as the models' `bestLeader`). */
export function bestNodeForQuorum(matrix: readonly (readonly number[])[], quorum: number): { node: number; rtt: number } {
  let node = 0;
  let rtt = quorumRtt(matrix, 0, quorum);
  for (let i = 1; i < matrix.length; i++) {
    const candidate = quorumRtt(matrix, i, quorum);
    if (candidate < rtt) {
      node = i;
      rtt = candidate;
    }
  }
  return { node, rtt };
}

/** Byzantine quorum for n nodes tolerating f: any two intersect in at least f + 1 nodes, so in one correct node. */
export const byzantineQuorum = (n: number, f: number): number => Math.ceil((n + f + 1) / 2);

/** Flexible Paxos as this tool runs it: a phase-2 quorum one below a majority (at least 2), phase 1 what remains. */
export function flexibleQuorums(n: number): { phase1: number; phase2: number } {
  const phase2 = Math.min(n, Math.max(2, majority(n) - 1));
  const phase1 = n - phase2 + 1;
  if (!flexiblePaxosSafe(n, phase1, phase2)) throw new ModelInputError('nodes', 'gives Flexible Paxos quorums that do not intersect', n);
  return { phase1, phase2 };
}

/** EPaxos's fast-path quorum, F + ⌊(F + 1)/2⌋ with F = ⌊(n − 1)/2⌋ (Moraru et al. 2013, §4.3), never below a majority. */
export function epaxosFastQuorum(n: number): number {
  const f = crashFaultsTolerated(n);
  return Math.min(n, Math.max(majority(n), f + Math.floor((f + 1) / 2)));
}

// ---------------------------------------------------------------------------------------------------------------
// The protocol table.

export type ProtocolKey = 'raft' | 'multi-paxos' | 'epaxos' | 'flexible-paxos' | 'zab' | 'vr' | 'chain' | 'pbft' | 'hotstuff' | 'crdt' | '2pc';

type LatencyShape = 'leader' | 'leaderless' | 'chain' | 'local' | 'coordinator';
type ReadPath = 'lease' | 'zab' | 'ordered' | 'tail' | 'bft-read-only' | 'local' | 'participant';

export interface ProtocolSpec {
  readonly key: ProtocolKey;
  readonly name: string;
  readonly faultModel: 'crash' | 'byzantine' | 'none (blocking)';
  /** Replicas needed for f faults, as a formula. */
  readonly replicas: string;
  readonly leadership: string;
  readonly latencyShape: LatencyShape;
  readonly readPath: ReadPath;
  /** How reads are served, in words. */
  readonly readText: string;
  /** Strongest consistency it offers to clients (2PC: not a replication protocol). */
  readonly offers: Consistency | 'atomic commit';
  readonly messagesFormula: string;
  readonly delaysFormula: string;
  /** Where the message and delay counts come from: the models, or counted here and why. */
  readonly countedBy: string;
  readonly source: string;
  /** A fact about the protocol that always belongs in its explanation. */
  readonly caveat: string;
}

export const PROTOCOLS: readonly ProtocolSpec[] = [
  {
    key: 'raft',
    name: 'Raft',
    faultModel: 'crash',
    replicas: '2f + 1',
    leadership: 'stable leader',
    latencyShape: 'leader',
    readPath: 'lease',
    readText: 'at the leader, with a lease (or a ReadIndex heartbeat round without one)',
    offers: 'linearizable',
    messagesFormula: '2(n − 1)',
    delaysFormula: '2 (AppendEntries, reply)',
    countedBy: "models: protocolCost('raft')",
    source: 'D. Ongaro & J. Ousterhout, "In Search of an Understandable Consensus Algorithm", USENIX ATC 2014',
    caveat: 'Designed for understandability, with widely used implementations (etcd, Consul); without a lease a linearizable read costs a heartbeat round to a majority (ReadIndex).',
  },
  {
    key: 'multi-paxos',
    name: 'Multi-Paxos',
    faultModel: 'crash',
    replicas: '2f + 1',
    leadership: 'stable leader (distinguished proposer)',
    latencyShape: 'leader',
    readPath: 'lease',
    readText: 'at the leader, with a lease',
    offers: 'linearizable',
    messagesFormula: '2(n − 1)',
    delaysFormula: '2 (accept, accepted)',
    countedBy: "models: protocolCost('multi-paxos')",
    source: 'L. Lamport, "Paxos Made Simple", ACM SIGACT News 32(4), 2001, §3',
    caveat: 'The same steady-state cost as Raft; the paper leaves leader election, log compaction and membership changes to the implementer.',
  },
  {
    key: 'epaxos',
    name: 'EPaxos',
    faultModel: 'crash',
    replicas: '2f + 1',
    leadership: 'leaderless (any replica leads its own commands)',
    latencyShape: 'leaderless',
    readPath: 'ordered',
    readText: 'as commands, through the nearest replica',
    offers: 'linearizable',
    messagesFormula: '3(n − 1)',
    delaysFormula: '2 on the fast path, 4 when commands interfere',
    countedBy: 'counted here: PreAccept to the n − 1 others, their replies, then an asynchronous Commit to each (the non-thrifty variant)',
    source: 'I. Moraru, D. G. Andersen, M. Kaminsky, "There Is More Consensus in Egalitarian Parliaments", SOSP 2013',
    caveat: 'The fast path assumes commands that do not interfere; recovery is intricate, and Sutra (2020) found errors in the published version.',
  },
  {
    key: 'flexible-paxos',
    name: 'Flexible Paxos',
    faultModel: 'crash',
    replicas: '|Q1| + |Q2| > n',
    leadership: 'stable leader',
    latencyShape: 'leader',
    readPath: 'lease',
    readText: 'at the leader, with a lease',
    offers: 'linearizable',
    messagesFormula: '2(n − 1)',
    delaysFormula: '2 (accept, accepted)',
    countedBy: "models: protocolCost('multi-paxos'), since only the quorum each phase waits for changes",
    source: 'H. Howard, D. Malkhi, A. Spiegelman, "Flexible Paxos: Quorum Intersection Revisited", OPODIS 2016',
    caveat: 'Smaller replication quorums make commits cheaper, paid for when a new leader must be elected with the larger phase-1 quorum.',
  },
  {
    key: 'zab',
    name: 'ZAB (ZooKeeper)',
    faultModel: 'crash',
    replicas: '2f + 1',
    leadership: 'stable leader',
    latencyShape: 'leader',
    readPath: 'zab',
    readText: 'at any server (sequential); a linearizable read needs a sync through the leader first',
    offers: 'linearizable',
    messagesFormula: '3(n − 1)',
    delaysFormula: '2 (PROPOSAL, ACK)',
    countedBy: 'counted here: PROPOSAL to the n − 1 followers, their ACKs, then a COMMIT to each, off the critical path',
    source: 'F. P. Junqueira, B. C. Reed, M. Serafini, "Zab: High-performance broadcast for primary-backup systems", DSN 2011',
    caveat: 'Writes are linearizable; reads from a follower may be stale, which ZooKeeper calls sequential consistency.',
  },
  {
    key: 'vr',
    name: 'Viewstamped Replication',
    faultModel: 'crash',
    replicas: '2f + 1',
    leadership: 'stable primary',
    latencyShape: 'leader',
    readPath: 'lease',
    readText: 'at the primary, with a lease',
    offers: 'linearizable',
    messagesFormula: '2(n − 1)',
    delaysFormula: '2 (PREPARE, PREPAREOK)',
    countedBy: 'counted here: PREPARE to the n − 1 backups and their PREPAREOKs; the commit point rides on the next PREPARE (or a COMMIT when idle)',
    source: 'B. M. Oki & B. Liskov, PODC 1988; B. Liskov & J. Cowling, "Viewstamped Replication Revisited", MIT-CSAIL-TR-2012-021',
    caveat: 'Predates Paxos and has the same normal-case cost as Raft; it needs no disk write on the critical path if replicas fail independently.',
  },
  {
    key: 'chain',
    name: 'Chain replication',
    faultModel: 'crash',
    replicas: 'f + 1, plus a 2f + 1 configuration service',
    leadership: 'chain (head takes writes, tail answers)',
    latencyShape: 'chain',
    readPath: 'tail',
    readText: 'at the tail',
    offers: 'linearizable',
    messagesFormula: '2(n − 1)',
    delaysFormula: 'n − 1 (one hop per link, head to tail)',
    countedBy: 'counted here: the update passes down n − 1 links and an acknowledgement returns up each, off the client\'s path',
    source: 'R. van Renesse & F. B. Schneider, "Chain Replication for Supporting High Throughput and Availability", OSDI 2004',
    caveat: 'Tolerates n − 1 crashes only with an external configuration service (itself a 2f + 1 Paxos or Raft group) that detects failures and splices the chain; one slow node slows every write.',
  },
  {
    key: 'pbft',
    name: 'PBFT',
    faultModel: 'byzantine',
    replicas: '3f + 1',
    leadership: 'primary (changed by view change)',
    latencyShape: 'leader',
    readPath: 'bft-read-only',
    readText: 'read-only requests answered by a Byzantine quorum of replicas',
    offers: 'linearizable',
    messagesFormula: '2n(n − 1)',
    delaysFormula: '3 (pre-prepare, prepare, commit)',
    countedBy: "models: protocolCost('pbft')",
    source: 'M. Castro & B. Liskov, "Practical Byzantine Fault Tolerance", OSDI 1999',
    caveat: 'Its all-to-all prepare and commit phases make messages grow with n², which limits groups to a few dozen replicas.',
  },
  {
    key: 'hotstuff',
    name: 'HotStuff',
    faultModel: 'byzantine',
    replicas: '3f + 1',
    leadership: 'rotating leader',
    latencyShape: 'leader',
    readPath: 'ordered',
    readText: 'ordered like writes (the paper defines no read-only path)',
    offers: 'linearizable',
    messagesFormula: '8(n − 1)',
    delaysFormula: '6 (prepare, pre-commit, commit: a broadcast and votes each)',
    countedBy: 'counted here: basic HotStuff sends new-view, four leader broadcasts (prepare, pre-commit, commit, decide) and three rounds of votes, each n − 1 messages',
    source: 'M. Yin, D. Malkhi, M. K. Reiter, G. Golan Gueta, I. Abraham, "HotStuff: BFT Consensus with Linearity and Responsiveness", PODC 2019',
    caveat: 'Linear messages per phase make leader rotation cheap; chained HotStuff pipelines the phases to reach about one decision per round trip in throughput, not in latency.',
  },
  {
    key: 'crdt',
    name: 'CRDTs (no consensus)',
    faultModel: 'crash',
    replicas: 'any n: every replica accepts writes alone',
    leadership: 'none',
    latencyShape: 'local',
    readPath: 'local',
    readText: 'at the nearest replica',
    offers: 'causal',
    messagesFormula: 'n − 1',
    delaysFormula: '0 (replication is asynchronous)',
    countedBy: 'counted here: an operation-based update is broadcast once to the n − 1 other replicas',
    source: 'M. Shapiro, N. Preguiça, C. Baquero, M. Zawirski, "Conflict-free Replicated Data Types", SSS 2011',
    caveat: 'No agreement at all: replicas converge because every operation commutes, so only such types fit (counters, sets, last-writer-wins registers), and no invariant across replicas (a balance ≥ 0) can be enforced.',
  },
  {
    key: '2pc',
    name: 'Two-phase commit',
    faultModel: 'none (blocking)',
    replicas: 'n participants, all must vote yes',
    leadership: 'coordinator',
    latencyShape: 'coordinator',
    readPath: 'participant',
    readText: 'at each participant, under its locks',
    offers: 'atomic commit',
    messagesFormula: '4n',
    delaysFormula: '4 (prepare, vote, decision, ack)',
    countedBy: "models: protocolCost('2pc'); the coordinator runs beside the best-placed participant",
    source: 'J. Gray, "Notes on Data Base Operating Systems", 1978; P. A. Bernstein, V. Hadzilacos, N. Goodman, Concurrency Control and Recovery in Database Systems, 1987, ch. 7',
    caveat: 'Atomic commit, not consensus: every participant must vote yes, and if the coordinator fails after the votes the participants block until it returns.',
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Scoring rules, with their weights, so the page and the explanations can state them.

export const WEIGHTS = {
  /** Points for the lowest mean operation latency; others get 50 × (L_best + 1) / (L + 1). */
  latency: 50,
  /** Points for the fewest messages per write; others get 15 × (M_best + 1) / (M + 1). */
  messages: 15,
  /** Points for tolerating as many faults as a majority (crash) or 3f + 1 (Byzantine) group of n: 20 × min(1, f / f_ref). */
  faults: 20,
  /** Points for still committing after losing any one region (two or more regions). */
  regionLoss: 10,
  /** Deducted when the slowest region's writes exceed the budget. */
  overBudget: 25,
  /** Deducted when n exceeds the replicas the protocol needs for the faults it tolerates (e.g. an even n for 2f + 1); not for Flexible Paxos. */
  wastedNodes: 5,
  /** Deducted from chain replication, whose f + 1 tolerance rests on a separate 2f + 1 configuration service. */
  externalService: 5,
} as const;

export interface ScoreTerm {
  label: string;
  points: number;
}

export interface RegionLatency {
  region: string;
  write: number;
  read: number;
}

export interface ProtocolResult {
  spec: ProtocolSpec;
  eligible: boolean;
  /** Why it is excluded, when it is. */
  exclusions: string[];
  faultsTolerated: number;
  /** Replicas the protocol needs to tolerate faultsTolerated faults. */
  replicasNeeded: number;
  messages: number;
  messageDelays: number;
  /** Write quorum including the leader; undefined for chain replication and CRDTs. */
  quorum?: number;
  /** From the leader (or head, or coordinator) receiving a write until it is committed, in ms. */
  commitMs: number;
  /** Where the leader, head, coordinator or primary sits (a region label); undefined when leaderless. */
  leaderRegion?: string;
  /** Chain replication: the regions in chain order. */
  chainOrder?: string[];
  perRegion: RegionLatency[];
  writeMean: number;
  writeWorst: { ms: number; region: string };
  readMean: number;
  /** reads × read + (1 − reads) × write, averaged over the regions. */
  operationMean: number;
  /** Undefined with a single region. */
  survivesRegionLoss?: boolean;
  regionLossDetail: string;
  terms: ScoreTerm[];
  score: number;
  rank?: number;
  /** Within 0.05 points of the protocol ranked just above it. */
  tiedWithPrevious?: boolean;
  /** 2PC when atomic commit is the need: listed first by role, not by score. */
  role?: 'commit';
  why: string;
}

// ---------------------------------------------------------------------------------------------------------------

// One formatter each, built once: toLocaleString builds a new one on every call, which dominated the report's cost.
const ONE_DECIMAL = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const UP_TO_ONE_DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const WHOLE = new Intl.NumberFormat('en-US');
const oneDecimal = (value: number) => ONE_DECIMAL.format(value);
export const formatMs = (value: number) => `${oneDecimal(value)} ms`;
const plural = (count: number, one: string, many: string) => `${WHOLE.format(count)} ${count === 1 ? one : many}`;
const percent = (fraction: number) => `${UP_TO_ONE_DECIMAL.format(fraction * 100)} %`;
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const roundTrips = (delays: number) => {
  const trips = delays / 2;
  return `${UP_TO_ONE_DECIMAL.format(trips)} round ${trips === 1 ? 'trip' : 'trips'}`;
};

export interface Placement {
  /** The regions that hold nodes, in the reader's order. */
  regions: Place[];
  /** Region index of each node. */
  nodeRegion: number[];
  /** Nodes per region. */
  counts: number[];
  /** Region-to-region round trips, ms; the diagonal is the within-region round trip. */
  regionRtt: number[][];
  /** Node-to-node round trips, ms; 0 on the diagonal, as the models expect. */
  nodeRtt: number[][];
  /** Set when some chosen regions got no node. */
  note?: string;
}

export function placeNodes(values: Pick<ConsensusValues, 'nodes' | 'regions' | 'stretch' | 'local'>): Placement {
  const { nodes, stretch, local } = values;
  const regions = values.regions.slice(0, Math.min(nodes, values.regions.length));
  const dropped = values.regions.length - regions.length;
  const note =
    dropped > 0
      ? `${plural(nodes, 'node', 'nodes')} cannot cover ${values.regions.length} regions: ${values.regions
          .slice(regions.length)
          .map(placeLabel)
          .join(', ')} ${dropped === 1 ? 'gets' : 'get'} no replica and ${dropped === 1 ? 'is' : 'are'} left out.`
      : undefined;
  const floor = rttMatrixFromPlaces(regions, stretch);
  const regionRtt = floor.map((row, i) => row.map((value, j) => (i === j ? local : value)));
  const nodeRegion = Array.from({ length: nodes }, (_, i) => i % regions.length);
  const counts = regions.map((_, r) => nodeRegion.filter((x) => x === r).length);
  const nodeRtt = nodeRegion.map((a, i) => nodeRegion.map((b, j) => (i === j ? 0 : regionRtt[a]![b]!)));
  return { regions, nodeRegion, counts, regionRtt, nodeRtt, note };
}

/** Chain order over regions (nodes of one region stay adjacent) with the shortest head-to-tail path. */
function bestChain(placement: Placement, local: number, readWeight: number): { order: number[]; pathMs: number } {
  const r = placement.regions.length;
  const rtt = placement.regionRtt;
  const intra = placement.counts.reduce((sum, k) => sum + (k - 1), 0) * (local / 2);
  let best: { order: number[]; pathMs: number; readMean: number } | undefined;
  const visit = (order: number[], used: boolean[], length: number) => {
    if (order.length === r) {
      const pathMs = length + intra;
      const tail = order[r - 1]!;
      const readMean = mean(rtt.map((row) => row[tail]!)) * readWeight;
      if (!best || pathMs < best.pathMs - 1e-9 || (Math.abs(pathMs - best.pathMs) <= 1e-9 && readMean < best.readMean - 1e-9)) best = { order: [...order], pathMs, readMean };
      return;
    }
    for (let next = 0; next < r; next++) {
      if (used[next]) continue;
      const hop = order.length === 0 ? 0 : rtt[order.at(-1)!]![next]! / 2;
      if (best && length + hop + intra > best.pathMs + 1e-9) continue;
      used[next] = true;
      order.push(next);
      visit(order, used, length + hop);
      order.pop();
      used[next] = false;
    }
  };
  visit([], Array.from({ length: r }, () => false), 0);
  return { order: best!.order, pathMs: best!.pathMs };
}

interface Computed {
  faultsTolerated: number;
  replicasNeeded: number;
  /** Nodes that must survive for the protocol to keep committing. */
  needToProgress: number;
  messages: number;
  messageDelays: number;
  quorum?: number;
  commitMs: number;
  leaderRegion?: number;
  chainOrder?: number[];
  write: number[];
  read: number[];
  extra: string[];
}

function compute(spec: ProtocolSpec, values: ConsensusValues, placement: Placement): Computed {
  const n = values.nodes;
  const { regionRtt, nodeRtt, nodeRegion, regions } = placement;
  const strong = values.consistency === 'linearizable' || values.consistency === 'sequential';
  const local = values.local;
  const regionIndices = regions.map((_, c) => c);
  const crashF = crashFaultsTolerated(n);
  const byzF = byzantineFaultsTolerated(n);
  const extra: string[] = [];
  /** Round trip from clients in region c to the k-th nearest node (1-based). */
  const kthNearest = (c: number, k: number) => nodeRegion.map((r) => regionRtt[c]![r]!).sort((a, b) => a - b)[k - 1]!;

  const leaderBased = (quorum: number, delays: number, useModels: boolean) => {
    const models = useModels && quorum === majority(n) ? bestLeader(nodeRtt) : undefined;
    const choice = models ? { node: models.leader, rtt: models.commitLatency } : bestNodeForQuorum(nodeRtt, quorum);
    const commitMs = (delays / 2) * choice.rtt;
    const leaderRegion = nodeRegion[choice.node]!;
    const write = regionIndices.map((c) => regionRtt[c]![leaderRegion]! + commitMs);
    return { commitMs, leaderRegion, write };
  };

  switch (spec.key) {
    case 'raft':
    case 'multi-paxos':
    case 'vr':
    case 'zab': {
      const cost = protocolCost(spec.key === 'multi-paxos' ? 'multi-paxos' : 'raft', n);
      const messages = spec.key === 'zab' ? 3 * (n - 1) : cost.messages;
      const { commitMs, leaderRegion, write } = leaderBased(majority(n), cost.messageDelays, true);
      const leaderRead = regionIndices.map((c) => regionRtt[c]![leaderRegion]!);
      const localRead = regionIndices.map(() => local);
      const read = spec.key === 'zab' ? (values.consistency === 'linearizable' ? leaderRead : localRead) : strong ? leaderRead : localRead;
      return { faultsTolerated: crashF, replicasNeeded: replicasForCrashFaults(crashF), needToProgress: majority(n), messages, messageDelays: cost.messageDelays, quorum: majority(n), commitMs, leaderRegion, write, read, extra };
    }
    case 'flexible-paxos': {
      const { phase1, phase2 } = flexibleQuorums(n);
      const cost = protocolCost('multi-paxos', n);
      const { commitMs, leaderRegion, write } = leaderBased(phase2, cost.messageDelays, false);
      const read = regionIndices.map((c) => (strong ? regionRtt[c]![leaderRegion]! : local));
      const f = Math.min(n - phase1, n - phase2);
      extra.push(
        phase1 === phase2
          ? `With ${n} nodes both quorums are majorities of ${phase2}, so it runs exactly as Multi-Paxos.`
          : `Phase-2 (replication) quorum ${phase2}, phase-1 (election) quorum ${phase1}: commits survive ${n - phase2} failures, but electing a new leader survives only ${n - phase1}.`,
      );
      return { faultsTolerated: f, replicasNeeded: replicasForCrashFaults(f), needToProgress: Math.max(phase1, phase2), messages: cost.messages, messageDelays: cost.messageDelays, quorum: phase2, commitMs, leaderRegion, write, read, extra };
    }
    case 'epaxos': {
      const fast = epaxosFastQuorum(n);
      // Each region's clients use a replica in their own region as command leader.
      const leaderOf = regionIndices.map((c) => nodeRegion.indexOf(c));
      const fastRtt = leaderOf.map((node) => quorumRtt(nodeRtt, node, fast));
      const slowRtt = leaderOf.map((node) => quorumRtt(nodeRtt, node, majority(n)));
      const write = regionIndices.map((c) => local + fastRtt[c]!);
      const read = strong ? write : regionIndices.map(() => local);
      const slowWorst = Math.max(...regionIndices.map((c) => local + fastRtt[c]! + slowRtt[c]!));
      extra.push(`Fast quorum ${fast} of ${n}; a command that interferes with a concurrent one takes a second round trip to a majority (up to ${formatMs(slowWorst)} for a client).`);
      return { faultsTolerated: crashF, replicasNeeded: replicasForCrashFaults(crashF), needToProgress: majority(n), messages: 3 * (n - 1), messageDelays: 2, quorum: fast, commitMs: mean(fastRtt), write, read, extra };
    }
    case 'chain': {
      const { order, pathMs } = bestChain(placement, local, values.reads);
      const head = order[0]!;
      const tail = order.at(-1)!;
      const write = regionIndices.map((c) => regionRtt[c]![head]! / 2 + pathMs + regionRtt[c]![tail]! / 2);
      const read = regionIndices.map((c) => regionRtt[c]![tail]!);
      const f = n - 1;
      return { faultsTolerated: f, replicasNeeded: f + 1, needToProgress: 1, messages: 2 * (n - 1), messageDelays: n - 1, commitMs: pathMs, leaderRegion: head, chainOrder: order, write, read, extra };
    }
    case 'pbft':
    case 'hotstuff': {
      const q = byzantineQuorum(n, byzF);
      const delays = spec.key === 'pbft' ? protocolCost('pbft', n).messageDelays : 6;
      const messages = spec.key === 'pbft' ? protocolCost('pbft', n).messages : 8 * (n - 1);
      const { commitMs, leaderRegion, write } = leaderBased(q, delays, false);
      const weak = regionIndices.map((c) => kthNearest(c, byzF + 1));
      const read = !strong ? weak : spec.key === 'pbft' ? regionIndices.map((c) => kthNearest(c, q)) : write;
      extra.push(`Byzantine quorum ⌈(n + f + 1)/2⌉ = ${q} of ${n}.`);
      return { faultsTolerated: byzF, replicasNeeded: replicasForByzantineFaults(byzF), needToProgress: q, messages, messageDelays: delays, quorum: q, commitMs, leaderRegion, write, read, extra };
    }
    case 'crdt': {
      const f = n - 1;
      return { faultsTolerated: f, replicasNeeded: f + 1, needToProgress: 1, messages: n - 1, messageDelays: 0, commitMs: 0, write: regionIndices.map(() => local), read: regionIndices.map(() => local), extra };
    }
    case '2pc': {
      const cost = protocolCost('2pc', n);
      const { commitMs, leaderRegion, write } = leaderBased(n, cost.messageDelays, false);
      return { faultsTolerated: 0, replicasNeeded: n, needToProgress: n, messages: cost.messages, messageDelays: cost.messageDelays, quorum: n, commitMs, leaderRegion, write, read: regionIndices.map(() => local), extra };
    }
  }
}

const CONSISTENCY_RANK: Record<Consistency, number> = { eventual: 0, causal: 1, sequential: 2, linearizable: 3 };

function exclusionsFor(spec: ProtocolSpec, values: ConsensusValues, computed: Computed): string[] {
  const reasons: string[] = [];
  const n = values.nodes;
  if (values.faults === 'byzantine' && spec.faultModel !== 'byzantine') {
    reasons.push(spec.key === '2pc' ? '2PC assumes every participant follows the protocol; it cannot survive a Byzantine one.' : `It tolerates crash faults only, and you asked for Byzantine tolerance.`);
  }
  if (spec.key === '2pc') {
    if (values.need === 'replication') reasons.push('2PC is atomic commit across shards, not replication: one failed participant or coordinator blocks every transaction it holds.');
  } else if (spec.offers !== 'atomic commit' && CONSISTENCY_RANK[spec.offers] < CONSISTENCY_RANK[values.consistency]) {
    reasons.push(`It offers ${spec.offers} consistency at best, and you need ${values.consistency}.`);
  }
  if (spec.key !== '2pc' && computed.faultsTolerated === 0) {
    const minimum = spec.faultModel === 'byzantine' ? 4 : spec.key === 'chain' || spec.key === 'crdt' ? 2 : 3;
    reasons.push(`With ${plural(n, 'node', 'nodes')} it tolerates no fault at all; it needs at least ${minimum}.`);
  }
  return reasons;
}

function regionLoss(placement: Placement, needToProgress: number, n: number, key: ProtocolKey): { survives?: boolean; detail: string } {
  if (placement.regions.length < 2) return { detail: 'With one region, losing it loses everything.' };
  if (key === '2pc') return { survives: false, detail: 'Losing any region loses a participant, and every transaction that touches it blocks.' };
  let worst = -1;
  for (const [r, count] of placement.counts.entries()) if (worst === -1 || count > placement.counts[worst]!) worst = r;
  const remaining = n - placement.counts[worst]!;
  const lost = placeLabel(placement.regions[worst]!);
  if (remaining >= needToProgress) {
    return {
      survives: true,
      detail:
        needToProgress === 1
          ? `It survives the loss of any one region: a single surviving replica${key === 'chain' ? ' (with the configuration service)' : ''} keeps going.`
          : `It survives the loss of any one region: losing ${lost} (${plural(placement.counts[worst]!, 'node', 'nodes')}) leaves ${remaining}, at least the ${needToProgress} it needs.`,
    };
  }
  return { survives: false, detail: `Losing ${lost} (${plural(placement.counts[worst]!, 'node', 'nodes')}) leaves ${remaining}, fewer than the ${needToProgress} it needs to commit, so it stops.` };
}

function latencySentence(spec: ProtocolSpec, c: Computed, r: Pick<ProtocolResult, 'writeMean' | 'writeWorst'>, regions: string[]): string {
  const clients = `clients wait ${formatMs(r.writeMean)} on average${regions.length > 1 ? `, ${formatMs(r.writeWorst.ms)} in ${r.writeWorst.region}` : ''}`;
  switch (spec.latencyShape) {
    case 'leader':
    case 'coordinator': {
      const who = spec.latencyShape === 'coordinator' ? 'the coordinator' : spec.key === 'vr' || spec.key === 'pbft' ? 'the primary' : 'the leader';
      const quorum = spec.key === '2pc' ? 'every participant' : `a quorum of ${c.quorum}`;
      return `A write commits in ${roundTrips(c.messageDelays)} from ${who} in ${regions[c.leaderRegion!]} to ${quorum}: ${formatMs(c.commitMs)}; ${clients}.`;
    }
    case 'leaderless':
      return `Each client's nearest replica leads its commands and commits in 1 round trip to a fast quorum of ${c.quorum}: ${formatMs(c.commitMs)} on average; ${clients}.`;
    case 'chain':
      return `The chain runs ${c.chainOrder!.map((i) => regions[i]).join(' → ')}; a write travels ${plural(c.messageDelays, 'hop', 'hops')} from head to tail in ${formatMs(c.commitMs)} and the tail replies; ${clients}.`;
    case 'local':
      return `A write is accepted by the nearest replica at once and replicated in the background: ${formatMs(r.writeMean)} for every client.`;
  }
}

function readSentence(spec: ProtocolSpec, values: ConsensusValues, r: ProtocolResult): string {
  const strong = values.consistency === 'linearizable' || values.consistency === 'sequential';
  let how: string;
  switch (spec.readPath) {
    case 'lease':
      how = strong ? 'at the leader under a lease (which assumes bounded clock drift)' : `at the nearest replica, which ${values.consistency} consistency allows`;
      break;
    case 'zab':
      how = values.consistency === 'linearizable' ? 'after a sync through the leader (a follower alone may be stale)' : 'at the nearest server';
      break;
    case 'ordered':
      how = strong
        ? 'as commands, ordered like writes'
        : spec.faultModel === 'byzantine'
          ? `by f + 1 = ${r.faultsTolerated + 1} matching replicas`
          : `at the nearest replica, which ${values.consistency} consistency allows`;
      break;
    case 'tail':
      how = 'at the tail';
      break;
    case 'bft-read-only':
      how = strong ? `by a quorum of ${r.quorum} replicas (PBFT's read-only requests)` : `by f + 1 = ${r.faultsTolerated + 1} matching replicas`;
      break;
    case 'local':
      how = 'at the nearest replica';
      break;
    case 'participant':
      return 'Reads happen at each participant under its locks, outside the commit protocol.';
  }
  return `With ${percent(values.reads)} reads served ${how}, reads average ${formatMs(r.readMean)}, for a mean operation of ${formatMs(r.operationMean)}.`;
}

export interface Picture {
  protocol: string;
  /** Region index of the leader, head or coordinator, if there is one. */
  leader?: number;
  /** What the lines mean, for the map's caption. */
  links: string;
  routes: RoutePath[];
}

function pictureOf(top: ProtocolResult | undefined, placement: Placement, labels: string[]): Picture | undefined {
  if (!top) return undefined;
  const r = placement.regions;
  const pairs: [number, number][] = [];
  let leader: number | undefined;
  let links: string;
  if (top.chainOrder) {
    const order = top.chainOrder.map((label) => labels.indexOf(label));
    for (let i = 1; i < order.length; i++) pairs.push([order[i - 1]!, order[i]!]);
    leader = order[0];
    links = `the chain from its head in ${top.chainOrder[0]} to its tail in ${top.chainOrder.at(-1)}`;
  } else if (top.leaderRegion !== undefined) {
    leader = labels.indexOf(top.leaderRegion);
    for (let i = 0; i < r.length; i++) if (i !== leader) pairs.push([leader, i]);
    links =
      top.spec.key === '2pc'
        ? `the coordinator in ${top.leaderRegion} and the participants it waits for`
        : `the ${top.spec.key === 'pbft' || top.spec.key === 'vr' ? 'primary' : 'leader'} in ${top.leaderRegion} and the regions it replicates to`;
  } else {
    for (let i = 0; i < r.length; i++) for (let j = i + 1; j < r.length; j++) pairs.push([i, j]);
    links = top.spec.key === 'crdt' ? 'background replication between every pair of regions' : 'every region exchanging commands with every other';
  }
  return { protocol: top.spec.name, leader, links, routes: pairs.map(([a, b]) => routePath(r[a]!, r[b]!, 32)) };
}

export type ConsensusReport =
  | {
      ok: true;
      placement: Placement;
      regionLabels: string[];
      results: ProtocolResult[];
      /** Eligible protocols, best first. */
      ranking: ProtocolResult[];
      excluded: ProtocolResult[];
      /** Headline sentence. */
      answer: string;
      /** Reference fault tolerance f_ref for the fault points. */
      faultReference: number;
      /** What the placement map draws: the top protocol's links between regions. */
      picture?: Picture;
    }
  | { ok: false; message: string };

export function consensusReport(values: ConsensusValues): ConsensusReport {
  try {
    return buildReport(values);
  } catch (error) {
    if (error instanceof ModelInputError) return { ok: false, message: `These inputs cannot be computed: ${error.message}.` };
    throw error;
  }
}

function buildReport(values: ConsensusValues): ConsensusReport {
  const n = values.nodes;
  const placement = placeNodes(values);
  const regionLabels = placement.regions.map(placeLabel);
  const faultReference = values.faults === 'byzantine' ? byzantineFaultsTolerated(n) : crashFaultsTolerated(n);

  const partial = PROTOCOLS.map((spec) => {
    const computed = compute(spec, values, placement);
    const perRegion = regionLabels.map((region, c) => ({ region, write: computed.write[c]!, read: computed.read[c]! }));
    const writeMean = mean(computed.write);
    let worstIndex = 0;
    for (const [c, w] of computed.write.entries()) if (w > computed.write[worstIndex]! + 1e-9) worstIndex = c;
    const readMean = mean(computed.read);
    const operationMean = mean(perRegion.map((p) => values.reads * p.read + (1 - values.reads) * p.write));
    const loss = regionLoss(placement, computed.needToProgress, n, spec.key);
    const exclusions = exclusionsFor(spec, values, computed);
    return {
      spec,
      computed,
      perRegion,
      writeMean,
      writeWorst: { ms: computed.write[worstIndex]!, region: regionLabels[worstIndex]! },
      readMean,
      operationMean,
      loss,
      exclusions,
    };
  });

  const pool = partial.filter((p) => p.exclusions.length === 0);
  const bestLatency = pool.length ? Math.min(...pool.map((p) => p.operationMean)) : 0;
  const bestMessages = pool.length ? Math.min(...pool.map((p) => p.computed.messages)) : 0;

  const results: ProtocolResult[] = partial.map((p) => {
    const terms: ScoreTerm[] = [
      { label: 'latency', points: (WEIGHTS.latency * (bestLatency + 1)) / (p.operationMean + 1) },
      { label: 'messages', points: (WEIGHTS.messages * (bestMessages + 1)) / (p.computed.messages + 1) },
      {
        label: 'fault tolerance',
        points: faultReference === 0 ? (p.computed.faultsTolerated > 0 ? WEIGHTS.faults : 0) : WEIGHTS.faults * Math.min(1, p.computed.faultsTolerated / faultReference),
      },
      { label: 'survives a region loss', points: p.loss.survives ? WEIGHTS.regionLoss : 0 },
    ];
    if (p.exclusions.length > 0) terms.length = 0;
    const overBudget = p.exclusions.length === 0 && p.writeWorst.ms > values.latency;
    if (overBudget) terms.push({ label: 'over the write budget', points: -WEIGHTS.overBudget });
    // Flexible Paxos is exempt: its extra nodes buy tolerance in the replication phase, which f (the minimum) hides.
    const wasted = p.exclusions.length === 0 && p.spec.key !== '2pc' && p.spec.key !== 'flexible-paxos' && p.computed.faultsTolerated > 0 && n > p.computed.replicasNeeded;
    if (wasted) terms.push({ label: 'nodes that add no tolerance', points: -WEIGHTS.wastedNodes });
    if (p.exclusions.length === 0 && p.spec.key === 'chain') terms.push({ label: 'needs a configuration service', points: -WEIGHTS.externalService });
    const score = terms.reduce((sum, t) => sum + t.points, 0);
    return {
      spec: p.spec,
      eligible: p.exclusions.length === 0,
      exclusions: p.exclusions,
      faultsTolerated: p.computed.faultsTolerated,
      replicasNeeded: p.computed.replicasNeeded,
      messages: p.computed.messages,
      messageDelays: p.computed.messageDelays,
      quorum: p.computed.quorum,
      commitMs: p.computed.commitMs,
      leaderRegion: p.computed.leaderRegion === undefined ? undefined : regionLabels[p.computed.leaderRegion],
      chainOrder: p.computed.chainOrder?.map((i) => regionLabels[i]!),
      perRegion: p.perRegion,
      writeMean: p.writeMean,
      writeWorst: p.writeWorst,
      readMean: p.readMean,
      operationMean: p.operationMean,
      survivesRegionLoss: p.loss.survives,
      regionLossDetail: p.loss.detail,
      terms,
      score,
      role: p.spec.key === '2pc' && values.need === 'atomic-commit' && p.exclusions.length === 0 ? 'commit' : undefined,
      why: '',
    };
  });
  const computedOf = new Map(results.map((r, i) => [r, partial[i]!.computed]));

  const tableOrder = new Map(PROTOCOLS.map((spec, i) => [spec.key, i]));
  const ranking = results
    .filter((r) => r.eligible)
    .sort((a, b) => (a.role === 'commit' ? -1 : b.role === 'commit' ? 1 : 0) || b.score - a.score || tableOrder.get(a.spec.key)! - tableOrder.get(b.spec.key)!);
  ranking.forEach((r, i) => {
    r.rank = i + 1;
    const previous = ranking[i - 1];
    r.tiedWithPrevious = previous !== undefined && previous.role === undefined && Math.abs(previous.score - r.score) < 0.05;
  });
  const excluded = results.filter((r) => !r.eligible);
  const replicationWinner = ranking.find((r) => r.role === undefined);

  for (const r of results) r.why = explain(r, computedOf.get(r)!, values, regionLabels, faultReference, replicationWinner);

  return {
    ok: true,
    placement,
    regionLabels,
    results,
    ranking,
    excluded,
    answer: headline(values, ranking, replicationWinner),
    faultReference,
    picture: pictureOf(ranking[0], placement, regionLabels),
  };
}

function faultSentence(r: ProtocolResult, n: number): string {
  const spec = r.spec;
  if (spec.key === '2pc') return `It tolerates no failure: ${n} participants must all vote yes.`;
  const kind = spec.faultModel === 'byzantine' ? 'Byzantine' : 'crash';
  const faults = plural(r.faultsTolerated, `${kind} fault`, `${kind} faults`);
  if (spec.key === 'chain') return `With ${n} nodes it tolerates ${faults} (f + 1 replicas), given a separate configuration service.`;
  if (spec.key === 'crdt') return `Every replica accepts writes alone, so it stays available through ${faults} and through partitions.`;
  if (spec.key === 'flexible-paxos') return `With ${n} nodes it tolerates ${faults} in every phase.`;
  return `With ${n} nodes it tolerates ${faults} (${spec.replicas}).`;
}

function explain(r: ProtocolResult, c: Computed, values: ConsensusValues, regions: string[], faultReference: number, winner: ProtocolResult | undefined): string {
  const spec = r.spec;
  const n = values.nodes;
  if (!r.eligible) return `Excluded. ${r.exclusions.join(' ')} ${spec.caveat}`;
  const parts: string[] = [];
  if (r.role === 'commit') {
    parts.push(
      `Your need is atomic commit across shards, which 2PC provides and the replication protocols do not, so it is listed first whatever its score.${
        winner ? ` Run it over replicated participants, each shard a ${winner.spec.name} group, as Spanner runs 2PC over Paxos groups (Corbett et al., 2012).` : ''
      }`,
    );
  }
  parts.push(faultSentence(r, n));
  parts.push(...c.extra);
  parts.push(latencySentence(spec, c, r, regions));
  parts.push(readSentence(spec, values, r));
  parts.push(`${plural(r.messages, 'message', 'messages')} per write (${spec.messagesFormula}).`);
  parts.push(r.regionLossDetail);
  if (r.writeWorst.ms > values.latency) {
    const budget = Number.isInteger(values.latency) ? `${WHOLE.format(values.latency)} ms` : formatMs(values.latency);
    parts.push(`Writes in ${r.writeWorst.region} (${formatMs(r.writeWorst.ms)}) exceed your ${budget} budget.`);
  }
  if (r.terms.some((t) => t.label === 'nodes that add no tolerance')) {
    const extraNodes = n - r.replicasNeeded;
    parts.push(
      `${r.replicasNeeded} nodes would tolerate the same ${plural(r.faultsTolerated, 'fault', 'faults')}; ${extraNodes === 1 ? 'the other node adds' : `the other ${extraNodes} add`} cost but no tolerance.`,
    );
  }
  if (spec.faultModel === 'byzantine' && values.faults === 'crash') parts.push('It pays for Byzantine tolerance you did not ask for.');
  if (faultReference > 0 && r.faultsTolerated < faultReference && spec.faultModel !== 'byzantine' && spec.key !== '2pc') {
    parts.push(`That is fewer faults than a majority group of ${n} survives (${faultReference}).`);
  }
  parts.push(spec.caveat);
  parts.push(`Score ${scoreText(r)}.`);
  return parts.join(' ');
}

export function scoreText(r: Pick<ProtocolResult, 'terms' | 'score'>): string {
  const terms = r.terms.map((t, i) => `${i === 0 ? '' : t.points < 0 ? ' − ' : ' + '}${t.label} ${oneDecimal(Math.abs(t.points))}`).join('');
  return `${oneDecimal(r.score)} = ${terms}`;
}

function headline(values: ConsensusValues, ranking: ProtocolResult[], winner: ProtocolResult | undefined): string {
  if (ranking.length === 0) {
    if (values.faults === 'byzantine' && values.nodes < 4) return `No protocol fits: tolerating even one Byzantine fault takes 4 nodes (3f + 1), and you have ${values.nodes}.`;
    if (values.nodes < 2) return 'No protocol fits: one node tolerates no fault. Add nodes: 3 for a majority protocol.';
    return 'No protocol fits every requirement; the table below says what excluded each one.';
  }
  if (ranking[0]!.role === 'commit') {
    return winner
      ? `Commit across shards with two-phase commit, and replicate each shard with ${winner.spec.name}.`
      : 'Commit across shards with two-phase commit; no replication protocol fits these inputs, so its participants stay unreplicated.';
  }
  const first = ranking[0]!;
  const tied = ranking.filter((r) => r !== first && Math.abs(r.score - first.score) < 0.05).map((r) => r.spec.name);
  const tie = tied.length > 0 ? ` (tied with ${tied.join(' and ')})` : '';
  return `${first.spec.name}${tie}: ${formatMs(first.operationMean)} per operation on average, ${plural(first.messages, 'message', 'messages')} per write, tolerating ${plural(first.faultsTolerated, 'fault', 'faults')}.`;
}
