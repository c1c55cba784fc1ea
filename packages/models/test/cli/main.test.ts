/**
 * The command-line contract of SPEC.md, tested by spawning the real binary as a reader would run it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cliExpectations } from './helpers.ts';

// Each case spawns a fresh Node process; on a loaded machine that can take seconds.
vi.setConfig({ testTimeout: 60_000 });

const BIN = resolve(import.meta.dirname, '../../bin/compendium.mjs');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const expectations = cliExpectations(run);
const json = (...args: string[]): Record<string, unknown> => expectations.json(...args, '--json');
const { expectUsageError } = expectations;

const dir = mkdtempSync(join(tmpdir(), 'compendium-cli-'));
const sdm91 = join(dir, 'sdm91.csv');
writeFileSync(sdm91, 'concurrency,throughput\n1,64.9\n18,995.9\n36,1652.4\n72,1853.2\n108,1828.9\n144,1775.0\n216,1702.2\n');

describe('compendium CLI: SPEC examples', () => {
  it('latency New York → London: distanceKm ≈ 5570, rttMs ≈ 54.6', () => {
    const out = json('latency', '--from', 'New York', '--to', 'London');
    expect(Math.round(out.distanceKm as number)).toBe(5570);
    expect(Number((out.rttMs as number).toFixed(1))).toBe(54.6);
    expect(out.oneWayMs as number).toBeCloseTo((out.rttMs as number) / 2, 7); // JSON keeps 10 significant digits
  });

  it('latency honours --stretch', () => {
    const out = json('latency', '--from', 'NYC', '--to', 'London', '--stretch', '1.5');
    expect(out.rttMs as number).toBeCloseTo(54.5516 * 1.5, 2);
  });

  it('erlang-c: 48 Erlangs on 55 agents', () => {
    const out = json('erlang-c', '--rate', '0.2', '--service-time', '240', '--servers', '55', '--target-wait', '20');
    expect(out.offeredLoad).toBe(48);
    expect(out.utilization as number).toBeCloseTo(0.8727, 4);
    expect(out.probWait as number).toBeCloseTo(0.2387, 4);
    expect(out.meanWait as number).toBeCloseTo(8.18, 2);
    expect(out.serviceLevel as number).toBeCloseTo(0.8668, 4);
    for (const key of ['meanResponse', 'meanQueueLength']) expect(out).toHaveProperty(key);
  });

  it('erlang-c without --target-wait has no serviceLevel', () => {
    expect(json('erlang-c', '--rate', '0.2', '--service-time', '240', '--servers', '55')).not.toHaveProperty('serviceLevel');
  });

  it('staff: 54 agents for 80 % within 20 s', () => {
    const out = json('staff', '--rate', '0.2', '--service-time', '240', '--target-wait', '20', '--service-level', '0.8');
    expect(out.servers).toBe(54);
    expect(out.serviceLevel as number).toBeGreaterThanOrEqual(0.8);
  });

  it('erlang-b: A = 10, c = 10 → 0.2146', () => {
    expect(json('erlang-b', '--traffic', '10', '--servers', '10').blocking as number).toBeCloseTo(0.2146, 4);
  });

  it('usl: SPEC SDM91', () => {
    const out = json('usl', '--csv', sdm91);
    expect(out.sigma as number).toBeCloseTo(0.02773, 4);
    expect((out.kappa as number) / 1.044e-4).toBeCloseTo(1, 2);
    expect(out.lambda as number).toBeCloseTo(90.0, 1);
    expect(out.peakConcurrency as number).toBeCloseTo(96.52, 1);
    expect(Math.round(out.peakThroughput as number)).toBe(1884);
  });

  it('amdahl and gustafson', () => {
    expect(json('amdahl', '--parallel-fraction', '0.95', '--processors', '8').speedup as number).toBeCloseTo(5.926, 3);
    expect(json('amdahl', '--parallel-fraction', '0.95', '--processors', '8').limit).toBe(20);
    expect(json('gustafson', '--serial-fraction', '0.05', '--processors', '64').speedup).toBe(60.85);
  });

  it('availability --nines 99.99', () => {
    const out = json('availability', '--nines', '99.99');
    expect(out.downtimePerYearS as number).toBeCloseTo(3155.76, 6);
    expect(out.downtimePerMonthS as number).toBeCloseTo(262.98, 6);
    expect(out.downtimePer30DayMonthS as number).toBeCloseTo(259.2, 6);
    expect(out.downtimePerWeekS as number).toBeCloseTo(60.48, 6);
    expect(out.downtimePerDayS as number).toBeCloseTo(8.64, 6);
  });

  it('availability --series and --parallel', () => {
    expect(json('availability', '--series', '0.999,0.9995').availability).toBeCloseTo(0.9985005, 12);
    expect(json('availability', '--parallel', '0.99,0.99').availability).toBeCloseTo(0.9999, 12);
  });

  it('without --json prints an aligned table', () => {
    const r = run('erlang-c', '--rate', '0.2', '--service-time', '240', '--servers', '55');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/P\(wait\)\s+0\.2387/);
    expect(() => JSON.parse(r.stdout)).toThrow();
  });

  it('--help prints usage and exits 0', () => {
    const top = run('--help');
    expect(top.status).toBe(0);
    for (const c of ['latency', 'erlang-c', 'staff', 'erlang-b', 'usl', 'amdahl', 'gustafson', 'availability']) expect(top.stdout).toContain(c);
    const sub = run('staff', '--help');
    expect(sub.status).toBe(0);
    expect(sub.stdout).toContain('--service-level');
  });
});

describe('compendium CLI: bad input exits 2 with one line naming the flag and the rule', () => {
  const erlang = ['erlang-c', '--rate', '0.2', '--service-time', '240'];
  it('unknown command', () => expectUsageError(['bogus'], 'unknown command', 'bogus'));
  it('no command', () => expectUsageError([], 'command'));
  it('unknown flag', () => expectUsageError([...erlang, '--servers', '55', '--colour', 'red'], '--colour'));
  it('missing flag', () => expectUsageError(erlang, '--servers', 'required'));
  it('flag without a value', () => expectUsageError([...erlang, '--servers'], '--servers'));
  it('non-number', () => expectUsageError([...erlang, '--servers', 'many'], '--servers', 'must be a number'));
  it('non-integer servers', () => expectUsageError([...erlang, '--servers', '2.5'], '--servers must be a whole number ≥ 1, got 2.5'));
  it('negative rate', () => expectUsageError(['erlang-c', '--rate', '-1', '--service-time', '240', '--servers', '55'], '--rate', 'greater than 0'));
  it('NaN and Infinity are not numbers', () => {
    expectUsageError(['erlang-c', '--rate', 'NaN', '--service-time', '240', '--servers', '55'], '--rate', 'finite');
    expectUsageError(['amdahl', '--parallel-fraction', 'Infinity', '--processors', '8'], '--parallel-fraction', 'finite');
    expectUsageError(['erlang-c', '--rate', '1e999', '--service-time', '240', '--servers', '55'], '--rate', 'finite');
  });
  it('unstable queue', () => expectUsageError([...erlang, '--servers', '48'], '--servers', 'stable'));
  it('service level out of range', () =>
    expectUsageError(['staff', '--rate', '0.2', '--service-time', '240', '--target-wait', '20', '--service-level', '80'], '--service-level'));
  it('unknown city, with suggestions', () => expectUsageError(['latency', '--from', 'Lodnon', '--to', 'Paris'], '--from', 'london'));
  it('stretch below 1', () => expectUsageError(['latency', '--from', 'NYC', '--to', 'SF', '--stretch', '0.5'], '--stretch', '≥ 1'));
  it('unreadable CSV', () => expectUsageError(['usl', '--csv', join(dir, 'missing.csv')], '--csv', 'readable'));
  it('malformed CSV row', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'n,x\n1,10\n2,abc\n3,30\n');
    expectUsageError(['usl', '--csv', bad], '--csv line 3', 'throughput');
  });
  it('too few CSV points', () => {
    const few = join(dir, 'few.csv');
    writeFileSync(few, '1,10\n2,19\n');
    expectUsageError(['usl', '--csv', few], '--csv', '3 distinct');
  });
  it('fractions out of range', () => {
    expectUsageError(['amdahl', '--parallel-fraction', '95', '--processors', '8'], '--parallel-fraction', 'between 0 and 1');
    expectUsageError(['gustafson', '--serial-fraction', '0.05', '--processors', '0'], '--processors');
    expectUsageError(['availability', '--nines', '101'], '--nines', 'percentage');
    expectUsageError(['availability', '--series', '0.9,1.5'], '--series item 2');
  });
  it('availability needs exactly one mode', () => {
    expectUsageError(['availability'], '--nines');
    expectUsageError(['availability', '--nines', '99.9', '--parallel', '0.9'], 'mutually exclusive');
  });
  it('bare arguments', () => expectUsageError(['amdahl', '0.95'], 'amdahl'));
});
