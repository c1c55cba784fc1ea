/**
 * Nodes that exchange messages over a modelled network, under faults. Each node runs a behaviour written against a
 * small API (send, timers, a local clock that may be skewed), never against the simulator itself, so the same node
 * code runs under any fault schedule.
 */
import { type Distribution, type Sampler, sampler } from './distributions.ts';
import type { Simulation } from './engine.ts';
import { requireProbability, SimInputError } from './errors.ts';
import { type Nemesis, validateNemesis } from './nemesis.ts';
import { type NodeId, nodeId } from './units.ts';

export interface LinkModel {
  latency: Distribution;
  /** Probability a message is lost. */
  loss?: number;
  /** Probability a delivered message is delivered twice. */
  duplicate?: number;
  /** When false (the default), a later message may overtake an earlier one; when true the link is FIFO, like TCP. */
  fifo?: boolean;
}

export interface NodeContext<M> {
  readonly id: NodeId;
  readonly peers: readonly NodeId[];
  /** The node's own clock: virtual time with its skew and drift. It is all a node can know of time. */
  localTime(): number;
  send(to: NodeId, message: M): void;
  /** Calls back after `delay` seconds of the node's local clock (a drifting clock fires early or late). */
  setTimer(delay: number, callback: () => void): void;
  random(): number;
}

export interface NodeBehaviour<M> {
  start(ctx: NodeContext<M>): void;
  receive(ctx: NodeContext<M>, from: NodeId, message: M): void;
  /** Called on restart after a crash: volatile state is gone; whatever the node kept in `durable` is still there. */
  restart?(ctx: NodeContext<M>): void;
}

export interface NetworkEvent<M> {
  time: number;
  kind: 'send' | 'deliver' | 'drop' | 'crash' | 'restart' | 'pause' | 'resume' | 'partition' | 'heal' | 'clock';
  from?: NodeId;
  to?: NodeId;
  node?: NodeId;
  message?: M;
  reason?: string;
}

/** A message on the wire: sent, not yet arrived (it may still be dropped on arrival, by a crash or a partition). */
export interface InFlightMessage<M> {
  readonly from: NodeId;
  readonly to: NodeId;
  readonly message: M;
  readonly sentAt: number;
  readonly arrivesAt: number;
}

interface NodeState<M> {
  id: NodeId;
  behaviour: NodeBehaviour<M>;
  ctx: NodeContext<M>;
  up: boolean;
  /** Incremented on every crash, so timers and deliveries from an earlier life are ignored. */
  epoch: number;
  pausedUntil: number;
  skew: number;
  drift: number;
  /** Work that arrived while the node was paused, run in order when it resumes. */
  backlog: (() => void)[];
}

/** One direction of one link, as a map key: per-link loss, FIFO order and pending drops are all kept by it. */
function linkKey(from: NodeId, to: NodeId): string {
  return `${from}→${to}`;
}

export class Network<M> {
  private readonly nodes = new Map<NodeId, NodeState<M>>();
  private readonly latency: Sampler;
  private readonly model: Required<Omit<LinkModel, 'latency'>>;
  private readonly lastDelivery = new Map<string, number>();
  private readonly lossyLinks = new Map<string, number>();
  private partition: Map<NodeId, number> | undefined;
  // Messages on the wire, in the order they were sent (a Set keeps insertion order): views draw them, and a
  // drop-message fault picks the first one of a link from here.
  private readonly flying = new Set<InFlightMessage<M>>();
  /** Links with a drop-message fault that found nothing in flight: the next message sent on them is lost. */
  private readonly pendingDrops: string[] = [];
  readonly log: NetworkEvent<M>[] = [];

  private readonly sim: Simulation;
  private readonly keepLog: boolean;

  constructor(sim: Simulation, behaviours: Readonly<Record<string, NodeBehaviour<M>>>, link: LinkModel, keepLog = true) {
    this.sim = sim;
    this.keepLog = keepLog;
    this.model = {
      loss: requireProbability('link.loss', link.loss ?? 0),
      duplicate: requireProbability('link.duplicate', link.duplicate ?? 0),
      fifo: link.fifo ?? false,
    };
    const random = sim.random.fork(1);
    this.latency = sampler(link.latency, random, 'link.latency');
    const ids = Object.keys(behaviours).map(nodeId);
    if (ids.length === 0) throw new SimInputError('nodes', 'must name at least one node');
    ids.forEach((id, index) => {
      const nodeRandom = sim.random.fork(100 + index);
      const state: NodeState<M> = {
        id,
        behaviour: behaviours[id] as NodeBehaviour<M>,
        up: true,
        epoch: 0,
        pausedUntil: 0,
        skew: 0,
        drift: 0,
        backlog: [],
        ctx: undefined as unknown as NodeContext<M>,
      };
      state.ctx = {
        id,
        peers: ids.filter((p) => p !== id),
        localTime: () => state.skew + sim.now * (1 + state.drift),
        send: (to, message) => this.send(state, to, message),
        setTimer: (delay, callback) => this.setTimer(state, delay, callback),
        random: () => nodeRandom.next(),
      };
      this.nodes.set(id, state);
    });
    sim.at(0, () => {
      for (const state of this.nodes.values()) state.behaviour.start(state.ctx);
    });
  }

  get nodeIds(): NodeId[] {
    return [...this.nodes.keys()];
  }

  isUp(id: NodeId): boolean {
    return this.nodes.get(id)?.up ?? false;
  }

  /** True while the node is up but stopped by a pause (messages and timers for it wait in its backlog). */
  isPaused(id: NodeId): boolean {
    const state = this.nodes.get(id);
    if (!state) return false;
    return state.up && this.sim.now < state.pausedUntil;
  }

  /** Messages sent and not yet arrived, oldest send first: for views that animate the wire. */
  get inFlight(): readonly InFlightMessage<M>[] {
    return [...this.flying];
  }

  /** Schedules every fault of a validated schedule. */
  apply(nemesis: Nemesis): void {
    validateNemesis(nemesis, this.nodeIds);
    for (const fault of nemesis) {
      switch (fault.kind) {
        case 'partition':
          this.sim.at(fault.at, () => this.split(fault.groups.map((g) => g.map(nodeId))));
          if (fault.healAt !== undefined) this.sim.at(fault.healAt, () => this.heal());
          break;
        case 'crash':
          this.sim.at(fault.at, () => this.crash(nodeId(fault.node)));
          if (fault.restartAt !== undefined) this.sim.at(fault.restartAt, () => this.restart(nodeId(fault.node)));
          break;
        case 'pause':
          this.sim.at(fault.at, () => this.pause(nodeId(fault.node), fault.duration));
          break;
        case 'clock':
          this.sim.at(fault.at, () => this.setClock(nodeId(fault.node), fault.skew ?? 0, fault.drift ?? 0));
          break;
        case 'lossy-link': {
          const key = linkKey(nodeId(fault.from), nodeId(fault.to));
          this.sim.at(fault.at, () => this.lossyLinks.set(key, fault.loss));
          if (fault.until !== undefined) this.sim.at(fault.until, () => this.lossyLinks.delete(key));
          break;
        }
        case 'drop-message':
          this.sim.at(fault.at, () => this.dropMessage(nodeId(fault.from), nodeId(fault.to)));
          break;
      }
    }
  }

  split(groups: NodeId[][]): void {
    this.partition = new Map();
    groups.forEach((group, index) => {
      for (const id of group) this.partition?.set(id, index);
    });
    this.record({ kind: 'partition', reason: groups.map((g) => g.join(',')).join(' | ') });
  }

  heal(): void {
    this.partition = undefined;
    this.record({ kind: 'heal' });
  }

  crash(id: NodeId): void {
    const state = this.state(id);
    if (!state.up) return;
    state.up = false;
    state.epoch++;
    state.backlog = [];
    this.record({ kind: 'crash', node: id });
  }

  restart(id: NodeId): void {
    const state = this.state(id);
    if (state.up) return;
    state.up = true;
    state.pausedUntil = 0;
    this.record({ kind: 'restart', node: id });
    (state.behaviour.restart ?? state.behaviour.start).call(state.behaviour, state.ctx);
  }

  pause(id: NodeId, duration: number): void {
    const state = this.state(id);
    if (!state.up) return;
    const until = this.sim.now + duration;
    state.pausedUntil = Math.max(state.pausedUntil, until);
    this.record({ kind: 'pause', node: id, reason: `${duration} s` });
    const epoch = state.epoch;
    this.sim.at(until, () => {
      if (state.epoch !== epoch || this.sim.now < state.pausedUntil) return;
      this.record({ kind: 'resume', node: id });
      const backlog = state.backlog;
      state.backlog = [];
      for (const work of backlog) work();
    });
  }

  /** Loses one message from `from` to `to`: the oldest in flight on that link, or else the next one sent on it. */
  dropMessage(from: NodeId, to: NodeId): void {
    for (const flight of this.flying) {
      if (flight.from !== from || flight.to !== to) continue;
      // Off the wire: on arrival it is found missing, and lost (see send).
      this.flying.delete(flight);
      return;
    }
    this.pendingDrops.push(linkKey(from, to));
  }

  setClock(id: NodeId, skew: number, drift: number): void {
    const state = this.state(id);
    // Keep the local clock continuous at the moment of change apart from the new skew.
    state.skew = skew;
    state.drift = drift;
    this.record({ kind: 'clock', node: id, reason: `skew ${skew} s, drift ${drift}` });
  }

  private state(id: NodeId): NodeState<M> {
    const state = this.nodes.get(id);
    if (!state) throw new SimInputError('node', `must be one of ${this.nodeIds.join(', ')}`, id);
    return state;
  }

  private reachable(from: NodeId, to: NodeId): boolean {
    return !this.partition || this.partition.get(from) === this.partition.get(to) || !this.partition.has(from) || !this.partition.has(to);
  }

  private send(sender: NodeState<M>, to: NodeId, message: M): void {
    if (!sender.up) return;
    const target = this.state(to);
    this.record({ kind: 'send', from: sender.id, to, message });
    const loss = this.lossyLinks.get(linkKey(sender.id, to)) ?? this.model.loss;
    if (!this.reachable(sender.id, to)) {
      this.record({ kind: 'drop', from: sender.id, to, message, reason: 'partition' });
      return;
    }
    if (loss > 0 && this.sim.random.next() < loss) {
      this.record({ kind: 'drop', from: sender.id, to, message, reason: 'loss' });
      return;
    }
    const pending = this.pendingDrops.indexOf(linkKey(sender.id, to));
    if (pending !== -1) {
      this.pendingDrops.splice(pending, 1);
      this.record({ kind: 'drop', from: sender.id, to, message, reason: 'dropped on purpose' });
      return;
    }
    const copies = this.model.duplicate > 0 && this.sim.random.next() < this.model.duplicate ? 2 : 1;
    for (let c = 0; c < copies; c++) {
      let arrival = this.sim.now + this.latency();
      if (this.model.fifo) {
        const key = linkKey(sender.id, to);
        arrival = Math.max(arrival, this.lastDelivery.get(key) ?? 0);
        this.lastDelivery.set(key, arrival);
      }
      const flight: InFlightMessage<M> = { from: sender.id, to, message, sentAt: this.sim.now, arrivesAt: arrival };
      this.flying.add(flight);
      this.sim.at(arrival, () => {
        if (!this.flying.delete(flight)) {
          this.record({ kind: 'drop', from: sender.id, to, message, reason: 'dropped on purpose' });
          return;
        }
        this.deliver(sender.id, target, message);
      });
    }
  }

  private deliver(from: NodeId, target: NodeState<M>, message: M): void {
    if (!target.up) {
      this.record({ kind: 'drop', from, to: target.id, message, reason: 'crashed' });
      return;
    }
    // A partition that began while the message was in flight still cuts it.
    if (!this.reachable(from, target.id)) {
      this.record({ kind: 'drop', from, to: target.id, message, reason: 'partition' });
      return;
    }
    const work = () => {
      this.record({ kind: 'deliver', from, to: target.id, message });
      target.behaviour.receive(target.ctx, from, message);
    };
    if (this.sim.now < target.pausedUntil) target.backlog.push(work);
    else work();
  }

  private setTimer(state: NodeState<M>, delay: number, callback: () => void): void {
    if (!(delay >= 0) || !Number.isFinite(delay)) throw new SimInputError('timer delay', 'must be a finite number ≥ 0', delay);
    const epoch = state.epoch;
    this.sim.schedule(delay / (1 + state.drift), () => {
      if (state.epoch !== epoch || !state.up) return;
      if (this.sim.now < state.pausedUntil) state.backlog.push(callback);
      else callback();
    });
  }

  private record(event: Omit<NetworkEvent<M>, 'time'>): void {
    if (this.keepLog) this.log.push({ time: this.sim.now, ...event });
  }
}
