/**
 * A time budget shared by every search of one check. Linearizability checking is NP-complete (Gibbons & Korach
 * 1997), so a history with enough concurrency can outlast any patience; the checker then answers "unknown" with a
 * reason rather than hang a terminal or a Web Worker.
 */
import { CheckInputError } from './errors.ts';

export interface Budget {
  /** True once the time is up. Cheap, but callers still ask only every few hundred steps. */
  exhausted(): boolean;
  readonly timeoutMs: number;
}

/** `performance` is a global in Node, browsers and Web Workers alike. */
const defaultNow = (): number => performance.now();

export function createBudget(timeoutMs: number | undefined, now: () => number = defaultNow): Budget {
  if (timeoutMs === undefined) return { exhausted: () => false, timeoutMs: Number.POSITIVE_INFINITY };
  if (typeof timeoutMs !== 'number' || Number.isNaN(timeoutMs) || !(timeoutMs > 0)) {
    throw new CheckInputError('timeoutMs', 'must be a number of milliseconds greater than 0', timeoutMs);
  }
  const deadline = now() + timeoutMs;
  return { exhausted: () => now() >= deadline, timeoutMs };
}
