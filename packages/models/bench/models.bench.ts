/**
 * Micro-benchmarks of the hot models. Not a test: run with `node packages/models/bench/models.bench.ts`
 * (Node 24). Each case is warmed up, then timed call by call with performance.now(); the median is reported.
 * Targets: Erlang C at 100,000 servers < 1 ms; a 1,000-point USL fit < 20 ms.
 */
import { mmc, staffing } from '../src/queueing/erlang.ts';
import { fitUsl, uslThroughput } from '../src/scaling/usl.ts';

interface Case {
  readonly name: string;
  readonly run: () => unknown;
  readonly targetMs?: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function measure(fn: () => unknown, budgetMs = 400): { medianMs: number; iterations: number } {
  for (let i = 0; i < 20; i++) fn(); // warm-up: let the JIT compile the hot loops
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < 2000 && (samples.length < 30 || performance.now() - start < budgetMs)) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return { medianMs: median(samples), iterations: samples.length };
}

// Utilization 0.9 at each size, and an 80 %-within-20 %-of-service-time staffing target.
const sizes = [10, 1_000, 100_000];
const points = (() => {
  let seed = 1;
  const noise = () => {
    seed = (seed * 48_271) % 2_147_483_647;
    return (seed / 2_147_483_647 - 0.5) * 0.02;
  };
  return Array.from({ length: 1000 }, (_, i) => {
    const n = 1 + i * 0.25;
    return { concurrency: n, throughput: uslThroughput({ lambda: 90, sigma: 0.028, kappa: 1e-4 }, n) * (1 + noise()) };
  });
})();

const cases: Case[] = [
  ...sizes.map((c) => ({
    name: `Erlang C, ${c.toLocaleString('en-US')} servers`,
    run: () => mmc({ arrivalRate: 0.9 * c, serviceTime: 1, servers: c }),
    targetMs: c === 100_000 ? 1 : undefined,
  })),
  ...sizes.map((c) => ({
    name: `staffing, offered load ${(0.9 * c).toLocaleString('en-US')} Erlangs`,
    run: () => staffing({ arrivalRate: 0.9 * c, serviceTime: 1, targetWait: 0.2, serviceLevel: 0.8 }),
  })),
  { name: 'USL fit, 1,000 points', run: () => fitUsl(points), targetMs: 20 },
];

const rows = cases.map((c) => {
  const { medianMs, iterations } = measure(c.run);
  const verdict = c.targetMs === undefined ? '' : medianMs < c.targetMs ? `< ${c.targetMs} ms ✓` : `≥ ${c.targetMs} ms ✗`;
  return [c.name, medianMs < 0.01 ? `${(medianMs * 1000).toFixed(2)} µs` : `${medianMs.toFixed(3)} ms`, String(iterations), verdict];
});
const header = ['case', 'median', 'runs', 'target'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
console.log(`Node ${process.versions.node}, ${process.platform} ${process.arch}`);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
