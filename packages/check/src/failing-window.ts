/**
 * The smallest failing window: having found that one key's history is not linearizable, find a short contiguous run
 * of its operations (ordered by call time) that shows why, so the reader looks at five operations, not five
 * thousand.
 *
 * What "the window fails" means matters, because cutting a history can create failures that are not there. Cut
 * away the write of 200 and a read that saw 200 fails on its own; cut away a write called just after the window but
 * concurrent with it and a read that saw its value fails too. Such a window would send the reader after a bug that
 * does not exist. So a window fails only when both hold:
 *
 * 1. Alone: its operations cannot be linearized from any state the object might have been in when the window began
 *    (the model's `anyState`; from `init()` when the window begins the history, as nothing came before it).
 * 2. In context: they still cannot when every other operation of the key is put back with its call, return and
 *    effect, but without its observed output. So the failure is the window's own observations contradicting what
 *    everyone did, not an artifact of the cut.
 *
 * The full history fails both (there is nothing outside it). Failure is not monotone in the window, so there is no
 * binary search: we shrink greedily from each end in turn, trying big steps first and halving them (galloping: a
 * failure far from the start costs O(log n) searches rather than n), and repeat until neither end can lose even one
 * operation. The result fails, and the windows one operation shorter at either end do not. It is minimal in that
 * sense, not necessarily the shortest failing window anywhere, which would need every sub-range.
 */
import type { Budget } from './budget.ts';
import type { AnyModel } from './model.ts';
import { type SearchOperation, type SearchOutcome, searchLinearization } from './search.ts';

export interface FailingWindow {
  /** Index of the first and one past the last operation of the window, in the call-ordered operations given. */
  readonly from: number;
  readonly to: number;
  /** False when the budget ran out while shrinking: the window fails, but a shorter one may too. */
  readonly minimal: boolean;
}

export type WindowOutcome = 'fails' | 'passes' | 'out of time';

/** Conditions 1 and 2 above for ops[from, to); `ops` ordered by call time. */
export function windowOutcome(model: AnyModel, ops: readonly SearchOperation[], from: number, to: number, budget: Budget): WindowOutcome {
  const verdict = (outcome: SearchOutcome): WindowOutcome | undefined =>
    outcome === 'out of time' ? 'out of time' : outcome === 'linearizable' ? 'passes' : undefined;
  const start = from === 0 || model.anyState === undefined ? model.init() : model.anyState;
  const alone = verdict(searchLinearization(model, ops.slice(from, to), budget, start));
  if (alone) return alone;
  const inContext = ops.map((op, i) => (i >= from && i < to ? op : { ...op, output: undefined }));
  return verdict(searchLinearization(model, inContext, budget)) ?? 'fails';
}

/** `ops` must be ordered by call time and be non-linearizable as a whole. */
export function smallestFailingWindow(model: AnyModel, ops: readonly SearchOperation[], budget: Budget): FailingWindow {
  let from = 0;
  let to = ops.length;
  let outOfTime = false;
  const fails = (a: number, b: number): boolean => {
    if (outOfTime) return false;
    const outcome = windowOutcome(model, ops, a, b, budget);
    if (outcome === 'out of time') outOfTime = true;
    return outcome === 'fails';
  };
  const largestStep = (length: number): number => 2 ** Math.max(0, Math.floor(Math.log2(Math.max(1, length - 1))));

  for (let changed = true; changed && !outOfTime; ) {
    changed = false;
    for (let step = largestStep(to - from); step >= 1 && !outOfTime; ) {
      if (to - from - step >= 1 && fails(from + step, to)) {
        from += step;
        changed = true;
      } else step >>= 1;
    }
    for (let step = largestStep(to - from); step >= 1 && !outOfTime; ) {
      if (to - from - step >= 1 && fails(from, to - step)) {
        to -= step;
        changed = true;
      } else step >>= 1;
    }
  }
  return { from, to, minimal: !outOfTime };
}
