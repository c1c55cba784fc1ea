import { describe, expect, it } from 'vitest';
import { createRaftCluster } from '../src/raft/cluster.ts';

describe('Raft persistent and volatile state (Figure 2)', () => {
  for (const who of ['leader', 'follower'] as const) {
    it(`a crashed ${who} keeps currentTerm, votedFor and its log, and loses everything else`, () => {
      const cluster = createRaftCluster({ nodes: 3, seed: 5 });
      cluster.advance(1);
      cluster.set('a', '1');
      cluster.set('b', '2');
      cluster.advance(1.5);
      const leader = cluster.leader() as string;
      const id = who === 'leader' ? leader : (cluster.ids.find((x) => x !== leader) as string);
      const server = cluster.server(id);
      const before = { term: server.durable.currentTerm, votedFor: server.durable.votedFor, log: [...server.durable.log] };
      expect(server.commitIndex).toBe(before.log.length);
      expect(server.state.get('b')).toBe('2');

      cluster.crash(id);
      const down = cluster.snapshot().nodes.find((n) => n.id === id);
      expect(down).toMatchObject({ up: false, role: 'follower', term: before.term, votedFor: before.votedFor, commitIndex: 0, lastApplied: 0, state: {}, leaderId: null });
      expect(down?.log).toEqual(before.log);

      // Down for long enough that the others hold an election if the leader crashed.
      cluster.advance(2.5);
      cluster.restart(id);
      const restarted = cluster.server(id);
      expect(restarted.durable.currentTerm).toBeGreaterThanOrEqual(before.term);
      if (who === 'follower') expect(restarted.durable.currentTerm).toBe(before.term);
      expect(restarted.durable.log.slice(0, before.log.length)).toEqual(before.log);
      expect(restarted.commitIndex).toBe(0);
      expect(restarted.state.size).toBe(0);
      // It learns the commit index again from the leader and rebuilds its state machine from the log.
      cluster.advance(3.5);
      expect(restarted.state.get('a')).toBe('1');
      expect(restarted.state.get('b')).toBe('2');
      expect(cluster.violations).toEqual([]);
    });
  }

  it('a server that voted, crashed and restarted does not vote again in the same term', () => {
    const cluster = createRaftCluster({ nodes: 3, seed: 9, preVote: false });
    cluster.advance(1);
    const voter = cluster.ids.find((x) => x !== cluster.leader()) as string;
    const { currentTerm, votedFor } = cluster.server(voter).durable;
    expect(votedFor).not.toBeNull();
    cluster.crash(voter);
    cluster.advance(1.01);
    cluster.restart(voter);
    expect(cluster.server(voter).durable).toMatchObject({ currentTerm, votedFor });
  });
});
