/**
 * What a solution to the distributed-lock lab codes against. A solution is a module that exports two factories:
 *
 *   export function lockServer(node: LockServerNode): void       // the lock service, on the node "lock"
 *   export function lockClient(node: LockClientNode): LockClient  // each client, on "c1", "c2", ...
 *
 * (or a default export holding both). Each node runs its own copy of the module, as on separate machines: state lives
 * in the factory's closure, and the only way between nodes is `send`. The lab drives every client through the same
 * loop: acquire → a few writes to the storage while it believes it holds the lock → release → a short rest, and again.
 * It records what the lock service granted and what the storage accepted, and checks that record for mutual exclusion.
 *
 * Everything runs in virtual time on the simulator: no Date, no setTimeout, no Math.random, no promises (a promise
 * settles outside virtual time). Use `now`, `setTimer` and `random` instead; the run is then a pure function of its
 * seed, and a failure replays exactly.
 */

/** Plain data (numbers, strings, booleans, null, arrays, objects). It is copied on send: no shared objects. */
export type Message = unknown;

export interface LabNode {
  /** This node's name: "lock" for the lock service, "c1", "c2", ... for clients. */
  readonly id: string;
  /** The lock service's name ("lock"). */
  readonly serverId: string;
  /** The clients' names, in order. */
  readonly clients: readonly string[];
  /** Every other node this one may `send` to (the lock service and the clients; the storage is reached through `storage`). */
  readonly peers: readonly string[];
  /** This node's own clock, in seconds. It may be skewed or drift (see the clock-skew schedule): it is all a node knows of time. */
  now(): number;
  /** Sends plain data to another node. It may arrive late, out of order, or not at all under a fault. */
  send(to: string, message: Message): void;
  /** Calls `callback` after `delaySeconds` of this node's clock. A paused node runs it when it resumes; a crashed node never. */
  setTimer(delaySeconds: number, callback: () => void): void;
  /** Sets the function that receives this node's messages (calling it again replaces the handler). */
  onMessage(handler: (from: string, message: any) => void): void;
  /** A number in [0, 1) from this node's seeded stream. */
  random(): number;
  /** A line of text on the run's timeline, for debugging. */
  log(text: string): void;
  /** Survives a crash and restart (like a disk); everything else the factory built is lost and the factory runs again. */
  readonly durable: Record<string, unknown>;
}

export interface LockServerNode extends LabNode {
  /**
   * Tells the lab that `client` now holds the lock, under fencing `token` (a whole number ≥ 0) until `leaseUntil` on
   * this node's clock. Call it when you decide to grant, before telling the client. A server without tokens passes
   * `undefined` and the lab numbers the grant itself, only to tell one hold from the next in the record.
   */
  granted(client: string, token: number | undefined, leaseUntil?: number): void;
}

export interface Storage {
  /**
   * Writes `value` to the shared storage, a node of its own across the network. With a token, the storage accepts
   * the write only if the token is at least the highest it has accepted so far (fencing); without one it accepts
   * every write. `callback` (optional) hears whether the write was accepted, if the reply gets back.
   */
  write(token: number | undefined, value: Message, callback?: (accepted: boolean) => void): void;
}

export interface LockClientNode extends LabNode {
  readonly storage: Storage;
}

/** What `lockClient(node)` returns: the two operations the lab's workload calls. */
export interface LockClient {
  /**
   * Obtain the lock, then call `done(token)` exactly once, with the fencing token to present to the storage (or
   * `undefined` for none). The lab writes with that token until it calls `release`.
   */
  acquire(done: (token?: number) => void): void;
  /** Give the lock back; `token` is what `acquire` handed over. Nothing waits for it to arrive. */
  release(token?: number): void;
}

export interface Solution {
  lockServer(node: LockServerNode): unknown;
  lockClient(node: LockClientNode): LockClient;
}

/**
 * A solution loaded from source text (see load-solution.ts): `instantiate` evaluates a fresh copy of the module, so
 * every node gets its own module-level state and a rerun starts from scratch.
 */
export interface LoadedSolution {
  instantiate(): Solution;
}
