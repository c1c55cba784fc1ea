/**
 * Great-circle distance by the haversine formula.
 *
 *   a = sin²(Δφ/2) + cos φ1 · cos φ2 · sin²(Δλ/2)
 *   d = 2R · asin(√a)
 *
 * Assumes a spherical Earth of mean radius R = 6,371 km (the IUGG mean radius R1 = 6,371.0088 km, rounded as is
 * conventional). The sphere is within about 0.5 % of the WGS-84 ellipsoid distance, far below the error of
 * assuming a cable follows the great circle at all. Latitude and longitude in decimal degrees, result in km.
 *
 * Source: R. W. Sinnott, "Virtues of the Haversine", Sky and Telescope 68(2), 1984, p. 159.
 */
import { requireFinite, ModelInputError } from './errors.ts';
import { kilometres, type Kilometres } from './units.ts';

export const EARTH_RADIUS_KM = 6_371;

export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

const toRadians = (deg: number): number => (deg * Math.PI) / 180;

export function requireLatLon(name: string, point: LatLon): LatLon {
  requireFinite(`${name}.lat`, point.lat);
  requireFinite(`${name}.lon`, point.lon);
  if (point.lat < -90 || point.lat > 90) throw new ModelInputError(`${name}.lat`, 'must be between -90 and 90', point.lat);
  if (point.lon < -180 || point.lon > 180) throw new ModelInputError(`${name}.lon`, 'must be between -180 and 180', point.lon);
  return point;
}

export function haversineKm(from: LatLon, to: LatLon, radiusKm: number = EARTH_RADIUS_KM): Kilometres {
  requireLatLon('from', from);
  requireLatLon('to', to);
  requireFinite('radiusKm', radiusKm);
  if (radiusKm <= 0) throw new ModelInputError('radiusKm', 'must be greater than 0', radiusKm);
  const dLat = toRadians(to.lat - from.lat);
  const dLon = toRadians(to.lon - from.lon);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(from.lat)) * Math.cos(toRadians(to.lat)) * Math.sin(dLon / 2) ** 2;
  // Rounding can push `a` a hair above 1 for antipodal points, and asin(>1) is NaN.
  const clamped = Math.min(1, Math.max(0, a));
  return kilometres(2 * radiusKm * Math.asin(Math.sqrt(clamped)));
}

/**
 * Points along the great circle from one place to another, by spherical linear interpolation of unit vectors,
 * for drawing routes on a map. Longitudes are in [−180, 180], so a route across the antimeridian jumps from
 * +180 to −180; a renderer breaks the line there.
 */
export function greatCirclePoints(from: LatLon, to: LatLon, segments = 64): LatLon[] {
  requireLatLon('from', from);
  requireLatLon('to', to);
  if (!Number.isInteger(segments) || segments < 1 || segments > 10_000) {
    throw new ModelInputError('segments', 'must be a whole number from 1 to 10,000', segments);
  }
  const toVector = (p: LatLon) => {
    const lat = toRadians(p.lat);
    const lon = toRadians(p.lon);
    return [Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)] as const;
  };
  const a = toVector(from);
  const b = toVector(to);
  const dot = Math.min(1, Math.max(-1, a[0] * b[0] + a[1] * b[1] + a[2] * b[2]));
  const angle = Math.acos(dot);
  const points: LatLon[] = [];
  for (let i = 0; i <= segments; i++) {
    const t = i / segments;
    // For coincident points sin(angle) is 0; the route is a single point.
    const [wa, wb] = angle < 1e-12 ? [1 - t, t] : [Math.sin((1 - t) * angle) / Math.sin(angle), Math.sin(t * angle) / Math.sin(angle)];
    const x = wa * a[0] + wb * b[0];
    const y = wa * a[1] + wb * b[1];
    const z = wa * a[2] + wb * b[2];
    points.push({ lat: (Math.atan2(z, Math.hypot(x, y)) * 180) / Math.PI, lon: (Math.atan2(y, x) * 180) / Math.PI });
  }
  return points;
}
