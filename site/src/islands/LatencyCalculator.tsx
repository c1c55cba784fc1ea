/** The Latency Calculator: binds inputs to @compendium/tools' latency report and draws it. No model logic here. */
import { type LatencyReport, latencyFields, latencyReport, MAX_PLACES, project } from '@compendium/tools';
import { useMemo } from 'preact/hooks';
import { formatFigure } from '../lib/format.ts';
import { Field } from './shared/Field.tsx';
import { PlaceList } from './shared/PlaceList.tsx';
import { useToolState } from './shared/useToolState.ts';

interface Props {
  /** The land outline, an SVG path in the 360 × 180 map box, drawn at build time. */
  land: string;
  /** Place ids and names for the suggestions list. */
  placeOptions: { id: string; name: string }[];
}

const ms = (value: number) => formatFigure(value, { digits: value < 10 ? 2 : 1, unit: 'ms' });

function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return formatFigure(bytes / 1e9, { digits: 2, unit: 'GB' });
  if (bytes >= 1e6) return formatFigure(bytes / 1e6, { digits: 2, unit: 'MB' });
  if (bytes >= 1e3) return formatFigure(bytes / 1e3, { digits: 1, unit: 'kB' });
  return formatFigure(bytes, { digits: 0, unit: 'B' });
}

function WorldMap({ land, report }: { land: string; report: LatencyReport }) {
  const names = report.places.map((p) => p.name).join(', ');
  return (
    <svg class="tool-map" viewBox="0 0 360 180" role="img" aria-label={`World map with great-circle routes between ${names}`}>
      <rect width="360" height="180" class="tool-map-sea" />
      <path d={land} class="tool-map-land" />
      {report.routes.map((route) =>
        route.segments.map((segment, i) => (
          <polyline key={`${route.from}-${route.to}-${i}`} class="tool-map-route" points={segment.map((p) => project(p).join(',')).join(' ')} />
        )),
      )}
      {report.places.map((place) => {
        const [x, y] = project(place);
        return (
          <g key={place.id}>
            <circle cx={x} cy={y} r="1.8" class="tool-map-place" />
            <text x={x + 2.5} y={y - 2} class="tool-map-label">
              {place.name}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export default function LatencyCalculator({ land, placeOptions }: Props) {
  const { state, update } = useToolState(latencyFields);
  const report = useMemo(() => latencyReport(state.values), [state.values]);
  const [a, b] = report.places;

  return (
    <div class="tool not-content" data-tool="latency">
      <form class="tool-inputs" onSubmit={(event) => event.preventDefault()} aria-label="Latency inputs">
        <PlaceList
          noun="place"
          legend="Places (two to eight; the first two are compared in detail)"
          raw={state.raw.places}
          error={state.errors.places}
          minItems={2}
          maxItems={MAX_PLACES}
          placeOptions={placeOptions}
          onChange={(raw) => update('places', raw)}
        />
        <Field id="stretch" label="Route stretch" value={state.raw.stretch} error={state.errors.stretch} unit="× great circle" hint="Cable length over great-circle length: 1 is the physical floor." onInput={(t) => update('stretch', t)} />
        <Field id="payload" label="Payload" value={state.raw.payload} error={state.errors.payload} unit="bytes" inputMode="numeric" onInput={(t) => update('payload', t)} />
        <Field id="bandwidth" label="Bottleneck bandwidth" value={state.raw.bandwidth} error={state.errors.bandwidth} unit="Mbit/s" onInput={(t) => update('bandwidth', t)} />
      </form>

      <section class="tool-results" aria-live="polite" aria-label="Results">
        <h3>
          {a?.name} ⇄ {b?.name}
        </h3>
        <dl class="tool-figures">
          <div>
            <dt>Great-circle distance</dt>
            <dd data-result="distance">{formatFigure(report.floor.distanceKm, { digits: 0, unit: 'km' })}</dd>
          </div>
          <div>
            <dt>Round-trip floor (light in fiber)</dt>
            <dd data-result="rtt-floor">{ms(report.floor.rttMs)}</dd>
          </div>
          <div>
            <dt>Round trip at stretch {formatFigure(state.values.stretch, { digits: 2 })}</dt>
            <dd data-result="rtt">{ms(report.route.rttMs)}</dd>
          </div>
          <div>
            <dt>Transfer of {formatBytes(state.values.payload)}</dt>
            <dd data-result="transfer">{formatFigure(report.transfer.timeS * 1000, { digits: 0, unit: 'ms' })}</dd>
          </div>
        </dl>
        <p class="tool-note">
          The transfer needs {report.transfer.slowStartRounds} slow-start round {report.transfer.slowStartRounds === 1 ? 'trip' : 'trips'} (initial window 10 segments);
          the bandwidth-delay product is {formatBytes(report.transfer.bdpBytes)}
          {report.transfer.reachedBandwidthLimit ? ', which the window reached, so the rest went at line rate.' : ', which the window never reached.'}
        </p>

        <table class="tool-table">
          <caption>Time to first byte of a response, at the round trip above</caption>
          <thead>
            <tr>
              <th scope="col">Protocol stack</th>
              <th scope="col">Round trips</th>
              <th scope="col">Time</th>
            </tr>
          </thead>
          <tbody>
            {report.firstByte.map((row) => (
              <tr key={row.id} data-stack={row.id}>
                <th scope="row">{row.label}</th>
                <td>{row.roundTrips}</td>
                <td>{ms(row.ms)}</td>
              </tr>
            ))}
          </tbody>
        </table>

        <WorldMap land={land} report={report} />

        <div class="tool-table-scroll">
          <table class="tool-table" data-result="matrix">
            <caption>Round trips between every pair, at stretch {formatFigure(state.values.stretch, { digits: 2 })} (ms)</caption>
            <thead>
              <tr>
                <th scope="col">From \ to</th>
                {report.places.map((p) => (
                  <th scope="col" key={p.id}>
                    {p.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.places.map((p, i) => (
                <tr key={p.id}>
                  <th scope="row">{p.name}</th>
                  {report.matrix[i]!.map((value, j) => (
                    <td key={report.places[j]!.id}>{i === j ? '·' : formatFigure(value, { digits: 1 })}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {report.leader && (
          <p class="tool-note" data-result="commit">
            With one replica in each place, a majority-quorum leader in <strong>{report.places[report.leader.leader]!.name}</strong> commits fastest: it
            waits for acknowledgements from the {report.acksNeeded === 1 ? 'nearest other replica' : `${report.acksNeeded} nearest other replicas`}, a{' '}
            {ms(report.leader.commitLatency)} round trip.
          </p>
        )}
      </section>
    </div>
  );
}
