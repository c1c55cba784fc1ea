/**
 * Little's law: L = λ W.
 *
 * The long-run average number of items in a system (L) equals the long-run arrival rate (λ) times the average
 * time an item spends in it (W). It holds for any stable system in steady state, whatever the arrival and
 * service distributions or the queueing discipline. Units: λ per unit time, W in the same time unit, L a count.
 *
 * Source: J. D. C. Little, "A Proof for the Queuing Formula: L = λW", Operations Research 9(3), 1961, pp. 383–387.
 */
import { ModelInputError, requireNonNegative, requirePositive } from '../errors.ts';

/** L = λ W */
export function littlesItems(arrivalRate: number, timeInSystem: number): number {
  requireNonNegative('arrivalRate', arrivalRate);
  requireNonNegative('timeInSystem', timeInSystem);
  return arrivalRate * timeInSystem;
}

/** λ = L / W */
export function littlesArrivalRate(itemsInSystem: number, timeInSystem: number): number {
  requireNonNegative('itemsInSystem', itemsInSystem);
  requirePositive('timeInSystem', timeInSystem);
  return itemsInSystem / timeInSystem;
}

/** W = L / λ */
export function littlesTime(itemsInSystem: number, arrivalRate: number): number {
  requireNonNegative('itemsInSystem', itemsInSystem);
  requirePositive('arrivalRate', arrivalRate);
  return itemsInSystem / arrivalRate;
}

export interface LittlesLawInput {
  readonly arrivalRate?: number;
  readonly timeInSystem?: number;
  readonly itemsInSystem?: number;
}

export interface LittlesLawResult {
  readonly arrivalRate: number;
  readonly timeInSystem: number;
  readonly itemsInSystem: number;
  readonly solvedFor: 'arrivalRate' | 'timeInSystem' | 'itemsInSystem';
}

/** Give exactly two of the three quantities; the third is solved for. */
export function littlesLaw(input: LittlesLawInput): LittlesLawResult {
  const given = (['arrivalRate', 'timeInSystem', 'itemsInSystem'] as const).filter((k) => input[k] !== undefined);
  if (given.length !== 2) {
    throw new ModelInputError('input', 'must give exactly two of arrivalRate, timeInSystem, itemsInSystem', given.join(', ') || 'none');
  }
  const { arrivalRate, timeInSystem, itemsInSystem } = input;
  if (itemsInSystem === undefined) {
    return { arrivalRate: arrivalRate!, timeInSystem: timeInSystem!, itemsInSystem: littlesItems(arrivalRate!, timeInSystem!), solvedFor: 'itemsInSystem' };
  }
  if (arrivalRate === undefined) {
    return { arrivalRate: littlesArrivalRate(itemsInSystem, timeInSystem!), timeInSystem: timeInSystem!, itemsInSystem, solvedFor: 'arrivalRate' };
  }
  return { arrivalRate, timeInSystem: littlesTime(itemsInSystem, arrivalRate), itemsInSystem, solvedFor: 'timeInSystem' };
}
