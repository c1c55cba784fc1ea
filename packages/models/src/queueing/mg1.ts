/**
 * M/G/1 and M/D/1 by the Pollaczek–Khinchine mean-value formula, and Kingman's G/G/1 approximation.
 *
 *   ρ  = λ E[S]
 *   Lq = ρ² (1 + Cs²) / (2 (1 − ρ))        Cs = σ_S / E[S], the coefficient of variation of service time
 *   Wq = Lq / λ,  W = Wq + E[S],  L = λ W   (Little's law)
 *   M/D/1 is Cs = 0 (half the M/M/1 queue); M/M/1 is Cs = 1.
 *   Kingman (G/G/1, heavy traffic): Wq ≈ (ρ / (1 − ρ)) · ((Ca² + Cs²) / 2) · E[S]
 *
 * Assumptions: Poisson arrivals (M/G/1), one server, FIFO, infinite queue, steady state, ρ < 1. Units as in mm1.ts.
 *
 * Sources: F. Pollaczek (1930) and A. Y. Khinchine (1932), as presented in L. Kleinrock, Queueing Systems,
 * Volume 1, Wiley, 1975, §5.6; J. F. C. Kingman, "The single server queue in heavy traffic", Mathematical
 * Proceedings of the Cambridge Philosophical Society 57(4), 1961.
 */
import { requireNonNegative, requirePositive } from '../errors.ts';
import { requireStableUtilization } from './mm1.ts';

export interface MG1Input {
  readonly arrivalRate: number;
  readonly serviceTime: number;
  /** Coefficient of variation of the service time (standard deviation / mean). 0 = deterministic, 1 = exponential. */
  readonly serviceTimeCv: number;
}

export interface MG1Result {
  readonly utilization: number;
  readonly meanQueueLength: number;
  readonly meanWait: number;
  readonly meanResponse: number;
  readonly meanInSystem: number;
}

export function mg1(input: MG1Input): MG1Result {
  const lambda = requirePositive('arrivalRate', input.arrivalRate);
  const s = requirePositive('serviceTime', input.serviceTime);
  const cv = requireNonNegative('serviceTimeCv', input.serviceTimeCv);
  const rho = requireStableUtilization(lambda * s);
  const lq = (rho * rho * (1 + cv * cv)) / (2 * (1 - rho));
  const wq = lq / lambda;
  const w = wq + s;
  return { utilization: rho, meanQueueLength: lq, meanWait: wq, meanResponse: w, meanInSystem: lambda * w };
}

/** M/D/1: constant service time. */
export function md1(input: { arrivalRate: number; serviceTime: number }): MG1Result {
  return mg1({ ...input, serviceTimeCv: 0 });
}

export interface KingmanInput {
  readonly arrivalRate: number;
  readonly serviceTime: number;
  /** Coefficient of variation of inter-arrival times (1 for Poisson). */
  readonly arrivalCv: number;
  readonly serviceTimeCv: number;
}

/** Kingman's approximation of the mean wait in a G/G/1 queue; exact for M/M/1 and M/G/1. */
export function kingmanWait(input: KingmanInput): number {
  const lambda = requirePositive('arrivalRate', input.arrivalRate);
  const s = requirePositive('serviceTime', input.serviceTime);
  const ca = requireNonNegative('arrivalCv', input.arrivalCv);
  const cs = requireNonNegative('serviceTimeCv', input.serviceTimeCv);
  const rho = requireStableUtilization(lambda * s);
  return (rho / (1 - rho)) * ((ca * ca + cs * cs) / 2) * s;
}
