/**
 * @compendium/models: the quantitative models behind The Compendium of Distributed Systems.
 * Pure functions, no I/O, no DOM: safe in Node, in the browser and at build time.
 */
export * from './units.ts';
export * from './errors.ts';
export * from './geo.ts';
export * from './cities.ts';
export * from './latency.ts';
export * from './handshakes.ts';
export * from './queueing/littles-law.ts';
export * from './queueing/mm1.ts';
export * from './queueing/erlang.ts';
export * from './queueing/mg1.ts';
export * from './scaling/amdahl.ts';
export * from './scaling/usl.ts';
export * from './availability.ts';
export * from './slo.ts';
export * from './caching.ts';
export * from './coordination.ts';
export * from './capacity.ts';
export * from './cost.ts';
export * from './data/prices.ts';
export * from './data/sdm91.ts';
export { CITY_ROWS, AWS_ROWS, GCP_ROWS, AZURE_ROWS, type PlaceRow } from './data/places.ts';
