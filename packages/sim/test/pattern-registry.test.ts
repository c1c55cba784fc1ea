import { describe, expect, it } from 'vitest';
import { resolveParams, SCENARIOS, scenarioById } from '../src/scenarios/registry.ts';
import { MAX_SERIES_POINTS } from '../src/scenarios/support.ts';

const PATTERNS = ['load-balancing', 'retry-storm', 'circuit-breaker', 'cache', 'autoscaling', 'load-shedding', 'bulkhead'];

describe('the pattern simulations in the registry', () => {
  it('lists every pattern once', () => {
    const ids = SCENARIOS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of PATTERNS) expect(ids).toContain(id);
  });

  it.each(PATTERNS)('%s: defaults lie within the fields, and a short run fills every figure and keeps charts small', (id) => {
    const scenario = scenarioById(id);
    for (const field of scenario.fields) {
      const value = scenario.defaults[field.key] as number;
      expect(value, field.key).toBeGreaterThanOrEqual(field.min);
      expect(value, field.key).toBeLessThanOrEqual(field.max);
      if (field.integer) expect(Number.isInteger(value), field.key).toBe(true);
    }
    const run = scenario.create(resolveParams(scenario, {}), 1);
    // The default run's chart holds at most 600 points per series: its sampling interval is duration / 600 or more.
    expect(run.duration).toBeGreaterThan(0);
    run.advance(Math.min(run.duration, 5));
    const snapshot = run.snapshot();
    for (const figure of scenario.figures) expect(Number.isFinite(snapshot.figures[figure.key]), figure.key).toBe(true);
    expect(snapshot.series.length).toBeGreaterThan(0);
    for (const series of snapshot.series) {
      expect(series.values.length).toBeLessThanOrEqual(MAX_SERIES_POINTS);
      expect(series.times).toHaveLength(series.values.length);
    }
  });
});
