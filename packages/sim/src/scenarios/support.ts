/**
 * Pieces the pattern simulations share: an exponential sampler on a stream, FIFO queues that do not shift arrays,
 * windowed counters for charts, and the rule that keeps a chart to at most 600 points per series.
 */
import { requireFinite, requirePositive, SimInputError } from '../errors.ts';
import type { Random } from '../random.ts';
import type { Series } from '../scenario.ts';

/** A chart of a few variants stays readable and cheap to post from a worker with this many points per series. */
export const MAX_SERIES_POINTS = 600;

export function exponentialSampler(random: Random, mean: number): () => number {
  // 1 − U lies in (0, 1], so the logarithm is finite.
  return () => -mean * Math.log(1 - random.next());
}

/** The sampling interval of a chart: `preferred`, widened when a run of `duration` would give more than 600 points. */
export function chartInterval(duration: number, preferred: number): number {
  return Math.max(preferred, duration / MAX_SERIES_POINTS);
}

export function emptySeries(label: string): Series {
  return { label, times: [], values: [] };
}

export function recordPoint(series: Series, time: number, value: number): void {
  series.times.push(time);
  series.values.push(value);
}

/** A FIFO of numbers on a growable ring buffer: push, peek and shift are O(1) and allocate nothing in steady state. */
export class NumberQueue {
  private ring = new Float64Array(64);
  private head = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(value: number): void {
    if (this.count === this.ring.length) this.grow();
    this.ring[(this.head + this.count) & (this.ring.length - 1)] = value;
    this.count++;
  }

  /** The oldest value; NaN when empty. */
  peek(): number {
    return this.count === 0 ? Number.NaN : (this.ring[this.head] as number);
  }

  /** The newest value; NaN when empty. */
  peekLast(): number {
    return this.count === 0 ? Number.NaN : (this.ring[(this.head + this.count - 1) & (this.ring.length - 1)] as number);
  }

  shift(): number {
    if (this.count === 0) return Number.NaN;
    const value = this.ring[this.head] as number;
    this.head = (this.head + 1) & (this.ring.length - 1);
    this.count--;
    return value;
  }

  /** Drops values from the front while they are at most `limit` (the queue holds times in increasing order). */
  dropUpTo(limit: number): void {
    while (this.count > 0 && (this.ring[this.head] as number) <= limit) {
      this.head = (this.head + 1) & (this.ring.length - 1);
      this.count--;
    }
  }

  private grow(): void {
    const bigger = new Float64Array(this.ring.length * 2);
    for (let i = 0; i < this.count; i++) bigger[i] = this.ring[(this.head + i) & (this.ring.length - 1)] as number;
    this.ring = bigger;
    this.head = 0;
  }
}

/**
 * A FIFO of objects, taken from the front or (for LIFO service) the back. Taken slots are cleared so the items can be
 * collected, and the array is compacted when its dead front outgrows its live part.
 */
export class Deque<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  shift(): T | undefined {
    if (this.head === this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  pop(): T | undefined {
    if (this.head === this.items.length) return undefined;
    return this.items.pop();
  }
}

/** Counts events in a sliding window of virtual time (a retry budget's deposits and withdrawals, for example). */
export class SlidingCount {
  private readonly times = new NumberQueue();
  readonly window: number;

  constructor(window: number) {
    this.window = window;
  }

  add(time: number): void {
    this.times.push(time);
  }

  countAt(now: number): number {
    this.times.dropUpTo(now - this.window);
    return this.times.size;
  }
}

/** A sum and a count that a chart reads and resets once per interval (a windowed mean or a rate). */
export class WindowAccumulator {
  sum = 0;
  count = 0;

  add(value: number): void {
    this.sum += value;
    this.count++;
  }

  /** The mean of the window, or `empty` when nothing fell in it; then starts a new window. */
  takeMean(empty: number): number {
    const mean = this.count === 0 ? empty : this.sum / this.count;
    this.sum = 0;
    this.count = 0;
    return mean;
  }

  /** Events per second over a window of `interval` seconds; then starts a new window. */
  takeRate(interval: number): number {
    const rate = this.count / interval;
    this.sum = 0;
    this.count = 0;
    return rate;
  }
}

/** A run's length in virtual seconds; long runs are refused because a page and a test must both finish. */
export function requireDuration(value: number, max: number): number {
  requirePositive('duration', value);
  if (value > max) throw new SimInputError('duration', `must be at most ${max} s`, value);
  return value;
}

/** Requires `start < end`, both within [0, duration], naming the later one when the order is wrong. */
export function requireWindow(startName: string, start: number, endName: string, end: number, duration: number): void {
  requireFinite(startName, start);
  requireFinite(endName, end);
  if (start < 0) throw new SimInputError(startName, 'must be at least 0', start);
  if (!(end > start)) throw new SimInputError(endName, `must be later than ${startName} (${start})`, end);
  if (end > duration) throw new SimInputError(endName, `must be at most the duration (${duration} s)`, end);
}

/** A scenario's full parameters from the registry's flat numbers: every key of `defaults`, overridden where given. */
export function withDefaults<T extends object>(defaults: T, params: Readonly<Record<string, number>>): T {
  const merged: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const key of Object.keys(defaults)) {
    const value = params[key];
    if (typeof value === 'number') merged[key] = value;
  }
  return merged as T;
}
