/**
 * Runs a Raft cluster off the main thread. The page sends commands (load, play, pause, step, seek and the reader's
 * faults and writes); the worker advances virtual time in slices and posts a snapshot after each. Every input is
 * recorded in the cluster's description, which the page puts in the URL.
 */
import { RAFT_MAX_TIME } from '@compendium/tools/raft-state';
import { createRaftCluster, type RaftCluster, type RaftClusterDescription, type RaftClusterOptions, type RaftSnapshot } from '@compendium/sim';

export type RaftInput =
  | { type: 'crash'; node: string }
  | { type: 'restart'; node: string }
  | { type: 'isolate'; node: string }
  | { type: 'heal' }
  | { type: 'pause-node'; node: string; duration: number }
  | { type: 'skew'; node: string; skew: number; drift: number }
  | { type: 'drop'; from: string; to: string }
  | { type: 'write'; key: string; value: string };

export type RaftCommand =
  | { type: 'load'; options: RaftClusterOptions; time: number }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step'; seconds: number }
  | { type: 'speed'; value: number }
  | { type: 'seek'; time: number }
  | { type: 'input'; input: RaftInput };

export type RaftReport =
  /** `description` (every input so far, for the address bar) comes only when the run stands still: not 20 times a second. */
  | { type: 'snapshot'; snapshot: RaftSnapshot; playing: boolean; horizon: number; description?: RaftClusterDescription; notice?: string }
  | { type: 'error'; message: string };

const TICK_MS = 50;

let cluster: RaftCluster | undefined;
let playing = false;
let speed = 0.1;
let horizon = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

function post(notice?: string): void {
  if (!cluster) return;
  horizon = Math.max(horizon, cluster.now);
  const description = playing ? undefined : cluster.description();
  postMessage({ type: 'snapshot', snapshot: cluster.snapshot(), playing, horizon, ...(description ? { description } : {}), ...(notice ? { notice } : {}) } satisfies RaftReport);
}

function advanceTo(time: number): void {
  if (!cluster) return;
  const target = Math.min(RAFT_MAX_TIME, time);
  if (target >= RAFT_MAX_TIME) playing = false;
  cluster.advance(Math.max(cluster.now, target));
}

function tick(): void {
  timer = undefined;
  if (!playing || !cluster) return;
  advanceTo(cluster.now + (speed * TICK_MS) / 1000);
  post();
  if (playing) timer = setTimeout(tick, TICK_MS);
}

/** Inputs act at the moment shown. After a seek backwards the later ones stay in the schedule and replay as time runs on. */
function applyInput(c: RaftCluster, input: RaftInput): string | undefined {
  switch (input.type) {
    case 'crash':
      c.crash(input.node);
      return `${input.node} crashed.`;
    case 'restart':
      c.restart(input.node);
      return `${input.node} restarted.`;
    case 'isolate':
      c.partition([[input.node], c.ids.filter((id) => id !== input.node)]);
      return `${input.node} is cut off from the others.`;
    case 'heal':
      c.heal();
      return 'The partition healed.';
    case 'pause-node':
      c.pause(input.node, input.duration);
      return `${input.node} paused for ${input.duration} s.`;
    case 'skew':
      c.skewClock(input.node, input.skew, input.drift);
      return `${input.node}'s clock now runs ${Math.round(input.drift * 100)} % fast.`;
    case 'drop': {
      const inFlight = c.network.inFlight.some((m) => m.from === input.from && m.to === input.to);
      c.dropMessage(input.from, input.to);
      return inFlight ? `The oldest message in flight from ${input.from} to ${input.to} is lost.` : `Nothing is in flight from ${input.from} to ${input.to}: the next message sent on that link will be lost.`;
    }
    case 'write': {
      const outcome = c.set(input.key, input.value);
      if (outcome.status === 'appended') return `${outcome.node} appended ${input.key}=${input.value} at index ${outcome.index} (term ${outcome.term}).`;
      if (outcome.status === 'no-leader') return `No leader to take ${input.key}=${input.value}: the write is refused.`;
      if (outcome.status === 'unavailable') return `${outcome.node} cannot be reached: the write is refused.`;
      return `${outcome.node} refused the write: ${outcome.reason}.`;
    }
  }
}

self.addEventListener('message', (event: MessageEvent<RaftCommand>) => {
  const command = event.data;
  try {
    switch (command.type) {
      case 'load':
        playing = false;
        if (timer) clearTimeout(timer);
        timer = undefined;
        // The network's event log is for tests and traces; a page that runs for minutes has no use for it.
        cluster = createRaftCluster({ ...command.options, keepLog: false });
        horizon = 0;
        advanceTo(command.time);
        post();
        break;
      case 'play':
        if (!cluster || cluster.now >= RAFT_MAX_TIME) break;
        playing = true;
        if (!timer) tick();
        post();
        break;
      case 'pause':
        playing = false;
        post();
        break;
      case 'step':
        playing = false;
        advanceTo((cluster?.now ?? 0) + command.seconds);
        post();
        break;
      case 'speed':
        speed = command.value;
        break;
      case 'seek':
        if (!cluster) break;
        playing = false;
        cluster.seek(Math.min(RAFT_MAX_TIME, Math.max(0, command.time)));
        post();
        break;
      case 'input':
        if (!cluster) break;
        post(applyInput(cluster, command.input));
        break;
    }
  } catch (error) {
    playing = false;
    postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies RaftReport);
  }
});
