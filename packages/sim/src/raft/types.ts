/**
 * The data of Raft (Ongaro and Ousterhout, "In Search of an Understandable Consensus Algorithm", USENIX ATC 2014,
 * Figure 2), with the pre-vote round and single-server configuration entries of Ongaro's thesis ("Consensus: Bridging
 * Theory and Practice", Stanford, 2014, §9.6 and §4.1). Everything here is plain data, so a snapshot of a run can be
 * posted from a worker and a test can compare runs.
 */

export type Role = 'follower' | 'pre-candidate' | 'candidate' | 'leader';

/** What a log entry asks the state machine to do. */
export type Command =
  | { readonly kind: 'set'; readonly key: string; readonly value: string }
  /** Appended by every new leader: committing it commits the earlier terms' entries below it (paper §5.4.2, §8). */
  | { readonly kind: 'noop' }
  /** The whole new configuration; a server uses the latest one in its log, committed or not (thesis §4.1). */
  | { readonly kind: 'config'; readonly servers: readonly string[] };

/** What a client may ask of the leader. */
export type ClientRequest =
  | { readonly kind: 'set'; readonly key: string; readonly value: string }
  | { readonly kind: 'add-server'; readonly server: string }
  | { readonly kind: 'remove-server'; readonly server: string };

/**
 * Entries are created once, by a leader, and then shared by reference between logs and messages; they are frozen so
 * that no copy can drift from the others.
 */
export interface LogEntry {
  readonly term: number;
  readonly command: Command;
}

/** What survives a crash (Figure 2, "Persistent state on all servers"). Log index i is `log[i - 1]`. */
export interface Durable {
  currentTerm: number;
  votedFor: string | null;
  log: LogEntry[];
}

/** "Would you vote for me in `term`?", asked before changing any state (thesis §9.6). `term` is the candidate's next term. */
export interface PreVote {
  readonly type: 'PreVote';
  readonly term: number;
  readonly candidateId: string;
  readonly lastLogIndex: number;
  readonly lastLogTerm: number;
}

export interface PreVoteResponse {
  readonly type: 'PreVoteResponse';
  /** The voter's own current term, which a rejected candidate adopts when it is ahead. */
  readonly term: number;
  /** The term the pre-vote was asked for, so a late answer to an earlier round is not counted. */
  readonly requestTerm: number;
  readonly granted: boolean;
}

export interface RequestVote {
  readonly type: 'RequestVote';
  readonly term: number;
  readonly candidateId: string;
  readonly lastLogIndex: number;
  readonly lastLogTerm: number;
}

export interface RequestVoteResponse {
  readonly type: 'RequestVoteResponse';
  readonly term: number;
  readonly granted: boolean;
}

export interface AppendEntries {
  readonly type: 'AppendEntries';
  readonly term: number;
  readonly leaderId: string;
  readonly prevLogIndex: number;
  readonly prevLogTerm: number;
  /** Empty for a heartbeat. */
  readonly entries: readonly LogEntry[];
  readonly leaderCommit: number;
}

export interface AppendEntriesResponse {
  readonly type: 'AppendEntriesResponse';
  readonly term: number;
  readonly success: boolean;
  /**
   * On success, the last index the follower now knows to match the leader's log (prevLogIndex + entries sent). Sent
   * back rather than recomputed by the leader because responses may arrive out of order or twice.
   */
  readonly matchIndex: number;
  /** On failure, where the leader should try next: the follower's log end, or the first entry of its conflicting term. */
  readonly conflictIndex: number;
}

export type RaftMessage = PreVote | PreVoteResponse | RequestVote | RequestVoteResponse | AppendEntries | AppendEntriesResponse;

export type RaftMessageType = RaftMessage['type'];

export interface RaftTiming {
  /** The randomized election timeout is drawn uniformly from [min, max] seconds of the node's own clock. */
  readonly electionTimeout: readonly [number, number];
  /** Seconds between a leader's AppendEntries rounds when there is nothing new to send. */
  readonly heartbeat: number;
  /** Run the pre-vote round before every election (thesis §9.6). */
  readonly preVote: boolean;
}

/** What a leader says to a client request. */
export type RequestResult =
  | { readonly ok: true; readonly index: number; readonly term: number }
  | { readonly ok: false; readonly reason: string; readonly leaderHint: string | null };
