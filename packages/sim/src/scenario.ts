/**
 * What every simulation on the site exposes, so one worker and one island can run any of them: advance virtual time
 * in slices (pause, step and speed are the page's business), and read a snapshot of metrics and series at any moment.
 */
import type { Simulation } from './engine.ts';

export interface Series {
  label: string;
  /** Virtual seconds. */
  times: number[];
  values: number[];
}

export interface Snapshot {
  /** Virtual seconds simulated so far. */
  time: number;
  events: number;
  done: boolean;
  /** Named figures for the summary table (already in the unit their label states). */
  figures: Record<string, number>;
  /** Series for the chart; each scenario says what its y axis means. */
  series: Series[];
}

export interface ScenarioRun {
  readonly sim: Simulation;
  /** Total virtual seconds of the run. */
  readonly duration: number;
  advance(until: number): void;
  snapshot(): Snapshot;
}

/** Records a value every `interval` virtual seconds by scheduling itself, for charts that move with the run. */
export function sampleEvery(sim: Simulation, interval: number, until: number, record: (time: number) => void): void {
  const tick = () => {
    record(sim.now);
    if (sim.now + interval <= until + 1e-9) sim.schedule(interval, tick);
  };
  sim.schedule(interval, tick);
}
