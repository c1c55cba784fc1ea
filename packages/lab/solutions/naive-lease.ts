/**
 * A lock with a lease and nothing else. The server grants the lock to one client at a time, for LEASE seconds of its
 * own clock; the client writes without a token, trusting that it still holds the lock.
 *
 * It looks safe, and in a calm run it is. But a client can stop for longer than the lease (a garbage-collection
 * pause, a page fault, a VM migration), and nothing tells it so: when it wakes up it carries on writing. Meanwhile
 * the lease has run out on the server, another client holds the lock, and the two clients' writes interleave.
 * Run it under the gc-pause schedule to see it happen (Kleppmann, "How to do distributed locking", 2016).
 */
import type { LockClient, LockClientNode, LockServerNode } from '../src/api.ts';

const LEASE = 2; // seconds
const RETRY = 0.5; // seconds between requests while the lock is taken

export function lockServer(node: LockServerNode): void {
  let holder: string | undefined;
  let leaseUntil = 0;
  let request: number | undefined;

  node.onMessage((from, message) => {
    if (message.type === 'acquire') {
      const free = holder === undefined || node.now() >= leaseUntil;
      if (holder === from && message.request === request && !free) {
        node.send(from, { type: 'granted', request }); // our reply was lost: say it again
      } else if (free) {
        holder = from;
        request = message.request;
        leaseUntil = node.now() + LEASE;
        node.granted(from, undefined, leaseUntil); // no token: nothing for the storage to check
        node.send(from, { type: 'granted', request });
      }
      // Taken: no answer; the client asks again.
    } else if (message.type === 'release' && from === holder) {
      holder = undefined;
    }
  });
}

export function lockClient(node: LockClientNode): LockClient {
  let request = 0;
  let waiting: (() => void) | undefined;

  node.onMessage((_from, message) => {
    if (message.type === 'granted' && message.request === request && waiting) {
      const done = waiting;
      waiting = undefined;
      done();
    }
  });

  const ask = (forRequest: number) => {
    if (forRequest !== request || !waiting) return;
    node.send(node.serverId, { type: 'acquire', request: forRequest });
    node.setTimer(RETRY, () => ask(forRequest));
  };

  return {
    acquire(done) {
      request += 1;
      waiting = () => done(undefined);
      ask(request);
    },
    release() {
      node.send(node.serverId, { type: 'release' });
    },
  };
}
