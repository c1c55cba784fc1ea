import { describe, expect, it } from 'vitest';
import { CIRCUIT_BREAKER_DEFAULTS, createCircuitBreaker, simulateCircuitBreaker } from '../src/scenarios/circuit-breaker.ts';

// The registry's defaults (16 threads, 100 per s to /healthy, 60 per s to /dependent, dependency 50 ms × 40 during
// the slowdown against a 0.5 s timeout) with the slowdown at 20-60 s of a 100 s run.
const outage = { ...CIRCUIT_BREAKER_DEFAULTS, slowFrom: 20, slowUntil: 60, duration: 100 };

describe('circuit breaker', () => {
  it('is deterministic: the same seed gives the same result; another seed does not', () => {
    expect(simulateCircuitBreaker(outage, 5)).toEqual(simulateCircuitBreaker(outage, 5));
    expect(simulateCircuitBreaker(outage, 6)).not.toEqual(simulateCircuitBreaker(outage, 5));
  });

  it('keeps the endpoint that does not call the dependency fast while the dependency is slow', () => {
    const { noBreaker, breaker } = simulateCircuitBreaker(outage, 1).variants;
    // Without a breaker the slow calls need about 60 × 0.45 = 27 threads of 16: the shared queue grows for the whole
    // slowdown and /healthy waits behind it (p99 15-17 s over seeds 1-5).
    expect(noBreaker.healthyP99DuringSlowdown).toBeGreaterThan(5);
    // With it, /healthy keeps near its own 10 ms of work: p99 0.07-0.28 s over seeds 1-5 (the spike is the second
    // before the breaker first opens, and the probes' brief closed spells). 0.5 s leaves room; 10× apart at least.
    expect(breaker.healthyP99DuringSlowdown).toBeLessThan(0.5);
    expect(breaker.healthyP99DuringSlowdown * 10).toBeLessThan(noBreaker.healthyP99DuringSlowdown);
    expect(breaker.healthyMeanDuringSlowdown).toBeLessThan(0.05);
    // Nearly every dependency call during the slowdown is failed fast (0.96-0.99 over seeds 1-5).
    expect(breaker.failedFastDuringSlowdown).toBeGreaterThan(0.9);
    expect(breaker.breakerOpenings).toBeGreaterThan(1);
    expect(noBreaker.failedFastDuringSlowdown).toBe(0);
  });

  it('stays closed while the dependency is healthy', () => {
    const calm = simulateCircuitBreaker({ ...outage, slowdown: 1 }, 2).variants;
    expect(calm.breaker.breakerOpenings).toBe(0);
    expect(calm.breaker).toEqual(calm.noBreaker);
  });

  it('advances in slices to the same result as one run', () => {
    const sliced = createCircuitBreaker(outage, 4);
    for (let t = 2.5; t < outage.duration + 2.5; t += 2.5) sliced.advance(t);
    expect(sliced.result()).toEqual(simulateCircuitBreaker(outage, 4));
  });

  it('refuses malformed parameters, naming the parameter', () => {
    expect(() => simulateCircuitBreaker({ ...outage, threads: 2 }, 1)).toThrow(/threads must exceed the threads busy while the dependency is healthy/);
    expect(() => simulateCircuitBreaker({ ...outage, slowUntil: 10 }, 1)).toThrow('slowUntil must be later than slowFrom (20), got 10');
    expect(() => simulateCircuitBreaker({ ...outage, minimumCalls: 30 }, 1)).toThrow('minimumCalls must be a whole number from 1 to 20, got 30');
    expect(() => simulateCircuitBreaker({ ...outage, failureThreshold: 0 }, 1)).toThrow(/failureThreshold must be greater than 0/);
  });
});
