/**
 * Cost models: total cost of ownership, commitment break-even, unit cost.
 *
 *   TCO over H months = H × (compute + storage + egress + people) per month
 *     compute = instances × hourly price × 730 h      (730 = 8,760 h / 12, the hours-per-month convention of the
 *                                                       AWS and Google Cloud pricing calculators)
 *     storage = GB stored × price per GB-month;  egress = GB out per month × price per GB
 *     people  = engineers × fully loaded cost per year / 12
 *   break-even utilization of a commitment = committed hourly rate / on-demand hourly rate
 *     (a commitment is paid every hour; on demand is paid only for hours used, so the commitment wins when the
 *     fraction of hours the capacity is actually needed exceeds the ratio)
 *   cost per million requests = monthly cost / monthly requests × 10⁶
 *
 * Default prices come from ./data/prices.ts (dated, with sources); every function accepts overrides.
 *
 * Source: J. R. Storment & M. Fuller, Cloud FinOps, 2nd ed., O'Reilly, 2023, ch. 13–14 (commitments, unit
 * economics).
 */
import { requireFinite, requireNonNegative, requirePositive } from './errors.ts';
import { PRICES } from './data/prices.ts';

export const HOURS_PER_MONTH = 730;
export const MONTHS_PER_YEAR = 12;

export interface TcoInput {
  readonly horizonMonths: number;
  readonly instances: number;
  readonly hourlyPrice?: number;
  readonly storageGb?: number;
  readonly storagePricePerGbMonth?: number;
  readonly egressGbPerMonth?: number;
  readonly egressPricePerGb?: number;
  readonly engineers?: number;
  readonly costPerEngineerYear?: number;
}

export interface CostBreakdown {
  readonly compute: number;
  readonly storage: number;
  readonly egress: number;
  readonly people: number;
  readonly total: number;
}

export interface TcoResult {
  readonly monthly: CostBreakdown;
  readonly overHorizon: CostBreakdown;
  readonly horizonMonths: number;
}

export function monthlyComputeCost(instances: number, hourlyPrice: number = PRICES.awsEc2M7iLargeUsEast1.value): number {
  requireNonNegative('instances', instances);
  requireNonNegative('hourlyPrice', hourlyPrice);
  return instances * hourlyPrice * HOURS_PER_MONTH;
}

export function totalCostOfOwnership(input: TcoInput): TcoResult {
  const horizon = requirePositive('horizonMonths', input.horizonMonths);
  const compute = monthlyComputeCost(input.instances, input.hourlyPrice ?? PRICES.awsEc2M7iLargeUsEast1.value);
  const storage =
    requireNonNegative('storageGb', input.storageGb ?? 0) *
    requireNonNegative('storagePricePerGbMonth', input.storagePricePerGbMonth ?? PRICES.awsS3StandardUsEast1.value);
  const egress =
    requireNonNegative('egressGbPerMonth', input.egressGbPerMonth ?? 0) *
    requireNonNegative('egressPricePerGb', input.egressPricePerGb ?? PRICES.awsDataTransferOutUsEast1.value);
  const people =
    (requireNonNegative('engineers', input.engineers ?? 0) * requireNonNegative('costPerEngineerYear', input.costPerEngineerYear ?? 0)) /
    MONTHS_PER_YEAR;
  const monthly = { compute, storage, egress, people, total: compute + storage + egress + people };
  const scale = (x: number) => requireFinite('horizonMonths', x * horizon);
  return {
    monthly,
    overHorizon: {
      compute: scale(compute),
      storage: scale(storage),
      egress: scale(egress),
      people: scale(people),
      total: scale(monthly.total),
    },
    horizonMonths: horizon,
  };
}

export interface CommitmentBreakEven {
  /** Fraction of hours the capacity must be needed for the commitment to be cheaper than on demand. */
  readonly breakEvenUtilization: number;
  /** The commitment's discount on the on-demand rate (negative if it costs more). */
  readonly discount: number;
  /** False when the committed rate is not below the on-demand rate: then it never pays. */
  readonly canPay: boolean;
}

export function commitmentBreakEven(onDemandHourly: number, committedHourly: number): CommitmentBreakEven {
  const onDemand = requirePositive('onDemandHourly', onDemandHourly);
  const committed = requireNonNegative('committedHourly', committedHourly);
  const ratio = committed / onDemand;
  return { breakEvenUtilization: Math.min(ratio, 1), discount: 1 - ratio, canPay: ratio < 1 };
}

export function costPerMillionRequests(monthlyCost: number, requestsPerMonth: number): number {
  requireNonNegative('monthlyCost', monthlyCost);
  requirePositive('requestsPerMonth', requestsPerMonth);
  return (monthlyCost / requestsPerMonth) * 1e6;
}

/** Instances needed to serve `requestsPerSecond` when one instance serves `perInstance` at the target. */
export function instancesFor(requestsPerSecond: number, perInstance: number): number {
  requireNonNegative('requestsPerSecond', requestsPerSecond);
  requirePositive('perInstance', perInstance);
  return Math.max(1, Math.ceil((requestsPerSecond / perInstance) * (1 - 1e-12)));
}

