import { latencyBetween, rttFloorMs, timeToFirstByteMs } from '@compendium/models';
import { describe, expect, it } from 'vitest';
import { readState } from '../src/fields.ts';
import { latencyFields, latencyReport, project, routePath } from '../src/latency-tool.ts';

describe('the Latency Calculator', () => {
  it('opens on a healthy default that computes', () => {
    const state = readState(latencyFields, '');
    expect(state.errors).toEqual({});
    const report = latencyReport(state.values);
    expect(report.places.map((p) => p.id)).toEqual(['new-york', 'london', 'tokyo']);
    expect(report.matrix).toHaveLength(3);
    expect(report.leader).toBeDefined();
  });

  it('computes the SPEC figures for New York and London from a shared URL', () => {
    const state = readState(latencyFields, '?places=New%20York,London&stretch=1');
    const report = latencyReport(state.values);
    expect(report.floor.distanceKm).toBeCloseTo(5570, -1);
    expect(report.floor.rttMs).toBeCloseTo(54.6, 1);
    expect(report.route.rttMs).toBeCloseTo(latencyBetween('New York', 'London').rttMs, 9);
    const tls13 = report.firstByte.find((s) => s.id === 'tcp+tls1.3')!;
    expect(tls13.roundTrips).toBe(3);
    expect(tls13.ms).toBeCloseTo(timeToFirstByteMs('tcp+tls1.3', report.route.rttMs), 9);
  });

  it('applies the stretch to every figure but the floor', () => {
    const report = latencyReport(readState(latencyFields, '?places=new-york,london&stretch=2').values);
    expect(report.route.rttMs).toBeCloseTo(2 * report.floor.rttMs, 9);
    expect(report.matrix[0]![1]).toBeCloseTo(rttFloorMs(report.floor.distanceKm, 2), 9);
  });

  it('names an unknown place and keeps the last good set', () => {
    const state = readState(latencyFields, '?places=london,atlantis');
    expect(state.errors.places).toBe('Places, entry 2: no city or cloud region is called "atlantis"');
    expect(state.values.places.map((p) => p.id)).toEqual(['new-york', 'london', 'tokyo']);
  });

  it('splits a trans-Pacific route at the antimeridian and projects onto the map box', () => {
    const tokyo = readState(latencyFields, '?places=tokyo,san-francisco').values.places;
    const path = routePath(tokyo[0]!, tokyo[1]!);
    expect(path.segments.length).toBe(2);
    expect(project({ lon: -180, lat: 90 })).toEqual([0, 0]);
    expect(project({ lon: 180, lat: -90 })).toEqual([360, 180]);
  });
});
