import { describe, expect, it } from 'vitest';
import { createRaftCluster, type RaftCluster } from '../src/raft/cluster.ts';
import { type Invariant, RaftChecker } from '../src/raft/invariants.ts';
import type { LogEntry } from '../src/raft/types.ts';
import { type RandomRunShape, randomRun } from './raft-fixtures.ts';

const HEAL_BY = 3;

/**
 * Runs a random schedule, then, once every fault is over, writes a key every half second until all members of the
 * leader's configuration that are up have applied it; `live` is false when that has not happened within four seconds.
 */
function runAndProbe(seed: number, shape: RandomRunShape): { cluster: RaftCluster; live: boolean } {
  const cluster = createRaftCluster(randomRun(seed, shape));
  cluster.advance(HEAL_BY + 1);
  for (let attempt = 0; attempt < 8; attempt++) {
    cluster.set('late', `${seed}/${attempt}`);
    cluster.advance(cluster.now + 0.5);
    const snapshot = cluster.snapshot();
    const leader = snapshot.nodes.find((n) => n.id === snapshot.leader);
    if (leader === undefined) continue;
    const applied = (n: (typeof snapshot.nodes)[number]) => n.state.late?.startsWith(`${seed}/`) === true;
    if (snapshot.nodes.every((n) => !n.up || !leader.config.includes(n.id) || applied(n))) return { cluster, live: true };
  }
  return { cluster, live: false };
}

describe('Raft safety under random faults', () => {
  const sweeps: { name: string; seeds: number; shape: (seed: number) => RandomRunShape }[] = [
    { name: '3 servers', seeds: 200, shape: (seed) => ({ nodes: 3, healBy: HEAL_BY, faults: 8, commands: 20, preVote: seed % 2 === 0 }) },
    { name: '5 servers', seeds: 200, shape: (seed) => ({ nodes: 5, healBy: HEAL_BY, faults: 12, commands: 20, preVote: seed % 2 === 0 }) },
    // Membership changes both ways: without pre-vote, only the disruptive-server rule (thesis §4.2.3) keeps a removed
    // server that never heard of its removal from starving the cluster with RequestVotes of ever higher terms.
    { name: '3 servers and 2 spares, with membership changes', seeds: 100, shape: () => ({ nodes: 3, spares: 2, healBy: HEAL_BY, faults: 8, commands: 20, preVote: true }) },
    {
      name: '3 servers and 2 spares, with membership changes, without pre-vote',
      seeds: 200,
      shape: () => ({ nodes: 3, spares: 2, healBy: HEAL_BY, faults: 8, commands: 20, preVote: false }),
    },
  ];
  for (const sweep of sweeps) {
    it(`${sweep.name}: no invariant is ever violated, and a write commits once the faults are over (${sweep.seeds} seeds)`, () => {
      const violations: string[] = [];
      const stuck: number[] = [];
      let elections = 0;
      let configChanges = 0;
      for (let seed = 1; seed <= sweep.seeds; seed++) {
        const { cluster, live } = runAndProbe(seed, sweep.shape(seed));
        for (const v of cluster.violations) violations.push(`seed ${seed}: ${v.invariant} at ${v.time}: ${v.detail}`);
        if (!live) stuck.push(seed);
        const snapshot = cluster.snapshot();
        elections += snapshot.elections.length;
        configChanges += snapshot.clients.filter((c) => c.request.kind !== 'set' && c.outcome.status === 'appended').length;
      }
      expect(violations).toEqual([]);
      expect(stuck).toEqual([]);
      // The faults did something: far more elections than the one per run a quiet cluster needs.
      expect(elections).toBeGreaterThan(sweep.seeds * 2);
      if (sweep.name.includes('membership')) expect(configChanges).toBeGreaterThan(sweep.seeds / 2);
    });
  }
});

describe('the invariant checker catches broken runs', () => {
  const invariantsOf = (cluster: RaftCluster): Set<Invariant> => new Set(cluster.violations.map((v) => v.invariant));

  it('reports log matching when an entry below a matching one differs', () => {
    const cluster = createRaftCluster({ nodes: 3, seed: 2 });
    cluster.advance(1);
    cluster.set('a', '1');
    cluster.set('b', '2');
    cluster.advance(1.5);
    expect(cluster.violations).toEqual([]);
    const follower = cluster.server(cluster.ids.find((id) => id !== cluster.leader()) as string);
    const original = follower.durable.log[1] as LogEntry;
    follower.durable.log[1] = { term: original.term, command: { kind: 'set', key: 'a', value: 'forged' } };
    cluster.set('c', '3');
    cluster.advance(2);
    expect(invariantsOf(cluster)).toContain('log-matching');
  });

  /** A cluster that committed a=1 in term 1, whose two followers then crash and come back with `wipe` done to their disks. */
  function loseDisks(wipe: (durable: { currentTerm: number; votedFor: string | null; log: LogEntry[] }) => void): { cluster: RaftCluster; leader: string } {
    const cluster = createRaftCluster({ nodes: 3, seed: 2, preVote: false });
    cluster.advance(1);
    cluster.set('a', '1');
    cluster.advance(1.5);
    const leader = cluster.leader() as string;
    expect(cluster.server(leader).durable.currentTerm).toBe(1);
    expect(cluster.server(leader).commitIndex).toBe(2);
    for (const id of cluster.ids.filter((x) => x !== leader)) {
      cluster.crash(id);
      wipe(cluster.server(id).durable);
    }
    cluster.crash(leader);
    cluster.advance(1.6);
    for (const id of cluster.ids.filter((x) => x !== leader)) cluster.restart(id);
    cluster.advance(3);
    return { cluster, leader };
  }

  it('reports election safety when servers forget their term and vote', () => {
    const { cluster } = loseDisks((d) => {
      d.currentTerm = 0;
      d.votedFor = null;
      d.log.length = 0;
    });
    expect(invariantsOf(cluster)).toContain('election-safety'); // a second leader of term 1
  });

  it('reports leader completeness and state machine safety when servers forget their logs', () => {
    const { cluster, leader } = loseDisks((d) => {
      d.log.length = 0;
    });
    expect(invariantsOf(cluster)).toContain('leader-completeness'); // a leader of term 2 or later without a=1
    cluster.restart(leader);
    cluster.advance(4);
    expect(invariantsOf(cluster)).toContain('state-machine-safety'); // the old leader's committed a=1 is cut off
  });

  it('reports leader append-only and different entries applied at one index', () => {
    const logs = new Map<string, LogEntry[]>([
      ['n1', []],
      ['n2', []],
    ]);
    const checker = new RaftChecker(() => 0, logs, () => 1);
    const x: LogEntry = { term: 1, command: { kind: 'set', key: 'k', value: 'x' } };
    const y: LogEntry = { term: 1, command: { kind: 'set', key: 'k', value: 'y' } };
    checker.logChanged('n1', [], 1, [x], 'leader', 0);
    checker.entryApplied('n1', 1, x);
    checker.entryApplied('n2', 1, y);
    expect(checker.violations.map((v) => v.invariant)).toEqual(['leader-append-only', 'state-machine-safety']);
  });
});
