import {
  bestLeader,
  commitLatency,
  crashFaultsTolerated,
  findPlace,
  majority,
  protocolCost,
  rttMatrixFromPlaces,
} from '@compendium/models';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bestNodeForQuorum,
  byzantineQuorum,
  type ConsensusReport,
  consensusFields,
  consensusReport,
  epaxosFastQuorum,
  flexibleQuorums,
  MAX_NODES,
  placeNodes,
  PROTOCOLS,
  type ProtocolKey,
  quorumRtt,
  WEIGHTS,
} from '../src/consensus-tool.ts';
import { readState } from '../src/fields.ts';
import { consensusToolUrl } from '../src/links.ts';

type Ok = Extract<ConsensusReport, { ok: true }>;

function reportFor(query: string): Ok {
  const state = readState(consensusFields, query);
  const report = consensusReport(state.values);
  if (!report.ok) throw new Error(report.message);
  return report;
}
const row = (report: Ok, key: ProtocolKey) => report.results.find((r) => r.spec.key === key)!;
const eligibleKeys = (report: Ok) => report.ranking.map((r) => r.spec.key).sort();

/** The node-level round trips, built independently of the tool: models' floors, 1 ms between nodes sharing a region. */
function nodeMatrix(ids: string[], stretch = 1.5, local = 1): number[][] {
  const places = ids.map((id) => findPlace(id));
  return rttMatrixFromPlaces(places, stretch).map((r, i) => r.map((v, j) => (i !== j && ids[i] === ids[j] ? local : v)));
}

function everyNumber(value: unknown, path = 'report'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (typeof value === 'string') return /NaN|Infinity|undefined/.test(value) ? [`${path}: ${value}`] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => everyNumber(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => everyNumber(v, `${path}.${k}`));
  return [];
}

describe('the Consensus Chooser', () => {
  it('opens on a healthy default: 5 nodes in 3 regions, crash faults, a majority protocol on top', () => {
    const state = readState(consensusFields, '');
    expect(state.errors).toEqual({});
    const report = reportFor('');
    expect(report.placement.counts).toEqual([2, 2, 1]);
    expect(report.placement.note).toBeUndefined();
    expect(report.picture).toMatchObject({ protocol: 'Raft', leader: 0, links: 'the leader in us-east-1 and the regions it replicates to' });
    expect(report.ranking[0]!.spec.key).toBe('raft');
    expect(report.ranking.slice(0, 3).map((r) => r.spec.key)).toEqual(['raft', 'multi-paxos', 'vr']);
    expect(report.ranking[1]!.tiedWithPrevious).toBe(true);
    expect(report.answer).toMatch(/^Raft \(tied with Multi-Paxos and Viewstamped Replication\): /);
    expect(row(report, 'raft').survivesRegionLoss).toBe(true);
    expect(row(report, 'raft').writeWorst.ms).toBeLessThan(consensusFields.latency.defaultValue);
    expect(everyNumber(report)).toEqual([]);
  });

  it('lists all eleven protocols with a source for each', () => {
    expect(PROTOCOLS.map((p) => p.key)).toEqual(['raft', 'multi-paxos', 'epaxos', 'flexible-paxos', 'zab', 'vr', 'chain', 'pbft', 'hotstuff', 'crdt', '2pc']);
    for (const p of PROTOCOLS) {
      expect(p.source, p.key).toMatch(/(19|20)\d\d/);
      expect(p.countedBy, p.key).toMatch(/^(models: protocolCost|counted here: )/);
    }
  });

  it('computes Raft on the default placement exactly as the models do', () => {
    const report = reportFor('');
    const matrix = nodeMatrix(['us-east-1', 'us-west-2', 'eu-west-1', 'us-east-1', 'us-west-2']);
    expect(report.placement.nodeRtt).toEqual(matrix);
    const best = bestLeader(matrix);
    const raft = row(report, 'raft');
    expect(raft.commitMs).toBe(best.commitLatency);
    expect(raft.leaderRegion).toBe('us-east-1');
    expect(raft.messages).toBe(protocolCost('raft', 5).messages);
    expect(raft.messageDelays).toBe(protocolCost('raft', 5).messageDelays);
    expect(raft.faultsTolerated).toBe(crashFaultsTolerated(5));
    expect(raft.quorum).toBe(majority(5));
    // Clients in us-east-1 pay the within-region round trip to the leader, the others their own round trip.
    const regionRtt = nodeMatrix(['us-east-1', 'us-west-2', 'eu-west-1']);
    const writes = [1, regionRtt[1]![0]!, regionRtt[2]![0]!].map((toLeader) => toLeader + best.commitLatency);
    expect(raft.perRegion.map((p) => p.write)).toEqual(writes);
    expect(raft.writeMean).toBeCloseTo((writes[0]! + writes[1]! + writes[2]!) / 3, 12);
    const reads = [1, regionRtt[1]![0]!, regionRtt[2]![0]!];
    expect(raft.operationMean).toBeCloseTo(reads.reduce((sum, r, c) => sum + 0.9 * r + 0.1 * writes[c]!, 0) / 3, 12);
    expect(raft.writeWorst.region).toBe('eu-west-1');
  });

  it('reproduces the five-region figure of the Coordination axiom from its link', () => {
    const ids5 = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-northeast-1'];
    const url = new URL(consensusToolUrl({ faults: 'crash', nodes: 5, regions: ids5, readFraction: 0.9, consistency: 'linearizable' }), 'http://x');
    expect(readState(consensusFields, url.search).errors).toEqual({});
    const report = reportFor(url.search);
    const best = bestLeader(rttMatrixFromPlaces(ids5.map((id) => findPlace(id)), 1.5));
    expect(row(report, 'raft').commitMs).toBe(best.commitLatency);
    expect(row(report, 'raft').leaderRegion).toBe(ids5[best.leader]);
    expect(row(report, 'multi-paxos').messages).toBe(protocolCost('multi-paxos', 5).messages);
    expect(row(report, 'pbft').messages).toBe(protocolCost('pbft', 5).messages);
  });

  it('measures any quorum the way the models measure a majority', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }).chain((n) => fc.array(fc.array(fc.double({ min: 0, max: 500, noNaN: true }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n })), (raw) => {
        const n = raw.length;
        const matrix = raw.map((r, i) => r.map((v, j) => (i === j ? 0 : Math.max(v, raw[j]![i]!))));
        for (let i = 0; i < n; i++) expect(quorumRtt(matrix, i, majority(n))).toBe(commitLatency(matrix, i));
        const models = bestLeader(matrix);
        expect(bestNodeForQuorum(matrix, majority(n))).toEqual({ node: models.leader, rtt: models.commitLatency });
        expect(quorumRtt(matrix, 0, 1)).toBe(0);
        expect(quorumRtt(matrix, 0, n)).toBe(Math.max(...matrix[0]!));
      }),
    );
    expect(() => quorumRtt([[0]], 0, 2)).toThrow('quorum must be a whole number from 1 to 1');
  });

  it('sizes the quorums it adds itself, and they intersect', () => {
    expect(flexibleQuorums(3)).toEqual({ phase1: 2, phase2: 2 });
    expect(flexibleQuorums(4)).toEqual({ phase1: 3, phase2: 2 });
    expect(flexibleQuorums(5)).toEqual({ phase1: 4, phase2: 2 });
    expect(flexibleQuorums(7)).toEqual({ phase1: 5, phase2: 3 });
    expect([3, 5, 7, 9].map(epaxosFastQuorum)).toEqual([2, 3, 5, 6]);
    expect(byzantineQuorum(4, 1)).toBe(3);
    expect(byzantineQuorum(5, 1)).toBe(4);
    expect(byzantineQuorum(7, 2)).toBe(5);
    for (let n = 1; n <= MAX_NODES; n++) {
      const { phase1, phase2 } = flexibleQuorums(n);
      expect(phase1 + phase2, `n = ${n}`).toBeGreaterThan(n);
      expect(epaxosFastQuorum(n)).toBeGreaterThanOrEqual(majority(n));
      const f = Math.floor((n - 1) / 3);
      // Two Byzantine quorums share at least f + 1 nodes, so at least one correct one.
      expect(2 * byzantineQuorum(n, f) - n, `n = ${n}`).toBeGreaterThanOrEqual(f + 1);
    }
  });

  it('Flexible Paxos commits with a smaller quorum and says what that costs', () => {
    const report = reportFor('');
    const fp = row(report, 'flexible-paxos');
    expect(fp.quorum).toBe(2);
    expect(fp.commitMs).toBe(1); // the leader's neighbour in its own region
    expect(fp.faultsTolerated).toBe(1);
    expect(fp.survivesRegionLoss).toBe(false);
    expect(fp.why).toContain('Phase-2 (replication) quorum 2, phase-1 (election) quorum 4');
    expect(fp.why).toContain('Losing us-east-1 (2 nodes) leaves 3, fewer than the 4 it needs to commit, so it stops.');
    expect(row(reportFor('?nodes=3'), 'flexible-paxos').why).toContain('so it runs exactly as Multi-Paxos');
  });

  it('EPaxos lets each region lead its own commands and reports the slow path', () => {
    const report = reportFor('');
    const ep = row(report, 'epaxos');
    const matrix = nodeMatrix(['us-east-1', 'us-west-2', 'eu-west-1', 'us-east-1', 'us-west-2']);
    const fast = [0, 1, 2].map((node) => quorumRtt(matrix, node, 3));
    expect(ep.perRegion.map((p) => p.write)).toEqual(fast.map((f) => 1 + f));
    expect(ep.leaderRegion).toBeUndefined();
    expect(ep.messages).toBe(12);
    expect(ep.why).toMatch(/interferes with a concurrent one takes a second round trip/);
  });

  it('chain replication walks the shortest chain and reads at the tail', () => {
    const report = reportFor('?nodes=2&regions=us-east-1,eu-west-1');
    const chain = row(report, 'chain');
    const rtt = nodeMatrix(['us-east-1', 'eu-west-1'])[0]![1]!;
    expect(chain.commitMs).toBeCloseTo(rtt / 2, 12);
    expect(chain.messageDelays).toBe(1);
    expect(chain.faultsTolerated).toBe(1);
    // Each client: to the head, down the chain, back from the tail; one of the two is local.
    expect(chain.writeMean).toBeCloseTo((1 / 2 + rtt / 2 + rtt / 2 + (rtt / 2 + rtt / 2 + 1 / 2)) / 2, 9);
    expect(chain.terms.find((t) => t.label === 'needs a configuration service')?.points).toBe(-WEIGHTS.externalService);
    // With two nodes only chain replication tolerates a crash and keeps linearizability.
    expect(report.ranking.map((r) => r.spec.key)).toEqual(['chain']);
    expect(row(report, 'raft').exclusions).toEqual(['With 2 nodes it tolerates no fault at all; it needs at least 3.']);
  });

  it('Byzantine faults exclude every crash-only protocol', () => {
    const report = reportFor('?faults=byzantine');
    expect(eligibleKeys(report)).toEqual(['hotstuff', 'pbft']);
    expect(row(report, 'raft').exclusions).toEqual(['It tolerates crash faults only, and you asked for Byzantine tolerance.']);
    expect(row(report, 'raft').why.startsWith('Excluded. It tolerates crash faults only')).toBe(true);
    const pbft = row(report, 'pbft');
    expect(pbft.quorum).toBe(4);
    expect(pbft.messages).toBe(protocolCost('pbft', 5).messages);
    expect(pbft.commitMs).toBeCloseTo(1.5 * bestNodeForQuorum(report.placement.nodeRtt, 4).rtt, 12);
    expect(row(report, 'hotstuff').messages).toBe(8 * 4);
    expect(reportFor('?faults=byzantine&nodes=3').answer).toBe('No protocol fits: tolerating even one Byzantine fault takes 4 nodes (3f + 1), and you have 3.');
    expect(row(reportFor('?faults=byzantine&nodes=4'), 'pbft').terms.some((t) => t.label === 'nodes that add no tolerance')).toBe(false);
  });

  it('only causal or eventual consistency admits CRDTs, and then they win on latency', () => {
    const strong = reportFor('?consistency=sequential');
    expect(row(strong, 'crdt').exclusions).toEqual(['It offers causal consistency at best, and you need sequential.']);
    for (const level of ['causal', 'eventual']) {
      const report = reportFor(`?consistency=${level}`);
      const crdt = row(report, 'crdt');
      expect(crdt.eligible).toBe(true);
      expect(report.ranking[0]).toBe(crdt);
      expect(crdt.writeMean).toBe(1);
      expect(crdt.messages).toBe(4);
    }
  });

  it('2PC is never a replication answer, and leads when the need is atomic commit', () => {
    const replication = row(reportFor(''), '2pc');
    expect(replication.eligible).toBe(false);
    expect(replication.exclusions[0]).toMatch(/^2PC is atomic commit across shards, not replication/);
    const report = reportFor('?need=atomic-commit');
    const twoPc = report.ranking[0]!;
    expect(twoPc.spec.key).toBe('2pc');
    expect(twoPc.role).toBe('commit');
    expect(twoPc.messages).toBe(protocolCost('2pc', 5).messages);
    expect(twoPc.commitMs).toBe(2 * bestNodeForQuorum(report.placement.nodeRtt, 5).rtt);
    expect(twoPc.survivesRegionLoss).toBe(false);
    expect(report.answer).toBe('Commit across shards with two-phase commit, and replicate each shard with Raft.');
    expect(twoPc.why).toContain('each shard a Raft group');
    expect(report.picture?.links).toBe('the coordinator in us-east-1 and the participants it waits for');
    expect(report.picture?.routes).toHaveLength(2);
    expect(row(reportFor('?need=atomic-commit&faults=byzantine'), '2pc').exclusions[0]).toMatch(/cannot survive a Byzantine one/);
  });

  it('applies the budget and node-count penalties and explains them', () => {
    const tight = reportFor('?latency=60');
    const raft = row(tight, 'raft');
    expect(raft.terms.find((t) => t.label === 'over the write budget')?.points).toBe(-WEIGHTS.overBudget);
    expect(raft.why).toContain(`Writes in eu-west-1 (${raft.writeWorst.ms.toFixed(1)} ms) exceed your 60 ms budget.`);
    expect(row(reportFor('?latency=60.5'), 'raft').why).toContain('exceed your 60.5 ms budget.');
    const four = row(reportFor('?nodes=4'), 'raft');
    expect(four.terms.find((t) => t.label === 'nodes that add no tolerance')?.points).toBe(-WEIGHTS.wastedNodes);
    expect(four.why).toContain('3 nodes would tolerate the same 1 fault; the other node adds cost but no tolerance.');
    expect(row(reportFor('?nodes=6'), 'raft').why).toContain('5 nodes would tolerate the same 2 faults; the other node adds cost but no tolerance.');
    expect(row(reportFor('?faults=byzantine&nodes=6'), 'pbft').why).toContain('4 nodes would tolerate the same 1 fault; the other 2 add cost but no tolerance.');
  });

  it('scores transparently: the terms add up and the ranking follows them', () => {
    fc.assert(
      fc.property(
        fc.record({
          faults: fc.constantFrom('crash', 'byzantine'),
          nodes: fc.integer({ min: 1, max: 12 }),
          reads: fc.double({ min: 0, max: 1, noNaN: true }),
          consistency: fc.constantFrom('linearizable', 'sequential', 'causal', 'eventual'),
          need: fc.constantFrom('replication', 'atomic-commit'),
          regions: fc.subarray(['us-east-1', 'eu-west-1', 'ap-northeast-1', 'sa-east-1', 'london', 'sydney'], { minLength: 1 }),
        }),
        (input) => {
          const query = `?faults=${input.faults}&nodes=${input.nodes}&reads=${input.reads}&consistency=${input.consistency}&need=${input.need}&regions=${input.regions.join(',')}`;
          const report = reportFor(query);
          expect(everyNumber(report)).toEqual([]);
          for (const r of report.ranking) {
            expect(r.score).toBeCloseTo(r.terms.reduce((s, t) => s + t.points, 0), 9);
            expect(r.why).toContain(`Score ${r.score.toFixed(1)} = latency`);
            expect(r.why.length).toBeGreaterThan(100);
          }
          const byScore = report.ranking.filter((r) => r.role === undefined);
          for (let i = 1; i < byScore.length; i++) expect(byScore[i - 1]!.score).toBeGreaterThanOrEqual(byScore[i]!.score);
          for (const r of report.excluded) expect(r.exclusions.length).toBeGreaterThan(0);
          expect(report.answer.length).toBeGreaterThan(20);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('places fewer nodes than regions by leaving regions out, and says so', () => {
    const report = reportFor('?nodes=2');
    expect(report.regionLabels).toEqual(['us-east-1', 'us-west-2']);
    expect(report.placement.note).toBe('2 nodes cannot cover 3 regions: eu-west-1 gets no replica and is left out.');
    const one = placeNodes({ nodes: 7, regions: ['tokyo', 'london'].map((id) => findPlace(id)), stretch: 1, local: 0.5 });
    expect(one.counts).toEqual([4, 3]);
    expect(one.regionRtt[0]![0]).toBe(0.5);
  });

  it('names every invalid field and the rule it broke', () => {
    const cases: [string, keyof typeof consensusFields, string][] = [
      ['nodes=0', 'nodes', 'Nodes must be at least 1'],
      ['nodes=2.5', 'nodes', 'Nodes must be a whole number, got 2.5'],
      ['nodes=26', 'nodes', 'Nodes must be at most 25'],
      ['reads=1.5', 'reads', 'Read fraction must be at most 1'],
      ['reads=ninety', 'reads', 'Read fraction must be a number, got "ninety"'],
      ['consistency=strong', 'consistency', 'Consistency must be one of linearizable, sequential, causal, eventual, got "strong"'],
      ['faults=omission', 'faults', 'Fault model must be one of crash, byzantine, got "omission"'],
      ['need=sharding', 'need', 'Need must be one of replication, atomic-commit, got "sharding"'],
      ['regions=us-east-1,atlantis', 'regions', 'Regions, entry 2: no city or cloud region is called "atlantis"'],
      ['regions=us-east-1,aws:us-east-1', 'regions', 'Regions, entry 2: us-east-1 is already listed'],
      ['regions=', 'regions', 'Regions needs at least 1 entries, got 0'],
      ['regions=a,b,c,d,e,f,g,h,i', 'regions', 'Regions takes at most 8 entries, got 9'],
      ['latency=0', 'latency', 'Write latency budget must be greater than 0 ms'],
      ['stretch=0.5', 'stretch', 'Route stretch must be at least 1'],
      ['local=-1', 'local', 'Round trip within a region must be at least 0 ms'],
      ['local=101', 'local', 'Round trip within a region must be at most 100 ms'],
    ];
    for (const [query, field, message] of cases) {
      const state = readState(consensusFields, `?${query}`);
      expect(state.errors[field], query).toBe(message);
      expect(consensusReport(state.values).ok, query).toBe(true);
    }
  });

  it('turns a model error into a readable message instead of throwing', () => {
    const values = { ...readState(consensusFields, '').values, stretch: 0.5 };
    expect(consensusReport(values)).toEqual({ ok: false, message: 'These inputs cannot be computed: stretch must be ≥ 1, got 0.5.' });
  });

  it('survives hostile URL state: every field keeps a finite default and the report still computes', () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.constantFrom('<script>alert(1)</script>', '1e999', 'NaN', '-Infinity', '9'.repeat(5000), 'javascript:alert(1)', '__proto__', '%00'),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('faults', 'nodes', 'regions', 'reads', 'consistency', 'need', 'latency', 'stretch', 'local'), hostile), (params) => {
        const state = readState(consensusFields, `?${new URLSearchParams(params).toString()}`);
        const report = consensusReport(state.values);
        expect(report.ok).toBe(true);
        expect(everyNumber(report)).toEqual([]);
        for (const message of Object.values(state.errors)) expect(message.length).toBeLessThan(200);
      }),
      { numRuns: 80 },
    );
  });
});
