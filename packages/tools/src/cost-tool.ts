/**
 * The Cost Analyzer's logic: total cost of ownership over a horizon (compute, storage, egress, people), on-demand
 * against committed use, cost per million requests, and what a cache tier saves. The island only renders this.
 *
 * Every figure comes from @compendium/models (cost.ts, caching.ts). Default prices come from the models' dated,
 * sourced price table (data/prices.ts); the committed-use price, the people cost and the cache's price are not in
 * that table, so their defaults are stated assumptions the reader is expected to replace.
 */
import {
  cacheTierEconomics,
  commitmentBreakEven,
  costPerMillionRequests,
  effectiveLatency,
  HOURS_PER_MONTH,
  instancesFor,
  monthlyComputeCost,
  PRICES,
  PRICES_AS_OF,
  type PriceId,
  totalCostOfOwnership,
} from '@compendium/models';
import { choiceField, type FieldSet, numberField, type ValuesOf } from './fields.ts';

export const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

const ON_DEMAND = PRICES.awsEc2M7iLargeUsEast1.value;
/** Assumption, not a list price: a commitment 40 % below on demand (the discount Axiom 8's example assumes). */
export const ASSUMED_COMMITMENT_DISCOUNT = 0.4;
export const DEFAULT_COMMITTED_HOURLY = Number((ON_DEMAND * (1 - ASSUMED_COMMITMENT_DISCOUNT)).toFixed(6));
/** Assumption, not a market figure: the reader's own fully loaded cost of one engineer for a year. */
export const DEFAULT_LOADED_COST_PER_FTE_YEAR = 200_000;

export const PLANS = ['on-demand', 'committed'] as const;
export type Plan = (typeof PLANS)[number];

export const costFields = {
  months: numberField({ key: 'months', label: 'Horizon', defaultValue: 24, min: 1, max: 1_200, integer: true }),
  instances: numberField({ key: 'instances', label: 'Instances', defaultValue: 6, min: 1, max: 1_000_000, integer: true }),
  hourly: numberField({ key: 'hourly', label: 'On-demand price', defaultValue: ON_DEMAND, above: 0, max: 10_000, unit: 'USD per hour' }),
  committed: numberField({ key: 'committed', label: 'Committed-use price', defaultValue: DEFAULT_COMMITTED_HOURLY, min: 0, max: 10_000, unit: 'USD per hour' }),
  used: numberField({ key: 'used', label: 'Share of hours needed', defaultValue: 1, min: 0, max: 1 }),
  plan: choiceField<Plan>('plan', 'Compute priced', PLANS, 'on-demand'),
  storage: numberField({ key: 'storage', label: 'Storage', defaultValue: 2_000, min: 0, max: 1e9, unit: 'GB' }),
  storagePrice: numberField({
    key: 'storageprice',
    label: 'Storage price',
    defaultValue: PRICES.awsS3StandardUsEast1.value,
    min: 0,
    max: 1_000,
    unit: 'USD per GB-month',
  }),
  egress: numberField({ key: 'egress', label: 'Egress', defaultValue: 5_000, min: 0, max: 1e9, unit: 'GB per month' }),
  egressPrice: numberField({ key: 'egressprice', label: 'Egress price', defaultValue: PRICES.awsDataTransferOutUsEast1.value, min: 0, max: 1_000, unit: 'USD per GB' }),
  people: numberField({ key: 'fte', label: 'People', defaultValue: 1, min: 0, max: 100_000, unit: 'FTE' }),
  loaded: numberField({ key: 'loaded', label: 'Loaded cost per FTE-year', defaultValue: DEFAULT_LOADED_COST_PER_FTE_YEAR, min: 0, max: 1e8, unit: 'USD' }),
  rate: numberField({ key: 'rate', label: 'Request rate', defaultValue: 300, above: 0, max: 1e9, unit: 'per second' }),
  hit: numberField({ key: 'hit', label: 'Cache hit ratio', defaultValue: 0.8, min: 0, max: 1 }),
  cacheNodes: numberField({ key: 'cachenodes', label: 'Cache nodes', defaultValue: 1, min: 0, max: 100_000, integer: true }),
  cachePrice: numberField({ key: 'cacheprice', label: 'Cache node price', defaultValue: ON_DEMAND, min: 0, max: 10_000, unit: 'USD per hour' }),
  hitMs: numberField({ key: 'hitms', label: 'Hit latency', defaultValue: 1, min: 0, max: 1e6, unit: 'ms' }),
  missMs: numberField({ key: 'missms', label: 'Miss latency', defaultValue: 20, min: 0, max: 1e6, unit: 'ms' }),
} satisfies FieldSet;

export type CostValues = ValuesOf<typeof costFields>;
export type CostFieldName = keyof typeof costFields;

/** A row of the price table: a dated, sourced list price and the input it can fill. */
export interface PriceRow {
  id: PriceId;
  description: string;
  value: number;
  unit: string;
  asOf: string;
  /** The provider's page, as a link target (always https). */
  sourceUrl: string;
  /** Any words after the address in the source, e.g. the section of the page. */
  sourceNote: string;
  field: 'hourly' | 'storagePrice' | 'egressPrice';
}

const FIELD_FOR_UNIT = { 'USD/hour': 'hourly', 'USD/GB-month': 'storagePrice', 'USD/GB': 'egressPrice' } as const;

export const PRICE_ROWS: readonly PriceRow[] = (Object.keys(PRICES) as PriceId[]).map((id) => {
  const price = PRICES[id];
  const [url = '', ...rest] = price.source.split(' ');
  return {
    id,
    description: price.description,
    value: price.value,
    unit: price.unit,
    asOf: PRICES_AS_OF,
    sourceUrl: url.startsWith('https://') ? url : '',
    sourceNote: rest.join(' ').replace(/^\((.*)\)$/, '$1'),
    field: FIELD_FOR_UNIT[price.unit],
  };
});

/** The price-table row a default came from, for the date and source beside each price input. */
export const DEFAULT_PRICE_SOURCES = {
  hourly: PRICE_ROWS.find((r) => r.id === 'awsEc2M7iLargeUsEast1')!,
  storagePrice: PRICE_ROWS.find((r) => r.id === 'awsS3StandardUsEast1')!,
  egressPrice: PRICE_ROWS.find((r) => r.id === 'awsDataTransferOutUsEast1')!,
};

export type Section<T> = ({ ok: true } & T) | { ok: false; message: string };

/** The path to the first number in a value that is NaN or infinite, if any. */
export function nonFinitePath(value: unknown, path: string): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path;
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = nonFinitePath(inner, Array.isArray(value) ? path : key);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Runs one part of the report; a model's refusal becomes a readable message instead of a crash, and so does any
 * figure that is not a finite number (a price of 1e-320 USD makes a ratio overflow), so none ever reaches the page.
 */
export function attempt<T extends object>(what: string, compute: () => T): Section<T> {
  try {
    const result = compute();
    const bad = nonFinitePath(result, what);
    if (bad) throw new Error(`${bad} would not be a finite number for these inputs`);
    return { ok: true, ...result };
  } catch (error) {
    return { ok: false, message: `The ${what} cannot be computed: ${error instanceof Error ? error.message : String(error)}.` };
  }
}

/** Round numbers for an axis from 0 to at least `max`: steps of 1, 2 or 5 times a power of ten. */
export function niceTicks(max: number, target = 5): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const rough = max / target;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power) as number;
  const ticks: number[] = [];
  for (let i = 0; ticks.length === 0 || ticks.at(-1)! < max * (1 - 1e-12); i++) ticks.push(i * step);
  return ticks;
}

export const CATEGORIES = ['compute', 'storage', 'egress', 'people'] as const;
export type Category = (typeof CATEGORIES)[number];

/** How many points the on-demand/committed and cache curves are drawn with (0 to 100 %). */
export const CURVE_STEPS = 100;

export function costReport(values: CostValues) {
  const { months, instances, hourly, committed, used, plan, rate, hit } = values;
  /** Average price per instance per clock hour under the chosen plan: on demand pays only the hours needed. */
  const effectiveHourly = plan === 'committed' ? committed : hourly * used;
  const requestsPerMonth = rate * SECONDS_PER_MONTH;

  const tco = attempt('total cost of ownership', () => {
    const result = totalCostOfOwnership({
      horizonMonths: months,
      instances,
      hourlyPrice: effectiveHourly,
      storageGb: values.storage,
      storagePricePerGbMonth: values.storagePrice,
      egressGbPerMonth: values.egress,
      egressPricePerGb: values.egressPrice,
      engineers: values.people,
      costPerEngineerYear: values.loaded,
    });
    const { monthly, overHorizon } = result;
    const share = (category: Category) => (monthly.total > 0 ? monthly[category] / monthly.total : 0);
    const stride = Math.max(1, Math.ceil(months / 240));
    const monthsDrawn = Array.from({ length: Math.floor(months / stride) + 1 }, (_, i) => i * stride);
    if (monthsDrawn.at(-1) !== months) monthsDrawn.push(months);
    const cumulative = monthsDrawn.map((month) => ({
      month,
      compute: monthly.compute * month,
      storage: monthly.storage * month,
      egress: monthly.egress * month,
      people: monthly.people * month,
      total: monthly.total * month,
    }));
    const largest = CATEGORIES.reduce<Category>((best, c) => (monthly[c] > monthly[best] ? c : best), 'compute');
    return { monthly, overHorizon, shares: Object.fromEntries(CATEGORIES.map((c) => [c, share(c)])) as Record<Category, number>, cumulative, largest };
  });

  const commitment = attempt('commitment comparison', () => {
    const breakEven = commitmentBreakEven(hourly, committed);
    const onDemandMonthly = monthlyComputeCost(instances, hourly) * used;
    const committedMonthly = monthlyComputeCost(instances, committed);
    const cheaper: Plan | 'equal' = committedMonthly < onDemandMonthly ? 'committed' : committedMonthly > onDemandMonthly ? 'on-demand' : 'equal';
    const fullMonth = monthlyComputeCost(instances, hourly);
    const curve = Array.from({ length: CURVE_STEPS + 1 }, (_, i) => ({ used: i / CURVE_STEPS, onDemand: (fullMonth * i) / CURVE_STEPS, committed: committedMonthly }));
    return {
      ...breakEven,
      onDemandMonthly,
      committedMonthly,
      onDemandOverHorizon: onDemandMonthly * months,
      committedOverHorizon: committedMonthly * months,
      savingOverHorizon: Math.abs(onDemandMonthly - committedMonthly) * months,
      cheaper,
      curve,
    };
  });

  const perMillion = attempt('cost per million requests', () => {
    if (!tco.ok) throw new Error('it needs the total cost of ownership');
    const m = tco.monthly;
    return {
      requestsPerMonth,
      total: costPerMillionRequests(m.total, requestsPerMonth),
      infrastructure: costPerMillionRequests(m.compute + m.storage + m.egress, requestsPerMonth),
      compute: costPerMillionRequests(m.compute, requestsPerMonth),
      people: costPerMillionRequests(m.people, requestsPerMonth),
    };
  });

  const cache = attempt('cache tier', () => {
    const perInstance = rate / instances;
    /** Origin instances for the misses, sized like today's fleet (same load per instance), at least one. */
    const originFor = (h: number) => Math.min(instances, instancesFor(rate * (1 - h), perInstance));
    const originAfter = originFor(hit);
    const instancesSaved = instances - originAfter;
    const instanceMonthly = monthlyComputeCost(1, effectiveHourly);
    const cacheMonthly = monthlyComputeCost(values.cacheNodes, values.cachePrice);
    const originSavedMonthly = instancesSaved * instanceMonthly;
    const netMonthly = originSavedMonthly - cacheMonthly;
    const originComputeMonthly = monthlyComputeCost(instances, effectiveHourly);
    const proportional = cacheTierEconomics({
      requestsPerMonth,
      hitRatio: hit,
      originCostPerMillion: costPerMillionRequests(originComputeMonthly, requestsPerMonth),
      cacheCostPerMonth: cacheMonthly,
    });
    // In whole instances the cache pays once it frees k = ⌈cache cost / instance cost⌉ instances, which happens at
    // h = k / instances; the origin always keeps one instance, so k must stay below the fleet.
    const needed = cacheMonthly === 0 ? 0 : instanceMonthly > 0 ? Math.ceil((cacheMonthly / instanceMonthly) * (1 - 1e-12)) : Number.POSITIVE_INFINITY;
    const wholeBreakEven = needed <= instances - 1 ? needed / instances : null;
    const curve = Array.from({ length: CURVE_STEPS + 1 }, (_, i) => {
      const h = i / CURVE_STEPS;
      return {
        hit: h,
        whole: (instances - originFor(h)) * instanceMonthly - cacheMonthly,
        proportional: h * originComputeMonthly - cacheMonthly,
      };
    });
    return {
      originBefore: instances,
      originAfter,
      instancesSaved,
      instanceMonthly,
      cacheMonthly,
      originSavedMonthly,
      netMonthly,
      netOverHorizon: netMonthly * months,
      wholeBreakEven,
      proportional,
      latencyWithout: values.missMs,
      latencyWith: effectiveLatency(hit, values.hitMs, values.missMs),
      curve,
    };
  });

  /** The horizon's total with the cache tier: the origin instances it frees, less what it costs. */
  const totalWithCache = tco.ok && cache.ok ? tco.overHorizon.total - cache.netOverHorizon : undefined;

  return { effectiveHourly, requestsPerMonth, tco, commitment, perMillion, cache, totalWithCache };
}

export type CostReport = ReturnType<typeof costReport>;
