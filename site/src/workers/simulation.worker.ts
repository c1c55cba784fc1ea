/**
 * Runs one simulation off the main thread. The page sends commands (load, play, pause, step, speed); the worker
 * advances virtual time in slices and posts a snapshot after each, so the page stays responsive however heavy the run.
 */
import { type ScenarioDefinition, type ScenarioRun, type Snapshot, scenarioById } from '@compendium/sim';

export type SimulationCommand =
  | { type: 'load'; scenario: string; params: Record<string, number>; seed: number }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'speed'; value: number };

export type SimulationReport = { type: 'snapshot'; snapshot: Snapshot; playing: boolean; duration: number } | { type: 'error'; message: string };

const TICK_MS = 100;
/** A step advances a tenth of what one second of play at speed 1 would. */
const STEP_SHARE = 0.1;

let scenario: ScenarioDefinition | undefined;
let run: ScenarioRun | undefined;
let playing = false;
let speed = 1;
let timer: ReturnType<typeof setTimeout> | undefined;

const post = (report: SimulationReport) => postMessage(report);

function finished(snapshot: Snapshot): boolean {
  return snapshot.done || (run !== undefined && snapshot.time >= run.duration);
}

function advanceBy(virtualSeconds: number): void {
  if (!run) return;
  run.advance(Math.min(run.duration, run.sim.now + virtualSeconds));
  const snapshot = run.snapshot();
  if (finished(snapshot)) playing = false;
  post({ type: 'snapshot', snapshot, playing, duration: run.duration });
}

function tick(): void {
  timer = undefined;
  if (!playing || !scenario) return;
  advanceBy((scenario.pace * speed * TICK_MS) / 1000);
  if (playing) timer = setTimeout(tick, TICK_MS);
}

self.addEventListener('message', (event: MessageEvent<SimulationCommand>) => {
  const command = event.data;
  try {
    switch (command.type) {
      case 'load':
        playing = false;
        if (timer) clearTimeout(timer);
        scenario = scenarioById(command.scenario);
        run = scenario.create(command.params, command.seed);
        post({ type: 'snapshot', snapshot: run.snapshot(), playing, duration: run.duration });
        break;
      case 'play':
        if (!run || finished(run.snapshot())) break;
        playing = true;
        if (!timer) tick();
        break;
      case 'pause':
        playing = false;
        if (run) post({ type: 'snapshot', snapshot: run.snapshot(), playing, duration: run.duration });
        break;
      case 'step':
        playing = false;
        if (scenario) advanceBy(scenario.pace * STEP_SHARE);
        break;
      case 'speed':
        speed = command.value;
        break;
    }
  } catch (error) {
    playing = false;
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
