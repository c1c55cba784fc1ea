/**
 * The lease of naive-lease.ts plus a fencing token (Kleppmann, "How to do distributed locking", 2016). Every grant
 * carries a number one higher than the grant before, and the client hands it to the storage with each write. The
 * storage remembers the highest token it has accepted and refuses anything lower.
 *
 * A client that pauses past its lease still wakes up believing it holds the lock, and still writes. That is not
 * prevented, and cannot be: what changes is that its write now carries an old token, and once the next holder has
 * written with a higher one, the storage rejects the late write. The lease keeps the lock available when a holder
 * dies; the token keeps the data safe when a holder is merely slow.
 *
 * The counter lives in `node.durable`, so a lock server that crashes and restarts never hands out a token twice.
 */
import type { LockClient, LockClientNode, LockServerNode } from '../src/api.ts';

const LEASE = 2; // seconds
const RETRY = 0.5; // seconds between requests while the lock is taken

export function lockServer(node: LockServerNode): void {
  let holder: string | undefined;
  let leaseUntil = 0;
  let current: { request: number; token: number } | undefined;

  node.onMessage((from, message) => {
    if (message.type === 'acquire') {
      const free = holder === undefined || node.now() >= leaseUntil;
      if (holder === from && current && message.request === current.request && !free) {
        node.send(from, { type: 'granted', request: current.request, token: current.token }); // the reply was lost
      } else if (free) {
        const token = ((node.durable.lastToken as number | undefined) ?? 0) + 1;
        node.durable.lastToken = token;
        holder = from;
        current = { request: message.request, token };
        leaseUntil = node.now() + LEASE;
        node.granted(from, token, leaseUntil);
        node.send(from, { type: 'granted', request: message.request, token });
      }
    } else if (message.type === 'release' && from === holder && message.token === current?.token) {
      holder = undefined;
    }
  });
}

export function lockClient(node: LockClientNode): LockClient {
  let request = 0;
  let waiting: ((token: number) => void) | undefined;

  node.onMessage((_from, message) => {
    if (message.type === 'granted' && message.request === request && waiting) {
      const done = waiting;
      waiting = undefined;
      done(message.token);
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
      waiting = (token) => done(token);
      ask(request);
    },
    release(token) {
      node.send(node.serverId, { type: 'release', token });
    },
  };
}
