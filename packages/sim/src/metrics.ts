/**
 * What a run measures: counters, a latency histogram with percentiles, a running mean with a confidence interval,
 * and time series for charts. All of it is plain numbers, cheap to post from a worker to the page.
 */
import { requirePositive, requireProbability, SimInputError } from './errors.ts';

/** Mean and variance in one pass (Welford), stable for millions of samples. */
export class RunningStats {
  count = 0;
  mean = 0;
  private m2 = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;

  add(x: number): void {
    this.count++;
    const delta = x - this.mean;
    this.mean += delta / this.count;
    this.m2 += delta * (x - this.mean);
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
  }

  get variance(): number {
    return this.count > 1 ? this.m2 / (this.count - 1) : 0;
  }
}

/**
 * Log-bucketed histogram: each bucket spans a factor of (1 + precision), so any percentile is returned within that
 * relative error, whatever the range. Zero is counted apart (a request that did not wait).
 */
export class Histogram {
  private readonly buckets = new Map<number, number>();
  private readonly logBase: number;
  private zeros = 0;
  total = 0;
  readonly stats = new RunningStats();

  readonly precision: number;

  constructor(precision = 0.01) {
    this.precision = requirePositive('precision', precision);
    this.logBase = Math.log1p(precision);
  }

  add(value: number): void {
    if (!(value >= 0) || !Number.isFinite(value)) throw new SimInputError('histogram value', 'must be a finite number ≥ 0', value);
    this.total++;
    this.stats.add(value);
    if (value === 0) {
      this.zeros++;
      return;
    }
    const index = Math.floor(Math.log(value) / this.logBase);
    this.buckets.set(index, (this.buckets.get(index) ?? 0) + 1);
  }

  /** The value below which a share q of the samples lie (q in [0, 1]); 0 when empty. */
  percentile(q: number): number {
    requireProbability('percentile', q);
    if (this.total === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.total));
    if (rank <= this.zeros) return 0;
    let seen = this.zeros;
    for (const index of [...this.buckets.keys()].sort((a, b) => a - b)) {
      seen += this.buckets.get(index) as number;
      // The bucket's geometric middle, clamped to what was actually observed.
      if (seen >= rank) return Math.min(this.stats.max, Math.max(this.stats.min, Math.exp((index + 0.5) * this.logBase)));
    }
    return this.stats.max;
  }
}

/** 97.5 % quantiles of Student's t for 1-30 degrees of freedom; beyond that the normal's 1.96 is close enough. */
const T_975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

export interface ConfidenceInterval {
  mean: number;
  /** Half-width of the 95 % interval. */
  halfWidth: number;
  batches: number;
}

/**
 * Batch means: successive observations of a queue are correlated, so the samples are grouped into batches whose
 * means are nearly independent, and the interval is computed from those (Law and Kelton, Simulation Modeling and Analysis).
 */
export function batchMeans(samples: ArrayLike<number>, batches = 20): ConfidenceInterval {
  const n = Math.floor(samples.length / batches) * batches;
  if (n < batches * 2) throw new SimInputError('samples', `must number at least ${batches * 2} for ${batches} batches`, samples.length);
  const size = n / batches;
  const means = new Float64Array(batches);
  for (let b = 0; b < batches; b++) {
    let sum = 0;
    for (let i = b * size; i < (b + 1) * size; i++) sum += samples[i] as number;
    means[b] = sum / size;
  }
  return intervalOfBatchMeans(means);
}

/** The 95 % interval from batch means already computed (a simulation can accumulate them as it runs). */
export function intervalOfBatchMeans(means: ArrayLike<number>): ConfidenceInterval {
  if (means.length < 2) throw new SimInputError('batches', 'must number at least 2', means.length);
  const stats = new RunningStats();
  for (let i = 0; i < means.length; i++) stats.add(means[i] as number);
  const t = T_975[means.length - 2] ?? 1.96;
  return { mean: stats.mean, halfWidth: (t * Math.sqrt(stats.variance)) / Math.sqrt(means.length), batches: means.length };
}

/** A value sampled at the end of each fixed interval of virtual time, for a chart. */
export class TimeSeries {
  readonly times: number[] = [];
  readonly values: number[] = [];

  record(time: number, value: number): void {
    this.times.push(time);
    this.values.push(value);
  }
}
