import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mm1, mm1AtUtilization, mm1ProbN, mm1ResponsePercentile, mm1ResponseWithin, mm1WaitWithin } from '../../src/queueing/mm1.ts';
import { NON_FINITE, expectInputError, positive, relative } from '../helpers.ts';

const stable = fc
  .tuple(positive(1e-3, 1e3), fc.double({ min: 0, max: 0.999, noNaN: true }))
  .map(([serviceTime, rho]) => ({ serviceTime, arrivalRate: rho / serviceTime }));

describe('M/M/1', () => {
  it('at 90 % utilization: 9 in the system, 8.1 queued, 10 service times in the system (SPEC)', () => {
    const r = mm1AtUtilization(0.9);
    expect(r.meanInSystem).toBeCloseTo(9, 10);
    expect(r.meanQueueLength).toBeCloseTo(8.1, 10);
    expect(r.meanResponse).toBeCloseTo(10, 10);
    expect(r.meanWait).toBeCloseTo(9, 10);
  });

  it('P(n) is geometric and sums to 1', () => {
    const input = { arrivalRate: 0.5, serviceTime: 1 };
    expect(mm1ProbN(input, 0)).toBe(0.5);
    expect(mm1ProbN(input, 3)).toBe(0.0625);
    let total = 0;
    for (let n = 0; n < 200; n++) total += mm1ProbN(input, n);
    expect(total).toBeCloseTo(1, 12);
  });

  it('response time is exponential: the median is ln 2 × W and the 99th percentile is ln 100 × W', () => {
    const input = { arrivalRate: 0.9, serviceTime: 1 };
    expect(mm1ResponsePercentile(input, 0.5)).toBeCloseTo(Math.LN2 * 10, 10);
    expect(mm1ResponsePercentile(input, 0.99)).toBeCloseTo(Math.log(100) * 10, 10);
    expect(mm1ResponseWithin(input, mm1ResponsePercentile(input, 0.95))).toBeCloseTo(0.95, 12);
    expect(mm1WaitWithin(input, 0)).toBeCloseTo(0.1, 12);
  });

  it("satisfies Little's law: L = λW and Lq = λWq", () => {
    fc.assert(
      fc.property(stable, (input) => {
        const r = mm1(input);
        expect(Math.abs(r.meanInSystem - input.arrivalRate * r.meanResponse)).toBeLessThanOrEqual(1e-9 * Math.max(1, r.meanInSystem));
        expect(Math.abs(r.meanQueueLength - input.arrivalRate * r.meanWait)).toBeLessThanOrEqual(1e-9 * Math.max(1, r.meanQueueLength));
        for (const v of Object.values(r)) expect(Number.isFinite(v)).toBe(true);
      }),
    );
  });

  it('rejects utilization ≥ 1 and invalid inputs', () => {
    expectInputError(() => mm1({ arrivalRate: 1.2, serviceTime: 1 }), 'utilization');
    expect(() => mm1({ arrivalRate: 1.2, serviceTime: 1 })).toThrow('utilization must be below 1 for a stable queue, got 1.2');
    expectInputError(() => mm1({ arrivalRate: 1, serviceTime: 1 }), 'utilization');
    for (const bad of [-1, ...NON_FINITE]) expectInputError(() => mm1({ arrivalRate: bad, serviceTime: 1 }), 'arrivalRate');
    for (const bad of [0, -1, ...NON_FINITE]) expectInputError(() => mm1({ arrivalRate: 0.1, serviceTime: bad }), 'serviceTime');
    expectInputError(() => mm1ResponsePercentile({ arrivalRate: 0.1, serviceTime: 1 }, 1), 'q');
    expectInputError(() => mm1ProbN({ arrivalRate: 0.1, serviceTime: 1 }, 1.5), 'n');
  });

  it('W grows as 1/(1 − ρ)', () => {
    expect(relative(mm1AtUtilization(0.99).meanResponse, 100)).toBeLessThan(1e-9);
  });
});
