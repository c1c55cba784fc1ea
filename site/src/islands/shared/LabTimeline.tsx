/**
 * A lock-lab run as swim lanes: one lane per node, time left to right. Holds are bars from grant to release, writes
 * are dots (filled when the storage accepted them, hollow when it refused), faults are hatched spans, and the writes
 * a violation names are ringed. A close-up (`window`) also draws every message between the lock service and the
 * clients as a line from sender to receiver, a Lamport diagram of the moment that went wrong. The same events are
 * listed in a table below for screen readers and for copying.
 */
import type { LockLabResult, TimelineEvent } from '@compendium/lab';
import { useId } from 'preact/hooks';

const LANE = 34;
const LEFT = 64;
const RIGHT = 16;
const WIDTH = 760;
const TOP = 18;

type Notable = Extract<TimelineEvent, { kind: 'grant' | 'write' | 'release' | 'crash' | 'restart' | 'pause' | 'resume' | 'partition' | 'heal' | 'clock' }>;

function notable(event: TimelineEvent): event is Notable {
  return ['grant', 'write', 'release', 'crash', 'restart', 'pause', 'resume', 'partition', 'heal', 'clock'].includes(event.kind);
}

function describe(event: Notable): string {
  switch (event.kind) {
    case 'grant':
      return `lock grants ${event.client} token ${event.token}${event.leaseUntil === undefined ? '' : `, lease until ${event.leaseUntil.toFixed(3)} s`}`;
    case 'write':
      return `${event.client} writes${event.token === undefined ? ' without a token' : ` with token ${event.token}`}: ${event.accepted ? 'accepted' : 'rejected'}`;
    case 'release':
      return `${event.client} releases${event.token === undefined ? '' : ` token ${event.token}`}`;
    default:
      return `${event.kind}${event.node ? ` ${event.node}` : ''}${event.detail ? ` (${event.detail})` : ''}`;
  }
}

interface Props {
  result: LockLabResult;
  title: string;
  /** Seconds shown, [from, to]; the whole run by default. */
  window?: readonly [number, number];
  /** Draw the messages between the lock service and the clients (legible only in a close-up). */
  messages?: boolean;
}

/** Seconds between labelled ticks: about five to ten labels whatever the span. */
function tickStep(span: number): number {
  return span <= 2 ? 0.25 : span <= 4 ? 0.5 : span <= 10 ? 1 : 2;
}

/** The stretch of a run around a violation's records, with a margin, for the close-up. */
export function violationWindow(result: LockLabResult, margin = 0.25): [number, number] | undefined {
  const records = result.violations[0]?.records;
  if (!records || records.length === 0) return undefined;
  const times = records.map((r) => r.time);
  return [Math.max(0, Math.min(...times) - margin), Math.min(result.duration, Math.max(...times) + margin)];
}

export function LabTimeline({ result, title, window: shown, messages = false }: Props) {
  const clients = Array.from({ length: result.clients }, (_, i) => `c${i + 1}`);
  const lanes = ['lock', ...clients, 'storage'];
  const height = TOP + lanes.length * LANE + 24;
  // Two timelines can share a page: their pattern and marker ids must not collide.
  const uid = useId();
  const hatch = `lab-hatch-${uid}`;
  const arrow = `lab-arrow-${uid}`;
  const [from, to] = shown ?? [0, result.duration];
  const inWindow = (time: number) => time >= from && time <= to;
  const x = (time: number) => LEFT + ((Math.min(Math.max(time, from), to) - from) / (to - from)) * (WIDTH - LEFT - RIGHT);
  const y = (node: string) => TOP + lanes.indexOf(node) * LANE + LANE / 2;
  const ringed = new Set(result.violations.flatMap((v) => v.records.filter((r) => r.type === 'write').map((r) => `${r.client}@${r.time}`)));

  const holds: { client: string; from: number; to: number; token: number }[] = [];
  const open = new Map<string, { from: number; token: number }>();
  for (const e of result.timeline) {
    if (e.kind === 'grant') {
      const previous = open.get(e.client);
      if (previous) holds.push({ client: e.client, from: previous.from, to: e.time, token: previous.token });
      open.set(e.client, { from: e.time, token: e.token });
    } else if (e.kind === 'release') {
      const hold = open.get(e.client);
      if (hold) holds.push({ client: e.client, from: hold.from, to: e.time, token: hold.token });
      open.delete(e.client);
    }
  }
  for (const [client, hold] of open) holds.push({ client, from: hold.from, to: result.duration, token: hold.token });

  const faults = result.nemesis.flatMap((f) => {
    if (f.kind === 'pause') return [{ node: f.node, from: f.at, to: f.at + f.duration, label: 'paused' }];
    if (f.kind === 'crash') return [{ node: f.node, from: f.at, to: f.restartAt ?? result.duration, label: 'crashed' }];
    if (f.kind === 'partition') return f.groups[0]!.map((node) => ({ node, from: f.at, to: f.healAt ?? result.duration, label: 'cut off' }));
    return [];
  });
  const events = result.timeline.filter(notable).filter((e) => inWindow(e.time));
  const step = tickStep(to - from);
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to + 1e-9; t += step) ticks.push(Number(t.toFixed(3)));
  const sends = new Map<number, Extract<TimelineEvent, { channel: unknown }>>();
  const arrows: { id: number; x1: number; y1: number; x2: number; y2: number; dropped: boolean; label: string }[] = [];
  if (messages) {
    for (const e of result.timeline) {
      if (e.kind === 'send' && e.channel === 'app') sends.set(e.id, e);
      if ((e.kind === 'deliver' || e.kind === 'drop') && e.channel === 'app') {
        const sent = sends.get(e.id);
        if (!sent || !inWindow(sent.time) || !lanes.includes(e.from) || !lanes.includes(e.to)) continue;
        const text = JSON.stringify(e.message) ?? '';
        arrows.push({
          id: e.id,
          x1: x(sent.time),
          y1: y(e.from),
          x2: x(e.time),
          y2: y(e.to),
          dropped: e.kind === 'drop',
          label: `${e.from} → ${e.to} at ${sent.time.toFixed(3)} s: ${text.length > 60 ? `${text.slice(0, 57)}...` : text}${e.kind === 'drop' ? ` (lost: ${e.reason ?? 'dropped'})` : ''}`,
        });
      }
    }
  }

  return (
    <figure class="lab-timeline">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={`${title}: holds, writes${messages ? ', messages' : ''} and faults per node from ${from.toFixed(2)} s to ${to.toFixed(2)} s; the table below lists the same events.`}>
        <defs>
          <marker id={arrow} viewBox="0 0 6 6" refX="5" refY="3" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
            <path d="M 0 0 L 6 3 L 0 6 z" class="lab-arrow-head" />
          </marker>
          <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="6" class="lab-hatch-line" />
          </pattern>
        </defs>
        {lanes.map((node) => (
          <g key={node}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(node)} y2={y(node)} class="lab-lane" />
            <text x={LEFT - 8} y={y(node) + 4} class="lab-lane-name">
              {node}
            </text>
          </g>
        ))}
        {arrows.map((a) => (
          <line key={`m${a.id}-${a.x2}`} x1={a.x1} y1={a.y1} x2={a.x2} y2={a.y2} class={a.dropped ? 'lab-message lab-message-lost' : 'lab-message'} marker-end={a.dropped ? undefined : `url(#${arrow})`}>
            <title>{a.label}</title>
          </line>
        ))}
        {ticks.map((t) => (
          <text key={t} x={x(t)} y={height - 6} class="lab-tick">
            {t} s
          </text>
        ))}
        {faults.filter((f) => f.to >= from && f.from <= to).map((f, i) => (
          <rect key={`f${i}`} x={x(f.from)} y={y(f.node) - LANE / 2 + 3} width={Math.max(2, x(f.to) - x(f.from))} height={LANE - 6} class="lab-fault" fill={`url(#${hatch})`}>
            <title>{`${f.node} ${f.label} from ${f.from.toFixed(2)} s to ${f.to.toFixed(2)} s`}</title>
          </rect>
        ))}
        {holds.filter((h) => h.to >= from && h.from <= to).map((h, i) => (
          <rect key={`h${i}`} x={x(h.from)} y={y(h.client) - 5} width={Math.max(2, x(h.to) - x(h.from))} height="10" rx="3" class={`lab-hold lab-hold-${(h.token % 4) + 1}`}>
            <title>{`${h.client} holds token ${h.token} from ${h.from.toFixed(2)} s to ${h.to.toFixed(2)} s`}</title>
          </rect>
        ))}
        {result.timeline.map((e, i) =>
          !inWindow(e.time) ? null : e.kind === 'write' ? (
            <g key={`w${i}`} class={e.accepted ? 'lab-write lab-accepted' : 'lab-write lab-rejected'}>
              <line x1={x(e.time)} x2={x(e.time)} y1={y(e.client)} y2={y('storage')} class="lab-write-line" />
              <circle cx={x(e.time)} cy={y('storage')} r="4.5" />
              {ringed.has(`${e.client}@${e.time}`) && <circle cx={x(e.time)} cy={y('storage')} r="9" class="lab-ring" />}
            </g>
          ) : e.kind === 'grant' ? (
            <path key={`g${i}`} d={`M ${x(e.time)} ${y('lock') - 6} l 5 6 l -5 6 l -5 -6 z`} class="lab-grant" />
          ) : null,
        )}
      </svg>
      <details class="lab-events">
        <summary>
          {shown ? `The ${events.length} grants, writes, releases and faults from ${from.toFixed(2)} s to ${to.toFixed(2)} s` : `All ${events.length} grants, writes, releases and faults, in order`}
        </summary>
        <div class="tool-table-scroll">
          <table class="tool-table">
            <thead>
              <tr>
                <th scope="col">Time (s)</th>
                <th scope="col">Event</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e, i) => (
                <tr key={i} class={e.kind === 'write' && ringed.has(`${e.client}@${e.time}`) ? 'lab-violating' : undefined}>
                  <td>{e.time.toFixed(3)}</td>
                  <td>{describe(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
