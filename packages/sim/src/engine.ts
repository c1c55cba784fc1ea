/**
 * The discrete-event engine: a virtual clock and the pending events. Time jumps from one event to the next; nothing
 * here reads a wall clock, so a run is a pure function of its inputs and its seed.
 */
import { requireFinite, requireNonNegative, SimInputError } from './errors.ts';
import { EventQueue } from './event-queue.ts';
import { createRandom, type Random } from './random.ts';
import { type Seconds, seconds } from './units.ts';

export type Handler = () => void;

export interface RunLimits {
  /** Stop before the first event later than this virtual time. */
  until?: number;
  /** Stop after this many events. */
  maxEvents?: number;
}

export class Simulation {
  readonly random: Random;
  private clock = 0;
  private processed = 0;
  private readonly queue = new EventQueue<Handler>();

  constructor(seed: number) {
    this.random = createRandom(seed);
  }

  get now(): Seconds {
    return seconds(this.clock);
  }

  /** Events run so far. */
  get events(): number {
    return this.processed;
  }

  get pending(): number {
    return this.queue.size;
  }

  /** Runs `handler` after `delay` seconds of virtual time. */
  schedule(delay: number, handler: Handler): void {
    if (!(delay >= 0) || delay === Number.POSITIVE_INFINITY) {
      requireFinite('delay', delay);
      requireNonNegative('delay', delay);
    }
    this.queue.push(this.clock + delay, handler);
  }

  /** Runs `handler` at an absolute virtual time, which must not be in the past. */
  at(time: number, handler: Handler): void {
    requireFinite('time', time);
    if (time < this.clock) throw new SimInputError('time', `must not be before now (${this.clock})`, time);
    this.queue.push(time, handler);
  }

  /** Runs the next event; false when none is pending or it lies beyond `until`. */
  step(until = Number.POSITIVE_INFINITY): boolean {
    const time = this.queue.peekTime();
    if (time === Number.POSITIVE_INFINITY || time > until) return false;
    const handler = this.queue.pop() as Handler;
    this.clock = time;
    this.processed++;
    handler();
    return true;
  }

  /** Runs events in time order until a limit is reached or none is left; returns the number run. */
  run(limits: RunLimits = {}): number {
    const until = limits.until ?? Number.POSITIVE_INFINITY;
    const maxEvents = limits.maxEvents ?? Number.POSITIVE_INFINITY;
    const start = this.processed;
    const queue = this.queue;
    while (this.processed - start < maxEvents) {
      const time = queue.peekTime();
      if (time === Number.POSITIVE_INFINITY || time > until) break;
      const handler = queue.pop() as Handler;
      this.clock = time;
      this.processed++;
      handler();
    }
    // Time passes to `until` even when nothing happens, so a paused run resumes where it was left.
    if (until !== Number.POSITIVE_INFINITY && this.clock < until && this.processed - start < maxEvents) this.clock = until;
    return this.processed - start;
  }
}
