import { describe, expect, it } from 'vitest';
import { BULKHEAD_DEFAULTS, createBulkhead, simulateBulkhead } from '../src/scenarios/bulkhead.ts';

// The registry's defaults (20 connections, 100 calls per s to each of A and B at 20 ms, B × 50 during the slowdown,
// call timeout 1 s, acquire timeout 0.25 s) with the slowdown at 20-60 s of an 80 s run.
const slowB = { ...BULKHEAD_DEFAULTS, slowFrom: 20, slowUntil: 60, duration: 80 };

describe('bulkheads', () => {
  it('is deterministic: the same seed gives the same result; another seed does not', () => {
    const short = { ...slowB, duration: 30, slowFrom: 10, slowUntil: 20 };
    expect(simulateBulkhead(short, 5)).toEqual(simulateBulkhead(short, 5));
    expect(simulateBulkhead(short, 6)).not.toEqual(simulateBulkhead(short, 5));
  });

  it("with bulkheads A does not notice B's slowdown; with one shared pool A collapses", () => {
    const { shared, bulkheads } = simulateBulkhead(slowB, 1).variants;
    // A's own pool of 10 carries 100 × 0.02 = 2 busy connections: every call succeeds, and its p99 stays that of its
    // own latency, 0.02 · ln 100 = 0.092 s (0.086-0.096 s over seeds 1-5, each from 4,000 calls).
    expect(bulkheads.a.successDuringSlowdown).toBe(1);
    expect(Math.abs(bulkheads.a.p99DuringSlowdown - 0.02 * Math.log(100))).toBeLessThan(0.015);
    // Shared: B's calls hold connections for up to 1 s and take nearly all 20, so A's calls queue for one and most
    // give up after 0.25 s (success 0.30-0.32 over seeds 1-5; p99 = the acquire timeout plus a call).
    expect(shared.a.successBeforeSlowdown).toBe(1);
    expect(shared.a.successDuringSlowdown).toBeLessThan(0.5);
    expect(shared.a.p99DuringSlowdown).toBeGreaterThan(0.25);
    // B fails either way: the slowdown is B's, and bulkheads only keep it from spreading.
    expect(bulkheads.b.successDuringSlowdown).toBeLessThan(0.5);
  });

  it('advances in slices to the same result as one run', () => {
    const sliced = createBulkhead(slowB, 4);
    for (let t = 1.7; t < slowB.duration + 1.7; t += 1.7) sliced.advance(t);
    expect(sliced.result()).toEqual(simulateBulkhead(slowB, 4));
  });

  it('refuses malformed parameters, naming the parameter', () => {
    expect(() => simulateBulkhead({ ...slowB, connections: 1 }, 1)).toThrow('connections must be a whole number from 2 to 100000, got 1');
    expect(() => simulateBulkhead({ ...slowB, rateA: 600 }, 1)).toThrow(/rateA must keep A's connections busy below its bulkhead of 10/);
    expect(() => simulateBulkhead({ ...slowB, acquireTimeout: -1 }, 1)).toThrow('acquireTimeout must be greater than 0, got -1');
  });
});
