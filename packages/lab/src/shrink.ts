/**
 * Shrinking a failing fault schedule to a small one that still fails, the way property-based testers shrink a
 * counterexample: first delta debugging over the faults (drop one at a time while the run stays unsafe, until no
 * single fault can go), then each remaining fault is made smaller by halving (a pause's duration, a partition's or
 * a crash's or a lossy link's span, a clock's skew and drift) and earlier by halving its start. Every step is a full
 * rerun with the same solution and seed, so the result is proved by the run returned with it.
 *
 * "Still fails" means unsafe with at least one violation of a kind the original run had, so shrinking cannot wander
 * off to a different bug.
 */
import type { Fault, Nemesis } from '@compendium/sim';
import { LabInputError } from './errors.ts';
import { type LockLabOptions, type LockLabResult, runLockLab } from './run-lab.ts';

export interface ShrinkOptions {
  /** Reruns allowed; default 300. */
  readonly maxRuns?: number;
  /** Seconds below which a time is not halved further; default 0.01. */
  readonly resolution?: number;
  /** The run of these options, when the caller has already made it: it is not made again. */
  readonly original?: LockLabResult;
}

export interface ShrinkResult {
  readonly nemesis: Nemesis;
  /** The run under the shrunk schedule: the proof that it still fails. */
  readonly result: LockLabResult;
  readonly original: LockLabResult;
  /** Reruns made, the original's excluded. */
  readonly runs: number;
  /** False when the run budget ran out before no step could shrink further. */
  readonly complete: boolean;
}

/** A way to make one fault smaller: reads a number, writes it back; `floor` is where halving stops. */
interface Dimension {
  readonly get: (fault: Fault) => number | undefined;
  readonly set: (fault: Fault, value: number) => Fault;
  readonly floor: number;
}

function dimensions(fault: Fault, resolution: number): Dimension[] {
  const out: Dimension[] = [];
  const span = (end: 'healAt' | 'restartAt' | 'until'): Dimension => ({
    get: (f) => {
      const value = (f as Record<string, unknown>)[end];
      return typeof value === 'number' ? value - f.at : undefined;
    },
    set: (f, value) => ({ ...f, [end]: f.at + value }) as Fault,
    floor: resolution,
  });
  switch (fault.kind) {
    case 'pause':
      out.push({ get: (f) => (f as { duration: number }).duration, set: (f, duration) => ({ ...f, duration }) as Fault, floor: resolution });
      break;
    case 'partition':
      out.push(span('healAt'));
      break;
    case 'crash':
      out.push(span('restartAt'));
      break;
    case 'lossy-link':
      out.push(span('until'));
      break;
    case 'clock':
      out.push({ get: (f) => (f as { skew?: number }).skew, set: (f, skew) => ({ ...f, skew }) as Fault, floor: resolution });
      out.push({ get: (f) => (f as { drift?: number }).drift, set: (f, drift) => ({ ...f, drift }) as Fault, floor: 1e-6 });
      break;
  }
  // Earlier: the whole fault moves, its end with its start.
  out.push({
    get: (f) => f.at,
    set: (f, at) => {
      const shift = at - f.at;
      const moved: Record<string, unknown> = { ...f, at };
      for (const end of ['healAt', 'restartAt', 'until']) if (typeof moved[end] === 'number') moved[end] = (moved[end] as number) + shift;
      return moved as unknown as Fault;
    },
    floor: resolution,
  });
  return out;
}

export function shrinkSchedule(options: LockLabOptions, shrink: ShrinkOptions = {}): ShrinkResult {
  const maxRuns = shrink.maxRuns ?? 300;
  const resolution = shrink.resolution ?? 0.01;
  const original = shrink.original ?? runLockLab(options);
  if (original.verdict !== 'unsafe') {
    throw new LabInputError('nemesis', `must make the run unsafe before it can be shrunk (the verdict was ${original.verdict})`);
  }
  const kinds = new Set(original.violations.map((v) => v.kind));
  let best = { nemesis: original.nemesis, result: original };
  let runs = 0;
  const stillFails = (nemesis: Nemesis): boolean => {
    if (runs >= maxRuns) return false;
    runs++;
    const result = runLockLab({ ...options, nemesis });
    if (result.verdict !== 'unsafe' || !result.violations.some((v) => kinds.has(v.kind))) return false;
    best = { nemesis, result };
    return true;
  };
  const replace = (nemesis: Nemesis, index: number, fault: Fault): Nemesis => nemesis.map((f, i) => (i === index ? fault : f));

  let changed = true;
  while (changed && runs < maxRuns) {
    changed = false;
    // Delta debugging, one fault at a time: a removal that keeps the failure is kept, and the pass goes on.
    for (let i = 0; i < best.nemesis.length && runs < maxRuns; ) {
      if (stillFails(best.nemesis.filter((_, j) => j !== i))) changed = true;
      else i++;
    }
    // Then smaller and earlier, by halving, while the failure holds.
    for (let i = 0; i < best.nemesis.length && runs < maxRuns; i++) {
      for (const dimension of dimensions(best.nemesis[i] as Fault, resolution)) {
        for (;;) {
          const fault = best.nemesis[i] as Fault;
          const value = dimension.get(fault);
          if (value === undefined || Math.abs(value) / 2 < dimension.floor) break;
          if (!stillFails(replace(best.nemesis, i, dimension.set(fault, value / 2)))) break;
          changed = true;
        }
      }
    }
  }
  return { nemesis: best.nemesis, result: best.result, original, runs, complete: runs < maxRuns };
}

/** What a reader's run needs: the run itself and, when it is unsafe, the smallest schedule that still breaks it. */
export function runAndShrink(options: LockLabOptions, shrink: ShrinkOptions = {}): { result: LockLabResult; shrunk?: ShrinkResult } {
  const result = runLockLab(options);
  if (result.verdict !== 'unsafe') return { result };
  return { result, shrunk: shrinkSchedule(options, { ...shrink, original: result }) };
}
