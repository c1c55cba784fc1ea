import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/compendium.mjs', import.meta.url));
const solution = (name: string) => fileURLToPath(new URL(`../../../lab/solutions/${name}.ts`, import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

function writeSolution(source: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'lab-cli-')), 'my-lock.ts');
  writeFileSync(path, source);
  return path;
}

describe('compendium lab lock', { timeout: 60_000 }, () => {
  it('finds the naive lease unsafe under a GC pause and shrinks the schedule to one pause, exit 0', () => {
    const out = run('lab', 'lock', solution('naive-lease'), '--json');
    expect(out.status, out.stderr).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json.verdict).toBe('unsafe');
    expect(json.schedule).toBe('gc-pause');
    expect(json.violations.length).toBeGreaterThan(0);
    expect(json.violations.every((v: { kind: string }) => v.kind === 'overlap')).toBe(true);
    expect(json.shrunk.nemesis).toHaveLength(1);
    expect(json.shrunk.nemesis[0]).toMatchObject({ kind: 'pause', node: 'c1' });
  });

  it('prints a table with the verdict and the shrunk schedule', () => {
    const out = run('lab', 'lock', solution('naive-lease'));
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/verdict\s+unsafe/);
    expect(out.stdout).toMatch(/shrunk schedule\s+pause c1 at [\d.]+ s for [\d.]+ s/);
  });

  it('finds the fenced lease safe under every named schedule and a random one, with no shrinking', () => {
    for (const schedule of ['gc-pause', 'partition-lock-server', 'clock-skew', 'mixed', 'random']) {
      const out = run('lab', 'lock', solution('fenced-lease'), '--schedule', schedule, '--seed', '3', '--json');
      expect(out.status, out.stderr).toBe(0);
      const json = JSON.parse(out.stdout);
      expect(json.verdict, schedule).toBe('safe');
      expect(json.shrunk).toBeUndefined();
    }
  });

  it('reports a solution that throws as verdict error, exit 0', () => {
    const path = writeSolution(
      'export function lockServer(node: any) {\n  node.onMessage(() => { throw new Error("boom"); });\n}\nexport function lockClient(node: any) {\n  return { acquire() { node.send(node.serverId, "hi"); }, release() {} };\n}\n',
    );
    const out = run('lab', 'lock', path, '--json');
    expect(out.status, out.stderr).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json.verdict).toBe('error');
    expect(json.error).toMatchObject({ node: 'lock', callback: 'the message handler (a message from c1)', message: 'boom', line: 2 });
  });

  it('exits 2 with one line naming the problem', () => {
    const missing = run('lab', 'lock', 'no-such-lock.ts');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('compendium: FILE must be a readable solution file, got "no-such-lock.ts" (no such file)\n');
    const schedule = run('lab', 'lock', solution('fenced-lease'), '--schedule', 'earthquake');
    expect(schedule.status).toBe(2);
    expect(schedule.stderr).toMatch(/^compendium: --schedule must be one of gc-pause, partition-lock-server, clock-skew, mixed, random, none, got "earthquake"\n$/);
    const seed = run('lab', 'lock', solution('fenced-lease'), '--seed', '-1');
    expect(seed.status).toBe(2);
    expect(seed.stderr).toMatch(/^compendium: --seed must be a whole number ≥ 0, got -1\n$/);
    const flag = run('lab', 'lock', solution('fenced-lease'), '--clients=4');
    expect(flag.status).toBe(2);
    expect(flag.stderr).toMatch(/^compendium: --clients is not a flag of "lab lock"/);
    expect(run('lab', 'lock').stderr).toBe('compendium: lab lock needs a solution FILE (compendium lab lock my-lock.ts)\n');
    expect(run('lab').stderr).toBe('compendium: lab needs a lab name (one of lock)\n');
    expect(run('lab', 'mutex').stderr).toBe('compendium: unknown lab name "mutex" for lab (one of lock)\n');
  });

  it('exits 2 naming the line of a syntax error in the solution', () => {
    const path = writeSolution('export function lockServer(node: any) {\n  let x = ;\n}\n');
    const out = run('lab', 'lock', path);
    expect(out.status).toBe(2);
    expect(out.stderr).toBe(`compendium: ${path} line 2: syntax error: Unexpected token\n`);
    expect(out.stderr.split('\n')).toHaveLength(2);
  });

  it('stops a solution stuck in a loop inside a callback at the time limit: verdict error, exit 0', () => {
    const path = writeSolution('export function lockServer(node) { node.onMessage(() => { while (true) {} }); }\nexport function lockClient(node) { return { acquire() { node.send(node.serverId, 1); }, release() {} }; }\n');
    const started = Date.now();
    const out = spawnSync(process.execPath, [bin, 'lab', 'lock', path, '--json'], { encoding: 'utf8', env: { ...process.env, COMPENDIUM_LAB_TIME_LIMIT_MS: '500' } });
    expect(out.status, out.stderr).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json.verdict).toBe('error');
    expect(json.error.message).toMatch(/never returned/);
    // The limit plus the grace the child is given, not the default minute.
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
