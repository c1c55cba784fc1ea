import { describe, expect, it } from 'vitest';
import { Simulation } from '../src/engine.ts';
import { decodeNemesis, encodeNemesis, type Nemesis } from '../src/nemesis.ts';
import { Network, type NodeBehaviour } from '../src/network.ts';
import { TraceHash } from '../src/trace-hash.ts';

type Msg = { n: number };
const NODES = ['a', 'b', 'c'];

/** Every node sends a numbered message to each peer every second; received numbers are recorded per node. */
function gossip(received: Record<string, number[]>, durable: Record<string, number>): Record<string, NodeBehaviour<Msg>> {
  const behaviours: Record<string, NodeBehaviour<Msg>> = {};
  for (const id of NODES) {
    let counter = 0;
    const tick = (ctx: Parameters<NodeBehaviour<Msg>['start']>[0]) => {
      counter++;
      for (const peer of ctx.peers) ctx.send(peer, { n: counter });
      ctx.setTimer(1, () => tick(ctx));
    };
    received[id] = [];
    behaviours[id] = {
      start: (ctx) => tick(ctx),
      receive: (_ctx, _from, m) => {
        received[id]?.push(m.n);
        durable[id] = m.n;
      },
      restart: (ctx) => {
        counter = 100;
        tick(ctx);
      },
    };
  }
  return behaviours;
}

function run(nemesis: Nemesis, seed = 1, link = {}) {
  const sim = new Simulation(seed);
  const received: Record<string, number[]> = {};
  const net = new Network<Msg>(sim, gossip(received, {}), { latency: { kind: 'uniform', min: 0.01, max: 0.05 }, ...link });
  net.apply(nemesis);
  sim.run({ until: 10 });
  return { sim, net, received };
}

const drops = (net: Network<Msg>, reason: string) => net.log.filter((e) => e.kind === 'drop' && e.reason === reason).length;

describe('network under faults', () => {
  it('delivers everything on a healthy network', () => {
    const { net } = run([]);
    const sent = net.log.filter((e) => e.kind === 'send').length;
    expect(sent).toBeGreaterThan(50);
    // Messages sent in the last 50 ms may still be in flight at t = 10.
    expect(net.log.filter((e) => e.kind === 'deliver').length).toBeGreaterThanOrEqual(sent - 6);
  });

  it('cuts traffic across a partition until it heals', () => {
    const { net } = run([{ kind: 'partition', at: 2, groups: [['a'], ['b', 'c']], healAt: 5 }]);
    const crossing = net.log.filter((e) => e.kind === 'deliver' && (e.from === 'a') !== (e.to === 'a'));
    expect(crossing.some((e) => e.time > 2.05 && e.time < 5)).toBe(false);
    expect(crossing.some((e) => e.time > 5.1)).toBe(true);
    expect(drops(net, 'partition')).toBeGreaterThan(0);
  });

  it('silences a crashed node and lets it restart with fresh volatile state', () => {
    const { net, received } = run([{ kind: 'crash', at: 3, node: 'b', restartAt: 6 }]);
    expect(net.log.some((e) => e.kind === 'send' && e.from === 'b' && e.time > 3 && e.time < 6)).toBe(false);
    expect(received.a?.some((n) => n > 100)).toBe(true);
    expect(drops(net, 'crashed')).toBeGreaterThan(0);
  });

  it('holds messages for a paused node and delivers them, in order, when it resumes', () => {
    const { net } = run([{ kind: 'pause', at: 2, node: 'c', duration: 3 }]);
    const toC = net.log.filter((e) => e.kind === 'deliver' && e.to === 'c');
    expect(toC.some((e) => e.time > 2.05 && e.time < 5)).toBe(false);
    expect(toC.filter((e) => e.time === 5).length).toBeGreaterThan(3);
    expect(net.log.some((e) => e.kind === 'send' && e.from === 'c' && e.time > 2 && e.time < 5)).toBe(false);
  });

  it('makes a fast clock fire its timers early', () => {
    const { net } = run([{ kind: 'clock', at: 0, node: 'a', drift: 1 }]);
    const sentBy = (id: string) => net.log.filter((e) => e.kind === 'send' && e.from === id).length;
    expect(sentBy('a')).toBeGreaterThan(1.8 * sentBy('b'));
  });

  it('loses and duplicates messages at the configured rates', () => {
    const lossy = run([], 2, { loss: 0.3 }).net;
    const sent = lossy.log.filter((e) => e.kind === 'send').length;
    expect(drops(lossy, 'loss') / sent).toBeGreaterThan(0.15);
    expect(drops(lossy, 'loss') / sent).toBeLessThan(0.45);
    const doubled = run([], 2, { duplicate: 1 }).net;
    expect(doubled.log.filter((e) => e.kind === 'deliver').length).toBeGreaterThan(1.9 * doubled.log.filter((e) => e.kind === 'send').length - 12);
  });

  it('replays a run exactly from its seed and schedule', () => {
    const nemesis: Nemesis = [
      { kind: 'partition', at: 1, groups: [['a', 'b'], ['c']], healAt: 4 },
      { kind: 'pause', at: 2, node: 'a', duration: 1.5 },
      { kind: 'lossy-link', at: 0, from: 'b', to: 'c', loss: 0.5 },
    ];
    const hash = (seed: number) => {
      const h = new TraceHash();
      for (const e of run(nemesis, seed).net.log) h.number(e.time).string(e.kind).string(e.from ?? '').string(e.to ?? '');
      return h.value;
    };
    expect(hash(3)).toBe(hash(3));
    expect(hash(4)).not.toBe(hash(3));
  });
});

describe('fault schedules as data', () => {
  it('round-trips through a URL-safe string', () => {
    const nemesis: Nemesis = [{ kind: 'crash', at: 1, node: 'a', restartAt: 2 }, { kind: 'clock', at: 0, node: 'b', skew: -0.5, drift: 0.0001 }];
    const text = encodeNemesis(nemesis);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeNemesis(text, NODES)).toEqual(nemesis);
  });

  it('names the field and the rule when a schedule is wrong', () => {
    expect(() => decodeNemesis('%%%', NODES)).toThrow(/nemesis must be a fault schedule/);
    expect(() => decodeNemesis(encodeNemesis([{ kind: 'crash', at: 1, node: 'z' }]), NODES)).toThrow('nemesis[0].node must be one of the nodes a, b, c, got "z"');
    expect(() => decodeNemesis(encodeNemesis([{ kind: 'pause', at: 1, node: 'a', duration: 0 }]), NODES)).toThrow(/nemesis\[0\].duration must be greater than 0/);
    expect(() => decodeNemesis(encodeNemesis([{ kind: 'partition', at: 3, groups: [['a'], ['b']], healAt: 2 }]), NODES)).toThrow(/healAt must be after at/);
    expect(() => decodeNemesis(encodeNemesis([{ kind: 'meteor', at: 1 } as never]), NODES)).toThrow(/nemesis\[0\].kind must be one of/);
  });
});


describe('dropping one chosen message', () => {
  it('loses exactly the message in flight on that link when the fault strikes, and nothing else', () => {
    // Messages go out at whole seconds and take 10 to 50 ms: at 3.005 s the link a→b carries exactly message 4.
    const calm = run([]);
    const { net, received } = run([{ kind: 'drop-message', at: 3.005, from: 'a', to: 'b' }]);
    expect(drops(net, 'dropped on purpose')).toBe(1);
    const fromA = (r: Record<string, number[]>) => r.b?.length ?? 0;
    expect(fromA(received)).toBe(fromA(calm.received) - 1);
    const lost = net.log.find((e) => e.kind === 'drop')!;
    expect(lost).toMatchObject({ from: 'a', to: 'b', message: { n: 4 } });
    // It left the wire: views no longer draw it once dropped.
    expect(net.inFlight.some((f) => f.from === 'a' && f.to === 'b' && (f.message as Msg).n === 4)).toBe(false);
  });

  it('loses the next message sent on the link when none is in flight, and validates its nodes', () => {
    const { net } = run([{ kind: 'drop-message', at: 3.5, from: 'c', to: 'a' }]);
    expect(net.log.find((e) => e.kind === 'drop')).toMatchObject({ from: 'c', to: 'a', message: { n: 5 }, reason: 'dropped on purpose' });
    expect(() => run([{ kind: 'drop-message', at: 1, from: 'a', to: 'a' }])).toThrow(/nemesis\[0\]\.to must differ from from/);
    expect(() => run([{ kind: 'drop-message', at: 1, from: 'a', to: 'z' }])).toThrow(/nemesis\[0\]\.to must be one of the nodes/);
  });
});
