import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cacheTierEconomics, cheHitRatio, cheHitRatioFor, effectiveLatency, zipfProbabilities } from '../src/caching.ts';
import { expectInputError } from './helpers.ts';

/** Exact LRU hit ratio by simulation, to check Che's approximation against. */
function simulateLru(items: number, cacheSize: number, s: number, requests: number): number {
  const p = zipfProbabilities(items, s);
  const cdf = new Float64Array(items);
  let acc = 0;
  for (let i = 0; i < items; i++) {
    acc += p[i]!;
    cdf[i] = acc;
  }
  let seed = 7;
  const random = () => {
    seed = (seed * 48_271) % 2_147_483_647;
    return seed / 2_147_483_647;
  };
  const cache = new Map<number, true>();
  let hits = 0;
  for (let r = 0; r < requests; r++) {
    const u = random();
    let lo = 0;
    let hi = items - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    if (cache.has(lo)) {
      hits++;
      cache.delete(lo);
    } else if (cache.size >= cacheSize) cache.delete(cache.keys().next().value!);
    cache.set(lo, true);
  }
  return hits / requests;
}

describe('effective latency', () => {
  it('90 % hits at 1 ms, misses at 100 ms: 10.9 ms', () => {
    expect(effectiveLatency(0.9, 1, 100)).toBeCloseTo(10.9, 12);
    expectInputError(() => effectiveLatency(1.1, 1, 100), 'hitRatio');
  });
});

describe("Che's approximation", () => {
  it('agrees with a simulated LRU cache to within 1 percentage point (Zipf 0.8, 1,000 items, cache 100)', () => {
    const che = cheHitRatio({ items: 1000, cacheSize: 100, zipfExponent: 0.8 });
    const sim = simulateLru(1000, 100, 0.8, 400_000);
    expect(Math.abs(che.hitRatio - sim)).toBeLessThan(0.01);
  });

  it('solves Σ(1 − e^(−pᵢT)) = C', () => {
    const p = zipfProbabilities(500, 1);
    const { characteristicTime } = cheHitRatioFor(p, 50);
    let occupancy = 0;
    for (const pi of p) occupancy += 1 - Math.exp(-pi * characteristicTime!);
    expect(occupancy).toBeCloseTo(50, 6);
  });

  it('uniform popularity gives hit ratio ≈ C/n; a cache holding everything hits always', () => {
    const r = cheHitRatio({ items: 1000, cacheSize: 250, zipfExponent: 0 });
    expect(r.hitRatio).toBeCloseTo(0.25, 6);
    expect(cheHitRatio({ items: 10, cacheSize: 10, zipfExponent: 1 })).toEqual({ hitRatio: 1, characteristicTime: null, iterations: 0 });
    expect(cheHitRatio({ items: 10, cacheSize: 0, zipfExponent: 1 }).hitRatio).toBe(0);
  });

  it('hit ratio is a probability that grows with cache size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 2000 }), fc.double({ min: 0, max: 2, noNaN: true }), fc.double({ min: 0, max: 0.98, noNaN: true }), (n, s, f) => {
        const c = Math.floor(f * n);
        const h = cheHitRatio({ items: n, cacheSize: c, zipfExponent: s }).hitRatio;
        expect(h).toBeGreaterThanOrEqual(0);
        expect(h).toBeLessThanOrEqual(1);
        expect(cheHitRatio({ items: n, cacheSize: c + 1, zipfExponent: s }).hitRatio).toBeGreaterThanOrEqual(h - 1e-9);
      }),
      { numRuns: 60 },
    );
  });

  it('rejects invalid input', () => {
    expectInputError(() => cheHitRatio({ items: 0, cacheSize: 1, zipfExponent: 1 }), 'items');
    expectInputError(() => cheHitRatio({ items: 10, cacheSize: -1, zipfExponent: 1 }), 'cacheSize');
    expectInputError(() => cheHitRatio({ items: 10, cacheSize: 1, zipfExponent: Number.NaN }), 'exponent');
  });
});

describe('cache tier economics', () => {
  it('1 billion requests a month at 80 % hits saves 800 million origin requests', () => {
    const r = cacheTierEconomics({ requestsPerMonth: 1e9, hitRatio: 0.8, originCostPerMillion: 2, cacheCostPerMonth: 500 });
    expect(r.originRequestsSaved).toBe(8e8);
    expect(r.originCostSaved).toBeCloseTo(1600, 9);
    expect(r.netSavingPerMonth).toBeCloseTo(1100, 9);
    expect(r.paysForItself).toBe(true);
    expect(r.breakEvenHitRatio).toBeCloseTo(0.25, 12);
  });
});
