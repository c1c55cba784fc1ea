import { describe, expect, it } from 'vitest';
import { createLoadShedding, LOAD_SHEDDING_DEFAULTS, simulateLoadShedding } from '../src/scenarios/load-shedding.ts';

// The registry's defaults (10 workers × 20 per s = capacity 200 per s, 140 per s outside the overload, 300 per s
// during it, L = 100, deadline 1 s) with a 30 s overload at 20-50 s of a 150 s run, long enough for the unbounded
// queue to drain.
const surge = { ...LOAD_SHEDDING_DEFAULTS, overloadFrom: 20, overloadUntil: 50, duration: 150 };

describe('load shedding', () => {
  it('is deterministic: the same seed gives the same result; another seed does not', () => {
    const short = { ...surge, duration: 60 };
    expect(simulateLoadShedding(short, 5)).toEqual(simulateLoadShedding(short, 5));
    expect(simulateLoadShedding(short, 6)).not.toEqual(simulateLoadShedding(short, 5));
  });

  it('shedding keeps the p99 of served requests bounded and raises goodput during the overload', () => {
    const { none, queueLimit, adaptiveLifo } = simulateLoadShedding(surge, 1).variants;
    // Unbounded FIFO: 100 requests per s pile up for 30 s, so the last ones wait 3,000 / 200 = 15 s (p99 14.5-16.4 s
    // over seeds 1-5), and almost no request arriving in the overload is answered within the deadline (15-24 per s).
    expect(none.p99Served).toBeGreaterThan(10);
    expect(none.goodputDuringOverload).toBeLessThan(50);
    expect(none.shedShare).toBe(0);
    // A queue of at most L = 100 before 200 per s of capacity: a wait of about 0.5 s, plus service (p99 0.67-0.70 s).
    expect(queueLimit.p99Served).toBeLessThan(1);
    // Adaptive LIFO serves the newest first and drops the expired, so served requests barely wait (p99 0.25-0.27 s).
    expect(adaptiveLifo.p99Served).toBeLessThan(1);
    // Both shedders answer close to capacity (196-203 per s over seeds 1-5): 180 per s is 90 % of it.
    expect(queueLimit.goodputDuringOverload).toBeGreaterThan(180);
    expect(adaptiveLifo.goodputDuringOverload).toBeGreaterThan(180);
    // They shed about the excess, (300 − 200) × 30 s out of 22,800 requests ≈ 13 % (11-13 % over seeds 1-5).
    expect(queueLimit.shedShare).toBeGreaterThan(0.08);
    expect(queueLimit.shedShare).toBeLessThan(0.2);
    expect(queueLimit.goodputShare).toBeGreaterThan(none.goodputShare + 0.3);
  });

  it('sheds nothing when the load never exceeds capacity', () => {
    const calm = simulateLoadShedding({ ...surge, overloadRate: 140, duration: 60 }, 2).variants;
    expect(calm.queueLimit.shedShare).toBe(0);
    expect(calm.adaptiveLifo.shedShare).toBe(0);
  });

  it('advances in slices to the same result as one run', () => {
    const sliced = createLoadShedding(surge, 4);
    for (let t = 2.9; t < surge.duration + 2.9; t += 2.9) sliced.advance(t);
    expect(sliced.result()).toEqual(simulateLoadShedding(surge, 4));
  });

  it('refuses malformed parameters, naming the parameter', () => {
    expect(() => simulateLoadShedding({ ...surge, baseRate: 250 }, 1)).toThrow(/baseRate must stay below the capacity workers \/ serviceTime = 200/);
    expect(() => simulateLoadShedding({ ...surge, queueLimit: 0 }, 1)).toThrow('queueLimit must be a whole number from 1 to 10000000, got 0');
    expect(() => simulateLoadShedding({ ...surge, overloadUntil: 200 }, 1)).toThrow('overloadUntil must be at most the duration (150 s), got 200');
    expect(() => simulateLoadShedding({ ...surge, deadline: Number.NaN }, 1)).toThrow('deadline must be a finite number, got NaN');
  });
});
