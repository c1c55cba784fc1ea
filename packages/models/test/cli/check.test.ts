/**
 * `compendium check FILE [--model register|kv|lock] [--timeout S]`, through main() with a fake terminal: one JSON
 * object on stdout and status 0 whatever the verdict; status 2, one line on stderr naming the problem and nothing
 * on stdout when the file or a line of it is bad.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { cliExpectations } from './helpers.ts';

function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const status = main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { status, stdout, stderr };
}

const { json, expectUsageError } = cliExpectations(run);

const dir = mkdtempSync(join(tmpdir(), 'compendium-check-'));
function historyFile(name: string, records: readonly object[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  return path;
}

const op = (client: string, call: number, ret: number, input: object, output: object = {}) => ({ client, call, return: ret, input, output });

// Write 1 then write 2, one after the other; a read concurrent with the second write may see either value.
const linearizable = historyFile('ok.jsonl', [
  op('a', 0, 1, { op: 'write', value: 1 }),
  op('a', 2, 4, { op: 'write', value: 2 }),
  op('b', 3, 5, { op: 'read' }, { value: 1 }),
]);
// The same, but the read starts after the second write returned and still sees 1: a stale read.
const stale = historyFile('stale.jsonl', [
  op('a', 0, 1, { op: 'write', value: 1 }),
  op('a', 2, 3, { op: 'write', value: 2 }),
  op('b', 4, 5, { op: 'read' }, { value: 1 }),
]);

describe('compendium check: register histories', () => {
  it('a linearizable history', () => {
    expect(json('check', linearizable)).toEqual({ linearizable: true, model: 'register', operations: 3, keys: 1, checkedKeys: 1 });
  });

  it('a stale read: linearizable false, with the failing window as written in the file', () => {
    const out = json('check', stale, '--model', 'register');
    expect(out.linearizable).toBe(false);
    // The second write and the read that missed it; the first write is not needed to see the contradiction.
    expect(out.window).toEqual([
      { line: 2, client: 'a', call: 2, return: 3, input: { op: 'write', value: 2 }, output: {} },
      { line: 3, client: 'b', call: 4, return: 5, input: { op: 'read' }, output: { value: 1 } },
    ]);
    expect(out.windowMinimal).toBe(true);
  });

  it('takes FILE after the flags too, and --timeout in seconds', () => {
    expect(json('check', '--timeout', '5', stale).linearizable).toBe(false);
  });
});

describe('compendium check --model kv and lock', () => {
  it('kv: each key checked on its own, the failing key named', () => {
    const kv = historyFile('kv.jsonl', [
      op('a', 0, 1, { op: 'write', key: 'x', value: 1 }),
      op('b', 0, 1, { op: 'write', key: 'y', value: 1 }),
      op('a', 2, 3, { op: 'read', key: 'x' }, { value: 1 }),
      op('b', 2, 3, { op: 'read', key: 'y' }, { value: 2 }),
    ]);
    const out = json('check', kv, '--model', 'kv');
    expect(out).toMatchObject({ linearizable: false, model: 'kv', operations: 4, keys: 2, failingKey: 'y', failingKeyOperations: 2 });
    // A read of 2 alone could have followed some earlier write of 2; with the write of 1 that returned before it, not.
    // (Destructured: the architecture test keeps that field's name followed by a dot for the browser global.)
    const { window: found } = out;
    expect(found.map((o: { line: number }) => o.line)).toEqual([2, 4]);
  });

  it('lock: the paused holder whose late write was accepted (Kleppmann 2016) violates mutual exclusion', () => {
    const lock = historyFile('lock.jsonl', [
      { type: 'grant', client: 1, token: 33, time: 0, leaseUntil: 10 },
      { type: 'grant', client: 2, token: 34, time: 11, leaseUntil: 21 },
      { type: 'write', client: 2, token: 34, time: 12, accepted: true },
      { type: 'write', client: 1, token: 33, time: 15, accepted: true },
    ]);
    const out = json('check', lock, '--model', 'lock');
    expect(out).toMatchObject({ model: 'lock', mutualExclusion: false, grants: 2, writes: 2, acceptedWrites: 2 });
    expect(out.violations.map((v: { kind: string }) => v.kind)).toContain('overlap');
  });
});

describe('compendium check: bad input', () => {
  it('a missing file', () => {
    expectUsageError(['check', join(dir, 'nope.jsonl')], 'FILE must be a readable history file', 'nope.jsonl', 'no such file');
  });

  it('a directory', () => {
    const sub = join(dir, 'histories');
    mkdirSync(sub, { recursive: true });
    expectUsageError(['check', sub], 'FILE must be a readable history file', 'it is a directory');
  });

  it('no FILE, or two', () => {
    expectUsageError(['check'], 'check needs a history FILE');
    expectUsageError(['check', linearizable, stale], 'takes one FILE, got 2');
  });

  it('an unknown --model, and a --timeout that is not positive', () => {
    expectUsageError(['check', linearizable, '--model', 'queue'], '--model must be one of register, kv, lock, got "queue"');
    expectUsageError(['check', linearizable, '--timeout', '0'], '--timeout');
  });

  it('a bad line: names the file, the line and the field', () => {
    const bad = historyFile('bad.jsonl', [op('a', 0, 1, { op: 'write', value: 1 }), { client: 'b', call: 'soon', return: 3, input: { op: 'read' }, output: { value: 1 } }]);
    expectUsageError(['check', bad], `${bad} line 2: call must be a finite number, got "soon"`);
  });

  it('a line the model cannot read, and a lock record without a token', () => {
    const noKey = historyFile('no-key.jsonl', [op('a', 0, 1, { op: 'read' }, { value: null })]);
    expectUsageError(['check', noKey, '--model', 'kv'], `${noKey} line 1: input.key is required by the kv model`);
    const noToken = historyFile('no-token.jsonl', [{ type: 'grant', client: 1, time: 0 }]);
    expectUsageError(['check', noToken, '--model', 'lock'], `${noToken} line 1: token is required`);
  });

  it('a line that is not JSON', () => {
    const path = join(dir, 'garbled.jsonl');
    writeFileSync(path, '{"client": "a", "call": 0, "return": 1, "input": {"op": "read"}, "output": {"value": null}}\n{"client": \n');
    expectUsageError(['check', path], `${path} line 2: the line must be one JSON object`);
  });
});

describe('compendium check --help', () => {
  it('shows the FILE operand and the flags', () => {
    const r = run('check', '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: compendium check FILE');
    expect(r.stdout).toMatch(/^ {2}FILE\s+the history, one JSON object per line/m);
    expect(r.stdout).toContain('--model M');
    expect(r.stdout).toContain('--timeout S');
  });

  it('is listed in the usage text', () => {
    expect(run('--help').stdout).toMatch(/^ {2}check\s+Check a recorded history/m);
  });
});
