import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EARTH_RADIUS_KM, greatCirclePoints, haversineKm } from '../src/geo.ts';
import { expectInputError, relative } from './helpers.ts';

const point = fc.record({ lat: fc.double({ min: -90, max: 90, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }) });

describe('haversineKm', () => {
  it('New York to London ≈ 5,570 km (SPEC; GeoNames coordinates, R = 6,371 km)', () => {
    const d = haversineKm({ lat: 40.7143, lon: -74.006 }, { lat: 51.5085, lon: -0.1257 });
    expect(Math.round(d)).toBe(5570);
  });

  it('a quarter of the equator is πR/2 and antipodes are πR', () => {
    expect(relative(haversineKm({ lat: 0, lon: 0 }, { lat: 0, lon: 90 }), (Math.PI * EARTH_RADIUS_KM) / 2)).toBeLessThan(1e-12);
    expect(relative(haversineKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 }), Math.PI * EARTH_RADIUS_KM)).toBeLessThan(1e-12);
    expect(relative(haversineKm({ lat: 90, lon: 0 }, { lat: -90, lon: 0 }), Math.PI * EARTH_RADIUS_KM)).toBeLessThan(1e-12);
  });

  it('is symmetric, finite, non-negative and at most half the circumference', () => {
    fc.assert(
      fc.property(point, point, (a, b) => {
        const d = haversineKm(a, b);
        expect(Number.isFinite(d)).toBe(true);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(Math.PI * EARTH_RADIUS_KM + 1e-6);
        expect(Math.abs(d - haversineKm(b, a))).toBeLessThan(1e-6);
      }),
    );
  });

  it('rejects coordinates off the globe', () => {
    expectInputError(() => haversineKm({ lat: 91, lon: 0 }, { lat: 0, lon: 0 }), 'from.lat');
    expectInputError(() => haversineKm({ lat: 0, lon: 0 }, { lat: 0, lon: Number.NaN }), 'to.lon');
  });
});

describe('great-circle points', () => {
  const newYork = { lat: 40.7128, lon: -74.006 };
  const london = { lat: 51.5074, lon: -0.1278 };

  it('starts and ends at the two places and keeps equal spacing along the circle', () => {
    const points = greatCirclePoints(newYork, london, 10);
    expect(points).toHaveLength(11);
    expect(points[0]!.lat).toBeCloseTo(newYork.lat, 9);
    expect(points[10]!.lon).toBeCloseTo(london.lon, 9);
    const legs = points.slice(1).map((p, i) => haversineKm(points[i]!, p));
    for (const leg of legs) expect(leg).toBeCloseTo(haversineKm(newYork, london) / 10, 6);
  });

  it('bends towards the pole, as a great circle between mid-latitudes does', () => {
    const points = greatCirclePoints(newYork, london, 20);
    expect(Math.max(...points.map((p) => p.lat))).toBeGreaterThan(london.lat);
  });

  it('rejects a nonsensical segment count', () => {
    expect(() => greatCirclePoints(newYork, london, 0)).toThrow(/segments must be a whole number/);
  });
});
