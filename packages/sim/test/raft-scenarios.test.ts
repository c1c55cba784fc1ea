import { describe, expect, it } from 'vitest';
import { createRaftCluster, type RaftCluster, validateRaftOptions } from '../src/raft/cluster.ts';
import { describeCommand } from '../src/raft/log.ts';
import { RAFT_SCENARIOS, type RaftScenario, raftScenario } from '../src/raft/scenarios.ts';

function scenario(id: string): RaftScenario {
  const found = raftScenario(id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found;
}

const holds = (cluster: RaftCluster, id: string, text: string) => cluster.server(id).durable.log.some((e) => describeCommand(e.command) === text);

describe('Raft textbook scenarios', () => {
  it('every scenario is complete, valid data with a distinct id', () => {
    expect(new Set(RAFT_SCENARIOS.map((s) => s.id)).size).toBe(RAFT_SCENARIOS.length);
    for (const s of RAFT_SCENARIOS) {
      expect(s.title.length).toBeGreaterThan(0);
      expect(s.explanation.length).toBeGreaterThan(100);
      expect(() => validateRaftOptions(s.options)).not.toThrow();
      const cluster = createRaftCluster(s.options);
      cluster.advance(s.duration);
      expect(cluster.violations, s.id).toEqual([]);
    }
  });

  it('split-vote: two candidates split a term that ends with no leader, and a later term elects one', () => {
    const s = scenario('split-vote');
    const cluster = createRaftCluster(s.options);
    cluster.advance(s.duration);
    const { elections } = cluster.snapshot();
    const split = elections.find((e) => e.candidates.length >= 2 && e.leader === null);
    expect(split).toBeDefined();
    const resolved = elections.find((e) => e.term > (split?.term ?? 0) && e.leader !== null);
    expect(resolved).toBeDefined();
    expect(cluster.leader()).toBe(resolved?.leader);
    // Each split candidate got fewer than the three votes four servers need.
    for (const id of split?.candidates ?? []) expect(cluster.snapshot().nodes.find((n) => n.id === id)?.term).toBeGreaterThan(split?.term ?? 0);
  });

  it('leader-change-uncommitted: the entry only the crashed leader held is overwritten, never applied', () => {
    const s = scenario('leader-change-uncommitted');
    const cluster = createRaftCluster(s.options);
    cluster.advance(0.99);
    expect(cluster.leader()).toBe('n1');
    cluster.advance(1.002);
    const n1 = cluster.server('n1');
    const index = n1.durable.log.findIndex((e) => describeCommand(e.command) === 'x=1') + 1;
    expect(index).toBeGreaterThan(0);
    for (const id of ['n2', 'n3', 'n4', 'n5']) expect(holds(cluster, id, 'x=1')).toBe(false);
    cluster.advance(2.9);
    const newLeader = cluster.leader();
    expect(newLeader).not.toBeNull();
    expect(newLeader).not.toBe('n1');
    cluster.advance(s.duration);
    for (const n of cluster.snapshot().nodes) {
      expect(holds(cluster, n.id, 'x=1')).toBe(false);
      expect(n.state.x).toBeUndefined();
      expect(n.state.y).toBe('2');
    }
    // n1's entry at that index was replaced by one of a later term.
    expect(cluster.server('n1').durable.log[index - 1]?.term).toBeGreaterThan(1);
  });

  it('leader-change-uncommitted-kept: the entry stored on a majority is committed by the next leader', () => {
    const s = scenario('leader-change-uncommitted-kept');
    const cluster = createRaftCluster(s.options);
    cluster.advance(1.002);
    expect(cluster.server('n1').role).toBe('follower'); // crashed
    expect(cluster.snapshot().nodes.every((n) => n.state.x === undefined)).toBe(true);
    cluster.advance(s.duration);
    const leader = cluster.leader();
    expect(['n2', 'n3']).toContain(leader);
    expect(cluster.server(leader as string).durable.currentTerm).toBeGreaterThan(1);
    for (const n of cluster.snapshot().nodes) expect(n.state.x).toBe('1');
  });

  it('partitioned-old-leader: two leaders in different terms at once; the old one steps down and loses its writes', () => {
    const s = scenario('partitioned-old-leader');
    const cluster = createRaftCluster(s.options);
    let twoLeaders = false;
    let oldWriteSeen = false;
    for (let t = 0.9; t < 3; t += 0.05) {
      cluster.advance(t);
      const leaders = cluster.snapshot().nodes.filter((n) => n.role === 'leader');
      if (leaders.length === 2 && leaders[0]?.term !== leaders[1]?.term) twoLeaders = true;
      if (holds(cluster, 'n1', 'x=old') && holds(cluster, 'n2', 'x=old')) oldWriteSeen = true;
    }
    expect(twoLeaders).toBe(true);
    expect(oldWriteSeen).toBe(true);
    expect(cluster.snapshot().clients[0]).toMatchObject({ to: 'n1', outcome: { status: 'appended', node: 'n1', term: 1 } });
    cluster.advance(s.duration);
    const snapshot = cluster.snapshot();
    expect(snapshot.nodes.filter((n) => n.role === 'leader')).toHaveLength(1);
    expect(cluster.server('n1').role).toBe('follower');
    for (const n of snapshot.nodes) {
      expect(holds(cluster, n.id, 'x=old')).toBe(false);
      expect(n.state.x).toBeUndefined();
      expect(n.state.y).toBe('new');
      expect(n.log).toEqual(snapshot.nodes[0]?.log);
    }
  });
});

describe('membership-change', () => {
  it('adds the spare, catches it up, then removes the leader, which steps down for a leader among the rest', () => {
    const scenario = RAFT_SCENARIOS.find((s) => s.id === 'membership-change')!;
    const cluster = createRaftCluster(scenario.options);
    cluster.advance(1.8);
    const before = cluster.snapshot();
    expect(before.leader).toBe('n1');
    for (const node of before.nodes) expect(node.config).toEqual(['n1', 'n2', 'n3', 'n4']);
    const leaderLog = before.nodes.find((n) => n.id === 'n1')!.log.length;
    expect(before.nodes.find((n) => n.id === 'n4')!.log.length).toBe(leaderLog);
    cluster.advance(scenario.duration);
    const after = cluster.snapshot();
    expect(after.leader).not.toBeNull();
    expect(after.leader).not.toBe('n1');
    expect(after.nodes.find((n) => n.id === 'n1')).toMatchObject({ member: false });
    expect(after.nodes.find((n) => n.id === 'n1')!.role).not.toBe('leader');
    for (const node of after.nodes.filter((n) => n.member)) expect(node.config).toEqual(['n2', 'n3', 'n4']);
    expect(after.violations).toEqual([]);
  });
});
