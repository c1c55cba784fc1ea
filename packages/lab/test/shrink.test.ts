import { describe, expect, it } from 'vitest';
import * as fenced from '../solutions/fenced-lease.ts';
import * as naive from '../solutions/naive-lease.ts';
import type { Fault } from '@compendium/sim';
import { runLockLab, WORKLOAD } from '../src/run-lab.ts';
import { namedSchedule } from '../src/schedules.ts';
import { runAndShrink, shrinkSchedule } from '../src/shrink.ts';

const LEASE = 2;
const HOLD = (WORKLOAD.writesPerHold + 1) * WORKLOAD.writeInterval;

/** Five faults that a lease survives on their own (checked below), and one GC pause that it does not. */
const theGcPause: Fault = { kind: 'pause', at: 0.3, node: 'c1', duration: 5 };
const distractions: Fault[] = [
  { kind: 'clock', at: 0, node: 'storage', skew: 7 },
  { kind: 'lossy-link', at: 0.5, from: 'c3', to: 'lock', loss: 0.5, until: 4 },
  { kind: 'partition', at: 1, groups: [['lock'], ['c3']], healAt: 1.5 },
  { kind: 'pause', at: 8, node: 'c2', duration: 0.1 },
  { kind: 'crash', at: 12, node: 'c3', restartAt: 13 },
];
const six = [distractions[0]!, theGcPause, ...distractions.slice(1)];

describe('shrinkSchedule', () => {
  it('the five distractions alone are harmless, and the six together break the naive lease', () => {
    expect(runLockLab({ solution: naive, nemesis: distractions }).verdict).toBe('safe');
    expect(runLockLab({ solution: naive, nemesis: six }).verdict).toBe('unsafe');
  });

  it('shrinks six faults to the one GC pause that matters, with the run that proves it', () => {
    const shrunk = shrinkSchedule({ solution: naive, nemesis: six });
    expect(shrunk.nemesis).toHaveLength(1);
    const pause = shrunk.nemesis[0]!;
    expect(pause.kind).toBe('pause');
    if (pause.kind !== 'pause') return;
    expect(pause.node).toBe('c1');
    expect(pause.duration).toBeLessThanOrEqual(theGcPause.duration);
    // A pause shorter than the lease minus a hold's length cannot outlast the lease before c1 finishes its hold.
    expect(pause.duration).toBeGreaterThan(LEASE - HOLD);
    expect(pause.at).toBeLessThanOrEqual(theGcPause.at);
    expect(shrunk.result.verdict).toBe('unsafe');
    expect(shrunk.result.violations.some((v) => v.kind === 'overlap')).toBe(true);
    expect(shrunk.result.nemesis).toEqual(shrunk.nemesis);
    expect(shrunk.complete).toBe(true);
    // Halving once more would no longer fail: the pause is as short as halving can make it.
    const halved = runLockLab({ solution: naive, nemesis: [{ ...pause, duration: pause.duration / 2 }] });
    expect(halved.verdict).toBe('safe');
  });

  it('shrinks the gc-pause schedule to itself, smaller', () => {
    const shrunk = shrinkSchedule({ solution: naive, nemesis: namedSchedule('gc-pause') });
    expect(shrunk.nemesis).toHaveLength(1);
    expect(shrunk.nemesis[0]).toMatchObject({ kind: 'pause', node: 'c1' });
  });

  it('stops at its run budget and says so', () => {
    const shrunk = shrinkSchedule({ solution: naive, nemesis: six }, { maxRuns: 2 });
    expect(shrunk.runs).toBe(2);
    expect(shrunk.complete).toBe(false);
    expect(shrunk.result.verdict).toBe('unsafe');
  });

  it('refuses a schedule that does not fail', () => {
    expect(() => shrinkSchedule({ solution: fenced, nemesis: six })).toThrow(/nemesis must make the run unsafe before it can be shrunk \(the verdict was safe\)/);
  });
});

describe('a run and its shrinking together', () => {
  it('shrinks an unsafe run without making the original run twice, and leaves a safe one alone', () => {
    const options = { solution: naive, nemesis: namedSchedule('gc-pause'), seed: 1 };
    const { result, shrunk } = runAndShrink(options);
    expect(result.verdict).toBe('unsafe');
    expect(shrunk?.original).toBe(result);
    expect(shrunk?.nemesis).toEqual(shrinkSchedule(options).nemesis);
    expect(runAndShrink({ ...options, solution: fenced }).shrunk).toBeUndefined();
  });
});
