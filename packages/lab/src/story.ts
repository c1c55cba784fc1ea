/**
 * The figures the distributed-lock lab page quotes, computed by running the lab rather than typed from a run done by
 * hand: the page imports these at build time, so its prose cannot drift from what the code does. Each story runs
 * the shipped solutions (or a wrapper around one) under a named schedule and reads the figures off the record.
 * Everything here is pure and deterministic: the same seed gives the same story.
 */
import type { LockViolationKind } from '@compendium/check';
import type { Fault, Nemesis } from '@compendium/sim';
import * as fencedLease from '../solutions/fenced-lease.ts';
import * as naiveLease from '../solutions/naive-lease.ts';
import type { LockServerNode, Solution } from './api.ts';
import { describeFault } from './describe.ts';
import { LabInputError } from './errors.ts';
import { type LockLabResult, runLockLab, SERVER_ID, type TimelineEvent, type Verdict } from './run-lab.ts';
import { namedSchedule, SCHEDULES } from './schedules.ts';
import { shrinkSchedule } from './shrink.ts';

/** The page's runs: three clients, the lab's default length. */
export const STORY_CLIENTS = 3;

type Grant = Extract<TimelineEvent, { kind: 'grant' }>;
type Write = Extract<TimelineEvent, { kind: 'write' }>;

const grantsOf = (run: LockLabResult): Grant[] => run.timeline.filter((e): e is Grant => e.kind === 'grant');
const writesOf = (run: LockLabResult): Write[] => run.timeline.filter((e): e is Write => e.kind === 'write');

function only<T>(value: T | undefined, what: string): T {
  // A story reads a fixed scenario; if the run no longer contains the event the page talks about, the page is wrong.
  if (value === undefined) throw new LabInputError('story', `expects ${what}, which the run does not contain`);
  return value;
}

function pauseOf(nemesis: Nemesis): Extract<Fault, { kind: 'pause' }> {
  return only(nemesis.find((f): f is Extract<Fault, { kind: 'pause' }> => f.kind === 'pause'), 'a pause in the schedule');
}

/** When `client` first completed an acquire (heard of its grant), on the lab's clock. */
function acquiredAt(run: LockLabResult, client: string): number {
  return only(run.timeline.find((e) => e.kind === 'acquired' && e.client === client), `an acquire by ${client}`).time;
}

/** When the hold that `grant` began was released; Infinity while it is not. */
function releasedBy(run: LockLabResult, grant: Grant): number {
  const release = run.history.find((r) => r.type === 'release' && r.client === grant.client && r.token === grant.token && r.time >= grant.time);
  return release?.time ?? Number.POSITIVE_INFINITY;
}

/** The lease a solution grants, read off its first grant: what the server set, not what the page assumes. */
function leaseOf(run: LockLabResult): number {
  const grant = only(grantsOf(run)[0], 'a grant');
  return only(grant.leaseUntil, 'a grant with a lease') - grant.time;
}

export interface PauseBoundary {
  /** The longest pause (to 0.01 s) found safe, and the shortest found unsafe, both starting at `at`. */
  readonly safe: number;
  readonly unsafe: number;
  readonly at: number;
  readonly runs: number;
}

/**
 * Bisection over a pause's duration, in steps of 0.01 s, between no pause (checked safe) and the schedule's own
 * (checked unsafe). Safety need not be monotonic in the duration, so the result is only what it claims: two runs a
 * step apart, one safe and one not.
 */
export function pauseBoundary(solution: Solution, pause: Extract<Fault, { kind: 'pause' }>, seed: number, clients = STORY_CLIENTS): PauseBoundary {
  const verdict = (hundredths: number): Verdict =>
    runLockLab({ solution, seed, clients, nemesis: hundredths === 0 ? [] : [{ ...pause, duration: hundredths / 100 }] }).verdict;
  let low = 0;
  let high = Math.round(pause.duration * 100);
  let runs = 2;
  if (verdict(low) !== 'safe' || verdict(high) !== 'unsafe') {
    throw new LabInputError('pause', 'must leave the run safe without it and unsafe with it, to bisect between the two', describeFault(pause));
  }
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    runs++;
    if (verdict(mid) === 'safe') low = mid;
    else high = mid;
  }
  return { safe: low / 100, unsafe: high / 100, at: pause.at, runs };
}

export interface LeaseStory {
  readonly seed: number;
  /** The shipped solutions' lease, as their first grant set it. */
  readonly lease: number;
  readonly pausedClient: string;
  readonly pauseAt: number;
  readonly pauseDuration: number;
  readonly wakeAt: number;
  readonly naive: {
    readonly firstGrant: number;
    readonly leaseEnd: number;
    /** The paused client's writes accepted before it froze. */
    readonly writesBeforePause: readonly number[];
    readonly nextGrant: { readonly client: string; readonly time: number };
    /** Holds granted after the lease ran out and released before the paused client woke: their clients, in order. */
    readonly holdsWhilePaused: readonly string[];
    /** The paused client's writes of its first hold accepted after it woke. */
    readonly lateWrites: readonly number[];
    readonly overlaps: number;
    readonly verdict: Verdict;
    /** The lowest and highest (lab-numbered) tokens among the overlapping holds. */
    readonly lowestOverlappedToken: number;
    readonly highestOverlappedToken: number;
  };
  readonly fenced: {
    readonly verdict: Verdict;
    readonly accepted: number;
    readonly rejected: number;
    /** The token the paused client's late writes carry, and the highest the storage had accepted when they came. */
    readonly lateToken: number;
    readonly highestAcceptedBeforeLateWrites: number;
    readonly lateWritesRejected: number;
  };
  readonly shrink: {
    readonly runs: number;
    readonly description: string;
    readonly at: number;
    readonly duration: number;
    /** The next halving of the duration, which the shrinker tried and rejected, and that run's verdict. */
    readonly halved: number;
    readonly halvedVerdict: Verdict;
    /** When the paused client heard of its grant, and who held the lock (had the latest grant) at its first write. */
    readonly learnedAt: number;
    readonly firstGrant: number;
    readonly firstLateWrite: number;
    readonly holderAtFirstLateWrite: string;
  };
  readonly boundary: PauseBoundary;
}

/** The gc-pause scenario: the naive lease fails, the fenced one rejects the late writes, and the shrunk schedule. */
export function leaseStory(seed = 1): LeaseStory {
  const nemesis = namedSchedule('gc-pause', STORY_CLIENTS);
  const pause = pauseOf(nemesis);
  const wakeAt = pause.at + pause.duration;
  const me = pause.node;
  const naive = runLockLab({ solution: naiveLease, nemesis, seed, clients: STORY_CLIENTS });
  const grants = grantsOf(naive);
  const firstGrant = only(grants.find((g) => g.client === me), `a grant to ${me}`);
  const leaseEnd = only(firstGrant.leaseUntil, 'a lease');
  const nextGrant = only(
    grants.find((g) => g.client !== me && g.time > firstGrant.time),
    'a grant to another client',
  );
  const mine = writesOf(naive).filter((w) => w.client === me && w.accepted);
  const firstHold = (w: Write) => typeof w.value === 'string' && w.value.startsWith(`${me} hold 1 `);
  const overlaps = naive.violations.filter((v) => v.kind === 'overlap');
  const overlappedTokens = overlaps.flatMap((v) => v.records.map((r) => only(r.token, 'a token on an overlap record')));

  const fenced = runLockLab({ solution: fencedLease, nemesis, seed, clients: STORY_CLIENTS });
  const fencedWrites = writesOf(fenced);
  const fencedLate = fencedWrites.filter((w) => w.client === me && w.time > wakeAt && firstHold(w));
  const firstFencedLate = only(fencedLate[0], `a late write by ${me}`);
  const acceptedBefore = fencedWrites.filter((w) => w.accepted && w.time < firstFencedLate.time && w.token !== undefined);

  const shrunk = shrinkSchedule({ solution: naiveLease, nemesis, seed, clients: STORY_CLIENTS }, { original: naive });
  const shrunkPause = pauseOf(shrunk.nemesis);
  const halved = shrunkPause.duration / 2;
  const shrunkGrants = grantsOf(shrunk.result);
  const shrunkLate = only(
    writesOf(shrunk.result).find((w) => w.client === me && w.accepted && w.time > shrunkPause.at),
    `a write by ${me} after the shrunk pause`,
  );
  const holder = only(shrunkGrants.filter((g) => g.time < shrunkLate.time).at(-1), 'a grant before the late write');

  return {
    seed,
    lease: leaseOf(naive),
    pausedClient: me,
    pauseAt: pause.at,
    pauseDuration: pause.duration,
    wakeAt,
    naive: {
      firstGrant: firstGrant.time,
      leaseEnd,
      writesBeforePause: mine.filter((w) => w.time < pause.at).map((w) => w.time),
      nextGrant: { client: nextGrant.client, time: nextGrant.time },
      holdsWhilePaused: grants.filter((g) => g.time >= leaseEnd && releasedBy(naive, g) < wakeAt).map((g) => g.client),
      lateWrites: mine.filter((w) => w.time > wakeAt && firstHold(w)).map((w) => w.time),
      overlaps: overlaps.length,
      verdict: naive.verdict,
      lowestOverlappedToken: Math.min(...overlappedTokens),
      highestOverlappedToken: Math.max(...overlappedTokens),
    },
    fenced: {
      verdict: fenced.verdict,
      accepted: fenced.stats.acceptedWrites,
      rejected: fenced.stats.rejectedWrites,
      lateToken: only(firstFencedLate.token, 'a token on the late write'),
      highestAcceptedBeforeLateWrites: Math.max(...acceptedBefore.map((w) => w.token as number)),
      lateWritesRejected: fencedLate.filter((w) => !w.accepted).length,
    },
    shrink: {
      runs: shrunk.runs,
      description: shrunk.nemesis.map(describeFault).join('; '),
      at: shrunkPause.at,
      duration: shrunkPause.duration,
      halved,
      halvedVerdict: runLockLab({ solution: naiveLease, seed, clients: STORY_CLIENTS, nemesis: [{ ...shrunkPause, duration: halved }] }).verdict,
      learnedAt: acquiredAt(shrunk.result, me),
      firstGrant: only(shrunkGrants.find((g) => g.client === me), `a grant to ${me}`).time,
      firstLateWrite: shrunkLate.time,
      holderAtFirstLateWrite: holder.client,
    },
    boundary: pauseBoundary(naiveLease, pause, seed),
  };
}

export interface ScheduleRow {
  readonly name: string;
  readonly naive: Verdict;
  /** The shrunk schedule in words, when the naive lease is unsafe. */
  readonly shrunk?: string;
  /** Faults the shrinker kept, of how many. */
  readonly kept?: number;
  readonly faults: number;
  readonly fenced: Verdict;
}

/** Each named schedule against both shipped solutions, with the naive lease's shrunk schedule where it fails. */
export function scheduleTable(seed = 1, clients = STORY_CLIENTS): Record<string, ScheduleRow> {
  const rows: Record<string, ScheduleRow> = {};
  for (const { name } of SCHEDULES) {
    const nemesis = namedSchedule(name, clients);
    const naive = runLockLab({ solution: naiveLease, nemesis, seed, clients });
    const fenced = runLockLab({ solution: fencedLease, nemesis, seed, clients }).verdict;
    const row = { name, naive: naive.verdict, faults: nemesis.length, fenced };
    if (naive.verdict !== 'unsafe') {
      rows[name] = row;
      continue;
    }
    const shrunk = shrinkSchedule({ solution: naiveLease, nemesis, seed, clients }, { original: naive });
    rows[name] = { ...row, shrunk: shrunk.nemesis.map(describeFault).join('; '), kept: shrunk.nemesis.length };
  }
  return rows;
}

/**
 * The fenced lease with its counter kept in memory instead of `node.durable`: the server factory gets a node whose
 * `durable` is a fresh object each time it runs, and the lab runs it again on every restart, so the count is lost.
 */
export const forgetfulFencedLease: Solution = {
  lockServer: (node: LockServerNode) => fencedLease.lockServer(Object.create(node, { durable: { value: {} } }) as LockServerNode),
  lockClient: fencedLease.lockClient,
};

export interface ForgetfulCounterStory {
  readonly verdict: Verdict;
  readonly violationKinds: readonly LockViolationKind[];
  readonly tokenOrderViolations: number;
  readonly crashAt: number;
  readonly restartAt: number;
  /** The highest token granted before the crash, and the first granted after the restart. */
  readonly highestTokenGrantedBeforeCrash: number;
  readonly firstTokenAfterRestart: number;
  /** The highest token the storage had accepted when the first write under a post-restart token reached it. */
  readonly highestAcceptedAtFirstNewWrite: number;
  readonly rejected: number;
  /** Rejected writes under tokens granted after the restart. */
  readonly rejectedFromNewHolders: number;
  readonly shrunk: string;
  readonly shrunkFaults: number;
  readonly shrunkCrashAt: number;
  /** The same schedule and seed with the counter kept durable, as shipped. */
  readonly durableVerdict: Verdict;
}

export function forgetfulCounterStory(seed = 1): ForgetfulCounterStory {
  const nemesis = namedSchedule('mixed', STORY_CLIENTS);
  const crash = only(
    nemesis.find((f): f is Extract<Fault, { kind: 'crash' }> => f.kind === 'crash' && f.node === SERVER_ID),
    'a crash of the lock service',
  );
  const restartAt = only(crash.restartAt, 'a restart');
  const run = runLockLab({ solution: forgetfulFencedLease, nemesis, seed, clients: STORY_CLIENTS });
  const grants = grantsOf(run);
  // A write belongs to the latest grant of its token to its client; after a restart tokens repeat, hence "latest".
  const grantOf = (w: Write) => grants.filter((g) => g.client === w.client && g.token === w.token && g.time <= w.time).at(-1);
  const isNew = (w: Write) => (grantOf(w)?.time ?? Number.NEGATIVE_INFINITY) >= restartAt;
  const writes = writesOf(run);
  const firstNewWrite = only(writes.find(isNew), 'a write under a token granted after the restart');
  const acceptedBefore = writes.filter((w) => w.accepted && w.time < firstNewWrite.time).map((w) => only(w.token, 'a token on a fenced write'));
  const shrunk = shrinkSchedule({ solution: forgetfulFencedLease, nemesis, seed, clients: STORY_CLIENTS }, { original: run });
  const shrunkCrash = only(
    shrunk.nemesis.find((f) => f.kind === 'crash'),
    'a crash in the shrunk schedule',
  );
  return {
    verdict: run.verdict,
    violationKinds: [...new Set(run.violations.map((v) => v.kind))],
    tokenOrderViolations: run.violations.filter((v) => v.kind === 'token-order').length,
    crashAt: crash.at,
    restartAt,
    highestTokenGrantedBeforeCrash: Math.max(...grants.filter((g) => g.time < crash.at).map((g) => g.token)),
    firstTokenAfterRestart: only(
      grants.find((g) => g.time >= restartAt),
      'a grant after the restart',
    ).token,
    highestAcceptedAtFirstNewWrite: Math.max(...acceptedBefore),
    rejected: run.stats.rejectedWrites,
    rejectedFromNewHolders: writes.filter((w) => !w.accepted && isNew(w)).length,
    shrunk: shrunk.nemesis.map(describeFault).join('; '),
    shrunkFaults: shrunk.nemesis.length,
    shrunkCrashAt: shrunkCrash.at,
    durableVerdict: runLockLab({ solution: fencedLease, nemesis, seed, clients: STORY_CLIENTS }).verdict,
  };
}

export interface ClockSkewStory {
  /** The client that holds the lock first, and the first grant to another client while it still held it. */
  readonly holder: string;
  readonly holdEnds: number;
  /** From hearing of the grant to the release, on the lab's clock: the hold's real length. */
  readonly holdLasts: number;
  readonly intruder: { readonly client: string; readonly time: number };
  readonly naive: Verdict;
  readonly jumpOnly: {
    readonly verdict: Verdict;
    /** A grant to another client during the first holder's hold, if any; and when the two clients' writes landed. */
    readonly grantDuringHold?: { readonly client: string; readonly time: number };
    readonly holderLastWrite: number;
    readonly intruderFirstWrite?: number;
  };
  readonly driftOnly: Verdict;
  readonly fencedRejected: number;
  readonly fenced: Verdict;
}

/** The first holder's first hold: its grant, its release, and the first grant to another client in between. */
function firstHold(run: LockLabResult, holder: string) {
  const release = only(
    run.timeline.find((e) => e.kind === 'release' && e.client === holder),
    `a release by ${holder}`,
  );
  const intruder = grantsOf(run).find((g) => g.client !== holder && g.time < release.time);
  const holderWrites = writesOf(run).filter((w) => w.client === holder && w.accepted && w.time <= release.time);
  const intruderFirstWrite = intruder && writesOf(run).find((w) => w.client === intruder.client && w.accepted && w.time > intruder.time);
  return {
    holdEnds: release.time,
    intruder: intruder && { client: intruder.client, time: intruder.time },
    holderLastWrite: only(holderWrites.at(-1), `a write by ${holder}`).time,
    intruderFirstWrite: intruderFirstWrite?.time,
  };
}

export function clockSkewStory(seed = 1): ClockSkewStory {
  const nemesis = namedSchedule('clock-skew', STORY_CLIENTS);
  const run = (solution: Solution, faults: Nemesis) => runLockLab({ solution, nemesis: faults, seed, clients: STORY_CLIENTS });
  const naive = run(naiveLease, nemesis);
  const holder = only(grantsOf(naive)[0], 'a grant').client;
  const hold = firstHold(naive, holder);
  const jump = run(
    naiveLease,
    nemesis.filter((f) => f.kind === 'clock' && f.node === SERVER_ID),
  );
  const jumpHold = firstHold(jump, holder);
  const drift = run(
    naiveLease,
    nemesis.filter((f) => !(f.kind === 'clock' && f.node === SERVER_ID)),
  );
  const fenced = run(fencedLease, nemesis);
  return {
    holder,
    holdEnds: hold.holdEnds,
    holdLasts: hold.holdEnds - acquiredAt(naive, holder),
    intruder: only(hold.intruder, `a grant to another client during ${holder}'s hold`),
    naive: naive.verdict,
    jumpOnly: {
      verdict: jump.verdict,
      ...(jumpHold.intruder ? { grantDuringHold: jumpHold.intruder } : {}),
      holderLastWrite: jumpHold.holderLastWrite,
      ...(jumpHold.intruderFirstWrite !== undefined ? { intruderFirstWrite: jumpHold.intruderFirstWrite } : {}),
    },
    driftOnly: drift.verdict,
    fencedRejected: fenced.stats.rejectedWrites,
    fenced: fenced.verdict,
  };
}
