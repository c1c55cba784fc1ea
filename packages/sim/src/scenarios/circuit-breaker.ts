/**
 * A circuit breaker protecting a thread pool (M. Nygard, Release It!, 2nd ed., 2018, "Circuit Breaker"; the state
 * machine of Resilience4j's CircuitBreaker). A service with a fixed pool of worker threads and one FIFO queue serves
 * two endpoints: /healthy does local work only, /dependent calls a dependency and then does local work. While the
 * dependency is slow, every call to it holds a thread until it answers or times out, the pool runs dry and the
 * queue, shared by both endpoints, makes /healthy slow too, though it never touches the dependency.
 *
 * Two copies of the service run side by side on the same arrivals, local work and dependency latencies:
 *  - without a breaker: every call goes to the dependency;
 *  - with a breaker: closed, it counts the outcomes of the last W calls and opens when at least `minimumCalls` were
 *    seen and the share of failures reaches the threshold (Resilience4j opens at "equal or greater"); open, it fails
 *    calls at once for a cooldown; then half-open, it lets one probe through (the other calls still fail fast) and
 *    closes if the probe succeeds or opens again if it fails.
 */
import { Simulation } from '../engine.ts';
import { requireInteger, requirePositive, requireProbability, SimInputError } from '../errors.ts';
import { Histogram } from '../metrics.ts';
import { type ScenarioRun, type Series, type Snapshot, sampleEvery } from '../scenario.ts';
import type { ScenarioDefinition } from './registry.ts';
import { chartInterval, Deque, emptySeries, exponentialSampler, recordPoint, requireDuration, requireWindow, WindowAccumulator, withDefaults } from './support.ts';

export const BREAKER_VARIANTS = ['noBreaker', 'breaker'] as const;
export type BreakerVariant = (typeof BREAKER_VARIANTS)[number];

export const BREAKER_VARIANT_LABELS: Record<BreakerVariant, string> = {
  noBreaker: 'Without a breaker',
  breaker: 'With a circuit breaker',
};

export interface CircuitBreakerParams {
  /** Worker threads in the pool. */
  threads: number;
  /** Requests per second to /healthy. */
  healthyRate: number;
  /** Requests per second to /dependent. */
  dependentRate: number;
  /** Mean local work of a request, in seconds (exponential). */
  computeTime: number;
  /** Mean latency of a dependency call when healthy, in seconds (exponential). */
  dependencyLatency: number;
  /** Factor k by which the dependency's latency grows during the slowdown. */
  slowdown: number;
  /** Start t1 of the slowdown (virtual seconds). */
  slowFrom: number;
  /** End t2 of the slowdown. */
  slowUntil: number;
  /** The caller's timeout T on a dependency call, in seconds. */
  callTimeout: number;
  /** Calls W in the breaker's sliding window. */
  window: number;
  /** Share of failed calls in the window at which the breaker opens. */
  failureThreshold: number;
  /** Calls the window must hold before the breaker may open. */
  minimumCalls: number;
  /** Seconds the breaker stays open before it lets a probe through. */
  cooldown: number;
  duration: number;
}

export const CIRCUIT_BREAKER_DEFAULTS: CircuitBreakerParams = {
  threads: 16,
  healthyRate: 100,
  dependentRate: 60,
  computeTime: 0.01,
  dependencyLatency: 0.05,
  slowdown: 40,
  slowFrom: 30,
  slowUntil: 90,
  callTimeout: 0.5,
  window: 20,
  failureThreshold: 0.5,
  minimumCalls: 10,
  cooldown: 5,
  duration: 180,
};

export const MAX_CIRCUIT_BREAKER_DURATION = 20_000;

export function validateCircuitBreaker(p: CircuitBreakerParams): CircuitBreakerParams {
  requireInteger('threads', p.threads, 1, 10_000);
  requirePositive('healthyRate', p.healthyRate);
  requirePositive('dependentRate', p.dependentRate);
  requirePositive('computeTime', p.computeTime);
  requirePositive('dependencyLatency', p.dependencyLatency);
  requirePositive('slowdown', p.slowdown);
  requireDuration(p.duration, MAX_CIRCUIT_BREAKER_DURATION);
  requireWindow('slowFrom', p.slowFrom, 'slowUntil', p.slowUntil, p.duration);
  requirePositive('callTimeout', p.callTimeout);
  requireInteger('window', p.window, 1, 10_000);
  requireProbability('failureThreshold', p.failureThreshold);
  if (p.failureThreshold === 0) throw new SimInputError('failureThreshold', 'must be greater than 0, or the breaker opens on success', p.failureThreshold);
  requireInteger('minimumCalls', p.minimumCalls, 1, p.window);
  requirePositive('cooldown', p.cooldown);
  const load = (p.healthyRate * p.computeTime + p.dependentRate * (p.computeTime + p.dependencyLatency)) / p.threads;
  // A pool that is overloaded while the dependency is healthy shows nothing about the breaker.
  if (!(load < 1)) throw new SimInputError('threads', `must exceed the threads busy while the dependency is healthy (${load * p.threads})`, p.threads);
  return { ...p };
}

export interface BreakerVariantResult {
  /** 99th-percentile latency of /healthy requests that arrived during the slowdown, in seconds. */
  healthyP99DuringSlowdown: number;
  healthyMeanDuringSlowdown: number;
  /** 99th-percentile latency of /healthy over the whole run. */
  healthyP99: number;
  /** Share of /dependent requests arriving during the slowdown that got a successful answer. */
  dependentSuccessDuringSlowdown: number;
  /** Share of /dependent requests arriving during the slowdown whose call was failed fast by the breaker. */
  failedFastDuringSlowdown: number;
  /** Times the breaker went from closed or half-open to open. */
  breakerOpenings: number;
}

export interface CircuitBreakerResult {
  variants: Record<BreakerVariant, BreakerVariantResult>;
  requests: number;
  events: number;
}

interface Request {
  arrival: number;
  compute: number;
  /** Latency of the dependency call when healthy; 0 marks a /healthy request. */
  callLatency: number;
}

type BreakerState = 'closed' | 'open' | 'halfOpen';

class Breaker {
  state: BreakerState = 'closed';
  openings = 0;
  private readonly outcomes: Uint8Array;
  private recorded = 0;
  private failures = 0;
  private next = 0;
  private openedAt = 0;
  private probeInFlight = false;
  private readonly p: CircuitBreakerParams;

  constructor(p: CircuitBreakerParams) {
    this.p = p;
    this.outcomes = new Uint8Array(p.window);
  }

  /** Whether a call may go out now; 'probe' when it is the half-open state's one trial call. */
  admit(now: number): 'call' | 'probe' | 'reject' {
    if (this.state === 'closed') return 'call';
    if (this.state === 'open' && now >= this.openedAt + this.p.cooldown) {
      this.state = 'halfOpen';
      this.probeInFlight = false;
    }
    if (this.state === 'halfOpen' && !this.probeInFlight) {
      this.probeInFlight = true;
      return 'probe';
    }
    return 'reject';
  }

  record(now: number, failed: boolean, probe: boolean): void {
    if (probe) {
      this.probeInFlight = false;
      if (failed) this.open(now);
      else this.close();
      return;
    }
    // Calls let through while closed may finish after the breaker opened; their outcome no longer matters.
    if (this.state !== 'closed') return;
    if (this.recorded === this.p.window) this.failures -= this.outcomes[this.next] as number;
    else this.recorded++;
    this.outcomes[this.next] = failed ? 1 : 0;
    this.failures += failed ? 1 : 0;
    this.next = (this.next + 1) % this.p.window;
    if (this.recorded >= this.p.minimumCalls && this.failures >= this.p.failureThreshold * this.recorded) this.open(now);
  }

  private open(now: number): void {
    this.state = 'open';
    this.openedAt = now;
    this.openings++;
  }

  private close(): void {
    this.state = 'closed';
    this.recorded = 0;
    this.failures = 0;
    this.next = 0;
  }
}

class ThreadPoolService {
  readonly variant: BreakerVariant;
  private readonly sim: Simulation;
  private readonly p: CircuitBreakerParams;
  private readonly breaker: Breaker | null;
  private readonly queue = new Deque<Request>();
  private busy = 0;

  readonly healthyLatency = new Histogram(0.005);
  readonly healthyLatencyDuringSlowdown = new Histogram(0.005);
  readonly healthyWindow = new WindowAccumulator();
  private dependentDuringSlowdown = 0;
  private dependentSucceededDuringSlowdown = 0;
  private failedFastDuringSlowdown = 0;

  constructor(variant: BreakerVariant, sim: Simulation, p: CircuitBreakerParams) {
    this.variant = variant;
    this.sim = sim;
    this.p = p;
    this.breaker = variant === 'breaker' ? new Breaker(p) : null;
  }

  receive(request: Request): void {
    this.queue.push(request);
    this.pump();
  }

  /** Starts queued requests while threads are free; a loop, since a failed-fast request frees its thread at once. */
  private pump(): void {
    while (this.busy < this.p.threads && this.queue.size > 0) this.begin(this.queue.shift() as Request);
  }

  private inSlowdown(time: number): boolean {
    return time >= this.p.slowFrom && time < this.p.slowUntil;
  }

  private begin(request: Request): void {
    const now = this.sim.now;
    if (request.callLatency === 0) {
      this.hold(request.compute, () => this.finishHealthy(request));
      return;
    }
    const admission = this.breaker ? this.breaker.admit(now) : 'call';
    if (admission === 'reject') {
      this.finishDependent(request, false, true);
      return;
    }
    const latency = request.callLatency * (this.inSlowdown(now) ? this.p.slowdown : 1);
    const probe = admission === 'probe';
    if (latency > this.p.callTimeout) {
      this.hold(this.p.callTimeout, () => {
        this.breaker?.record(this.sim.now, true, probe);
        this.finishDependent(request, false, false);
      });
    } else {
      this.hold(latency + request.compute, () => {
        this.breaker?.record(this.sim.now, false, probe);
        this.finishDependent(request, true, false);
      });
    }
  }

  private hold(time: number, done: () => void): void {
    this.busy++;
    this.sim.schedule(time, () => {
      this.busy--;
      done();
      this.pump();
    });
  }

  private finishHealthy(request: Request): void {
    const latency = this.sim.now - request.arrival;
    this.healthyLatency.add(latency);
    this.healthyWindow.add(latency);
    if (this.inSlowdown(request.arrival)) this.healthyLatencyDuringSlowdown.add(latency);
  }

  private finishDependent(request: Request, succeeded: boolean, failedFast: boolean): void {
    if (!this.inSlowdown(request.arrival)) return;
    this.dependentDuringSlowdown++;
    if (succeeded) this.dependentSucceededDuringSlowdown++;
    if (failedFast) this.failedFastDuringSlowdown++;
  }

  result(): BreakerVariantResult {
    const share = (count: number) => (this.dependentDuringSlowdown > 0 ? count / this.dependentDuringSlowdown : 0);
    return {
      healthyP99DuringSlowdown: this.healthyLatencyDuringSlowdown.percentile(0.99),
      healthyMeanDuringSlowdown: this.healthyLatencyDuringSlowdown.stats.mean,
      healthyP99: this.healthyLatency.percentile(0.99),
      dependentSuccessDuringSlowdown: share(this.dependentSucceededDuringSlowdown),
      failedFastDuringSlowdown: share(this.failedFastDuringSlowdown),
      breakerOpenings: this.breaker?.openings ?? 0,
    };
  }
}

export function createCircuitBreaker(params: CircuitBreakerParams, seed: number): ScenarioRun & { result(): CircuitBreakerResult } {
  const p = validateCircuitBreaker(params);
  const sim = new Simulation(seed);
  const healthyGap = exponentialSampler(sim.random.fork(1), 1 / p.healthyRate);
  const dependentGap = exponentialSampler(sim.random.fork(2), 1 / p.dependentRate);
  const compute = exponentialSampler(sim.random.fork(3), p.computeTime);
  const callLatency = exponentialSampler(sim.random.fork(4), p.dependencyLatency);
  const services = BREAKER_VARIANTS.map((variant) => new ThreadPoolService(variant, sim, p));
  let requests = 0;

  const arrivals = (gap: () => number, callsDependency: boolean) => {
    const arrive = () => {
      requests++;
      // 0 marks /healthy; a sampled latency is never exactly 0, since 1 − U > 0 and the mean is positive.
      const request: Request = { arrival: sim.now, compute: compute(), callLatency: callsDependency ? callLatency() : 0 };
      for (const service of services) service.receive(request);
      const next = gap();
      if (sim.now + next <= p.duration) sim.schedule(next, arrive);
    };
    sim.schedule(gap(), arrive);
  };
  arrivals(healthyGap, false);
  arrivals(dependentGap, true);

  const series: Series[] = services.map((s) => emptySeries(BREAKER_VARIANT_LABELS[s.variant]));
  sampleEvery(sim, chartInterval(p.duration, 1), p.duration, (time) => {
    services.forEach((service, i) => {
      const mean = service.healthyWindow.takeMean(Number.NaN);
      // A window in which no /healthy request finished (the pool is jammed) repeats the last value rather than 0.
      const s = series[i] as Series;
      recordPoint(s, time, Number.isNaN(mean) ? (s.values[s.values.length - 1] ?? 0) : mean);
    });
  });

  const result = (): CircuitBreakerResult => {
    const variants = {} as Record<BreakerVariant, BreakerVariantResult>;
    for (const service of services) variants[service.variant] = service.result();
    return { variants, requests, events: sim.events };
  };

  return {
    sim,
    duration: p.duration,
    advance(until) {
      sim.run({ until: Math.min(until, p.duration) });
    },
    snapshot(): Snapshot {
      const figures: Record<string, number> = { requests };
      for (const service of services) {
        const r = service.result();
        figures[`healthyP99DuringSlowdown_${service.variant}`] = r.healthyP99DuringSlowdown;
        figures[`dependentSuccess_${service.variant}`] = r.dependentSuccessDuringSlowdown;
      }
      figures.failedFastShare = services[1]?.result().failedFastDuringSlowdown ?? 0;
      return { time: sim.now, events: sim.events, done: sim.now >= p.duration, figures, series };
    },
    result,
  };
}

export function simulateCircuitBreaker(params: CircuitBreakerParams, seed: number): CircuitBreakerResult {
  const run = createCircuitBreaker(params, seed);
  run.advance(run.duration);
  return run.result();
}

export const circuitBreakerScenario: ScenarioDefinition = {
  id: 'circuit-breaker',
  title: 'A circuit breaker keeps a slow dependency from taking every thread',
  fields: [
    { key: 'threads', label: 'Worker threads', min: 1, max: 1000, step: 1, integer: true },
    { key: 'healthyRate', label: 'Requests to /healthy', min: 1, max: 10_000, step: 1, unit: 'per s' },
    { key: 'dependentRate', label: 'Requests to /dependent', min: 1, max: 10_000, step: 1, unit: 'per s' },
    { key: 'slowdown', label: 'Dependency slowdown k', min: 1, max: 1000, step: 1 },
    { key: 'callTimeout', label: 'Call timeout T', min: 0.01, max: 60, step: 0.01, unit: 's' },
    { key: 'failureThreshold', label: 'Failure share that opens the breaker', min: 0.05, max: 1, step: 0.05 },
    { key: 'cooldown', label: 'Open for', min: 0.1, max: 600, step: 0.1, unit: 's' },
    { key: 'duration', label: 'Duration', min: 60, max: 5000, step: 10, unit: 's' },
  ],
  defaults: { ...CIRCUIT_BREAKER_DEFAULTS },
  pace: 4,
  chart: { yLabel: 'Mean latency of /healthy over the last second (s)', log: true },
  figures: [
    ...BREAKER_VARIANTS.map((variant) => ({ key: `healthyP99DuringSlowdown_${variant}`, label: `${BREAKER_VARIANT_LABELS[variant]}: p99 of /healthy during the slowdown`, digits: 3, unit: 's' })),
    ...BREAKER_VARIANTS.map((variant) => ({ key: `dependentSuccess_${variant}`, label: `${BREAKER_VARIANT_LABELS[variant]}: /dependent answered without error during the slowdown`, digits: 1, percent: true })),
    { key: 'failedFastShare', label: 'Dependency calls failed fast by the breaker during the slowdown', digits: 1, percent: true },
  ],
  create: (params, seed) => createCircuitBreaker(withDefaults(CIRCUIT_BREAKER_DEFAULTS, params), seed),
};
