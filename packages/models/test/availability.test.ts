import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  availabilityFromMtbf,
  countNines,
  downtimeFromPercent,
  kOfNAvailability,
  maxMttrFor,
  parallelAvailability,
  seriesAvailability,
} from '../src/availability.ts';
import { NON_FINITE, expectInputError, fractionArb } from './helpers.ts';

describe('downtime budgets (365.25-day year; month = year/12)', () => {
  it('99.99 % allows 52.6 minutes a year (Beyer et al., Site Reliability Engineering, 2016, ch. 3)', () => {
    const d = downtimeFromPercent(99.99);
    expect(d.downtimePerYearS / 60).toBeCloseTo(52.596, 3);
    expect(d.downtimePerYearS).toBeCloseTo(3155.76, 6);
    expect(d.downtimePerMonthS).toBeCloseTo(262.98, 6);
    expect(d.downtimePer30DayMonthS).toBeCloseTo(259.2, 6);
    expect(d.downtimePerWeekS).toBeCloseTo(60.48, 6);
    expect(d.downtimePerDayS).toBeCloseTo(8.64, 6);
  });

  it('99.9 % allows 8.77 hours a year and 43.2 minutes per 30-day month', () => {
    const d = downtimeFromPercent(99.9);
    expect(d.downtimePerYearS / 3600).toBeCloseTo(8.766, 3);
    expect(d.downtimePer30DayMonthS / 60).toBeCloseTo(43.2, 9);
  });

  it('100 % allows none; nines are −log10(1 − A)', () => {
    expect(downtimeFromPercent(100).downtimePerYearS).toBe(0);
    expect(countNines(0.999)).toBeCloseTo(3, 12);
    expect(countNines(1)).toBeNull();
  });

  it('rejects percentages outside 0–100 and non-finite values', () => {
    for (const bad of [-1, 100.1, ...NON_FINITE]) expectInputError(() => downtimeFromPercent(bad), 'availabilityPercent');
  });
});

describe('composition', () => {
  it('series multiplies: 99.9 % × 99.95 % = 99.85005 %', () => {
    expect(seriesAvailability([0.999, 0.9995])).toBeCloseTo(0.9985005, 15);
  });

  it('parallel: two 99 % replicas give 99.99 %', () => {
    expect(parallelAvailability([0.99, 0.99])).toBeCloseTo(0.9999, 15);
  });

  it('k-of-n: 2-of-3 at 99 % is 3a² − 2a³ = 0.999702', () => {
    expect(kOfNAvailability(2, 3, 0.99)).toBeCloseTo(0.999702, 12);
    expect(kOfNAvailability(1, 3, 0.9)).toBeCloseTo(parallelAvailability([0.9, 0.9, 0.9]), 12);
    expect(kOfNAvailability(3, 3, 0.9)).toBeCloseTo(seriesAvailability([0.9, 0.9, 0.9]), 12);
  });

  it('k-of-n is a probability, finite and monotone for large n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fractionArb, fc.double({ min: 0, max: 1, noNaN: true }), (n, a, kf) => {
        const k = Math.min(n, Math.floor(kf * n));
        const v = kOfNAvailability(k, n, a);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
        if (k < n) expect(kOfNAvailability(k + 1, n, a)).toBeLessThanOrEqual(v + 1e-12);
      }),
    );
  });

  it('series never beats its weakest part; parallel never falls below its best', () => {
    fc.assert(
      fc.property(fc.array(fractionArb, { minLength: 1, maxLength: 20 }), (as) => {
        expect(seriesAvailability(as)).toBeLessThanOrEqual(Math.min(...as) + 1e-15);
        expect(parallelAvailability(as)).toBeGreaterThanOrEqual(Math.max(...as) - 1e-15);
      }),
    );
  });

  it('rejects empty lists and out-of-range members by index', () => {
    expectInputError(() => seriesAvailability([]), 'availabilities');
    expectInputError(() => parallelAvailability([0.9, 99.9]), 'availabilities[1]');
    expectInputError(() => kOfNAvailability(4, 3, 0.9), 'k');
    expectInputError(() => kOfNAvailability(1, 2.5, 0.9), 'n');
  });
});

describe('MTBF and MTTR', () => {
  it('A = MTBF / (MTBF + MTTR): 999 h between failures, 1 h to repair gives 99.9 %', () => {
    expect(availabilityFromMtbf(999, 1)).toBeCloseTo(0.999, 15);
    expect(maxMttrFor(0.999, 999)).toBeCloseTo(1, 12);
    expectInputError(() => availabilityFromMtbf(0, 1), 'mtbf');
    expectInputError(() => availabilityFromMtbf(10, -1), 'mttr');
  });
});
