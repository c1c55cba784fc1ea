/**
 * A fault schedule ("nemesis", after Jepsen) as plain data: it can be validated, written into a URL, shared and replayed.
 * Times are virtual seconds from the start of the run.
 */
import { requireFinite, requireNonNegative, requirePositive, requireProbability, SimInputError } from './errors.ts';

export type Fault =
  /** Nodes in different groups cannot reach each other until `healAt` (or the end of the run). */
  | { kind: 'partition'; at: number; groups: string[][]; healAt?: number }
  /** The node stops and loses its volatile state; it restarts at `restartAt`, if given. */
  | { kind: 'crash'; at: number; node: string; restartAt?: number }
  /** A stop-the-world pause (a GC, a VM migration): the node runs nothing and receives nothing for `duration`. */
  | { kind: 'pause'; at: number; node: string; duration: number }
  /** From `at`, the node's clock is offset by `skew` seconds and runs fast by `drift` (0.0001 = 100 ppm). */
  | { kind: 'clock'; at: number; node: string; skew?: number; drift?: number }
  /** From `at` to `until`, messages from `from` to `to` are lost with probability `loss`. */
  | { kind: 'lossy-link'; at: number; from: string; to: string; loss: number; until?: number }
  /** The first message from `from` to `to` that is in flight at `at`, or sent after it, is lost: one message, chosen. */
  | { kind: 'drop-message'; at: number; from: string; to: string };

export type Nemesis = readonly Fault[];

const KINDS = ['partition', 'crash', 'pause', 'clock', 'lossy-link', 'drop-message'];

export function validateNemesis(nemesis: Nemesis, nodes: readonly string[]): Nemesis {
  if (!Array.isArray(nemesis)) throw new SimInputError('nemesis', 'must be a list of faults');
  const known = new Set(nodes);
  const node = (name: string, value: unknown) => {
    if (typeof value !== 'string' || !known.has(value)) throw new SimInputError(name, `must be one of the nodes ${nodes.join(', ')}`, value);
  };
  nemesis.forEach((fault, i) => {
    const at = `nemesis[${i}]`;
    if (!fault || !KINDS.includes(fault.kind)) throw new SimInputError(`${at}.kind`, `must be one of ${KINDS.join(', ')}`, fault?.kind);
    requireNonNegative(`${at}.at`, fault.at);
    switch (fault.kind) {
      case 'partition': {
        if (!Array.isArray(fault.groups) || fault.groups.length < 2) throw new SimInputError(`${at}.groups`, 'must list at least two groups of nodes');
        const seen = new Set<string>();
        fault.groups.forEach((group: readonly string[], g: number) => {
          group.forEach((n: string, j: number) => {
            node(`${at}.groups[${g}][${j}]`, n);
            if (seen.has(n)) throw new SimInputError(`${at}.groups`, 'must not put a node in two groups', n);
            seen.add(n);
          });
        });
        if (fault.healAt !== undefined && !(requireFinite(`${at}.healAt`, fault.healAt) > fault.at)) {
          throw new SimInputError(`${at}.healAt`, `must be after at (${fault.at})`, fault.healAt);
        }
        break;
      }
      case 'crash':
        node(`${at}.node`, fault.node);
        if (fault.restartAt !== undefined && !(requireFinite(`${at}.restartAt`, fault.restartAt) > fault.at)) {
          throw new SimInputError(`${at}.restartAt`, `must be after at (${fault.at})`, fault.restartAt);
        }
        break;
      case 'pause':
        node(`${at}.node`, fault.node);
        requirePositive(`${at}.duration`, fault.duration);
        break;
      case 'clock':
        node(`${at}.node`, fault.node);
        if (fault.skew !== undefined) requireFinite(`${at}.skew`, fault.skew);
        if (fault.drift !== undefined && !(requireFinite(`${at}.drift`, fault.drift) > -1)) throw new SimInputError(`${at}.drift`, 'must be greater than -1', fault.drift);
        break;
      case 'lossy-link':
        node(`${at}.from`, fault.from);
        node(`${at}.to`, fault.to);
        requireProbability(`${at}.loss`, fault.loss);
        if (fault.until !== undefined && !(requireFinite(`${at}.until`, fault.until) > fault.at)) throw new SimInputError(`${at}.until`, `must be after at (${fault.at})`, fault.until);
        break;
      case 'drop-message':
        node(`${at}.from`, fault.from);
        node(`${at}.to`, fault.to);
        if (fault.from === fault.to) throw new SimInputError(`${at}.to`, 'must differ from from', fault.to);
        break;
    }
  });
  return nemesis;
}

/** URL-safe text for a schedule (base64url of its JSON), and back; a malformed string is an error naming the field. */
export function encodeNemesis(nemesis: Nemesis): string {
  const bytes = new TextEncoder().encode(JSON.stringify(nemesis));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function decodeNemesis(text: string, nodes: readonly string[]): Nemesis {
  let parsed: unknown;
  try {
    const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
    parsed = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
  } catch {
    throw new SimInputError('nemesis', 'must be a fault schedule encoded by this site (base64url JSON)');
  }
  return validateNemesis(parsed as Nemesis, nodes);
}
