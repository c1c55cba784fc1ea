/**
 * The world's land as one SVG path, drawn at build time (d3-geo + Natural Earth 1:110m via world-atlas) in the same
 * equirectangular 360 × 180 box that the tools use for routes, so no map data or map code reaches the browser.
 */
import { geoEquirectangular, geoPath } from 'd3-geo';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
import land from 'world-atlas/land-110m.json' with { type: 'json' };

let cached: string | undefined;

export function landPath(): string {
  if (cached) return cached;
  const topology = land as unknown as Topology<{ land: GeometryCollection }>;
  const geo = feature(topology, topology.objects.land);
  // scale 180/π maps one radian to 180/π units, i.e. one degree to one unit: x = lon + 180, y = 90 − lat.
  const projection = geoEquirectangular().scale(180 / Math.PI).translate([180, 90]).precision(0.1);
  const path = geoPath(projection)(geo) ?? '';
  // One decimal is a tenth of a degree, about 11 km: finer than a 1:110m outline and than a pixel of the map.
  cached = path.replace(/(\d+\.\d)\d+/g, '$1');
  return cached;
}
