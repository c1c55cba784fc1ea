import { mmcScenario } from '@compendium/sim';
import { describe, expect, it } from 'vitest';
import { readSimulationState, simulationQuery, theoryFor } from '../src/simulation-state.ts';

describe('simulation state in the URL', () => {
  it('reads parameters and the seed, and writes back only what differs from the defaults', () => {
    const state = readSimulationState(mmcScenario, { seed: '7', rate: '60', servers: '8' });
    expect(state.errors).toEqual({});
    expect(state.seed).toBe(7);
    expect(state.params).toMatchObject({ rate: 60, servers: 8, serviceTime: mmcScenario.defaults.serviceTime });
    expect(simulationQuery(mmcScenario, state)).toBe('?seed=7&rate=60&servers=8');
  });

  it('names the field and the rule for each bad input, and falls back to its default', () => {
    const state = readSimulationState(mmcScenario, { seed: '-2', rate: 'lots', servers: '2.5' });
    expect(state.errors.seed).toMatch(/^Seed must be/);
    expect(state.errors.rate).toBe('Arrival rate λ must be a number, got "lots"');
    expect(state.errors.servers).toMatch(/^Servers c must be a whole number/);
    expect(state.params).toEqual(mmcScenario.defaults);
  });

  it('refuses a combination the model cannot run (an unstable queue) with the model’s own message', () => {
    const state = readSimulationState(mmcScenario, { rate: '200', serviceTime: '0.1', servers: '10' });
    expect(state.errors.combination).toMatch(/^Servers c must exceed the offered load/);
    expect(state.params).toEqual(mmcScenario.defaults);
  });

  it('puts Erlang C beside the M/M/c simulation', () => {
    const [meanWait] = theoryFor('mmc', { rate: 9, serviceTime: 0.1, servers: 1, customers: 1000 });
    expect(meanWait?.value).toBeCloseTo(0.9, 10);
    expect(theoryFor('no-such', {})).toEqual([]);
  });

  it("puts Che's approximation beside the LRU cache", () => {
    const [che] = theoryFor('cache', { items: 10, cacheSize: 10, exponent: 0.8 });
    expect(che).toMatchObject({ key: 'hitRatio', value: 1 });
  });
});
