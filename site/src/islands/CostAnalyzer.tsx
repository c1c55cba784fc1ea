/** The Cost Analyzer: binds inputs to @compendium/tools' cost report and draws it. No model logic here. */
import {
  ASSUMED_COMMITMENT_DISCOUNT,
  CATEGORIES,
  type Category,
  type CostFieldName,
  type CostReport,
  costFields,
  costReport,
  DEFAULT_PRICE_SOURCES,
  niceTicks,
  PRICE_ROWS,
  type PriceRow,
} from '@compendium/tools/cost-tool';
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatFigure } from '../lib/format.ts';
import { Field } from './shared/Field.tsx';
import { LineChart } from './shared/LineChart.tsx';
import { useToolState } from './shared/useToolState.ts';

/** Money as a reader says it: whole dollars from 100 up, cents below, more digits for fractions of a cent. */
function usd(value: number): string {
  const size = Math.abs(value);
  const digits = size >= 100 || size === 0 ? 0 : size >= 0.1 ? 2 : 4;
  return formatFigure(value, { digits, unit: 'USD' }).replace(/^-/, '−');
}
/** A unit price exactly as the table or the reader gives it, up to six significant digits (0.1008, 0.06048). */
const price = (value: number) =>
  `${value !== 0 && Math.abs(value) < 1e-4 ? value.toExponential(2) : value.toLocaleString('en-US', { maximumSignificantDigits: 6 })} USD`;
const percent = (fraction: number, digits = 1) => formatFigure(fraction, { percent: true, digits });
const compact = (value: number) => value.toLocaleString('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const plural = (n: number, one: string, many: string) => `${formatFigure(n, { digits: 0 })} ${n === 1 ? one : many}`;

const CATEGORY_LABELS: Record<Category, string> = { compute: 'Compute', storage: 'Storage', egress: 'Egress', people: 'People' };
const FIELD_LABEL: Record<PriceRow['field'], string> = { hourly: 'on-demand price', storagePrice: 'storage price', egressPrice: 'egress price' };

function SourceHint({ row }: { row: PriceRow }) {
  return (
    <>
      Default: {row.description}, {row.value} {row.unit}, list price as of <time dateTime={row.asOf}>{row.asOf}</time> (
      {row.sourceUrl ? (
        <a href={row.sourceUrl} rel="noopener noreferrer">
          source{row.sourceNote ? `: ${row.sourceNote}` : ''}
        </a>
      ) : (
        'source'
      )}
      ). Prices change: check the provider's page.
    </>
  );
}

/** Width of an element in CSS pixels, kept up to date; a fixed guess until the island is in the page. */
function useWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(Math.max(240, Math.floor(element.clientWidth))));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

type Tco = Extract<CostReport['tco'], { ok: true }>;

/** Cumulative cost by month, one band per category, stacked in the table's order; an SVG that follows the theme. */
function CumulativeChart({ tco, months }: { tco: Tco; months: number }) {
  const { ref, width } = useWidth(640);
  const height = 260;
  const margin = { left: 52, right: 14, top: 26, bottom: 40 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const yTicks = niceTicks(tco.overHorizon.total);
  const yMax = yTicks.at(-1) ?? 1;
  const xTicks = niceTicks(months, width < 420 ? 4 : 6).filter((t) => t <= months);
  const x = (month: number) => margin.left + (month / months) * plotW;
  const y = (value: number) => margin.top + plotH - (value / yMax) * plotH;
  const points = tco.cumulative;
  const bands = CATEGORIES.map((category, k) => {
    const below = (p: (typeof points)[number]) => CATEGORIES.slice(0, k).reduce((sum, c) => sum + p[c], 0);
    const upper = points.map((p) => `${x(p.month).toFixed(1)},${y(below(p) + p[category]).toFixed(1)}`);
    const lower = points.map((p) => `${x(p.month).toFixed(1)},${y(below(p)).toFixed(1)}`).reverse();
    return { category, points: [...upper, ...lower].join(' ') };
  });
  const end = tco.overHorizon;
  const summary = CATEGORIES.map((c) => `${CATEGORY_LABELS[c].toLowerCase()} ${usd(end[c])}`).join(', ');

  return (
    <figure class="cost-chart">
      <div ref={ref} class="cost-chart-frame">
        <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Cumulative cost by month over ${months} months, stacked: ${summary}; total ${usd(end.total)}.`}>
          {yTicks.map((t) => (
            <g key={`y${t}`}>
              <line class="cost-grid" x1={margin.left} x2={width - margin.right} y1={y(t)} y2={y(t)} />
              <text class="cost-axis" x={margin.left - 6} y={y(t) + 4} text-anchor="end">
                {compact(t)}
              </text>
            </g>
          ))}
          {bands.map((band) => (
            <polygon key={band.category} class={`cost-band cost-band-${band.category}`} points={band.points} />
          ))}
          <line class="cost-total-line" x1={x(0)} y1={y(0)} x2={x(months)} y2={y(end.total)} />
          {xTicks.map((t) => (
            <text key={`x${t}`} class="cost-axis" x={x(t)} y={height - margin.bottom + 18} text-anchor="middle">
              {t}
            </text>
          ))}
          <text class="cost-axis" x={margin.left + plotW / 2} y={height - 4} text-anchor="middle">
            Month
          </text>
          <text class="cost-axis" x={4} y={12}>
            Cumulative USD
          </text>
        </svg>
      </div>
      <figcaption>
        <ul class="cost-legend">
          {[...CATEGORIES].reverse().map((c) => (
            <li key={c}>
              <span class={`cost-swatch cost-band-${c}`} aria-hidden="true" />
              {CATEGORY_LABELS[c]} {usd(end[c])}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

function Warning({ message }: { message: string }) {
  return (
    <p class="tool-warning" role="status">
      {message}
    </p>
  );
}

export default function CostAnalyzer() {
  const { state, update } = useToolState(costFields);
  const report = useMemo(() => costReport(state.values), [state.values]);
  const { tco, commitment, perMillion, cache } = report;
  const v = state.values;
  const field = (name: CostFieldName, unit?: string, hint?: ComponentChildren, inputMode?: 'decimal' | 'numeric') => (
    <Field
      id={`cost-${name}`}
      label={costFields[name].label}
      unit={unit}
      hint={hint}
      inputMode={inputMode}
      value={state.raw[name]}
      error={state.errors[name]}
      onInput={(text) => update(name, text)}
    />
  );

  const commitmentChart = useMemo(
    () =>
      commitment.ok
        ? {
            x: commitment.curve.map((p) => p.used * 100),
            series: [
              { label: 'On demand', values: commitment.curve.map((p) => p.onDemand), accent: true },
              { label: 'Committed', values: commitment.curve.map((p) => p.committed), dashed: true },
            ],
          }
        : undefined,
    [commitment],
  );
  const cacheChart = useMemo(
    () =>
      cache.ok
        ? {
            x: cache.curve.map((p) => p.hit * 100),
            series: [
              { label: 'Net saving, whole instances', values: cache.curve.map((p) => p.whole), accent: true },
              { label: 'Net saving, proportional', values: cache.curve.map((p) => p.proportional), dashed: true },
            ],
          }
        : undefined,
    [cache],
  );

  return (
    <div class="tool not-content cost-tool" data-tool="cost">
      <form class="tool-inputs" onSubmit={(event) => event.preventDefault()} aria-label="Cost inputs">
        <fieldset>
          <legend>Horizon and compute</legend>
          {field('months', 'months', undefined, 'numeric')}
          {field('instances', undefined, undefined, 'numeric')}
          {field('hourly', 'USD per instance-hour', <SourceHint row={DEFAULT_PRICE_SOURCES.hourly} />)}
          {field(
            'committed',
            'USD per instance-hour',
            <>
              An assumption, not a list price: the table holds on-demand prices only, so the default is {percent(ASSUMED_COMMITMENT_DISCOUNT, 0)} below the
              on-demand default. Enter your provider's committed rate.
            </>,
          )}
          {field('used', '0 to 1', 'Share of the hours the instances are needed: 1 is around the clock, 0.5 is 12 hours a day. On demand pays only these hours; a commitment pays every hour.')}
          <fieldset class="cost-plan" aria-describedby={state.errors.plan ? 'cost-plan-error' : undefined}>
            <legend>{costFields.plan.label} (for the total)</legend>
            <div class="cost-radios">
              {(['on-demand', 'committed'] as const).map((plan) => (
                <label key={plan}>
                  <input type="radio" name="cost-plan" value={plan} checked={v.plan === plan} onChange={() => update('plan', plan)} />
                  {plan === 'on-demand' ? 'On demand' : 'Committed use'}
                </label>
              ))}
            </div>
            {state.errors.plan && (
              <p id="cost-plan-error" class="tool-error" role="alert">
                {state.errors.plan}
              </p>
            )}
          </fieldset>
        </fieldset>
        <fieldset>
          <legend>Storage and egress</legend>
          {field('storage', 'GB stored')}
          {field('storagePrice', 'USD per GB-month', <SourceHint row={DEFAULT_PRICE_SOURCES.storagePrice} />)}
          {field('egress', 'GB out per month')}
          {field(
            'egressPrice',
            'USD per GB',
            <>
              <SourceHint row={DEFAULT_PRICE_SOURCES.egressPrice} /> Larger volumes fall into cheaper tiers, which this single price does not model.
            </>,
          )}
        </fieldset>
        <fieldset>
          <legend>People</legend>
          {field('people', 'full-time equivalents')}
          {field(
            'loaded',
            'USD, your loaded cost',
            <>
              An assumption, not a market figure: put in your own fully loaded cost of one engineer for a year (salary, benefits, taxes, equipment). The default
              of {formatFigure(costFields.loaded.defaultValue, { digits: 0 })} is there to be replaced.
            </>,
          )}
        </fieldset>
        <fieldset>
          <legend>Traffic and a cache tier</legend>
          {field('rate', 'requests per second')}
          {field('hit', '0 to 1', 'Share of requests the cache answers.')}
          {field('cacheNodes', undefined, undefined, 'numeric')}
          {field('cachePrice', 'USD per node-hour', "Default: one more instance at the on-demand default, for a cache you run yourself (Redis, Memcached). A managed cache is priced differently: check the provider's page.")}
          {field('hitMs', 'ms', 'Latency of a request the cache answers.')}
          {field('missMs', 'ms', 'Latency of a request that goes to the origin.')}
        </fieldset>
      </form>

      <section class="tool-results" aria-live="polite" aria-label="Results">
        <h3>Total cost of ownership over {plural(v.months, 'month', 'months')}</h3>
        {tco.ok ? (
          <>
            <dl class="tool-figures">
              <div>
                <dt>Over the horizon</dt>
                <dd data-result="total">{usd(tco.overHorizon.total)}</dd>
              </div>
              <div>
                <dt>Per month</dt>
                <dd data-result="monthly">{usd(tco.monthly.total)}</dd>
              </div>
              <div>
                <dt>Per million requests</dt>
                <dd data-result="per-million">{perMillion.ok ? usd(perMillion.total) : '–'}</dd>
              </div>
              <div>
                <dt>Largest share</dt>
                <dd data-result="largest">
                  {CATEGORY_LABELS[tco.largest]} {percent(tco.shares[tco.largest], 0)}
                </dd>
              </div>
            </dl>
            <div class="tool-table-scroll">
              <table class="tool-table" data-result="tco">
                <caption>Where the money goes ({v.plan === 'committed' ? 'compute at the committed price' : 'compute on demand'})</caption>
                <thead>
                  <tr>
                    <th scope="col">Item</th>
                    <th scope="col">Per month</th>
                    <th scope="col">Over {v.months} months</th>
                    <th scope="col">Share</th>
                  </tr>
                </thead>
                <tbody>
                  {CATEGORIES.map((c) => (
                    <tr key={c} data-row={c}>
                      <th scope="row">{CATEGORY_LABELS[c]}</th>
                      <td>{usd(tco.monthly[c])}</td>
                      <td>{usd(tco.overHorizon[c])}</td>
                      <td>{percent(tco.shares[c])}</td>
                    </tr>
                  ))}
                  <tr data-row="total" class="cost-total-row">
                    <th scope="row">Total</th>
                    <td>{usd(tco.monthly.total)}</td>
                    <td>{usd(tco.overHorizon.total)}</td>
                    <td>{percent(tco.monthly.total > 0 ? 1 : 0, 0)}</td>
                  </tr>
                  {report.totalWithCache !== undefined && cache.ok && (
                    <tr data-row="with-cache">
                      <th scope="row">Total with the cache tier</th>
                      <td>{usd(tco.monthly.total - cache.netMonthly)}</td>
                      <td>{usd(report.totalWithCache)}</td>
                      <td />
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
            <CumulativeChart tco={tco} months={v.months} />
            <p class="tool-note">
              Compute is {plural(v.instances, 'instance', 'instances')} × {price(report.effectiveHourly)} an hour
              {v.plan === 'on-demand' && v.used < 1 ? ` (on demand for ${percent(v.used)} of the hours)` : ''} × 730 hours a month. Every month costs the same here:
              the tool does not model growth, price changes or discounts for volume.
            </p>
          </>
        ) : (
          <Warning message={tco.message} />
        )}

        <h3>On demand or committed use</h3>
        {!commitment.ok ? (
          <Warning message={commitment.message} />
        ) : (
          commitmentChart && (
          <>
            <dl class="tool-figures">
              <div>
                <dt>Break-even utilization</dt>
                <dd data-result="break-even">{percent(commitment.breakEvenUtilization)}</dd>
              </div>
              <div>
                <dt>Commitment discount</dt>
                <dd data-result="discount">{percent(commitment.discount)}</dd>
              </div>
              <div>
                <dt>On demand, {v.months} months</dt>
                <dd data-result="on-demand-total">{usd(commitment.onDemandOverHorizon)}</dd>
              </div>
              <div>
                <dt>Committed, {v.months} months</dt>
                <dd data-result="committed-total">{usd(commitment.committedOverHorizon)}</dd>
              </div>
            </dl>
            <p class="tool-answer" data-result="commitment-verdict">
              {!commitment.canPay
                ? `The committed price is not below the on-demand price, so a commitment never pays: on demand saves ${usd(commitment.savingOverHorizon)} over ${v.months} months.`
                : commitment.cheaper === 'committed'
                  ? `Needed ${percent(v.used)} of the hours, above the break-even of ${percent(commitment.breakEvenUtilization)}: committing saves ${usd(commitment.savingOverHorizon)} over ${v.months} months.`
                  : commitment.cheaper === 'on-demand'
                    ? `Needed ${percent(v.used)} of the hours, below the break-even of ${percent(commitment.breakEvenUtilization)}: on demand saves ${usd(commitment.savingOverHorizon)} over ${v.months} months.`
                    : `Needed exactly the break-even share of the hours, ${percent(commitment.breakEvenUtilization)}: both cost the same.`}
            </p>
            <LineChart
              label={`Monthly compute cost by the share of hours needed: on demand rises from zero, the commitment is flat at ${usd(commitment.committedMonthly)}; they cross at ${percent(commitment.breakEvenUtilization)}.`}
              xLabel="Hours needed (%)"
              yLabel="USD per month"
              x={commitmentChart.x}
              series={commitmentChart.series}
            />
          </>
          )
        )}

        <h3>Cost per million requests</h3>
        {perMillion.ok ? (
          <div class="tool-table-scroll">
            <table class="tool-table" data-result="unit-costs">
              <caption>
                At {formatFigure(v.rate, { digits: v.rate < 10 ? 2 : 0 })} requests per second, {compact(perMillion.requestsPerMonth)} requests a month
              </caption>
              <thead>
                <tr>
                  <th scope="col">Counting</th>
                  <th scope="col">Per million requests</th>
                </tr>
              </thead>
              <tbody>
                <tr data-row="all">
                  <th scope="row">Everything</th>
                  <td>{usd(perMillion.total)}</td>
                </tr>
                <tr data-row="infrastructure">
                  <th scope="row">Compute, storage and egress</th>
                  <td>{usd(perMillion.infrastructure)}</td>
                </tr>
                <tr data-row="compute">
                  <th scope="row">Compute only</th>
                  <td>{usd(perMillion.compute)}</td>
                </tr>
                <tr data-row="people">
                  <th scope="row">People only</th>
                  <td>{usd(perMillion.people)}</td>
                </tr>
              </tbody>
            </table>
          </div>
        ) : (
          <Warning message={perMillion.message} />
        )}

        <h3>A cache tier with a hit ratio of {percent(v.hit)}</h3>
        {!cache.ok ? (
          <Warning message={cache.message} />
        ) : (
          cacheChart && (
          <>
            <dl class="tool-figures">
              <div>
                <dt>Origin instances</dt>
                <dd data-result="origin">
                  {cache.originBefore} → {cache.originAfter}
                </dd>
              </div>
              <div>
                <dt>Cache cost per month</dt>
                <dd data-result="cache-cost">{usd(cache.cacheMonthly)}</dd>
              </div>
              <div>
                <dt>Net saving per month</dt>
                <dd data-result="cache-net">{usd(cache.netMonthly)}</dd>
              </div>
              <div>
                <dt>Effective latency</dt>
                <dd data-result="latency">{formatFigure(cache.latencyWith, { digits: 2, unit: 'ms' })}</dd>
              </div>
            </dl>
            <p class="tool-answer" data-result="cache-verdict">
              The origin serves the misses, {percent(1 - v.hit)} of the load,{' '}
              {cache.instancesSaved === 0
                ? `and still needs ${plural(cache.originAfter, 'instance', 'instances')}: the cache frees none`
                : `so it needs ${plural(cache.originAfter, 'instance', 'instances')} instead of ${cache.originBefore}: freeing ${plural(cache.instancesSaved, 'instance', 'instances')} saves ${usd(cache.originSavedMonthly)} a month`}
              , the cache costs {usd(cache.cacheMonthly)}, so the net is {usd(cache.netMonthly)} a month and {usd(cache.netOverHorizon)} over {v.months} months.{' '}
              {cache.netMonthly < 0 ? 'The cache costs more than it saves. ' : ''}
              {cache.wholeBreakEven === null
                ? 'In whole instances it can never pay for itself: the origin keeps at least one instance.'
                : `In whole instances it pays from a hit ratio of ${percent(cache.wholeBreakEven)}.`}
            </p>
            <p class="tool-note">
              Assumption: the origin is sized like today's fleet, the same load per instance, rounded up to whole instances with at least one (no spares added: keep
              your N + k). If the origin could shrink in exact proportion, as the models' cache-tier economics assume, the cache would save{' '}
              {usd(cache.proportional.originCostSaved)} a month, net {usd(cache.proportional.netSavingPerMonth)}
              {cache.proportional.breakEvenHitRatio === null ? ', and no hit ratio would pay for it' : `, paying from a hit ratio of ${percent(cache.proportional.breakEvenHitRatio)}`}.
              A hit saves origin compute, not egress: the bytes still go to the user. Effective latency falls from{' '}
              {formatFigure(cache.latencyWithout, { digits: 2, unit: 'ms' })} with every request at the origin to{' '}
              {formatFigure(cache.latencyWith, { digits: 2, unit: 'ms' })}.
            </p>
            <LineChart
              label="Net monthly saving of the cache tier by hit ratio: in whole origin instances it rises in steps; if the origin shrank in proportion it would rise in a straight line."
              xLabel="Hit ratio (%)"
              yLabel="USD per month"
              x={cacheChart.x}
              series={cacheChart.series}
            />
          </>
          )
        )}

        <h3>Price table</h3>
        <table class="tool-table cost-prices" data-result="prices">
          <caption>List prices in USD, without free tiers, taxes or discounts</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Price</th>
            </tr>
          </thead>
          <tbody>
            {PRICE_ROWS.map((row) => (
              <tr key={row.id} data-price={row.id}>
                <th scope="row">
                  {row.description}
                  {row.sourceUrl && (
                    <>
                      {' '}
                      (
                      <a href={row.sourceUrl} rel="noopener noreferrer">
                        source{row.sourceNote ? `: ${row.sourceNote}` : ''}
                      </a>
                      )
                    </>
                  )}
                </th>
                <td>
                  <span class="cost-price-value">
                    {row.value} {row.unit}
                  </span>
                  <span class="cost-price-date">
                    as of <time dateTime={row.asOf}>{row.asOf}</time>
                  </span>
                  {v[row.field] === row.value ? (
                    <span class="cost-in-use">in use</span>
                  ) : (
                    <button
                      type="button"
                      class="tool-button"
                      aria-label={`Use ${row.value} ${row.unit} as the ${FIELD_LABEL[row.field]}`}
                      onClick={() => update(row.field, String(row.value))}
                    >
                      Use
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="tool-note">
          Providers change list prices, and these are dated: check the provider's page before quoting one, and type your own prices into the fields. The committed
          price, the people cost and the cache price are assumptions of this tool, not entries in the table.
        </p>
      </section>
    </div>
  );
}
