/**
 * Textbook Raft situations as data: each is a complete RaftClusterOptions (seed, servers, faults, client commands), so
 * a page can load one, replay it and seek through it like any other run. Seeds were found by search so that the run
 * shows the phenomenon (the first leader is n1, two candidates split term 1, ...); the tests check that each still does.
 */
import type { RaftClusterOptions } from './cluster.ts';

export interface RaftScenario {
  readonly id: string;
  readonly title: string;
  /** What happens and what to watch for, in one paragraph. */
  readonly explanation: string;
  /** A good time to stop and look: the phenomenon is over by then. */
  readonly duration: number;
  readonly options: RaftClusterOptions;
}

const set = (at: number, key: string, value: string, to?: string) =>
  to === undefined ? { at, request: { kind: 'set' as const, key, value } } : { at, request: { kind: 'set' as const, key, value }, to };

export const RAFT_SCENARIOS: readonly RaftScenario[] = [
  {
    id: 'split-vote',
    title: 'A split vote',
    explanation:
      'Four servers, so a leader needs three votes. n1 and n2 time out within one message delay of each other and both ' +
      'become candidates in term 1; each votes for itself and wins one other vote, so both are stuck at two and term 1 ' +
      'ends with no leader. Neither can do anything but wait: their election timeouts are drawn afresh at random, and in ' +
      'term 2 n2 times out alone, well before anyone else, and is elected. Watch the two candidates in term 1, their ' +
      'vote counts, and the freshly drawn timeouts that break the tie.',
    duration: 1.5,
    options: { nodes: 4, seed: 19 },
  },
  {
    id: 'leader-change-uncommitted',
    title: 'A new leader overwrites an uncommitted entry',
    explanation:
      'n1 leads five servers. At 1 s it appends x=1, but every link out of it is failing, and it crashes an instant ' +
      'later: x=1 exists only in its own log, never committed, and the client was never told it succeeded. The other ' +
      'four elect a new leader without it, whose own no-op of term 2 takes the index where n1 has x=1, followed by y=2. ' +
      "When n1 restarts at 3 s, the new leader's consistency check finds the conflict: n1 deletes x=1 and takes the new " +
      "leader's entries. Nothing committed was " +
      'lost: an entry is only safe once a majority stores it and a leader of its term has counted them.',
    duration: 4,
    options: {
      nodes: 5,
      seed: 6,
      nemesis: [
        ...['n2', 'n3', 'n4', 'n5'].map((to) => ({ kind: 'lossy-link' as const, at: 1, from: 'n1', to, loss: 1, until: 1.5 })),
        { kind: 'crash', at: 1.001, node: 'n1', restartAt: 3 },
      ],
      commands: [set(1, 'x', '1'), set(2, 'y', '2')],
    },
  },
  {
    id: 'leader-change-uncommitted-kept',
    title: 'A new leader commits an entry its predecessor could not',
    explanation:
      'n1 leads five servers. At 1 s it appends x=1; its messages reach n2 and n3 but not n4 and n5, and it crashes ' +
      'before any acknowledgement comes back. x=1 is now stored on a majority (n1, n2, n3) yet nobody knows it is ' +
      'committed. Only n2 or n3 can win the next election: n4 and n5 lack x=1, so n2 and n3 refuse to vote for them, ' +
      'and without those votes there is no majority. The winner appends a no-op of its own term; when that no-op ' +
      'commits, x=1 below it commits with it (Figure 8: a leader never counts replicas of an older term\u2019s entry).',
    duration: 3,
    options: {
      nodes: 5,
      seed: 6,
      nemesis: [
        ...['n4', 'n5'].map((to) => ({ kind: 'lossy-link' as const, at: 1, from: 'n1', to, loss: 1, until: 1.5 })),
        { kind: 'crash', at: 1.001, node: 'n1', restartAt: 2.5 },
      ],
      commands: [set(1, 'x', '1')],
    },
  },
  {
    id: 'partitioned-old-leader',
    title: 'An old leader cut off in a minority',
    explanation:
      'n1 leads five servers when a partition puts n1 and n2 on one side and n3, n4, n5 on the other. n1 hears nothing ' +
      'to tell it otherwise, so it keeps acting as leader of term 1 and accepts x=old from a client; n2 stores it, but ' +
      'two of five is not a majority and it never commits. Meanwhile the majority elects a leader of a later term, which ' +
      'commits y=new. For a while two servers both believe they lead, in different terms. When the partition heals, n1 ' +
      'sees the higher term, steps down, and its uncommitted x=old is cut from its log and from n2\u2019s and replaced by ' +
      "the new leader's entries.",
    duration: 4,
    options: {
      nodes: 5,
      seed: 6,
      nemesis: [
        {
          kind: 'partition',
          at: 1,
          groups: [
            ['n1', 'n2'],
            ['n3', 'n4', 'n5'],
          ],
          healAt: 3,
        },
      ],
      commands: [set(1.2, 'x', 'old', 'n1'), set(2, 'y', 'new')],
    },
  },
  {
    id: 'membership-change',
    title: 'Adding a server, then removing the leader',
    explanation:
      'Three servers, n1 leading, and a spare n4 outside the configuration. At 1 s a client asks n1 to add n4: n1 ' +
      'appends a configuration entry naming n1 to n4, uses it at once (a server always follows the latest ' +
      'configuration in its log, committed or not), and catches n4 up by the usual AppendEntries repair. At 2 s a ' +
      'client asks n1 to remove itself. n1 keeps leading until the entry naming n2, n3 and n4 is committed, ' +
      'counting only those three towards the majority, then steps down; the remaining servers time out and elect ' +
      'a leader among themselves. One server changes at a time, so the old and new majorities always overlap ' +
      "(Ongaro's thesis, §4.1 and §4.2.2).",
    duration: 4,
    options: {
      nodes: 3,
      spares: 1,
      seed: 5,
      commands: [
        { at: 1, request: { kind: 'add-server', server: 'n4' } },
        { at: 2, request: { kind: 'remove-server', server: 'n1' } },
      ],
    },
  },
];

export function raftScenario(id: string): RaftScenario | undefined {
  return RAFT_SCENARIOS.find((s) => s.id === id);
}
