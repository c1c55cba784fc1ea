/**
 * Cache performance and economics.
 *
 *   effective latency      = h × hit latency + (1 − h) × miss latency
 *   Zipf(s) popularity     pᵢ = i^(−s) / Σⱼ j^(−s),  i = 1..n
 *   Che's approximation    an LRU cache of C items behaves as if each item stays for a fixed "characteristic
 *                          time" T after its last request, where T solves Σᵢ (1 − e^(−pᵢ T)) = C;
 *                          hit ratio = Σᵢ pᵢ (1 − e^(−pᵢ T))
 *
 * Assumptions: the independent reference model (requests are independent draws from a fixed popularity
 * distribution), equal-sized items, an LRU cache counted in items. Time is measured in requests, so T is
 * dimensionless. Che's approximation is remarkably accurate for LRU under this model (Fricker, Robert & Roberts
 * 2012 explain why).
 *
 * Sources: H. Che, Y. Tung, Z. Wang, "Hierarchical Web caching systems: modeling, design and experimental
 * results", IEEE JSAC 20(7), 2002; C. Fricker, P. Robert, J. Roberts, "A versatile and accurate approximation
 * for LRU cache performance", ITC 24, 2012; L. Breslau et al., "Web Caching and Zipf-like Distributions",
 * INFOCOM 1999.
 */
import { ModelInputError, requireFraction, requireInteger, requireNonNegative } from './errors.ts';

/** Memory bound for the O(n) sums: ten million items is a large catalogue and about 80 MB of doubles. */
export const MAX_ZIPF_ITEMS = 10_000_000;
const CHE_MAX_ITERATIONS = 200;
const CHE_RELATIVE_TOLERANCE = 1e-12;

export function effectiveLatency(hitRatio: number, hitLatency: number, missLatency: number): number {
  const h = requireFraction('hitRatio', hitRatio);
  requireNonNegative('hitLatency', hitLatency);
  requireNonNegative('missLatency', missLatency);
  return h * hitLatency + (1 - h) * missLatency;
}

export function zipfProbabilities(items: number, exponent: number): Float64Array {
  requireInteger('items', items, 1);
  if (items > MAX_ZIPF_ITEMS) throw new ModelInputError('items', `must be at most ${MAX_ZIPF_ITEMS}`, items);
  requireNonNegative('exponent', exponent);
  const p = new Float64Array(items);
  let total = 0;
  for (let i = 0; i < items; i++) {
    p[i] = (i + 1) ** -exponent;
    total += p[i]!;
  }
  for (let i = 0; i < items; i++) p[i]! /= total;
  return p;
}

export interface CheInput {
  readonly items: number;
  /** Cache capacity in items. */
  readonly cacheSize: number;
  /** Zipf exponent s (0 = uniform; web traffic is typically 0.6–1.0 per Breslau et al.). */
  readonly zipfExponent: number;
}

export interface CheResult {
  readonly hitRatio: number;
  /** T_C in requests; null when the cache holds every item (nothing is ever evicted). */
  readonly characteristicTime: number | null;
  readonly iterations: number;
}

/** LRU hit ratio under Zipf popularity, by Che's approximation. */
export function cheHitRatio(input: CheInput): CheResult {
  const n = requireInteger('items', input.items, 1);
  const c = requireNonNegative('cacheSize', input.cacheSize);
  const p = zipfProbabilities(n, input.zipfExponent);
  return cheHitRatioFor(p, c);
}

/** Che's approximation for any popularity vector (must sum to 1). */
export function cheHitRatioFor(popularity: Float64Array | readonly number[], cacheSize: number): CheResult {
  const c = requireNonNegative('cacheSize', cacheSize);
  const n = popularity.length;
  if (n === 0) throw new ModelInputError('popularity', 'must contain at least one item', n);
  for (let i = 0; i < n; i++) requireFraction(`popularity[${i}]`, popularity[i]!);
  if (c >= n) return { hitRatio: 1, characteristicTime: null, iterations: 0 };
  if (c === 0) return { hitRatio: 0, characteristicTime: 0, iterations: 0 };

  // f(T) = Σ(1 − e^(−pT)) − C is increasing and concave, so Newton's method started below the root (T = C,
  // because Σ(1 − e^(−pT)) ≤ Σ pT = T) climbs monotonically to it without overshooting.
  let t = c;
  let iterations = 0;
  for (; iterations < CHE_MAX_ITERATIONS; iterations++) {
    let occupancy = 0;
    let slope = 0;
    for (let i = 0; i < n; i++) {
      const pi = popularity[i]!;
      occupancy += -Math.expm1(-pi * t);
      slope += pi * Math.exp(-pi * t);
    }
    const f = occupancy - c;
    if (Math.abs(f) <= CHE_RELATIVE_TOLERANCE * c || !(slope > 0)) break;
    const next = t - f / slope;
    if (!Number.isFinite(next) || next <= t * (1 + 1e-15)) break;
    t = next;
  }
  let hitRatio = 0;
  for (let i = 0; i < n; i++) {
    const pi = popularity[i]!;
    hitRatio += pi * -Math.expm1(-pi * t);
  }
  return { hitRatio: Math.min(1, Math.max(0, hitRatio)), characteristicTime: t, iterations };
}

export interface CacheTierInput {
  readonly requestsPerMonth: number;
  readonly hitRatio: number;
  /** Cost of serving one million requests from the origin (compute, egress, database). */
  readonly originCostPerMillion: number;
  /** Monthly cost of running the cache tier. */
  readonly cacheCostPerMonth: number;
}

export interface CacheTierResult {
  readonly originRequestsSaved: number;
  readonly originCostSaved: number;
  readonly netSavingPerMonth: number;
  readonly paysForItself: boolean;
  /** The hit ratio at which the cache exactly pays for itself; null when no hit ratio can (cache too dear). */
  readonly breakEvenHitRatio: number | null;
}

export function cacheTierEconomics(input: CacheTierInput): CacheTierResult {
  const requests = requireNonNegative('requestsPerMonth', input.requestsPerMonth);
  const h = requireFraction('hitRatio', input.hitRatio);
  const originCost = requireNonNegative('originCostPerMillion', input.originCostPerMillion);
  const cacheCost = requireNonNegative('cacheCostPerMonth', input.cacheCostPerMonth);
  const saved = requests * h;
  const costSaved = (saved / 1e6) * originCost;
  const fullSaving = (requests / 1e6) * originCost;
  const breakEven = fullSaving > 0 && cacheCost <= fullSaving ? cacheCost / fullSaving : null;
  return {
    originRequestsSaved: saved,
    originCostSaved: costSaved,
    netSavingPerMonth: costSaved - cacheCost,
    paysForItself: costSaved >= cacheCost,
    breakEvenHitRatio: breakEven,
  };
}
