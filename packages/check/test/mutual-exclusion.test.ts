/**
 * checkMutualExclusion on small histories worked by hand: each violation found on a history built to show it, a
 * fenced history found safe, Kleppmann's lease-without-fencing history found unsafe, and bad records refused with
 * the field and the line named.
 */
import { describe, expect, it } from 'vitest';
import { CheckInputError, checkMutualExclusion, type LockViolationKind, parseLockHistory } from '../src/index.ts';

const lines = (records: readonly object[]): string => `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
const grant = (client: string | number, token: number, time: number, leaseUntil?: number) =>
  leaseUntil === undefined ? { type: 'grant', client, token, time } : { type: 'grant', client, token, time, leaseUntil };
const release = (client: string | number, token: number, time: number) => ({ type: 'release', client, token, time });
const write = (client: string | number, token: number, time: number, accepted: boolean) => ({ type: 'write', client, token, time, accepted });

const check = (records: readonly object[]) => checkMutualExclusion(parseLockHistory(lines(records)));
const kinds = (records: readonly object[]): LockViolationKind[] => check(records).violations.map((v) => v.kind);

describe('checkMutualExclusion: each violation', () => {
  it('token-order: a second grant of the same token (a lock service that lost its counter)', () => {
    const result = check([grant('a', 5, 0, 10), release('a', 5, 4), grant('b', 5, 6, 16)]);
    expect(result.mutualExclusion).toBe(false);
    expect(result.violations.map((v) => v.kind)).toEqual(['token-order']);
    expect(result.violations[0]!.clients).toEqual(['a', 'b']);
    expect(result.violations[0]!.records.map((r) => r.line)).toEqual([1, 3]);
  });

  it('token-order: a token lower than an earlier grant, whatever order the lines are in', () => {
    // Line 1 is the later grant; the checker orders by time, so token 3 at time 5 follows token 7 at time 0.
    expect(kinds([grant('b', 3, 5), grant('a', 7, 0)])).toEqual(['token-order']);
    expect(kinds([grant('a', 3, 0), grant('b', 7, 5)])).toEqual([]);
  });

  it('fencing: the storage accepts a token lower than one it already accepted (one client, so no overlap)', () => {
    // Client a renewed its hold (token 2) and then a write still carrying its old token 1 was accepted.
    const result = check([grant('a', 1, 0), grant('a', 2, 5), write('a', 2, 6, true), write('a', 1, 7, true)]);
    expect(result.violations.map((v) => v.kind)).toEqual(['fencing']);
    expect(result.violations[0]!.records.map((r) => r.line)).toEqual([3, 4]);
  });

  it('overlap: two holders given the same token have interleaved writes, which fencing cannot see', () => {
    // Tokens never decrease among accepted writes (all 5), so only the token-order check and the overlap check fire.
    const result = check([grant('a', 5, 0), write('a', 5, 1, true), grant('b', 5, 10), write('b', 5, 11, true), write('a', 5, 12, true)]);
    expect(result.violations.map((v) => v.kind)).toEqual(['token-order', 'overlap']);
    const overlap = result.violations[1]!;
    expect(overlap.clients).toEqual(['a', 'b']);
    // The proof: both grants, b's accepted write, then a's accepted write after it.
    expect(overlap.records.map((r) => r.line)).toEqual([1, 3, 4, 5]);
  });

  it('overlap is about interleaving as the storage saw it: a write before the next holder writes is not one', () => {
    // a writes at 11, after its lease (10) and after b's grant, but before any write of b: the storage saw a's
    // writes, then b's, never a mixture.
    expect(kinds([grant('a', 1, 0, 10), write('a', 1, 2, true), grant('b', 2, 10.5), write('a', 1, 11, true), write('b', 2, 12, true)])).toEqual([]);
  });

  it("overlap: a client's own renewals are not two holders", () => {
    expect(kinds([grant('a', 1, 0), write('a', 1, 1, true), grant('a', 1, 5), write('a', 1, 6, true)])).toEqual(['token-order']);
  });

  it('unknown-token: an accepted write with a token never granted to its client', () => {
    const result = check([grant('a', 1, 0), write('b', 1, 1, true)]);
    expect(result.violations.map((v) => v.kind)).toEqual(['unknown-token']);
    expect(result.violations[0]!.clients).toEqual(['b']);
    expect(result.violations[0]!.records.map((r) => r.line)).toEqual([2]);
  });

  it('unknown-token: an accepted write made before its grant', () => {
    expect(kinds([write('a', 1, 0, true), grant('a', 1, 1)])).toEqual(['unknown-token']);
  });

  it('rejected writes never violate anything, even with unknown or stale tokens', () => {
    expect(check([grant('a', 2, 0), write('a', 2, 1, true), write('b', 9, 2, false), write('a', 1, 3, false)]).mutualExclusion).toBe(true);
  });
});

describe('checkMutualExclusion: Kleppmann 2016, "How to do distributed locking"', () => {
  // Client 1 gets a lease (token 33), pauses for garbage collection past its expiry; client 2 gets the lock
  // (token 34) and writes; client 1 wakes up still believing it holds the lock and writes.
  const pausedHolder = (lateWriteAccepted: boolean) => [
    grant(1, 33, 0, 10),
    write(1, 33, 1, true),
    grant(2, 34, 11, 21),
    write(2, 34, 12, true),
    write(1, 33, 15, lateWriteAccepted),
    release(2, 34, 16),
  ];

  it('with fencing, the storage rejects the paused holder’s late write: safe', () => {
    const result = check(pausedHolder(false));
    expect(result).toEqual({ mutualExclusion: true, violations: [], records: 6, grants: 2, writes: 3, acceptedWrites: 2 });
  });

  it('with a lease and no fencing, the late write is accepted: the two holders overlap', () => {
    const result = check(pausedHolder(true));
    expect(result.mutualExclusion).toBe(false);
    const overlap = result.violations.find((v) => v.kind === 'overlap');
    expect(overlap).toBeDefined();
    expect(overlap!.clients).toEqual([1, 2]);
    expect(overlap!.records.map((r) => r.line)).toEqual([1, 3, 4, 5]);
    expect(overlap!.message).toContain('after its lease expired at 10');
    // Token 33 accepted after 34 is also exactly what a fenced storage would have refused.
    expect(result.violations.map((v) => v.kind).sort()).toEqual(['fencing', 'overlap']);
    expect(result.acceptedWrites).toBe(3);
  });
});

describe('parseLockHistory: bad records', () => {
  const refused = (records: readonly object[]): CheckInputError => {
    try {
      parseLockHistory(lines(records));
    } catch (error) {
      if (error instanceof CheckInputError) return error;
      throw error;
    }
    throw new Error('the history was accepted');
  };

  it('a grant without a token', () => {
    const error = refused([grant('a', 1, 0), { type: 'grant', client: 'b', time: 5 }]);
    expect(error.field).toBe('token');
    expect(error.line).toBe(2);
    expect(error.message).toBe('line 2: token is required (a finite number)');
  });

  it('a write without a token, and a token that is not a whole number', () => {
    expect(refused([{ type: 'write', client: 'a', time: 0, accepted: true }])).toMatchObject({ field: 'token', line: 1 });
    expect(refused([grant('a', 1, 0), grant('a', 1.5, 1)]).message).toBe('line 2: token must be a whole number, got 1.5');
  });

  it('an unknown type', () => {
    const error = refused([grant('a', 1, 0), write('a', 1, 1, true), { type: 'acquire', client: 'b', token: 2, time: 2 }]);
    expect(error).toMatchObject({ field: 'type', line: 3 });
    expect(error.message).toBe('line 3: type must be one of grant, release, write, got "acquire"');
  });

  it('a lease that ends before it was granted', () => {
    const error = refused([grant('a', 1, 5, 3)]);
    expect(error).toMatchObject({ field: 'leaseUntil', line: 1 });
    expect(error.message).toBe("line 1: leaseUntil must not be before the grant's time (5), got 3");
  });

  it('a write without its verdict, and a time that is not a number', () => {
    expect(refused([{ type: 'write', client: 'a', token: 1, time: 0 }])).toMatchObject({ field: 'accepted', line: 1 });
    expect(refused([{ type: 'release', client: 'a', time: 'later' }])).toMatchObject({ field: 'time', line: 1 });
  });
});
