import { describe, expect, it } from 'vitest';
import { createRaftCluster } from '../src/raft/cluster.ts';
import { handleAppendEntries, handleRequestVote } from '../src/raft/node.ts';
import type { RequestVote } from '../src/raft/types.ts';
import { isolatedServer } from './raft-fixtures.ts';

const voteRequest = (term: number): RequestVote => ({ type: 'RequestVote', term, candidateId: 'n3', lastLogIndex: 0, lastLogTerm: 0 });

describe('Raft disruptive servers (thesis §4.2.3)', () => {
  it('a follower that has just heard from its leader neither adopts a higher term from a RequestVote nor grants it', () => {
    const { node, sent } = isolatedServer('n2', ['n1', 'n2', 'n3']);
    handleAppendEntries(node, 'n1', { type: 'AppendEntries', term: 1, leaderId: 'n1', prevLogIndex: 0, prevLogTerm: 0, entries: [], leaderCommit: 0 });
    sent.length = 0;
    handleRequestVote(node, 'n3', voteRequest(7));
    expect(node.durable.currentTerm).toBe(1);
    expect(node.durable.votedFor).toBeNull();
    expect(node.leaderId).toBe('n1');
    expect(sent).toEqual([{ to: 'n3', message: { type: 'RequestVoteResponse', term: 1, granted: false } }]);
  });

  it('a follower that has not heard from a leader votes as Figure 2 says', () => {
    const { node, sent } = isolatedServer('n2', ['n1', 'n2', 'n3']);
    handleRequestVote(node, 'n3', voteRequest(7));
    expect(node.durable.currentTerm).toBe(7);
    expect(node.durable.votedFor).toBe('n3');
    expect(sent).toEqual([{ to: 'n3', message: { type: 'RequestVoteResponse', term: 7, granted: true } }]);
  });

  it('without pre-vote, a removed server that never learned of its removal cannot depose the leader', () => {
    const cluster = createRaftCluster({ nodes: 4, seed: 3, preVote: false });
    cluster.advance(1);
    const leader = cluster.leader() as string;
    expect(leader).not.toBeNull();
    const removed = cluster.ids.find((id) => id !== leader) as string;
    const remaining = cluster.ids.filter((id) => id !== removed);
    // Cut off first, so the configuration entry never reaches it: it still believes it is one of four.
    cluster.partition([remaining, [removed]]);
    expect(cluster.removeServer(removed).status).toBe('appended');
    cluster.advance(2);
    for (const id of remaining) expect(cluster.server(id).config).toEqual(remaining);
    expect(cluster.server(removed).config).toEqual(cluster.ids);
    const term = cluster.server(leader).durable.currentTerm;
    expect(cluster.server(removed).durable.currentTerm).toBeGreaterThan(term);

    cluster.heal();
    const healedAt = cluster.now;
    cluster.advance(6);
    // It kept campaigning, with terms above the cluster's, and its requests reached the members...
    const requests = cluster.network.log.filter((e) => e.kind === 'deliver' && e.time > healedAt && e.from === removed && e.message?.type === 'RequestVote');
    expect(requests.length).toBeGreaterThan(3 * 10);
    expect(requests.every((e) => (e.message?.term ?? 0) > term)).toBe(true);
    // ...but the members kept their leader and their term, and still commit writes.
    expect(cluster.leader()).toBe(leader);
    for (const id of remaining) expect(cluster.server(id).durable.currentTerm).toBe(term);
    expect(cluster.set('after', 'heal').status).toBe('appended');
    cluster.advance(6.5);
    for (const id of remaining) expect(cluster.server(id).state.get('after')).toBe('heal');
    expect(cluster.server(removed).state.get('after')).toBeUndefined();
    expect(cluster.violations).toEqual([]);
  });

  it('a leader ignores a RequestVote of a higher term while it leads', () => {
    const cluster = createRaftCluster({ nodes: 3, seed: 3, preVote: false });
    cluster.advance(1);
    const leader = cluster.leader() as string;
    const node = cluster.server(leader);
    const term = node.durable.currentTerm;
    const other = cluster.ids.find((id) => id !== leader) as string;
    handleRequestVote(node, other, { ...voteRequest(term + 5), candidateId: other });
    expect(node.role).toBe('leader');
    expect(node.durable.currentTerm).toBe(term);
  });
});
