export * from './api.ts';
export * from './errors.ts';
export * from './load-solution.ts';
export * from './run-lab.ts';
export * from './schedules.ts';
export * from './shrink.ts';
export * from './describe.ts';
export * from './story.ts';
