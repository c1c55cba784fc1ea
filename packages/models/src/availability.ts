/**
 * Availability arithmetic: downtime budgets, composition, and MTBF/MTTR.
 *
 *   downtime over a window = (1 − A) × window
 *   series (all must work):        A = Π Aᵢ
 *   parallel (any one suffices):   A = 1 − Π (1 − Aᵢ)
 *   k-of-n identical components:   A = Σ_{j=k..n} C(n, j) aʲ (1 − a)ⁿ⁻ʲ      (binomial)
 *   steady state from repair:      A = MTBF / (MTBF + MTTR)
 *
 * Windows: a year is the Julian year of 365.25 days (31,557,600 s), the convention of the astronomers and of
 * most SLA calculators; a month is a twelfth of that (30.4375 days), as the SPEC requires; a "30-day month" is
 * reported separately because many SLAs define it. 99.99 % is therefore 52.596 minutes a year.
 *
 * Assumptions: failures are independent (composition), components are identical (k-of-n), and failures and
 * repairs alternate with the given means (MTBF/MTTR). Correlated failures, the usual cause of real outages,
 * make every composed figure here an upper bound.
 *
 * Sources: E. Bauer & R. Adams, Reliability and Availability of Cloud Computing, Wiley-IEEE, 2012, ch. 3;
 * B. Beyer et al., Site Reliability Engineering, O'Reilly, 2016, ch. 3 ("Embracing Risk"), availability table.
 */
import { ModelInputError, requireFraction, requireInteger, requireNonEmpty, requireNonNegative, requirePercent, requirePositive } from './errors.ts';
import { SECONDS_PER_DAY, SECONDS_PER_YEAR, seconds, type Seconds } from './units.ts';

export const SECONDS_PER_MONTH = SECONDS_PER_YEAR / 12;
export const SECONDS_PER_30_DAY_MONTH = 30 * SECONDS_PER_DAY;
export const SECONDS_PER_WEEK = 7 * SECONDS_PER_DAY;

export interface DowntimeBudget {
  /** Availability as a fraction (99.99 % → 0.9999). */
  readonly availability: number;
  readonly downtimePerYearS: Seconds;
  /** A twelfth of a Julian year. */
  readonly downtimePerMonthS: Seconds;
  readonly downtimePer30DayMonthS: Seconds;
  readonly downtimePerWeekS: Seconds;
  readonly downtimePerDayS: Seconds;
}

/** Allowed downtime per year, month, week and day for an availability given as a percentage (e.g. 99.99). */
export function downtimeFromPercent(availabilityPercent: number): DowntimeBudget {
  requirePercent('availabilityPercent', availabilityPercent);
  return downtimeFromFraction(availabilityPercent / 100);
}

export function downtimeFromFraction(availability: number): DowntimeBudget {
  const a = requireFraction('availability', availability);
  const unavailability = 1 - a;
  return {
    availability: a,
    downtimePerYearS: seconds(unavailability * SECONDS_PER_YEAR),
    downtimePerMonthS: seconds(unavailability * SECONDS_PER_MONTH),
    downtimePer30DayMonthS: seconds(unavailability * SECONDS_PER_30_DAY_MONTH),
    downtimePerWeekS: seconds(unavailability * SECONDS_PER_WEEK),
    downtimePerDayS: seconds(unavailability * SECONDS_PER_DAY),
  };
}

/** Allowed downtime over an arbitrary period of `windowS` seconds. */
export function allowedDowntimeS(availability: number, windowS: number): Seconds {
  requireFraction('availability', availability);
  requireNonNegative('windowS', windowS);
  return seconds((1 - availability) * windowS);
}

/** "Number of nines": −log10(1 − A). 0.999 → 3. Null for A = 1, which has infinitely many. */
export function countNines(availability: number): number | null {
  const a = requireFraction('availability', availability);
  return a === 1 ? null : -Math.log10(1 - a);
}

function requireFractions(name: string, values: readonly number[]): readonly number[] {
  requireNonEmpty(name, values);
  for (const [i, v] of values.entries()) requireFraction(`${name}[${i}]`, v);
  return values;
}

export function seriesAvailability(availabilities: readonly number[]): number {
  return requireFractions('availabilities', availabilities).reduce((product, a) => product * a, 1);
}

export function parallelAvailability(availabilities: readonly number[]): number {
  const allDown = requireFractions('availabilities', availabilities).reduce((product, a) => product * (1 - a), 1);
  return 1 - allDown;
}

/** Largest n for k-of-n; the O(n) sum is cheap, this only stops absurd inputs. */
export const MAX_COMPONENTS = 1_000_000;

/** P(at least k of n identical, independent components with availability a are up). */
export function kOfNAvailability(k: number, n: number, availability: number): number {
  requireInteger('n', n, 1);
  if (n > MAX_COMPONENTS) throw new ModelInputError('n', `must be at most ${MAX_COMPONENTS}`, n);
  requireInteger('k', k, 0);
  if (k > n) throw new ModelInputError('k', `must be at most n (${n})`, k);
  const a = requireFraction('availability', availability);
  if (k === 0) return 1;
  if (a === 0) return 0;
  if (a === 1) return 1;
  // Binomial terms in log space (no factorials, no overflow); sum whichever tail is smaller and complement it,
  // so that 0.9999999 does not collapse to 1 − (rounding error).
  const logA = Math.log(a);
  const logB = Math.log1p(-a);
  let logChoose = 0; // log C(n, 0)
  let upper = 0;
  let lower = 0;
  for (let j = 0; j <= n; j++) {
    if (j > 0) logChoose += Math.log((n - j + 1) / j);
    const term = Math.exp(logChoose + j * logA + (n - j) * logB);
    if (j >= k) upper += term;
    else lower += term;
  }
  return upper <= lower ? upper : 1 - lower;
}

/** Steady-state availability from mean time between failures and mean time to repair (same unit). */
export function availabilityFromMtbf(mtbf: number, mttr: number): number {
  requirePositive('mtbf', mtbf);
  requireNonNegative('mttr', mttr);
  return mtbf / (mtbf + mttr);
}

/** The MTTR that meets `availability` given an MTBF: MTTR = MTBF (1 − A) / A. */
export function maxMttrFor(availability: number, mtbf: number): number {
  const a = requireFraction('availability', availability);
  requirePositive('mtbf', mtbf);
  if (a === 0) throw new ModelInputError('availability', 'must be greater than 0', a);
  return (mtbf * (1 - a)) / a;
}
