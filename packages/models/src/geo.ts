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
