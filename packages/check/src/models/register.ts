/**
 * A single read/write/compare-and-set register: the object of Jepsen's and Porcupine's "cas-register" tests.
 *
 *   {"op": "write", "value": v}                 any output (ignored)
 *   {"op": "read"}                 output {"value": v}
 *   {"op": "cas", "from": a, "to": b}  output {"ok": true | false}
 *
 * Values are any JSON, compared by canonical JSON (so key order in objects does not matter). The register starts
 * at `initial` (default null: "nothing written yet"). An operation that never returned is allowed any output: a
 * read then changes nothing, a write writes, and a cas swaps exactly when it would have succeeded.
 */
import { canonicalJson } from '../canonical-json.ts';
import { CheckInputError, isRecord } from '../errors.ts';
import { type Model, type ModelOperation, NOT_ALLOWED } from '../model.ts';

/** Values are held as canonical JSON strings: one comparison per step, and the state is its own memoisation key. */
export type RegisterInput =
  | { readonly op: 'write'; readonly value: string }
  | { readonly op: 'read' }
  | { readonly op: 'cas'; readonly from: string; readonly to: string };

/** A read's value (canonical JSON) or a cas's success; null for a write, whose output says nothing. */
export type RegisterOutput = string | boolean | null;

const OPS = ['write', 'read', 'cas'];

function requireValue(input: Record<string, unknown>, field: string, op: string): string {
  if (!(field in input)) throw new CheckInputError(`input.${field}`, `is required for ${op === 'cas' ? 'a cas' : `a ${op}`}`);
  return canonicalJson(input[field]);
}

/** Reads a register operation; shared with the key-value model, which adds a key. */
export function readRegisterOperation(input: Record<string, unknown>, output: unknown): ModelOperation<RegisterInput, RegisterOutput> {
  const op = input.op;
  if (typeof op !== 'string' || !OPS.includes(op)) throw new CheckInputError('input.op', `must be one of ${OPS.join(', ')}`, op);
  const returned = output !== undefined;
  if (op === 'write') return { input: { op, value: requireValue(input, 'value', op) }, output: returned ? null : undefined };
  if (returned && !isRecord(output)) throw new CheckInputError('output', `must be a JSON object for a returned ${op}`, output);
  if (op === 'read') {
    if (!returned) return { input: { op }, output: undefined };
    if (!('value' in (output as Record<string, unknown>))) throw new CheckInputError('output.value', 'is required for a returned read');
    return { input: { op }, output: canonicalJson((output as Record<string, unknown>).value) };
  }
  const cas = { op: 'cas' as const, from: requireValue(input, 'from', op), to: requireValue(input, 'to', op) };
  if (!returned) return { input: cas, output: undefined };
  const ok = (output as Record<string, unknown>).ok;
  if (typeof ok !== 'boolean') throw new CheckInputError('output.ok', 'must be true or false for a returned cas', ok);
  return { input: cas, output: ok };
}

/**
 * "Any value": the state a window of the history starts from when earlier operations are left out. It is not
 * valid JSON, so no canonical value can equal it. A read narrows it to the value read, a successful cas to `to`.
 * A failed or unreturned cas leaves it "any" (strictly, "any but `from`"): permissive, as Model.anyState allows.
 */
export const ANY_VALUE = '<any>';

export function stepRegister(state: string, input: RegisterInput, output: RegisterOutput | undefined): string | typeof NOT_ALLOWED {
  switch (input.op) {
    case 'write':
      return input.value;
    case 'read':
      if (output === undefined) return state;
      if (state === ANY_VALUE) return output as string;
      return output === state ? state : NOT_ALLOWED;
    case 'cas': {
      if (state === ANY_VALUE) return output === true ? input.to : ANY_VALUE;
      const swaps = state === input.from;
      if (output !== undefined && output !== swaps) return NOT_ALLOWED;
      return swaps ? input.to : state;
    }
  }
}

export interface RegisterOptions {
  /** The register's value before any write; default null. */
  readonly initial?: unknown;
}

export function registerModel(options: RegisterOptions = {}): Model<string, RegisterInput, RegisterOutput> {
  const initial = canonicalJson(options.initial ?? null);
  return {
    name: 'register',
    init: () => initial,
    step: stepRegister,
    stateKey: (state) => state,
    anyState: ANY_VALUE,
    readOperation(input, output) {
      if ('key' in input) throw new CheckInputError('input.key', 'is not part of the register model (a history with keys needs the kv model)');
      return readRegisterOperation(input, output);
    },
  };
}
