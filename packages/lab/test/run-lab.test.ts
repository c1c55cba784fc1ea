import { describe, expect, it } from 'vitest';
import * as fenced from '../solutions/fenced-lease.ts';
import * as naive from '../solutions/naive-lease.ts';
import type { LockClientNode, LockServerNode, Solution } from '../src/api.ts';
import { LabInputError } from '../src/errors.ts';
import { runLockLab, WORKLOAD } from '../src/run-lab.ts';
import { namedSchedule, randomSchedule, SCHEDULE_NAMES } from '../src/schedules.ts';

/** The shipped solutions' lease, in seconds (a constant of theirs, not of the lab). */
const LEASE = 2;

describe('the naive lease', () => {
  it('keeps mutual exclusion when nothing goes wrong: holds last 0.8 s, well inside the 2 s lease', () => {
    const result = runLockLab({ solution: naive });
    expect(result.verdict).toBe('safe');
    expect(result.stats.acquisitions).toBeGreaterThan(10);
    expect(result.stats.acceptedWrites).toBe(result.stats.writes);
  });

  it('lets two holders write interleaved when the holder pauses longer than its lease (gc-pause)', () => {
    const result = runLockLab({ solution: naive, nemesis: namedSchedule('gc-pause') });
    expect(result.verdict).toBe('unsafe');
    const overlaps = result.violations.filter((v) => v.kind === 'overlap');
    expect(overlaps.length).toBeGreaterThan(0);
    // c1 paused from 0.3 s to 5.3 s: its late write is accepted after 5.3 s, past a lease granted before 0.3 s.
    for (const overlap of overlaps) {
      expect(overlap.clients[0]).toBe('c1');
      const late = overlap.records[overlap.records.length - 1]!;
      expect(late.type).toBe('write');
      expect(late.time).toBeGreaterThanOrEqual(5.3);
      expect(overlap.message).toMatch(/after its lease expired/);
    }
    // Nothing but the overlap: the lab's storage never breaks fencing, and the grants' numbers increase.
    expect(new Set(result.violations.map((v) => v.kind))).toEqual(new Set(['overlap']));
  });
});

describe('the fenced lease', () => {
  it('stays safe under gc-pause because the storage rejects the paused client’s stale token', () => {
    const result = runLockLab({ solution: fenced, nemesis: namedSchedule('gc-pause') });
    expect(result.verdict).toBe('safe');
    expect(result.violations).toEqual([]);
    const rejected = result.history.filter((r) => r.type === 'write' && !r.accepted);
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.every((r) => r.client === 'c1' && r.time >= 5.3)).toBe(true);
  });

  it.each(SCHEDULE_NAMES.filter((n) => n !== 'gc-pause'))('stays safe under %s', (name) => {
    const result = runLockLab({ solution: fenced, nemesis: namedSchedule(name) });
    expect(result.verdict).toBe('safe');
    expect(result.stats.acquisitions).toBeGreaterThan(5);
  });

  it('stays safe under 50 random schedules, each on its own seed', () => {
    const failures = [];
    for (let seed = 1; seed <= 50; seed++) {
      const result = runLockLab({ solution: fenced, seed, nemesis: randomSchedule(seed) });
      if (result.verdict !== 'safe') failures.push({ seed, verdict: result.verdict, first: result.violations[0]?.message ?? result.error?.message });
    }
    expect(failures).toEqual([]);
  });

  it('the same sweep has teeth: it catches the naive lease on some seeds', () => {
    const unsafe = Array.from({ length: 50 }, (_, i) => i + 1).filter((seed) => runLockLab({ solution: naive, seed, nemesis: randomSchedule(seed) }).verdict === 'unsafe');
    expect(unsafe.length).toBeGreaterThan(0);
  });
});

describe('the record', () => {
  it('is a pure function of the seed', () => {
    const run = (seed: number) => runLockLab({ solution: fenced, seed, nemesis: namedSchedule('mixed') });
    expect(JSON.stringify(run(7))).toBe(JSON.stringify(run(7)));
    expect(JSON.stringify(run(7).timeline)).not.toBe(JSON.stringify(run(8).timeline));
  });

  it('follows the workload: each hold is a grant, then writes 0.2 s apart, then a release', () => {
    const result = runLockLab({ solution: fenced, clients: 1, duration: 3 });
    const c1 = result.history.filter((r) => r.client === 'c1');
    const kinds = c1.map((r) => r.type);
    expect(kinds.slice(0, 5)).toEqual(['grant', 'write', 'write', 'write', 'release']);
    const writes = c1.filter((r) => r.type === 'write').slice(0, WORKLOAD.writesPerHold);
    // The writes leave 0.2 s apart; each arrives 10 to 30 ms after it left.
    for (let i = 1; i < writes.length; i++) expect(Math.abs(writes[i]!.time - writes[i - 1]!.time - WORKLOAD.writeInterval)).toBeLessThanOrEqual(0.02 + 1e-9);
    const grants = result.history.filter((r) => r.type === 'grant');
    expect(grants.map((g) => g.token)).toEqual(grants.map((_, i) => i + 1));
    expect(grants[0]!.type === 'grant' && grants[0]!.leaseUntil! - grants[0]!.time).toBeCloseTo(LEASE, 9);
  });

  it('carries the timeline: messages, faults, grants and writes in time order', () => {
    const result = runLockLab({ solution: naive, nemesis: namedSchedule('gc-pause') });
    const kinds = new Set(result.timeline.map((e) => e.kind));
    for (const kind of ['send', 'deliver', 'pause', 'resume', 'grant', 'acquired', 'write', 'release']) expect(kinds.has(kind as never), kind).toBe(true);
    const times = result.timeline.map((e) => e.time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});

const quiet: Solution['lockClient'] = () => ({ acquire() {}, release() {} });

describe('a broken solution', () => {
  it('that throws gets verdict error, naming the node and the callback', () => {
    const solution: Solution = {
      lockServer(node: LockServerNode) {
        node.onMessage(() => {
          throw new Error('no idea what to do');
        });
      },
      lockClient: fenced.lockClient,
    };
    const result = runLockLab({ solution });
    expect(result.verdict).toBe('error');
    expect(result.error).toMatchObject({ node: 'lock', callback: 'the message handler (a message from c1)', message: 'no idea what to do' });
    expect(result.error!.time).toBeGreaterThan(0);
    expect(result.timeline.at(-1)).toMatchObject({ kind: 'error' });
  });

  it('that throws in its factory or in acquire is named the same way', () => {
    const inFactory = runLockLab({ solution: { lockServer: fenced.lockServer, lockClient: () => JSON.parse('{') } });
    expect(inFactory.error).toMatchObject({ node: 'c1', callback: 'lockClient(node)' });
    expect(inFactory.error!.message).toMatch(/^SyntaxError/);
    const inAcquire = runLockLab({
      solution: {
        lockServer: fenced.lockServer,
        lockClient: () => ({
          acquire() {
            throw new RangeError('nope');
          },
          release() {},
        }),
      },
    });
    expect(inAcquire.error).toMatchObject({ node: 'c1', callback: 'acquire()', message: 'RangeError: nope' });
  });

  it('that misuses the API gets an error naming the rule', () => {
    const toStorage = runLockLab({
      solution: {
        lockServer() {},
        lockClient: (node: LockClientNode) => ({
          acquire: () => node.send('storage', { hi: 1 }),
          release() {},
        }),
      },
    });
    expect(toStorage.verdict).toBe('error');
    expect(toStorage.error!.message).toMatch(/node\.send: to must be one of lock, c2, c3 \(the storage is reached through node\.storage\.write\)/);
    const badToken = runLockLab({
      solution: { lockServer: (node: LockServerNode) => node.granted('c1', -1), lockClient: quiet },
    });
    expect(badToken.error).toMatchObject({ node: 'lock', callback: 'lockServer(node)' });
    expect(badToken.error!.message).toMatch(/token must be a whole number ≥ 0/);
    const twice = runLockLab({
      solution: {
        lockServer() {},
        lockClient: () => ({
          acquire(done: (token?: number) => void) {
            done();
            done();
          },
          release() {},
        }),
      },
    });
    expect(twice.error!.message).toMatch(/called twice/);
  });

  it('that throws something JSON cannot spell (a BigInt, a cycle) still gets verdict error, not a crash of the lab', () => {
    const cyclic: Record<string, unknown> = { reason: 'loop' };
    cyclic.self = cyclic;
    for (const [thrown, message] of [
      [10n, 'threw 10'],
      [cyclic, 'threw [object Object]'],
    ] as const) {
      const result = runLockLab({
        solution: {
          lockServer() {
            throw thrown;
          },
          lockClient: quiet,
        },
      });
      expect(result.verdict).toBe('error');
      expect(result.error).toMatchObject({ node: 'lock', callback: 'lockServer(node)', message });
    }
  });

  it('that never stops is cut by the event budget, with a message that says so', () => {
    const solution: Solution = {
      lockServer(node: LockServerNode) {
        const spin = () => node.setTimer(0, spin);
        spin();
      },
      lockClient: quiet,
    };
    const result = runLockLab({ solution, maxEvents: 5_000 });
    expect(result.verdict).toBe('error');
    expect(result.error!.message).toMatch(/stopped after 5,000 events .* event budget/);
    expect(result.stats.events).toBe(5_000);
  });
});

describe('bad options', () => {
  it('name the field and the rule', () => {
    expect(() => runLockLab({ solution: naive, clients: 0 })).toThrow(LabInputError);
    expect(() => runLockLab({ solution: naive, clients: 0 })).toThrow('clients must be a whole number from 1 to 9, got 0');
    expect(() => runLockLab({ solution: naive, duration: Number.NaN })).toThrow(/^duration must be greater than 0/);
    expect(() => runLockLab({ solution: naive, nemesis: [{ kind: 'pause', at: 1, node: 'c7', duration: 1 }] })).toThrow(/nemesis\[0\]\.node must be one of the nodes lock, storage, c1, c2, c3/);
    expect(() => namedSchedule('gc')).toThrow(/schedule must be one of gc-pause, partition-lock-server, clock-skew, mixed/);
  });
});

describe('the message timeline', () => {
  it('gives a message one id from its send to its delivery or drop, so a view can draw it lane to lane', () => {
    const result = runLockLab({ solution: naive, nemesis: namedSchedule('gc-pause'), seed: 1 });
    const network = result.timeline.filter((e): e is Extract<typeof e, { channel: string }> => e.kind === 'send' || e.kind === 'deliver' || e.kind === 'drop');
    const sends = new Map(network.filter((e) => e.kind === 'send').map((e) => [e.id, e]));
    expect(sends.size).toBe(network.filter((e) => e.kind === 'send').length);
    for (const e of network.filter((n) => n.kind !== 'send')) {
      const sent = sends.get(e.id);
      expect(sent, `event ${e.kind} ${e.id} has a send`).toBeDefined();
      expect([sent!.from, sent!.to]).toEqual([e.from, e.to]);
      expect(e.time).toBeGreaterThanOrEqual(sent!.time);
    }
  });
});
