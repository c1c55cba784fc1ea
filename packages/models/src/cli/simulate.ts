/**
 * `compendium simulate <scenario>`: runs a simulation of @compendium/sim from the terminal. Unlike the other commands
 * this one measures wall-clock speed (eventsPerSecond), so only that field differs between two runs with one seed.
 */
import { performance } from 'node:perf_hooks';
import { MAX_CUSTOMERS, MAX_SEED, SimInputError, simulateMmc } from '@compendium/sim';
import { mmc } from '../queueing/erlang.ts';
import { CliError, numberFlag, optionalNumberFlag } from './args.ts';
import { type Command, requireStable, row } from './commands.ts';

const SIM_FLAGS: Record<string, string> = { rate: '--rate', serviceTime: '--service-time', servers: '--servers', customers: '--customers', seed: '--seed' };

function simulated<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof SimInputError) {
      const flag = SIM_FLAGS[error.parameter] ?? error.parameter;
      throw new CliError(error.value === undefined ? `${flag} ${error.rule}` : `${flag} ${error.rule}, got ${String(error.value)}`);
    }
    throw error;
  }
}

const mmcCommand: Command = {
  name: 'simulate mmc',
  summary: 'Simulate an M/M/c queue, event by event, and compare its mean wait with Erlang C',
  flags: [
    { name: 'rate', valueName: 'λ', description: 'arrivals per second', required: true },
    { name: 'service-time', valueName: 'S', description: 'mean service time in seconds (exponential)', required: true },
    { name: 'servers', valueName: 'C', description: 'number of servers, a whole number', required: true },
    { name: 'customers', valueName: 'N', description: `customers to simulate, 100 to ${MAX_CUSTOMERS.toLocaleString('en-US')} (default 1,000,000)` },
    { name: 'seed', valueName: 'K', description: `random seed, a whole number 0 to ${MAX_SEED} (default 1); the same seed gives the same run` },
  ],
  examples: ['compendium simulate mmc --rate 80 --service-time 0.1 --servers 10 --customers 1000000 --seed 7 --json'],
  run(values) {
    const rate = numberFlag(values, 'rate', { kind: 'positive' });
    const serviceTime = numberFlag(values, 'service-time', { kind: 'positive' });
    const servers = numberFlag(values, 'servers', { kind: 'integer', min: 1, max: 100_000 });
    const customers = optionalNumberFlag(values, 'customers', { kind: 'integer', min: 100, max: MAX_CUSTOMERS }) ?? 1_000_000;
    const seed = optionalNumberFlag(values, 'seed', { kind: 'integer', min: 0, max: MAX_SEED }) ?? 1;
    requireStable(rate, serviceTime, servers);
    const started = performance.now();
    const r = simulated(() => simulateMmc({ rate, serviceTime, servers, customers }, seed));
    const elapsed = (performance.now() - started) / 1000;
    const theory = mmc({ arrivalRate: rate, serviceTime, servers });
    const eventsPerSecond = r.events / Math.max(elapsed, 1e-6);
    return {
      title: `Simulated M/M/${servers} queue, ${customers.toLocaleString('en-US')} customers, seed ${seed}`,
      json: {
        rate,
        serviceTime,
        servers,
        customers,
        seed,
        meanWait: r.meanWait,
        meanWaitCi95: r.meanWaitInterval.halfWidth,
        p99Wait: r.p99Wait,
        probWait: r.probabilityOfWaiting,
        utilization: r.utilization,
        erlangCMeanWait: theory.meanWait,
        events: r.events,
        eventsPerSecond,
      },
      rows: [
        row('mean wait (simulated)', r.meanWait, 's'),
        row('  95 % interval ±', r.meanWaitInterval.halfWidth, 's'),
        row('mean wait (Erlang C)', theory.meanWait, 's'),
        row('99th-percentile wait', r.p99Wait, 's'),
        row('P(wait) simulated / Erlang C', `${r.probabilityOfWaiting.toFixed(4)} / ${theory.probWait.toFixed(4)}`),
        row('events', r.events),
        row('events per second', eventsPerSecond),
      ],
    };
  },
};

export const SIMULATE_COMMANDS: readonly Command[] = [mmcCommand];
