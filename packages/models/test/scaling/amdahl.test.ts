import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { amdahlEfficiency, amdahlLimit, amdahlProcessorsFor, amdahlSpeedup, gustafsonSpeedup } from '../../src/scaling/amdahl.ts';
import { NON_FINITE, expectInputError, fractionArb } from '../helpers.ts';

describe("Amdahl's law", () => {
  it('95 % parallel on 8 processors gives 5.926×; the limit is 20× (SPEC)', () => {
    expect(amdahlSpeedup(0.95, 8)).toBeCloseTo(5.926, 3);
    expect(amdahlLimit(0.95).limit).toBeCloseTo(20, 10);
  });

  it('50 % parallel can never reach 2× (Amdahl 1967)', () => {
    expect(amdahlLimit(0.5).limit).toBeCloseTo(2, 12);
    expect(amdahlSpeedup(0.5, 1e9)).toBeLessThan(2);
  });

  it('p = 1 is unbounded, reported as null rather than Infinity', () => {
    expect(amdahlLimit(1)).toEqual({ limit: null, unbounded: true });
    expect(amdahlSpeedup(1, 64)).toBe(64);
  });

  it('speed-up increases with N and never exceeds N or the limit', () => {
    fc.assert(
      fc.property(fractionArb, fc.integer({ min: 1, max: 100_000 }), (p, n) => {
        const s = amdahlSpeedup(p, n);
        expect(Number.isFinite(s)).toBe(true);
        expect(amdahlSpeedup(p, n + 1)).toBeGreaterThanOrEqual(s);
        expect(s).toBeLessThanOrEqual(n * (1 + 1e-12));
        const { limit } = amdahlLimit(p);
        if (limit !== null) expect(s).toBeLessThanOrEqual(limit * (1 + 1e-12));
      }),
    );
  });

  it('inverts: processors for a target speed-up', () => {
    const n = amdahlProcessorsFor(0.95, 10);
    expect(amdahlSpeedup(0.95, n)).toBeCloseTo(10, 10);
    expectInputError(() => amdahlProcessorsFor(0.95, 20), 'targetSpeedup');
    expect(amdahlEfficiency(0.95, 8)).toBeCloseTo(5.926 / 8, 3);
  });

  it('rejects invalid input', () => {
    for (const bad of [-0.1, 1.1, ...NON_FINITE]) expectInputError(() => amdahlSpeedup(bad, 8), 'parallelFraction');
    for (const bad of [0, 0.5, -1, ...NON_FINITE]) expectInputError(() => amdahlSpeedup(0.5, bad), 'processors');
  });
});

describe("Gustafson's law", () => {
  it('S = N − s(N − 1): 5 % serial on 64 processors gives 60.85× (Gustafson 1988)', () => {
    expect(gustafsonSpeedup(0.05, 64)).toBeCloseTo(60.85, 12);
    expect(gustafsonSpeedup(0, 64)).toBe(64);
    expect(gustafsonSpeedup(1, 64)).toBe(1);
  });

  it('s = 0.004 on 1,024 processors gives 1,019.9×', () => {
    expect(gustafsonSpeedup(0.004, 1024)).toBeCloseTo(1019.9, 1);
  });

  it('rejects invalid input', () => {
    expectInputError(() => gustafsonSpeedup(2, 8), 'serialFraction');
    expectInputError(() => gustafsonSpeedup(0.1, Number.NaN), 'processors');
  });
});
