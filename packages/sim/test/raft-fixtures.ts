/**
 * Random but reproducible inputs for Raft runs: a fault schedule and client commands drawn from a seed, with every
 * fault over by `healBy`, so that liveness can be asked of the quiet time after it.
 */
import type { Fault } from '../src/nemesis.ts';
import type { NodeContext } from '../src/network.ts';
import { createRandom } from '../src/random.ts';
import type { ClientCommand, RaftClusterOptions } from '../src/raft/cluster.ts';
import { serverIds } from '../src/raft/cluster.ts';
import { RaftNode, startServer } from '../src/raft/node.ts';
import type { RaftMessage } from '../src/raft/types.ts';
import { nodeId } from '../src/units.ts';

export interface RandomRunShape {
  readonly nodes: number;
  /** Faults start in [0, healBy) and have all ended by `healBy`. */
  readonly healBy: number;
  readonly faults: number;
  readonly commands: number;
  readonly preVote: boolean;
  /** Spare servers; when there are any, some commands add or remove servers instead of setting keys. */
  readonly spares?: number;
}

export function randomRun(seed: number, shape: RandomRunShape): RaftClusterOptions {
  const random = createRandom(seed * 7919 + 17);
  const ids = serverIds(shape.nodes);
  const all = serverIds(shape.nodes, shape.spares ?? 0);
  const pick = () => ids[Math.floor(random.next() * ids.length)] as string;
  const time = (from: number, to: number) => Math.round((from + (to - from) * random.next()) * 1000) / 1000;
  const nemesis: Fault[] = [];
  for (let i = 0; i < shape.faults; i++) {
    const at = time(0, shape.healBy - 0.2);
    const end = time(at + 0.05, shape.healBy);
    const kind = Math.floor(random.next() * 5);
    if (kind === 0) {
      const shuffled = [...ids].sort(() => random.next() - 0.5);
      const cut = 1 + Math.floor(random.next() * (ids.length - 1));
      nemesis.push({ kind: 'partition', at, groups: [shuffled.slice(0, cut), shuffled.slice(cut)], healAt: end });
    } else if (kind === 1) {
      nemesis.push({ kind: 'crash', at, node: pick(), restartAt: end });
    } else if (kind === 2) {
      nemesis.push({ kind: 'pause', at, node: pick(), duration: Math.max(0.01, end - at) });
    } else if (kind === 3) {
      nemesis.push({ kind: 'lossy-link', at, from: pick(), to: pick(), loss: random.next() < 0.5 ? 1 : 0.5, until: end });
    } else {
      // Skew is harmless to Raft (it only measures intervals); drift stretches timeouts, which is what can hurt.
      nemesis.push({ kind: 'clock', at, node: pick(), skew: time(-5, 5), drift: time(-0.3, 0.3) });
    }
  }
  const commands: ClientCommand[] = [];
  for (let i = 0; i < shape.commands; i++) {
    const to = random.next() < 0.2 ? pick() : undefined;
    const at = time(0, shape.healBy);
    const change = (shape.spares ?? 0) > 0 && random.next() < 0.25;
    const server = all[Math.floor(random.next() * all.length)] as string;
    const request: ClientCommand['request'] = !change
      ? { kind: 'set', key: `k${i % 3}`, value: `v${i}` }
      : random.next() < 0.5
        ? { kind: 'add-server', server }
        : { kind: 'remove-server', server };
    const command: ClientCommand = { at, request };
    commands.push(to === undefined ? command : { ...command, to });
  }
  return { nodes: shape.nodes, spares: shape.spares ?? 0, seed, nemesis, commands, preVote: shape.preVote, keepLog: false, checkInvariants: true };
}

/** A server outside any network: its sends are collected and its timers never fire, so a test drives it message by message. */
export function isolatedServer(id: string, members: readonly string[], preVote = false): { node: RaftNode; sent: { to: string; message: RaftMessage }[] } {
  const node = new RaftNode(id, members, { electionTimeout: [0.15, 0.3], heartbeat: 0.05, preVote });
  const sent: { to: string; message: RaftMessage }[] = [];
  const ctx: NodeContext<RaftMessage> = {
    id: nodeId(id),
    peers: members.filter((m) => m !== id).map(nodeId),
    localTime: () => 0,
    send: (to, message) => sent.push({ to, message }),
    setTimer: () => {},
    random: () => 0.5,
  };
  startServer(node, ctx);
  return { node, sent };
}
