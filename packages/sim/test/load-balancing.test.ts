import { describe, expect, it } from 'vitest';
import { createLoadBalancing, simulateLoadBalancing } from '../src/scenarios/load-balancing.ts';

// ρ = λS/N = 0.9: hot enough that the policies differ by a wide margin within 300 virtual seconds (27,000 requests).
const busy = { servers: 10, serviceTime: 0.1, rate: 90, duration: 300 };

describe('load balancing', () => {
  it('is deterministic: the same seed gives the same result; another seed does not', () => {
    const short = { ...busy, duration: 60 };
    expect(simulateLoadBalancing(short, 5)).toEqual(simulateLoadBalancing(short, 5));
    expect(simulateLoadBalancing(short, 6)).not.toEqual(simulateLoadBalancing(short, 5));
  });

  it('power of two choices beats random on the longest queue and on p99; least connections is at least as good as both', () => {
    const { random, roundRobin, leastConnections, powerOfTwo } = simulateLoadBalancing(busy, 1).policies;
    // Over seeds 1-5 random's longest queue was 54-61 and its p99 3.3-4.8 s; two choices gave 9-11 and 1.0-1.1 s.
    // Halving is a margin of more than two to one on either side of what the seeds showed.
    expect(powerOfTwo.maxQueue * 2).toBeLessThan(random.maxQueue);
    expect(powerOfTwo.p99Response * 2).toBeLessThan(random.p99Response);
    // Round robin removes the arrival randomness per server but not the service randomness: between the two.
    expect(roundRobin.p99Response).toBeLessThan(random.p99Response);
    expect(roundRobin.p99Response).toBeGreaterThan(powerOfTwo.p99Response);
    // Joining the shortest queue sees every server; on the same arrivals and demands it never did worse (7-8 vs 9-11).
    expect(leastConnections.maxQueue).toBeLessThanOrEqual(powerOfTwo.maxQueue);
    expect(leastConnections.p99Response).toBeLessThanOrEqual(powerOfTwo.p99Response);
  });

  it('routes randomly into N independent M/M/1 queues: response time is exponential with mean S/(1 − ρ)', () => {
    // ρ = 0.8: mean 0.5 s, p99 0.5 · ln 100 = 2.30 s. Successive responses at one server are strongly correlated, so
    // 160,000 requests are worth far fewer: Whitt's asymptotic variance for the M/M/1 mean gives a standard error of
    // about 2.3 %, hence 8 % for the mean. The p99 estimate from a run this short is biased low (the long excursions
    // that make the tail are rare): over seeds 1-5 it came out at 0.90-0.99 of theory, and at 0.99-1.00 over runs of
    // 15,000 s, hence 15 %.
    const { random } = simulateLoadBalancing({ servers: 10, serviceTime: 0.1, rate: 80, duration: 2000 }, 2).policies;
    expect(Math.abs(random.meanResponse - 0.5) / 0.5).toBeLessThan(0.08);
    expect(Math.abs(random.p99Response - 0.5 * Math.log(100)) / (0.5 * Math.log(100))).toBeLessThan(0.15);
  });

  it('advances in slices to the same result as one run, and keeps each series within 600 points', () => {
    const sliced = createLoadBalancing(busy, 8);
    for (let t = 7; t < busy.duration + 7; t += 7) sliced.advance(t);
    expect(sliced.result()).toEqual(simulateLoadBalancing(busy, 8));
    const snapshot = sliced.snapshot();
    expect(snapshot.done).toBe(true);
    expect(snapshot.series).toHaveLength(4);
    for (const series of snapshot.series) expect(series.values.length).toBeLessThanOrEqual(600);
  });

  it('refuses an unstable or malformed cluster, naming the parameter', () => {
    expect(() => simulateLoadBalancing({ ...busy, rate: 100 }, 1)).toThrow(/rate must keep the utilization .* below 1/);
    expect(() => simulateLoadBalancing({ ...busy, servers: 1 }, 1)).toThrow('servers must be a whole number from 2 to 1000, got 1');
    expect(() => simulateLoadBalancing({ ...busy, serviceTime: 0 }, 1)).toThrow('serviceTime must be greater than 0, got 0');
    expect(() => simulateLoadBalancing({ ...busy, duration: -5 }, 1)).toThrow('duration must be greater than 0, got -5');
  });
});
