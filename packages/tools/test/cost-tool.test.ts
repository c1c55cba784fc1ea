import {
  cacheTierEconomics,
  commitmentBreakEven,
  costPerMillionRequests,
  effectiveLatency,
  PRICES,
  PRICES_AS_OF,
  totalCostOfOwnership,
} from '@compendium/models';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attempt,
  type CostValues,
  costFields,
  costReport,
  DEFAULT_COMMITTED_HOURLY,
  DEFAULT_PRICE_SOURCES,
  niceTicks,
  PRICE_ROWS,
  SECONDS_PER_MONTH,
} from '../src/cost-tool.ts';
import { defaultRaw, readState, writeState } from '../src/fields.ts';
import { costToolUrl } from '../src/links.ts';

const stateFor = (query: string) => readState(costFields, query);
const reportFor = (query: string) => costReport(stateFor(query).values);

function ok<T>(section: { ok: true } & T): T;
function ok<T>(section: ({ ok: true } & T) | { ok: false; message: string }): T;
function ok<T>(section: ({ ok: true } & T) | { ok: false; message: string }): T {
  if (!section.ok) throw new Error(section.message);
  return section;
}

/** Every number anywhere in a value, with the path to it. */
function numbersIn(value: unknown, path = 'report'): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbersIn(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => numbersIn(v, `${path}.${k}`));
  return [];
}

describe('the Cost Analyzer', () => {
  it('opens on a modest, healthy service priced from the dated table', () => {
    const state = stateFor('');
    expect(state.errors).toEqual({});
    expect(state.values.hourly).toBe(PRICES.awsEc2M7iLargeUsEast1.value);
    expect(state.values.storagePrice).toBe(PRICES.awsS3StandardUsEast1.value);
    expect(state.values.egressPrice).toBe(PRICES.awsDataTransferOutUsEast1.value);
    const report = costReport(state.values);
    const tco = ok(report.tco);
    // 6 × 0.1008 USD × 730 h; 2,000 GB × 0.023; 5,000 GB × 0.09; 1 FTE × 200,000 / 12.
    expect(tco.monthly.compute).toBeCloseTo(441.504, 9);
    expect(tco.monthly.storage).toBeCloseTo(46, 9);
    expect(tco.monthly.egress).toBeCloseTo(450, 9);
    expect(tco.monthly.people).toBeCloseTo(16_666.666_667, 5);
    expect(tco.overHorizon.total).toBeCloseTo(24 * (441.504 + 46 + 450 + 200_000 / 12), 6);
    expect(tco.largest).toBe('people');
    expect(Object.values(tco.shares).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);

    const commitment = ok(report.commitment);
    expect(commitment.breakEvenUtilization).toBeCloseTo(0.6, 12);
    expect(commitment.cheaper).toBe('committed');

    const perMillion = ok(report.perMillion);
    expect(perMillion.requestsPerMonth).toBe(300 * 730 * 3600);
    expect(perMillion.total).toBeCloseTo(22.33, 2);

    const cache = ok(report.cache);
    expect(cache.originAfter).toBe(2); // ⌈6 × 0.2⌉
    expect(cache.instancesSaved).toBe(4);
    expect(cache.netMonthly).toBeGreaterThan(0);
    expect(cache.latencyWith).toBeCloseTo(4.8, 12);
    expect(cache.latencyWithout).toBe(20);
  });

  it('writes nothing to the URL for the defaults and only the changed keys otherwise', () => {
    expect(writeState(costFields, defaultRaw(costFields))).toBe('');
    const raw = { ...defaultRaw(costFields), months: '36', hit: '0.9', people: '2.5', storagePrice: '0.02' };
    expect(writeState(costFields, raw)).toBe('?months=36&storageprice=0.02&fte=2.5&hit=0.9');
    expect(stateFor(writeState(costFields, raw)).values).toMatchObject({ months: 36, hit: 0.9, people: 2.5, storagePrice: 0.02 });
  });

  it('reads the links Axiom 8 builds and agrees with the models on every figure', () => {
    const hourly = PRICES.awsEc2M7iLargeUsEast1.value;
    const url = new URL(costToolUrl({ months: 12, instances: 4, hourly, committedHourly: 0.06048, egressGbPerMonth: 5256, rate: 100, hitRatio: 0.7 }), 'http://x');
    const state = stateFor(url.search);
    expect(state.errors).toEqual({});
    const values = state.values;
    const report = costReport(values);
    const expected = totalCostOfOwnership({
      horizonMonths: 12,
      instances: 4,
      hourlyPrice: hourly,
      storageGb: 2_000,
      storagePricePerGbMonth: PRICES.awsS3StandardUsEast1.value,
      egressGbPerMonth: 5256,
      egressPricePerGb: PRICES.awsDataTransferOutUsEast1.value,
      engineers: 1,
      costPerEngineerYear: 200_000,
    });
    expect(ok(report.tco).monthly).toEqual(expected.monthly);
    expect(ok(report.tco).overHorizon).toEqual(expected.overHorizon);
    const requests = 100 * SECONDS_PER_MONTH;
    expect(ok(report.perMillion).total).toBe(costPerMillionRequests(expected.monthly.total, requests));
    expect(ok(report.perMillion).compute).toBe(costPerMillionRequests(expected.monthly.compute, requests));
    expect(ok(report.commitment).breakEvenUtilization).toBe(commitmentBreakEven(hourly, 0.06048).breakEvenUtilization);
    const cache = ok(report.cache);
    expect(cache.proportional).toEqual(
      cacheTierEconomics({
        requestsPerMonth: requests,
        hitRatio: 0.7,
        originCostPerMillion: costPerMillionRequests(expected.monthly.compute, requests),
        cacheCostPerMonth: hourly * 730,
      }),
    );
    expect(cache.latencyWith).toBe(effectiveLatency(0.7, 1, 20));
    expect(cache.originAfter).toBe(2); // ⌈4 × 0.3⌉ = ⌈1.2⌉
  });

  it('compares on demand with a commitment around the break-even utilization', () => {
    // Needed 12 hours a day (0.5) with a 40 % discount (break-even 0.6): on demand wins.
    const half = ok(reportFor('?used=0.5').commitment);
    expect(half.onDemandMonthly).toBeCloseTo(6 * 0.1008 * 730 * 0.5, 9);
    expect(half.committedMonthly).toBeCloseTo(6 * DEFAULT_COMMITTED_HOURLY * 730, 9);
    expect(half.cheaper).toBe('on-demand');
    expect(half.savingOverHorizon).toBeCloseTo(24 * (half.committedMonthly - half.onDemandMonthly), 9);
    // Above the break-even, the commitment wins.
    expect(ok(reportFor('?used=0.7').commitment).cheaper).toBe('committed');
    // Exactly at it, neither.
    expect(ok(reportFor('?hourly=0.1&committed=0.06&used=0.6').commitment).cheaper).toBe('equal');
    // A "commitment" dearer than on demand never pays.
    const dear = ok(reportFor('?committed=0.2').commitment);
    expect(dear.canPay).toBe(false);
    expect(dear.breakEvenUtilization).toBe(1);
    expect(dear.cheaper).toBe('on-demand');
    // The curve crosses where the model says.
    const curve = ok(reportFor('').commitment).curve;
    expect(curve).toHaveLength(101);
    expect(curve[60]!.onDemand).toBeCloseTo(curve[60]!.committed, 9);
    expect(curve[59]!.onDemand).toBeLessThan(curve[59]!.committed);
  });

  it('prices compute by the chosen plan: on demand for the hours needed, a commitment for every hour', () => {
    const onDemand = ok(reportFor('?used=0.25').tco);
    expect(onDemand.monthly.compute).toBeCloseTo(6 * 0.1008 * 730 * 0.25, 9);
    const committed = ok(reportFor('?used=0.25&plan=committed').tco);
    expect(committed.monthly.compute).toBeCloseTo(6 * DEFAULT_COMMITTED_HOURLY * 730, 9);
    expect(reportFor('?plan=committed').effectiveHourly).toBe(DEFAULT_COMMITTED_HOURLY);
  });

  it('sizes the origin in whole instances and finds where the cache starts to pay', () => {
    const report = reportFor('?instances=10&hit=0.55&cachenodes=2&cacheprice=0.1008');
    const cache = ok(report.cache);
    expect(cache.originAfter).toBe(5); // ⌈10 × 0.45⌉ = ⌈4.5⌉
    expect(cache.instancesSaved).toBe(5);
    expect(cache.cacheMonthly).toBeCloseTo(2 * 0.1008 * 730, 9);
    expect(cache.netMonthly).toBeCloseTo(3 * 0.1008 * 730, 9);
    expect(cache.netOverHorizon).toBeCloseTo(24 * cache.netMonthly, 9);
    // Two cache nodes cost two origin instances, freed at h = 2 / 10.
    expect(cache.wholeBreakEven).toBeCloseTo(0.2, 12);
    expect(cache.curve[20]!.whole).toBeGreaterThanOrEqual(-1e-9);
    expect(cache.curve[19]!.whole).toBeLessThan(0);
    expect(cache.proportional.breakEvenHitRatio).toBeCloseTo(0.2, 12);
    expect(report.totalWithCache).toBeCloseTo(ok(report.tco).overHorizon.total - cache.netOverHorizon, 6);
    // Exact products must not round up an extra instance: 6 × (1 − 1/3) = 4.
    expect(ok(reportFor('?hit=0.3333333333333333').cache).originAfter).toBe(4);
    // A perfect hit ratio still leaves one origin instance.
    expect(ok(reportFor('?hit=1').cache).originAfter).toBe(1);
  });

  it('says when a cache can never pay in whole instances', () => {
    // One instance can never be shrunk; a cache dearer than the fleet can never be paid back.
    expect(ok(reportFor('?instances=1').cache).wholeBreakEven).toBeNull();
    expect(ok(reportFor('?cacheprice=10').cache).wholeBreakEven).toBeNull();
    expect(ok(reportFor('?cacheprice=10').cache).proportional.breakEvenHitRatio).toBeNull();
    // A free cache pays from the first hit; no hours needed means nothing to save.
    expect(ok(reportFor('?cachenodes=0').cache).wholeBreakEven).toBe(0);
    expect(ok(reportFor('?used=0').cache).wholeBreakEven).toBeNull();
    expect(ok(reportFor('?used=0&cacheprice=0').cache).wholeBreakEven).toBe(0);
  });

  it('turns a model refusal into a readable message instead of a crash', () => {
    const values: CostValues = { ...stateFor('').values, hourly: 0, months: 0 };
    const report = costReport(values);
    expect(report.commitment).toEqual({ ok: false, message: 'The commitment comparison cannot be computed: onDemandHourly must be greater than 0, got 0.' });
    expect(report.tco).toEqual({ ok: false, message: 'The total cost of ownership cannot be computed: horizonMonths must be greater than 0, got 0.' });
    expect(report.perMillion).toEqual({ ok: false, message: 'The cost per million requests cannot be computed: it needs the total cost of ownership.' });
    expect(report.totalWithCache).toBeUndefined();
    expect(attempt('thing', () => ({ x: 1 }))).toEqual({ ok: true, x: 1 });
    expect(attempt('thing', () => ({ rows: [{ y: 1 }, { y: Number.NaN }] }))).toEqual({ ok: false, message: 'The thing cannot be computed: y would not be a finite number for these inputs.' });
    // A denormal price passes the field (it is above 0) but would overflow the ratio: caught, not shown.
    expect(reportFor('?hourly=1e-320').commitment).toEqual({ ok: false, message: 'The commitment comparison cannot be computed: discount would not be a finite number for these inputs.' });
    expect(
      attempt('thing', () => {
        throw 'boom';
      }),
    ).toEqual({ ok: false, message: 'The thing cannot be computed: boom.' });
  });

  it('names the field and the rule for every invalid input', () => {
    const bad: [keyof typeof costFields, string, string][] = [
      ['months', '0', 'Horizon must be at least 1'],
      ['months', '2.5', 'Horizon must be a whole number, got 2.5'],
      ['months', '5000', 'Horizon must be at most 1,200'],
      ['instances', '0', 'Instances must be at least 1'],
      ['hourly', '0', 'On-demand price must be greater than 0 USD per hour'],
      ['hourly', 'free', 'On-demand price must be a number, got "free"'],
      ['committed', '-1', 'Committed-use price must be at least 0 USD per hour'],
      ['used', '1.5', 'Share of hours needed must be at most 1'],
      ['plan', 'spot', 'Compute priced must be one of on-demand, committed, got "spot"'],
      ['storage', '-5', 'Storage must be at least 0 GB'],
      ['storagePrice', '1e9', 'Storage price must be at most 1,000 USD per GB-month'],
      ['egress', '', 'Egress is required'],
      ['egressPrice', '-0.01', 'Egress price must be at least 0 USD per GB'],
      ['people', '1e6', 'People must be at most 100,000 FTE'],
      ['loaded', '-1', 'Loaded cost per FTE-year must be at least 0 USD'],
      ['rate', '0', 'Request rate must be greater than 0 per second'],
      ['hit', '1.01', 'Cache hit ratio must be at most 1'],
      ['cacheNodes', '1.5', 'Cache nodes must be a whole number, got 1.5'],
      ['cachePrice', '-1', 'Cache node price must be at least 0 USD per hour'],
      ['hitMs', '-1', 'Hit latency must be at least 0 ms'],
      ['missMs', '1e7', 'Miss latency must be at most 1,000,000 ms'],
    ];
    for (const [name, raw, message] of bad) {
      const state = stateFor(`?${costFields[name].key}=${encodeURIComponent(raw)}`);
      expect(state.errors, `${name}=${raw}`).toEqual({ [name]: message });
      // The field keeps its default, so the rest of the report still computes.
      expect(state.values[name]).toBe(costFields[name].defaultValue);
    }
    expect(Object.keys(costFields).filter((name) => !bad.some(([n]) => n === name))).toEqual([]);
  });

  it('refuses hostile URL state and never produces NaN or Infinity', () => {
    const hostile = stateFor(`?hourly=${encodeURIComponent('<script>alert(1)</script>')}&months=1e999&rate=${'9'.repeat(5000)}&plan=%3Cimg%3E`);
    expect(hostile.errors.hourly).toBe('On-demand price must be a number, got "<script>alert(1)</script…"');
    expect(hostile.errors.months).toBe('Horizon must be a number, got "1e999"');
    expect(hostile.errors.rate).toBe('Request rate is too long');
    expect(hostile.errors.plan).toBe('Compute priced must be one of on-demand, committed, got "<img>"');

    const keys = Object.values(costFields).map((f) => f.key);
    const rawValue = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.double({ noNaN: false }).map(String),
      fc.double({ min: 0, max: 1, noNaN: true }).map(String),
      fc.integer({ min: -10, max: 2_000_000 }).map(String),
      fc.constantFrom('on-demand', 'committed', '1e308', '-0', '0', '1e-320'),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), rawValue), (params) => {
        const report = costReport(readState(costFields, `?${new URLSearchParams(params)}`).values);
        expect(numbersIn(report).filter(([, value]) => !Number.isFinite(value))).toEqual([]);
        for (const section of [report.tco, report.commitment, report.perMillion, report.cache]) {
          if (!section.ok) expect(section.message).toMatch(/^The [a-z ]+ cannot be computed: .+\.$/);
        }
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it('stays finite at the largest inputs the fields accept', () => {
    const report = reportFor('?months=1200&instances=1000000&hourly=10000&committed=10000&storage=1e9&storageprice=1000&egress=1e9&egressprice=1000&fte=100000&loaded=1e8&rate=1e9&hit=1&cachenodes=100000&cacheprice=10000&hitms=1e6&missms=1e6');
    expect(numbersIn(report).filter(([, value]) => !Number.isFinite(value))).toEqual([]);
    expect(ok(report.tco).overHorizon.total).toBeGreaterThan(1e16);
    expect(ok(report.tco).cumulative.length).toBeLessThanOrEqual(242);
    expect(ok(report.tco).cumulative.at(-1)!.month).toBe(1200);
  });

  it('lists every price with its date, its source and the input it fills', () => {
    expect(PRICE_ROWS).toHaveLength(Object.keys(PRICES).length);
    for (const row of PRICE_ROWS) {
      expect(row.asOf).toBe(PRICES_AS_OF);
      expect(row.sourceUrl).toMatch(/^https:\/\/[a-z.]+\.(com|google\.com)\//);
    }
    expect(DEFAULT_PRICE_SOURCES.hourly.value).toBe(costFields.hourly.defaultValue);
    expect(DEFAULT_PRICE_SOURCES.egressPrice).toMatchObject({ field: 'egressPrice', sourceUrl: 'https://aws.amazon.com/ec2/pricing/on-demand/', sourceNote: 'Data Transfer' });
    expect(PRICE_ROWS.find((r) => r.id === 'gcpN2Standard2UsCentral1')!.field).toBe('hourly');
    expect(PRICE_ROWS.find((r) => r.id === 'gcpCloudStorageStandardUsCentral1')!.field).toBe('storagePrice');
  });

  it('draws the cumulative cost month by month, stacked in the table’s order', () => {
    const tco = ok(reportFor('?months=6').tco);
    expect(tco.cumulative.map((p) => p.month)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const last = tco.cumulative.at(-1)!;
    expect(last.compute + last.storage + last.egress + last.people).toBeCloseTo(tco.overHorizon.total, 6);
    expect(last.total).toBeCloseTo(tco.overHorizon.total, 6);
    // Long horizons are sampled, but always end on the horizon itself.
    expect(ok(reportFor('?months=1000').tco).cumulative.map((p) => p.month).slice(-2)).toEqual([995, 1000]);
  });

  it('chooses round axis ticks that cover the maximum', () => {
    expect(niceTicks(422_500)).toEqual([0, 100_000, 200_000, 300_000, 400_000, 500_000]);
    expect(niceTicks(10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(0.7)).toEqual([0, 0.2, 0.4, 0.6000000000000001, 0.8]);
    expect(niceTicks(0)).toEqual([0, 1]);
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e18, noNaN: true }), (max) => {
        const ticks = niceTicks(max);
        expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max * (1 - 1e-12));
        expect(ticks.length).toBeLessThanOrEqual(12);
      }),
    );
  });
});
