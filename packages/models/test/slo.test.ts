import { describe, expect, it } from 'vitest';
import { allowedBadEvents, burnRate, burnRateThreshold, errorBudget, multiWindowAlerts, timeToExhaustionS } from '../src/slo.ts';
import { expectInputError } from './helpers.ts';

const HOUR = 3600;
const DAY = 86_400;

describe('error budgets', () => {
  it('99.9 % over 30 days allows 43.2 minutes and 1,000 bad events per million', () => {
    expect(errorBudget(0.999, 30 * DAY).allowedBadTimeS).toBeCloseTo(2592, 9);
    expect(allowedBadEvents(0.999, 1e6)).toBeCloseTo(1000, 9);
  });

  it('burn rate is the error ratio over the budget; 1 exhausts it in exactly the period', () => {
    expect(burnRate(0.001, 0.999)).toBeCloseTo(1, 9);
    expect(burnRate(0.0144, 0.999)).toBeCloseTo(14.4, 9);
    expect(timeToExhaustionS(14.4, 30 * DAY) / HOUR).toBeCloseTo(50, 9);
  });
});

describe('multi-window, multi-burn-rate alerts (SRE Workbook, 2018, ch. 5, Table 5-8)', () => {
  it('2 % of budget in 1 h → 14.4; 5 % in 6 h → 6; 10 % in 3 days → 1', () => {
    expect(burnRateThreshold(0.02, 1 * HOUR, 30 * DAY)).toBeCloseTo(14.4, 12);
    expect(burnRateThreshold(0.05, 6 * HOUR, 30 * DAY)).toBeCloseTo(6, 12);
    expect(burnRateThreshold(0.1, 3 * DAY, 30 * DAY)).toBeCloseTo(1, 12);
  });

  it('the recommended policy table, with short windows of 5 min, 30 min and 6 h', () => {
    const alerts = multiWindowAlerts(0.999);
    expect(alerts.map((a) => Number(a.burnRate.toFixed(6)))).toEqual([14.4, 6, 1]);
    expect(alerts.map((a) => a.shortWindowS)).toEqual([300, 1800, 6 * HOUR]);
    expect(alerts.map((a) => a.severity)).toEqual(['page', 'page', 'ticket']);
    expect(alerts[0]!.errorRatioThreshold).toBeCloseTo(0.0144, 12);
  });

  it('rejects invalid input', () => {
    expectInputError(() => errorBudget(1), 'slo');
    expectInputError(() => errorBudget(99.9), 'slo');
    expectInputError(() => burnRateThreshold(0.02, 0), 'alertWindowS');
    expectInputError(() => burnRateThreshold(1.5, HOUR), 'budgetConsumed');
  });
});
