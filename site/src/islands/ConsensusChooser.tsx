/** The Consensus Chooser: binds inputs to @compendium/tools' consensus report and draws it. No model logic here. */
import {
  type ConsensusReport,
  consensusFields,
  consensusReport,
  MAX_REGIONS,
  type ProtocolResult,
  PROTOCOLS,
  scoreText,
  WEIGHTS,
} from '@compendium/tools/consensus-tool';
import { project } from '@compendium/tools/latency-tool';
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

type Ok = Extract<ConsensusReport, { ok: true }>;

const ms = (value: number) => formatFigure(value, { digits: 1, unit: 'ms' });
const count = (value: number) => formatFigure(value, { digits: 0 });

interface ChoiceProps {
  id: string;
  legend: string;
  value: string;
  error?: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}

/** A radio group for a choice field; a bad value from the URL leaves every radio unchecked and shows the message. */
function Choice({ id, legend, value, error, options, onChange }: ChoiceProps) {
  return (
    <fieldset class="cc-choice" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} class="cc-radio">
          <input type="radio" name={id} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
          {option.label}
        </label>
      ))}
      {error && (
        <p id={`${id}-error`} class="tool-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** A view box around the regions (with room for labels), no narrower than 60° so a single region still has context. */
function mapView(points: [number, number][]): { box: string; scale: number; middle: number } {
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  let width = Math.max(60, Math.max(...xs) - Math.min(...xs) + 50);
  let height = Math.max(...ys) - Math.min(...ys) + 30;
  // Keep roughly the map's 2:1 shape so neither axis is stretched out of recognition.
  if (height < width / 2) height = width / 2;
  else width = Math.max(width, height * 1.6);
  width = Math.min(360, width);
  height = Math.min(180, height);
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
  const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  const x = Math.min(360 - width, Math.max(0, cx - width / 2));
  const y = Math.min(180 - height, Math.max(0, cy - height / 2));
  return { box: `${x.toFixed(1)} ${y.toFixed(1)} ${width.toFixed(1)} ${height.toFixed(1)}`, scale: width / 360, middle: x + width / 2 };
}

function PlacementMap({ land, report }: { land: string; report: Ok }) {
  const { placement, picture } = report;
  const description = placement.regions.map((_, i) => `${report.regionLabels[i]}: ${placement.counts[i]} ${placement.counts[i] === 1 ? 'node' : 'nodes'}`).join('; ');
  const points = placement.regions.map((place) => project(place));
  const view = mapView(points);
  const k = view.scale;
  return (
    <figure class="cc-figure">
      <svg class="tool-map" viewBox={view.box} role="img" aria-label={`Replica placement. ${description}.${picture ? ` Lines show ${picture.links}.` : ''}`}>
        <rect width="360" height="180" class="tool-map-sea" />
        <path d={land} class="tool-map-land" style={{ strokeWidth: 0.6 * k }} />
        {picture?.routes.map((route) =>
          route.segments.map((segment, i) => (
            <polyline key={`${route.from}-${route.to}-${i}`} class="tool-map-route" style={{ strokeWidth: 2.4 * k }} points={segment.map((p) => project(p).join(',')).join(' ')} />
          )),
        )}
        {placement.regions.map((place, i) => {
          const [x, y] = points[i]!;
          // Labels point inwards, so a region near the edge of the view keeps its name on screen.
          const right = x > view.middle;
          return (
            <g key={place.id}>
              {picture?.leader === i && <circle cx={x} cy={y} r={11 * k} class="cc-map-leader" style={{ strokeWidth: 2.2 * k }} />}
              <circle cx={x} cy={y} r={(4 + Math.min(placement.counts[i]!, 6)) * k} class="tool-map-place" style={{ strokeWidth: 1.2 * k }} />
              <text x={right ? x - 12 * k : x + 12 * k} y={y - 6 * k} text-anchor={right ? 'end' : 'start'} class="tool-map-label" style={{ fontSize: `${15 * k}px`, strokeWidth: `${3 * k}px` }}>
                {`${report.regionLabels[i]} ×${placement.counts[i]}`}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="tool-note">
        {picture
          ? `Where the ${placement.nodeRegion.length} nodes run (×count per region) and, for ${picture.protocol}, ${picture.links}${picture.leader !== undefined ? ' (ringed)' : ''}.`
          : `Where the ${placement.nodeRegion.length} nodes run (×count per region).`}
      </figcaption>
    </figure>
  );
}

/** One row per eligible protocol: mean operation latency and the slowest region's write latency, against the budget. */
function LatencyBars({ ranking, budget }: { ranking: ProtocolResult[]; budget: number }) {
  const largest = Math.max(...ranking.map((r) => Math.max(r.operationMean, r.writeWorst.ms)), 1);
  // The budget sets the scale only when it is near the bars; a far larger budget would squash them.
  const showBudget = budget <= 2 * largest;
  const max = Math.max(largest * 1.05, showBudget ? budget * 1.02 : 0);
  const x = (value: number) => (100 * value) / max;
  const budgetText = formatFigure(budget, { digits: Number.isInteger(budget) ? 0 : 1, unit: 'ms' });
  return (
    <figure class="cc-figure" data-result="bars">
      <figcaption>
        <strong>Latency per eligible protocol</strong>, in ranking order. <span class="cc-key cc-key-op" aria-hidden="true" /> mean operation (reads and writes, averaged over
        regions); <span class="cc-key cc-key-write" aria-hidden="true" /> write in the slowest region;{' '}
        {showBudget ? `the dashed line is the ${budgetText} budget.` : `the ${budgetText} budget lies beyond the longest bar.`}
      </figcaption>
      <ol class="cc-bars">
        {ranking.map((r) => (
          <li key={r.spec.key} data-protocol={r.spec.key}>
            <span class="cc-bar-name">{r.spec.name}</span>
            <span class="cc-bar-value">
              {ms(r.operationMean)} · {ms(r.writeWorst.ms)}
            </span>
            <svg class="cc-bar" viewBox="0 0 100 20" preserveAspectRatio="none" aria-hidden="true">
              <rect class="cc-bar-op" x="0" y="2" height="7" width={Math.max(0.4, x(r.operationMean))} />
              <rect class="cc-bar-write" x="0" y="11" height="7" width={Math.max(0.4, x(r.writeWorst.ms))} />
              {showBudget && <line class="cc-bar-budget" x1={x(budget)} x2={x(budget)} y1="0" y2="20" vector-effect="non-scaling-stroke" />}
            </svg>
          </li>
        ))}
      </ol>
    </figure>
  );
}

function regionLossText(r: ProtocolResult): string {
  return r.survivesRegionLoss === undefined ? 'one region' : r.survivesRegionLoss ? 'survives' : 'stops';
}

function ProtocolTable({ report }: { report: Ok }) {
  return (
    <div class="cc-table-block">
      {/* The caption is repeated outside the scrolling box so that it stays readable on a narrow screen. */}
      <p class="cc-table-title" aria-hidden="true">
        All eleven protocols for these nodes and regions (f: faults tolerated with your nodes; latencies in ms)
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the table scrolls sideways on narrow screens, and keyboard users must reach it to scroll. */}
      <section class="tool-table-scroll" tabIndex={0} aria-label="All protocols with their numbers (scrolls sideways)">
      <table class="tool-table cc-table" data-result="table">
        <caption class="sr-only">All eleven protocols for these nodes and regions (f: faults tolerated with your nodes; latencies in ms)</caption>
        <thead>
          <tr>
            <th scope="col">Protocol</th>
            <th scope="col">Rank</th>
            <th scope="col">Faults</th>
            <th scope="col">Replicas for f</th>
            <th scope="col">f</th>
            <th scope="col">Quorum</th>
            <th scope="col">Messages per write</th>
            <th scope="col">Message delays</th>
            <th scope="col">Commit</th>
            <th scope="col">Write, mean</th>
            <th scope="col">Write, slowest</th>
            <th scope="col">Read, mean</th>
            <th scope="col">Operation, mean</th>
            <th scope="col">Region loss</th>
            <th scope="col">Score</th>
          </tr>
        </thead>
        <tbody>
          {report.results.map((r) => (
            <tr key={r.spec.key} data-protocol={r.spec.key} class={r.eligible ? undefined : 'cc-excluded'}>
              <th scope="row">{r.spec.name}</th>
              <td data-col="rank">{r.rank === undefined ? 'excluded' : r.role === 'commit' ? '1 (commit)' : r.rank}</td>
              <td>{r.spec.faultModel}</td>
              <td class="cc-wrap">{r.spec.replicas}</td>
              <td data-col="faults">{count(r.faultsTolerated)}</td>
              <td data-col="quorum">{r.quorum === undefined ? '—' : count(r.quorum)}</td>
              <td data-col="messages">
                {count(r.messages)} <span class="tool-unit">({r.spec.messagesFormula})</span>
              </td>
              <td data-col="delays">{count(r.messageDelays)}</td>
              <td data-col="commit">{formatFigure(r.commitMs, { digits: 1 })}</td>
              <td data-col="write">{formatFigure(r.writeMean, { digits: 1 })}</td>
              <td data-col="write-worst">{formatFigure(r.writeWorst.ms, { digits: 1 })}</td>
              <td data-col="read">{formatFigure(r.readMean, { digits: 1 })}</td>
              <td data-col="operation">{formatFigure(r.operationMean, { digits: 1 })}</td>
              <td data-col="region-loss">{regionLossText(r)}</td>
              <td data-col="score">{r.eligible ? formatFigure(r.score, { digits: 1 }) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </section>
    </div>
  );
}

function RttTable({ report }: { report: Ok }) {
  const { regionLabels, placement } = report;
  return (
    <div class="cc-table-block">
      <p class="cc-table-title" aria-hidden="true">
        Round trips between the regions (ms); the diagonal is the round trip within a region
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the table scrolls sideways on narrow screens, and keyboard users must reach it to scroll. */}
      <section class="tool-table-scroll" tabIndex={0} aria-label="Round trips between the regions (scrolls sideways)">
      <table class="tool-table" data-result="matrix">
        <caption class="sr-only">Round trips between the regions (ms); the diagonal is the round trip within a region</caption>
        <thead>
          <tr>
            <th scope="col">From \ to</th>
            {regionLabels.map((label) => (
              <th scope="col" key={label}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {regionLabels.map((label, i) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {placement.regionRtt[i]!.map((value, j) => (
                <td key={regionLabels[j]}>{formatFigure(value, { digits: 1 })}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      </section>
    </div>
  );
}

export default function ConsensusChooser({ land, placeOptions }: Props) {
  const { state, update } = useToolState(consensusFields);
  const report = useMemo(() => consensusReport(state.values), [state.values]);
  const top = report.ok ? report.ranking[0] : undefined;

  return (
    <div class="tool not-content" data-tool="consensus">
      <form class="tool-inputs" onSubmit={(event) => event.preventDefault()} aria-label="Consensus inputs">
        <Choice
          id="need"
          legend="What you need"
          value={state.raw.need}
          error={state.errors.need}
          options={[
            { value: 'replication', label: 'Replicate one state machine' },
            { value: 'atomic-commit', label: 'Atomic commit across shards' },
          ]}
          onChange={(v) => update('need', v)}
        />
        <Choice
          id="faults"
          legend="Fault model"
          value={state.raw.faults}
          error={state.errors.faults}
          options={[
            { value: 'crash', label: 'Crash (nodes stop)' },
            { value: 'byzantine', label: 'Byzantine (nodes may lie)' },
          ]}
          onChange={(v) => update('faults', v)}
        />
        <Field id="nodes" label={consensusFields.nodes.label} value={state.raw.nodes} error={state.errors.nodes} inputMode="numeric" hint="1 to 25, spread round-robin over the regions." onInput={(t) => update('nodes', t)} />
        <PlaceList
          noun="region"
          legend={`Regions (one to ${MAX_REGIONS}: cloud regions or cities)`}
          raw={state.raw.regions}
          error={state.errors.regions}
          minItems={1}
          maxItems={MAX_REGIONS}
          placeOptions={placeOptions}
          onChange={(raw) => update('regions', raw)}
        />
        <Field id="reads" label={consensusFields.reads.label} unit="0 to 1, 0.9 = 90 % reads" value={state.raw.reads} error={state.errors.reads} onInput={(t) => update('reads', t)} />
        <Choice
          id="consistency"
          legend="Consistency you need"
          value={state.raw.consistency}
          error={state.errors.consistency}
          options={[
            { value: 'linearizable', label: 'Linearizable' },
            { value: 'sequential', label: 'Sequential' },
            { value: 'causal', label: 'Causal' },
            { value: 'eventual', label: 'Eventual' },
          ]}
          onChange={(v) => update('consistency', v)}
        />
        <Field id="latency" label={consensusFields.latency.label} unit="ms, slowest region" value={state.raw.latency} error={state.errors.latency} onInput={(t) => update('latency', t)} />
        <Field id="stretch" label={consensusFields.stretch.label} unit="× great circle" hint="Cable length over great-circle length: 1 is the physical floor." value={state.raw.stretch} error={state.errors.stretch} onInput={(t) => update('stretch', t)} />
        <Field id="local" label={consensusFields.local.label} unit="ms" hint="Between nodes in one region (different zones)." value={state.raw.local} error={state.errors.local} onInput={(t) => update('local', t)} />
      </form>

      <section class="tool-results" aria-label="Results">
        {!report.ok ? (
          <p class="tool-warning" role="status" data-result="error">
            {report.message}
          </p>
        ) : (
          <>
            <p class={top ? 'tool-answer' : 'tool-warning'} data-result="answer" aria-live="polite">
              {report.answer}
            </p>
            {report.placement.note && (
              <p class="tool-warning" data-result="placement-note">
                {report.placement.note}
              </p>
            )}
            {top && (
              <dl class="tool-figures" data-result="top">
                <div>
                  <dt>{top.spec.name}: commit latency</dt>
                  <dd data-result="top-commit">{ms(top.commitMs)}</dd>
                </div>
                <div>
                  <dt>Client write, mean</dt>
                  <dd data-result="top-write">{ms(top.writeMean)}</dd>
                </div>
                <div>
                  <dt>Operation, mean</dt>
                  <dd data-result="top-operation">{ms(top.operationMean)}</dd>
                </div>
                <div>
                  <dt>Faults tolerated</dt>
                  <dd data-result="top-faults">{count(top.faultsTolerated)}</dd>
                </div>
                <div>
                  <dt>Messages per write</dt>
                  <dd data-result="top-messages">{count(top.messages)}</dd>
                </div>
              </dl>
            )}
            {report.ranking.length > 0 && <LatencyBars ranking={report.ranking} budget={state.values.latency} />}
            <PlacementMap land={land} report={report} />
          </>
        )}
      </section>
      {report.ok && (
        <section class="tool-results cc-details" aria-label="Ranking and explanations">
          <h3>Ranking, with the rules that fired</h3>
          {report.ranking.length === 0 ? (
            <p class="tool-note">Nothing is eligible; the reasons are below.</p>
          ) : (
            <ol class="cc-ranking" data-result="ranking">
              {report.ranking.map((r) => (
                <li key={r.spec.key} data-protocol={r.spec.key}>
                  <h4>
                    {r.spec.name}{' '}
                    <span class="cc-score">
                      {r.role === 'commit' ? 'atomic commit' : `score ${formatFigure(r.score, { digits: 1 })}`}
                      {r.tiedWithPrevious ? ', tied' : ''}
                    </span>
                  </h4>
                  <p>{r.why}</p>
                </li>
              ))}
            </ol>
          )}
          {report.excluded.length > 0 && (
            <>
              <h3>Excluded</h3>
              <ul class="cc-excluded-list" data-result="excluded">
                {report.excluded.map((r) => (
                  <li key={r.spec.key} data-protocol={r.spec.key}>
                    <strong>{r.spec.name}.</strong> {r.exclusions.join(' ')}
                  </li>
                ))}
              </ul>
            </>
          )}

          <ProtocolTable report={report} />
          <RttTable report={report} />

          <details class="cc-sources">
            <summary>Sources, counts and score weights</summary>
            <p class="tool-note">
              Score = latency (up to {WEIGHTS.latency}) + messages (up to {WEIGHTS.messages}) + fault tolerance (up to {WEIGHTS.faults}) + survives a region loss (
              {WEIGHTS.regionLoss}) − over the write budget ({WEIGHTS.overBudget}) − nodes that add no tolerance ({WEIGHTS.wastedNodes}, not applied to Flexible Paxos) − needs a configuration service (
              {WEIGHTS.externalService}). {top && top.role === undefined ? `${top.spec.name}: ${scoreText(top)}.` : ''}
            </p>
            <ul>
              {PROTOCOLS.map((p) => (
                <li key={p.key}>
                  <strong>{p.name}</strong>: {p.source}. Reads {p.readText}. Message delays {p.delaysFormula}; messages {p.messagesFormula}, {p.countedBy}.
                </li>
              ))}
            </ul>
          </details>
        </section>
      )}
    </div>
  );
}
