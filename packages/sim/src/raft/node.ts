/**
 * One Raft server, written as one function per rule of the paper's Figure 2 (in the manner of Ongaro's RaftScope), plus
 * the pre-vote round (thesis §9.6) and single-server configuration changes (thesis §4.1). The server sees only its
 * NodeContext: messages, timers on its own clock, and its random stream; it never reads virtual time.
 *
 * Deliberate choices, each standard:
 *  - A new leader appends a no-op entry of its term (paper §8), so entries of earlier terms get committed without
 *    waiting for a client, through the Figure 8 rule that counts replicas only for entries of the current term.
 *  - A leader may append a configuration entry only when its log holds no uncommitted one and it has committed an
 *    entry of its own term (the fix Ongaro posted to raft-dev in 2015 for single-server changes).
 *  - A server outside its latest configuration starts elections only while that configuration is not known committed
 *    (thesis §4.2.2: it may still be needed to commit it), and never counts its own vote; so a spare, or a server whose
 *    removal is committed, stays quiet. Every server answers every RPC, whoever sends it (thesis §4.1).
 *  - Disruptive servers (thesis §4.2.3): while a server has heard from a leader within the minimum election timeout, it
 *    refuses pre-votes and ignores RequestVotes, neither adopting their term nor granting a vote, and a leader always
 *    does (see `believesLeaderAlive`). So a server that merely lost touch, or was removed without learning it, cannot
 *    depose a working leader. Otherwise RequestVotes follow Figure 2 exactly. There is no leadership transfer, so no
 *    request ever needs to bypass the rule.
 *  - No check-quorum: a leader cut off from its majority keeps believing it leads, as in the paper.
 */
import type { NodeBehaviour, NodeContext } from '../network.ts';
import { nodeId } from '../units.ts';
import { candidateIsUpToDate, entryAt, firstIndexOfTerm, isQuorum, lastLogIndex, lastLogTerm, latestConfigIndex, termAt } from './log.ts';
import type {
  AppendEntries,
  AppendEntriesResponse,
  ClientRequest,
  Command,
  Durable,
  LogEntry,
  PreVote,
  PreVoteResponse,
  RaftMessage,
  RaftTiming,
  RequestResult,
  RequestVote,
  RequestVoteResponse,
  Role,
} from './types.ts';

/** At most this many entries per AppendEntries, so a follower far behind catches up in rounds, not one huge message. */
export const MAX_ENTRIES_PER_APPEND = 32;

/** Notifications for checkers and views; a server's behaviour never depends on them. */
export interface RaftHooks {
  preCandidate?(id: string, term: number): void;
  candidate?(id: string, term: number): void;
  leader?(id: string, term: number, log: readonly LogEntry[]): void;
  /** The log changed; `removed` are the entries a conflict cut off, from index `removedFrom` on (none when only appended). */
  logChanged?(id: string, log: readonly LogEntry[], removedFrom: number, removed: readonly LogEntry[], role: Role, commitIndex: number): void;
  committed?(id: string, index: number, entry: LogEntry): void;
  applied?(id: string, index: number, entry: LogEntry): void;
}

/** A local-clock interval, for views that draw a timer filling up. */
export interface TimerView {
  readonly start: number;
  readonly end: number;
}

export class RaftNode {
  readonly id: string;
  readonly timing: RaftTiming;
  readonly hooks: RaftHooks;
  /** The configuration before any configuration entry: the initial members, or nothing for a spare server. */
  readonly initialConfig: readonly string[];
  /** Survives crashes: the network never touches it and `loseVolatileState` leaves it alone. */
  readonly durable: Durable = { currentTerm: 0, votedFor: null, log: [] };

  ctx: NodeContext<RaftMessage> | null = null;
  role: Role = 'follower';
  leaderId: string | null = null;
  commitIndex = 0;
  lastApplied = 0;
  readonly state = new Map<string, string>();
  /** The latest configuration in the log and where it is (0 = the initial one); kept in step with every log change. */
  config: readonly string[];
  configIndex = 0;
  readonly votes = new Set<string>();
  readonly preVotes = new Set<string>();
  readonly nextIndex = new Map<string, number>();
  readonly matchIndex = new Map<string, number>();
  /** True from hearing the current leader until the minimum election timeout has passed on this server's clock. */
  heardFromLeader = false;
  electionTimer: TimerView | null = null;
  /** Timers cannot be cancelled, so each arms with a generation and does nothing if a newer one has been armed since. */
  electionGeneration = 0;
  heartbeatGeneration = 0;

  constructor(id: string, initialConfig: readonly string[], timing: RaftTiming, hooks: RaftHooks = {}) {
    this.id = id;
    this.initialConfig = Object.freeze([...initialConfig]);
    this.config = this.initialConfig;
    this.timing = timing;
    this.hooks = hooks;
  }

  get isMember(): boolean {
    return this.config.includes(this.id);
  }
}

function context(node: RaftNode): NodeContext<RaftMessage> {
  if (!node.ctx) throw new Error(`Raft server ${node.id} has not started`);
  return node.ctx;
}

function send(node: RaftNode, to: string, message: RaftMessage): void {
  context(node).send(nodeId(to), message);
}

function otherMembers(node: RaftNode): string[] {
  return node.config.filter((id) => id !== node.id);
}

// ── Lifecycle ───────────────────────────────────────────────────────────────────────────────────────────────────────

export function startServer(node: RaftNode, ctx: NodeContext<RaftMessage>): void {
  node.ctx = ctx;
  refreshConfig(node);
  resetElectionTimer(node, false);
}

/** A crash: everything but `durable` is gone (Figure 2, "Volatile state"); timers of the old life never fire. */
export function loseVolatileState(node: RaftNode): void {
  node.role = 'follower';
  node.leaderId = null;
  node.commitIndex = 0;
  node.lastApplied = 0;
  node.state.clear();
  node.votes.clear();
  node.preVotes.clear();
  node.nextIndex.clear();
  node.matchIndex.clear();
  node.heardFromLeader = false;
  node.electionTimer = null;
  node.electionGeneration++;
  node.heartbeatGeneration++;
}

export function restartServer(node: RaftNode, ctx: NodeContext<RaftMessage>): void {
  loseVolatileState(node);
  startServer(node, ctx);
}

// ── Timers ──────────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Arms a fresh randomized election timeout on the server's own clock. It runs in two legs so that the pre-vote rule
 * can tell whether the leader was heard within the minimum timeout without reading a clock: the first leg (the
 * minimum) ends that grace period, the second leg (the random rest) ends the timeout.
 */
export function resetElectionTimer(node: RaftNode, leaderContact: boolean): void {
  const ctx = context(node);
  const generation = ++node.electionGeneration;
  node.heardFromLeader = leaderContact;
  const [min, max] = node.timing.electionTimeout;
  const timeout = min + (max - min) * ctx.random();
  const start = ctx.localTime();
  node.electionTimer = { start, end: start + timeout };
  ctx.setTimer(min, () => {
    if (generation !== node.electionGeneration) return;
    node.heardFromLeader = false;
    ctx.setTimer(timeout - min, () => {
      if (generation === node.electionGeneration) electionTimeout(node);
    });
  });
}

function cancelElectionTimer(node: RaftNode): void {
  node.electionGeneration++;
  node.electionTimer = null;
}

export function electionTimeout(node: RaftNode): void {
  if (node.role === 'leader') return;
  // A leader that removed itself and crashed before committing the change is the only one with the new configuration
  // in its log: the remaining members need it elected (their logs are behind), so it must campaign. Once the
  // configuration is committed, it is not needed any more.
  if (!node.isMember && node.configIndex <= node.commitIndex) {
    resetElectionTimer(node, false);
    return;
  }
  if (node.timing.preVote) startPreVote(node);
  else startElection(node);
}

function scheduleHeartbeat(node: RaftNode): void {
  const generation = ++node.heartbeatGeneration;
  const tick = () => {
    if (generation !== node.heartbeatGeneration || node.role !== 'leader') return;
    broadcastAppendEntries(node);
    context(node).setTimer(node.timing.heartbeat, tick);
  };
  context(node).setTimer(node.timing.heartbeat, tick);
}

// ── Elections ───────────────────────────────────────────────────────────────────────────────────────────────────────

/** Thesis §9.6: ask whether a majority would vote, changing no term and no vote, so a server that cannot win disturbs nobody. */
export function startPreVote(node: RaftNode): void {
  node.role = 'pre-candidate';
  node.leaderId = null;
  node.preVotes.clear();
  node.preVotes.add(node.id);
  resetElectionTimer(node, false);
  node.hooks.preCandidate?.(node.id, node.durable.currentTerm + 1);
  if (isQuorum(node.config, node.preVotes)) {
    startElection(node);
    return;
  }
  const { log } = node.durable;
  const request: PreVote = {
    type: 'PreVote',
    term: node.durable.currentTerm + 1,
    candidateId: node.id,
    lastLogIndex: lastLogIndex(log),
    lastLogTerm: lastLogTerm(log),
  };
  for (const peer of otherMembers(node)) send(node, peer, request);
}

export function startElection(node: RaftNode): void {
  const d = node.durable;
  d.currentTerm++;
  d.votedFor = node.id;
  node.role = 'candidate';
  node.leaderId = null;
  node.votes.clear();
  node.votes.add(node.id);
  resetElectionTimer(node, false);
  node.hooks.candidate?.(node.id, d.currentTerm);
  if (isQuorum(node.config, node.votes)) {
    becomeLeader(node);
    return;
  }
  const request: RequestVote = {
    type: 'RequestVote',
    term: d.currentTerm,
    candidateId: node.id,
    lastLogIndex: lastLogIndex(d.log),
    lastLogTerm: lastLogTerm(d.log),
  };
  for (const peer of otherMembers(node)) send(node, peer, request);
}

export function handlePreVote(node: RaftNode, from: string, m: PreVote): void {
  const d = node.durable;
  // The same test as a real vote, asked about the term the candidate would move to, and no state changes.
  const wouldVoteInTerm = m.term > d.currentTerm || (m.term === d.currentTerm && (d.votedFor === null || d.votedFor === m.candidateId));
  const granted = wouldVoteInTerm && !believesLeaderAlive(node) && candidateIsUpToDate(d.log, m.lastLogTerm, m.lastLogIndex);
  const response: PreVoteResponse = { type: 'PreVoteResponse', term: d.currentTerm, requestTerm: m.term, granted };
  send(node, from, response);
}

export function handlePreVoteResponse(node: RaftNode, from: string, m: PreVoteResponse): void {
  // A refusal from a later term means this server is behind; a grant may carry currentTerm + 1 and means nothing of the sort.
  if (!m.granted && m.term > node.durable.currentTerm) {
    stepDown(node, m.term);
    return;
  }
  if (node.role !== 'pre-candidate' || m.requestTerm !== node.durable.currentTerm + 1 || !m.granted) return;
  node.preVotes.add(from);
  if (isQuorum(node.config, node.preVotes)) startElection(node);
}

/**
 * Thesis §4.2.3: "if a server receives a RequestVote request within the minimum election timeout of hearing from a
 * current leader, it does not update its term or grant its vote". A follower knows this from `heardFromLeader`, which
 * its own clock clears once the minimum timeout has passed since the leader's last AppendEntries. A leader counts as
 * having heard from a current leader at every moment, itself, as in LogCabin (Ongaro's implementation, which withholds
 * votes indefinitely from becoming leader until stepping down). Otherwise the leader itself would be the hole in the
 * rule: a removed server's RequestVote reaches it too, and stepping down on the higher term is exactly the disruption
 * §4.2.3 exists to prevent ("if a leader is able to get heartbeats to its cluster, then it will not be deposed by
 * larger term numbers"). A leader cut off from its majority is still deposed, by the AppendEntries of the next leader.
 */
function believesLeaderAlive(node: RaftNode): boolean {
  return node.role === 'leader' || node.heardFromLeader;
}

export function handleRequestVote(node: RaftNode, from: string, m: RequestVote): void {
  const d = node.durable;
  if (believesLeaderAlive(node)) {
    // Answered rather than dropped, so the candidate sees a refusal; it carries this server's own term, which a
    // candidate of a later term ignores.
    const refusal: RequestVoteResponse = { type: 'RequestVoteResponse', term: d.currentTerm, granted: false };
    send(node, from, refusal);
    return;
  }
  if (m.term > d.currentTerm) stepDown(node, m.term);
  const granted =
    m.term === d.currentTerm && (d.votedFor === null || d.votedFor === m.candidateId) && candidateIsUpToDate(d.log, m.lastLogTerm, m.lastLogIndex);
  if (granted) {
    d.votedFor = m.candidateId;
    resetElectionTimer(node, false);
  }
  const response: RequestVoteResponse = { type: 'RequestVoteResponse', term: d.currentTerm, granted };
  send(node, from, response);
}

export function handleRequestVoteResponse(node: RaftNode, from: string, m: RequestVoteResponse): void {
  if (m.term > node.durable.currentTerm) {
    stepDown(node, m.term);
    return;
  }
  if (node.role !== 'candidate' || m.term !== node.durable.currentTerm || !m.granted) return;
  node.votes.add(from);
  if (isQuorum(node.config, node.votes)) becomeLeader(node);
}

export function becomeLeader(node: RaftNode): void {
  node.role = 'leader';
  node.leaderId = node.id;
  cancelElectionTimer(node);
  node.nextIndex.clear();
  node.matchIndex.clear();
  const next = lastLogIndex(node.durable.log) + 1;
  for (const peer of otherMembers(node)) {
    node.nextIndex.set(peer, next);
    node.matchIndex.set(peer, 0);
  }
  node.hooks.leader?.(node.id, node.durable.currentTerm, node.durable.log);
  appendAsLeader(node, { kind: 'noop' });
  broadcastAppendEntries(node);
  scheduleHeartbeat(node);
  advanceCommitIndex(node);
}

/** Figure 2, "All Servers": a higher term seen anywhere makes a server a follower of that term. */
export function stepDown(node: RaftNode, term: number): void {
  const d = node.durable;
  if (term > d.currentTerm) {
    d.currentTerm = term;
    d.votedFor = null;
    node.leaderId = null;
  }
  const was = node.role;
  node.role = 'follower';
  node.votes.clear();
  node.preVotes.clear();
  node.nextIndex.clear();
  node.matchIndex.clear();
  node.heartbeatGeneration++;
  // A follower keeps its running timeout (and its memory of the leader); a former leader had none, a candidate's was for its election.
  if (was !== 'follower') resetElectionTimer(node, false);
}

// ── Replication ─────────────────────────────────────────────────────────────────────────────────────────────────────

function appendAsLeader(node: RaftNode, command: Command): number {
  const log = node.durable.log;
  log.push(Object.freeze({ term: node.durable.currentTerm, command }));
  if (command.kind === 'config') refreshConfig(node, log.length);
  node.hooks.logChanged?.(node.id, log, log.length, [], node.role, node.commitIndex);
  return log.length;
}

export function sendAppendEntries(node: RaftNode, peer: string): void {
  const d = node.durable;
  let next = node.nextIndex.get(peer);
  if (next === undefined) {
    // A server added to the configuration since this leader took office.
    next = lastLogIndex(d.log) + 1;
    node.nextIndex.set(peer, next);
    node.matchIndex.set(peer, 0);
  }
  const prevLogIndex = next - 1;
  const request: AppendEntries = {
    type: 'AppendEntries',
    term: d.currentTerm,
    leaderId: node.id,
    prevLogIndex,
    prevLogTerm: termAt(d.log, prevLogIndex),
    entries: d.log.slice(prevLogIndex, prevLogIndex + MAX_ENTRIES_PER_APPEND),
    leaderCommit: node.commitIndex,
  };
  send(node, peer, request);
}

export function broadcastAppendEntries(node: RaftNode): void {
  for (const peer of otherMembers(node)) sendAppendEntries(node, peer);
}

export function handleAppendEntries(node: RaftNode, from: string, m: AppendEntries): void {
  const d = node.durable;
  const reply = (success: boolean, matchIndex: number, conflictIndex: number) => {
    const response: AppendEntriesResponse = { type: 'AppendEntriesResponse', term: d.currentTerm, success, matchIndex, conflictIndex };
    send(node, from, response);
  };
  if (m.term < d.currentTerm) {
    reply(false, 0, 0);
    return;
  }
  // A candidate or pre-candidate that hears a leader of its term (or later) accepts it (§5.2).
  if (m.term > d.currentTerm || node.role !== 'follower') stepDown(node, m.term);
  node.leaderId = m.leaderId;
  resetElectionTimer(node, true);

  // The consistency check (§5.3).
  if (m.prevLogIndex > d.log.length) {
    reply(false, 0, d.log.length + 1);
    return;
  }
  if (termAt(d.log, m.prevLogIndex) !== m.prevLogTerm) {
    reply(false, 0, firstIndexOfTerm(d.log, termAt(d.log, m.prevLogIndex), m.prevLogIndex));
    return;
  }

  // Delete an entry only where it conflicts: a late, duplicated AppendEntries must not cut entries a newer one added.
  let index = m.prevLogIndex;
  let removed: readonly LogEntry[] = [];
  let changedFrom = 0;
  for (const entry of m.entries) {
    index++;
    if (index <= d.log.length) {
      if (termAt(d.log, index) === entry.term) continue;
      removed = d.log.slice(index - 1);
      d.log.length = index - 1;
    }
    d.log.push(entry);
    if (changedFrom === 0) changedFrom = index;
  }
  if (changedFrom > 0) {
    refreshConfig(node, changedFrom);
    node.hooks.logChanged?.(node.id, d.log, changedFrom, removed, node.role, node.commitIndex);
  }

  // Only entries this request has shown to match the leader's may be marked committed.
  const lastNew = m.prevLogIndex + m.entries.length;
  if (m.leaderCommit > node.commitIndex) setCommitIndex(node, Math.min(m.leaderCommit, lastNew));
  reply(true, lastNew, 0);
}

export function handleAppendEntriesResponse(node: RaftNode, from: string, m: AppendEntriesResponse): void {
  if (m.term > node.durable.currentTerm) {
    stepDown(node, m.term);
    return;
  }
  if (node.role !== 'leader' || m.term !== node.durable.currentTerm) return;
  const match = node.matchIndex.get(from) ?? 0;
  const next = node.nextIndex.get(from) ?? lastLogIndex(node.durable.log) + 1;
  if (m.success) {
    if (m.matchIndex <= match) return;
    node.matchIndex.set(from, m.matchIndex);
    node.nextIndex.set(from, Math.max(next, m.matchIndex + 1));
    advanceCommitIndex(node);
    if (node.role === 'leader' && (node.nextIndex.get(from) ?? 0) <= lastLogIndex(node.durable.log)) sendAppendEntries(node, from);
    return;
  }
  // Never back below what the follower is known to hold: a stale refusal must not undo a later success.
  const retry = Math.max(match + 1, m.conflictIndex);
  if (retry >= next) return;
  node.nextIndex.set(from, retry);
  sendAppendEntries(node, from);
}

/**
 * §5.3 and §5.4.2: the highest index stored on a majority of the configuration becomes committed, but only if its entry
 * is of the leader's current term (Figure 8); earlier entries then follow by the Log Matching property.
 */
export function advanceCommitIndex(node: RaftNode): void {
  const d = node.durable;
  for (let n = lastLogIndex(d.log); n > node.commitIndex; n--) {
    if (termAt(d.log, n) !== d.currentTerm) break;
    const holders = node.config.filter((id) => (id === node.id ? lastLogIndex(d.log) : (node.matchIndex.get(id) ?? 0)) >= n);
    if (holders.length * 2 > node.config.length) {
      setCommitIndex(node, n);
      break;
    }
  }
  // Thesis §4.2.2: a leader removed from the configuration steps down once the new configuration is committed.
  if (node.role === 'leader' && !node.isMember && node.configIndex <= node.commitIndex) stepDown(node, d.currentTerm);
}

function setCommitIndex(node: RaftNode, index: number): void {
  if (index <= node.commitIndex) return;
  for (let i = node.commitIndex + 1; i <= index; i++) node.hooks.committed?.(node.id, i, entryAt(node.durable.log, i) as LogEntry);
  node.commitIndex = index;
  applyCommitted(node);
}

/** Applies committed entries in order to the key-value state machine. */
export function applyCommitted(node: RaftNode): void {
  while (node.lastApplied < node.commitIndex) {
    node.lastApplied++;
    const entry = entryAt(node.durable.log, node.lastApplied) as LogEntry;
    if (entry.command.kind === 'set') node.state.set(entry.command.key, entry.command.value);
    node.hooks.applied?.(node.id, node.lastApplied, entry);
  }
}

/**
 * Keeps `config` equal to the latest configuration entry in the log, in use as soon as it is appended and dropped if
 * the entry is truncated (thesis §4.1). `changedFrom` is the first index that may differ from the last call's log.
 */
function refreshConfig(node: RaftNode, changedFrom = 1): void {
  const log = node.durable.log;
  let index = 0;
  for (let i = log.length; i >= changedFrom && index === 0; i--) if (log[i - 1]?.command.kind === 'config') index = i;
  if (index === 0) index = node.configIndex < changedFrom ? node.configIndex : latestConfigIndex(log, changedFrom - 1);
  node.configIndex = index;
  const entry = index > 0 ? log[index - 1] : undefined;
  node.config = entry?.command.kind === 'config' ? entry.command.servers : node.initialConfig;
}

// ── Clients ─────────────────────────────────────────────────────────────────────────────────────────────────────────

/** A client request reaching this server: only a leader takes it, appends it and starts replicating at once. */
export function clientRequest(node: RaftNode, request: ClientRequest): RequestResult {
  const refuse = (reason: string): RequestResult => ({ ok: false, reason, leaderHint: node.leaderId === node.id ? null : node.leaderId });
  if (node.role !== 'leader') return refuse('not the leader');
  let command: Command;
  if (request.kind === 'set') {
    command = { kind: 'set', key: request.key, value: request.value };
  } else {
    const d = node.durable;
    if (node.configIndex > node.commitIndex) return refuse('a configuration change is still uncommitted');
    if (termAt(d.log, node.commitIndex) !== d.currentTerm) return refuse('no entry of this term is committed yet');
    const known = [node.id, ...context(node).peers.map(String)];
    if (!known.includes(request.server)) return refuse(`there is no server ${request.server}`);
    if (request.kind === 'add-server') {
      if (node.config.includes(request.server)) return refuse(`${request.server} is already a member`);
      command = { kind: 'config', servers: Object.freeze([...node.config, request.server].sort()) };
    } else {
      if (!node.config.includes(request.server)) return refuse(`${request.server} is not a member`);
      if (node.config.length === 1) return refuse('the last member cannot be removed');
      command = { kind: 'config', servers: Object.freeze(node.config.filter((id) => id !== request.server)) };
    }
  }
  const index = appendAsLeader(node, command);
  broadcastAppendEntries(node);
  advanceCommitIndex(node);
  return { ok: true, index, term: node.durable.currentTerm };
}

// ── Wiring ──────────────────────────────────────────────────────────────────────────────────────────────────────────

export function handleMessage(node: RaftNode, from: string, m: RaftMessage): void {
  switch (m.type) {
    case 'PreVote':
      handlePreVote(node, from, m);
      break;
    case 'PreVoteResponse':
      handlePreVoteResponse(node, from, m);
      break;
    case 'RequestVote':
      handleRequestVote(node, from, m);
      break;
    case 'RequestVoteResponse':
      handleRequestVoteResponse(node, from, m);
      break;
    case 'AppendEntries':
      handleAppendEntries(node, from, m);
      break;
    case 'AppendEntriesResponse':
      handleAppendEntriesResponse(node, from, m);
      break;
  }
}

/** The server as a network behaviour; `onReceive` sees every delivered message first (for a trace). */
export function raftBehaviour(node: RaftNode, onReceive?: (to: string, from: string, m: RaftMessage) => void): NodeBehaviour<RaftMessage> {
  return {
    start: (ctx) => startServer(node, ctx),
    receive: (_ctx, from, m) => {
      onReceive?.(node.id, from, m);
      handleMessage(node, from, m);
    },
    restart: (ctx) => restartServer(node, ctx),
  };
}
