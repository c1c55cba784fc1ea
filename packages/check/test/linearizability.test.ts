import { describe, expect, it } from 'vitest';
import { type CheckOptions, checkLinearizability, registerModel } from '../src/index.ts';
import { cas, history, type OpSpec, read, windowLines, write } from './helpers.ts';

const check = (ops: readonly OpSpec[], options: CheckOptions = {}) => checkLinearizability(history(ops), options);
const fromZero: CheckOptions = { model: registerModel({ initial: 0 }) };

describe('known histories', () => {
  // MIT 6.824 (2017) quiz 2, section VII, as encoded in Porcupine's TestRegisterModel; the register starts at 0.
  it('6.824 quiz: a read may return the old value while a later-starting read has returned the new one', () => {
    const ops = [write('c0', 0, 100, 100), read('c1', 25, 75, 100), read('c2', 30, 60, 0)];
    expect(check(ops, fromZero)).toEqual({ linearizable: true, model: 'register', operations: 3, keys: 1, checkedKeys: 1 });
  });

  it('6.824 quiz: once a read has returned the new value, a read that starts later cannot return the old one', () => {
    // The "new-old inversion" that separates an atomic register from a regular one (Lamport 1986).
    const ops = [write('c0', 0, 100, 200), read('c1', 10, 30, 200), read('c2', 40, 90, 0)];
    const result = check(ops, fromZero);
    expect(result).toMatchObject({ linearizable: false, checkedKeys: 1, failingKeyOperations: 3, windowMinimal: true });
    // The window is the two reads that contradict each other, not the read of 200 on its own (which only "fails"
    // if one forgets the write of 200 in flight).
    expect(windowLines(result)).toEqual([2, 3]);
    const { window: found } = result;
    expect(found?.[0]).toEqual({ line: 2, client: 'c1', call: 10, return: 30, input: { op: 'read' }, output: { value: 200 } });
  });

  // Porcupine's TestZeroDuration: operations whose call and return times are equal.
  it('zero-duration operations', () => {
    const ok = [write('c0', 0, 100, 100), read('c1', 25, 75, 100), read('c2', 30, 30, 0), read('c3', 30, 30, 0)];
    expect(check(ok, fromZero).linearizable).toBe(true);
    const bad = [write('c0', 0, 100, 200), read('c1', 10, 10, 200), read('c2', 10, 10, 200), read('c3', 40, 90, 0)];
    expect(check(bad, fromZero).linearizable).toBe(false);
  });

  it('a stale read after two sequential writes', () => {
    const result = check([write('a', 0, 1, 1), write('a', 2, 3, 2), read('b', 4, 5, 1)]);
    expect(result.linearizable).toBe(false);
    expect(windowLines(result)).toEqual([2, 3]);
  });

  it('compare-and-set: two concurrent swaps from the same value cannot both succeed', () => {
    const both = [write('a', 0, 1, 1), cas('b', 2, 4, 1, 2, true), cas('c', 3, 5, 1, 3, true)];
    const result = check(both);
    expect(result.linearizable).toBe(false);
    expect(windowLines(result)).toEqual([2, 3]);
    const one = [write('a', 0, 1, 1), cas('b', 2, 4, 1, 2, true), cas('c', 3, 5, 1, 3, false), read('d', 6, 7, 2)];
    expect(check(one).linearizable).toBe(true);
  });

  it('an empty history is linearizable', () => {
    expect(check([])).toEqual({ linearizable: true, model: 'register', operations: 0, keys: 0, checkedKeys: 0 });
  });
});

describe('concurrency edge cases', () => {
  it('a read concurrent with a write may return the old value or the new', () => {
    expect(check([write('a', 0, 10, 1), read('b', 5, 6, null)]).linearizable).toBe(true);
    expect(check([write('a', 0, 10, 1), read('b', 5, 6, 1)]).linearizable).toBe(true);
    expect(check([write('a', 0, 10, 1), read('b', 5, 6, 2)]).linearizable).toBe(false);
  });

  it('an operation that returned at t and one called at t count as concurrent; a moment later they do not', () => {
    expect(check([write('a', 0, 1, 1), read('b', 1, 2, null)]).linearizable).toBe(true);
    expect(check([write('a', 0, 1, 1), read('b', 1.001, 2, null)]).linearizable).toBe(false);
  });

  it('a write that never returned may have taken effect', () => {
    expect(check([write('a', 0, null, 1), read('b', 5, 6, 1)]).linearizable).toBe(true);
  });

  it('a write that never returned may not have taken effect', () => {
    expect(check([write('a', 0, null, 1), read('b', 5, 6, null)]).linearizable).toBe(true);
  });

  it('but once seen it cannot be undone', () => {
    const result = check([write('a', 0, null, 1), read('b', 5, 6, 1), read('c', 7, 8, null)]);
    expect(result.linearizable).toBe(false);
    expect(windowLines(result)).toEqual([2, 3]);
    const { window: found } = result;
    expect(found?.[0]?.return).toBe(6);
  });

  it('and it cannot take effect before it was called', () => {
    const result = check([read('b', 0, 1, 1), write('a', 2, null, 1)]);
    expect(result.linearizable).toBe(false);
    expect(windowLines(result)).toEqual([1]);
  });

  it('the window keeps the read that proves an unreturned write already took effect', () => {
    // Without line 2, the unreturned write of 1 could have landed after the write of 2, and line 4 would be right.
    const result = check([write('a', 0, null, 1), read('b', 5, 6, 1), write('c', 6.5, 6.6, 2), read('b', 7, 8, 1)]);
    expect(result.linearizable).toBe(false);
    expect(windowLines(result)).toEqual([2, 3, 4]);
  });

  it('an unreturned operation is reported with return null and no output', () => {
    const seen = check([write('a', 0, null, 1), read('b', 0.5, 8, 2)]);
    expect(seen.linearizable).toBe(false);
    const { window: found } = seen;
    expect(found?.[0]).toEqual({ line: 1, client: 'a', call: 0, return: null, input: { op: 'write', value: 1 } });
  });

  it('a compare-and-set that never returned may have swapped', () => {
    expect(check([write('a', 0, 1, 1), cas('b', 2, null, 1, 2, true), read('c', 5, 6, 2)]).linearizable).toBe(true);
    expect(check([write('a', 0, 1, 1), cas('b', 2, null, 1, 2, true), read('c', 5, 6, 1)]).linearizable).toBe(true);
    expect(check([write('a', 0, 1, 1), cas('b', 2, null, 7, 2, true), read('c', 5, 6, 2)]).linearizable).toBe(false);
  });

  it('a read that never returned constrains nothing', () => {
    expect(check([write('a', 0, 1, 1), read('b', 0, null, 'ignored')]).linearizable).toBe(true);
  });
});

describe('key-value histories, checked per key', () => {
  const ops = [
    write('a', 0, 1, 1, 'x'),
    write('b', 0, 1, 1, 'y'),
    read('c', 2, 3, 1, 'x'),
    write('a', 2, 3, 2, 'y'),
    read('b', 4, 5, 1, 'y'), // stale: y was 2 from time 3
    read('c', 4, 5, 1, 'x'),
  ];

  it('finds the failing key and a window of that key only, with the lines of the file', () => {
    const result = check(ops, { model: 'kv' });
    expect(result).toMatchObject({ linearizable: false, model: 'kv', operations: 6, keys: 2, checkedKeys: 2, failingKey: 'y', failingKeyOperations: 3 });
    expect(windowLines(result)).toEqual([4, 5]);
  });

  it('passes when every key does, even though the keys interleave', () => {
    const fixed = ops.map((op, i) => (i === 4 ? read('b', 4, 5, 2, 'y') : op));
    expect(check(fixed, { model: 'kv' })).toEqual({ linearizable: true, model: 'kv', operations: 6, keys: 2, checkedKeys: 2 });
  });

  it('names the line of an operation the model cannot read', () => {
    expect(() => check([write('a', 0, 1, 1, 'x'), read('b', 2, 3, 1)], { model: 'kv' })).toThrow('line 2: input.key is required by the kv model');
    expect(() => check([write('a', 0, 1, 1, 'x')])).toThrow('line 1: input.key is not part of the register model');
  });
});

describe('time budget', () => {
  // Sixteen concurrent writes and a read of a value none of them wrote: the search must try every subset of the
  // writes before it can say no, which is far more than the budget allows.
  const hard = [...Array.from({ length: 16 }, (_, i) => write(`w${i}`, 0, 100, i)), read('r', 0, 100, 999)];
  const fakeClock = () => {
    let t = 0;
    return () => (t += 1);
  };

  it('gives up with "unknown" and a reason rather than hang', () => {
    const result = check(hard, { timeoutMs: 100, now: fakeClock() });
    expect(result).toMatchObject({ linearizable: 'unknown', operations: 17, keys: 1, checkedKeys: 0 });
    expect(result.reason).toMatch(/^gave up after 0\.1 s \(17 operations\), with 0 of 1 keys checked$/);
  });

  it('says which key it gave up on', () => {
    const kv = [write('a', 0, 1, 1, 'easy'), ...hard.map((op) => ({ ...op, input: { ...op.input, key: 'hard' } }))];
    const result = check(kv, { model: 'kv', timeoutMs: 100, now: fakeClock() });
    expect(result).toMatchObject({ linearizable: 'unknown', keys: 2, checkedKeys: 1 });
    expect(result.reason).toContain('on key "hard" (17 operations)');
  });

  it('refuses a budget that is not a positive number of milliseconds', () => {
    expect(() => check([], { timeoutMs: 0 })).toThrow('timeoutMs must be a number of milliseconds greater than 0, got 0');
  });
});
