/** The Capacity Planner: binds inputs to @compendium/tools' capacity report and draws it. No model logic here. */
import { capacityFields, capacityReport } from '@compendium/tools';
import { useMemo } from 'preact/hooks';
import { formatFigure } from '../lib/format.ts';
import { Field } from './shared/Field.tsx';
import { LineChart } from './shared/LineChart.tsx';
import { useToolState } from './shared/useToolState.ts';

/** Seconds in the unit a reader would say them in. */
function duration(seconds: number): string {
  if (seconds === 0) return '0 ms';
  if (seconds < 1) return formatFigure(seconds * 1000, { digits: seconds < 0.01 ? 2 : 1, unit: 'ms' });
  if (seconds < 120) return formatFigure(seconds, { digits: 2, unit: 's' });
  return formatFigure(seconds / 60, { digits: 1, unit: 'min' });
}
const percent = (fraction: number) => formatFigure(fraction, { percent: true, digits: 2 });

export default function CapacityPlanner() {
  const { state, update } = useToolState(capacityFields);
  const report = useMemo(() => capacityReport(state.values), [state.values]);
  const { queue, needed, usl } = report;
  const level = state.values.level;

  const serversChart = useMemo(
    () => ({
      x: report.byServers.map((p) => p.servers),
      series: [
        { label: 'Share within target', values: report.byServers.map((p) => p.serviceLevel * 100), accent: true },
        { label: 'Goal', values: report.byServers.map(() => level * 100), dashed: true },
      ],
    }),
    [report.byServers, level],
  );
  const uslChart = useMemo(() => {
    if (!usl.ok) return undefined;
    const measured = state.values.usl;
    const xs = [...new Set([...usl.curve.map((p) => p.n), ...measured.map(([n]) => n)])].sort((a, b) => a - b);
    const curve = new Map(usl.curve.map((p) => [p.n, p.x]));
    const points = new Map(measured.map(([n, x]) => [n, x]));
    return {
      x: xs,
      series: [
        { label: 'USL fit', values: xs.map((n) => curve.get(n) ?? null), accent: true },
        { label: 'Measured', values: xs.map((n) => points.get(n) ?? null), points: true },
      ],
    };
  }, [usl, state.values.usl]);
  const growthChart = useMemo(
    () => ({
      x: report.projection.map((p) => p.month),
      series: [
        { label: 'Servers needed', values: report.projection.map((p) => p.servers), accent: true },
        { label: 'Servers today', values: report.projection.map(() => state.values.servers), dashed: true },
      ],
    }),
    [report.projection, state.values.servers],
  );

  return (
    <div class="tool not-content" data-tool="capacity">
      <form class="tool-inputs" onSubmit={(event) => event.preventDefault()} aria-label="Capacity inputs">
        <Field id="rate" label={capacityFields.rate.label} unit="per second" value={state.raw.rate} error={state.errors.rate} onInput={(t) => update('rate', t)} />
        <Field id="service" label={capacityFields.service.label} unit="seconds" value={state.raw.service} error={state.errors.service} onInput={(t) => update('service', t)} />
        <Field id="servers" label={capacityFields.servers.label} value={state.raw.servers} error={state.errors.servers} inputMode="numeric" onInput={(t) => update('servers', t)} />
        <Field id="target" label={capacityFields.target.label} unit="seconds" value={state.raw.target} error={state.errors.target} onInput={(t) => update('target', t)} />
        <Field id="level" label={capacityFields.level.label} unit="share within the target wait, 0 to 1" value={state.raw.level} error={state.errors.level} onInput={(t) => update('level', t)} />
        <Field id="growth" label={capacityFields.growth.label} unit="of the arrival rate, 0.05 = 5 %" value={state.raw.growth} error={state.errors.growth} onInput={(t) => update('growth', t)} />
        <div class="tool-field">
          <label for="usl">{capacityFields.usl.label} (concurrency:throughput)</label>
          <textarea
            id="usl"
            rows={4}
            spellcheck={false}
            value={state.raw.usl}
            aria-invalid={state.errors.usl ? 'true' : undefined}
            aria-describedby={state.errors.usl ? 'usl-error usl-hint' : 'usl-hint'}
            onInput={(event) => update('usl', (event.currentTarget as HTMLTextAreaElement).value.replace(/\s*\n\s*/g, ','))}
          />
          <p id="usl-hint" class="tool-hint">Comma-separated, e.g. 1:64.9, 18:995.9. The default is SPEC SDM91 (Gunther, 2007).</p>
          {state.errors.usl && (
            <p id="usl-error" class="tool-error" role="alert">
              {state.errors.usl}
            </p>
          )}
        </div>
      </form>

      <section class="tool-results" aria-live="polite" aria-label="Results">
        <h3>
          Offered load {formatFigure(report.offeredLoad, { digits: 2 })} Erlangs on {state.values.servers} {state.values.servers === 1 ? 'server' : 'servers'}
        </h3>
        {queue ? (
          <dl class="tool-figures">
            <div>
              <dt>Utilization</dt>
              <dd data-result="utilization">{percent(queue.utilization)}</dd>
            </div>
            <div>
              <dt>P(a request waits)</dt>
              <dd data-result="prob-wait">{percent(queue.probWait)}</dd>
            </div>
            <div>
              <dt>Mean wait</dt>
              <dd data-result="mean-wait">{duration(queue.meanWait)}</dd>
            </div>
            <div>
              <dt>Mean queue length</dt>
              <dd data-result="queue-length">{formatFigure(queue.meanQueueLength, { digits: 2 })}</dd>
            </div>
            <div>
              <dt>Wait ≤ {duration(state.values.target)}</dt>
              <dd data-result="service-level">{percent(queue.serviceLevel)}</dd>
            </div>
            <div>
              <dt>Mean response</dt>
              <dd data-result="mean-response">{duration(queue.meanResponse)}</dd>
            </div>
          </dl>
        ) : (
          <p class="tool-warning" role="status" data-result="unstable">
            Unstable: {state.values.servers} servers cannot keep up with {formatFigure(report.offeredLoad, { digits: 2 })} Erlangs of work, so the queue grows without
            limit. A stable queue needs more servers than the offered load.
          </p>
        )}
        {queue && (
          <p class="tool-note">
            Waits at the 50th, 90th and 99th percentiles: {queue.waitPercentiles.map((p) => duration(p.wait)).join(', ')}.
          </p>
        )}
        <p class="tool-answer" data-result="staffing">
          The fewest servers for {percent(level)} of requests to wait at most {duration(state.values.target)}: <strong>{needed.servers}</strong> (they achieve{' '}
          {percent(needed.serviceLevel)} at {percent(needed.utilization)} utilization).
        </p>
        <LineChart
          label={`Share of requests waiting at most the target, by number of servers; the goal of ${percent(level)} is met at ${needed.servers} servers.`}
          xLabel="Servers"
          yLabel="Within target (%)"
          x={serversChart.x}
          series={serversChart.series}
        />

        <h3>Growth at {percent(state.values.growth)} a month</h3>
        <p class="tool-note" data-result="outgrown">
          {report.outgrownAt === undefined
            ? `${state.values.servers} servers still meet the goal after ${report.projection.length - 1} months.`
            : report.outgrownAt === 0
              ? `${state.values.servers} servers do not meet the goal today.`
              : `${state.values.servers} servers stop meeting the goal in month ${report.outgrownAt}, when ${report.projection[report.outgrownAt]!.servers} are needed.`}
        </p>
        <LineChart label="Servers needed to meet the goal, month by month, against the servers you have." xLabel="Month" yLabel="Servers" x={growthChart.x} series={growthChart.series} />

        <h3>Universal Scalability Law fit</h3>
        {usl.ok && uslChart ? (
          <>
            <dl class="tool-figures" data-result="usl">
              <div>
                <dt>Contention σ</dt>
                <dd>{formatFigure(usl.fit.sigma, { digits: 5 })}</dd>
              </div>
              <div>
                <dt>Coherence κ</dt>
                <dd>{usl.fit.kappa.toExponential(3)}</dd>
              </div>
              <div>
                <dt>λ (throughput at 1)</dt>
                <dd>{formatFigure(usl.fit.lambda, { digits: 2 })}</dd>
              </div>
              <div>
                <dt>Peak concurrency N*</dt>
                <dd>{usl.fit.peakConcurrency === null ? 'none (κ = 0)' : formatFigure(usl.fit.peakConcurrency, { digits: 2 })}</dd>
              </div>
              <div>
                <dt>Peak throughput</dt>
                <dd>{usl.fit.peakThroughput === null ? 'unbounded' : formatFigure(usl.fit.peakThroughput, { digits: 1 })}</dd>
              </div>
              <div>
                <dt>R²</dt>
                <dd>{formatFigure(usl.fit.rSquared, { digits: 4 })}</dd>
              </div>
            </dl>
            <LineChart label="Measured throughput by concurrency with the fitted Universal Scalability Law curve." xLabel="Concurrency" yLabel="Throughput" x={uslChart.x} series={uslChart.series} />
          </>
        ) : (
          <p class="tool-note">{usl.ok ? '' : usl.message}</p>
        )}
      </section>
    </div>
  );
}
