/**
 * The Universal Scalability Law (USL) and its fit to measurements.
 *
 *   X(N) = λ N / (1 + σ (N − 1) + κ N (N − 1))
 *
 *   λ  throughput of one unit of concurrency (the ideal slope), in whatever unit X is measured
 *   σ  contention (serialisation), 0 ≤ σ ≤ 1; κ = 0 reduces the USL to Amdahl's law with serial fraction σ
 *   κ  coherency (crosstalk) penalty, κ ≥ 0; it makes throughput fall past the peak
 *   dX/dN ∝ (1 − σ) − κ N², so the peak is at N* = √((1 − σ) / κ) and X(N*) is the peak throughput.
 *   With κ = 0 there is no peak: X rises towards the asymptote λ/σ (or without bound if σ = 0 as well); that is
 *   reported as `peakConcurrency: null` with `unbounded: true`, never as Infinity.
 *
 * Fit: non-linear least squares on X (unweighted residuals, as in the R package `usl`), by Levenberg–Marquardt
 * with Marquardt's diagonal scaling (the three parameters differ by six orders of magnitude) and projection onto
 * σ, κ ≥ 0, λ > 0. The starting point comes from Gunther's linearisation: N/X = (1 + σ(N−1) + κN(N−1)) / λ is
 * linear in (1, N−1, N(N−1)), so an ordinary least-squares solve gives 1/λ, σ/λ and κ/λ.
 *
 * Sources: N. J. Gunther, Guerrilla Capacity Planning, Springer, 2007, ch. 4–5; N. J. Gunther, "A Simple
 * Capacity Model of Massively Parallel Transaction Systems", CMG Conference, 1993; K. Levenberg (1944) and
 * D. W. Marquardt, "An Algorithm for Least-Squares Estimation of Nonlinear Parameters", SIAM J. Appl. Math.
 * 11(2), 1963; S. Möding, R package `usl` (CRAN), whose SPEC SDM91 example these results reproduce.
 */
import { ModelInputError, requireAtLeast, requireFinite, requireNonNegative, requirePositive } from '../errors.ts';

export interface UslParameters {
  readonly lambda: number;
  readonly sigma: number;
  readonly kappa: number;
}

export interface UslPoint {
  readonly concurrency: number;
  readonly throughput: number;
}

export const FIT_MAX_ITERATIONS = 500;
const FIT_TOLERANCE = 1e-14;
const MIN_DISTINCT_CONCURRENCIES = 3;

function validateParameters(params: UslParameters): UslParameters {
  requirePositive('lambda', params.lambda);
  requireNonNegative('sigma', params.sigma);
  requireNonNegative('kappa', params.kappa);
  return params;
}

function model(lambda: number, sigma: number, kappa: number, n: number): number {
  return (lambda * n) / (1 + sigma * (n - 1) + kappa * n * (n - 1));
}

export function uslThroughput(params: UslParameters, concurrency: number): number {
  validateParameters(params);
  const n = requireAtLeast('concurrency', concurrency, 1);
  return model(params.lambda, params.sigma, params.kappa, n);
}

/** Relative capacity C(N) = X(N) / X(1). */
export function uslSpeedup(params: Omit<UslParameters, 'lambda'>, concurrency: number): number {
  return uslThroughput({ lambda: 1, ...params }, concurrency);
}

export interface UslPeak {
  /** Real-valued N* = √((1 − σ)/κ); 1 when σ ≥ 1 (throughput never rises); null when κ = 0 (no peak). */
  readonly peakConcurrency: number | null;
  /** X(N*), or null when there is no peak. */
  readonly peakThroughput: number | null;
  /** True when κ = 0: throughput keeps rising with N. */
  readonly unbounded: boolean;
  /** With κ = 0 and σ > 0, the ceiling λ/σ that throughput approaches (the Amdahl limit); otherwise null. */
  readonly asymptoticThroughput: number | null;
}

export function uslPeak(params: UslParameters): UslPeak {
  const { lambda, sigma, kappa } = validateParameters(params);
  if (kappa === 0) {
    return { peakConcurrency: null, peakThroughput: null, unbounded: true, asymptoticThroughput: sigma > 0 ? lambda / sigma : null };
  }
  if (sigma >= 1) {
    return { peakConcurrency: 1, peakThroughput: lambda, unbounded: false, asymptoticThroughput: null };
  }
  const n = Math.sqrt((1 - sigma) / kappa);
  if (!Number.isFinite(n)) {
    // κ so small that N* overflows: for every practical purpose there is no peak.
    return { peakConcurrency: null, peakThroughput: null, unbounded: true, asymptoticThroughput: sigma > 0 ? lambda / sigma : null };
  }
  return { peakConcurrency: n, peakThroughput: model(lambda, sigma, kappa, n), unbounded: false, asymptoticThroughput: null };
}

export interface UslFit extends UslParameters, UslPeak {
  /** Coefficient of determination of the fitted curve on X. */
  readonly rSquared: number;
  readonly residualSumOfSquares: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly points: number;
}

function validatePoints(points: readonly UslPoint[]): void {
  if (!Array.isArray(points)) throw new ModelInputError('points', 'must be an array of { concurrency, throughput }', String(points));
  points.forEach((p, i) => {
    requireAtLeast(`points[${i}].concurrency`, p?.concurrency, 1);
    requirePositive(`points[${i}].throughput`, p?.throughput);
  });
  const distinct = new Set(points.map((p) => p.concurrency)).size;
  if (distinct < MIN_DISTINCT_CONCURRENCIES) {
    throw new ModelInputError('points', `must hold at least ${MIN_DISTINCT_CONCURRENCIES} distinct concurrency values to fit three parameters`, distinct);
  }
}

/** Solves the 3×3 system M x = v by Gaussian elimination with partial pivoting; null if singular. */
function solve3(m: number[][], v: number[]): [number, number, number] | null {
  const a = m.map((row, i) => [...row, v[i] ?? 0]);
  for (let col = 0; col < 3; col++) {
    let pivot = col;
    for (let r = col + 1; r < 3; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (!(Math.abs(a[pivot]![col]!) > 0)) return null;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let r = col + 1; r < 3; r++) {
      const f = a[r]![col]! / a[col]![col]!;
      for (let k = col; k < 4; k++) a[r]![k]! -= f * a[col]![k]!;
    }
  }
  const x = [0, 0, 0];
  for (let r = 2; r >= 0; r--) {
    let sum = a[r]![3]!;
    for (let k = r + 1; k < 3; k++) sum -= a[r]![k]! * x[k]!;
    x[r] = sum / a[r]![r]!;
  }
  return x.every(Number.isFinite) ? [x[0]!, x[1]!, x[2]!] : null;
}

function sumOfSquares(ns: Float64Array, xs: Float64Array, lambda: number, sigma: number, kappa: number): number {
  let sum = 0;
  for (let i = 0; i < ns.length; i++) {
    const r = xs[i]! - model(lambda, sigma, kappa, ns[i]!);
    sum += r * r;
  }
  return sum;
}

/** Gunther's linearisation, N/X = a + b(N−1) + c N(N−1), solved by ordinary least squares. */
function startingPoint(ns: Float64Array, xs: Float64Array): [number, number, number] {
  const m = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  const v = [0, 0, 0];
  for (let i = 0; i < ns.length; i++) {
    const n = ns[i]!;
    const basis = [1, n - 1, n * (n - 1)] as const;
    const y = n / xs[i]!;
    for (let r = 0; r < 3; r++) {
      v[r]! += basis[r]! * y;
      for (let c = 0; c < 3; c++) m[r]![c]! += basis[r]! * basis[c]!;
    }
  }
  let fallbackLambda = 0;
  for (let i = 0; i < ns.length; i++) fallbackLambda = Math.max(fallbackLambda, xs[i]! / ns[i]!);
  const x = solve3(m, v);
  if (!x || !(x[0] > 0)) return [fallbackLambda, 0, 0];
  const [a, b, c] = x;
  return [1 / a, Math.max(0, b / a), Math.max(0, c / a)];
}

/** Fits λ, σ, κ to measured (concurrency, throughput) points. */
export function fitUsl(points: readonly UslPoint[]): UslFit {
  validatePoints(points);
  const ns = Float64Array.from(points, (p) => p.concurrency);
  const xs = Float64Array.from(points, (p) => p.throughput);
  let [lambda, sigma, kappa] = startingPoint(ns, xs);
  let cost = sumOfSquares(ns, xs, lambda, sigma, kappa);
  let damping = 1e-3;
  let iterations = 0;
  let converged = false;

  while (iterations < FIT_MAX_ITERATIONS) {
    iterations++;
    // Normal equations JᵀJ δ = Jᵀr for the residuals r = X − f; scalars, not arrays, in this hot loop.
    let j00 = 0, j01 = 0, j02 = 0, j11 = 0, j12 = 0, j22 = 0, r0 = 0, r1 = 0, r2 = 0;
    for (let i = 0; i < ns.length; i++) {
      const n = ns[i]!;
      const d = 1 + sigma * (n - 1) + kappa * n * (n - 1);
      const f = (lambda * n) / d;
      const r = xs[i]! - f;
      const g0 = n / d;
      const g1 = (-f * (n - 1)) / d;
      const g2 = g1 * n;
      j00 += g0 * g0; j01 += g0 * g1; j02 += g0 * g2;
      j11 += g1 * g1; j12 += g1 * g2; j22 += g2 * g2;
      r0 += g0 * r; r1 += g1 * r; r2 += g2 * r;
    }
    const jtj = [
      [j00, j01, j02],
      [j01, j11, j12],
      [j02, j12, j22],
    ];
    const jtr = [r0, r1, r2];
    let improved = false;
    while (damping < 1e20) {
      const m = jtj.map((row, a) => row.map((value, b) => (a === b ? value * (1 + damping) + 1e-300 : value)));
      const step = solve3(m, jtr);
      if (!step) {
        damping *= 10;
        continue;
      }
      const next: [number, number, number] = [lambda + step[0], Math.max(0, sigma + step[1]), Math.max(0, kappa + step[2])];
      if (!(next[0] > 0)) {
        damping *= 10;
        continue;
      }
      const nextCost = sumOfSquares(ns, xs, next[0], next[1], next[2]);
      if (nextCost <= cost) {
        const relativeChange = (cost - nextCost) / Math.max(cost, Number.MIN_VALUE);
        const stepSize = Math.abs(next[0] - lambda) / lambda + Math.abs(next[1] - sigma) + Math.abs(next[2] - kappa);
        [lambda, sigma, kappa] = next;
        cost = nextCost;
        damping = Math.max(damping / 10, 1e-12);
        improved = true;
        if (relativeChange < FIT_TOLERANCE || stepSize < FIT_TOLERANCE) converged = true;
        break;
      }
      damping *= 10;
    }
    // No downhill step at any damping: we are at a (constrained) minimum to machine precision.
    if (!improved) converged = true;
    if (converged) break;
  }

  let mean = 0;
  for (const x of xs) mean += x / xs.length;
  let total = 0;
  for (const x of xs) total += (x - mean) ** 2;
  const rSquared = total > 0 ? 1 - cost / total : cost === 0 ? 1 : 0;
  const params = { lambda: requireFinite('lambda', lambda), sigma: requireFinite('sigma', sigma), kappa: requireFinite('kappa', kappa) };
  return {
    ...params,
    ...uslPeak(params),
    rSquared,
    residualSumOfSquares: cost,
    iterations,
    converged,
    points: points.length,
  };
}
