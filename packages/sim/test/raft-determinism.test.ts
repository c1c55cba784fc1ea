import { describe, expect, it } from 'vitest';
import { createRaftCluster, type RaftCluster } from '../src/raft/cluster.ts';
import { randomRun } from './raft-fixtures.ts';

/** A run driven by hand, as the page's buttons would: inputs given at the moment they happen. */
function liveRun(): RaftCluster {
  const cluster = createRaftCluster({ nodes: 5, spares: 1, seed: 42 });
  cluster.advance(0.8);
  cluster.set('a', '1');
  cluster.advance(1.2);
  const leader = cluster.leader() as string;
  cluster.crash(leader);
  cluster.advance(1.7);
  cluster.partition([
    ['n1', 'n2'],
    ['n3', 'n4', 'n5', 'n6'],
  ]);
  cluster.set('b', '2');
  cluster.advance(2.4);
  cluster.pause('n3', 0.3);
  cluster.lossyLink('n4', 'n5', 0.5, 0.5);
  cluster.skewClock('n2', 1.5, 0.1);
  cluster.advance(2.9);
  cluster.heal();
  cluster.restart(leader);
  cluster.advance(3.5);
  cluster.addServer('n6');
  cluster.set('c', '3');
  cluster.advance(5);
  return cluster;
}

describe('Raft runs are reproducible', () => {
  it('the same description gives the same trace hash, and a different seed a different one', () => {
    const options = randomRun(7, { nodes: 5, healBy: 3, faults: 10, commands: 20, preVote: true });
    const hash = (seed: number) => {
      const cluster = createRaftCluster({ ...options, seed });
      cluster.advance(5);
      return cluster.traceHash();
    };
    expect(hash(7)).toBe(hash(7));
    expect(hash(7)).not.toBe(hash(8));
  });

  it('a run with live inputs equals a fresh cluster built from its description()', () => {
    const live = liveRun();
    const description = live.description();
    // Every input given by hand is in the description, with its time.
    expect(description.nemesis.map((f) => f.kind)).toEqual(['crash', 'partition', 'pause', 'lossy-link', 'clock']);
    expect(description.nemesis[0]).toMatchObject({ kind: 'crash', at: 1.2, restartAt: 2.9 });
    expect(description.nemesis[1]).toMatchObject({ kind: 'partition', at: 1.7, healAt: 2.9 });
    expect(description.commands.map((c) => c.at)).toEqual([0.8, 1.7, 3.5, 3.5]);
    const replay = createRaftCluster(description);
    replay.advance(5);
    expect(replay.traceHash()).toBe(live.traceHash());
    expect(replay.snapshot()).toEqual(live.snapshot());
    expect(live.violations).toEqual([]);
  });

  it('seeking backwards and forwards again reproduces every snapshot', () => {
    const cluster = liveRun();
    const atEnd = cluster.snapshot();
    const hashAtEnd = cluster.traceHash();
    cluster.seek(1.5);
    const back = cluster.snapshot();
    expect(back.time).toBe(1.5);
    const fresh = createRaftCluster(cluster.description());
    fresh.advance(1.5);
    expect(back).toEqual(fresh.snapshot());
    cluster.seek(5);
    expect(cluster.snapshot()).toEqual(atEnd);
    expect(cluster.traceHash()).toBe(hashAtEnd);
  });

  it('an input given at an instant where a later-ordered one was already applied still replays the same', () => {
    // A command and then a fault at the same instant: replay puts faults first, so the live run must rebuild to match.
    const cluster = createRaftCluster({ nodes: 3, seed: 5 });
    cluster.advance(1);
    cluster.set('x', '1');
    cluster.crash(cluster.leader() as string);
    cluster.advance(3);
    const replay = createRaftCluster(cluster.description());
    replay.advance(3);
    expect(replay.traceHash()).toBe(cluster.traceHash());
    expect(replay.snapshot()).toEqual(cluster.snapshot());
  });
});

describe('dropping one Raft message by hand', () => {
  it('replays from the description exactly as it ran live', () => {
    const live = createRaftCluster({ nodes: 3, seed: 5 });
    live.advance(1);
    const leader = live.leader()!;
    const follower = live.ids.find((id) => id !== leader)!;
    live.advance(1.02);
    live.dropMessage(leader, follower);
    live.advance(2);
    expect(live.network.log.filter((e) => e.kind === 'drop' && e.reason === 'dropped on purpose')).toHaveLength(1);
    const replay = createRaftCluster(live.description());
    replay.advance(2);
    expect(replay.traceHash()).toBe(live.traceHash());
  });
});
