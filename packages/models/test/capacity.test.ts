import { describe, expect, it } from 'vitest';
import { headroom, monthsUntilExhausted, nPlusK, projectLoad, requiredCapacity } from '../src/capacity.ts';
import { expectInputError } from './helpers.ts';

describe('capacity', () => {
  it('a 700 req/s peak at a 70 % target needs 1,000 req/s', () => {
    expect(requiredCapacity(700, 0.7)).toBeCloseTo(1000, 9);
    expect(headroom(700, 1000)).toBeCloseTo(0.3, 12);
    expectInputError(() => requiredCapacity(700, 0), 'targetUtilization');
    expectInputError(() => requiredCapacity(700, 1.5), 'targetUtilization');
  });

  it('10 % monthly growth doubles load in ln 2 / ln 1.1 ≈ 7.27 months', () => {
    expect(projectLoad(100, 0.1, 12)).toBeCloseTo(100 * 1.1 ** 12, 9);
    const r = monthsUntilExhausted({ load: 500, capacity: 1000, monthlyGrowth: 0.1 });
    expect(r.months).toBeCloseTo(Math.log(2) / Math.log(1.1), 12);
    expect(monthsUntilExhausted({ load: 500, capacity: 1000, monthlyGrowth: 0 }).months).toBeNull();
    expect(monthsUntilExhausted({ load: 900, capacity: 1000, monthlyGrowth: 0.1, targetUtilization: 0.8 }).months).toBe(0);
    expectInputError(() => projectLoad(1, -1, 1), 'monthlyGrowth');
  });

  it('N + k: 1,100 req/s at 100 per node is 11 nodes, 13 with N + 2', () => {
    const r = nPlusK({ peakLoad: 1100, perNodeCapacity: 100, spares: 2 });
    expect(r).toMatchObject({ nodesForPeak: 11, totalNodes: 13 });
    expect(nPlusK({ peakLoad: 1.1, perNodeCapacity: 0.1, spares: 0 }).nodesForPeak).toBe(11);
    expectInputError(() => nPlusK({ peakLoad: 1, perNodeCapacity: 1, spares: 0.5 }), 'spares');
  });
});
