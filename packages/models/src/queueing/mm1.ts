/**
 * M/M/1: Poisson arrivals, exponential service, one server, FIFO, infinite queue.
 *
 *   ρ = λ S           (utilization; must be < 1)
 *   L = ρ / (1 − ρ)   Lq = ρ² / (1 − ρ)
 *   W = S / (1 − ρ)   Wq = ρ S / (1 − ρ)
 *   P(n) = (1 − ρ) ρⁿ
 *   response time T ~ Exponential(μ − λ), so P(T ≤ t) = 1 − e^{−(μ−λ)t} and the q-quantile is −ln(1 − q) W
 *   waiting time: P(Wq ≤ t) = 1 − ρ e^{−(μ−λ)t}
 *
 * Units: λ per unit time, S in the same time unit; results in that unit.
 *
 * Source: L. Kleinrock, Queueing Systems, Volume 1: Theory, Wiley, 1975, §3.2; M. Harchol-Balter,
 * Performance Modeling and Design of Computer Systems, Cambridge University Press, 2013, ch. 13.
 */
import { ModelInputError, requireInteger, requireNonNegative, requirePositive, requireQuantile } from '../errors.ts';

export interface MM1Input {
  /** λ, arrivals per unit time. */
  readonly arrivalRate: number;
  /** S = 1/μ, mean service time. */
  readonly serviceTime: number;
}

export interface MM1Result {
  readonly arrivalRate: number;
  readonly serviceTime: number;
  readonly utilization: number;
  /** L */
  readonly meanInSystem: number;
  /** Lq */
  readonly meanQueueLength: number;
  /** W */
  readonly meanResponse: number;
  /** Wq */
  readonly meanWait: number;
  /** P(an arrival waits) = ρ */
  readonly probWait: number;
}

export function requireStableUtilization(utilization: number): number {
  if (!Number.isFinite(utilization) || utilization >= 1) {
    throw new ModelInputError('utilization', 'must be below 1 for a stable queue', utilization);
  }
  return utilization;
}

export function mm1(input: MM1Input): MM1Result {
  const lambda = requireNonNegative('arrivalRate', input.arrivalRate);
  const s = requirePositive('serviceTime', input.serviceTime);
  const rho = requireStableUtilization(lambda * s);
  return {
    arrivalRate: lambda,
    serviceTime: s,
    utilization: rho,
    meanInSystem: rho / (1 - rho),
    meanQueueLength: (rho * rho) / (1 - rho),
    meanResponse: s / (1 - rho),
    meanWait: (rho * s) / (1 - rho),
    probWait: rho,
  };
}

/** Convenience: M/M/1 at utilization ρ with service time S (default 1, so times come out in service times). */
export function mm1AtUtilization(utilization: number, serviceTime = 1): MM1Result {
  requireNonNegative('utilization', utilization);
  requireStableUtilization(utilization);
  requirePositive('serviceTime', serviceTime);
  return mm1({ arrivalRate: utilization / serviceTime, serviceTime });
}

/** P(exactly n in the system) = (1 − ρ) ρⁿ */
export function mm1ProbN(input: MM1Input, n: number): number {
  requireInteger('n', n, 0);
  const { utilization: rho } = mm1(input);
  return (1 - rho) * rho ** n;
}

/** The q-quantile of response time (wait plus service). */
export function mm1ResponsePercentile(input: MM1Input, q: number): number {
  requireQuantile('q', q);
  const { meanResponse } = mm1(input);
  return -Math.log1p(-q) * meanResponse;
}

/** P(response time ≤ t) */
export function mm1ResponseWithin(input: MM1Input, t: number): number {
  requireNonNegative('t', t);
  const { meanResponse } = mm1(input);
  return -Math.expm1(-t / meanResponse);
}

/** P(wait in queue ≤ t) = 1 − ρ e^{−(μ−λ)t} */
export function mm1WaitWithin(input: MM1Input, t: number): number {
  requireNonNegative('t', t);
  const { utilization: rho, meanResponse } = mm1(input);
  return 1 - rho * Math.exp(-t / meanResponse);
}
