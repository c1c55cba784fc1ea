/**
 * An LRU cache of C items in front of a catalogue of N items whose popularity follows Zipf(α), under the independent
 * reference model: each request names item i (rank i, from 1) with probability i^(−α) / Σⱼ j^(−α), independently of
 * every other request. That is the model behind Che's approximation (Che, Tung and Wang, IEEE JSAC 2002), which the
 * tests compare the measured hit ratio against.
 *
 * Beside LRU, the same request stream goes to the best static cache for this model, which pins the C most popular
 * items; its hit ratio (the popularity of the top C items) bounds what any policy can reach without knowing the future.
 *
 * Time only paces the chart: requests arrive at a steady `rate`, handled in one batch per chart interval, since the
 * hit ratio under this model depends on the order of requests and not on when they come.
 */
import { Simulation } from '../engine.ts';
import { requireFinite, requireInteger, requirePositive, requireProbability, SimInputError } from '../errors.ts';
import type { Random } from '../random.ts';
import type { ScenarioRun, Snapshot } from '../scenario.ts';
import type { ScenarioDefinition } from './registry.ts';
import { chartInterval, emptySeries, recordPoint, withDefaults } from './support.ts';

export interface CacheParams {
  /** Items N in the catalogue. */
  items: number;
  /** Capacity C of the cache, in items. */
  cacheSize: number;
  /** Zipf exponent α (0 is uniform). */
  exponent: number;
  /** Requests per second, which only sets how fast the chart moves. */
  rate: number;
  /** Requests in the run. */
  requests: number;
  /** Share of the first requests left out of the measured hit ratios while the cache fills from empty. */
  warmup?: number;
}

export const MAX_CACHE_ITEMS = 2_000_000;
export const MAX_CACHE_REQUESTS = 50_000_000;

export function validateCache(p: CacheParams): Required<CacheParams> {
  requireInteger('items', p.items, 1, MAX_CACHE_ITEMS);
  requireInteger('cacheSize', p.cacheSize, 1, p.items);
  requireFinite('exponent', p.exponent);
  if (p.exponent < 0 || p.exponent > 5) throw new SimInputError('exponent', 'must be from 0 to 5', p.exponent);
  requirePositive('rate', p.rate);
  requireInteger('requests', p.requests, 100, MAX_CACHE_REQUESTS);
  const warmup = requireProbability('warmup', p.warmup ?? 0.2);
  if (warmup >= 0.9) throw new SimInputError('warmup', 'must be below 0.9, or too few requests are measured', warmup);
  return { ...p, warmup };
}

export interface CacheResult {
  /** LRU's hit ratio over the requests after the warm-up. */
  hitRatio: number;
  /** The hit ratio of a cache pinning the C most popular items, measured on the same requests. */
  staticTopHitRatio: number;
  /** The expected value of that static cache's hit ratio: the summed popularity of the top C items. */
  topPopularity: number;
  measuredRequests: number;
  requests: number;
}

/** Draws item ranks (0-based) with Zipf(α) probabilities by binary search on the cumulative distribution. */
function zipfSampler(items: number, exponent: number, random: Random): { sample: () => number; cumulative: Float64Array } {
  const cumulative = new Float64Array(items);
  let total = 0;
  for (let i = 0; i < items; i++) {
    total += (i + 1) ** -exponent;
    cumulative[i] = total;
  }
  for (let i = 0; i < items; i++) cumulative[i] = (cumulative[i] as number) / total;
  cumulative[items - 1] = 1;
  const sample = () => {
    const u = random.next();
    let low = 0;
    let high = items - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((cumulative[mid] as number) > u) high = mid;
      else low = mid + 1;
    }
    return low;
  };
  return { sample, cumulative };
}

/**
 * LRU in O(1) per request: a Map iterates in insertion order, so re-inserting an item on a hit moves it to the back
 * and the first key is always the least recently used.
 */
class LruCache {
  private readonly entries = new Map<number, true>();
  private readonly capacity: number;

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  /** Looks the item up, admits it on a miss; true on a hit. */
  request(item: number): boolean {
    if (this.entries.delete(item)) {
      this.entries.set(item, true);
      return true;
    }
    this.entries.set(item, true);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as number);
    return false;
  }
}

export function createCache(params: CacheParams, seed: number): ScenarioRun & { result(): CacheResult } {
  const p = validateCache(params);
  const sim = new Simulation(seed);
  const { sample, cumulative } = zipfSampler(p.items, p.exponent, sim.random.fork(1));
  const lru = new LruCache(p.cacheSize);
  const topPopularity = cumulative[p.cacheSize - 1] as number;
  const measureFrom = Math.floor(p.requests * p.warmup);
  const duration = p.requests / p.rate;
  // Time here only paces the chart, so the interval is set by the number of points: 200 windows over the run.
  const interval = chartInterval(duration, duration / 200);

  let done = 0;
  let lruHits = 0;
  let staticHits = 0;
  let measured = 0;
  const lruWindowSeries = emptySeries('LRU, hit ratio in the last interval');
  const lruCumulativeSeries = emptySeries('LRU, hit ratio since the warm-up');
  const staticSeries = emptySeries(`Top ${p.cacheSize} items pinned, hit ratio in the last interval`);

  const serveUpTo = (target: number) => {
    let windowHits = 0;
    let windowStaticHits = 0;
    const count = target - done;
    for (; done < target; done++) {
      const item = sample();
      const hit = lru.request(item);
      const staticHit = item < p.cacheSize;
      if (hit) windowHits++;
      if (staticHit) windowStaticHits++;
      if (done >= measureFrom) {
        measured++;
        if (hit) lruHits++;
        if (staticHit) staticHits++;
      }
    }
    if (count > 0) {
      recordPoint(lruWindowSeries, sim.now, windowHits / count);
      recordPoint(staticSeries, sim.now, windowStaticHits / count);
      if (measured > 0) recordPoint(lruCumulativeSeries, sim.now, lruHits / measured);
    }
  };

  // One batch per chart interval; the last one at exactly `duration` serves whatever remains.
  const ticks = Math.ceil(duration / interval - 1e-9);
  for (let k = 1; k <= ticks; k++) {
    const time = k === ticks ? duration : k * interval;
    sim.at(time, () => serveUpTo(k === ticks ? p.requests : Math.min(p.requests, Math.floor(time * p.rate))));
  }

  const result = (): CacheResult => ({
    hitRatio: measured > 0 ? lruHits / measured : 0,
    staticTopHitRatio: measured > 0 ? staticHits / measured : 0,
    topPopularity,
    measuredRequests: measured,
    requests: done,
  });

  return {
    sim,
    duration,
    advance(until) {
      sim.run({ until: Math.min(until, duration) });
    },
    snapshot(): Snapshot {
      const r = result();
      return {
        time: sim.now,
        events: sim.events,
        done: sim.pending === 0,
        figures: { hitRatio: r.hitRatio, staticTopHitRatio: r.staticTopHitRatio, topPopularity, requests: done },
        series: [lruWindowSeries, lruCumulativeSeries, staticSeries],
      };
    },
    result,
  };
}

export function simulateCache(params: CacheParams, seed: number): CacheResult {
  const run = createCache(params, seed);
  run.advance(run.duration);
  return run.result();
}

/**
 * LRU's measured hit ratio for each cache size, every run on the same request stream (the same seed), for a curve to
 * plot beside Che's approximation.
 */
export function hitRatioBySize(params: Omit<CacheParams, 'cacheSize'>, sizes: readonly number[], seed: number): number[] {
  if (sizes.length === 0) throw new SimInputError('sizes', 'must hold at least one cache size');
  return sizes.map((cacheSize) => simulateCache({ ...params, cacheSize }, seed).hitRatio);
}

export const CACHE_DEFAULTS: Required<CacheParams> = { items: 10_000, cacheSize: 1000, exponent: 0.8, rate: 8000, requests: 400_000, warmup: 0.2 };

export const cacheScenario: ScenarioDefinition = {
  id: 'cache',
  title: 'An LRU cache under Zipf popularity',
  fields: [
    { key: 'items', label: 'Items N', min: 10, max: 1_000_000, step: 10, integer: true },
    { key: 'cacheSize', label: 'Cache size C', min: 1, max: 1_000_000, step: 1, integer: true },
    { key: 'exponent', label: 'Zipf exponent α', min: 0, max: 2, step: 0.05 },
    { key: 'rate', label: 'Requests per second', min: 10, max: 100_000, step: 10, unit: 'per s' },
    { key: 'requests', label: 'Requests', min: 1000, max: 5_000_000, step: 1000, integer: true },
  ],
  defaults: { ...CACHE_DEFAULTS },
  pace: 1,
  chart: { yLabel: 'Hit ratio' },
  figures: [
    { key: 'hitRatio', label: 'LRU hit ratio after the warm-up', digits: 1, percent: true },
    { key: 'staticTopHitRatio', label: 'Hit ratio with the top C items pinned', digits: 1, percent: true },
    { key: 'topPopularity', label: 'Popularity of the top C items (its expected value)', digits: 1, percent: true },
    { key: 'requests', label: 'Requests so far', digits: 0 },
  ],
  create: (params, seed) => createCache(withDefaults(CACHE_DEFAULTS, params), seed),
};
