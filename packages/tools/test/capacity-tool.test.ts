import { mmc, serviceLevel, staffing, waitPercentile } from '@compendium/models';
import { describe, expect, it } from 'vitest';
import { readState } from '../src/fields.ts';
import { capacityFields, capacityReport, PROJECTION_MONTHS } from '../src/capacity-tool.ts';
import { capacityToolUrl } from '../src/links.ts';

const reportFor = (query: string) => capacityReport(readState(capacityFields, query).values);

describe('the Capacity Planner', () => {
  it('opens on a healthy system: stable, meeting its own target, with a fitted USL', () => {
    const state = readState(capacityFields, '');
    expect(state.errors).toEqual({});
    const report = capacityReport(state.values);
    expect(report.stable).toBe(true);
    expect(report.queue!.utilization).toBeLessThan(0.8);
    expect(report.queue!.serviceLevel).toBeGreaterThanOrEqual(state.values.level);
    expect(report.usl.ok).toBe(true);
  });

  it('reproduces the SPEC Erlang C example from a pre-filled link', () => {
    const url = new URL(capacityToolUrl({ rate: 0.2, serviceTime: 240, servers: 55, targetWait: 20, serviceLevel: 0.8 }), 'http://x');
    const report = reportFor(url.search);
    expect(report.offeredLoad).toBeCloseTo(48, 9);
    expect(report.queue!.probWait).toBeCloseTo(0.2387, 4);
    expect(report.queue!.meanWait).toBeCloseTo(8.18, 2);
    expect(report.queue!.serviceLevel).toBeCloseTo(0.8668, 4);
    expect(report.needed.servers).toBe(54);
    const expected = mmc({ arrivalRate: 0.2, serviceTime: 240, servers: 55 });
    expect(report.queue!.waitPercentiles.map((p) => p.wait)).toEqual([0.5, 0.9, 0.99].map((q) => waitPercentile(expected, q)));
  });

  it('says the queue is unstable instead of computing nonsense when servers do not cover the load', () => {
    const report = reportFor('?rate=100&service=0.1&servers=10');
    expect(report.stable).toBe(false);
    expect(report.queue).toBeUndefined();
    expect(report.needed.servers).toBeGreaterThan(10);
  });

  it('projects growth month by month with the staffing solver and finds when the fleet is outgrown', () => {
    const report = reportFor('?growth=0.1');
    expect(report.projection).toHaveLength(PROJECTION_MONTHS + 1);
    const month12 = report.projection[12]!;
    expect(month12.rate).toBeCloseTo(100 * 1.1 ** 12, 6);
    expect(month12.servers).toBe(staffing({ arrivalRate: month12.rate, serviceTime: 0.05, targetWait: 0.05, serviceLevel: 0.95 }).servers);
    expect(report.outgrownAt).toBe(report.projection.find((p) => p.servers > 8)!.month);
  });

  it('fits the SPEC SDM91 points to the published USL parameters', () => {
    const report = reportFor('');
    if (!report.usl.ok) throw new Error(report.usl.message);
    expect(report.usl.fit.sigma).toBeCloseTo(0.02773, 4);
    expect(report.usl.fit.kappa / 1.044e-4).toBeCloseTo(1, 2);
    expect(report.usl.fit.peakConcurrency!).toBeCloseTo(96.52, 1);
    expect(report.usl.curve.every((p) => Number.isFinite(p.x))).toBe(true);
  });

  it('explains bad USL input and keeps the rest of the report', () => {
    const state = readState(capacityFields, '?usl=1:10,2:abc');
    expect(state.errors.usl).toBe('Measured points, entry 2: write each point as concurrency:throughput, e.g. 8:450');
    expect(reportFor('?usl=').usl).toEqual({ ok: false, message: 'Paste measured points to fit the Universal Scalability Law.' });
    const oneServer = reportFor('?rate=1&service=0.5&servers=1');
    expect(oneServer.queue!.serviceLevel).toBeCloseTo(serviceLevel(mmc({ arrivalRate: 1, serviceTime: 0.5, servers: 1 }), 0.05), 12);
  });
});
