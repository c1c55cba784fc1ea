/**
 * Properties over generated histories:
 * - a history recorded from a real sequential register, each operation taking effect at a random instant inside its
 *   own call–return interval, is linearizable by construction, and the checker must say so;
 * - the same history with one read's output changed to a value nobody wrote is not, and the checker must say so,
 *   with a window that fails, contains the corrupted read, fails alone from every initial value, and loses its
 *   failure when one operation is dropped at either end;
 * - on small arbitrary histories the verdict equals a brute-force search over every order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AnyModel, checkLinearizability, createBudget, type HistoryOperation, registerModel, windowOutcome } from '../src/index.ts';
import { cas, history, type OpSpec, read, write } from './helpers.ts';

interface Planned {
  readonly client: number;
  readonly gap: number;
  readonly duration: number;
  /** Where in [call, return] the operation takes effect, as a fraction. */
  readonly at: number;
  readonly kind: 'read' | 'write' | 'cas';
  readonly value: number;
  readonly from: number;
  /** The client crashes during this operation: it never returns and the client does nothing more. */
  readonly crash: boolean;
  /** For a crashed operation: did it take effect? */
  readonly tookEffect: boolean;
}

const plannedArb: fc.Arbitrary<Planned> = fc.record({
  client: fc.integer({ min: 0, max: 5 }),
  gap: fc.integer({ min: 0, max: 4 }),
  duration: fc.integer({ min: 0, max: 12 }),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  kind: fc.constantFrom('read', 'read', 'write', 'cas'),
  value: fc.integer({ min: 0, max: 4 }),
  from: fc.integer({ min: 0, max: 4 }),
  crash: fc.integer({ min: 0, max: 15 }).map((n) => n === 0),
  tookEffect: fc.boolean(),
});

/**
 * Runs the plan against a sequential register (initially null): each client issues its operations one after
 * another; each takes effect at its instant, in instant order; outputs are what the register returned.
 */
function recordHistory(plan: readonly Planned[], key?: (i: number) => string): OpSpec[] {
  const clock = new Map<number, number>();
  const scheduled: { i: number; call: number; ret: number | null; instant: number; p: Planned }[] = [];
  plan.forEach((p, i) => {
    // Integer ticks of 0.1 time units, so times in the history are decimals and ties happen.
    const start = clock.get(p.client) ?? 0;
    if (start === Number.POSITIVE_INFINITY) return; // crashed earlier
    const call = (start + p.gap) / 10;
    const ret = (start + p.gap + p.duration) / 10;
    clock.set(p.client, p.crash ? Number.POSITIVE_INFINITY : start + p.gap + p.duration);
    scheduled.push({ i, call, ret: p.crash ? null : ret, instant: call + p.at * (ret - call), p });
  });
  const registers = new Map<string, number | null>();
  const outputs = new Map<number, { value?: number | null; ok?: boolean }>();
  for (const s of [...scheduled].sort((a, b) => a.instant - b.instant || a.i - b.i)) {
    if (s.ret === null && !s.p.tookEffect) continue;
    const k = key?.(s.i) ?? '';
    const current = registers.get(k) ?? null;
    if (s.p.kind === 'write') registers.set(k, s.p.value);
    if (s.p.kind === 'read') outputs.set(s.i, { value: current });
    if (s.p.kind === 'cas') {
      outputs.set(s.i, { ok: current === s.p.from });
      if (current === s.p.from) registers.set(k, s.p.value);
    }
  }
  return scheduled.map((s) => {
    const client = `c${s.p.client}`;
    const k = key?.(s.i);
    if (s.p.kind === 'write') return write(client, s.call, s.ret, s.p.value, k);
    if (s.p.kind === 'read') return read(client, s.call, s.ret, outputs.get(s.i)?.value ?? null, k);
    return cas(client, s.call, s.ret, s.p.from, s.p.value, outputs.get(s.i)?.ok ?? false, k);
  });
}

const NEVER_WRITTEN = 999;

/** Call order, ties in line order: the order windows are ranges of. */
const byCall = (ops: readonly HistoryOperation[]) => [...ops].sort((a, b) => a.call - b.call || a.line - b.line);

function asSearchOps(model: AnyModel, ops: readonly HistoryOperation[]) {
  return ops.map((op) => {
    const m = model.readOperation(op.input, op.output);
    return { call: op.call, return: op.return, input: m.input, output: m.output };
  });
}

describe('generated histories', () => {
  it('a history recorded from a real register is linearizable', () => {
    fc.assert(
      fc.property(fc.array(plannedArb, { maxLength: 40 }), (plan) => {
        expect(checkLinearizability(history(recordHistory(plan))).linearizable).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('the same, per key, for a key-value store', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(plannedArb, fc.constantFrom('x', 'y', 'z')), { maxLength: 60 }), (planned) => {
        const ops = recordHistory(
          planned.map(([p]) => p),
          (i) => planned[i]![1],
        );
        const result = checkLinearizability(history(ops), { model: 'kv' });
        expect(result.linearizable).toBe(true);
        expect(result.checkedKeys).toBe(result.keys);
      }),
      { numRuns: 200 },
    );
  });

  it('one read corrupted to a value never written fails, with a minimal window around that read', () => {
    const withRead = fc
      .array(plannedArb, { minLength: 1, maxLength: 30 })
      .map(recordHistory)
      .filter((ops) => ops.some((op) => op.input.op === 'read' && op.output !== undefined));
    fc.assert(
      fc.property(withRead, fc.nat(), (ops, pick) => {
        const reads = ops.flatMap((op, i) => (op.input.op === 'read' && op.output !== undefined ? [i] : []));
        const corrupted = reads[pick % reads.length]!;
        const bad = ops.map((op, i) => (i === corrupted ? { ...op, output: { value: NEVER_WRITTEN } } : op));
        const parsed = history(bad);
        const result = checkLinearizability(parsed);
        expect(result.linearizable).toBe(false);
        expect(result.windowMinimal).toBe(true);
        const { window: found } = result;
        const lines = (found ?? []).map((op) => op.line);
        expect(lines).toContain(corrupted + 1);

        // The window is a contiguous range of the history in call order.
        const ordered = byCall(parsed);
        const from = ordered.findIndex((op) => op.line === lines[0]);
        const to = from + lines.length;
        expect(ordered.slice(from, to).map((op) => op.line)).toEqual(lines);

        // It fails; one operation fewer at either end does not.
        const model = registerModel();
        const searchOps = asSearchOps(model, ordered);
        const budget = createBudget(undefined);
        expect(windowOutcome(model, searchOps, from, to, budget)).toBe('fails');
        if (to - from > 1) {
          expect(windowOutcome(model, searchOps, from + 1, to, budget)).toBe('passes');
          expect(windowOutcome(model, searchOps, from, to - 1, budget)).toBe('passes');
        }

        // On its own it is not linearizable, whatever the register held when it began (only null if it begins the
        // history): checked independently of the model's "any value" state, by trying each value in turn.
        const windowHistory = ordered.slice(from, to);
        const initials = from === 0 ? [null] : [null, 0, 1, 2, 3, 4, NEVER_WRITTEN];
        for (const initial of initials) {
          expect(checkLinearizability(windowHistory, { model: registerModel({ initial }) }).linearizable).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** Brute force: every order of the operations that respects real time, replayed on a plain register. */
function bruteForceLinearizable(ops: readonly OpSpec[]): boolean {
  const n = ops.length;
  const end = (op: OpSpec) => op.return ?? Number.POSITIVE_INFINITY;
  const used = new Array<boolean>(n).fill(false);
  const place = (count: number, value: unknown): boolean => {
    if (count === n) return true;
    for (let i = 0; i < n; i++) {
      if (used[i]) continue;
      const op = ops[i]!;
      // op may go next only if no unplaced operation returned before op was called.
      if (ops.some((other, j) => !used[j] && j !== i && end(other) < op.call)) continue;
      let next: unknown = value;
      const returned = op.return !== null;
      if (op.input.op === 'write') next = op.input.value;
      else if (op.input.op === 'read') {
        if (returned && op.output!.value !== value) continue;
      } else {
        const swaps = value === op.input.from;
        if (returned && op.output!.ok !== swaps) continue;
        if (swaps) next = op.input.to;
      }
      used[i] = true;
      const ok = place(count + 1, next);
      used[i] = false;
      if (ok) return true;
    }
    return false;
  };
  return place(0, null);
}

describe('the search agrees with brute force on small histories', () => {
  const time = fc.integer({ min: 0, max: 8 });
  const value = fc.constantFrom(null, 1, 2);
  const opArb: fc.Arbitrary<OpSpec> = fc
    .tuple(time, fc.option(fc.integer({ min: 0, max: 4 }), { freq: 6 }), fc.constantFrom('read', 'write', 'cas'), value, value, fc.boolean())
    .map(([call, duration, kind, a, b, ok]) => {
      const ret = duration === null ? null : call + duration;
      if (kind === 'write') return write('c', call, ret, a);
      if (kind === 'read') return read('c', call, ret, a);
      return cas('c', call, ret, a, b, ok);
    });

  it('on 7 operations or fewer, with arbitrary outputs and unreturned operations', () => {
    let verdicts = 0;
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 7 }), (ops) => {
        const expected = bruteForceLinearizable(ops);
        expect(checkLinearizability(history(ops)).linearizable).toBe(expected);
        if (expected) verdicts++;
      }),
      { numRuns: 1500 },
    );
    // Both verdicts occur often enough for the comparison to mean something.
    expect(verdicts).toBeGreaterThan(150);
    expect(verdicts).toBeLessThan(1350);
  });
});
