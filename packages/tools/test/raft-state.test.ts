import { createRaftCluster } from '@compendium/sim';
import { describe, expect, it } from 'vitest';
import { raftRunQuery, readRaftRun } from '../src/raft-state.ts';

const scenarios = [{ id: 'split-vote', options: { nodes: 4, seed: 9, nemesis: [{ kind: 'crash' as const, at: 1, node: 'n1' }] } }];

describe('a Raft run in the URL', () => {
  it('reads a free run, and writes a short link for it', () => {
    const state = readRaftRun('?nodes=3&seed=42&t=1.5', scenarios);
    expect(state.errors).toEqual({});
    expect(state.options).toEqual({ nodes: 3, seed: 42 });
    expect(state.time).toBe(1.5);
    expect(raftRunQuery({ scenario: null, options: state.options, time: 1.5 })).toBe('?nodes=3&seed=42&t=1.5');
  });

  it('starts a scenario from its own options and leaves its inputs out of the link until the reader adds one', () => {
    const state = readRaftRun('?scenario=split-vote', scenarios);
    expect(state.scenario).toBe('split-vote');
    expect(state.options).toEqual(scenarios[0]!.options);
    const starting = { nemesis: scenarios[0]!.options.nemesis, commands: [] };
    expect(raftRunQuery({ scenario: 'split-vote', options: state.options, time: 0.25 }, starting)).toBe('?scenario=split-vote&t=0.25');
  });

  it('round-trips every crash, partition and write the reader added, and the replay matches the live run', () => {
    const live = createRaftCluster({ nodes: 5, seed: 3 });
    live.advance(1);
    const leader = live.leader()!;
    live.set('x', '1');
    live.advance(1.2);
    live.crash(leader);
    live.advance(1.5);
    live.partition([['n1', 'n2'], ['n3', 'n4', 'n5']]);
    live.advance(2);
    const description = live.description();
    const query = raftRunQuery({ scenario: null, options: { nodes: 5, seed: 3, nemesis: description.nemesis, commands: description.commands }, time: live.now });
    const state = readRaftRun(query, scenarios);
    expect(state.errors).toEqual({});
    const replay = createRaftCluster(state.options);
    replay.advance(state.time);
    expect(replay.traceHash()).toBe(live.traceHash());
  });

  it('names what is wrong with each part of a damaged link and uses the default instead, never throwing', () => {
    const state = readRaftRun('?nodes=12&seed=-1&t=soon&scenario=nope', scenarios);
    expect(state.errors.scenario).toBe('Scenario must be one of split-vote, got "nope"');
    expect(state.errors.nodes).toBe('Servers must be at most 9');
    expect(state.errors.seed).toBe('Seed must be at least 0');
    expect(state.errors.t).toBe('Time must be a number, got "soon"');
    expect(state.options).toEqual({ nodes: 5, seed: 1 });
    expect(state.time).toBe(0);
    expect(readRaftRun('?inputs=%%%', scenarios).errors.inputs).toMatch(/link is damaged/);
    const badServer = btoa(JSON.stringify({ nemesis: [{ kind: 'crash', at: 1, node: 'n9' }], commands: [] }));
    expect(readRaftRun(`?nodes=3&inputs=${badServer}`, scenarios).errors.inputs).toMatch(/nemesis\[0\]\.node must be one of the nodes n1, n2, n3/);
    expect(readRaftRun(`?inputs=${'A'.repeat(7000)}`, scenarios).errors.inputs).toMatch(/too long for a link/);
  });

  it('refuses client requests a link cannot have come from, naming the field, rather than throwing or replaying them', () => {
    const link = (commands: unknown[]) => `?nodes=3&inputs=${btoa(JSON.stringify({ nemesis: [], commands }))}`;
    const errorOf = (commands: unknown[]) => {
      const state = readRaftRun(link(commands), scenarios);
      expect(state.options.commands).toBeUndefined();
      return state.errors.inputs;
    };
    expect(errorOf([null])).toMatch(/commands\[0\] must be an object/);
    expect(errorOf([{ at: 1, request: { kind: 'set' } }])).toMatch(/commands\[0\]\.request\.key must be a string/);
    expect(errorOf([{ at: 1, request: { kind: 'set', key: 'x', value: {} } }])).toMatch(/commands\[0\]\.request\.value must be a string/);
    expect(errorOf([{ at: 1, request: { kind: 'add-server', server: 7 } }])).toMatch(/commands\[0\]\.request\.server must be one of n1, n2, n3/);
    // What the page itself writes still reads back.
    expect(readRaftRun(link([{ at: 1, request: { kind: 'set', key: 'x', value: '1' } }]), scenarios).errors).toEqual({});
  });
});
