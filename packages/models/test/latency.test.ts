import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  FIBER_SPEED_KM_PER_S,
  bandwidthDelayProductBytes,
  latencyBetween,
  oneWayFloorMs,
  rttFloorMs,
  serializationDelayS,
  slowStartTransfer,
} from '../src/latency.ts';
import { NON_FINITE, expectInputError, relative } from './helpers.ts';

describe('latency floors', () => {
  it('light in fibre travels c/1.468 ≈ 204,218 km/s, about 4.9 µs per km', () => {
    expect(FIBER_SPEED_KM_PER_S).toBeCloseTo(204_218.3, 0);
    expect(oneWayFloorMs(1)).toBeCloseTo(0.004897, 6);
  });

  it('New York to London: 5,570 km and an RTT floor of 54.6 ms (SPEC)', () => {
    const r = latencyBetween('New York', 'London');
    expect(Math.round(r.distanceKm)).toBe(5570);
    expect(Number(r.rttMs.toFixed(1))).toBe(54.6);
    expect(r.oneWayMs * 2).toBeCloseTo(r.rttMs, 12);
  });

  it('stretch scales the floor linearly and must be ≥ 1', () => {
    expect(relative(rttFloorMs(1000, 2), 2 * rttFloorMs(1000))).toBeLessThan(1e-12);
    expectInputError(() => rttFloorMs(1000, 0.9), 'stretch');
    expectInputError(() => latencyBetween('NYC', 'SF', 0.5), 'stretch');
  });

  it('is finite and monotone in distance for every valid input', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 20_040, noNaN: true }), fc.double({ min: 1, max: 5, noNaN: true }), (d, s) => {
        const rtt = rttFloorMs(d, s);
        expect(Number.isFinite(rtt)).toBe(true);
        expect(rttFloorMs(d + 1, s)).toBeGreaterThan(rtt);
      }),
    );
  });

  it('rejects invalid distances', () => {
    for (const bad of [-1, ...NON_FINITE]) expectInputError(() => oneWayFloorMs(bad), 'distanceKm');
  });
});

describe('serialization and BDP', () => {
  it('1,500 bytes on 1 Gbit/s take 12 µs', () => {
    expect(serializationDelayS(1500, 1e9)).toBeCloseTo(12e-6, 15);
  });

  it('BDP of 1 Gbit/s × 100 ms is 12.5 MB', () => {
    expect(bandwidthDelayProductBytes(1e9, 0.1)).toBe(12_500_000);
  });

  it('rejects zero bandwidth', () => {
    expectInputError(() => serializationDelayS(1, 0), 'bandwidth');
  });
});

describe('TCP slow start', () => {
  it('a payload within the initial window (10 × 1,460 B) takes one round trip', () => {
    const r = slowStartTransfer({ payloadBytes: 14_600, rttS: 0.1, bandwidth: 1e9 });
    expect(r.slowStartRounds).toBe(1);
    expect(r.timeS).toBeCloseTo(0.1, 12);
  });

  it('64 KB takes three rounds with IW10: windows of 14.6, 29.2 and 58.4 KB (RFC 6928 window, RFC 5681 doubling)', () => {
    const r = slowStartTransfer({ payloadBytes: 64_000, rttS: 0.1, bandwidth: 1e9 });
    expect(r.slowStartRounds).toBe(3);
    expect(r.reachedBandwidthLimit).toBe(false);
  });

  it('a large transfer becomes bandwidth-limited once the window covers the BDP', () => {
    const r = slowStartTransfer({ payloadBytes: 100e6, rttS: 0.05, bandwidth: 100e6 });
    expect(r.reachedBandwidthLimit).toBe(true);
    // 100 MB at 100 Mbit/s is 8 s of serialization; slow start adds a few round trips, not more.
    expect(r.timeS).toBeGreaterThan(8);
    expect(r.timeS).toBeLessThan(8 + 10 * 0.05);
  });

  it('validates window and MSS', () => {
    expectInputError(() => slowStartTransfer({ payloadBytes: 1, rttS: 0.1, bandwidth: 1e6, initialWindowSegments: 0 }), 'initialWindowSegments');
    expectInputError(() => slowStartTransfer({ payloadBytes: 1, rttS: 0.1, bandwidth: 1e6, mssBytes: 1.5 }), 'mssBytes');
  });
});
