/**
 * Physical latency floors, serialization, bandwidth-delay product and TCP slow start.
 *
 *   fiber speed       v = c / n,  c = 299,792.458 km/s (exact, SI), n = 1.468 (group index of standard
 *                     single-mode fibre, ITU-T G.652, near 1,550 nm) → v ≈ 204,218 km/s, ≈ 4.90 µs per km
 *   one-way floor     t = distance × stretch / v
 *   RTT floor         2 t
 *   serialization     bytes × 8 / bandwidth
 *   BDP               bandwidth × RTT / 8 (bytes in flight needed to fill the pipe)
 *
 * Stretch is the route length divided by the great-circle length (≥ 1): cables follow coasts, seabeds and rights
 * of way, not geodesics. Measured Internet paths run roughly 1.5–3× the great-circle distance (Singla et al.,
 * "The Internet at the Speed of Light", HotNets 2014), so a stretch of 1 gives a floor no network can beat.
 *
 * Sources: BIPM, SI Brochure, 9th ed. (2019) for c; ITU-T Recommendation G.652 (2016) for single-mode fibre;
 * RFC 6928 (Chu et al., 2013) for the 10-segment initial window; RFC 5681 (Allman et al., 2009) for slow start.
 */
import { requireAtLeast, requireFinite, requireInteger, requireNonNegative, requirePositive } from './errors.ts';
import { haversineKm } from './geo.ts';
import { findPlace, type Place } from './cities.ts';
import {
  bytes,
  kilometres,
  kilometresPerSecond,
  milliseconds,
  seconds,
  type BitsPerSecond,
  type Bytes,
  type Kilometres,
  type KilometresPerSecond,
  type Milliseconds,
  type Seconds,
} from './units.ts';

export const SPEED_OF_LIGHT_KM_PER_S = 299_792.458;
export const FIBER_REFRACTIVE_INDEX = 1.468;
export const FIBER_SPEED_KM_PER_S: KilometresPerSecond = kilometresPerSecond(SPEED_OF_LIGHT_KM_PER_S / FIBER_REFRACTIVE_INDEX);
export const DEFAULT_STRETCH = 1;
/** RFC 6928: an initial congestion window of 10 segments. */
export const DEFAULT_INITIAL_WINDOW_SEGMENTS = 10;
/** The usual Ethernet MSS: 1,500-byte MTU minus 20 bytes of IPv4 and 20 of TCP header. */
export const DEFAULT_MSS_BYTES = 1_460;

function requireStretch(stretch: number): number {
  return requireAtLeast('stretch', stretch, 1);
}

/** One-way propagation floor in fibre over `distanceKm` of great circle, scaled by route stretch. */
export function oneWayFloorMs(distanceKm: Kilometres | number, stretch: number = DEFAULT_STRETCH): Milliseconds {
  requireNonNegative('distanceKm', distanceKm);
  requireStretch(stretch);
  return milliseconds(((distanceKm * stretch) / FIBER_SPEED_KM_PER_S) * 1000);
}

export function rttFloorMs(distanceKm: Kilometres | number, stretch: number = DEFAULT_STRETCH): Milliseconds {
  return milliseconds(2 * oneWayFloorMs(distanceKm, stretch));
}

export interface LatencyEstimate {
  readonly from: Place;
  readonly to: Place;
  readonly distanceKm: Kilometres;
  readonly routeKm: Kilometres;
  readonly stretch: number;
  readonly oneWayMs: Milliseconds;
  readonly rttMs: Milliseconds;
}

export function latencyBetweenPlaces(from: Place, to: Place, stretch: number = DEFAULT_STRETCH): LatencyEstimate {
  requireStretch(stretch);
  const distanceKm = haversineKm(from, to);
  return {
    from,
    to,
    distanceKm,
    routeKm: kilometres(distanceKm * stretch),
    stretch,
    oneWayMs: oneWayFloorMs(distanceKm, stretch),
    rttMs: rttFloorMs(distanceKm, stretch),
  };
}

/** Looks both places up by id, name or alias (see `findPlace`), then computes the floors. */
export function latencyBetween(fromQuery: string, toQuery: string, stretch: number = DEFAULT_STRETCH): LatencyEstimate {
  requireStretch(stretch);
  return latencyBetweenPlaces(findPlace(fromQuery, 'from'), findPlace(toQuery, 'to'), stretch);
}

/** Time to clock `payloadBytes` onto a link of `bandwidth` bits per second. */
export function serializationDelayS(payloadBytes: Bytes | number, bandwidth: BitsPerSecond | number): Seconds {
  requireNonNegative('payloadBytes', payloadBytes);
  requirePositive('bandwidth', bandwidth);
  return seconds((payloadBytes * 8) / bandwidth);
}

/** Bytes that must be in flight to keep a link of `bandwidth` bit/s busy over one `rttS`. */
export function bandwidthDelayProductBytes(bandwidth: BitsPerSecond | number, rttS: Seconds | number): Bytes {
  requirePositive('bandwidth', bandwidth);
  requireNonNegative('rttS', rttS);
  return bytes((bandwidth * rttS) / 8);
}

export interface SlowStartInput {
  readonly payloadBytes: number;
  readonly rttS: number;
  /** Bottleneck bandwidth in bits per second. */
  readonly bandwidth: number;
  readonly initialWindowSegments?: number;
  readonly mssBytes?: number;
}

export interface SlowStartResult {
  /** Whole round trips spent in slow start (each sends one congestion window). */
  readonly slowStartRounds: number;
  /** Bytes still to send once the window covers the bandwidth-delay product. */
  readonly bytesAfterSlowStart: number;
  readonly reachedBandwidthLimit: boolean;
  readonly bdpBytes: number;
  readonly timeS: Seconds;
}

/**
 * Transfer time of a payload on a fresh TCP connection (handshake excluded).
 *
 * Simplified model, deliberately: no loss, no delayed ACKs, an unlimited receive window, and the window doubles
 * every round trip (RFC 5681 slow start) starting from `initialWindowSegments × mssBytes`. Each slow-start round
 * costs one full RTT, including the last. Once the window reaches the bandwidth-delay product the connection is
 * bandwidth-limited and the remaining bytes take their serialization time plus one RTT for the last of them to
 * be delivered and acknowledged. Real stacks (pacing, HyStart, CUBIC) differ in detail; the round-trip count is
 * the lesson.
 */
export function slowStartTransfer(input: SlowStartInput): SlowStartResult {
  const payload = requireNonNegative('payloadBytes', input.payloadBytes);
  const rtt = requireNonNegative('rttS', input.rttS);
  const bandwidth = requirePositive('bandwidth', input.bandwidth);
  const iw = requireInteger('initialWindowSegments', input.initialWindowSegments ?? DEFAULT_INITIAL_WINDOW_SEGMENTS, 1);
  const mss = requireInteger('mssBytes', input.mssBytes ?? DEFAULT_MSS_BYTES, 1);
  requireFinite('payloadBytes', payload);

  const bdp = (bandwidth * rtt) / 8;
  let window = iw * mss;
  let remaining = payload;
  let rounds = 0;
  while (remaining > 0 && window < bdp) {
    remaining -= Math.min(window, remaining);
    rounds += 1;
    window *= 2;
  }
  const reachedBandwidthLimit = remaining > 0;
  const tail = reachedBandwidthLimit ? (remaining * 8) / bandwidth + rtt : 0;
  return {
    slowStartRounds: rounds,
    bytesAfterSlowStart: remaining,
    reachedBandwidthLimit,
    bdpBytes: bdp,
    timeS: seconds(rounds * rtt + tail),
  };
}
