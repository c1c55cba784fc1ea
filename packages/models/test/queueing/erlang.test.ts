import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { erlangB, erlangC, mmc, serviceLevel, staffing, waitPercentile } from '../../src/queueing/erlang.ts';
import { mm1 } from '../../src/queueing/mm1.ts';
import { NON_FINITE, expectInputError, positive, relative } from '../helpers.ts';

/** Stable M/M/c inputs: c servers, utilization below 1. */
const stableMMc = fc
  .tuple(fc.integer({ min: 1, max: 400 }), fc.double({ min: 0, max: 0.995, noNaN: true }), positive(1e-3, 1e3))
  .map(([servers, rho, serviceTime]) => ({ servers, serviceTime, arrivalRate: (rho * servers) / serviceTime }));

describe('Erlang B', () => {
  it('A = 10, c = 10 → B ≈ 0.2146, the value in standard Erlang B tables (closed form gives 0.214582)', () => {
    expect(erlangB(10, 10)).toBeCloseTo(0.2146, 4);
  });

  it('A = 1, c = 1 → 1/2 and A = 2, c = 2 → 2/5 (closed form Aᶜ/c! / Σ Aᵏ/k!)', () => {
    expect(erlangB(1, 1)).toBeCloseTo(0.5, 15);
    expect(erlangB(2, 2)).toBeCloseTo(0.4, 15);
  });

  it('agrees with the closed form for small c', () => {
    fc.assert(
      fc.property(positive(0.01, 50), fc.integer({ min: 0, max: 60 }), (a, c) => {
        let term = 1;
        let sum = 1;
        for (let k = 1; k <= c; k++) {
          term *= a / k;
          sum += term;
        }
        expect(relative(erlangB(a, c), term / sum)).toBeLessThan(1e-10);
      }),
    );
  });

  it('is finite at 100,000 servers, even for a light load that underflows', () => {
    expect(erlangB(10, 100_000)).toBe(0);
    const b = erlangB(100_000, 100_000);
    expect(b).toBeGreaterThan(0);
    expect(b).toBeLessThan(0.01);
  });

  it('rejects invalid input', () => {
    expectInputError(() => erlangB(-1, 10), 'traffic');
    expectInputError(() => erlangB(10, 2.5), 'servers');
    expectInputError(() => erlangB(Number.NaN, 10), 'traffic');
  });
});

describe('Erlang C (M/M/c)', () => {
  // 360 calls per 30 minutes, 240 s handling time: A = 48 Erlangs. Published figures as listed in SPEC.md.
  const call = { arrivalRate: 360 / 1800, serviceTime: 240, servers: 55 };

  it('48 Erlangs on 55 agents: P(wait) 0.2387, mean wait 8.18 s, occupancy 87.27 %, P(wait ≤ 20 s) 0.8668', () => {
    const r = mmc(call);
    expect(r.offeredLoad).toBeCloseTo(48, 12);
    expect(r.probWait).toBeCloseTo(0.2387, 4);
    expect(r.meanWait).toBeCloseTo(8.18, 2);
    expect(r.utilization * 100).toBeCloseTo(87.27, 2);
    expect(serviceLevel(r, 20)).toBeCloseTo(0.8668, 4);
  });

  it('the fewest agents answering 80 % within 20 s is 54 (SPEC)', () => {
    const r = staffing({ arrivalRate: 0.2, serviceTime: 240, targetWait: 20, serviceLevel: 0.8 });
    expect(r.servers).toBe(54);
    expect(r.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(serviceLevel(mmc({ ...call, servers: 53 }), 20)).toBeLessThan(0.8);
  });

  it('at c = 1 equals M/M/1', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.999, noNaN: true }), positive(1e-3, 1e3), (rho, s) => {
        const c = mmc({ arrivalRate: rho / s, serviceTime: s, servers: 1 });
        const m = mm1({ arrivalRate: rho / s, serviceTime: s });
        expect(Math.abs(c.probWait - rho)).toBeLessThan(1e-12);
        expect(relative(c.meanResponse, m.meanResponse)).toBeLessThan(1e-9);
        expect(Math.abs(c.meanQueueLength - m.meanQueueLength)).toBeLessThanOrEqual(1e-9 * Math.max(1, m.meanQueueLength));
      }),
    );
  });

  it("satisfies Little's law (L = λW, Lq = λWq) and stays finite", () => {
    fc.assert(
      fc.property(stableMMc, (input) => {
        const r = mmc(input);
        for (const v of Object.values(r)) expect(Number.isFinite(v)).toBe(true);
        expect(r.probWait).toBeGreaterThanOrEqual(0);
        expect(r.probWait).toBeLessThanOrEqual(1);
        expect(Math.abs(r.meanInSystem - input.arrivalRate * r.meanResponse)).toBeLessThanOrEqual(1e-9 * Math.max(1, r.meanInSystem));
        expect(Math.abs(r.meanQueueLength - input.arrivalRate * r.meanWait)).toBeLessThanOrEqual(1e-9 * Math.max(1, r.meanQueueLength));
        // L = Lq + A: the servers hold A customers on average.
        expect(Math.abs(r.meanInSystem - r.meanQueueLength - r.offeredLoad)).toBeLessThanOrEqual(1e-9 * Math.max(1, r.meanInSystem));
      }),
    );
  });

  it('P(wait) decreases as servers are added', () => {
    fc.assert(
      fc.property(positive(0.1, 500), fc.integer({ min: 1, max: 50 }), (a, extra) => {
        const c = Math.floor(a) + extra;
        expect(erlangC(a, c + 1)).toBeLessThanOrEqual(erlangC(a, c));
      }),
    );
  });

  it('wait percentiles invert the waiting-time distribution', () => {
    const r = mmc(call);
    expect(waitPercentile(r, 0.5)).toBe(0); // 76 % of callers do not wait at all
    const p95 = waitPercentile(r, 0.95);
    expect(serviceLevel(r, p95)).toBeCloseTo(0.95, 12);
    expectInputError(() => waitPercentile(r, 1), 'q');
  });

  it('is stable at 10,000 and 100,000 servers', () => {
    const big = mmc({ arrivalRate: 99_000, serviceTime: 1, servers: 100_000 });
    expect(big.probWait).toBeGreaterThan(0);
    expect(big.probWait).toBeLessThan(0.01);
    expect(Number.isFinite(big.meanWait)).toBe(true);
    // Halfin–Whitt regime: c = A + β√A with β ≈ 1 gives P(wait) ≈ 0.2 whatever the scale.
    const hw = mmc({ arrivalRate: 10_000, serviceTime: 1, servers: 10_100 });
    expect(hw.probWait).toBeGreaterThan(0.1);
    expect(hw.probWait).toBeLessThan(0.3);
    const heavy = mmc({ arrivalRate: 99_999.5, serviceTime: 1, servers: 100_000 });
    expect(heavy.probWait).toBeGreaterThan(0.99);
    expect(Number.isFinite(heavy.meanWait)).toBe(true);
  });

  it('staffs 100,000-server systems quickly and minimally', () => {
    const t0 = performance.now();
    const r = staffing({ arrivalRate: 100_000, serviceTime: 1, targetWait: 0.1, serviceLevel: 0.9 });
    expect(performance.now() - t0).toBeLessThan(100);
    expect(r.servers).toBeGreaterThan(100_000);
    expect(r.servers).toBeLessThan(100_000 + 5 * Math.sqrt(100_000));
    expect(serviceLevel(mmc({ arrivalRate: 100_000, serviceTime: 1, servers: r.servers - 1 }), 0.1)).toBeLessThan(0.9);
  });

  it('rejects invalid input with the parameter named', () => {
    expectInputError(() => mmc({ ...call, servers: 40 }), 'servers');
    expectInputError(() => mmc({ ...call, servers: 48 }), 'servers');
    expectInputError(() => mmc({ ...call, servers: 54.5 }), 'servers');
    expectInputError(() => mmc({ ...call, servers: 0 }), 'servers');
    for (const bad of [-1, ...NON_FINITE]) expectInputError(() => mmc({ ...call, arrivalRate: bad }), 'arrivalRate');
    for (const bad of [0, -1, ...NON_FINITE]) expectInputError(() => mmc({ ...call, serviceTime: bad }), 'serviceTime');
    expectInputError(() => serviceLevel(mmc(call), -1), 'targetWait');
    for (const bad of [0, 1, 1.5, Number.NaN]) {
      expectInputError(() => staffing({ arrivalRate: 0.2, serviceTime: 240, targetWait: 20, serviceLevel: bad }), 'serviceLevel');
    }
  });
});
