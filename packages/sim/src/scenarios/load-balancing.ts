/**
 * Load balancing across N single-server FIFO queues with exponential service: Poisson arrivals at total rate λ are
 * routed by four policies at once (random, round robin, least connections, power of two choices), each policy
 * running its own copy of the cluster on the same arrival times and the same service demands (common random numbers),
 * so the differences on the chart come from the policy alone.
 *
 * Random routing splits a Poisson stream into N independent M/M/1 queues at ρ = λS/N, so its response time is
 * exponential with mean S/(1 − ρ) (99th percentile S·ln 100/(1 − ρ)); the tests check that. Two random choices shrink
 * the tail from geometric to doubly exponential (Mitzenmacher, "The Power of Two Choices in Randomized Load
 * Balancing", 2001); joining the shortest queue is better still, but needs every server's count on each request.
 */
import { Simulation } from '../engine.ts';
import { requireInteger, requirePositive, requireProbability, SimInputError } from '../errors.ts';
import { Histogram } from '../metrics.ts';
import type { Random } from '../random.ts';
import { type ScenarioRun, type Series, type Snapshot, sampleEvery } from '../scenario.ts';
import type { ScenarioDefinition } from './registry.ts';
import { chartInterval, emptySeries, exponentialSampler, NumberQueue, recordPoint, requireDuration, withDefaults } from './support.ts';

export const BALANCING_POLICIES = ['random', 'roundRobin', 'leastConnections', 'powerOfTwo'] as const;
export type BalancingPolicy = (typeof BALANCING_POLICIES)[number];

export const BALANCING_POLICY_LABELS: Record<BalancingPolicy, string> = {
  random: 'Random',
  roundRobin: 'Round robin',
  leastConnections: 'Least connections',
  powerOfTwo: 'Power of two choices',
};

export interface LoadBalancingParams {
  /** Servers N, each with its own FIFO queue. */
  servers: number;
  /** Mean service time S in seconds (exponential). */
  serviceTime: number;
  /** Total arrivals per second λ. */
  rate: number;
  /** Virtual seconds to simulate. */
  duration: number;
  /** Share of the duration left out of the figures while the queues fill from empty. */
  warmup?: number;
}

export const MAX_LOAD_BALANCING_DURATION = 100_000;

export function validateLoadBalancing(p: LoadBalancingParams): Required<LoadBalancingParams> {
  requireInteger('servers', p.servers, 2, 1000);
  requirePositive('serviceTime', p.serviceTime);
  requirePositive('rate', p.rate);
  requireDuration(p.duration, MAX_LOAD_BALANCING_DURATION);
  const warmup = requireProbability('warmup', p.warmup ?? 0.1);
  if (warmup >= 0.9) throw new SimInputError('warmup', 'must be below 0.9, or too little of the run is measured', warmup);
  const utilization = (p.rate * p.serviceTime) / p.servers;
  // Random routing gives each server a Poisson stream at λ/N, so every policy's cluster is stable only below 1.
  if (!(utilization < 1)) {
    throw new SimInputError('rate', `must keep the utilization rate × serviceTime / servers below 1 (it is ${utilization})`, p.rate);
  }
  return { ...p, warmup };
}

export interface BalancingPolicyResult {
  meanResponse: number;
  p99Response: number;
  /** The most requests at one server (waiting plus in service) at any moment after the warm-up. */
  maxQueue: number;
  requests: number;
}

export interface LoadBalancingResult {
  policies: Record<BalancingPolicy, BalancingPolicyResult>;
  utilization: number;
  arrivals: number;
  events: number;
}

/**
 * One policy's cluster. A single-server FIFO queue whose service demands are known on arrival needs no departure
 * events: a request leaves at max(now, previous departure) + demand (Lindley's recursion), and the number at a server
 * is the count of its departure times still in the future.
 */
class Cluster {
  readonly departures: NumberQueue[];
  private readonly lastDeparture: Float64Array;
  private nextRoundRobin = 0;
  readonly responses = new Histogram(0.005);
  maxQueue = 0;
  intervalMaxQueue = 0;

  readonly policy: BalancingPolicy;
  private readonly servers: number;
  private readonly random: Random;

  constructor(policy: BalancingPolicy, servers: number, random: Random) {
    this.policy = policy;
    this.servers = servers;
    this.random = random;
    this.departures = Array.from({ length: servers }, () => new NumberQueue());
    this.lastDeparture = new Float64Array(servers);
  }

  private countAt(server: number, now: number): number {
    const queue = this.departures[server] as NumberQueue;
    queue.dropUpTo(now);
    return queue.size;
  }

  private choose(now: number): number {
    const n = this.servers;
    switch (this.policy) {
      case 'random':
        return Math.floor(this.random.next() * n);
      case 'roundRobin': {
        const server = this.nextRoundRobin;
        this.nextRoundRobin = (server + 1) % n;
        return server;
      }
      case 'leastConnections': {
        let best = 0;
        let bestCount = this.countAt(0, now);
        for (let s = 1; s < n; s++) {
          const count = this.countAt(s, now);
          if (count < bestCount) {
            best = s;
            bestCount = count;
          }
        }
        return best;
      }
      case 'powerOfTwo': {
        const first = Math.floor(this.random.next() * n);
        // A second server drawn from the other n − 1, so the two are always distinct.
        let second = Math.floor(this.random.next() * (n - 1));
        if (second >= first) second++;
        // A tie goes to the first draw, which is as random as the second.
        return this.countAt(second, now) < this.countAt(first, now) ? second : first;
      }
    }
  }

  /** Routes one request; returns its response time. */
  route(now: number, demand: number, measured: boolean): number {
    const server = this.choose(now);
    const queue = this.departures[server] as NumberQueue;
    queue.dropUpTo(now);
    const departure = Math.max(now, this.lastDeparture[server] as number) + demand;
    this.lastDeparture[server] = departure;
    queue.push(departure);
    const count = queue.size;
    if (count > this.intervalMaxQueue) this.intervalMaxQueue = count;
    const response = departure - now;
    if (measured) {
      this.responses.add(response);
      if (count > this.maxQueue) this.maxQueue = count;
    }
    return response;
  }

  longestQueueAt(now: number): number {
    let longest = 0;
    for (let s = 0; s < this.servers; s++) longest = Math.max(longest, this.countAt(s, now));
    return longest;
  }

  result(): BalancingPolicyResult {
    return { meanResponse: this.responses.stats.mean, p99Response: this.responses.percentile(0.99), maxQueue: this.maxQueue, requests: this.responses.total };
  }
}

export function createLoadBalancing(params: LoadBalancingParams, seed: number): ScenarioRun & { result(): LoadBalancingResult } {
  const p = validateLoadBalancing(params);
  const sim = new Simulation(seed);
  const interarrival = exponentialSampler(sim.random.fork(1), 1 / p.rate);
  const demand = exponentialSampler(sim.random.fork(2), p.serviceTime);
  const clusters = BALANCING_POLICIES.map((policy, i) => new Cluster(policy, p.servers, sim.random.fork(10 + i)));
  const measureFrom = p.duration * p.warmup;
  let arrivals = 0;

  const arrive = () => {
    arrivals++;
    const work = demand();
    const measured = sim.now >= measureFrom;
    for (const cluster of clusters) cluster.route(sim.now, work, measured);
    const gap = interarrival();
    if (sim.now + gap <= p.duration) sim.schedule(gap, arrive);
  };
  sim.schedule(interarrival(), arrive);

  const series: Series[] = clusters.map((c) => emptySeries(BALANCING_POLICY_LABELS[c.policy]));
  sampleEvery(sim, chartInterval(p.duration, 1), p.duration, (time) => {
    clusters.forEach((cluster, i) => {
      recordPoint(series[i] as Series, time, cluster.intervalMaxQueue);
      // The next interval starts from the queues as they stand, so a quiet interval still shows them.
      cluster.intervalMaxQueue = cluster.longestQueueAt(time);
    });
  });

  const result = (): LoadBalancingResult => {
    const policies = {} as Record<BalancingPolicy, BalancingPolicyResult>;
    for (const cluster of clusters) policies[cluster.policy] = cluster.result();
    return { policies, utilization: (p.rate * p.serviceTime) / p.servers, arrivals, events: sim.events };
  };

  return {
    sim,
    duration: p.duration,
    advance(until) {
      sim.run({ until: Math.min(until, p.duration) });
    },
    snapshot(): Snapshot {
      const figures: Record<string, number> = { arrivals };
      for (const cluster of clusters) {
        const r = cluster.result();
        figures[`p99_${cluster.policy}`] = r.p99Response;
        figures[`maxQueue_${cluster.policy}`] = r.maxQueue;
      }
      return { time: sim.now, events: sim.events, done: sim.now >= p.duration, figures, series };
    },
    result,
  };
}

export function simulateLoadBalancing(params: LoadBalancingParams, seed: number): LoadBalancingResult {
  const run = createLoadBalancing(params, seed);
  run.advance(run.duration);
  return run.result();
}

export const LOAD_BALANCING_DEFAULTS: LoadBalancingParams = { servers: 10, serviceTime: 0.1, rate: 90, duration: 1200 };

export const loadBalancingScenario: ScenarioDefinition = {
  id: 'load-balancing',
  title: 'Four load-balancing policies on the same traffic',
  fields: [
    { key: 'servers', label: 'Servers N', min: 2, max: 100, step: 1, integer: true },
    { key: 'serviceTime', label: 'Mean service time S', min: 0.001, max: 10, step: 0.001, unit: 's' },
    { key: 'rate', label: 'Arrival rate λ', min: 0.1, max: 10_000, step: 0.1, unit: 'per s' },
    { key: 'duration', label: 'Duration', min: 60, max: 20_000, step: 60, unit: 's' },
  ],
  defaults: { ...LOAD_BALANCING_DEFAULTS },
  pace: 20,
  chart: { yLabel: 'Longest queue at one server in the last interval (requests)' },
  figures: BALANCING_POLICIES.flatMap((policy) => [
    { key: `p99_${policy}`, label: `${BALANCING_POLICY_LABELS[policy]}: p99 response time`, digits: 3, unit: 's' },
    { key: `maxQueue_${policy}`, label: `${BALANCING_POLICY_LABELS[policy]}: longest queue`, digits: 0 },
  ]),
  create: (params, seed) => createLoadBalancing(withDefaults(LOAD_BALANCING_DEFAULTS, params), seed),
};
