/**
 * checkLinearizability: is a recorded history linearizable with respect to a model (Herlihy & Wing 1990)?
 *
 * 1. The model reads every operation (errors name the line and the field).
 * 2. Operations are split by key when the model has keys (P-compositionality: a history is linearizable iff each
 *    key's sub-history is), and each key is searched on its own, in order of first appearance, stopping at the
 *    first that fails.
 * 3. For the failing key, the smallest failing window (failing-window.ts) is reported with its original lines.
 * One time budget covers all of it; when it runs out the answer is "unknown", never a guess.
 */
import { type Budget, createBudget } from './budget.ts';
import { atLine } from './errors.ts';
import { smallestFailingWindow } from './failing-window.ts';
import type { HistoryOperation } from './history.ts';
import type { AnyModel } from './model.ts';
import { modelNamed } from './models/index.ts';
import { type SearchOperation, searchLinearization } from './search.ts';

export interface CheckOptions {
  /** A model, or the name of one of ours ('register', 'kv'); default 'register'. */
  readonly model?: string | AnyModel;
  /** Give up after this many milliseconds with linearizable: 'unknown'; default: no limit. */
  readonly timeoutMs?: number;
  /** The clock the budget reads, in milliseconds; default performance.now. Tests pass a fake one. */
  readonly now?: () => number;
}

/** An operation of the failing window, as it appears in the history. */
export interface ReportedOperation {
  readonly line: number;
  readonly client: string | number;
  readonly call: number;
  /** null for an operation that never returned. */
  readonly return: number | null;
  readonly input: Record<string, unknown>;
  readonly output?: unknown;
}

export interface LinearizabilityResult {
  /** 'unknown' when the time budget ran out before a verdict. */
  readonly linearizable: boolean | 'unknown';
  readonly model: string;
  /** Operations in the history. */
  readonly operations: number;
  /** Distinct keys (1 for a model without keys, 0 for an empty history). */
  readonly keys: number;
  /** Keys whose search finished: all of them when linearizable. */
  readonly checkedKeys: number;
  /** Why the answer is 'unknown'. */
  readonly reason?: string;
  /** The key that is not linearizable, as written in the history (kv model only). */
  readonly failingKey?: unknown;
  /** Operations of the failing key in that key's history. */
  readonly failingKeyOperations?: number;
  /** The smallest failing window, ordered by call time. */
  readonly window?: readonly ReportedOperation[];
  /** True when the window is verified minimal: it fails, and one operation fewer at either end passes. */
  readonly windowMinimal?: boolean;
}

interface PreparedOperation extends SearchOperation {
  readonly source: HistoryOperation;
}

interface KeyHistory {
  readonly keyValue: unknown;
  readonly ops: PreparedOperation[];
}

function resolveModel(model: string | AnyModel | undefined): AnyModel {
  if (model === undefined) return modelNamed('register');
  if (typeof model === 'string') return modelNamed(model);
  return model;
}

/** Reads every operation through the model and groups them by key, keys in order of first appearance. */
function splitByKey(model: AnyModel, history: readonly HistoryOperation[]): KeyHistory[] {
  const byKey = new Map<string, KeyHistory>();
  for (const source of history) {
    const read = atLine(source.line, () => model.readOperation(source.input, source.output));
    const key = read.key ?? '';
    let group = byKey.get(key);
    if (!group) {
      group = { keyValue: read.keyValue, ops: [] };
      byKey.set(key, group);
    }
    group.ops.push({ call: source.call, return: source.return, input: read.input, output: read.output, source });
  }
  return [...byKey.values()];
}

function report(op: HistoryOperation): ReportedOperation {
  const base = { line: op.line, client: op.client, call: op.call, return: Number.isFinite(op.return) ? op.return : null, input: op.input };
  return op.output === undefined ? base : { ...base, output: op.output };
}

function failure(model: AnyModel, key: KeyHistory, budget: Budget) {
  // Windows are ranges in call order (ties in history order), which is how a reader scans a history.
  const ordered = [...key.ops].sort((a, b) => a.call - b.call || a.source.line - b.source.line);
  const found = smallestFailingWindow(model, ordered, budget);
  return {
    failingKeyOperations: key.ops.length,
    window: ordered.slice(found.from, found.to).map((op) => report(op.source)),
    windowMinimal: found.minimal,
  };
}

export function checkLinearizability(history: readonly HistoryOperation[], options: CheckOptions = {}): LinearizabilityResult {
  const model = resolveModel(options.model);
  const budget = createBudget(options.timeoutMs, options.now);
  const keys = splitByKey(model, history);
  const base = { model: model.name, operations: history.length, keys: keys.length };
  let checkedKeys = 0;
  for (const key of keys) {
    const outcome = searchLinearization(model, key.ops, budget);
    if (outcome === 'out of time') {
      const which = key.keyValue === undefined ? '' : ` on key ${JSON.stringify(key.keyValue)}`;
      const reason = `gave up after ${budget.timeoutMs / 1000} s${which} (${key.ops.length} operations), with ${checkedKeys} of ${keys.length} keys checked`;
      return { linearizable: 'unknown', ...base, checkedKeys, reason };
    }
    checkedKeys++;
    if (outcome === 'not linearizable') {
      const keyField = key.keyValue === undefined ? {} : { failingKey: key.keyValue };
      return { linearizable: false, ...base, checkedKeys, ...keyField, ...failure(model, key, budget) };
    }
  }
  return { linearizable: true, ...base, checkedKeys };
}
