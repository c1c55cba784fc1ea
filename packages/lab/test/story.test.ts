import { describe, expect, it } from 'vitest';
import * as fenced from '../solutions/fenced-lease.ts';
import * as naive from '../solutions/naive-lease.ts';
import { describeFault } from '../src/describe.ts';
import { LabInputError } from '../src/errors.ts';
import { runLockLab, WORKLOAD } from '../src/run-lab.ts';
import { namedSchedule, SCHEDULE_NAMES } from '../src/schedules.ts';
import { clockSkewStory, forgetfulCounterStory, forgetfulFencedLease, leaseStory, pauseBoundary, scheduleTable, STORY_CLIENTS } from '../src/story.ts';

/** One hold on the client's clock: the first write one interval after the grant, then two more, then the release. */
const HOLD = (WORKLOAD.writesPerHold + 1) * WORKLOAD.writeInterval;
/** The lab's LAN: one-way latency at most 30 ms (run-lab.ts). */
const MAX_LATENCY = 0.03;

const story = leaseStory(1);
const table = scheduleTable(1);
const forgetful = forgetfulCounterStory(1);
const skew = clockSkewStory(1);

const run = (solution: typeof naive, nemesis = namedSchedule('gc-pause', STORY_CLIENTS)) => runLockLab({ solution, nemesis, seed: 1, clients: STORY_CLIENTS });

describe('leaseStory: gc-pause against the shipped solutions', () => {
  it('reads the lease off the grant: it ends one lease after the grant, and covers a hold', () => {
    expect(story.naive.leaseEnd).toBeCloseTo(story.naive.firstGrant + story.lease, 12);
    expect(story.lease).toBeGreaterThan(HOLD);
  });

  it('puts the paused client’s writes on the right side of the pause and the lease', () => {
    expect(story.wakeAt).toBe(story.pauseAt + story.pauseDuration);
    expect(story.naive.writesBeforePause.length).toBeGreaterThan(0);
    for (const t of story.naive.writesBeforePause) expect(t).toBeLessThan(story.pauseAt);
    // Three writes per hold: those not made before the pause are all made after it, once the timers fire on waking.
    expect(story.naive.lateWrites).toHaveLength(WORKLOAD.writesPerHold - story.naive.writesBeforePause.length);
    for (const t of story.naive.lateWrites) {
      expect(t).toBeGreaterThan(story.wakeAt);
      expect(t).toBeGreaterThan(story.naive.leaseEnd);
    }
  });

  it('grants nobody else until the lease has run out, since the paused holder never released', () => {
    expect(story.naive.nextGrant.client).not.toBe(story.pausedClient);
    expect(story.naive.nextGrant.time).toBeGreaterThanOrEqual(story.naive.leaseEnd);
    expect(story.naive.holdsWhilePaused[0]).toBe(story.naive.nextGrant.client);
  });

  it('finds the naive lease unsafe, with an overlap for every hold completed while the client slept', () => {
    expect(story.naive.verdict).toBe('unsafe');
    // Each such hold wrote after the paused client's first write and before its late ones.
    expect(story.naive.overlaps).toBeGreaterThanOrEqual(story.naive.holdsWhilePaused.length);
    expect(story.naive.lowestOverlappedToken).toBe(1); // the paused client's, the first grant of the run
  });

  it('finds the fenced lease safe, rejecting exactly the late writes, whose token is below the storage’s highest', () => {
    expect(story.fenced.verdict).toBe('safe');
    expect(story.fenced.lateWritesRejected).toBe(story.naive.lateWrites.length);
    expect(story.fenced.rejected).toBe(story.fenced.lateWritesRejected);
    expect(story.fenced.lateToken).toBeLessThan(story.fenced.highestAcceptedBeforeLateWrites);
    expect(story.fenced.accepted + story.fenced.rejected).toBe(run(fenced).stats.writes);
  });

  it('runs the fenced lease exactly like the naive one until the paused client wakes', () => {
    const times = (solution: typeof naive) =>
      run(solution)
        .timeline.filter((e) => (e.kind === 'grant' || e.kind === 'write') && e.time < story.wakeAt)
        .map((e) => [e.kind, e.time]);
    expect(times(fenced)).toEqual(times(naive));
  });

  it('shrinks to one smaller, earlier pause whose run is unsafe, and the next halving is not', () => {
    expect(story.shrink.description).toBe(describeFault({ kind: 'pause', node: story.pausedClient, at: story.shrink.at, duration: story.shrink.duration }));
    expect(story.shrink.duration).toBeLessThanOrEqual(story.pauseDuration);
    expect(story.shrink.at).toBeLessThanOrEqual(story.pauseAt);
    const pause = { kind: 'pause' as const, node: story.pausedClient, at: story.shrink.at };
    expect(run(naive, [{ ...pause, duration: story.shrink.duration }]).verdict).toBe('unsafe');
    expect(story.shrink.halved).toBe(story.shrink.duration / 2);
    expect(run(naive, [{ ...pause, duration: story.shrink.halved }]).verdict).toBe(story.shrink.halvedVerdict);
    expect(story.shrink.holderAtFirstLateWrite).not.toBe(story.pausedClient);
  });

  it('has the shrunk run’s client learn of its grant only after waking, when it paused before the grant', () => {
    if (story.shrink.at < story.shrink.firstGrant) expect(story.shrink.learnedAt).toBeGreaterThanOrEqual(story.shrink.at + story.shrink.duration);
    expect(story.shrink.firstLateWrite).toBeGreaterThan(story.shrink.learnedAt);
  });

  it('bisects the pause to two runs 0.01 s apart, one safe and one unsafe', () => {
    const { safe, unsafe, at } = story.boundary;
    expect(unsafe - safe).toBeCloseTo(0.01, 9);
    const pause = { kind: 'pause' as const, node: story.pausedClient, at };
    expect(run(naive, [{ ...pause, duration: safe }]).verdict).toBe('safe');
    expect(run(naive, [{ ...pause, duration: unsafe }]).verdict).toBe('unsafe');
    // An overlap needs another holder's write (after the lease and one write interval) before the paused client's
    // last write, which lands at most one interval and a latency after waking.
    expect(at + unsafe + WORKLOAD.writeInterval + MAX_LATENCY).toBeGreaterThan(story.naive.leaseEnd + WORKLOAD.writeInterval);
  });

  it('refuses to bisect a pause that does not break the run', () => {
    expect(() => pauseBoundary(fenced, { kind: 'pause', node: 'c1', at: 0.3, duration: 5 }, 1)).toThrow(LabInputError);
  });
});

describe('scheduleTable', () => {
  it('has a row per named schedule; the fenced lease is safe under all of them', () => {
    expect(Object.keys(table)).toEqual(SCHEDULE_NAMES);
    for (const row of Object.values(table)) expect(row.fenced).toBe('safe');
  });

  it('keeps the naive lease safe while the lock service is cut off: nobody can be granted the lock', () => {
    expect(table['partition-lock-server']?.naive).toBe('safe');
  });

  it('shrinks every unsafe schedule to no more faults than it had, and gc-pause as leaseStory does', () => {
    for (const row of Object.values(table)) {
      if (row.naive !== 'unsafe') expect(row.shrunk).toBeUndefined();
      else expect(row.kept).toBeLessThanOrEqual(row.faults);
    }
    expect(table['gc-pause']?.shrunk).toBe(story.shrink.description);
  });
});

describe('forgetfulCounterStory: the fenced lease with its counter in memory, under mixed', () => {
  it('behaves as the fenced lease when the lock service never restarts', () => {
    const calm = namedSchedule('gc-pause', STORY_CLIENTS);
    expect(run(forgetfulFencedLease, calm).timeline).toEqual(run(fenced, calm).timeline);
  });

  it('really forgets the counter on restart: it hands out tokens already used', () => {
    expect(forgetful.firstTokenAfterRestart).toBeLessThanOrEqual(forgetful.highestTokenGrantedBeforeCrash);
    expect(forgetful.durableVerdict).toBe('safe');
  });

  it('yields token-order violations, and the storage rejects the new holders’ lower tokens', () => {
    expect(forgetful.verdict).toBe('unsafe');
    expect(forgetful.violationKinds).toContain('token-order');
    expect(forgetful.tokenOrderViolations).toBeGreaterThan(0);
    expect(forgetful.highestAcceptedAtFirstNewWrite).toBeGreaterThan(forgetful.firstTokenAfterRestart);
    expect(forgetful.rejectedFromNewHolders).toBeGreaterThan(0);
    expect(forgetful.rejectedFromNewHolders).toBeLessThanOrEqual(forgetful.rejected);
  });

  it('shrinks to a crash of the lock service no later than the original', () => {
    expect(forgetful.shrunk).toMatch(/^crash lock at /);
    expect(forgetful.shrunkCrashAt).toBeLessThanOrEqual(forgetful.crashAt);
  });
});

describe('clockSkewStory', () => {
  it('has the jumped server grant another client while the first holder still holds the lock', () => {
    expect(skew.intruder.client).not.toBe(skew.holder);
    expect(skew.intruder.time).toBeLessThan(skew.holdEnds);
    expect(skew.naive).toBe('unsafe');
  });

  it('stretches the slow client’s hold by its drift: 0.8 s of client time at a fifth of real speed', () => {
    const drift = namedSchedule('clock-skew').find((f) => f.kind === 'clock' && f.node === skew.holder);
    if (drift?.kind !== 'clock' || drift.drift === undefined) throw new Error('clock-skew must slow the holder');
    expect(skew.holdLasts).toBeCloseTo(HOLD / (1 + drift.drift), 9);
  });

  it('judges writes, not beliefs: with the jump alone, a grant during the hold is safe only if the writes do not interleave', () => {
    const { verdict, grantDuringHold, holderLastWrite, intruderFirstWrite } = skew.jumpOnly;
    if (verdict === 'safe' && grantDuringHold && intruderFirstWrite !== undefined) expect(holderLastWrite).toBeLessThan(intruderFirstWrite);
  });

  it('keeps the fenced lease safe by rejecting writes', () => {
    expect(skew.fenced).toBe('safe');
    expect(skew.fencedRejected).toBeGreaterThan(0);
  });
});

/** The page's wording for seed 1 is qualitative; these are the claims it makes, so a change that falsifies one fails. */
describe('the page’s seed-1 claims', () => {
  it('gc-pause: one overlap per hold in between; a threshold below the lease; a safe halving; a grant missed while asleep', () => {
    expect(story.naive.writesBeforePause).toHaveLength(1); // "writes once", then two late writes: "accepts both"
    expect(story.naive.lateWrites).toHaveLength(2);
    expect(story.naive.overlaps).toBe(story.naive.holdsWhilePaused.length);
    expect(story.boundary.unsafe).toBeLessThan(story.lease);
    expect(story.shrink.halvedVerdict).toBe('safe');
    expect(story.shrink.at).toBeLessThan(story.shrink.firstGrant);
    expect(story.shrink.learnedAt).toBeGreaterThan(story.shrink.firstGrant + story.lease);
  });

  it('table: clock-skew shrinks to the drift alone, mixed to the crash alone', () => {
    expect(table['clock-skew']?.kept).toBe(1);
    expect(table['clock-skew']?.shrunk).toMatch(/^c1's clock runs \d+ % slow/);
    expect(table.mixed?.kept).toBe(1);
    expect(table.mixed?.shrunk).toMatch(/^crash lock at /);
  });

  it('exercises: nothing interleaves without the durable counter; the jump alone is safe, the drift alone is not', () => {
    expect(forgetful.violationKinds).toEqual(['token-order']);
    expect(forgetful.rejectedFromNewHolders).toBe(forgetful.rejected);
    expect(forgetful.shrunkFaults).toBe(1);
    expect(skew.jumpOnly.verdict).toBe('safe');
    expect(skew.jumpOnly.grantDuringHold).toBeDefined();
    expect(skew.driftOnly).toBe('unsafe');
  });
});
