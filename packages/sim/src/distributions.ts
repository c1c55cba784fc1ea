/**
 * Distributions as plain data (so a scenario can be written in a URL), and samplers built from them.
 * Parameters are in the units of what is sampled (seconds for a latency, for example).
 */
import { requireFinite, requireNonNegative, requirePositive, SimInputError } from './errors.ts';
import type { Random } from './random.ts';

export type Distribution =
  | { kind: 'constant'; value: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'exponential'; mean: number }
  /** Parameters of the underlying normal: the median is e^mu, the mean e^(mu + sigma²/2). */
  | { kind: 'lognormal'; mu: number; sigma: number }
  /** Pareto type I: P(X > x) = (scale / x)^shape for x ≥ scale. Its mean is infinite for shape ≤ 1. */
  | { kind: 'pareto'; scale: number; shape: number }
  /** Draws one of the observed values, each equally likely. */
  | { kind: 'empirical'; values: readonly number[] };

export type Sampler = () => number;

export function validateDistribution(name: string, d: Distribution): Distribution {
  switch (d.kind) {
    case 'constant':
      requireNonNegative(`${name}.value`, d.value);
      break;
    case 'uniform':
      requireNonNegative(`${name}.min`, d.min);
      requireFinite(`${name}.max`, d.max);
      if (d.max < d.min) throw new SimInputError(`${name}.max`, `must be at least min (${d.min})`, d.max);
      break;
    case 'exponential':
      requirePositive(`${name}.mean`, d.mean);
      break;
    case 'lognormal':
      requireFinite(`${name}.mu`, d.mu);
      requireNonNegative(`${name}.sigma`, d.sigma);
      break;
    case 'pareto':
      requirePositive(`${name}.scale`, d.scale);
      requirePositive(`${name}.shape`, d.shape);
      break;
    case 'empirical':
      if (!Array.isArray(d.values) || d.values.length === 0) throw new SimInputError(`${name}.values`, 'must hold at least one observation');
      d.values.forEach((v, i) => {
        requireNonNegative(`${name}.values[${i}]`, v);
      });
      break;
    default:
      throw new SimInputError(`${name}.kind`, 'must be constant, uniform, exponential, lognormal, pareto or empirical', (d as { kind?: unknown }).kind);
  }
  return d;
}

export function sampler(d: Distribution, random: Random, name = 'distribution'): Sampler {
  validateDistribution(name, d);
  switch (d.kind) {
    case 'constant': {
      const value = d.value;
      return () => value;
    }
    case 'uniform': {
      const { min } = d;
      const width = d.max - d.min;
      return () => min + width * random.next();
    }
    case 'exponential': {
      const mean = d.mean;
      // 1 - U lies in (0, 1], so the logarithm is finite.
      return () => -mean * Math.log(1 - random.next());
    }
    case 'lognormal': {
      const { mu, sigma } = d;
      return () => Math.exp(mu + sigma * standardNormal(random));
    }
    case 'pareto': {
      const { scale } = d;
      const inverseShape = 1 / d.shape;
      return () => scale / (1 - random.next()) ** inverseShape;
    }
    case 'empirical': {
      const values = [...d.values];
      return () => values[Math.floor(random.next() * values.length)] as number;
    }
  }
}

/** Box–Muller, using both uniforms every time so the stream position does not depend on a cached value. */
function standardNormal(random: Random): number {
  const u1 = 1 - random.next();
  const u2 = random.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** The mean of a distribution, or null when it is infinite (Pareto with shape ≤ 1). */
export function meanOf(d: Distribution): number | null {
  switch (d.kind) {
    case 'constant':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'exponential':
      return d.mean;
    case 'lognormal':
      return Math.exp(d.mu + (d.sigma * d.sigma) / 2);
    case 'pareto':
      return d.shape > 1 ? (d.shape * d.scale) / (d.shape - 1) : null;
    case 'empirical':
      return d.values.reduce((s, v) => s + v, 0) / d.values.length;
  }
}

/** A lognormal with a given mean and coefficient of variation, the two numbers a reader usually knows. */
export function lognormalWithMean(mean: number, cv: number): Distribution {
  requirePositive('mean', mean);
  requireNonNegative('cv', cv);
  const sigma2 = Math.log(1 + cv * cv);
  return { kind: 'lognormal', mu: Math.log(mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
}
