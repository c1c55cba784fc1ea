/**
 * Events per second of the simulator's engine. Not a test: `npm run bench:sim` (Node 24).
 * Workload: the classic "hold model" of event-set benchmarks: 1,000 pending events; each event, when it runs,
 * schedules one new event an exponentially distributed time later, so the pending set stays at 1,000.
 * Our engine runs 10 million events; the simjs package runs the same workload (same random stream) for comparison,
 * on fewer events because it is much slower. Each is run three times; the best run is reported.
 * Target (issue "Deterministic simulator"): at least 5 million events per second.
 */
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Simulation } from '../src/engine.ts';
import { createRandom } from '../src/random.ts';
import { simulateMmc } from '../src/scenarios/mmc.ts';

const PENDING = 1_000;
const OUR_EVENTS = 10_000_000;
const SIMJS_EVENTS = 1_000_000;
const REPEATS = 3;

function holdOurs(events: number): Timing {
  const sim = new Simulation(1);
  const random = createRandom(2);
  const hold = () => sim.schedule(-Math.log(1 - random.next()), hold);
  for (let i = 0; i < PENDING; i++) sim.schedule(-Math.log(1 - random.next()), hold);
  return timed(() => sim.run({ maxEvents: events }));
}

interface SimjsModule {
  Sim: new () => { addEntity(klass: unknown): unknown; simulate(endTime: number, maxEvents?: number): boolean };
  Entity: new (...args: unknown[]) => { setTimer(duration: number): { done(callback: () => void, context?: unknown): unknown } };
}

/** simjs ships one browserify bundle that only publishes itself on `window.Sim`; give it a window to publish on. */
function loadSimjs(): SimjsModule {
  const global = globalThis as { window?: { Sim?: SimjsModule } };
  global.window ??= {};
  createRequire(import.meta.url)('simjs');
  const loaded = global.window.Sim;
  if (!loaded) throw new Error('simjs did not load (expected window.Sim)');
  return loaded;
}

function holdSimjs(events: number): Timing {
  const { Sim, Entity } = loadSimjs();
  const random = createRandom(2);
  class Holder extends Entity {
    start(): void {
      this.hold();
    }
    hold(): void {
      this.setTimer(-Math.log(1 - random.next())).done(this.hold, this);
    }
  }
  const sim = new Sim();
  for (let i = 0; i < PENDING; i++) sim.addEntity(Holder);
  return timed(() => sim.simulate(Number.POSITIVE_INFINITY, events));
}

interface Timing {
  wall: number;
  /** CPU seconds of this process: on a busy shared machine, wall time measures the neighbours too. */
  cpu: number;
}

function timed(fn: () => unknown): Timing {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const cpu = process.cpuUsage(cpu0);
  return { wall: (performance.now() - t0) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}

function best(run: () => Timing): Timing {
  const runs = Array.from({ length: REPEATS }, run);
  return { wall: Math.min(...runs.map((r) => r.wall)), cpu: Math.min(...runs.map((r) => r.cpu)) };
}

const format = (n: number) => Math.round(n).toLocaleString('en-US');

const ours = best(() => holdOurs(OUR_EVENTS));
const theirs = best(() => holdSimjs(SIMJS_EVENTS));
const mmcTiming = timed(() => simulateMmc({ rate: 80, serviceTime: 0.1, servers: 10, customers: 5_000_000 }, 1));
const MMC_EVENTS = 10_000_000;

const line = (name: string, events: number, t: Timing) =>
  `  ${name.padEnd(16)} ${format(events)} events: ${format(events / t.wall)} events/s (wall, ${t.wall.toFixed(2)} s), ${format(events / t.cpu)} events per CPU-second`;
console.log(`Node ${process.versions.node}, hold model with ${format(PENDING)} pending events, best of ${REPEATS}; load average ${loadavg()[0]?.toFixed(1)}`);
console.log(line('@compendium/sim', OUR_EVENTS, ours));
console.log(line('simjs 2.0.3', SIMJS_EVENTS, theirs));
console.log(`  ratio            ${(OUR_EVENTS / ours.cpu / (SIMJS_EVENTS / theirs.cpu)).toFixed(1)}× (CPU time); target ≥ 5,000,000 events/s`);
console.log(line('M/M/10 scenario', MMC_EVENTS, mmcTiming).replace('events:', 'events (5,000,000 customers with statistics):'));
