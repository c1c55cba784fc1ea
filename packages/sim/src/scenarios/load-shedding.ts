/**
 * Load shedding under overload. A service with c workers (exponential service of mean S) receives Poisson requests at
 * a base rate below its capacity c/S, then for a while at an overload rate above it. Clients give up after a
 * deadline, so a request served later than that is work without value.
 *
 * Three variants run on the same arrivals and service demands:
 *  - none: one unbounded FIFO queue. Past capacity it grows for as long as the overload lasts, every request waits
 *    behind it, and the queue outlives the overload by (backlog) / (capacity − base rate) seconds.
 *  - queueLimit: FIFO, but a request that finds L requests waiting is rejected at once, so a served request waits at
 *    most about L·S/c.
 *  - adaptiveLifo: no bound, but when more than L requests wait the newest is served first, and a request that has
 *    already waited longer than the deadline is dropped when its turn comes instead of being served (the "adaptive
 *    LIFO" and "controlled delay" of B. Maurer, "Fail at Scale", ACM Queue 13(8), 2015).
 */
import { Simulation } from '../engine.ts';
import { requireInteger, requirePositive, SimInputError } from '../errors.ts';
import { Histogram } from '../metrics.ts';
import { type ScenarioRun, type Series, type Snapshot, sampleEvery } from '../scenario.ts';
import type { ScenarioDefinition } from './registry.ts';
import { chartInterval, Deque, emptySeries, exponentialSampler, recordPoint, requireDuration, requireWindow, WindowAccumulator, withDefaults } from './support.ts';

export const SHEDDING_VARIANTS = ['none', 'queueLimit', 'adaptiveLifo'] as const;
export type SheddingVariant = (typeof SHEDDING_VARIANTS)[number];

export const SHEDDING_VARIANT_LABELS: Record<SheddingVariant, string> = {
  none: 'No shedding (FIFO)',
  queueLimit: 'Reject beyond L waiting (FIFO)',
  adaptiveLifo: 'Adaptive LIFO, drop past the deadline',
};

export interface LoadSheddingParams {
  workers: number;
  /** Mean service time S in seconds (exponential). */
  serviceTime: number;
  /** Requests per second outside the overload. */
  baseRate: number;
  /** Requests per second during the overload. */
  overloadRate: number;
  overloadFrom: number;
  overloadUntil: number;
  /** Waiting requests L beyond which the shedding variants act. */
  queueLimit: number;
  /** Seconds after which a client has given up; a later response does not count as goodput. */
  deadline: number;
  duration: number;
}

export const LOAD_SHEDDING_DEFAULTS: LoadSheddingParams = {
  workers: 10,
  serviceTime: 0.05,
  baseRate: 140,
  overloadRate: 300,
  overloadFrom: 60,
  overloadUntil: 120,
  queueLimit: 100,
  deadline: 1,
  duration: 240,
};

export const MAX_LOAD_SHEDDING_DURATION = 20_000;

export function validateLoadShedding(p: LoadSheddingParams): LoadSheddingParams {
  requireInteger('workers', p.workers, 1, 10_000);
  requirePositive('serviceTime', p.serviceTime);
  requirePositive('baseRate', p.baseRate);
  requirePositive('overloadRate', p.overloadRate);
  requireDuration(p.duration, MAX_LOAD_SHEDDING_DURATION);
  requireWindow('overloadFrom', p.overloadFrom, 'overloadUntil', p.overloadUntil, p.duration);
  requireInteger('queueLimit', p.queueLimit, 1, 10_000_000);
  requirePositive('deadline', p.deadline);
  const capacity = p.workers / p.serviceTime;
  // Above capacity outside the overload, even the bounded queue never recovers and no variant looks healthy.
  if (!(p.baseRate < capacity)) throw new SimInputError('baseRate', `must stay below the capacity workers / serviceTime = ${capacity} per s`, p.baseRate);
  return { ...p };
}

export interface SheddingVariantResult {
  /** 99th-percentile response time of the requests that were served. */
  p99Served: number;
  meanServed: number;
  /** Share of requests rejected on arrival or dropped before service. */
  shedShare: number;
  /** Requests arriving during the overload that were served within the deadline, per second of overload. */
  goodputDuringOverload: number;
  /** Share of all requests served within the deadline. */
  goodputShare: number;
}

export interface LoadSheddingResult {
  variants: Record<SheddingVariant, SheddingVariantResult>;
  requests: number;
  events: number;
}

interface Request {
  arrival: number;
  demand: number;
}

class SheddingService {
  readonly variant: SheddingVariant;
  private readonly sim: Simulation;
  private readonly p: LoadSheddingParams;
  private readonly waiting = new Deque<Request>();
  private busy = 0;
  private received = 0;
  private shed = 0;
  private withinDeadline = 0;
  private withinDeadlineDuringOverload = 0;
  readonly served = new Histogram(0.005);
  readonly latencyWindow = new WindowAccumulator();

  constructor(variant: SheddingVariant, sim: Simulation, p: LoadSheddingParams) {
    this.variant = variant;
    this.sim = sim;
    this.p = p;
  }

  receive(request: Request): void {
    this.received++;
    if (this.busy < this.p.workers) {
      this.serve(request);
      return;
    }
    if (this.variant === 'queueLimit' && this.waiting.size >= this.p.queueLimit) {
      this.shed++;
      return;
    }
    this.waiting.push(request);
  }

  private serve(request: Request): void {
    this.busy++;
    this.sim.schedule(request.demand, () => {
      this.busy--;
      this.finish(request);
      this.next();
    });
  }

  private finish(request: Request): void {
    const response = this.sim.now - request.arrival;
    this.served.add(response);
    this.latencyWindow.add(response);
    if (response <= this.p.deadline) {
      this.withinDeadline++;
      if (request.arrival >= this.p.overloadFrom && request.arrival < this.p.overloadUntil) this.withinDeadlineDuringOverload++;
    }
  }

  private next(): void {
    if (this.variant !== 'adaptiveLifo') {
      const request = this.waiting.shift();
      if (request) this.serve(request);
      return;
    }
    while (this.waiting.size > 0) {
      const request = (this.waiting.size > this.p.queueLimit ? this.waiting.pop() : this.waiting.shift()) as Request;
      if (this.sim.now - request.arrival > this.p.deadline) {
        this.shed++;
        continue;
      }
      this.serve(request);
      return;
    }
  }

  result(): SheddingVariantResult {
    const overload = Math.min(this.sim.now, this.p.overloadUntil) - this.p.overloadFrom;
    return {
      p99Served: this.served.percentile(0.99),
      meanServed: this.served.stats.mean,
      shedShare: this.received > 0 ? this.shed / this.received : 0,
      goodputDuringOverload: overload > 0 ? this.withinDeadlineDuringOverload / overload : 0,
      goodputShare: this.received > 0 ? this.withinDeadline / this.received : 0,
    };
  }
}

export function createLoadShedding(params: LoadSheddingParams, seed: number): ScenarioRun & { result(): LoadSheddingResult } {
  const p = validateLoadShedding(params);
  const sim = new Simulation(seed);
  // Unit-rate gaps scaled by the current rate: the same stream drives both phases, so every variant sees the same arrivals.
  const unitGap = exponentialSampler(sim.random.fork(1), 1);
  const demand = exponentialSampler(sim.random.fork(2), p.serviceTime);
  const services = SHEDDING_VARIANTS.map((variant) => new SheddingService(variant, sim, p));
  let requests = 0;

  const rateAt = (time: number) => (time >= p.overloadFrom && time < p.overloadUntil ? p.overloadRate : p.baseRate);
  // The gap is drawn at the rate in force now; a gap that crosses a change of rate is redrawn from the boundary,
  // which is exact for a Poisson process because it is memoryless.
  const scheduleNext = () => {
    let from: number = sim.now;
    let gap = unitGap() / rateAt(from);
    for (const boundary of [p.overloadFrom, p.overloadUntil]) {
      if (from < boundary && from + gap > boundary) {
        from = boundary;
        gap = unitGap() / rateAt(from);
      }
    }
    if (from + gap <= p.duration) sim.at(from + gap, arrive);
  };
  const arrive = () => {
    requests++;
    const request: Request = { arrival: sim.now, demand: demand() };
    for (const service of services) service.receive(request);
    scheduleNext();
  };
  scheduleNext();

  const series: Series[] = services.map((s) => emptySeries(SHEDDING_VARIANT_LABELS[s.variant]));
  sampleEvery(sim, chartInterval(p.duration, 1), p.duration, (time) => {
    services.forEach((service, i) => {
      const mean = service.latencyWindow.takeMean(Number.NaN);
      const s = series[i] as Series;
      recordPoint(s, time, Number.isNaN(mean) ? (s.values[s.values.length - 1] ?? 0) : mean);
    });
  });

  const result = (): LoadSheddingResult => {
    const variants = {} as Record<SheddingVariant, SheddingVariantResult>;
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
        figures[`p99Served_${service.variant}`] = r.p99Served;
        figures[`shedShare_${service.variant}`] = r.shedShare;
        figures[`goodputDuringOverload_${service.variant}`] = r.goodputDuringOverload;
      }
      return { time: sim.now, events: sim.events, done: sim.now >= p.duration, figures, series };
    },
    result,
  };
}

export function simulateLoadShedding(params: LoadSheddingParams, seed: number): LoadSheddingResult {
  const run = createLoadShedding(params, seed);
  run.advance(run.duration);
  return run.result();
}

export const loadSheddingScenario: ScenarioDefinition = {
  id: 'load-shedding',
  title: 'Load shedding under overload',
  fields: [
    { key: 'workers', label: 'Workers c', min: 1, max: 1000, step: 1, integer: true },
    { key: 'serviceTime', label: 'Mean service time S', min: 0.001, max: 10, step: 0.001, unit: 's' },
    { key: 'baseRate', label: 'Base load', min: 1, max: 10_000, step: 1, unit: 'per s' },
    { key: 'overloadRate', label: 'Load during the overload', min: 1, max: 20_000, step: 1, unit: 'per s' },
    { key: 'queueLimit', label: 'Queue limit L', min: 1, max: 100_000, step: 1, integer: true },
    { key: 'deadline', label: 'Client deadline', min: 0.01, max: 60, step: 0.01, unit: 's' },
    { key: 'duration', label: 'Duration', min: 60, max: 5000, step: 10, unit: 's' },
  ],
  defaults: { ...LOAD_SHEDDING_DEFAULTS },
  pace: 5,
  chart: { yLabel: 'Mean response time of served requests over the last second (s)', log: true },
  figures: SHEDDING_VARIANTS.flatMap((variant) => [
    { key: `p99Served_${variant}`, label: `${SHEDDING_VARIANT_LABELS[variant]}: p99 of served requests`, digits: 2, unit: 's' },
    { key: `shedShare_${variant}`, label: `${SHEDDING_VARIANT_LABELS[variant]}: requests shed`, digits: 1, percent: true },
    { key: `goodputDuringOverload_${variant}`, label: `${SHEDDING_VARIANT_LABELS[variant]}: goodput during the overload`, digits: 0, unit: 'per s' },
  ]),
  create: (params, seed) => createLoadShedding(withDefaults(LOAD_SHEDDING_DEFAULTS, params), seed),
};
