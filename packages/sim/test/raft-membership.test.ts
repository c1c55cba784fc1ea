import { describe, expect, it } from 'vitest';
import { createRaftCluster } from '../src/raft/cluster.ts';
import { handleAppendEntries } from '../src/raft/node.ts';
import type { LogEntry } from '../src/raft/types.ts';
import { isolatedServer } from './raft-fixtures.ts';

describe('Raft single-server membership changes (thesis §4.1)', () => {
  it('adds a spare: it catches up, joins the majority, and a change waits for the previous one to commit', () => {
    const cluster = createRaftCluster({ nodes: 3, spares: 1, seed: 4 });
    cluster.advance(1);
    expect(cluster.server('n4').isMember).toBe(false);
    const leader = cluster.leader() as string;
    expect(cluster.addServer('n4').status).toBe('appended');
    // The leader uses the new configuration as soon as it is in its log, committed or not.
    expect(cluster.server(leader).config).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(cluster.server(leader).commitIndex).toBeLessThan(cluster.server(leader).durable.log.length);
    // One change at a time.
    expect(cluster.removeServer('n4')).toMatchObject({ status: 'rejected', reason: 'a configuration change is still uncommitted' });
    cluster.advance(2);
    const n4 = cluster.server('n4');
    expect(n4.isMember).toBe(true);
    expect(n4.durable.log).toEqual(cluster.server(leader).durable.log);
    // With four members a majority is three: the leader and one follower are not enough to commit.
    const others = cluster.ids.filter((id) => id !== leader && id !== 'n4');
    cluster.crash(others[0] as string);
    cluster.crash(others[1] as string);
    const lonely = cluster.set('x', '1');
    cluster.advance(3);
    expect(lonely.status).toBe('appended');
    expect(cluster.server(leader).state.get('x')).toBeUndefined();
    cluster.restart(others[0] as string);
    cluster.advance(4);
    expect(cluster.server(leader).state.get('x')).toBe('1');
    expect(cluster.violations).toEqual([]);
  });

  it('removes a member: the rest carry on with the smaller majority and the removed server stays quiet', () => {
    const cluster = createRaftCluster({ nodes: 5, seed: 8 });
    cluster.advance(1);
    const leader = cluster.leader() as string;
    const removed = cluster.ids.find((id) => id !== leader) as string;
    expect(cluster.removeServer(removed).status).toBe('appended');
    cluster.advance(1.5);
    const remaining = cluster.ids.filter((id) => id !== removed);
    for (const id of remaining) expect(cluster.server(id).config).toEqual(remaining);
    // The leader stopped sending to it, so only pre-votes (refused) come from it; its term does not climb.
    const termThen = cluster.server(leader).durable.currentTerm;
    cluster.advance(4);
    expect(cluster.leader()).toBe(leader);
    expect(cluster.server(leader).durable.currentTerm).toBe(termThen);
    // Four members, majority three: the leader and two others still commit with one crashed.
    cluster.crash(remaining.find((id) => id !== leader) as string);
    cluster.set('y', '2');
    cluster.advance(5);
    expect(cluster.server(leader).state.get('y')).toBe('2');
    expect(cluster.violations).toEqual([]);
  });

  it('a removed leader steps down once the configuration without it is committed', () => {
    const cluster = createRaftCluster({ nodes: 3, seed: 12 });
    cluster.advance(1);
    const leader = cluster.leader() as string;
    expect(cluster.removeServer(leader).status).toBe('appended');
    cluster.advance(3);
    const next = cluster.leader();
    expect(next).not.toBeNull();
    expect(next).not.toBe(leader);
    expect(cluster.server(leader).role).toBe('follower');
    expect(cluster.server(next as string).config).toEqual(cluster.ids.filter((id) => id !== leader));
    expect(cluster.violations).toEqual([]);
  });

  it('a leader that removed itself and crashed before committing it campaigns again to finish the change (thesis §4.2.2)', () => {
    // Two servers; the leader removes itself while cut off, so only its own log holds the new configuration {follower}.
    const cluster = createRaftCluster({ nodes: 2, seed: 3 });
    cluster.advance(1);
    const leader = cluster.leader() as string;
    const follower = cluster.ids.find((id) => id !== leader) as string;
    cluster.partition([[leader], [follower]]);
    expect(cluster.removeServer(leader).status).toBe('appended');
    cluster.advance(1.2);
    cluster.crash(leader);
    cluster.heal();
    cluster.restart(leader);
    // The follower, still in {n1, n2}, needs the old leader's vote and cannot get it (its log is behind); only the old
    // leader, outside its own latest configuration, can win (with the follower's vote) and commit the change.
    cluster.advance(4);
    expect(cluster.leader()).toBe(follower);
    expect(cluster.server(follower).config).toEqual([follower]);
    expect(cluster.server(follower).commitIndex).toBe(cluster.server(follower).durable.log.length);
    expect(cluster.server(leader).role).toBe('follower');
    expect(cluster.violations).toEqual([]);
  });

  it('a follower uses a configuration entry on append, and drops it when the entry is truncated', () => {
    const { node } = isolatedServer('n2', ['n1', 'n2', 'n3']);
    const config: LogEntry = { term: 1, command: { kind: 'config', servers: ['n1', 'n2', 'n3', 'n4'] } };
    handleAppendEntries(node, 'n1', { type: 'AppendEntries', term: 1, leaderId: 'n1', prevLogIndex: 0, prevLogTerm: 0, entries: [config], leaderCommit: 0 });
    expect(node.commitIndex).toBe(0);
    expect(node.config).toEqual(['n1', 'n2', 'n3', 'n4']);
    const other: LogEntry = { term: 2, command: { kind: 'noop' } };
    handleAppendEntries(node, 'n3', { type: 'AppendEntries', term: 2, leaderId: 'n3', prevLogIndex: 0, prevLogTerm: 0, entries: [other], leaderCommit: 0 });
    expect(node.config).toEqual(['n1', 'n2', 'n3']);
  });
});
