/**
 * Every simulation the pages embed, described as data: its numeric parameters (with ranges, for the controls and for
 * URL validation), its defaults, what its chart shows and which figures to print. One worker and one island run any
 * of them by id.
 */
import { SimInputError } from '../errors.ts';
import type { ScenarioRun } from '../scenario.ts';
import { autoscalingScenario } from './autoscaling.ts';
import { bulkheadScenario } from './bulkhead.ts';
import { cacheScenario } from './cache.ts';
import { circuitBreakerScenario } from './circuit-breaker.ts';
import { loadBalancingScenario } from './load-balancing.ts';
import { loadSheddingScenario } from './load-shedding.ts';
import { createMmc } from './mmc.ts';
import { retryStormScenario } from './retry-storm.ts';

export interface ScenarioField {
  key: string;
  label: string;
  min: number;
  max: number;
  step: number;
  unit?: string;
  integer?: boolean;
}

export interface ScenarioFigure {
  key: string;
  label: string;
  digits: number;
  unit?: string;
  /** Multiply by 100 and show as a percentage. */
  percent?: boolean;
}

export type ScenarioParams = Record<string, number>;

export interface ScenarioDefinition {
  id: string;
  title: string;
  fields: ScenarioField[];
  defaults: ScenarioParams;
  /** Virtual seconds per wall-clock second at speed 1 (the page may multiply it). */
  pace: number;
  chart: { yLabel: string; log?: boolean };
  figures: ScenarioFigure[];
  create(params: ScenarioParams, seed: number): ScenarioRun;
}

export const mmcScenario: ScenarioDefinition = {
  id: 'mmc',
  title: 'A queue with c servers',
  fields: [
    { key: 'rate', label: 'Arrival rate λ', min: 0.1, max: 10_000, step: 0.1, unit: 'per s' },
    { key: 'serviceTime', label: 'Mean service time S', min: 0.001, max: 100, step: 0.001, unit: 's' },
    { key: 'servers', label: 'Servers c', min: 1, max: 1000, step: 1, integer: true },
    { key: 'customers', label: 'Customers', min: 1000, max: 2_000_000, step: 1000, integer: true },
  ],
  defaults: { rate: 80, serviceTime: 0.1, servers: 10, customers: 200_000 },
  pace: 100,
  chart: { yLabel: 'Mean wait so far (s)' },
  figures: [
    { key: 'meanWait', label: 'Simulated mean wait', digits: 4, unit: 's' },
    { key: 'halfWidth', label: '± (95 % interval)', digits: 4, unit: 's' },
    { key: 'p99Wait', label: '99th-percentile wait', digits: 3, unit: 's' },
    { key: 'probabilityOfWaiting', label: 'Share who waited', digits: 1, percent: true },
    { key: 'customers', label: 'Customers served', digits: 0 },
  ],
  create: (params, seed) => createMmc({ rate: params.rate as number, serviceTime: params.serviceTime as number, servers: params.servers as number, customers: params.customers as number }, seed),
};

export const SCENARIOS: readonly ScenarioDefinition[] = [
  mmcScenario,
  loadBalancingScenario,
  retryStormScenario,
  circuitBreakerScenario,
  cacheScenario,
  autoscalingScenario,
  loadSheddingScenario,
  bulkheadScenario,
];

export function scenarioById(id: string): ScenarioDefinition {
  const scenario = SCENARIOS.find((s) => s.id === id);
  if (!scenario) throw new SimInputError('scenario', `must be one of ${SCENARIOS.map((s) => s.id).join(', ')}`, id);
  return scenario;
}

/** Checks parameters against the scenario's fields (a URL can hold anything) and fills in defaults. */
export function resolveParams(scenario: ScenarioDefinition, given: Record<string, number | undefined>): ScenarioParams {
  const params: ScenarioParams = { ...scenario.defaults };
  for (const field of scenario.fields) {
    const value = given[field.key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new SimInputError(field.label, 'must be a number', value);
    if (value < field.min || value > field.max) throw new SimInputError(field.label, `must be from ${field.min} to ${field.max}`, value);
    if (field.integer && !Number.isInteger(value)) throw new SimInputError(field.label, 'must be a whole number', value);
    params[field.key] = value;
  }
  return params;
}
