/**
 * JSON Lines (https://jsonlines.org): one JSON value per line. Blank lines are skipped rather than refused, since an
 * editor or `echo >>` easily leaves one at the end; every other line must be one complete JSON object.
 */
import { CheckInputError, isRecord } from './errors.ts';

export interface JsonLine {
  /** 1-based line number in the text, for error messages and reports. */
  readonly line: number;
  readonly record: Record<string, unknown>;
}

export function parseJsonLines(text: string): JsonLine[] {
  if (typeof text !== 'string') throw new CheckInputError('history', 'must be text (JSON lines)', typeof text);
  const out: JsonLine[] = [];
  // A byte-order mark is invisible in an editor and not JSON; Windows tools write one.
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const source = lines[i]!.trim();
    if (source === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new CheckInputError('the line', `must be one JSON object (${detail})`, undefined, i + 1);
    }
    if (!isRecord(value)) throw new CheckInputError('the line', 'must be a JSON object', value, i + 1);
    out.push({ line: i + 1, record: value });
  }
  return out;
}
