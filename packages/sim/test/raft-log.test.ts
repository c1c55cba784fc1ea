import { describe, expect, it } from 'vitest';
import { candidateIsUpToDate, firstIndexOfTerm, isQuorum, lastLogTerm, latestConfigIndex, termAt } from '../src/raft/log.ts';
import type { LogEntry } from '../src/raft/types.ts';

/** A log from its terms alone, e.g. [1, 1, 2] (the commands do not matter to these helpers). */
function log(terms: number[]): LogEntry[] {
  return terms.map((term, i) => ({ term, command: { kind: 'set', key: 'k', value: String(i) } }));
}

describe('Raft log helpers', () => {
  it('termAt is 1-based, with term 0 for the empty prefix and past the end', () => {
    const l = log([1, 1, 3]);
    expect(termAt(l, 0)).toBe(0);
    expect(termAt(l, 1)).toBe(1);
    expect(termAt(l, 3)).toBe(3);
    expect(termAt(l, 4)).toBe(0);
    expect(lastLogTerm(l)).toBe(3);
    expect(lastLogTerm([])).toBe(0);
  });

  it('candidateIsUpToDate compares last terms first, then lengths (§5.4.1)', () => {
    const voter = log([1, 1, 2]);
    expect(candidateIsUpToDate(voter, 3, 1)).toBe(true); // higher last term wins even when shorter
    expect(candidateIsUpToDate(voter, 2, 3)).toBe(true); // same term, same length
    expect(candidateIsUpToDate(voter, 2, 4)).toBe(true); // same term, longer
    expect(candidateIsUpToDate(voter, 2, 2)).toBe(false); // same term, shorter
    expect(candidateIsUpToDate(voter, 1, 9)).toBe(false); // lower last term loses even when longer
    expect(candidateIsUpToDate([], 0, 0)).toBe(true);
  });

  it('firstIndexOfTerm finds the start of the run of a term ending at `from`', () => {
    const l = log([1, 1, 2, 2, 2, 4]);
    expect(firstIndexOfTerm(l, 2, 5)).toBe(3);
    expect(firstIndexOfTerm(l, 2, 4)).toBe(3);
    expect(firstIndexOfTerm(l, 1, 2)).toBe(1);
    expect(firstIndexOfTerm(l, 4, 6)).toBe(6);
  });

  it('isQuorum needs a strict majority of the members and ignores non-members', () => {
    expect(isQuorum(['a', 'b', 'c'], ['a', 'b'])).toBe(true);
    expect(isQuorum(['a', 'b', 'c'], ['a'])).toBe(false);
    expect(isQuorum(['a', 'b', 'c', 'd'], ['a', 'b'])).toBe(false); // half is not a majority
    expect(isQuorum(['a', 'b', 'c', 'd'], ['a', 'b', 'c'])).toBe(true);
    expect(isQuorum(['a', 'b', 'c'], ['a', 'x', 'y'])).toBe(false);
    expect(isQuorum(['a'], ['a'])).toBe(true);
  });

  it('latestConfigIndex finds the last configuration entry at or below an index', () => {
    const l: LogEntry[] = [...log([1]), { term: 1, command: { kind: 'config', servers: ['a', 'b'] } }, ...log([1]), { term: 2, command: { kind: 'config', servers: ['a'] } }];
    expect(latestConfigIndex(l)).toBe(4);
    expect(latestConfigIndex(l, 3)).toBe(2);
    expect(latestConfigIndex(l, 1)).toBe(0);
  });
});
