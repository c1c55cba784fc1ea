import { mmc } from '@compendium/models';
import { describe, expect, it } from 'vitest';
import { createMmc, simulateMmc } from '../src/scenarios/mmc.ts';
import { TraceHash } from '../src/trace-hash.ts';

const hashOf = (r: ReturnType<typeof simulateMmc>) => new TraceHash().number(r.meanWait).number(r.p99Wait).number(r.events).number(r.utilization).value;

// Long runs: a few seconds each on a quiet machine, much more on a shared one.
describe('M/M/c simulation', { timeout: 60_000 }, () => {
  it('is deterministic: the same seed gives the same run, bit for bit; another seed does not', () => {
    const params = { rate: 9, serviceTime: 0.1, servers: 1, customers: 20_000 };
    expect(hashOf(simulateMmc(params, 5))).toBe(hashOf(simulateMmc(params, 5)));
    expect(hashOf(simulateMmc(params, 6))).not.toBe(hashOf(simulateMmc(params, 5)));
  });

  it('converges to the Erlang C mean wait within 2 % over a long run (c = 10, ρ = 0.8)', () => {
    const params = { rate: 80, serviceTime: 0.1, servers: 10, customers: 2_000_000 };
    const simulated = simulateMmc(params, 11);
    const theory = mmc({ arrivalRate: params.rate, serviceTime: params.serviceTime, servers: params.servers });
    expect(Math.abs(simulated.meanWait - theory.meanWait) / theory.meanWait).toBeLessThan(0.02);
    expect(Math.abs(simulated.probabilityOfWaiting - theory.probWait)).toBeLessThan(0.01);
    expect(Math.abs(simulated.utilization - 0.8)).toBeLessThan(0.005);
    // The interval should cover theory; allow 2 half-widths since one seed is one draw.
    expect(Math.abs(simulated.meanWait - theory.meanWait)).toBeLessThan(2 * simulated.meanWaitInterval.halfWidth + 1e-9);
    expect(simulated.events).toBe(2 * params.customers);
  });

  it('reproduces the M/M/1 textbook case at 90 % utilization (W_q = 0.9 s)', () => {
    const simulated = simulateMmc({ rate: 9, serviceTime: 0.1, servers: 1, customers: 3_000_000 }, 3);
    expect(Math.abs(simulated.meanWait - 0.9) / 0.9).toBeLessThan(0.03);
  });

  it('advances in slices to the same result as one run', () => {
    const params = { rate: 50, serviceTime: 0.1, servers: 6, customers: 50_000 };
    const sliced = createMmc(params, 8);
    for (let t = 10; !sliced.snapshot().done; t += 10) sliced.advance(t);
    expect(hashOf(sliced.result())).toBe(hashOf(simulateMmc(params, 8)));
  });

  it('refuses an unstable or malformed queue, naming the parameter', () => {
    expect(() => simulateMmc({ rate: 10, serviceTime: 0.1, servers: 1, customers: 1000 }, 1)).toThrow(/servers must exceed the offered load/);
    expect(() => simulateMmc({ rate: -1, serviceTime: 0.1, servers: 1, customers: 1000 }, 1)).toThrow('rate must be greater than 0, got -1');
    expect(() => simulateMmc({ rate: 1, serviceTime: 0.1, servers: 1, customers: 10 }, 1)).toThrow(/customers must be a whole number from 100/);
  });
});
