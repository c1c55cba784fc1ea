import { describe, expect, it } from 'vitest';
import { createRaftCluster } from '../src/raft/cluster.ts';
import { describeCommand } from '../src/raft/log.ts';
import { handleAppendEntries, handleAppendEntriesResponse, handleRequestVoteResponse, startElection } from '../src/raft/node.ts';
import type { AppendEntriesResponse, LogEntry } from '../src/raft/types.ts';
import { isolatedServer } from './raft-fixtures.ts';

const entry = (term: number, value = `t${term}`): LogEntry => Object.freeze({ term, command: { kind: 'set' as const, key: 'k', value } });
const ack = (term: number, matchIndex: number): AppendEntriesResponse => ({ type: 'AppendEntriesResponse', term, success: true, matchIndex, conflictIndex: 0 });

describe('Raft log replication and commitment (§5.3, §5.4.2)', () => {
  it('a set command reaches every log, commits and is applied everywhere', () => {
    const cluster = createRaftCluster({ nodes: 5, seed: 3 });
    cluster.advance(1);
    const outcome = cluster.set('x', '42');
    expect(outcome.status).toBe('appended');
    if (outcome.status !== 'appended') return;
    cluster.advance(1.5);
    for (const n of cluster.snapshot().nodes) {
      const at = n.log[outcome.index - 1];
      expect(at && describeCommand(at.command)).toBe('x=42');
      expect(at?.term).toBe(outcome.term);
      expect(n.commitIndex).toBeGreaterThanOrEqual(outcome.index);
      expect(n.state.x).toBe('42');
    }
    expect(cluster.violations).toEqual([]);
  });

  it('a leader counts replicas only for entries of its own term (Figure 8)', () => {
    // n1 holds an entry of term 2 it did not commit, and becomes leader of term 4.
    const { node } = isolatedServer('n1', ['n1', 'n2', 'n3']);
    node.durable.log.push(entry(1), entry(2));
    node.durable.currentTerm = 3;
    startElection(node);
    handleRequestVoteResponse(node, 'n2', { type: 'RequestVoteResponse', term: 4, granted: true });
    expect(node.role).toBe('leader');
    expect(node.durable.log.map((e) => e.term)).toEqual([1, 2, 4]); // its no-op
    // n2 now holds index 2: a majority (n1, n2) stores the term-2 entry, yet it must not be committed by counting.
    handleAppendEntriesResponse(node, 'n2', ack(4, 2));
    expect(node.commitIndex).toBe(0);
    // Once the term-4 no-op is on a majority, it commits, and everything before it with it.
    handleAppendEntriesResponse(node, 'n2', ack(4, 3));
    expect(node.commitIndex).toBe(3);
    expect(node.state.get('k')).toBe('t2');
  });

  it('a follower deletes a conflicting suffix, keeps matching entries, and commits only what it was shown', () => {
    const { node, sent } = isolatedServer('n2', ['n1', 'n2', 'n3']);
    const shared = entry(1, 'a');
    node.durable.log.push(shared, entry(2, 'stale'), entry(2, 'stale2'));
    node.durable.currentTerm = 2;
    handleAppendEntries(node, 'n1', { type: 'AppendEntries', term: 3, leaderId: 'n1', prevLogIndex: 1, prevLogTerm: 1, entries: [entry(3, 'new')], leaderCommit: 5 });
    expect(node.durable.log.map((e) => describeCommand(e.command))).toEqual(['k=a', 'k=new']);
    expect(node.commitIndex).toBe(2); // min(leaderCommit, index of the last new entry)
    expect(sent.at(-1)?.message).toMatchObject({ type: 'AppendEntriesResponse', term: 3, success: true, matchIndex: 2 });
    // A heartbeat vouches only for the prefix up to prevLogIndex: unverified entries past it stay uncommitted.
    node.durable.log.push(entry(3, 'unverified'));
    handleAppendEntries(node, 'n1', { type: 'AppendEntries', term: 3, leaderId: 'n1', prevLogIndex: 2, prevLogTerm: 3, entries: [], leaderCommit: 9 });
    expect(node.commitIndex).toBe(2);
    // A mismatch at prevLogIndex is refused with where to retry.
    handleAppendEntries(node, 'n1', { type: 'AppendEntries', term: 3, leaderId: 'n1', prevLogIndex: 5, prevLogTerm: 3, entries: [], leaderCommit: 2 });
    expect(sent.at(-1)?.message).toMatchObject({ success: false, conflictIndex: 4 });
  });

  it('a client request to a follower is refused with a hint naming the leader', () => {
    const cluster = createRaftCluster({ nodes: 3, seed: 11 });
    cluster.advance(1);
    const leader = cluster.leader();
    expect(leader).not.toBeNull();
    const follower = cluster.ids.find((id) => id !== leader) as string;
    const outcome = cluster.set('x', '1', follower);
    expect(outcome).toEqual({ status: 'rejected', node: follower, reason: 'not the leader', leaderHint: leader });
    expect(cluster.server(follower).durable.log.some((e) => e.command.kind === 'set')).toBe(false);
  });
});
