/**
 * Connection set-up cost in round trips, and time to first byte.
 *
 *   TTFB = (set-up round trips + 1) × RTT
 *
 * The extra round trip is the request and its response. Counts are the full (not resumed) handshakes unless
 * the name says 0-RTT, ignore server processing time, and assume no packet loss:
 *   - TCP three-way handshake: 1 RTT before data (RFC 9293, 2022; the client may send data with the third segment).
 *   - TLS 1.2 full handshake: 2 RTT on top of TCP (RFC 5246, Dierks & Rescorla, 2008).
 *   - TLS 1.3 full handshake: 1 RTT on top of TCP (RFC 8446, Rescorla, 2018).
 *   - QUIC: transport and TLS 1.3 combined, 1 RTT in total (RFC 9000 and RFC 9001, Iyengar & Thomson, 2021);
 *     0 RTT on resumption, when the client may send early data with its first flight (replay caveats apply).
 */
import { ModelInputError, requireNonNegative } from './errors.ts';
import { milliseconds, type Milliseconds } from './units.ts';

export interface HandshakeStack {
  readonly id: string;
  readonly label: string;
  /** Round trips spent before the first request byte can be sent. */
  readonly setupRoundTrips: number;
  readonly source: string;
}

export const HANDSHAKE_STACKS = [
  { id: 'tcp', label: 'TCP (no TLS)', setupRoundTrips: 1, source: 'RFC 9293 (2022), §3.5' },
  { id: 'tcp+tls1.2', label: 'TCP + TLS 1.2', setupRoundTrips: 3, source: 'RFC 9293; RFC 5246 (2008), §7.3' },
  { id: 'tcp+tls1.3', label: 'TCP + TLS 1.3', setupRoundTrips: 2, source: 'RFC 9293; RFC 8446 (2018), §2' },
  { id: 'quic', label: 'QUIC (HTTP/3), first connection', setupRoundTrips: 1, source: 'RFC 9000 (2021), §7; RFC 9001' },
  { id: 'quic-0rtt', label: 'QUIC 0-RTT resumption', setupRoundTrips: 0, source: 'RFC 9001 (2021), §4.6' },
] as const satisfies readonly HandshakeStack[];

export type HandshakeStackId = (typeof HANDSHAKE_STACKS)[number]['id'];

/** Round trips for the individual handshakes, for tables that list them one by one. */
export const HANDSHAKE_ROUND_TRIPS = {
  tcp: 1,
  'tls1.2': 2,
  'tls1.3': 1,
  quic: 1,
  'quic-0rtt': 0,
} as const;

export function handshakeStack(id: string): HandshakeStack {
  const stack = HANDSHAKE_STACKS.find((s) => s.id === id);
  if (!stack) {
    throw new ModelInputError('stack', `must be one of ${HANDSHAKE_STACKS.map((s) => s.id).join(', ')}`, id);
  }
  return stack;
}

export function setupTimeMs(stackId: HandshakeStackId, rttMs: Milliseconds | number): Milliseconds {
  requireNonNegative('rttMs', rttMs);
  return milliseconds(handshakeStack(stackId).setupRoundTrips * rttMs);
}

/** Round trips until the first response byte arrives: set-up plus one request/response. */
export function timeToFirstByteRoundTrips(stackId: HandshakeStackId): number {
  return handshakeStack(stackId).setupRoundTrips + 1;
}

export function timeToFirstByteMs(stackId: HandshakeStackId, rttMs: Milliseconds | number): Milliseconds {
  requireNonNegative('rttMs', rttMs);
  return milliseconds(timeToFirstByteRoundTrips(stackId) * rttMs);
}
