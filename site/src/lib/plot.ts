/**
 * Geometry of a build-time line chart: scales, "nice" ticks and SVG paths. The `<Plot>` component draws what this
 * computes, so a page ships a chart with no script at all. Non-finite data fails the build with the series' name.
 */

export type Point = readonly [number, number];

export interface AxisSpec {
  label: string;
  log?: boolean;
  min?: number;
  max?: number;
}

export interface SeriesSpec {
  label: string;
  points: readonly Point[];
  /** `line` (default), `points` for measured data, `dashed` for a bound or a reference curve. */
  style?: 'line' | 'points' | 'dashed';
}

export interface Marker {
  x: number;
  label: string;
}

export class PlotError extends Error {}

// Layout in viewBox units; the SVG scales to its container's width.
export const WIDTH = 640;
export const HEIGHT = 360;
export const MARGIN = { top: 16, right: 20, bottom: 58, left: 100 } as const;

export interface Scale {
  (value: number): number;
  ticks: number[];
  domain: [number, number];
}

/** Round steps of 1, 2 or 5 × 10^k, about `count` of them across [min, max]. */
function tickStep(min: number, max: number, count = 6): number {
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
}

export function niceTicks(min: number, max: number, count = 6): number[] {
  if (max === min) return [min];
  const step = tickStep(min, max, count);
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

function logTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let k = Math.floor(Math.log10(min)); 10 ** k <= max * (1 + 1e-9); k++) if (10 ** k >= min * (1 - 1e-9)) ticks.push(10 ** k);
  return ticks;
}

export function scale(axis: AxisSpec, values: readonly number[], range: [number, number], name: string): Scale {
  if (axis.log && values.some((v) => v <= 0)) throw new PlotError(`${name} axis "${axis.label}" is logarithmic but holds a value ≤ 0`);
  let lo = axis.min ?? Math.min(...values);
  let hi = axis.max ?? Math.max(...values);
  if (!axis.log && axis.min === undefined && lo > 0 && lo < hi * 0.35) lo = 0;
  if (lo === hi) {
    lo = axis.log ? lo / 10 : lo - 1;
    hi = axis.log ? hi * 10 : hi + 1;
  }
  // Without a fixed bound, the axis ends on a tick (a decade on a log axis) so the top of the data is labelled.
  if (axis.log) {
    if (axis.min === undefined) lo = 10 ** Math.floor(Math.log10(lo) + 1e-9);
    if (axis.max === undefined) hi = 10 ** Math.ceil(Math.log10(hi) - 1e-9);
  } else if (axis.max === undefined) {
    const step = tickStep(lo, hi);
    hi = Math.ceil(hi / step - 1e-9) * step;
  }
  const ticks = axis.log ? logTicks(lo, hi) : niceTicks(lo, hi);
  const t = axis.log ? Math.log10 : (v: number) => v;
  const [a, b] = [t(lo), t(hi)];
  const map = ((v: number) => range[0] + ((t(v) - a) / (b - a)) * (range[1] - range[0])) as Scale;
  map.ticks = ticks.filter((v) => v >= lo - 1e-9 * Math.abs(hi - lo) && v <= hi + 1e-9 * Math.abs(hi - lo));
  map.domain = [lo, hi];
  return map;
}

export function validateSeries(series: readonly SeriesSpec[]): void {
  if (series.length === 0) throw new PlotError('a plot needs at least one series');
  for (const s of series) {
    if (s.points.length === 0) throw new PlotError(`series "${s.label}" has no points`);
    const bad = s.points.findIndex(([x, y]) => !Number.isFinite(x) || !Number.isFinite(y));
    if (bad !== -1) throw new PlotError(`series "${s.label}" point ${bad} is not finite: (${s.points[bad]?.join(', ')})`);
  }
}

/** An SVG path through the points that stay inside the y domain; a point outside breaks the line. */
export function linePath(points: readonly Point[], x: Scale, y: Scale): string {
  let path = '';
  let pen = false;
  for (const [px, py] of points) {
    const inside = py >= y.domain[0] && py <= y.domain[1] && px >= x.domain[0] && px <= x.domain[1];
    if (!inside) {
      pen = false;
      continue;
    }
    path += `${pen ? 'L' : 'M'}${x(px).toFixed(2)},${y(py).toFixed(2)}`;
    pen = true;
  }
  return path;
}

/** Samples f on [from, to] (evenly, or evenly in log space), for plotting a model's curve. */
export function sample(f: (x: number) => number, from: number, to: number, count = 100, log = false): Point[] {
  return Array.from({ length: count }, (_, i) => {
    const u = i / (count - 1);
    const x = log ? 10 ** (Math.log10(from) + u * (Math.log10(to) - Math.log10(from))) : from + u * (to - from);
    return [x, f(x)] as const;
  });
}

export function tickLabel(value: number): string {
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e6 || abs < 1e-3)) return value.toExponential(0).replace('e+', 'e');
  return value.toLocaleString('en-US', { maximumFractionDigits: abs < 1 ? 3 : abs < 10 ? 2 : 0 });
}
