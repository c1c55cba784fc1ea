/**
 * A concurrent history: one operation per line,
 *
 *   {"client": "c1", "call": 0.0, "return": 1.5, "input": {"op": "write", "value": 3}, "output": {}}
 *
 * `call` and `return` are the times the client invoked the operation and saw its response, on one clock. `return`
 * is null or absent for an operation that never returned (its client crashed or timed out): it may or may not have
 * taken effect, so the checker gives it return = +∞ and lets the search place it anywhere after its call, or, in
 * effect, nowhere (last of all, where it changes nothing that was observed).
 * `input` and `output` are read by the model (see models/), which names any field it cannot use.
 */
import { atLine, CheckInputError, requireFiniteNumber, requireName, requireRecord } from './errors.ts';
import { parseJsonLines } from './json-lines.ts';

export interface HistoryOperation {
  /** 1-based line of the history this operation came from (or its position, for a programmatic history). */
  readonly line: number;
  readonly client: string | number;
  readonly call: number;
  /** +∞ for an operation that never returned. */
  readonly return: number;
  readonly input: Record<string, unknown>;
  /** undefined for an operation that never returned; null for one that returned without an output. */
  readonly output: unknown;
}

/** Checks one record of a history; errors name the field, and the caller adds the line. */
export function readOperation(record: Record<string, unknown>, line: number): HistoryOperation {
  return atLine(line, () => {
    const client = requireName('client', record.client);
    const call = requireFiniteNumber('call', record.call);
    const returned = record.return !== null && record.return !== undefined;
    const ret = returned ? requireFiniteNumber('return', record.return) : Number.POSITIVE_INFINITY;
    if (ret < call) throw new CheckInputError('return', `must not be before call (${call})`, ret);
    const input = requireRecord('input', record.input);
    // Models read an undefined output as "never returned, any output allowed"; a returned operation that left its
    // output out must not get that licence, so it reaches the model as null, which the model checks like any output.
    const output = returned ? (record.output === undefined ? null : record.output) : undefined;
    return { line, client, call, return: ret, input, output };
  });
}

export function parseHistory(text: string): HistoryOperation[] {
  return parseJsonLines(text).map(({ line, record }) => readOperation(record, line));
}

/** The history from records already in memory (tests, a page's simulator); positions count from 1 like lines. */
export function historyFromRecords(records: readonly unknown[]): HistoryOperation[] {
  return records.map((record, i) => atLine(i + 1, () => readOperation(requireRecord('the operation', record), i + 1)));
}
