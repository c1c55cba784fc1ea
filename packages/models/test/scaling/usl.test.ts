import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitUsl, uslPeak, uslSpeedup, uslThroughput } from '../../src/scaling/usl.ts';
import { amdahlSpeedup } from '../../src/scaling/amdahl.ts';
import { expectInputError, relative } from '../helpers.ts';

// SPEC SDM91 benchmark (Gunther, Guerrilla Capacity Planning, 2007; the R package `usl`).
const SDM91_N = [1, 18, 36, 72, 108, 144, 216];
const SDM91_X = [64.9, 995.9, 1652.4, 1853.2, 1828.9, 1775.0, 1702.2];
const sdm91 = SDM91_N.map((concurrency, i) => ({ concurrency, throughput: SDM91_X[i]! }));

describe('USL model', () => {
  it('N* = √((1 − σ)/κ) is where throughput peaks', () => {
    const params = { lambda: 100, sigma: 0.05, kappa: 0.001 };
    const peak = uslPeak(params);
    expect(peak.peakConcurrency).toBeCloseTo(Math.sqrt(0.95 / 0.001), 12);
    const n = peak.peakConcurrency!;
    expect(uslThroughput(params, n)).toBeGreaterThan(uslThroughput(params, n * 0.99));
    expect(uslThroughput(params, n)).toBeGreaterThan(uslThroughput(params, n * 1.01));
  });

  it('κ = 0 has no peak: null with a flag, never Infinity; the ceiling is λ/σ', () => {
    expect(uslPeak({ lambda: 100, sigma: 0.05, kappa: 0 })).toEqual({
      peakConcurrency: null,
      peakThroughput: null,
      unbounded: true,
      asymptoticThroughput: 2000,
    });
  });

  it('with κ = 0 it is Amdahl’s law with serial fraction σ', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 10_000 }), (sigma, n) => {
        expect(relative(uslSpeedup({ sigma, kappa: 0 }, n), amdahlSpeedup(1 - sigma, n))).toBeLessThan(1e-12);
      }),
    );
  });

  it('rejects invalid parameters', () => {
    expectInputError(() => uslThroughput({ lambda: 0, sigma: 0, kappa: 0 }, 1), 'lambda');
    expectInputError(() => uslThroughput({ lambda: 1, sigma: -0.1, kappa: 0 }, 1), 'sigma');
    expectInputError(() => uslThroughput({ lambda: 1, sigma: 0, kappa: Number.NaN }, 1), 'kappa');
    expectInputError(() => uslThroughput({ lambda: 1, sigma: 0, kappa: 0 }, 0.5), 'concurrency');
  });
});

describe('USL fit', () => {
  it('reproduces SPEC SDM91: σ ≈ 0.02773, κ ≈ 1.044e-4, λ ≈ 90.0, N* ≈ 96.52, X(N*) ≈ 1884', () => {
    const fit = fitUsl(sdm91);
    expect(relative(fit.sigma, 0.02773)).toBeLessThan(1e-3);
    expect(relative(fit.kappa, 1.044e-4)).toBeLessThan(1e-3);
    expect(relative(fit.lambda, 90.0)).toBeLessThan(1e-3);
    expect(relative(fit.peakConcurrency!, 96.52)).toBeLessThan(1e-3);
    expect(relative(fit.peakThroughput!, 1884)).toBeLessThan(1e-3);
    expect(fit.converged).toBe(true);
    expect(fit.rSquared).toBeGreaterThan(0.98);
    expect(fit.rSquared).toBeLessThanOrEqual(1);
  });

  it('recovers the parameters of a generated data set', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1000, noNaN: true }),
        fc.double({ min: 0.001, max: 0.2, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e-2, noNaN: true }),
        (lambda, sigma, kappa) => {
          const points = Array.from({ length: 40 }, (_, i) => {
            const n = 1 + i * 5;
            return { concurrency: n, throughput: uslThroughput({ lambda, sigma, kappa }, n) };
          });
          const fit = fitUsl(points);
          expect(relative(fit.lambda, lambda)).toBeLessThan(1e-6);
          expect(Math.abs(fit.sigma - sigma)).toBeLessThan(1e-6 * Math.max(1, sigma) + 1e-8);
          expect(relative(fit.kappa, kappa)).toBeLessThan(1e-4);
          expect(fit.rSquared).toBeGreaterThan(0.999999);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('recovers parameters through 1 % noise, 1,000 points, in well under 20 ms', () => {
    const truth = { lambda: 120, sigma: 0.04, kappa: 2e-4 };
    let seed = 42;
    const noise = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return (seed / 2 ** 31 - 0.5) * 0.02;
    };
    const points = Array.from({ length: 1000 }, (_, i) => {
      const n = 1 + i * 0.3;
      return { concurrency: n, throughput: uslThroughput(truth, n) * (1 + noise()) };
    });
    fitUsl(points); // warm up the JIT
    const t0 = performance.now();
    const fit = fitUsl(points);
    expect(performance.now() - t0).toBeLessThan(20);
    expect(relative(fit.lambda, truth.lambda)).toBeLessThan(0.01);
    expect(relative(fit.kappa, truth.kappa)).toBeLessThan(0.05);
    expect(Math.abs(fit.sigma - truth.sigma)).toBeLessThan(0.005);
  });

  it('fits pure Amdahl data with κ at its bound of 0, reporting no peak', () => {
    const points = [1, 2, 4, 8, 16, 32, 64].map((n) => ({ concurrency: n, throughput: uslThroughput({ lambda: 10, sigma: 0.1, kappa: 0 }, n) }));
    const fit = fitUsl(points);
    expect(fit.kappa).toBeLessThan(1e-9);
    expect(relative(fit.sigma, 0.1)).toBeLessThan(1e-4);
    expect(Number.isFinite(fit.lambda)).toBe(true);
    if (fit.kappa === 0) expect(fit.peakConcurrency).toBeNull();
  });

  it('rejects too few points and invalid values', () => {
    expectInputError(() => fitUsl(sdm91.slice(0, 2)), 'points');
    expectInputError(() => fitUsl([{ concurrency: 1, throughput: 1 }, { concurrency: 1, throughput: 2 }, { concurrency: 1, throughput: 3 }]), 'points');
    expectInputError(() => fitUsl([...sdm91, { concurrency: 2, throughput: -1 }]), 'points[7].throughput');
    expectInputError(() => fitUsl([...sdm91, { concurrency: 0, throughput: 1 }]), 'points[7].concurrency');
  });

  it('never returns non-finite numbers for arbitrary positive data', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ concurrency: fc.integer({ min: 1, max: 1000 }), throughput: fc.double({ min: 1e-3, max: 1e6, noNaN: true }) }), { minLength: 3, maxLength: 30 }),
        (points) => {
          fc.pre(new Set(points.map((p) => p.concurrency)).size >= 3);
          const fit = fitUsl(points);
          for (const v of [fit.lambda, fit.sigma, fit.kappa, fit.rSquared, fit.residualSumOfSquares]) expect(Number.isFinite(v)).toBe(true);
          expect(fit.sigma).toBeGreaterThanOrEqual(0);
          expect(fit.kappa).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
