import { describe, expect, it } from 'vitest';
import { createRetryStorm, RETRY_STORM_DEFAULTS, simulateRetryStorm } from '../src/scenarios/retry-storm.ts';

// The registry's defaults (c = 10, S = 0.1 s so capacity 100 per s, λ = 70 per s, T = 1 s, R = 3, slowdown 3×)
// with the trigger moved to 20-40 s and the run cut to 160 s, so the last quarter (120-160 s) starts 80 s after the
// trigger ended.
const storm = { ...RETRY_STORM_DEFAULTS, triggerAt: 20, triggerDuration: 20, duration: 160 };

describe('retry storm', () => {
  it('is deterministic: the same seed gives the same result; another seed does not', () => {
    const short = { ...storm, duration: 60 };
    expect(simulateRetryStorm(short, 5)).toEqual(simulateRetryStorm(short, 5));
    expect(simulateRetryStorm(short, 6)).not.toEqual(simulateRetryStorm(short, 5));
  });

  it('immediate retries stay collapsed long after the trigger; backoff with a retry budget recovers', () => {
    const { immediate, backoff } = simulateRetryStorm(storm, 1).policies;
    // Before the trigger both serve every request: goodput is λ = 70 per s within Poisson noise (sd ≈ 1.9 per s over 20 s).
    expect(immediate.goodputBeforeTrigger).toBeGreaterThan(63);
    expect(backoff.goodputBeforeTrigger).toBeGreaterThan(63);
    // Immediate: once every attempt times out, the server is offered R·λ = 210 attempts per s against a capacity of
    // 100, so the queue only grows and no attempt is answered within T. Seeds 1-5 all gave exactly 0.
    expect(immediate.lateGoodput).toBeLessThan(1);
    expect(immediate.queueAtEnd).toBeGreaterThan(1000);
    // Backoff: at most 1.1·λ = 77 attempts per s, so the backlog drains and goodput returns to λ. Seeds 1-5 gave
    // 68.6-72.7 per s; the sd of a Poisson count over 40 s is 1.3 per s, so 63 (90 % of λ) is 5 sd below λ.
    expect(backoff.lateGoodput).toBeGreaterThan(63);
    expect(backoff.queueAtEnd).toBeLessThan(20);
    // Most of the collapsed server's work is for clients that already left (0.90 over seeds 1-5); the budget keeps
    // that share far lower (0.43-0.49), all of it from the backlog the trigger built.
    expect(immediate.wastedWorkShare).toBeGreaterThan(0.8);
    expect(backoff.wastedWorkShare).toBeLessThan(0.6);
    expect(backoff.attemptsPerRequest).toBeLessThanOrEqual(1.1 + 1e-9);
  });

  it('advances in slices to the same result as one run', () => {
    const sliced = createRetryStorm(storm, 3);
    for (let t = 3; t < storm.duration + 3; t += 3) sliced.advance(t);
    expect(sliced.result()).toEqual(simulateRetryStorm(storm, 3));
    expect(sliced.snapshot().series.map((s) => s.values.length)).toEqual([160, 160]);
  });

  it('refuses malformed parameters, naming the parameter', () => {
    expect(() => simulateRetryStorm({ ...storm, rate: 100 }, 1)).toThrow(/rate must stay below the capacity workers \/ serviceTime = 100/);
    expect(() => simulateRetryStorm({ ...storm, maxAttempts: 0 }, 1)).toThrow('maxAttempts must be a whole number from 1 to 100, got 0');
    expect(() => simulateRetryStorm({ ...storm, retryBudget: 1.5 }, 1)).toThrow('retryBudget must be a probability between 0 and 1, got 1.5');
    expect(() => simulateRetryStorm({ ...storm, triggerAt: 150 }, 1)).toThrow('triggerAt + triggerDuration must be at most the duration (160 s), got 170');
    expect(() => simulateRetryStorm({ ...storm, backoffCap: 0.1 }, 1)).toThrow('backoffCap must be at least backoffBase (0.5 s), got 0.1');
  });
});
