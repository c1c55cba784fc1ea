/**
 * Coordination costs: quorums, fault tolerance, message counts and commit latency.
 *
 *   read/write quorums overlap   R + W > N          (every read sees the latest write)
 *   write/write quorums overlap  W > N/2            (two writes cannot both succeed unseen)
 *   Flexible Paxos               |Q1| + |Q2| > N    (only phase-1 and phase-2 quorums must intersect)
 *   crash faults                 n = 2f + 1,  f = ⌊(n − 1)/2⌋
 *   Byzantine faults             n = 3f + 1,  f = ⌊(n − 1)/3⌋
 *   commit latency at a leader   the (m − 1)-th smallest RTT from the leader to the other replicas, where
 *                                m = ⌊n/2⌋ + 1 is a majority including the leader itself
 *
 * Message counting convention (ours, applied uniformly so the protocols can be compared): the failure-free case,
 * client request and reply excluded, n is the number of participants or replicas, the coordinator/leader is one
 * of the n replicas (2PC and 3PC: a separate coordinator and n participants), acknowledgements that are not on
 * the critical path are counted as messages but not as delays. "Message delays" are the one-way hops on the
 * critical path until the leader/coordinator knows the outcome; a round trip is two.
 *
 * Sources: D. K. Gifford, "Weighted voting for replicated data", SOSP 1979 (R + W > N); H. Howard, D. Malkhi,
 * A. Spiegelman, "Flexible Paxos", OPODIS 2016; J. Gray, "Notes on Data Base Operating Systems", 1978 (2PC);
 * D. Skeen, "Nonblocking commit protocols", SIGMOD 1981 (3PC); L. Lamport, "Paxos Made Simple", 2001;
 * D. Ongaro & J. Ousterhout, "In Search of an Understandable Consensus Algorithm", USENIX ATC 2014 (Raft);
 * M. Castro & B. Liskov, "Practical Byzantine Fault Tolerance", OSDI 1999 (PBFT);
 * M. Pease, R. Shostak, L. Lamport, "Reaching Agreement in the Presence of Faults", JACM 27(2), 1980 (3f + 1).
 */
import { ModelInputError, requireInteger, requireNonNegative } from './errors.ts';
import { haversineKm } from './geo.ts';
import { rttFloorMs, DEFAULT_STRETCH } from './latency.ts';
import type { Place } from './cities.ts';

export interface QuorumCheck {
  readonly replicas: number;
  readonly readQuorum: number;
  readonly writeQuorum: number;
  readonly readWriteOverlap: boolean;
  readonly writeWriteOverlap: boolean;
  /** Replicas that may be down while reads still succeed / writes still succeed. */
  readonly readFaultsTolerated: number;
  readonly writeFaultsTolerated: number;
}

function requireQuorum(name: string, q: number, n: number): number {
  requireInteger(name, q, 1);
  if (q > n) throw new ModelInputError(name, `must be at most the number of replicas (${n})`, q);
  return q;
}

export function quorumCheck(replicas: number, readQuorum: number, writeQuorum: number): QuorumCheck {
  const n = requireInteger('replicas', replicas, 1);
  const r = requireQuorum('readQuorum', readQuorum, n);
  const w = requireQuorum('writeQuorum', writeQuorum, n);
  return {
    replicas: n,
    readQuorum: r,
    writeQuorum: w,
    readWriteOverlap: r + w > n,
    writeWriteOverlap: 2 * w > n,
    readFaultsTolerated: n - r,
    writeFaultsTolerated: n - w,
  };
}

/** Flexible Paxos: phase-1 (leader election) and phase-2 (replication) quorums need only intersect each other. */
export function flexiblePaxosSafe(replicas: number, phase1Quorum: number, phase2Quorum: number): boolean {
  const n = requireInteger('replicas', replicas, 1);
  const q1 = requireQuorum('phase1Quorum', phase1Quorum, n);
  const q2 = requireQuorum('phase2Quorum', phase2Quorum, n);
  return q1 + q2 > n;
}

export const majority = (replicas: number): number => Math.floor(requireInteger('replicas', replicas, 1) / 2) + 1;

export const replicasForCrashFaults = (faults: number): number => 2 * requireInteger('faults', faults, 0) + 1;
export const replicasForByzantineFaults = (faults: number): number => 3 * requireInteger('faults', faults, 0) + 1;
export const crashFaultsTolerated = (replicas: number): number => Math.floor((requireInteger('replicas', replicas, 1) - 1) / 2);
export const byzantineFaultsTolerated = (replicas: number): number => Math.floor((requireInteger('replicas', replicas, 1) - 1) / 3);

export type ProtocolId = '2pc' | '3pc' | 'paxos' | 'multi-paxos' | 'raft' | 'pbft';

export interface ProtocolCost {
  readonly protocol: ProtocolId;
  readonly label: string;
  readonly participants: number;
  readonly messages: number;
  readonly messageDelays: number;
  readonly roundTrips: number;
  readonly faultModel: 'none (blocking)' | 'crash' | 'byzantine';
  readonly formula: string;
  readonly source: string;
}

interface ProtocolSpec {
  readonly label: string;
  readonly messages: (n: number) => number;
  readonly messageDelays: number;
  readonly faultModel: ProtocolCost['faultModel'];
  readonly formula: string;
  readonly source: string;
}

export const PROTOCOLS: Readonly<Record<ProtocolId, ProtocolSpec>> = {
  '2pc': {
    label: 'Two-phase commit',
    // prepare, vote, commit/abort, ack: one of each per participant.
    messages: (n) => 4 * n,
    messageDelays: 4,
    faultModel: 'none (blocking)',
    formula: '4n (prepare, vote, decision, ack)',
    source: 'J. Gray, Notes on Data Base Operating Systems, 1978; Bernstein, Hadzilacos & Goodman, 1987, ch. 7',
  },
  '3pc': {
    label: 'Three-phase commit',
    messages: (n) => 6 * n,
    messageDelays: 6,
    faultModel: 'crash',
    formula: '6n (can-commit, yes, pre-commit, ack, do-commit, done)',
    source: 'D. Skeen, Nonblocking Commit Protocols, SIGMOD 1981',
  },
  paxos: {
    label: 'Paxos (both phases)',
    messages: (n) => 4 * (n - 1),
    messageDelays: 4,
    faultModel: 'crash',
    formula: '4(n − 1) (prepare, promise, accept, accepted)',
    source: 'L. Lamport, Paxos Made Simple, 2001',
  },
  'multi-paxos': {
    label: 'Multi-Paxos (steady state, stable leader)',
    messages: (n) => 2 * (n - 1),
    messageDelays: 2,
    faultModel: 'crash',
    formula: '2(n − 1) (accept, accepted)',
    source: 'L. Lamport, Paxos Made Simple, 2001, §3',
  },
  raft: {
    label: 'Raft (steady state)',
    messages: (n) => 2 * (n - 1),
    messageDelays: 2,
    faultModel: 'crash',
    formula: '2(n − 1) (AppendEntries and its reply)',
    source: 'D. Ongaro & J. Ousterhout, In Search of an Understandable Consensus Algorithm, USENIX ATC 2014',
  },
  pbft: {
    label: 'PBFT (normal case)',
    // pre-prepare (n − 1) + prepare (n − 1)² + commit n(n − 1) = 2n(n − 1)
    messages: (n) => 2 * n * (n - 1),
    messageDelays: 3,
    faultModel: 'byzantine',
    formula: '2n(n − 1) (pre-prepare, all-to-all prepare, all-to-all commit)',
    source: 'M. Castro & B. Liskov, Practical Byzantine Fault Tolerance, OSDI 1999',
  },
};

export function protocolCost(protocol: ProtocolId, participants: number): ProtocolCost {
  const spec = PROTOCOLS[protocol];
  if (!spec) throw new ModelInputError('protocol', `must be one of ${Object.keys(PROTOCOLS).join(', ')}`, protocol);
  const n = requireInteger('participants', participants, 1);
  return {
    protocol,
    label: spec.label,
    participants: n,
    messages: spec.messages(n),
    messageDelays: spec.messageDelays,
    roundTrips: spec.messageDelays / 2,
    faultModel: spec.faultModel,
    formula: spec.formula,
    source: spec.source,
  };
}

function validateRttMatrix(rtt: readonly (readonly number[])[]): number {
  const n = rtt.length;
  if (n === 0) throw new ModelInputError('rttMatrix', 'must have at least one replica', n);
  rtt.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== n) throw new ModelInputError(`rttMatrix[${i}]`, `must have ${n} entries (a square matrix)`, row?.length);
    for (const [j, v] of row.entries()) requireNonNegative(`rttMatrix[${i}][${j}]`, v);
  });
  return n;
}

/**
 * Commit latency for a leader: it needs acknowledgements from a majority minus itself, so it waits for the
 * (m − 1)-th fastest of the others. Zero for a single replica. Same unit as the matrix.
 */
export function commitLatency(rttMatrix: readonly (readonly number[])[], leader: number): number {
  const n = validateRttMatrix(rttMatrix);
  requireInteger('leader', leader, 0);
  if (leader >= n) throw new ModelInputError('leader', `must be a replica index below ${n}`, leader);
  const needed = majority(n) - 1;
  if (needed === 0) return 0;
  const others = rttMatrix[leader]!.filter((_, j) => j !== leader).sort((a, b) => a - b);
  return others[needed - 1]!;
}

export interface LeaderChoice {
  readonly leader: number;
  readonly commitLatency: number;
  /** Commit latency with each replica as leader, by index. */
  readonly byLeader: readonly number[];
}

export function bestLeader(rttMatrix: readonly (readonly number[])[]): LeaderChoice {
  const n = validateRttMatrix(rttMatrix);
  const byLeader = Array.from({ length: n }, (_, i) => commitLatency(rttMatrix, i));
  let leader = 0;
  for (let i = 1; i < n; i++) if (byLeader[i]! < byLeader[leader]!) leader = i;
  return { leader, commitLatency: byLeader[leader]!, byLeader };
}

/** RTT floors (ms, light in fibre) between every pair of places, for `bestLeader` on a map. */
export function rttMatrixFromPlaces(places: readonly Place[], stretch: number = DEFAULT_STRETCH): number[][] {
  return places.map((a) => places.map((b) => (a === b ? 0 : rttFloorMs(haversineKm(a, b), stretch))));
}
