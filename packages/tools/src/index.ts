export * from './links.ts';
export * from './fields.ts';
export * from './latency-tool.ts';
export * from './capacity-tool.ts';
export * from './query.ts';
