/**
 * The safety properties of Raft's Figure 3, checked as a run goes: each is tested at the moment it could first fail
 * (a leader elected, a log changed, an entry committed or applied), so a violation is reported with its time.
 *
 *  - Election Safety: at most one leader is elected in a term.
 *  - Leader Append-Only: a leader never removes entries from its log.
 *  - Log Matching: if two logs hold an entry with the same index and term, they are identical up to that index.
 *  - Leader Completeness: every entry committed in a term is in the log of every leader of a later term.
 *  - State Machine Safety: no two servers apply different entries at the same index (nor one server, across restarts);
 *    a committed entry is never removed from a log by a leader of a later term than the commit.
 */
import { describeCommand, sameEntry } from './log.ts';
import type { LogEntry, Role } from './types.ts';

export type Invariant = 'election-safety' | 'leader-append-only' | 'log-matching' | 'leader-completeness' | 'state-machine-safety';

export interface Violation {
  readonly time: number;
  readonly invariant: Invariant;
  readonly detail: string;
}

interface Committed {
  readonly entry: LogEntry;
  /** The term in which it was first known committed: leaders of later terms must hold it. */
  readonly term: number;
}

export class RaftChecker {
  readonly violations: Violation[] = [];
  private readonly leaders = new Map<number, string>();
  private readonly committed = new Map<number, Committed>();
  private readonly applied = new Map<number, LogEntry>();
  private readonly logs = new Map<string, readonly LogEntry[]>();
  private readonly now: () => number;
  private readonly termOf: (id: string) => number;

  /** `logs` are the servers' durable logs, read live; `termOf` gives a server's current term. */
  constructor(now: () => number, logs: ReadonlyMap<string, readonly LogEntry[]>, termOf: (id: string) => number) {
    this.now = now;
    this.termOf = termOf;
    for (const [id, log] of logs) this.logs.set(id, log);
  }

  /** How many entries are known committed (by any server, at any time so far). */
  get committedCount(): number {
    return this.committed.size;
  }

  leaderElected(id: string, term: number, log: readonly LogEntry[]): void {
    const other = this.leaders.get(term);
    if (other !== undefined && other !== id) this.report('election-safety', `${other} and ${id} were both elected leader in term ${term}`);
    else this.leaders.set(term, id);
    for (const [index, { entry, term: committedIn }] of this.committed) {
      if (committedIn < term && !sameEntry(log[index - 1], entry)) {
        this.report('leader-completeness', `${id}, leader of term ${term}, lacks entry ${index} (${describeCommand(entry.command)}, term ${entry.term}) committed in term ${committedIn}`);
      }
    }
  }

  /** `removed` are the entries cut off by a conflict, starting at index `removedFrom`. */
  logChanged(id: string, log: readonly LogEntry[], removedFrom: number, removed: readonly LogEntry[], role: Role, commitIndex: number): void {
    if (removed.length > 0) {
      if (role === 'leader') this.report('leader-append-only', `${id}, a leader, removed entries from index ${removedFrom}`);
      if (removedFrom <= commitIndex) this.report('state-machine-safety', `${id} removed entry ${removedFrom}, which it knew committed`);
      // A follower may lose an entry committed later than the term of the leader that cut it (that leader never had it;
      // a paused follower can hear such a leader after the commit). Only a leader of a later term must hold it.
      const term = this.termOf(id);
      removed.forEach((entry, k) => {
        const known = this.committed.get(removedFrom + k);
        if (known && known.term < term && sameEntry(known.entry, entry)) {
          this.report('state-machine-safety', `${id}, in term ${term}, removed entry ${removedFrom + k}, committed in term ${known.term}`);
        }
      });
    }
    this.checkLogMatching(id, log);
  }

  entryCommitted(id: string, index: number, entry: LogEntry): void {
    const known = this.committed.get(index);
    if (!known) this.committed.set(index, { entry, term: this.termOf(id) });
    else if (!sameEntry(known.entry, entry)) {
      this.report('state-machine-safety', `${id} committed ${describeCommand(entry.command)} (term ${entry.term}) at index ${index}, where ${describeCommand(known.entry.command)} (term ${known.entry.term}) was committed`);
    }
  }

  entryApplied(id: string, index: number, entry: LogEntry): void {
    const known = this.applied.get(index);
    if (!known) this.applied.set(index, entry);
    else if (!sameEntry(known, entry)) {
      this.report('state-machine-safety', `${id} applied ${describeCommand(entry.command)} at index ${index}, where ${describeCommand(known.command)} was applied`);
    }
  }

  /** Log Matching between `id`'s log and every other: find the highest index where the terms agree; below it, all must. */
  checkLogMatching(id: string, log: readonly LogEntry[]): void {
    for (const [other, otherLog] of this.logs) {
      if (other === id) continue;
      let index = Math.min(log.length, otherLog.length);
      while (index > 0 && log[index - 1]?.term !== otherLog[index - 1]?.term) index--;
      for (let i = index; i > 0; i--) {
        if (!sameEntry(log[i - 1], otherLog[i - 1])) {
          this.report('log-matching', `${id} and ${other} agree on the term of entry ${index} but differ at entry ${i}`);
          break;
        }
      }
    }
  }

  /** Every pair of logs, for a final check. */
  checkAllLogs(): void {
    for (const [id, log] of this.logs) this.checkLogMatching(id, log);
  }

  private report(invariant: Invariant, detail: string): void {
    this.violations.push({ time: this.now(), invariant, detail });
  }
}
