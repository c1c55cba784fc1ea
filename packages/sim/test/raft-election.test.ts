import { describe, expect, it } from 'vitest';
import { createRaftCluster } from '../src/raft/cluster.ts';
import { handleRequestVote } from '../src/raft/node.ts';
import type { LogEntry, RequestVote, RequestVoteResponse } from '../src/raft/types.ts';
import { isolatedServer } from './raft-fixtures.ts';

const vote = (term: number, candidateId: string, lastLogIndex = 0, lastLogTerm = 0): RequestVote => ({ type: 'RequestVote', term, candidateId, lastLogIndex, lastLogTerm });
const lastReply = (sent: { message: unknown }[]) => sent[sent.length - 1]?.message as RequestVoteResponse;

describe('Raft leader election (§5.2)', () => {
  for (const nodes of [3, 5]) {
    it(`a ${nodes}-server cluster elects exactly one leader within a few election timeouts`, () => {
      for (let seed = 1; seed <= 20; seed++) {
        const cluster = createRaftCluster({ nodes, seed, preVote: seed % 2 === 0 });
        // Five maximum timeouts (0.3 s each): enough for a split vote or two, far below what a stuck election would take.
        cluster.advance(1.5);
        const snapshot = cluster.snapshot();
        const leaders = snapshot.nodes.filter((n) => n.role === 'leader');
        expect(leaders, `seed ${seed}`).toHaveLength(1);
        const leader = leaders[0];
        // Everyone follows it, in its term.
        for (const n of snapshot.nodes) {
          expect(n.term).toBe(leader?.term);
          expect(n.leaderId).toBe(leader?.id);
        }
        expect(snapshot.violations).toEqual([]);
      }
    });
  }

  it('grants at most one vote per term, and again to the same candidate only', () => {
    const { node, sent } = isolatedServer('n1', ['n1', 'n2', 'n3']);
    handleRequestVote(node, 'n2', vote(1, 'n2'));
    expect(lastReply(sent)).toEqual({ type: 'RequestVoteResponse', term: 1, granted: true });
    expect(node.durable.votedFor).toBe('n2');
    handleRequestVote(node, 'n3', vote(1, 'n3'));
    expect(lastReply(sent).granted).toBe(false);
    // A retransmitted request from the same candidate gets the same answer.
    handleRequestVote(node, 'n2', vote(1, 'n2'));
    expect(lastReply(sent).granted).toBe(true);
    // A new term frees the vote.
    handleRequestVote(node, 'n3', vote(2, 'n3'));
    expect(lastReply(sent)).toEqual({ type: 'RequestVoteResponse', term: 2, granted: true });
    // A stale term is refused, with the voter's term so the candidate can catch up.
    handleRequestVote(node, 'n2', vote(1, 'n2'));
    expect(lastReply(sent)).toEqual({ type: 'RequestVoteResponse', term: 2, granted: false });
  });

  it('refuses a candidate whose log is less up to date, but adopts its higher term', () => {
    const { node, sent } = isolatedServer('n1', ['n1', 'n2', 'n3']);
    const entry = (term: number): LogEntry => ({ term, command: { kind: 'noop' } });
    node.durable.log.push(entry(1), entry(2), entry(2));
    node.durable.currentTerm = 2;
    handleRequestVote(node, 'n2', vote(3, 'n2', 5, 1)); // longer, but an older last term
    expect(lastReply(sent)).toEqual({ type: 'RequestVoteResponse', term: 3, granted: false });
    expect(node.durable.currentTerm).toBe(3);
    expect(node.durable.votedFor).toBeNull();
    handleRequestVote(node, 'n3', vote(3, 'n3', 2, 2)); // same last term, shorter
    expect(lastReply(sent).granted).toBe(false);
    handleRequestVote(node, 'n3', vote(3, 'n3', 3, 2)); // same last term, as long
    expect(lastReply(sent).granted).toBe(true);
  });

  it('records every election: candidates per term and at most one leader each', () => {
    const cluster = createRaftCluster({ nodes: 5, seed: 7 });
    cluster.advance(1);
    const { elections } = cluster.snapshot();
    expect(elections.length).toBeGreaterThan(0);
    for (const e of elections) if (e.leader !== null) expect(e.candidates).toContain(e.leader);
  });
});
