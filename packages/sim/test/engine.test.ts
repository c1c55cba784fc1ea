import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../src/event-queue.ts';
import { Simulation } from '../src/engine.ts';
import { createRandom, xoshiro128StarStar } from '../src/random.ts';
import { sampler, meanOf, lognormalWithMean, type Distribution } from '../src/distributions.ts';
import { batchMeans, Histogram } from '../src/metrics.ts';

describe('seeded randomness', () => {
  it('gives the same stream for the same seed and a different one for another seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  });

  it('matches the reference output of xoshiro128** for the state (1, 2, 3, 4)', () => {
    // The vector published with the reference implementation's ports (e.g. the Rust crate rand_xoshiro).
    const next = xoshiro128StarStar([1, 2, 3, 4]);
    expect(Array.from({ length: 10 }, next)).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804]);
  });

  it('is uniform on [0, 1): mean 1/2, variance 1/12, no value outside', () => {
    const r = createRandom(7);
    let sum = 0;
    let sq = 0;
    const n = 200_000;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const x = r.next();
      if (!(x >= 0 && x < 1)) outside++;
      sum += x;
      sq += x * x;
    }
    expect(outside).toBe(0);
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(sq / n - (sum / n) ** 2).toBeCloseTo(1 / 12, 3);
  });

  it('refuses a seed that is not a whole number in range, naming it', () => {
    expect(() => createRandom(-1)).toThrow(/seed must be a whole number/);
    expect(() => createRandom(1.5)).toThrow(/seed/);
  });
});

describe('distributions', () => {
  const cases: Distribution[] = [
    { kind: 'constant', value: 3 },
    { kind: 'uniform', min: 1, max: 5 },
    { kind: 'exponential', mean: 2 },
    lognormalWithMean(0.05, 1.5),
    { kind: 'pareto', scale: 1, shape: 3 },
    { kind: 'empirical', values: [1, 2, 3, 10] },
  ];
  for (const d of cases) {
    it(`samples ${d.kind} with the mean theory gives`, () => {
      const draw = sampler(d, createRandom(3));
      let sum = 0;
      const n = 200_000;
      for (let i = 0; i < n; i++) sum += draw();
      expect(Math.abs(sum / n - (meanOf(d) as number)) / (meanOf(d) as number)).toBeLessThan(0.02);
    });
  }

  it('reports an infinite Pareto mean as null and refuses bad parameters by name', () => {
    expect(meanOf({ kind: 'pareto', scale: 1, shape: 1 })).toBeNull();
    expect(() => sampler({ kind: 'exponential', mean: 0 }, createRandom(1), 'service')).toThrow('service.mean must be greater than 0, got 0');
    expect(() => sampler({ kind: 'uniform', min: 5, max: 1 }, createRandom(1), 'latency')).toThrow(/latency.max must be at least min/);
    expect(() => sampler({ kind: 'empirical', values: [] }, createRandom(1))).toThrow(/at least one observation/);
  });
});

describe('event queue and engine', () => {
  it('pops in time order, and equal times in insertion order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 300 }), (times) => {
        const q = new EventQueue<number>();
        times.forEach((t, i) => {
          q.push(t, i);
        });
        const out: [number, number][] = [];
        while (q.size > 0) {
          const t = q.peekTime();
          out.push([t, q.pop() as number]);
        }
        const expected = times.map((t, i) => [t, i] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(out).toEqual(expected);
      }),
    );
  });

  it('runs events in virtual time, stops at a horizon and resumes from it', () => {
    const sim = new Simulation(1);
    const seen: number[] = [];
    sim.schedule(2, () => seen.push(sim.now));
    sim.schedule(1, () => {
      seen.push(sim.now);
      sim.schedule(5, () => seen.push(sim.now));
    });
    sim.run({ until: 3 });
    expect(seen).toEqual([1, 2]);
    expect(sim.now).toBe(3);
    sim.run();
    expect(seen).toEqual([1, 2, 6]);
    expect(sim.events).toBe(3);
  });

  it('refuses to schedule into the past or by a non-finite delay', () => {
    const sim = new Simulation(1);
    expect(() => sim.schedule(-1, () => {})).toThrow(/delay must be at least 0/);
    expect(() => sim.schedule(Number.NaN, () => {})).toThrow(/delay must be a finite number/);
    sim.run({ until: 5 });
    expect(() => sim.at(4, () => {})).toThrow(/must not be before now/);
  });
});

describe('metrics', () => {
  it('returns percentiles within the histogram precision', () => {
    const h = new Histogram(0.01);
    for (let i = 1; i <= 10_000; i++) h.add(i);
    expect(Math.abs(h.percentile(0.99) - 9900) / 9900).toBeLessThan(0.01);
    expect(Math.abs(h.percentile(0.5) - 5000) / 5000).toBeLessThan(0.01);
    h.add(0);
    expect(new Histogram().percentile(0.5)).toBe(0);
    expect(() => h.add(Number.NaN)).toThrow(/finite/);
  });

  it('puts a batch-means interval around the true mean of independent samples', () => {
    const r = createRandom(9);
    const xs = Float64Array.from({ length: 100_000 }, () => r.next());
    const ci = batchMeans(xs, 20);
    expect(Math.abs(ci.mean - 0.5)).toBeLessThan(ci.halfWidth * 2);
    expect(ci.halfWidth).toBeGreaterThan(0);
    expect(ci.halfWidth).toBeLessThan(0.01);
  });
});
