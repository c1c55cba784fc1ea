export * from './cluster.ts';
export * from './invariants.ts';
export * from './log.ts';
export * from './node.ts';
export * from './types.ts';
export * from './scenarios.ts';
