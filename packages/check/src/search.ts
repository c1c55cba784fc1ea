/**
 * Is one object's history linearizable? Wing & Gong's backtracking search (1993) with Lowe's memoisation (2017),
 * the algorithm of Porcupine and Knossos' "linear" checker.
 *
 * The history becomes a list of call and return events in time order. The search walks the list: at a call it
 * tries to linearize that operation now (the model must allow its output from the current state), and if so lifts
 * the call and its return out of the list and starts again from the head; at a return whose call is still in the
 * list it is stuck (that operation had to take effect before it returned), so it undoes the most recent
 * linearization and tries the next candidate after it. The list empties exactly when every operation has been
 * placed in an order that respects real time and the model: linearizable. The undo stack empties first exactly when
 * no such order exists. Memoisation prunes a configuration (set of linearized operations, model state) seen before.
 *
 * Representation: events in typed arrays, a doubly linked list by index (lift and unlift are O(1)), the linearized
 * set as a bitset with an incremental hash. An operation that never returned has return time +∞, so its return
 * event sits after every real one and the search may linearize it anywhere after its call.
 */
import type { Budget } from './budget.ts';
import type { AnyModel } from './model.ts';
import { NOT_ALLOWED } from './model.ts';
import { OperationSet, SeenConfigurations } from './operation-set.ts';

export interface SearchOperation {
  readonly call: number;
  /** +∞ for an operation that never returned. */
  readonly return: number;
  readonly input: unknown;
  /** undefined for an operation that never returned. */
  readonly output: unknown;
}

export type SearchOutcome = 'linearizable' | 'not linearizable' | 'out of time';

/** How often (in search steps) the budget's clock is read: rarely enough to cost nothing, often enough to stop in ms. */
const STEPS_PER_CLOCK_READ = 512;

const NONE = -1;

/**
 * Event order: by time; at equal times calls before returns, so an operation that returned at t and one called at t
 * count as concurrent (a clock cannot tell which came first, and the checker must not invent an order); then by
 * operation, for a deterministic search.
 */
function sortedEvents(ops: readonly SearchOperation[]): Int32Array {
  const n = ops.length;
  const times = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    times[2 * i] = ops[i]!.call;
    times[2 * i + 1] = ops[i]!.return;
  }
  // Event e is the call (e even) or the return (e odd) of operation e >> 1.
  const events = Int32Array.from({ length: 2 * n }, (_, e) => e);
  events.sort((a, b) => times[a]! - times[b]! || (a & 1) - (b & 1) || a - b);
  return events;
}

/**
 * `initialState` replaces the model's initial state: the failing-window search starts a window that does not begin
 * the history from the model's `anyState` ("whatever earlier operations left").
 */
export function searchLinearization(model: AnyModel, ops: readonly SearchOperation[], budget: Budget, initialState: unknown = model.init()): SearchOutcome {
  const n = ops.length;
  if (n === 0) return 'linearizable';
  const events = sortedEvents(ops);

  // Node 0 is the list's head; node k ≥ 1 holds event events[k - 1].
  const size = 2 * n + 1;
  const next = new Int32Array(size);
  const prev = new Int32Array(size);
  const opOf = new Int32Array(size);
  const isCall = new Uint8Array(size);
  const returnNodeOf = new Int32Array(n);
  for (let k = 1; k < size; k++) {
    const e = events[k - 1]!;
    opOf[k] = e >> 1;
    isCall[k] = (e & 1) === 0 ? 1 : 0;
    if ((e & 1) === 1) returnNodeOf[e >> 1] = k;
    prev[k] = k - 1;
    next[k - 1] = k;
  }
  next[size - 1] = NONE;

  // Removes an operation's call node and its return node from the list; the nodes keep their own links for unlift.
  const lift = (callNode: number): void => {
    next[prev[callNode]!] = next[callNode]!;
    prev[next[callNode]!] = prev[callNode]!; // a call always has its return after it, so next is a node
    const ret = returnNodeOf[opOf[callNode]!]!;
    next[prev[ret]!] = next[ret]!;
    if (next[ret] !== NONE) prev[next[ret]!] = prev[ret]!;
  };
  // Puts them back, in the reverse order of lift, so every link is restored exactly.
  const unlift = (callNode: number): void => {
    const ret = returnNodeOf[opOf[callNode]!]!;
    next[prev[ret]!] = ret;
    if (next[ret] !== NONE) prev[next[ret]!] = ret;
    next[prev[callNode]!] = callNode;
    prev[next[callNode]!] = callNode;
  };

  const inputs = ops.map((op) => op.input);
  const outputs = ops.map((op) => op.output);
  const linearized = new OperationSet(n);
  const seen = new SeenConfigurations();
  const undoNodes: number[] = [];
  const undoStates: unknown[] = [];
  let state: unknown = initialState;
  let node = next[0]!;
  let steps = 0;

  while (next[0] !== NONE) {
    if (++steps % STEPS_PER_CLOCK_READ === 0 && budget.exhausted()) return 'out of time';
    if (isCall[node] === 1) {
      const op = opOf[node]!;
      const after = model.step(state, inputs[op], outputs[op]);
      if (after !== NOT_ALLOWED) {
        linearized.add(op);
        if (seen.add(linearized, model.stateKey(after))) {
          undoNodes.push(node);
          undoStates.push(state);
          state = after;
          lift(node);
          node = next[0]!;
          continue;
        }
        linearized.remove(op);
      }
      node = next[node]!;
    } else {
      // A return whose call is still in the list: that operation should already have taken effect. Backtrack.
      if (undoNodes.length === 0) return 'not linearizable';
      node = undoNodes.pop()!;
      state = undoStates.pop();
      linearized.remove(opOf[node]!);
      unlift(node);
      node = next[node]!;
    }
  }
  return 'linearizable';
}
