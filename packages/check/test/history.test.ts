import { describe, expect, it } from 'vitest';
import { CheckInputError, checkLinearizability, historyFromRecords, parseHistory } from '../src/index.ts';

const line = (record: object) => JSON.stringify(record);
const good = { client: 'c1', call: 0, return: 1.5, input: { op: 'read' }, output: { value: 1 } };

function errorOf(text: string): CheckInputError {
  try {
    parseHistory(text);
  } catch (error) {
    if (error instanceof CheckInputError) return error;
    throw error;
  }
  throw new Error('expected a CheckInputError');
}

describe('parseHistory', () => {
  it('reads one operation per line, with its line number, skipping blank lines and a byte-order mark', () => {
    const ops = parseHistory(`\uFEFF${line(good)}\n\n${line({ ...good, client: 7, call: 2, return: 3 })}\r\n`);
    expect(ops).toEqual([
      { line: 1, client: 'c1', call: 0, return: 1.5, input: { op: 'read' }, output: { value: 1 } },
      { line: 3, client: 7, call: 2, return: 3, input: { op: 'read' }, output: { value: 1 } },
    ]);
  });

  it('gives an operation that never returned return = +∞ and no output, whether return is null or absent', () => {
    const { return: _r, output: _o, ...pending } = good;
    const ops = parseHistory([line({ ...good, return: null, output: { value: 9 } }), line(pending)].join('\n'));
    for (const op of ops) {
      expect(op.return).toBe(Number.POSITIVE_INFINITY);
      expect(op.output).toBeUndefined();
    }
  });

  it('does not mistake a returned operation without an output for one that never returned', () => {
    // A read that returned but whose output was left out says nothing about what it saw; treating it as pending
    // (any value allowed) would pass a history the reader never showed to be linearizable.
    const write = { client: 'c1', call: 0, return: 1, input: { op: 'write', value: 1 }, output: {} };
    const { output: _o, ...returnedRead } = { ...good, client: 'c2', call: 2, return: 3 };
    const ops = parseHistory([line(write), line(returnedRead)].join('\n'));
    expect(ops[1]!.output).not.toBeUndefined();
    expect(() => checkLinearizability(ops)).toThrow(/^line 2: output /);
    // A write's output says nothing, so a returned write may leave it out.
    const { output: _w, ...bareWrite } = write;
    expect(checkLinearizability(parseHistory(line(bareWrite))).linearizable).toBe(true);
  });

  it('names the line, the field and the rule', () => {
    const text = [line(good), line(good), line(good), line(good), line(good), line(good), line({ ...good, call: 'soon' })].join('\n');
    const error = errorOf(text);
    expect(error.message).toBe('line 7: call must be a finite number, got "soon"');
    expect(error).toMatchObject({ line: 7, field: 'call', rule: 'must be a finite number' });
  });

  it.each([
    ['{"client": "c1", "call": 0', /^line 1: the line must be one JSON object \(/],
    ['[1, 2]', /^line 1: the line must be a JSON object, got \[1,2\]$/],
    [line({ ...good, client: '' }), /^line 1: client must be a non-empty string or a finite number, got ""$/],
    [line({ ...good, client: undefined }), /^line 1: client is required/],
    [line({ ...good, call: undefined }), /^line 1: call is required \(a finite number\)$/],
    [line({ ...good, return: 'later' }), /^line 1: return must be a finite number, got "later"$/],
    [line({ ...good, call: 2, return: 1 }), /^line 1: return must not be before call \(2\), got 1$/],
    [line({ ...good, input: 'read' }), /^line 1: input must be a JSON object, got "read"$/],
    [line({ ...good, input: undefined }), /^line 1: input must be a JSON object/],
  ])('refuses %s', (text, message) => {
    expect(errorOf(text).message).toMatch(message);
  });

  it('refuses a number too large to be finite, though JSON can spell it', () => {
    expect(errorOf('{"client": "c", "call": 1e999, "input": {}}').message).toBe('line 1: call must be a finite number, got Infinity');
  });

  it('reads records already in memory, counting positions from 1', () => {
    expect(historyFromRecords([good])[0]!.line).toBe(1);
    expect(() => historyFromRecords([good, 'x'])).toThrow('line 2: the operation must be a JSON object, got "x"');
  });
});
