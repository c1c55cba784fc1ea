/**
 * The Capacity Planner's logic: an M/M/c (Erlang C) view of a service, the fewest servers for a latency target,
 * a growth projection, and a Universal Scalability Law fit of measured points. The island only renders this.
 */
import { fitUsl, mmc, type MMcResult, projectLoad, SDM91_POINTS, serviceLevel, staffing, type UslFit, uslThroughput, waitPercentile } from '@compendium/models';
import { type FieldSet, listField, numberField, parseDecimal, type ValuesOf } from './fields.ts';

/** The published dataset the USL panel starts from (SPEC SDM91), kept with the models. */
export { SDM91_POINTS };

export const PROJECTION_MONTHS = 24;
export const PERCENTILES = [0.5, 0.9, 0.99] as const;

export const capacityFields = {
  rate: numberField({ key: 'rate', label: 'Arrival rate', defaultValue: 100, above: 0, max: 1e7, unit: 'per second' }),
  service: numberField({ key: 'service', label: 'Mean service time', defaultValue: 0.05, above: 0, max: 1e6, unit: 's' }),
  servers: numberField({ key: 'servers', label: 'Servers', defaultValue: 8, min: 1, max: 1_000_000, integer: true }),
  target: numberField({ key: 'target', label: 'Target wait', defaultValue: 0.05, min: 0, max: 1e6, unit: 's' }),
  level: numberField({ key: 'level', label: 'Service-level goal', defaultValue: 0.95, above: 0, max: 0.9999 }),
  growth: numberField({ key: 'growth', label: 'Monthly growth', defaultValue: 0.05, min: -0.5, max: 2 }),
  usl: listField<readonly [number, number]>({
    key: 'usl',
    label: 'Measured points',
    defaultValue: SDM91_POINTS,
    minItems: 0,
    maxItems: 1_000,
    separator: ',',
    item: (raw) => {
      const [n, x, extra] = raw.split(':');
      const concurrency = n === undefined ? undefined : parseDecimal(n);
      const throughput = x === undefined ? undefined : parseDecimal(x);
      if (extra !== undefined || concurrency === undefined || throughput === undefined) return { ok: false, message: 'write each point as concurrency:throughput, e.g. 8:450' };
      if (concurrency < 1) return { ok: false, message: 'concurrency must be at least 1' };
      if (throughput <= 0) return { ok: false, message: 'throughput must be greater than 0' };
      return { ok: true, value: [concurrency, throughput] as const };
    },
    formatItem: ([n, x]) => `${n}:${x}`,
  }),
} satisfies FieldSet;

export type CapacityValues = ValuesOf<typeof capacityFields>;

export interface QueueView extends MMcResult {
  serviceLevel: number;
  waitPercentiles: { q: number; wait: number }[];
}

export type UslView = { ok: true; fit: UslFit; curve: { n: number; x: number }[] } | { ok: false; message: string };

function queueView(rate: number, service: number, servers: number, target: number): QueueView {
  const result = mmc({ arrivalRate: rate, serviceTime: service, servers });
  return {
    ...result,
    serviceLevel: serviceLevel(result, target),
    waitPercentiles: PERCENTILES.map((q) => ({ q, wait: waitPercentile(result, q) })),
  };
}

function uslView(points: readonly (readonly [number, number])[]): UslView {
  if (points.length === 0) return { ok: false, message: 'Paste measured points to fit the Universal Scalability Law.' };
  try {
    const fit = fitUsl(points.map(([concurrency, throughput]) => ({ concurrency, throughput })));
    const maxN = Math.max(...points.map(([n]) => n), fit.peakConcurrency ?? 0) * 1.2;
    const steps = 80;
    const curve = Array.from({ length: steps + 1 }, (_, i) => {
      const n = 1 + ((maxN - 1) * i) / steps;
      return { n, x: uslThroughput(fit, n) };
    });
    return { ok: true, fit, curve };
  } catch (error) {
    return { ok: false, message: `The points cannot be fitted: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export function capacityReport(values: CapacityValues) {
  const { rate, service, servers, target, level, growth } = values;
  const offeredLoad = rate * service;
  const stable = servers > offeredLoad;
  const queue = stable ? queueView(rate, service, servers, target) : undefined;
  const needed = staffing({ arrivalRate: rate, serviceTime: service, targetWait: target, serviceLevel: level });

  // Mean wait and service level as servers are added, from the first stable count to a little past the answer.
  const first = Math.floor(offeredLoad) + 1;
  const last = Math.max(needed.servers + Math.ceil(Math.sqrt(offeredLoad)) + 2, servers + 1);
  const stride = Math.max(1, Math.ceil((last - first) / 120));
  const byServers: { servers: number; meanWait: number; serviceLevel: number }[] = [];
  for (let c = first; c <= last; c += stride) {
    const q = queueView(rate, service, c, target);
    byServers.push({ servers: c, meanWait: q.meanWait, serviceLevel: q.serviceLevel });
  }

  const projection = Array.from({ length: PROJECTION_MONTHS + 1 }, (_, month) => {
    const projectedRate = projectLoad(rate, growth, month);
    const staffed = staffing({ arrivalRate: projectedRate, serviceTime: service, targetWait: target, serviceLevel: level });
    return { month, rate: projectedRate, servers: staffed.servers };
  });
  const outgrownAt = projection.find((p) => p.servers > servers)?.month;

  return { offeredLoad, stable, queue, needed, byServers, projection, outgrownAt, usl: uslView(values.usl) };
}

export type CapacityReport = ReturnType<typeof capacityReport>;
