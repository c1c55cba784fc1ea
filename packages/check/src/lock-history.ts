/**
 * A history of a lock service with fencing tokens and of the storage it protects, one record per line:
 *
 *   {"type": "grant",   "client": "c1", "token": 33, "time": 0, "leaseUntil": 10}   the lock service grants a lease
 *   {"type": "release", "client": "c1", "token": 33, "time": 4}                    the holder gives it back
 *   {"type": "write",   "client": "c1", "token": 33, "time": 3, "accepted": true}   the storage's view of a write
 *
 * `leaseUntil` (optional) is when the grant expires; `token` is optional on a release. Times are on one clock.
 */
import { atLine, CheckInputError, requireBoolean, requireFiniteNumber, requireName, requireWholeNumber } from './errors.ts';
import { parseJsonLines } from './json-lines.ts';

interface RecordBase {
  /** 1-based line of the history. */
  readonly line: number;
  readonly client: string | number;
  readonly time: number;
}

export interface GrantRecord extends RecordBase {
  readonly type: 'grant';
  readonly token: number;
  readonly leaseUntil?: number;
}

export interface ReleaseRecord extends RecordBase {
  readonly type: 'release';
  readonly token?: number;
}

export interface WriteRecord extends RecordBase {
  readonly type: 'write';
  readonly token: number;
  readonly accepted: boolean;
}

export type LockRecord = GrantRecord | ReleaseRecord | WriteRecord;

const TYPES = ['grant', 'release', 'write'];

export function readLockRecord(record: Record<string, unknown>, line: number): LockRecord {
  return atLine(line, (): LockRecord => {
    const type = record.type;
    if (typeof type !== 'string' || !TYPES.includes(type)) throw new CheckInputError('type', `must be one of ${TYPES.join(', ')}`, type);
    const client = requireName('client', record.client);
    const time = requireFiniteNumber('time', record.time);
    if (type === 'grant') {
      const token = requireWholeNumber('token', record.token);
      if (record.leaseUntil === undefined || record.leaseUntil === null) return { type, line, client, time, token };
      const leaseUntil = requireFiniteNumber('leaseUntil', record.leaseUntil);
      if (leaseUntil < time) throw new CheckInputError('leaseUntil', `must not be before the grant's time (${time})`, leaseUntil);
      return { type, line, client, time, token, leaseUntil };
    }
    if (type === 'release') {
      if (record.token === undefined || record.token === null) return { type, line, client, time };
      return { type, line, client, time, token: requireWholeNumber('token', record.token) };
    }
    return { type: 'write', line, client, time, token: requireWholeNumber('token', record.token), accepted: requireBoolean('accepted', record.accepted) };
  });
}

export function parseLockHistory(text: string): LockRecord[] {
  return parseJsonLines(text).map(({ line, record }) => readLockRecord(record, line));
}
