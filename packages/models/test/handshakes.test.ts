import { describe, expect, it } from 'vitest';
import { HANDSHAKE_ROUND_TRIPS, handshakeStack, setupTimeMs, timeToFirstByteMs, timeToFirstByteRoundTrips } from '../src/handshakes.ts';
import { expectInputError } from './helpers.ts';

describe('handshakes', () => {
  it('round trips per RFC: TCP 1, TLS 1.2 2, TLS 1.3 1, QUIC 1, QUIC 0-RTT 0', () => {
    expect(HANDSHAKE_ROUND_TRIPS).toEqual({ tcp: 1, 'tls1.2': 2, 'tls1.3': 1, quic: 1, 'quic-0rtt': 0 });
    expect(handshakeStack('tcp+tls1.2').setupRoundTrips).toBe(3);
    expect(handshakeStack('tcp+tls1.3').setupRoundTrips).toBe(2);
  });

  it('time to first byte is set-up plus one request/response round trip', () => {
    expect(timeToFirstByteRoundTrips('tcp+tls1.2')).toBe(4);
    expect(timeToFirstByteRoundTrips('quic-0rtt')).toBe(1);
    expect(timeToFirstByteMs('tcp+tls1.3', 54.6)).toBeCloseTo(163.8, 10);
    expect(setupTimeMs('quic', 20)).toBe(20);
  });

  it('rejects unknown stacks and negative RTTs', () => {
    expectInputError(() => handshakeStack('sctp'), 'stack');
    expectInputError(() => timeToFirstByteMs('tcp', -1), 'rttMs');
  });
});
