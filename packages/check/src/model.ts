/**
 * A sequential specification, as Porcupine and Knossos take it: an initial state and a step function that says
 * whether an operation with this input could have produced this output from this state, and if so the state after.
 * The checker never looks inside a state; it compares states only through `stateKey`, which must be equal exactly
 * when two states behave the same (Lowe's memoisation caches (linearized set, state key) pairs).
 */

/** What `step` returns when the operation cannot have produced its output from the state. */
export const NOT_ALLOWED: unique symbol = Symbol('not allowed');
export type NotAllowed = typeof NOT_ALLOWED;

/** One operation as the model reads it; `key` is set by models that are checked per key (P-compositionality). */
export interface ModelOperation<Input, Output> {
  readonly input: Input;
  /** undefined for an operation that never returned: any output it might have had is allowed. */
  readonly output: Output | undefined;
  /** The key this operation touches, as a string that is equal exactly when the keys are; absent for one object. */
  readonly key?: string;
  /** The key as written in the history, for reports. */
  readonly keyValue?: unknown;
}

export interface Model<State, Input, Output> {
  readonly name: string;
  readonly init: () => State;
  /** The state after the operation, or NOT_ALLOWED; `output` is undefined when the operation never returned. */
  readonly step: (state: State, input: Input, output: Output | undefined) => State | NotAllowed;
  readonly stateKey: (state: State) => string;
  /**
   * Optional: a state standing for "any state at all", which `step` narrows as operations observe it (a read of v
   * from it leaves v). It may be permissive (allow a little more than some single state would) but never stricter.
   * The failing-window search starts windows from it, so that a window cannot fail merely because it leaves out the
   * write a read saw. Without it, windows start from `init()`.
   */
  readonly anyState?: State;
  /**
   * Reads one operation's `input` and `output` from the history (`output` undefined when it never returned).
   * Throws a CheckInputError naming the field (`input.op`, `output.value`) and the rule.
   */
  readonly readOperation: (input: Record<string, unknown>, output: unknown) => ModelOperation<Input, Output>;
}

// The checker handles every model alike; a model's own types matter only inside the model.
export type AnyModel = Model<any, any, any>;
