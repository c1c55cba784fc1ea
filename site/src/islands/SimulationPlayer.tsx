/**
 * A live simulation beside its chart: the run happens in a Web Worker (site/src/workers/simulation.worker.ts) on the
 * deterministic simulator; this island only binds the controls, the URL and the worker's snapshots.
 */
import { type ScenarioDefinition, type Snapshot, scenarioById } from '@compendium/sim';
import { mergeQuery } from '@compendium/tools/query';
import { readSimulationState, simulationQuery, theoryFor } from '@compendium/tools/simulation-state';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SimulationCommand, SimulationReport } from '../workers/simulation.worker.ts';
import { Field } from './shared/Field.tsx';
import { LiveChart } from './shared/LiveChart.tsx';

interface Props {
  /** Scenario id from @compendium/sim's registry. */
  scenario: string;
}

const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16];

function format(value: number, digits: number, percent?: boolean): string {
  const v = percent ? value * 100 : value;
  return `${v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}${percent ? ' %' : ''}`;
}

function parameterKeys(definition: ScenarioDefinition): string[] {
  return ['seed', ...definition.fields.map((f) => f.key)];
}

function rawFromUrl(definition: ScenarioDefinition): Record<string, string> {
  const params = new URLSearchParams(window.location.search);
  const raw: Record<string, string> = {};
  for (const key of parameterKeys(definition)) {
    const value = params.get(key);
    if (value !== null) raw[key] = value;
  }
  return raw;
}

export default function SimulationPlayer({ scenario }: Props) {
  const definition = useMemo(() => scenarioById(scenario), [scenario]);
  // The URL is read after mount: the island is also rendered at build time, where there is no window.
  const [raw, setRaw] = useState<Record<string, string>>({});
  const state = useMemo(() => readSimulationState(definition, raw), [definition, raw]);
  const [applied, setApplied] = useState(state);
  const [snapshot, setSnapshot] = useState<Snapshot>();
  const [duration, setDuration] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const [failure, setFailure] = useState<string>();
  const worker = useRef<Worker>();
  const id = `sim-${definition.id}`;

  const send = (command: SimulationCommand) => worker.current?.postMessage(command);

  useEffect(() => {
    const w = new Worker(new URL('../workers/simulation.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<SimulationReport>) => {
      const report = event.data;
      if (report.type === 'error') {
        setFailure(report.message);
        setPlaying(false);
        return;
      }
      setFailure(undefined);
      setSnapshot(report.snapshot);
      setPlaying(report.playing);
      setDuration(report.duration);
    };
    worker.current = w;
    const fromUrl = rawFromUrl(definition);
    const initial = readSimulationState(definition, fromUrl);
    setRaw(fromUrl);
    setApplied(initial);
    w.postMessage({ type: 'load', scenario: definition.id, params: initial.params, seed: initial.seed } satisfies SimulationCommand);
    return () => w.terminate();
  }, [definition]);

  const hasErrors = Object.keys(state.errors).length > 0;

  const apply = () => {
    if (hasErrors) return;
    setApplied(state);
    const owned = new Set(parameterKeys(definition));
    const query = mergeQuery(window.location.search, (key) => owned.has(key), simulationQuery(definition, state));
    history.replaceState(null, '', `${window.location.pathname}${query}${window.location.hash}`);
    send({ type: 'load', scenario: definition.id, params: state.params, seed: state.seed });
  };

  const theory = useMemo(() => theoryFor(definition.id, applied.params), [definition, applied]);
  const x = snapshot?.series[0]?.times ?? [];
  const series = useMemo(
    () => (snapshot?.series ?? []).map((s) => ({ label: s.label, values: x.map((_, i) => s.values[i] ?? null) })),
    [snapshot],
  );
  const done = snapshot !== undefined && (snapshot.done || snapshot.time >= duration);
  const status = !snapshot
    ? 'Loading the simulation…'
    : `${done ? 'Finished' : playing ? 'Running' : 'Paused'} at ${format(snapshot.time, 1)} s of simulated time${duration ? ` (of ${format(duration, 0)} s)` : ''}, ${snapshot.events.toLocaleString('en-US')} ${snapshot.events === 1 ? 'event' : 'events'}.`;

  return (
    <div class="tool simulation" data-simulation={definition.id}>
      <form
        class="tool-inputs"
        aria-label={`${definition.title}: parameters`}
        onSubmit={(event) => {
          event.preventDefault();
          apply();
        }}
      >
        <div class="simulation-fields">
          {definition.fields.map((field) => (
            <Field
              key={field.key}
              id={`${id}-${field.key}`}
              label={field.label}
              unit={field.unit}
              inputMode={field.integer ? 'numeric' : 'decimal'}
              value={raw[field.key] ?? String(definition.defaults[field.key])}
              error={state.errors[field.key]}
              onInput={(text) => setRaw({ ...raw, [field.key]: text })}
            />
          ))}
          <Field id={`${id}-seed`} label="Seed" inputMode="numeric" value={raw.seed ?? String(state.seed)} error={state.errors.seed} onInput={(text) => setRaw({ ...raw, seed: text })} />
        </div>
        {state.errors.combination && (
          <p class="tool-error" role="alert">
            {state.errors.combination}
          </p>
        )}
        <button type="submit" class="simulation-apply" disabled={hasErrors}>
          Apply and reset
        </button>
      </form>

      <fieldset class="simulation-controls">
        <legend class="sr-only">Simulation controls</legend>
        <button type="button" onClick={() => send({ type: playing ? 'pause' : 'play' })} disabled={!snapshot || done} aria-pressed={playing}>
          {playing ? 'Pause' : 'Run'}
        </button>
        <button type="button" onClick={() => send({ type: 'step' })} disabled={!snapshot || done}>
          Step
        </button>
        <button type="button" onClick={() => send({ type: 'load', scenario: definition.id, params: applied.params, seed: applied.seed })}>
          Reset
        </button>
        <label for={`${id}-speed`}>Speed</label>
        <select
          id={`${id}-speed`}
          value={String(speed)}
          onChange={(event) => {
            const value = Number((event.currentTarget as HTMLSelectElement).value);
            setSpeed(value);
            send({ type: 'speed', value });
          }}
        >
          {SPEEDS.map((s) => (
            <option value={String(s)}>{s}×</option>
          ))}
        </select>
      </fieldset>
      {/* The clock changes ten times a second: it is shown, not announced; the live region speaks on state changes. */}
      <p class="simulation-clock" aria-hidden="true">
        {status}
      </p>
      <p class="sr-only" role="status" data-simulation-status>
        {playing ? 'Running.' : status}
      </p>
      {failure && (
        <p class="tool-error" role="alert">
          The simulation stopped: {failure}
        </p>
      )}

      <LiveChart label={`${definition.title}: ${definition.chart.yLabel} over simulated time`} xLabel="Simulated time (s)" yLabel={definition.chart.yLabel} x={x} series={series} log={definition.chart.log} />

      <table class="simulation-figures">
        <caption>Figures so far (seed {applied.seed})</caption>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">Simulated</th>
            {theory.length > 0 && <th scope="col">Theory</th>}
          </tr>
        </thead>
        <tbody>
          {definition.figures.map((figure) => {
            const value = snapshot?.figures[figure.key];
            const predicted = theory.find((t) => t.key === figure.key);
            return (
              <tr key={figure.key} data-figure={figure.key}>
                <th scope="row">{figure.label}</th>
                <td data-value={value === undefined ? undefined : String(value)}>{value === undefined || !Number.isFinite(value) ? '–' : `${format(value, figure.digits, figure.percent)}${figure.unit ? ` ${figure.unit}` : ''}`}</td>
                {theory.length > 0 && <td>{predicted ? `${format(predicted.value, figure.digits, figure.percent)}${figure.unit ? ` ${figure.unit}` : ''}` : ''}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
