import { describe, expect, it } from 'vitest';
import { createRaftCluster } from '../src/raft/cluster.ts';

/** Cuts one follower off for three seconds (ten election timeouts), heals, and reports the terms around it. */
function isolateFollower(preVote: boolean) {
  const cluster = createRaftCluster({ nodes: 3, seed: 21, preVote });
  cluster.advance(1);
  const leader = cluster.leader() as string;
  const termBefore = cluster.server(leader).durable.currentTerm;
  const loner = cluster.ids.find((x) => x !== leader) as string;
  cluster.partition([cluster.ids.filter((x) => x !== loner), [loner]]);
  cluster.advance(4);
  const lonerTermWhileCut = cluster.server(loner).durable.currentTerm;
  cluster.heal();
  cluster.advance(6);
  const after = cluster.snapshot();
  const termAfter = Math.max(...after.nodes.map((n) => n.term));
  return { cluster, leader, termBefore, lonerTermWhileCut, termAfter, leaderAfter: after.leader };
}

describe('Raft pre-vote (thesis §9.6)', () => {
  it('with pre-vote, a partitioned server does not raise its term, and rejoining disturbs nobody', () => {
    const run = isolateFollower(true);
    expect(run.lonerTermWhileCut).toBe(run.termBefore);
    expect(run.termAfter).toBe(run.termBefore);
    expect(run.leaderAfter).toBe(run.leader);
    expect(run.cluster.violations).toEqual([]);
  });

  it('without pre-vote, the partitioned server inflates its term and deposes the leader on rejoining', () => {
    const run = isolateFollower(false);
    // One election per timeout (0.15 to 0.3 s) over three seconds.
    expect(run.lonerTermWhileCut).toBeGreaterThan(run.termBefore + 5);
    expect(run.termAfter).toBeGreaterThanOrEqual(run.lonerTermWhileCut);
    expect(run.leaderAfter).not.toBeNull();
    expect(run.cluster.violations).toEqual([]);
  });
});
