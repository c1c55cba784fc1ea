/**
 * checkMutualExclusion: did a lock with fencing tokens keep its holders out of each other's way, as the storage saw?
 *
 * A lease alone cannot: a holder that pauses (GC, page fault, a slow network) past its lease still believes it holds
 * the lock, and its late write lands after the next holder's. Fencing (Kleppmann 2016, "How to do distributed
 * locking") makes the storage the judge: the lock service hands out tokens that increase with every grant, and the
 * storage refuses any write whose token is lower than the highest it has accepted. Four checks, each a pure pass
 * over the records in time order (ties in history order):
 *
 * - token-order: tokens strictly increase in grant order (else fencing cannot tell holders apart).
 * - fencing: the storage never accepts a token lower than the highest it has already accepted.
 * - overlap: the mutual-exclusion violation. Holds are ordered by grant; once the storage has accepted a write of a
 *   later hold of another client, accepting one from an earlier hold means two holders' writes interleaved: the
 *   earlier holder acted on a lock it no longer had. Reported once per pair of holds, with the two grants and the
 *   two writes that prove it.
 * - unknown-token: an accepted write whose client was never granted that token (before the write).
 *
 * Rejected writes never violate safety; they are what fencing looks like when it works.
 */
import type { GrantRecord, LockRecord, WriteRecord } from './lock-history.ts';

/** A time as a reader checks it against the record: six significant digits, not the float's seventeen. */
const t = (time: number): string => String(Number(time.toPrecision(6)));

export type LockViolationKind = 'token-order' | 'fencing' | 'overlap' | 'unknown-token';

export interface LockViolation {
  readonly kind: LockViolationKind;
  /** One sentence a reader can check against the records. */
  readonly message: string;
  readonly clients: readonly (string | number)[];
  /** The offending records, in time order, with their lines. */
  readonly records: readonly LockRecord[];
}

export interface MutualExclusionResult {
  /** True when no check found a violation. */
  readonly mutualExclusion: boolean;
  readonly violations: readonly LockViolation[];
  readonly records: number;
  readonly grants: number;
  readonly writes: number;
  readonly acceptedWrites: number;
}

const inTimeOrder = <T extends LockRecord>(records: readonly T[]): T[] => [...records].sort((a, b) => a.time - b.time || a.line - b.line);
const holderKey = (client: string | number, token: number): string => `${JSON.stringify(client)}#${token}`;
const name = (client: string | number): string => (typeof client === 'string' ? client : `client ${client}`);

function tokenOrderViolations(grants: readonly GrantRecord[]): LockViolation[] {
  const out: LockViolation[] = [];
  let highest: GrantRecord | undefined;
  for (const grant of grants) {
    if (highest && grant.token <= highest.token) {
      out.push({
        kind: 'token-order',
        message: `token ${grant.token} granted to ${name(grant.client)} at ${t(grant.time)} does not exceed token ${highest.token} granted to ${name(highest.client)} at ${t(highest.time)}; fencing needs tokens that increase with every grant`,
        clients: [highest.client, grant.client],
        records: [highest, grant],
      });
    }
    if (!highest || grant.token > highest.token) highest = grant;
  }
  return out;
}

function fencingViolations(accepted: readonly WriteRecord[]): LockViolation[] {
  const out: LockViolation[] = [];
  const reported = new Set<string>();
  let highest: WriteRecord | undefined;
  for (const write of accepted) {
    if (highest && write.token < highest.token) {
      const pair = `${write.token}<${highest.token}`;
      if (!reported.has(pair)) {
        reported.add(pair);
        out.push({
          kind: 'fencing',
          message: `the storage accepted token ${write.token} from ${name(write.client)} at ${t(write.time)} after accepting token ${highest.token} from ${name(highest.client)} at ${t(highest.time)}; a fenced storage rejects tokens lower than the highest it has accepted`,
          clients: [highest.client, write.client],
          records: [highest, write],
        });
      }
    }
    if (!highest || write.token > highest.token) highest = write;
  }
  return out;
}

/** The hold (index in grant order) a write was made under: the last grant of its token to its client before it. */
function holdOfWrite(holds: ReadonlyMap<string, readonly number[]>, grants: readonly GrantRecord[], write: WriteRecord): number | undefined {
  const candidates = holds.get(holderKey(write.client, write.token)) ?? [];
  let found: number | undefined;
  for (const hold of candidates) if (grants[hold]!.time <= write.time) found = hold;
  return found;
}

function overlapAndUnknownViolations(grants: readonly GrantRecord[], accepted: readonly WriteRecord[]): LockViolation[] {
  const holds = new Map<string, number[]>();
  grants.forEach((grant, hold) => {
    const key = holderKey(grant.client, grant.token);
    holds.set(key, [...(holds.get(key) ?? []), hold]);
  });
  const out: LockViolation[] = [];
  const firstWriteOfHold = new Map<number, WriteRecord>();
  /** Holds with an accepted write so far, ascending: a write of hold h interleaves with each later one here. */
  const writtenHolds: number[] = [];
  const reported = new Set<string>();
  for (const write of accepted) {
    const hold = holdOfWrite(holds, grants, write);
    if (hold === undefined) {
      out.push({
        kind: 'unknown-token',
        message: `the storage accepted a write from ${name(write.client)} at ${t(write.time)} with token ${write.token}, which was never granted to it before then`,
        clients: [write.client],
        records: [write],
      });
      continue;
    }
    if (!firstWriteOfHold.has(hold)) {
      firstWriteOfHold.set(hold, write);
      let at = writtenHolds.length;
      while (at > 0 && writtenHolds[at - 1]! > hold) at--;
      writtenHolds.splice(at, 0, hold);
    }
    const mine = grants[hold]!;
    // A client's own earlier and later holds (a renewal) are not two holders; only other clients' holds count.
    for (let i = writtenHolds.length - 1; i >= 0 && writtenHolds[i]! > hold; i--) {
      const later = writtenHolds[i]!;
      const theirs = grants[later]!;
      if (theirs.client === mine.client || reported.has(`${hold}/${later}`)) continue;
      reported.add(`${hold}/${later}`);
      const theirWrite = firstWriteOfHold.get(later)!;
      const expired = mine.leaseUntil !== undefined && write.time > mine.leaseUntil ? `, after its lease expired at ${t(mine.leaseUntil)}` : '';
      out.push({
        kind: 'overlap',
        message: `${name(mine.client)} (token ${mine.token}, granted at ${t(mine.time)}) had a write accepted at ${t(write.time)}${expired}, after ${name(theirs.client)} (token ${theirs.token}, granted at ${t(theirs.time)}) had a write accepted at ${t(theirWrite.time)}: the two holders' writes interleave`,
        clients: [mine.client, theirs.client],
        records: inTimeOrder([mine, theirs, theirWrite, write]),
      });
    }
  }
  return out;
}

export function checkMutualExclusion(records: readonly LockRecord[]): MutualExclusionResult {
  const grants = inTimeOrder(records.filter((r): r is GrantRecord => r.type === 'grant'));
  const writes = records.filter((r): r is WriteRecord => r.type === 'write');
  const accepted = inTimeOrder(writes.filter((w) => w.accepted));
  const violations = [...tokenOrderViolations(grants), ...fencingViolations(accepted), ...overlapAndUnknownViolations(grants, accepted)];
  return {
    mutualExclusion: violations.length === 0,
    violations,
    records: records.length,
    grants: grants.length,
    writes: writes.length,
    acceptedWrites: accepted.length,
  };
}
