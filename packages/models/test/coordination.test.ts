import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bestLeader,
  byzantineFaultsTolerated,
  commitLatency,
  crashFaultsTolerated,
  flexiblePaxosSafe,
  majority,
  protocolCost,
  quorumCheck,
  replicasForByzantineFaults,
  replicasForCrashFaults,
  rttMatrixFromPlaces,
} from '../src/coordination.ts';
import { findPlace } from '../src/cities.ts';
import { expectInputError } from './helpers.ts';

describe('quorums', () => {
  it('Dynamo-style N = 3, R = 2, W = 2 overlaps; R = 1, W = 1 does not (Gifford 1979; DeCandia et al. 2007)', () => {
    expect(quorumCheck(3, 2, 2)).toMatchObject({ readWriteOverlap: true, writeWriteOverlap: true });
    expect(quorumCheck(3, 1, 1)).toMatchObject({ readWriteOverlap: false, writeWriteOverlap: false });
    expect(quorumCheck(3, 1, 3)).toMatchObject({ readWriteOverlap: true, writeFaultsTolerated: 0 });
  });

  it('Flexible Paxos: with 10 replicas, phase-2 quorums of 3 need phase-1 quorums of 8 (Howard et al. 2016)', () => {
    expect(flexiblePaxosSafe(10, 8, 3)).toBe(true);
    expect(flexiblePaxosSafe(10, 7, 3)).toBe(false);
  });

  it('fault tolerance and its inverse', () => {
    expect(replicasForCrashFaults(2)).toBe(5);
    expect(replicasForByzantineFaults(1)).toBe(4);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (f) => {
        expect(crashFaultsTolerated(replicasForCrashFaults(f))).toBe(f);
        expect(byzantineFaultsTolerated(replicasForByzantineFaults(f))).toBe(f);
      }),
    );
    expect(majority(5)).toBe(3);
    expect(majority(4)).toBe(3);
  });

  it('rejects quorums larger than the replica set', () => {
    expectInputError(() => quorumCheck(3, 4, 2), 'readQuorum');
    expectInputError(() => quorumCheck(0, 1, 1), 'replicas');
  });
});

describe('protocol costs', () => {
  it('counts messages and delays per the documented convention', () => {
    expect(protocolCost('2pc', 3)).toMatchObject({ messages: 12, messageDelays: 4, roundTrips: 2 });
    expect(protocolCost('3pc', 3)).toMatchObject({ messages: 18, roundTrips: 3 });
    expect(protocolCost('paxos', 5)).toMatchObject({ messages: 16, roundTrips: 2 });
    expect(protocolCost('multi-paxos', 5)).toMatchObject({ messages: 8, roundTrips: 1 });
    expect(protocolCost('raft', 5)).toMatchObject({ messages: 8, roundTrips: 1 });
    expect(protocolCost('pbft', 4)).toMatchObject({ messages: 24, messageDelays: 3 });
  });

  it('PBFT is quadratic, Raft linear', () => {
    expect(protocolCost('pbft', 100).messages / protocolCost('raft', 100).messages).toBeGreaterThan(50);
  });

  it('rejects unknown protocols', () => {
    // @ts-expect-error: not a protocol
    expectInputError(() => protocolCost('gossip', 3), 'protocol');
  });
});

describe('commit latency', () => {
  const rtt = [
    [0, 10, 80, 90, 150],
    [10, 0, 75, 85, 140],
    [80, 75, 0, 12, 70],
    [90, 85, 12, 0, 65],
    [150, 140, 70, 65, 0],
  ];

  it('the leader waits for the (majority − 1)-th fastest acknowledgement', () => {
    expect(commitLatency(rtt, 0)).toBe(80); // needs 2 of the others: 10, then 80
    expect(commitLatency(rtt, 2)).toBe(70); // 12, 70
    expect(commitLatency([[0]], 0)).toBe(0);
  });

  it('picks the best leader', () => {
    expect(bestLeader(rtt)).toMatchObject({ leader: 3, commitLatency: 65 });
  });

  it('works from places by fibre RTT floors', () => {
    const places = ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-central-1'].map((q) => findPlace(q));
    const choice = bestLeader(rttMatrixFromPlaces(places));
    expect(Number.isFinite(choice.commitLatency)).toBe(true);
    expect(['us-east-1', 'us-east-2']).toContain(places[choice.leader]!.id);
  });

  it('rejects malformed matrices', () => {
    expectInputError(() => commitLatency([[0, 1]], 0), 'rttMatrix[0]');
    expectInputError(() => commitLatency([[0, -1], [1, 0]], 0), 'rttMatrix[0][1]');
    expectInputError(() => commitLatency(rtt, 5), 'leader');
  });
});
