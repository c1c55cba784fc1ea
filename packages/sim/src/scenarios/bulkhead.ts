/**
 * Bulkheads: a service calls two dependencies, A and B, through connection pools (M. Nygard, Release It!, 2nd ed.,
 * 2018, "Bulkheads"). A call takes a connection, waits for it at most an acquire timeout (then fails), holds it for the
 * dependency's latency or until the call timeout (then fails), and gives it back. From t1 to t2 dependency B slows
 * down by a factor k.
 *
 * Two variants run on the same calls and the same latencies:
 *  - shared: one pool of N connections for both. B's slow calls hold connections for up to the call timeout, take
 *    nearly all of them, and A's calls wait behind them and time out, though A is healthy;
 *  - bulkheads: a pool of ⌊N/2⌋ for A and the rest for B. B's calls exhaust only B's pool; A does not notice.
 */
import { Simulation } from '../engine.ts';
import { requireInteger, requirePositive, SimInputError } from '../errors.ts';
import { Histogram } from '../metrics.ts';
import { type ScenarioRun, type Series, type Snapshot, sampleEvery } from '../scenario.ts';
import type { ScenarioDefinition } from './registry.ts';
import { chartInterval, Deque, emptySeries, exponentialSampler, recordPoint, requireDuration, requireWindow, withDefaults } from './support.ts';

export const BULKHEAD_VARIANTS = ['shared', 'bulkheads'] as const;
export type BulkheadVariant = (typeof BULKHEAD_VARIANTS)[number];

export const BULKHEAD_VARIANT_LABELS: Record<BulkheadVariant, string> = {
  shared: 'One shared pool',
  bulkheads: 'A pool per dependency (bulkheads)',
};

export interface BulkheadParams {
  /** Connections N in all. */
  connections: number;
  /** Calls per second to A. */
  rateA: number;
  /** Calls per second to B. */
  rateB: number;
  /** Mean latency of A, in seconds (exponential). */
  latencyA: number;
  /** Mean latency of B when healthy, in seconds (exponential). */
  latencyB: number;
  /** Factor k by which B's latency grows during the slowdown. */
  slowdown: number;
  slowFrom: number;
  slowUntil: number;
  /** The caller's timeout on a call, in seconds, once it holds a connection. */
  callTimeout: number;
  /** Longest wait for a free connection, in seconds. */
  acquireTimeout: number;
  duration: number;
}

export const BULKHEAD_DEFAULTS: BulkheadParams = {
  connections: 20,
  rateA: 100,
  rateB: 100,
  latencyA: 0.02,
  latencyB: 0.02,
  slowdown: 50,
  slowFrom: 30,
  slowUntil: 90,
  callTimeout: 1,
  acquireTimeout: 0.25,
  duration: 150,
};

export const MAX_BULKHEAD_DURATION = 20_000;

export function validateBulkhead(p: BulkheadParams): BulkheadParams {
  requireInteger('connections', p.connections, 2, 100_000);
  requirePositive('rateA', p.rateA);
  requirePositive('rateB', p.rateB);
  requirePositive('latencyA', p.latencyA);
  requirePositive('latencyB', p.latencyB);
  requirePositive('slowdown', p.slowdown);
  requireDuration(p.duration, MAX_BULKHEAD_DURATION);
  requireWindow('slowFrom', p.slowFrom, 'slowUntil', p.slowUntil, p.duration);
  requirePositive('callTimeout', p.callTimeout);
  requirePositive('acquireTimeout', p.acquireTimeout);
  const half = Math.floor(p.connections / 2);
  // Each pool must keep up while both dependencies are healthy, or the comparison shows an undersized pool instead.
  if (!(p.rateA * p.latencyA < half)) throw new SimInputError('rateA', `must keep A's connections busy below its bulkhead of ${half}`, p.rateA);
  if (!(p.rateB * p.latencyB < p.connections - half)) {
    throw new SimInputError('rateB', `must keep B's connections busy below its bulkhead of ${p.connections - half}`, p.rateB);
  }
  return { ...p };
}

export interface DependencyCalls {
  /** Share of calls arriving during the slowdown that succeeded. */
  successDuringSlowdown: number;
  /** 99th-percentile time to an answer or an error, for calls arriving during the slowdown, in seconds. */
  p99DuringSlowdown: number;
  /** The same before the slowdown, as the baseline. */
  p99BeforeSlowdown: number;
  successBeforeSlowdown: number;
}

export interface BulkheadVariantResult {
  a: DependencyCalls;
  b: DependencyCalls;
}

export interface BulkheadResult {
  variants: Record<BulkheadVariant, BulkheadVariantResult>;
  calls: number;
  events: number;
}

interface Call {
  arrival: number;
  latency: number;
  toB: boolean;
}

interface Waiter {
  call: Call;
  leftQueue: boolean;
}

class Pool {
  free: number;
  private readonly waiting = new Deque<Waiter>();

  constructor(size: number) {
    this.free = size;
  }

  /** Takes a connection now, or queues the waiter; false when it had to queue. */
  take(waiter: Waiter): boolean {
    if (this.free > 0) {
      this.free--;
      return true;
    }
    this.waiting.push(waiter);
    return false;
  }

  /** Hands a returned connection to the longest waiter still waiting, or frees it. */
  release(): Waiter | undefined {
    for (let waiter = this.waiting.shift(); waiter; waiter = this.waiting.shift()) if (!waiter.leftQueue) return waiter;
    this.free++;
    return undefined;
  }
}

class CallStats {
  private calls = 0;
  private successes = 0;
  private baselineCalls = 0;
  private baselineSuccesses = 0;
  private readonly latency = new Histogram(0.005);
  private readonly baselineLatency = new Histogram(0.005);
  windowCalls = 0;
  windowSuccesses = 0;

  record(p: BulkheadParams, call: Call, elapsed: number, succeeded: boolean): void {
    this.windowCalls++;
    if (succeeded) this.windowSuccesses++;
    if (call.arrival < p.slowFrom) {
      this.baselineCalls++;
      if (succeeded) this.baselineSuccesses++;
      this.baselineLatency.add(elapsed);
    } else if (call.arrival < p.slowUntil) {
      this.calls++;
      if (succeeded) this.successes++;
      this.latency.add(elapsed);
    }
  }

  result(): DependencyCalls {
    return {
      successDuringSlowdown: this.calls > 0 ? this.successes / this.calls : 0,
      p99DuringSlowdown: this.latency.percentile(0.99),
      p99BeforeSlowdown: this.baselineLatency.percentile(0.99),
      successBeforeSlowdown: this.baselineCalls > 0 ? this.baselineSuccesses / this.baselineCalls : 0,
    };
  }
}

class Caller {
  readonly variant: BulkheadVariant;
  private readonly sim: Simulation;
  private readonly p: BulkheadParams;
  private readonly poolA: Pool;
  private readonly poolB: Pool;
  readonly a = new CallStats();
  readonly b = new CallStats();

  constructor(variant: BulkheadVariant, sim: Simulation, p: BulkheadParams) {
    this.variant = variant;
    this.sim = sim;
    this.p = p;
    if (variant === 'shared') {
      this.poolA = new Pool(p.connections);
      this.poolB = this.poolA;
    } else {
      this.poolA = new Pool(Math.floor(p.connections / 2));
      this.poolB = new Pool(p.connections - Math.floor(p.connections / 2));
    }
  }

  call(call: Call): void {
    const waiter: Waiter = { call, leftQueue: false };
    const pool = call.toB ? this.poolB : this.poolA;
    if (pool.take(waiter)) {
      this.use(pool, call);
      return;
    }
    this.sim.schedule(this.p.acquireTimeout, () => {
      if (waiter.leftQueue) return;
      waiter.leftQueue = true;
      this.statsOf(call).record(this.p, call, this.sim.now - call.arrival, false);
    });
  }

  private statsOf(call: Call): CallStats {
    return call.toB ? this.b : this.a;
  }

  private use(pool: Pool, call: Call): void {
    const now = this.sim.now;
    const slowed = call.toB && now >= this.p.slowFrom && now < this.p.slowUntil;
    const latency = call.latency * (slowed ? this.p.slowdown : 1);
    const succeeded = latency <= this.p.callTimeout;
    this.sim.schedule(succeeded ? latency : this.p.callTimeout, () => {
      this.statsOf(call).record(this.p, call, this.sim.now - call.arrival, succeeded);
      const next = pool.release();
      if (next) {
        // Marked as gone from the queue, so its acquire timeout does not fail it as well.
        next.leftQueue = true;
        this.use(pool, next.call);
      }
    });
  }
}

export function createBulkhead(params: BulkheadParams, seed: number): ScenarioRun & { result(): BulkheadResult } {
  const p = validateBulkhead(params);
  const sim = new Simulation(seed);
  const callers = BULKHEAD_VARIANTS.map((variant) => new Caller(variant, sim, p));
  let calls = 0;

  const stream = (label: number, rate: number, meanLatency: number, toB: boolean) => {
    const gap = exponentialSampler(sim.random.fork(label), 1 / rate);
    const latency = exponentialSampler(sim.random.fork(label + 1), meanLatency);
    const arrive = () => {
      calls++;
      const call: Call = { arrival: sim.now, latency: latency(), toB };
      for (const caller of callers) caller.call(call);
      const next = gap();
      if (sim.now + next <= p.duration) sim.schedule(next, arrive);
    };
    sim.schedule(gap(), arrive);
  };
  stream(1, p.rateA, p.latencyA, false);
  stream(3, p.rateB, p.latencyB, true);

  const series: Series[] = callers.map((c) => emptySeries(`${BULKHEAD_VARIANT_LABELS[c.variant]}: calls to A that succeeded`));
  sampleEvery(sim, chartInterval(p.duration, 1), p.duration, (time) => {
    callers.forEach((caller, i) => {
      const s = series[i] as Series;
      const finished = caller.a.windowCalls;
      recordPoint(s, time, finished > 0 ? caller.a.windowSuccesses / finished : (s.values[s.values.length - 1] ?? 1));
      caller.a.windowCalls = 0;
      caller.a.windowSuccesses = 0;
    });
  });

  const result = (): BulkheadResult => {
    const variants = {} as Record<BulkheadVariant, BulkheadVariantResult>;
    for (const caller of callers) variants[caller.variant] = { a: caller.a.result(), b: caller.b.result() };
    return { variants, calls, events: sim.events };
  };

  return {
    sim,
    duration: p.duration,
    advance(until) {
      sim.run({ until: Math.min(until, p.duration) });
    },
    snapshot(): Snapshot {
      const figures: Record<string, number> = { calls };
      for (const caller of callers) {
        const a = caller.a.result();
        figures[`successA_${caller.variant}`] = a.successDuringSlowdown;
        figures[`p99A_${caller.variant}`] = a.p99DuringSlowdown;
        figures[`successB_${caller.variant}`] = caller.b.result().successDuringSlowdown;
      }
      return { time: sim.now, events: sim.events, done: sim.now >= p.duration, figures, series };
    },
    result,
  };
}

export function simulateBulkhead(params: BulkheadParams, seed: number): BulkheadResult {
  const run = createBulkhead(params, seed);
  run.advance(run.duration);
  return run.result();
}

export const bulkheadScenario: ScenarioDefinition = {
  id: 'bulkhead',
  title: 'Bulkheads: one connection pool or one per dependency',
  fields: [
    { key: 'connections', label: 'Connections N', min: 2, max: 1000, step: 2, integer: true },
    { key: 'rateA', label: 'Calls to A', min: 1, max: 10_000, step: 1, unit: 'per s' },
    { key: 'rateB', label: 'Calls to B', min: 1, max: 10_000, step: 1, unit: 'per s' },
    { key: 'slowdown', label: 'Slowdown k of B', min: 1, max: 1000, step: 1 },
    { key: 'callTimeout', label: 'Call timeout', min: 0.01, max: 60, step: 0.01, unit: 's' },
    { key: 'acquireTimeout', label: 'Wait for a connection at most', min: 0.001, max: 60, step: 0.001, unit: 's' },
    { key: 'duration', label: 'Duration', min: 60, max: 5000, step: 10, unit: 's' },
  ],
  defaults: { ...BULKHEAD_DEFAULTS },
  pace: 3,
  chart: { yLabel: 'Share of calls to A that succeeded in the last second' },
  figures: BULKHEAD_VARIANTS.flatMap((variant) => [
    { key: `successA_${variant}`, label: `${BULKHEAD_VARIANT_LABELS[variant]}: calls to A that succeeded during the slowdown`, digits: 1, percent: true },
    { key: `p99A_${variant}`, label: `${BULKHEAD_VARIANT_LABELS[variant]}: p99 latency of calls to A during the slowdown`, digits: 3, unit: 's' },
    { key: `successB_${variant}`, label: `${BULKHEAD_VARIANT_LABELS[variant]}: calls to B that succeeded during the slowdown`, digits: 1, percent: true },
  ]),
  create: (params, seed) => createBulkhead(withDefaults(BULKHEAD_DEFAULTS, params), seed),
};
