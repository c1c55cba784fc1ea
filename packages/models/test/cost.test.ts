import { describe, expect, it } from 'vitest';
import { HOURS_PER_MONTH, commitmentBreakEven, costPerMillionRequests, monthlyComputeCost, totalCostOfOwnership } from '../src/cost.ts';
import { PRICES, PRICES_AS_OF } from '../src/data/prices.ts';
import { expectInputError } from './helpers.ts';

describe('prices', () => {
  it('every price is dated, positive and sourced', () => {
    expect(PRICES_AS_OF).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const price of Object.values(PRICES)) {
      expect(price.value).toBeGreaterThan(0);
      expect(price.source).toMatch(/^https:\/\//);
    }
  });
});

describe('cost', () => {
  it('an m7i.large on demand for a month is 730 h × $0.1008 = $73.58', () => {
    expect(monthlyComputeCost(1)).toBeCloseTo(73.584, 9);
    expect(monthlyComputeCost(2, 0.5)).toBe(2 * 0.5 * HOURS_PER_MONTH);
  });

  it('TCO sums compute, storage, egress and people over the horizon', () => {
    const r = totalCostOfOwnership({
      horizonMonths: 12,
      instances: 10,
      hourlyPrice: 0.1,
      storageGb: 1000,
      storagePricePerGbMonth: 0.023,
      egressGbPerMonth: 500,
      egressPricePerGb: 0.09,
      engineers: 1,
      costPerEngineerYear: 120_000,
    });
    expect(r.monthly.compute).toBeCloseTo(730, 9);
    expect(r.monthly.storage).toBeCloseTo(23, 9);
    expect(r.monthly.egress).toBeCloseTo(45, 9);
    expect(r.monthly.people).toBeCloseTo(10_000, 9);
    expect(r.overHorizon.total).toBeCloseTo(12 * (730 + 23 + 45 + 10_000), 6);
    expectInputError(() => totalCostOfOwnership({ horizonMonths: 0, instances: 1 }), 'horizonMonths');
  });

  it('a 40 % commitment discount breaks even at 60 % utilization', () => {
    const r = commitmentBreakEven(0.1, 0.06);
    expect(r.breakEvenUtilization).toBeCloseTo(0.6, 12);
    expect(r.discount).toBeCloseTo(0.4, 12);
    expect(commitmentBreakEven(0.1, 0.2).canPay).toBe(false);
  });

  it('cost per million requests', () => {
    expect(costPerMillionRequests(1000, 500e6)).toBeCloseTo(2, 12);
    expectInputError(() => costPerMillionRequests(1000, 0), 'requestsPerMonth');
  });
});
