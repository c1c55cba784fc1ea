/**
 * Raft, seen working: servers, terms, logs and messages in flight, driven by a RaftCluster in a Web Worker
 * (site/src/workers/raft.worker.ts). The island binds controls, the URL and the worker's snapshots; what to draw
 * comes from @compendium/tools/raft-view and every rule of the protocol lives in @compendium/sim.
 */
import { RAFT_SCENARIOS, type RaftClusterDescription, type RaftClusterOptions, type RaftNodeView, type RaftSnapshot } from '@compendium/sim';
import { mergeQuery } from '@compendium/tools/query';
import { seedField } from '@compendium/tools/simulation-state';
import { RAFT_DEFAULT_NODES, RAFT_DEFAULT_SEED, RAFT_MAX_TIME, RAFT_NODE_CHOICES, RAFT_URL_KEYS, raftRunQuery, readRaftRun } from '@compendium/tools/raft-state';
import {
  activePartition,
  canReach,
  describeCluster,
  describeMessage,
  flightProgress,
  isReply,
  logGrid,
  messageFamily,
  messagePoint,
  serverPositions,
  timerProgress,
} from '@compendium/tools/raft-view';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { RaftCommand, RaftInput, RaftReport } from '../workers/raft.worker.ts';
import { Field } from './shared/Field.tsx';
import { SelectField } from './shared/SelectField.tsx';

const SPEEDS = [0.02, 0.05, 0.1, 0.25, 0.5, 1];
const SCENARIO_CHOICES = [{ value: '', label: 'Free run' }, ...RAFT_SCENARIOS.map((s) => ({ value: s.id, label: s.title }))];
const NODE_CHOICES = RAFT_NODE_CHOICES.map((n) => ({ value: String(n), label: String(n) }));
const VIEW = 420;
const CENTER = { x: VIEW / 2, y: VIEW / 2 };
const RING = 150;
const SERVER_RADIUS = 38;
const ROLE_NAMES: Record<RaftNodeView['role'], string> = { follower: 'follower', 'pre-candidate': 'pre-candidate', candidate: 'candidate', leader: 'leader' };

function seconds(value: number): string {
  return `${value.toLocaleString('en-US', { minimumFractionDigits: 3, maximumFractionDigits: 3 })} s`;
}

/** An arc from the top of a circle, clockwise over `share` of it: the election timer filling up. */
function arcPath(cx: number, cy: number, r: number, share: number): string {
  const clamped = Math.min(0.9999, Math.max(0, share));
  const angle = -Math.PI / 2 + 2 * Math.PI * clamped;
  const x = cx + r * Math.cos(angle);
  const y = cy + r * Math.sin(angle);
  return `M ${cx} ${cy - r} A ${r} ${r} 0 ${clamped > 0.5 ? 1 : 0} 1 ${x.toFixed(2)} ${y.toFixed(2)}`;
}

interface Loaded {
  scenario: string | null;
  options: RaftClusterOptions;
}

export default function RaftVisualizer() {
  const [loaded, setLoaded] = useState<Loaded>({ scenario: null, options: { nodes: RAFT_DEFAULT_NODES, seed: RAFT_DEFAULT_SEED } });
  const [urlErrors, setUrlErrors] = useState<Record<string, string>>({});
  const [snapshot, setSnapshot] = useState<RaftSnapshot>();
  const [description, setDescription] = useState<RaftClusterDescription>();
  const [playing, setPlaying] = useState(false);
  const [horizon, setHorizon] = useState(0);
  const [speed, setSpeed] = useState(0.1);
  const [selected, setSelected] = useState('n1');
  const [dropTo, setDropTarget] = useState('');
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState<string>();
  const [writes, setWrites] = useState(0);
  const [seedText, setSeedText] = useState(String(RAFT_DEFAULT_SEED));
  const [setup, setSetup] = useState<{ scenario: string; nodes: number }>({ scenario: '', nodes: RAFT_DEFAULT_NODES });
  const worker = useRef<Worker>();

  const send = (command: RaftCommand) => worker.current?.postMessage(command);

  useEffect(() => {
    const w = new Worker(new URL('../workers/raft.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<RaftReport>) => {
      const report = event.data;
      if (report.type === 'error') {
        setFailure(report.message);
        setPlaying(false);
        return;
      }
      setFailure(undefined);
      setSnapshot(report.snapshot);
      setPlaying(report.playing);
      setHorizon(report.horizon);
      if (report.description) setDescription(report.description);
      if (report.notice) setNotice(report.notice);
    };
    worker.current = w;
    // The URL is read after mount: the island is also rendered at build time, where there is no window.
    const state = readRaftRun(window.location.search, RAFT_SCENARIOS);
    setUrlErrors(state.errors);
    setLoaded({ scenario: state.scenario, options: state.options });
    setSetup({ scenario: state.scenario ?? '', nodes: state.options.nodes });
    setSeedText(String(state.options.seed));
    w.postMessage({ type: 'load', options: state.options, time: state.time } satisfies RaftCommand);
    return () => w.terminate();
  }, []);

  const scenario = RAFT_SCENARIOS.find((s) => s.id === loaded.scenario);
  const startingInputs = useMemo(() => (scenario ? { nemesis: scenario.options.nemesis ?? [], commands: scenario.options.commands ?? [] } : undefined), [scenario]);

  // The address bar follows the run whenever it stands still, so what is on screen can be shared as it is. The write
  // waits for a quarter second of stillness: dragging the time slider yields dozens of snapshots a second, and
  // Firefox and Safari refuse more than about a hundred replaceState calls in ten seconds.
  useEffect(() => {
    if (!snapshot || !description || playing) return;
    const query = raftRunQuery({ scenario: loaded.scenario, options: { ...loaded.options, nemesis: description.nemesis, commands: description.commands }, time: snapshot.time }, startingInputs);
    const write = setTimeout(() => history.replaceState(null, '', `${window.location.pathname}${mergeQuery(window.location.search, (key) => RAFT_URL_KEYS.has(key), query)}${window.location.hash}`), 250);
    return () => clearTimeout(write);
  }, [snapshot, description, playing, loaded, startingInputs]);

  const seedParsed = seedField.parse(seedText);
  const seedValue = seedParsed.ok ? seedParsed.value : 0;
  const seedError = seedParsed.ok ? undefined : seedParsed.message;

  const loadSetup = () => {
    const chosen = RAFT_SCENARIOS.find((s) => s.id === setup.scenario);
    if (!chosen && seedError) return;
    const options: RaftClusterOptions = chosen ? { ...chosen.options } : { nodes: setup.nodes, seed: seedValue };
    setLoaded({ scenario: chosen?.id ?? null, options });
    setUrlErrors({});
    setNotice(chosen ? `Loaded: ${chosen.title}.` : `Loaded a ${options.nodes}-server cluster with seed ${options.seed}.`);
    if (chosen) setSeedText(String(chosen.options.seed));
    setSelected('n1');
    send({ type: 'load', options, time: 0 });
  };

  const input = (value: RaftInput) => send({ type: 'input', input: value });

  const nodes = snapshot?.nodes ?? [];
  const positions = useMemo(() => serverPositions(nodes.map((n) => n.id), CENTER, RING), [nodes.length, nodes[0]?.id]);
  const partition = snapshot ? activePartition(snapshot.nemesis, snapshot.time) : null;
  const grid = useMemo(() => logGrid(nodes), [snapshot]);
  const current = nodes.find((n) => n.id === selected) ?? nodes[0];
  // The link to drop a message on runs from the selected server to another; the first other server unless chosen.
  const dropTarget = nodes.some((n) => n.id === dropTo && n.id !== current?.id) ? dropTo : (nodes.find((n) => n.id !== current?.id)?.id ?? '');
  const atEnd = snapshot !== undefined && snapshot.time >= RAFT_MAX_TIME;
  const summary = snapshot ? describeCluster(snapshot) : 'Loading the cluster…';

  return (
    <div class="tool raft not-content" data-raft>
      <form
        class="raft-setup"
        aria-label="Raft cluster: setup"
        onSubmit={(event) => {
          event.preventDefault();
          loadSetup();
        }}
      >
        <SelectField id="raft-scenario" label="Scenario" value={setup.scenario} options={SCENARIO_CHOICES} onChange={(scenario) => setSetup({ ...setup, scenario })} />
        <SelectField id="raft-nodes" label="Servers" value={String(setup.nodes)} options={NODE_CHOICES} disabled={setup.scenario !== ''} onChange={(nodes) => setSetup({ ...setup, nodes: Number(nodes) })} />
        <Field id="raft-seed" label="Seed" inputMode="numeric" value={seedText} disabled={setup.scenario !== ''} error={setup.scenario === '' ? seedError : undefined} onInput={setSeedText} />
        <button type="submit" class="raft-button" disabled={setup.scenario === '' && seedError !== undefined}>
          Load and reset
        </button>
      </form>
      {Object.values(urlErrors).map((message) => (
        <p class="tool-error" role="alert" key={message}>
          From the link: {message}. The default was used instead.
        </p>
      ))}
      {scenario && (
        <div class="raft-scenario" data-raft-scenario={scenario.id}>
          <p>
            <strong>{scenario.title}.</strong> {scenario.explanation}
          </p>
        </div>
      )}

      <fieldset class="raft-controls">
        <legend class="sr-only">Time controls</legend>
        <button type="button" class="raft-button" onClick={() => send({ type: playing ? 'pause' : 'play' })} disabled={!snapshot || atEnd} aria-pressed={playing}>
          {playing ? 'Pause' : 'Run'}
        </button>
        <button type="button" class="raft-button" onClick={() => send({ type: 'step', seconds: 0.005 })} disabled={!snapshot || atEnd}>
          Step 5 ms
        </button>
        <button type="button" class="raft-button" onClick={() => send({ type: 'step', seconds: 0.1 })} disabled={!snapshot || atEnd}>
          Step 100 ms
        </button>
        <button type="button" class="raft-button" onClick={() => send({ type: 'seek', time: 0 })} disabled={!snapshot}>
          Back to 0
        </button>
        <label for="raft-speed">Speed</label>
        <select
          id="raft-speed"
          value={String(speed)}
          onChange={(event) => {
            const value = Number((event.currentTarget as HTMLSelectElement).value);
            setSpeed(value);
            send({ type: 'speed', value });
          }}
        >
          {SPEEDS.map((s) => (
            <option value={String(s)} key={s}>
              {s}×
            </option>
          ))}
        </select>
        <label for="raft-time" class="raft-time-label">
          Time
        </label>
        <input
          id="raft-time"
          type="range"
          min="0"
          max={String(Math.max(horizon, scenario?.duration ?? 0, 0.001))}
          step="0.001"
          value={String(snapshot?.time ?? 0)}
          aria-valuetext={snapshot ? seconds(snapshot.time) : undefined}
          onInput={(e) => send({ type: 'seek', time: Number((e.currentTarget as HTMLInputElement).value) })}
        />
        <output for="raft-time" class="raft-clock">
          {snapshot ? seconds(snapshot.time) : '–'}
        </output>
      </fieldset>

      <div class="raft-stage">
        <svg class="raft-ring" viewBox={`0 0 ${VIEW} ${VIEW}`} role="img" aria-labelledby="raft-ring-title">
          <title id="raft-ring-title">{`Servers and messages in flight at ${snapshot ? seconds(snapshot.time) : '0 s'}. ${summary}`}</title>
          {nodes.map((a, i) =>
            nodes.slice(i + 1).map((b) => {
              const pa = positions.get(a.id);
              const pb = positions.get(b.id);
              if (!pa || !pb) return null;
              return <line key={`${a.id}-${b.id}`} class={canReach(partition, a.id, b.id) ? 'raft-link' : 'raft-link raft-link-cut'} x1={pa.x} y1={pa.y} x2={pb.x} y2={pb.y} />;
            }),
          )}
          {snapshot?.messages.map((m, i) => {
            const from = positions.get(m.from);
            const to = positions.get(m.to);
            if (!from || !to) return null;
            const p = messagePoint(from, to, flightProgress(m, snapshot.time), SERVER_RADIUS);
            const family = messageFamily(m.type);
            const carries = m.message.type === 'AppendEntries' && m.message.entries.length > 0;
            return (
              <g key={`${m.from}-${m.to}-${m.sentAt}-${i}`} class={`raft-message raft-${family}${isReply(m.type) ? ' raft-reply' : ''}${carries ? ' raft-carries' : ''}`}>
                <title>{describeMessage(m)}</title>
                {family === 'append' ? <rect x={p.x - 6} y={p.y - 6} width="12" height="12" rx="2" /> : <circle cx={p.x} cy={p.y} r="6.5" />}
              </g>
            );
          })}
          {nodes.map((n) => {
            const p = positions.get(n.id);
            if (!p) return null;
            const progress = timerProgress(n);
            return (
              // biome-ignore lint/a11y/noStaticElementInteractions: a shortcut for the mouse; the Server select beside the ring does the same from the keyboard
              <g
                key={n.id}
                class={`raft-server raft-${n.up ? n.role : 'down'}${n.paused ? ' raft-paused' : ''}${n.member ? '' : ' raft-outside'}${n.id === current?.id ? ' raft-selected' : ''}`}
                data-server={n.id}
                data-role={n.up ? n.role : 'down'}
                data-term={n.term}
                onClick={() => setSelected(n.id)}
              >
                <circle class="raft-server-body" cx={p.x} cy={p.y} r={SERVER_RADIUS} />
                {progress !== null && n.up && <path class="raft-timer" d={arcPath(p.x, p.y, SERVER_RADIUS + 5, progress)} />}
                <text x={p.x} y={p.y - 8} class="raft-server-name">
                  {n.id}
                </text>
                <text x={p.x} y={p.y + 9} class="raft-server-term">
                  {`term ${n.term}`}
                </text>
                <text x={p.x} y={p.y + 23} class="raft-server-role">
                  {!n.up ? 'crashed' : n.paused ? 'paused' : n.member ? ROLE_NAMES[n.role] : 'not a member'}
                </text>
              </g>
            );
          })}
        </svg>

        <div class="raft-side">
          <SelectField id="raft-server" label="Server" value={current?.id ?? ''} options={nodes.map((n) => ({ value: n.id, label: n.id }))} onChange={setSelected} />
          {current && (
            <dl class="raft-facts" data-raft-facts={current.id}>
              <dt>State</dt>
              <dd>{!current.up ? 'crashed' : current.paused ? `paused (${ROLE_NAMES[current.role]})` : ROLE_NAMES[current.role]}</dd>
              <dt>Configuration</dt>
              <dd>{current.config.length > 0 ? current.config.join(' ') : 'none yet'}{current.member ? '' : ' (not a member)'}</dd>
              <dt>Term</dt>
              <dd>{current.term}</dd>
              <dt>Voted for</dt>
              <dd>{current.votedFor ?? 'nobody'}</dd>
              <dt>Leader it knows</dt>
              <dd>{current.leaderId ?? 'none'}</dd>
              <dt>Commit index</dt>
              <dd>{current.commitIndex}</dd>
              <dt>Own clock</dt>
              <dd>{seconds(current.localTime)}</dd>
            </dl>
          )}
          <fieldset class="raft-actions">
            <legend>Break it</legend>
            {current?.up ? (
              <button type="button" class="raft-button" onClick={() => input({ type: 'crash', node: current.id })}>
                Crash {current.id}
              </button>
            ) : (
              <button type="button" class="raft-button" disabled={!current} onClick={() => current && input({ type: 'restart', node: current.id })}>
                Restart {current?.id}
              </button>
            )}
            <button type="button" class="raft-button" disabled={!current?.up} onClick={() => current && input({ type: 'pause-node', node: current.id, duration: 1 })}>
              Pause 1 s
            </button>
            <button type="button" class="raft-button" disabled={!current} onClick={() => current && input({ type: 'isolate', node: current.id })}>
              Isolate
            </button>
            <button type="button" class="raft-button" disabled={!partition} onClick={() => input({ type: 'heal' })}>
              Heal partition
            </button>
            <button type="button" class="raft-button" disabled={!current?.up} onClick={() => current && input({ type: 'skew', node: current.id, skew: 0, drift: 0.5 })}>
              Clock 50 % fast
            </button>
            <div class="raft-drop">
              <label for="raft-drop-to">Drop one message to</label>
              <select id="raft-drop-to" value={dropTarget} onChange={(e) => setDropTarget((e.currentTarget as HTMLSelectElement).value)}>
                {nodes
                  .filter((n) => n.id !== current?.id)
                  .map((n) => (
                    <option value={n.id} key={n.id}>
                      {n.id}
                    </option>
                  ))}
              </select>
              <button
                type="button"
                class="raft-button"
                disabled={!current?.up || !dropTarget}
                aria-label={`Drop the next message from ${current?.id ?? ''} to ${dropTarget}`}
                onClick={() => current && dropTarget && input({ type: 'drop', from: current.id, to: dropTarget })}
              >
                Drop
              </button>
            </div>
          </fieldset>
          <button
            type="button"
            class="raft-button raft-write"
            disabled={!snapshot}
            onClick={() => {
              const next = writes + 1;
              setWrites(next);
              input({ type: 'write', key: 'x', value: String(next) });
            }}
          >
            Client write x={writes + 1}
          </button>
        </div>
      </div>

      <p class="raft-notice" role="status" data-raft-notice>
        {notice}
      </p>
      {failure && (
        <p class="tool-error" role="alert">
          The run stopped: {failure}
        </p>
      )}
      {snapshot && snapshot.violations.length > 0 && (
        <p class="tool-error" role="alert" data-raft-violations>
          Safety violated: {snapshot.violations.map((v) => `${v.invariant} at ${seconds(v.time)}: ${v.detail}`).join(" ")}
        </p>
      )}

      <ul class="raft-legend" aria-label="Legend">
        <li>
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <circle cx="8" cy="8" r="6" class="raft-message raft-vote" />
          </svg>
          vote request (pre-vote or RequestVote)
        </li>
        <li>
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <rect x="2" y="2" width="12" height="12" rx="2" class="raft-message raft-append raft-carries" />
          </svg>
          AppendEntries with entries
        </li>
        <li>
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <rect x="2" y="2" width="12" height="12" rx="2" class="raft-message raft-append" />
          </svg>
          heartbeat
        </li>
        <li>
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <circle cx="8" cy="8" r="5.5" class="raft-message raft-reply raft-vote" />
          </svg>
          reply (hollow)
        </li>
        <li>
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path d="M 8 2 A 6 6 0 0 1 14 8" class="raft-timer" />
          </svg>
          election timer filling
        </li>
      </ul>

      <p class="raft-logs-title" id="raft-logs-caption">
        Logs: each cell is an entry, its term above its command; committed entries are filled, uncommitted ones outlined.
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: long logs scroll sideways, and keyboard users must reach the region to scroll it. */}
      <section class="raft-logs" aria-labelledby="raft-logs-caption" tabIndex={0}>
        <table data-raft-logs aria-labelledby="raft-logs-caption">
          <thead>
            <tr>
              <th scope="col">Server</th>
              {Array.from({ length: grid.columns }, (_, i) => (
                <th scope="col" key={i}>
                  {i + 1}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((row) => (
              <tr key={row.id} data-log={row.id}>
                <th scope="row">{row.id}</th>
                {Array.from({ length: grid.columns }, (_, i) => {
                  const cell = row.cells[i];
                  return (
                    <td key={i} class={cell ? (cell.committed ? 'raft-entry raft-committed' : 'raft-entry') : undefined} data-term={cell?.term}>
                      {cell && (
                        <>
                          <span class="raft-entry-term">{cell.term}</span>
                          <span class="raft-entry-command">{cell.label}</span>
                          <span class="sr-only">{cell.committed ? ' (committed)' : ' (not committed)'}</span>
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {snapshot && snapshot.elections.length > 0 && (
        <details class="raft-elections">
          <summary>Elections so far ({snapshot.elections.length})</summary>
          <ol>
            {snapshot.elections.map((e) => (
              <li key={e.term}>
                Term {e.term}: {e.candidates.length === 0 ? 'no candidate' : `candidate${e.candidates.length > 1 ? 's' : ''} ${e.candidates.join(', ')}`};{' '}
                {e.leader ? `${e.leader} elected at ${seconds(e.electedAt ?? 0)}` : 'no leader (split vote or lost contact)'}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
