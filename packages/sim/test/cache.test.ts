import { cheHitRatio } from '@compendium/models';
import { describe, expect, it } from 'vitest';
import { createCache, hitRatioBySize, simulateCache } from '../src/scenarios/cache.ts';

const zipf = { items: 10_000, cacheSize: 1000, exponent: 0.8, rate: 2000, requests: 100_000 };

describe('LRU cache under Zipf popularity', () => {
  it('is deterministic: the same seed gives the same result; another seed does not', () => {
    const small = { ...zipf, requests: 20_000 };
    expect(simulateCache(small, 5)).toEqual(simulateCache(small, 5));
    expect(simulateCache(small, 6)).not.toEqual(simulateCache(small, 5));
  });

  it("matches Che's approximation within 2 percentage points (N = 10,000, C = 1,000, α = 0.8)", () => {
    // 80,000 measured requests: the binomial standard error is 0.18 points, and Che's approximation is itself within
    // a few tenths of a point of LRU here (Fricker, Robert and Roberts 2012); seeds 1-3 differed from it by 0.03-0.49.
    const theory = cheHitRatio({ items: 10_000, cacheSize: 1000, zipfExponent: 0.8 }).hitRatio;
    const measured = simulateCache(zipf, 1);
    expect(Math.abs(measured.hitRatio - theory)).toBeLessThan(0.02);
    // Pinning the top C items is the best a cache can do under this model; LRU stays well below it.
    expect(Math.abs(measured.staticTopHitRatio - measured.topPopularity)).toBeLessThan(0.01);
    expect(measured.hitRatio).toBeLessThan(measured.staticTopHitRatio - 0.05);
  });

  it("gives a hit-ratio curve by cache size that follows Che's", () => {
    const sizes = [100, 2000, 5000];
    const measured = hitRatioBySize({ items: 10_000, exponent: 0.8, rate: 2000, requests: 50_000 }, sizes, 2);
    sizes.forEach((cacheSize, i) => {
      const theory = cheHitRatio({ items: 10_000, cacheSize, zipfExponent: 0.8 }).hitRatio;
      // 40,000 measured requests each: the standard error is at most 0.25 points.
      expect(Math.abs((measured[i] as number) - theory)).toBeLessThan(0.02);
    });
    expect(measured[0]).toBeLessThan(measured[1] as number);
    expect(measured[1]).toBeLessThan(measured[2] as number);
  });

  it('holds every item when the cache is as large as the catalogue, after the cold misses', () => {
    const r = simulateCache({ items: 50, cacheSize: 50, exponent: 0.8, rate: 100, requests: 10_000 }, 3);
    expect(r.hitRatio).toBe(1);
  });

  it('advances in slices to the same result as one run, with one chart point per interval', () => {
    const sliced = createCache(zipf, 4);
    for (let t = 0.7; t < sliced.duration + 0.7; t += 0.7) sliced.advance(t);
    expect(sliced.result()).toEqual(simulateCache(zipf, 4));
    const snapshot = sliced.snapshot();
    expect(snapshot.done).toBe(true);
    expect(snapshot.series[0]?.values).toHaveLength(200);
  });

  it('refuses malformed parameters, naming the parameter', () => {
    expect(() => simulateCache({ ...zipf, cacheSize: 20_000 }, 1)).toThrow('cacheSize must be a whole number from 1 to 10000, got 20000');
    expect(() => simulateCache({ ...zipf, exponent: -1 }, 1)).toThrow('exponent must be from 0 to 5, got -1');
    expect(() => simulateCache({ ...zipf, items: 1.5 }, 1)).toThrow(/items must be a whole number/);
    expect(() => hitRatioBySize(zipf, [], 1)).toThrow('sizes must hold at least one cache size');
  });
});
