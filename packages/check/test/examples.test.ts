/**
 * The example histories of packages/check/examples, which the README points readers to, checked against the verdict
 * the README gives for each, so that an example cannot rot. Every file in the folder must have an entry here.
 * The files are loaded by Vite (vitest) rather than node:fs, which this library's tests may not use.
 */
import { describe, expect, it } from 'vitest';
import { checkLinearizability, checkMutualExclusion, parseHistory, parseLockHistory } from '../src/index.ts';
import { windowLines } from './helpers.ts';

declare global {
  interface ImportMeta {
    glob(pattern: string, options: { query: '?raw'; import: 'default'; eager: true }): Record<string, string>;
  }
}

const files = import.meta.glob('../examples/*.jsonl', { query: '?raw', import: 'default', eager: true });
const example = (name: string): string => {
  const text = files[`../examples/${name}`];
  if (text === undefined) throw new Error(`no example ${name}`);
  return text;
};

const EXPECTED = ['kv-ok.jsonl', 'lock-fenced.jsonl', 'lock-unfenced.jsonl', 'register-ok.jsonl', 'register-stale-read.jsonl'];

describe('example histories', () => {
  it('are exactly the ones checked below', () => {
    expect(Object.keys(files).map((path) => path.replace('../examples/', '')).sort()).toEqual(EXPECTED);
  });

  it('register-ok.jsonl is linearizable, including a write that never returned', () => {
    // By hand: write 1, read 1 (c2), read 1 (c1), write 2, cas 2→3, read 3; the unreturned write of 9 goes last.
    expect(checkLinearizability(parseHistory(example('register-ok.jsonl')), { model: 'register' })).toEqual({
      linearizable: true,
      model: 'register',
      operations: 7,
      keys: 1,
      checkedKeys: 1,
    });
  });

  it('register-stale-read.jsonl is not: the read of 1 at line 4 starts after the write of 2 (line 3) returned', () => {
    const result = checkLinearizability(parseHistory(example('register-stale-read.jsonl')), { model: 'register' });
    expect(result).toMatchObject({ linearizable: false, failingKeyOperations: 4, windowMinimal: true });
    // Neither line alone fails from an unknown state; together they do. Lines 1–2 agree with each other and do not matter.
    expect(windowLines(result)).toEqual([3, 4]);
  });

  it('kv-ok.jsonl is linearizable, key by key', () => {
    expect(checkLinearizability(parseHistory(example('kv-ok.jsonl')), { model: 'kv' })).toEqual({
      linearizable: true,
      model: 'kv',
      operations: 7,
      keys: 2,
      checkedKeys: 2,
    });
  });

  it('lock-fenced.jsonl keeps mutual exclusion: the paused holder’s late write is rejected', () => {
    const result = checkMutualExclusion(parseLockHistory(example('lock-fenced.jsonl')));
    expect(result).toMatchObject({ mutualExclusion: true, violations: [], acceptedWrites: 2 });
  });

  it('lock-unfenced.jsonl does not: client 1’s write after its lease expired lands after client 2’s', () => {
    const result = checkMutualExclusion(parseLockHistory(example('lock-unfenced.jsonl')));
    expect(result.mutualExclusion).toBe(false);
    expect(result.violations.map((v) => v.kind).sort()).toEqual(['fencing', 'overlap']);
    expect(result.violations.find((v) => v.kind === 'overlap')?.records.map((r) => r.line)).toEqual([1, 3, 4, 5]);
  });
});
