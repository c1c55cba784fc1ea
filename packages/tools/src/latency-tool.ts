/**
 * The Latency Calculator's logic: its URL fields and the report it shows. The island only renders this.
 */
import {
  bestLeader,
  greatCirclePoints,
  HANDSHAKE_STACKS,
  latencyBetweenPlaces,
  lookupPlace,
  majority,
  type Place,
  rttMatrixFromPlaces,
  slowStartTransfer,
  timeToFirstByteMs,
  timeToFirstByteRoundTrips,
} from '@compendium/models';
import { type FieldSet, listField, numberField, quote, type ValuesOf } from './fields.ts';

export const DEFAULT_PLACES = ['new-york', 'london', 'tokyo'] as const;
/** An assumed detour factor for real cable routes; the reader is expected to change it. */
export const DEFAULT_STRETCH = 1.5;
export const MAX_PLACES = 8;

export const latencyFields = {
  places: listField<Place>({
    key: 'places',
    label: 'Places',
    defaultValue: DEFAULT_PLACES.map((id) => lookupPlace(id) as Place),
    minItems: 2,
    maxItems: MAX_PLACES,
    item: (raw) => {
      const place = lookupPlace(raw);
      return place ? { ok: true, value: place } : { ok: false, message: `no city or cloud region is called ${quote(raw)}` };
    },
    formatItem: (place) => place.id,
  }),
  stretch: numberField({ key: 'stretch', label: 'Route stretch', defaultValue: DEFAULT_STRETCH, min: 1, max: 10 }),
  payload: numberField({ key: 'payload', label: 'Payload', defaultValue: 1_000_000, min: 0, max: 1e12, integer: true, unit: 'bytes' }),
  bandwidth: numberField({ key: 'bandwidth', label: 'Bandwidth', defaultValue: 100, above: 0, max: 1e6, unit: 'Mbit/s' }),
} satisfies FieldSet;

export type LatencyValues = ValuesOf<typeof latencyFields>;

export interface RoutePath {
  from: string;
  to: string;
  /** Polylines in (lon, lat), split where the route crosses the antimeridian. */
  segments: { lon: number; lat: number }[][];
}

export function routePath(from: Place, to: Place, steps = 48): RoutePath {
  const points = greatCirclePoints(from, to, steps);
  const segments: { lon: number; lat: number }[][] = [[]];
  for (const [i, point] of points.entries()) {
    const previous = points[i - 1];
    if (previous && Math.abs(point.lon - previous.lon) > 180) segments.push([]);
    segments.at(-1)!.push({ lon: point.lon, lat: point.lat });
  }
  return { from: from.id, to: to.id, segments };
}

export function latencyReport(values: LatencyValues) {
  const places = values.places;
  const [a, b] = places as [Place, Place];
  const floor = latencyBetweenPlaces(a, b, 1);
  const route = latencyBetweenPlaces(a, b, values.stretch);
  const firstByte = HANDSHAKE_STACKS.map((stack) => ({
    id: stack.id,
    label: stack.label,
    roundTrips: timeToFirstByteRoundTrips(stack.id),
    ms: timeToFirstByteMs(stack.id, route.rttMs),
    source: stack.source,
  }));
  const transfer = slowStartTransfer({ payloadBytes: values.payload, rttS: route.rttMs / 1000, bandwidth: values.bandwidth * 1e6 });
  const matrix = rttMatrixFromPlaces(places, values.stretch);
  const leader = places.length >= 3 ? bestLeader(matrix) : undefined;
  /** A leader commits once a majority, itself included, has the entry. */
  const acksNeeded = majority(places.length) - 1;
  const routes: RoutePath[] = [];
  for (let i = 0; i < places.length; i++) for (let j = i + 1; j < places.length; j++) routes.push(routePath(places[i]!, places[j]!));
  return { places, floor, route, firstByte, transfer, matrix, leader, acksNeeded, routes };
}

export type LatencyReport = ReturnType<typeof latencyReport>;

/** Equirectangular projection onto a 360 × 180 box: the map's base layer uses the same one. */
export function project(point: { lon: number; lat: number }): [number, number] {
  return [point.lon + 180, 90 - point.lat];
}
