/**
 * Error budgets and burn-rate alerting.
 *
 *   error budget (fraction)      = 1 − SLO
 *   allowed bad events           = (1 − SLO) × total events in the window
 *   allowed bad time             = (1 − SLO) × window length
 *   burn rate                    = observed error ratio / (1 − SLO)        (1 = exactly exhausts the budget)
 *   burn-rate alert threshold    = budget fraction consumed × SLO period / alert window
 *   time to exhaust the budget   = SLO period / burn rate
 *
 * With a 30-day SLO period, the Google SRE Workbook's recommended multi-window, multi-burn-rate alerts are:
 * page when 2 % of the budget burns in 1 h (burn rate 14.4, checked with a 5 min short window), page when 5 %
 * burns in 6 h (6, 30 min), open a ticket when 10 % burns in 3 days (1, 6 h). The short window (1/12 of the long
 * one) lets the alert reset quickly once the burn stops.
 *
 * Source: S. Thurgood et al., "Alerting on SLOs", ch. 5 of B. Beyer et al. (eds.), The Site Reliability
 * Workbook, O'Reilly, 2018, Table 5-8 and §"6: Multiwindow, Multi-Burn-Rate Alerts".
 */
import { requireFraction, requireNonNegative, requireOpenFraction, requirePositive } from './errors.ts';
import { SECONDS_PER_DAY, SECONDS_PER_HOUR, seconds, type Seconds } from './units.ts';

export const DEFAULT_SLO_PERIOD_S = 30 * SECONDS_PER_DAY;
/** The Workbook's short window is a twelfth of the long one. */
export const SHORT_WINDOW_DIVISOR = 12;

export interface ErrorBudget {
  readonly slo: number;
  readonly budgetFraction: number;
  readonly windowS: Seconds;
  readonly allowedBadTimeS: Seconds;
}

export function errorBudget(slo: number, windowS: number = DEFAULT_SLO_PERIOD_S): ErrorBudget {
  requireOpenFraction('slo', slo);
  requirePositive('windowS', windowS);
  return { slo, budgetFraction: 1 - slo, windowS: seconds(windowS), allowedBadTimeS: seconds((1 - slo) * windowS) };
}

export function allowedBadEvents(slo: number, totalEvents: number): number {
  requireOpenFraction('slo', slo);
  requireNonNegative('totalEvents', totalEvents);
  return (1 - slo) * totalEvents;
}

/** How fast the budget is being spent: 1 spends exactly the budget over the SLO period. */
export function burnRate(errorRatio: number, slo: number): number {
  requireFraction('errorRatio', errorRatio);
  requireOpenFraction('slo', slo);
  return errorRatio / (1 - slo);
}

/** The burn rate at which `budgetConsumed` of the budget is spent within `alertWindowS`. */
export function burnRateThreshold(budgetConsumed: number, alertWindowS: number, sloPeriodS: number = DEFAULT_SLO_PERIOD_S): number {
  requireOpenFraction('budgetConsumed', budgetConsumed);
  requirePositive('alertWindowS', alertWindowS);
  requirePositive('sloPeriodS', sloPeriodS);
  return (budgetConsumed * sloPeriodS) / alertWindowS;
}

export function timeToExhaustionS(rate: number, sloPeriodS: number = DEFAULT_SLO_PERIOD_S): Seconds {
  requirePositive('burnRate', rate);
  requirePositive('sloPeriodS', sloPeriodS);
  return seconds(sloPeriodS / rate);
}

export interface BurnRatePolicy {
  readonly severity: 'page' | 'ticket';
  readonly budgetConsumed: number;
  readonly longWindowS: number;
}

/** SRE Workbook (2018), ch. 5, Table 5-8. */
export const SRE_WORKBOOK_POLICIES: readonly BurnRatePolicy[] = [
  { severity: 'page', budgetConsumed: 0.02, longWindowS: 1 * SECONDS_PER_HOUR },
  { severity: 'page', budgetConsumed: 0.05, longWindowS: 6 * SECONDS_PER_HOUR },
  { severity: 'ticket', budgetConsumed: 0.1, longWindowS: 3 * SECONDS_PER_DAY },
];

export interface BurnRateAlert extends BurnRatePolicy {
  readonly shortWindowS: number;
  readonly burnRate: number;
  /** Alert when the error ratio over both windows exceeds this. */
  readonly errorRatioThreshold: number;
}

export function multiWindowAlerts(
  slo: number,
  sloPeriodS: number = DEFAULT_SLO_PERIOD_S,
  policies: readonly BurnRatePolicy[] = SRE_WORKBOOK_POLICIES,
): BurnRateAlert[] {
  requireOpenFraction('slo', slo);
  return policies.map((policy) => {
    const rate = burnRateThreshold(policy.budgetConsumed, policy.longWindowS, sloPeriodS);
    return {
      ...policy,
      shortWindowS: policy.longWindowS / SHORT_WINDOW_DIVISOR,
      burnRate: rate,
      // A threshold above 1 can never fire (error ratio is at most 1); reported as is so the reader sees why.
      errorRatioThreshold: rate * (1 - slo),
    };
  });
}
