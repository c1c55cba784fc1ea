/**
 * Reading a Raft log, 1-based as in the paper: index 0 is the empty prefix, whose term is 0, so "the entry before the
 * first one" needs no special case in the consistency check.
 */
import type { Command, LogEntry } from './types.ts';

export function lastLogIndex(log: readonly LogEntry[]): number {
  return log.length;
}

/** The term of the entry at `index`; 0 for index 0 and for an index past the end (no entry has term 0 otherwise). */
export function termAt(log: readonly LogEntry[], index: number): number {
  return index === 0 ? 0 : (log[index - 1]?.term ?? 0);
}

export function lastLogTerm(log: readonly LogEntry[]): number {
  return termAt(log, log.length);
}

export function entryAt(log: readonly LogEntry[], index: number): LogEntry | undefined {
  return log[index - 1];
}

/**
 * §5.4.1: a voter's log is at most as up-to-date as the candidate's when the candidate's last term is higher, or equal
 * with a last index at least as long. This is what keeps every committed entry in every later leader's log.
 */
export function candidateIsUpToDate(log: readonly LogEntry[], candidateLastTerm: number, candidateLastIndex: number): boolean {
  const myTerm = lastLogTerm(log);
  return candidateLastTerm > myTerm || (candidateLastTerm === myTerm && candidateLastIndex >= log.length);
}

/** The first index holding `term`, searching down from `from` (terms never decrease along a log). */
export function firstIndexOfTerm(log: readonly LogEntry[], term: number, from: number): number {
  let index = from;
  while (index > 1 && termAt(log, index - 1) === term) index--;
  return index;
}

/** The index of the latest configuration entry at or below `from`, or 0 when there is none (the initial configuration). */
export function latestConfigIndex(log: readonly LogEntry[], from = log.length): number {
  for (let index = Math.min(from, log.length); index > 0; index--) {
    if (log[index - 1]?.command.kind === 'config') return index;
  }
  return 0;
}

/** A strict majority of `members`, counting only the `supporters` that are members. */
export function isQuorum(members: readonly string[], supporters: Iterable<string>): boolean {
  let count = 0;
  for (const id of supporters) if (members.includes(id)) count++;
  return count * 2 > members.length;
}

export function describeCommand(command: Command): string {
  switch (command.kind) {
    case 'set':
      return `${command.key}=${command.value}`;
    case 'noop':
      return 'no-op';
    case 'config':
      return `config {${command.servers.join(', ')}}`;
  }
}

/** Two entries are the same entry when one leader created them (the same object), or, from a copy, when term and command agree. */
export function sameEntry(a: LogEntry | undefined, b: LogEntry | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.term !== b.term) return false;
  return a.command === b.command || describeCommand(a.command) === describeCommand(b.command);
}
