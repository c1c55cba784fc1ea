/**
 * Capacity planning: headroom, growth and redundancy.
 *
 *   required capacity        = peak load / target utilization
 *   headroom                 = 1 − load / capacity
 *   load after m months      = load × (1 + g)^m                  (compound monthly growth g)
 *   months until exhausted   = ln(usable capacity / load) / ln(1 + g),  usable = capacity × target utilization
 *   N + k nodes              = ⌈peak / (per-node capacity × target utilization)⌉ + k
 *
 * Why a utilization target below 1: queueing delay grows as 1/(1 − ρ) (see queueing/mm1.ts), so running at 90 %
 * instead of 70 % multiplies waiting time by three. Units: load and capacity in any common unit (req/s, cores).
 *
 * Sources: J. Allspaw, The Art of Capacity Planning, O'Reilly, 2008, ch. 3–4; B. Beyer et al., Site Reliability
 * Engineering, O'Reilly, 2016, ch. 18 ("N + 2" provisioning).
 */
import { ModelInputError, requireFinite, requireInteger, requireNonNegative, requirePositive } from './errors.ts';

function requireUtilizationTarget(target: number): number {
  requireFinite('targetUtilization', target);
  if (target <= 0 || target > 1) throw new ModelInputError('targetUtilization', 'must be above 0 and at most 1', target);
  return target;
}

export function requiredCapacity(peakLoad: number, targetUtilization: number): number {
  requireNonNegative('peakLoad', peakLoad);
  return peakLoad / requireUtilizationTarget(targetUtilization);
}

/** Spare fraction of capacity; negative when overloaded. */
export function headroom(load: number, capacity: number): number {
  requireNonNegative('load', load);
  requirePositive('capacity', capacity);
  return 1 - load / capacity;
}

function requireGrowth(monthlyGrowth: number): number {
  requireFinite('monthlyGrowth', monthlyGrowth);
  if (monthlyGrowth <= -1) throw new ModelInputError('monthlyGrowth', 'must be above −1 (−100 % a month)', monthlyGrowth);
  return monthlyGrowth;
}

export function projectLoad(load: number, monthlyGrowth: number, months: number): number {
  requireNonNegative('load', load);
  requireGrowth(monthlyGrowth);
  requireNonNegative('months', months);
  const projected = load * Math.exp(months * Math.log1p(monthlyGrowth));
  if (!Number.isFinite(projected)) throw new ModelInputError('months', 'is too far ahead: the projected load overflows', months);
  return projected;
}

export interface ExhaustionInput {
  readonly load: number;
  readonly capacity: number;
  readonly monthlyGrowth: number;
  readonly targetUtilization?: number;
}

export interface ExhaustionResult {
  /** Months until load reaches usable capacity; 0 if already there; null if it never will (no growth). */
  readonly months: number | null;
  readonly usableCapacity: number;
}

export function monthsUntilExhausted(input: ExhaustionInput): ExhaustionResult {
  const load = requirePositive('load', input.load);
  const capacity = requirePositive('capacity', input.capacity);
  const g = requireGrowth(input.monthlyGrowth);
  const usable = capacity * requireUtilizationTarget(input.targetUtilization ?? 1);
  if (load >= usable) return { months: 0, usableCapacity: usable };
  if (g <= 0) return { months: null, usableCapacity: usable };
  return { months: Math.log(usable / load) / Math.log1p(g), usableCapacity: usable };
}

export interface RedundancyInput {
  readonly peakLoad: number;
  readonly perNodeCapacity: number;
  /** Spare nodes beyond those needed for peak: 1 survives a failure, 2 survives one during maintenance. */
  readonly spares: number;
  readonly targetUtilization?: number;
}

export interface RedundancyResult {
  readonly nodesForPeak: number;
  readonly totalNodes: number;
  /** Utilization at peak with every node up. */
  readonly utilizationAllUp: number;
  /** Utilization at peak with `spares` nodes down. */
  readonly utilizationSparesDown: number;
}

export function nPlusK(input: RedundancyInput): RedundancyResult {
  const peak = requireNonNegative('peakLoad', input.peakLoad);
  const perNode = requirePositive('perNodeCapacity', input.perNodeCapacity);
  const k = requireInteger('spares', input.spares, 0);
  const target = requireUtilizationTarget(input.targetUtilization ?? 1);
  const exact = peak / (perNode * target);
  // Forgive floating-point noise such as 1.1 / 0.1 = 11.000000000000002, which must need 11 nodes, not 12.
  const nodesForPeak = Math.max(1, Math.ceil(exact * (1 - 1e-12)));
  const total = nodesForPeak + k;
  return {
    nodesForPeak,
    totalNodes: total,
    utilizationAllUp: peak / (total * perNode),
    utilizationSparesDown: peak / (nodesForPeak * perNode),
  };
}
