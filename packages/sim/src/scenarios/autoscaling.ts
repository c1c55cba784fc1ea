/**
 * Target-tracking autoscaling against a ramp of load. The arrival rate (Poisson, time-varying) holds at λ0, ramps
 * linearly to λ1, holds, and ramps back. The service is one M/M/c pool whose c is the number of ready instances, each
 * serving μ requests per second. Every I seconds an autoscaler reads the pool's utilization over the last interval
 * (busy instance-seconds over ready instance-seconds, what a CPU metric shows) and, as AWS target tracking does,
 * asks for ceil(ready × utilization / target) instances. New instances are ready after a provisioning delay D and
 * count as capacity on order meanwhile, so the scaler does not order them twice. A scale-in waits until a cooldown has
 * passed since the last scaling action; it never cancels instances on order.
 *
 * Utilization cannot exceed 1, so behind a queue the scaler multiplies capacity by at most 1/target per check, and
 * only after each delay D: the longer D, the longer the queue grows. Without a cooldown, noise in the measured
 * utilization makes the scaler add and remove instances back and forth.
 *
 * Three variants run on the same arrivals and service demands: fast provisioning with a cooldown, slow provisioning
 * with the same cooldown, and fast provisioning without a cooldown.
 */
import { Simulation } from '../engine.ts';
import { requireInteger, requireNonNegative, requirePositive, requireProbability, SimInputError } from '../errors.ts';
import { Histogram } from '../metrics.ts';
import { type ScenarioRun, type Series, type Snapshot, sampleEvery } from '../scenario.ts';
import type { ScenarioDefinition } from './registry.ts';
import { chartInterval, emptySeries, exponentialSampler, NumberQueue, recordPoint, requireDuration, withDefaults } from './support.ts';

export const AUTOSCALING_VARIANTS = ['fast', 'slow', 'noCooldown'] as const;
export type AutoscalingVariant = (typeof AUTOSCALING_VARIANTS)[number];

export const AUTOSCALING_VARIANT_LABELS: Record<AutoscalingVariant, string> = {
  fast: 'Fast provisioning',
  slow: 'Slow provisioning',
  noCooldown: 'Fast provisioning, no cooldown',
};

export interface AutoscalingParams {
  /** Requests per second before and after the peak, λ0. */
  baseRate: number;
  /** Requests per second at the peak, λ1. */
  peakRate: number;
  /** When the ramp up starts (virtual seconds). */
  rampAt: number;
  /** How long each ramp (up, and later down) lasts, in seconds. */
  rampDuration: number;
  /** How long the peak holds between the ramps, in seconds. */
  peakDuration: number;
  /** Requests per second one instance serves, μ (exponential service of mean 1/μ). */
  instanceRate: number;
  /** Utilization the scaler aims for. */
  targetUtilization: number;
  /** Seconds between the scaler's checks, I. */
  checkInterval: number;
  /** Provisioning delay D of the fast variants, in seconds. */
  fastDelay: number;
  /** Provisioning delay D of the slow variant, in seconds. */
  slowDelay: number;
  /** Seconds a scale-in waits after the last scaling action (the variant without cooldown waits 0). */
  cooldown: number;
  maxInstances: number;
  duration: number;
}

export const AUTOSCALING_DEFAULTS: AutoscalingParams = {
  baseRate: 50,
  peakRate: 150,
  rampAt: 60,
  rampDuration: 60,
  peakDuration: 240,
  instanceRate: 10,
  targetUtilization: 0.6,
  checkInterval: 10,
  fastDelay: 20,
  slowDelay: 90,
  cooldown: 120,
  maxInstances: 500,
  duration: 600,
};

export const MAX_AUTOSCALING_DURATION = 20_000;

export function validateAutoscaling(p: AutoscalingParams): AutoscalingParams {
  requirePositive('baseRate', p.baseRate);
  requirePositive('peakRate', p.peakRate);
  requireNonNegative('rampAt', p.rampAt);
  requirePositive('rampDuration', p.rampDuration);
  requireNonNegative('peakDuration', p.peakDuration);
  requirePositive('instanceRate', p.instanceRate);
  requireProbability('targetUtilization', p.targetUtilization);
  if (p.targetUtilization === 0 || p.targetUtilization === 1) {
    throw new SimInputError('targetUtilization', 'must lie strictly between 0 and 1', p.targetUtilization);
  }
  requirePositive('checkInterval', p.checkInterval);
  requireNonNegative('fastDelay', p.fastDelay);
  requireNonNegative('slowDelay', p.slowDelay);
  if (p.slowDelay < p.fastDelay) throw new SimInputError('slowDelay', `must be at least fastDelay (${p.fastDelay} s)`, p.slowDelay);
  requireNonNegative('cooldown', p.cooldown);
  requireInteger('maxInstances', p.maxInstances, 1, 10_000);
  requireDuration(p.duration, MAX_AUTOSCALING_DURATION);
  const needed = Math.max(p.baseRate, p.peakRate) / p.instanceRate;
  if (!(p.maxInstances > needed)) {
    throw new SimInputError('maxInstances', `must exceed the instances the peak needs at full utilization (${needed})`, p.maxInstances);
  }
  return { ...p };
}

export interface AutoscalingVariantResult {
  /** Most requests waiting at once. */
  peakQueue: number;
  p99Response: number;
  meanResponse: number;
  /** Instance-seconds paid for: instances ready or being provisioned, integrated over the run. */
  instanceSeconds: number;
  scaleOuts: number;
  scaleIns: number;
  /** Scale-outs plus scale-ins. */
  scalingActions: number;
  readyInstances: number;
}

export interface AutoscalingResult {
  variants: Record<AutoscalingVariant, AutoscalingVariantResult>;
  requests: number;
  initialInstances: number;
  events: number;
}

/** The offered load λ(t): flat, a linear ramp up, flat at the peak, a linear ramp down, flat. */
export function autoscalingOfferedRate(p: AutoscalingParams, time: number): number {
  const upEnd = p.rampAt + p.rampDuration;
  const downStart = upEnd + p.peakDuration;
  const downEnd = downStart + p.rampDuration;
  if (time < p.rampAt || time >= downEnd) return p.baseRate;
  if (time < upEnd) return p.baseRate + ((p.peakRate - p.baseRate) * (time - p.rampAt)) / p.rampDuration;
  if (time < downStart) return p.peakRate;
  return p.peakRate + ((p.baseRate - p.peakRate) * (time - downStart)) / p.rampDuration;
}

class ScaledPool {
  readonly variant: AutoscalingVariant;
  private readonly sim: Simulation;
  private readonly p: AutoscalingParams;
  private readonly delay: number;
  private readonly cooldown: number;
  private readonly waiting = new NumberQueue();
  private readonly demands = new NumberQueue();
  ready: number;
  private onOrder = 0;
  private busy = 0;
  private lastChange = 0;
  private busyArea = 0;
  private readyArea = 0;
  private paidArea = 0;
  private lastAction = Number.NEGATIVE_INFINITY;
  private scaleOuts = 0;
  private scaleIns = 0;
  peakQueue = 0;
  private readonly responses = new Histogram(0.005);

  constructor(variant: AutoscalingVariant, sim: Simulation, p: AutoscalingParams, initial: number) {
    this.variant = variant;
    this.sim = sim;
    this.p = p;
    this.delay = variant === 'slow' ? p.slowDelay : p.fastDelay;
    this.cooldown = variant === 'noCooldown' ? 0 : p.cooldown;
    this.ready = initial;
  }

  get queueLength(): number {
    return this.waiting.size;
  }

  /** Adds the areas under busy, ready and paid instances up to now; call before any of them changes. */
  private accumulate(): void {
    const now = this.sim.now;
    const span = now - this.lastChange;
    this.busyArea += this.busy * span;
    this.readyArea += this.ready * span;
    this.paidArea += (this.ready + this.onOrder) * span;
    this.lastChange = now;
  }

  receive(demand: number): void {
    if (this.busy < this.ready) {
      this.start(this.sim.now, demand);
      return;
    }
    this.waiting.push(this.sim.now);
    this.demands.push(demand);
    if (this.waiting.size > this.peakQueue) this.peakQueue = this.waiting.size;
  }

  private start(arrival: number, demand: number): void {
    this.accumulate();
    this.busy++;
    this.responses.add(this.sim.now - arrival + demand);
    this.sim.schedule(demand, () => {
      this.accumulate();
      this.busy--;
      this.startWaiting();
    });
  }

  /** Fills free ready instances from the queue; after a scale-in, instances still finishing are not refilled. */
  private startWaiting(): void {
    while (this.busy < this.ready && this.waiting.size > 0) this.start(this.waiting.shift(), this.demands.shift());
  }

  /** One check of the target-tracking scaler. */
  check(): void {
    this.accumulate();
    const utilization = this.readyArea > 0 ? this.busyArea / this.readyArea : 0;
    this.busyArea = 0;
    this.readyArea = 0;
    const desired = Math.min(this.p.maxInstances, Math.max(1, Math.ceil(this.ready * (utilization / this.p.targetUtilization) - 1e-9)));
    const current = this.ready + this.onOrder;
    const now = this.sim.now;
    if (desired > current) {
      const added = desired - current;
      this.onOrder += added;
      this.scaleOuts++;
      this.lastAction = now;
      this.sim.schedule(this.delay, () => {
        this.accumulate();
        this.onOrder -= added;
        this.ready += added;
        this.startWaiting();
      });
    } else if (desired < current && this.onOrder === 0 && now - this.lastAction >= this.cooldown) {
      this.ready = desired;
      this.scaleIns++;
      this.lastAction = now;
    }
  }

  result(): AutoscalingVariantResult {
    this.accumulate();
    return {
      peakQueue: this.peakQueue,
      p99Response: this.responses.percentile(0.99),
      meanResponse: this.responses.stats.mean,
      instanceSeconds: this.paidArea,
      scaleOuts: this.scaleOuts,
      scaleIns: this.scaleIns,
      scalingActions: this.scaleOuts + this.scaleIns,
      readyInstances: this.ready,
    };
  }
}

export function createAutoscaling(params: AutoscalingParams, seed: number): ScenarioRun & { result(): AutoscalingResult } {
  const p = validateAutoscaling(params);
  const sim = new Simulation(seed);
  const peak = Math.max(p.baseRate, p.peakRate);
  const candidateGap = exponentialSampler(sim.random.fork(1), 1 / peak);
  const thinning = sim.random.fork(3);
  const demand = exponentialSampler(sim.random.fork(2), 1 / p.instanceRate);
  const initialInstances = Math.ceil(p.baseRate / (p.instanceRate * p.targetUtilization));
  const pools = AUTOSCALING_VARIANTS.map((variant) => new ScaledPool(variant, sim, p, initialInstances));
  let requests = 0;

  // A Poisson process of rate λ(t) by thinning (Lewis and Shedler, 1979): candidates at the peak rate, each kept with
  // probability λ(t)/peak.
  const candidate = () => {
    if (thinning.next() * peak < autoscalingOfferedRate(p, sim.now)) {
      requests++;
      const work = demand();
      for (const pool of pools) pool.receive(work);
    }
    const gap = candidateGap();
    if (sim.now + gap <= p.duration) sim.schedule(gap, candidate);
  };
  sim.schedule(candidateGap(), candidate);

  const checks = () => {
    for (const pool of pools) pool.check();
    if (sim.now + p.checkInterval <= p.duration) sim.schedule(p.checkInterval, checks);
  };
  sim.schedule(p.checkInterval, checks);

  const loadSeries = emptySeries('Offered load (requests/s)');
  const capacitySeries: Series[] = pools.map((pool) => emptySeries(`${AUTOSCALING_VARIANT_LABELS[pool.variant]}: ready capacity (requests/s)`));
  const queueSeries: Series[] = pools.map((pool) => emptySeries(`${AUTOSCALING_VARIANT_LABELS[pool.variant]}: requests waiting`));
  sampleEvery(sim, chartInterval(p.duration, 1), p.duration, (time) => {
    recordPoint(loadSeries, time, autoscalingOfferedRate(p, time));
    pools.forEach((pool, i) => {
      recordPoint(capacitySeries[i] as Series, time, pool.ready * p.instanceRate);
      recordPoint(queueSeries[i] as Series, time, pool.queueLength);
    });
  });

  const result = (): AutoscalingResult => {
    const variants = {} as Record<AutoscalingVariant, AutoscalingVariantResult>;
    for (const pool of pools) variants[pool.variant] = pool.result();
    return { variants, requests, initialInstances, events: sim.events };
  };

  return {
    sim,
    duration: p.duration,
    advance(until) {
      sim.run({ until: Math.min(until, p.duration) });
    },
    snapshot(): Snapshot {
      const figures: Record<string, number> = { requests };
      for (const pool of pools) {
        const r = pool.result();
        figures[`peakQueue_${pool.variant}`] = r.peakQueue;
        figures[`p99_${pool.variant}`] = r.p99Response;
        figures[`instanceSeconds_${pool.variant}`] = r.instanceSeconds;
        figures[`scalingActions_${pool.variant}`] = r.scalingActions;
      }
      return { time: sim.now, events: sim.events, done: sim.now >= p.duration, figures, series: [loadSeries, ...capacitySeries, ...queueSeries] };
    },
    result,
  };
}

export function simulateAutoscaling(params: AutoscalingParams, seed: number): AutoscalingResult {
  const run = createAutoscaling(params, seed);
  run.advance(run.duration);
  return run.result();
}

export const autoscalingScenario: ScenarioDefinition = {
  id: 'autoscaling',
  title: 'Target-tracking autoscaling against a ramp',
  fields: [
    { key: 'baseRate', label: 'Base load λ0', min: 1, max: 10_000, step: 1, unit: 'per s' },
    { key: 'peakRate', label: 'Peak load λ1', min: 1, max: 10_000, step: 1, unit: 'per s' },
    { key: 'rampDuration', label: 'Ramp lasts', min: 1, max: 3600, step: 1, unit: 's' },
    { key: 'instanceRate', label: 'Requests one instance serves μ', min: 0.1, max: 1000, step: 0.1, unit: 'per s' },
    { key: 'targetUtilization', label: 'Target utilization', min: 0.05, max: 0.95, step: 0.05 },
    { key: 'checkInterval', label: 'Check every I', min: 1, max: 600, step: 1, unit: 's' },
    { key: 'fastDelay', label: 'Provisioning delay D (fast)', min: 0, max: 1800, step: 1, unit: 's' },
    { key: 'slowDelay', label: 'Provisioning delay D (slow)', min: 0, max: 1800, step: 1, unit: 's' },
    { key: 'cooldown', label: 'Scale-in cooldown', min: 0, max: 3600, step: 1, unit: 's' },
    { key: 'duration', label: 'Duration', min: 60, max: 10_000, step: 10, unit: 's' },
  ],
  defaults: { ...AUTOSCALING_DEFAULTS },
  pace: 12,
  chart: { yLabel: 'Requests per second (load, capacity) and requests waiting' },
  figures: AUTOSCALING_VARIANTS.flatMap((variant) => [
    { key: `peakQueue_${variant}`, label: `${AUTOSCALING_VARIANT_LABELS[variant]}: most requests waiting`, digits: 0 },
    { key: `p99_${variant}`, label: `${AUTOSCALING_VARIANT_LABELS[variant]}: p99 response time`, digits: 2, unit: 's' },
    { key: `instanceSeconds_${variant}`, label: `${AUTOSCALING_VARIANT_LABELS[variant]}: instance-seconds`, digits: 0 },
    { key: `scalingActions_${variant}`, label: `${AUTOSCALING_VARIANT_LABELS[variant]}: scaling actions`, digits: 0 },
  ]),
  create: (params, seed) => createAutoscaling(withDefaults(AUTOSCALING_DEFAULTS, params), seed),
};
