import type { LogEntry, RaftNodeView } from '@compendium/sim';
import { describe, expect, it } from 'vitest';
import { activePartition, canReach, describeCluster, describeMessage, flightProgress, logGrid, messagePoint, serverPositions, timerProgress } from '../src/raft-view.ts';

const entry = (term: number, key: string, value: string): LogEntry => ({ term, command: { kind: 'set', key, value } });

function node(id: string, over: Partial<RaftNodeView> = {}): RaftNodeView {
  return {
    id, up: true, paused: false, member: true, config: [], role: 'follower', term: 1, votedFor: null, leaderId: null, log: [], commitIndex: 0,
    lastApplied: 0, state: {}, localTime: 0, electionTimer: null, votes: [], nextIndex: null, matchIndex: null, ...over,
  };
}

describe('Raft view geometry', () => {
  it('puts the first server at the top and spaces the rest evenly, clockwise', () => {
    const p = serverPositions(['n1', 'n2', 'n3', 'n4'], { x: 100, y: 100 }, 50);
    expect(p.get('n1')!.x).toBeCloseTo(100);
    expect(p.get('n1')!.y).toBeCloseTo(50);
    expect(p.get('n2')!.x).toBeCloseTo(150); // a quarter turn clockwise in screen coordinates: to the right
    expect(p.get('n3')!.y).toBeCloseTo(150);
  });

  it('moves a message from rim to rim in proportion to the time it has flown, and clamps outside its flight', () => {
    const m = { sentAt: 1, arrivesAt: 1.02 };
    expect(flightProgress(m, 1)).toBe(0);
    expect(flightProgress(m, 1.005)).toBeCloseTo(0.25);
    expect(flightProgress(m, 2)).toBe(1);
    expect(flightProgress(m, 0)).toBe(0);
    const from = { x: 0, y: 0 };
    const to = { x: 100, y: 0 };
    expect(messagePoint(from, to, 0, 10)).toEqual({ x: 10, y: 0 });
    expect(messagePoint(from, to, 1, 10)).toEqual({ x: 90, y: 0 });
    expect(messagePoint(from, to, 0.5, 10).x).toBeCloseTo(50);
  });
});

describe('partitions', () => {
  const nemesis = [
    { kind: 'partition' as const, at: 1, groups: [['n1'], ['n2', 'n3']], healAt: 3 },
    { kind: 'crash' as const, at: 2, node: 'n2' },
    { kind: 'partition' as const, at: 5, groups: [['n1', 'n2'], ['n3']] },
  ];

  it('finds the partition in force at a time, none before it starts or once it heals', () => {
    expect(activePartition(nemesis, 0.5)).toBeNull();
    expect(activePartition(nemesis, 2)).toEqual([['n1'], ['n2', 'n3']]);
    expect(activePartition(nemesis, 3)).toBeNull();
    expect(activePartition(nemesis, 9)).toEqual([['n1', 'n2'], ['n3']]);
  });

  it('lets two servers talk only inside one group', () => {
    const groups = activePartition(nemesis, 2);
    expect(canReach(groups, 'n2', 'n3')).toBe(true);
    expect(canReach(groups, 'n1', 'n2')).toBe(false);
    expect(canReach(null, 'n1', 'n2')).toBe(true);
  });
});

describe('logs and timers', () => {
  it('lays logs out as a grid as wide as the longest, marking what each server knows is committed', () => {
    const grid = logGrid([
      node('n1', { log: [{ term: 1, command: { kind: 'noop' } }, entry(1, 'x', '1'), entry(2, 'x', '2')], commitIndex: 2 }),
      node('n2', { log: [{ term: 1, command: { kind: 'noop' } }], commitIndex: 1 }),
    ]);
    expect(grid.columns).toBe(3);
    expect(grid.rows[0]!.cells.map((c) => [c.label, c.committed])).toEqual([
      ['no-op', true],
      ['x=1', true],
      ['x=2', false],
    ]);
    expect(grid.rows[1]!.cells).toHaveLength(1);
  });

  it('fills the election timer from its start to its end on the server’s own clock', () => {
    expect(timerProgress({ localTime: 1.1, electionTimer: { start: 1, end: 1.2 } })).toBeCloseTo(0.5);
    expect(timerProgress({ localTime: 3, electionTimer: { start: 1, end: 1.2 } })).toBe(1);
    expect(timerProgress({ localTime: 3, electionTimer: null })).toBeNull();
  });

  it('sums the cluster up in one sentence for screen readers', () => {
    const nodes = [node('n1', { role: 'leader', term: 4 }), node('n2', { up: false }), node('n3', { paused: true })];
    expect(describeCluster({ nodes, leader: 'n1', time: 1 })).toBe('n1 leads term 4; crashed: n2; paused: n3.');
    expect(describeCluster({ nodes: [node('n1')], leader: null, time: 1 })).toBe('No leader.');
  });
});

describe('messages in words', () => {
  it('says what each message carries or answers', () => {
    const append = { type: 'AppendEntries' as const, term: 2, leaderId: 'n1', prevLogIndex: 4, prevLogTerm: 1, entries: [entry(2, 'x', '1')], leaderCommit: 4 };
    expect(describeMessage({ from: 'n1', to: 'n3', message: append })).toBe('AppendEntries n1 → n3, term 2: 1 entry after index 4, commit index 4');
    expect(describeMessage({ from: 'n1', to: 'n3', message: { ...append, entries: [] } })).toBe('AppendEntries n1 → n3, term 2: heartbeat, commit index 4');
    expect(describeMessage({ from: 'n3', to: 'n1', message: { type: 'AppendEntriesResponse', term: 2, success: false, matchIndex: 0, conflictIndex: 3 } })).toBe(
      'AppendEntriesResponse n3 → n1, term 2: refused, retry from index 3',
    );
    expect(describeMessage({ from: 'n2', to: 'n1', message: { type: 'RequestVoteResponse', term: 3, granted: true } })).toBe('RequestVoteResponse n2 → n1, term 3: granted');
  });
});
