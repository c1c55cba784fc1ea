import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/compendium.mjs', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('compendium simulate mmc', { timeout: 60_000 }, () => {
  it('prints the contract fields as JSON, reproducible from the seed', () => {
    const args = ['simulate', 'mmc', '--rate', '8', '--service-time', '0.1', '--servers', '1', '--customers', '200000', '--seed', '4', '--json'];
    const first = run(...args);
    expect(first.status, first.stderr).toBe(0);
    const a = JSON.parse(first.stdout);
    for (const key of ['meanWait', 'p99Wait', 'events', 'eventsPerSecond']) expect(typeof a[key], key).toBe('number');
    expect(a.events).toBe(400_000);
    // M/M/1 at ρ = 0.8: Wq = ρS/(1 − ρ) = 0.4 s; 200,000 customers land within a few per cent.
    expect(Math.abs(a.meanWait - 0.4) / 0.4).toBeLessThan(0.06);
    expect(a.erlangCMeanWait).toBeCloseTo(0.4, 10);
    const b = JSON.parse(run(...args).stdout);
    expect({ ...b, eventsPerSecond: 0 }).toEqual({ ...a, eventsPerSecond: 0 });
  });

  it('names the flag and the rule on bad input, with exit status 2', () => {
    const unstable = run('simulate', 'mmc', '--rate', '20', '--service-time', '0.1', '--servers', '1');
    expect(unstable.status).toBe(2);
    expect(unstable.stderr).toMatch(/^compendium: --servers must exceed the offered load/);
    const seed = run('simulate', 'mmc', '--rate', '1', '--service-time', '0.1', '--servers', '1', '--seed', '1.5');
    expect(seed.stderr).toMatch(/--seed must be a whole number/);
    const scenario = run('simulate', 'mm1');
    expect(scenario.stderr).toBe('compendium: unknown scenario "mm1" for simulate (one of mmc)\n');
  });
});
