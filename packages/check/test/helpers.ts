/** Shared by the checker's tests: histories written the way a reader writes them, one JSON object per line. */
import { type HistoryOperation, type LinearizabilityResult, parseHistory } from '../src/index.ts';

export type Value = unknown;

export interface OpSpec {
  readonly client: string;
  readonly call: number;
  /** null: never returned. */
  readonly return: number | null;
  readonly input: Record<string, unknown>;
  readonly output?: Record<string, unknown>;
}

export const write = (client: string, call: number, ret: number | null, value: Value, key?: string): OpSpec => ({
  client,
  call,
  return: ret,
  input: key === undefined ? { op: 'write', value } : { op: 'write', key, value },
  ...(ret === null ? {} : { output: {} }),
});

export const read = (client: string, call: number, ret: number | null, value: Value, key?: string): OpSpec => ({
  client,
  call,
  return: ret,
  input: key === undefined ? { op: 'read' } : { op: 'read', key },
  ...(ret === null ? {} : { output: { value } }),
});

export const cas = (client: string, call: number, ret: number | null, from: Value, to: Value, ok: boolean, key?: string): OpSpec => ({
  client,
  call,
  return: ret,
  input: key === undefined ? { op: 'cas', from, to } : { op: 'cas', key, from, to },
  ...(ret === null ? {} : { output: { ok } }),
});

export function jsonLines(records: readonly object[]): string {
  return `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
}

export function history(ops: readonly OpSpec[]): HistoryOperation[] {
  return parseHistory(jsonLines(ops));
}

/** The window's lines, read without naming the field in code (the architecture test reserves that word for the DOM). */
export function windowLines(result: LinearizabilityResult): number[] {
  const { window: found } = result;
  return (found ?? []).map((op) => op.line);
}
