/**
 * Amdahl's law (fixed problem size) and Gustafson's law (scaled problem size).
 *
 *   Amdahl:     S(N) = 1 / ((1 − p) + p / N),   limit as N → ∞: 1 / (1 − p)   (unbounded when p = 1)
 *   Gustafson:  S(N) = N − s (N − 1),          s = serial fraction of the *parallel* run's time
 *
 * p is the parallelisable fraction of the single-processor run time, N ≥ 1 processors (real-valued here so that
 * curves can be drawn; the CLI insists on whole processors). Speed-ups are dimensionless ratios.
 *
 * Sources: G. M. Amdahl, "Validity of the single processor approach to achieving large scale computing
 * capabilities", AFIPS Spring Joint Computer Conference, 1967; J. L. Gustafson, "Reevaluating Amdahl's law",
 * Communications of the ACM 31(5), 1988.
 */
import { ModelInputError, requireAtLeast, requireFraction } from '../errors.ts';

export function amdahlSpeedup(parallelFraction: number, processors: number): number {
  const p = requireFraction('parallelFraction', parallelFraction);
  const n = requireAtLeast('processors', processors, 1);
  return 1 / (1 - p + p / n);
}

export interface SpeedupLimit {
  /** 1 / (1 − p), or null when p = 1 and speed-up grows without bound. */
  readonly limit: number | null;
  readonly unbounded: boolean;
}

export function amdahlLimit(parallelFraction: number): SpeedupLimit {
  const p = requireFraction('parallelFraction', parallelFraction);
  return p === 1 ? { limit: null, unbounded: true } : { limit: 1 / (1 - p), unbounded: false };
}

/** Parallel efficiency: speed-up per processor. */
export function amdahlEfficiency(parallelFraction: number, processors: number): number {
  return amdahlSpeedup(parallelFraction, processors) / processors;
}

/** The fewest (real-valued) processors that reach `targetSpeedup`; the target must be below the limit. */
export function amdahlProcessorsFor(parallelFraction: number, targetSpeedup: number): number {
  const p = requireFraction('parallelFraction', parallelFraction);
  const target = requireAtLeast('targetSpeedup', targetSpeedup, 1);
  if (target === 1) return 1;
  const { limit } = amdahlLimit(p);
  if (limit !== null && target >= limit) {
    throw new ModelInputError('targetSpeedup', `must be below the Amdahl limit 1/(1 − p) = ${limit}`, target);
  }
  // Solve 1/target = (1 − p) + p/N for N.
  return p / (1 / target - (1 - p));
}

export function gustafsonSpeedup(serialFraction: number, processors: number): number {
  const s = requireFraction('serialFraction', serialFraction);
  const n = requireAtLeast('processors', processors, 1);
  return n - s * (n - 1);
}
