/**
 * Links to the tools with their inputs filled in. Every tool keeps its whole state in the query string, so a page can
 * hand the reader its worked example ready to change. These builders are the one place that knows parameter names;
 * the tools parse the same names (see each tool's state module).
 */

export const TOOL_ROUTES = {
  latency: '/tools/latency-calculator/',
  capacity: '/tools/capacity-planner/',
  cost: '/tools/cost-analyzer/',
  failure: '/tools/failure-analyzer/',
  consensus: '/tools/consensus-chooser/',
  decisions: '/tools/quick-decisions/',
} as const;

export type ToolName = keyof typeof TOOL_ROUTES;

type ParamValue = string | number | boolean | readonly (string | number)[] | undefined;

/** Numbers are written in their shortest exact form; lists joined by commas; undefined parameters left out. */
export function toolUrl(tool: ToolName, params: Record<string, ParamValue>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    query.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  // Commas and colons are legal in a query string; keeping them readable makes shared links legible.
  const text = query.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
  return text ? `${TOOL_ROUTES[tool]}?${text}` : TOOL_ROUTES[tool];
}

export interface LatencyLink {
  /** Place ids or names from the models' place table, two or more. */
  places: readonly string[];
  /** Route length over great-circle length, ≥ 1. */
  stretch?: number;
  /** Payload to transfer, in bytes. */
  payloadBytes?: number;
  /** Link bandwidth, in megabits per second. */
  bandwidthMbps?: number;
}

export const latencyToolUrl = (p: LatencyLink) =>
  toolUrl('latency', { places: p.places, stretch: p.stretch, payload: p.payloadBytes, bandwidth: p.bandwidthMbps });

export interface CapacityLink {
  /** Arrivals per second. */
  rate?: number;
  /** Mean service time, seconds. */
  serviceTime?: number;
  servers?: number;
  /** Target wait, seconds, for the service level and the staffing answer. */
  targetWait?: number;
  /** Fraction of requests that must wait no longer than the target, e.g. 0.8. */
  serviceLevel?: number;
  /** Monthly growth of the arrival rate as a fraction, e.g. 0.05. */
  growth?: number;
  /** Measured (concurrency, throughput) points for a USL fit. */
  usl?: readonly (readonly [number, number])[];
}

export const capacityToolUrl = (p: CapacityLink) =>
  toolUrl('capacity', {
    rate: p.rate,
    service: p.serviceTime,
    servers: p.servers,
    target: p.targetWait,
    level: p.serviceLevel,
    growth: p.growth,
    usl: p.usl?.map(([n, x]) => `${n}:${x}`),
  });

export interface FailureLink {
  /** Availabilities (fractions) of components in series. */
  series?: readonly number[];
  /** Availabilities (fractions) of redundant components in parallel. */
  parallel?: readonly number[];
  /** The SLO as a fraction, e.g. 0.999, and its window in days. */
  slo?: number;
  windowDays?: number;
}

export const failureToolUrl = (p: FailureLink) =>
  toolUrl('failure', { series: p.series, parallel: p.parallel, slo: p.slo, window: p.windowDays });

export interface CostLink {
  months?: number;
  instances?: number;
  /** On-demand price per instance-hour, USD. */
  hourly?: number;
  /** Committed-use price per instance-hour, USD. */
  committedHourly?: number;
  storageGb?: number;
  egressGbPerMonth?: number;
  /** Requests per second served, for cost per million requests. */
  rate?: number;
  /** Cache hit ratio of a proposed cache tier, 0 to 1. */
  hitRatio?: number;
}

export const costToolUrl = (p: CostLink) =>
  toolUrl('cost', {
    months: p.months,
    instances: p.instances,
    hourly: p.hourly,
    committed: p.committedHourly,
    storage: p.storageGb,
    egress: p.egressGbPerMonth,
    rate: p.rate,
    hit: p.hitRatio,
  });

export interface ConsensusLink {
  faults?: 'crash' | 'byzantine';
  nodes?: number;
  /** Place ids of the replicas' regions. */
  regions?: readonly string[];
  /** Fraction of operations that are reads. */
  readFraction?: number;
  consistency?: 'linearizable' | 'sequential' | 'causal' | 'eventual';
}

export const consensusToolUrl = (p: ConsensusLink) =>
  toolUrl('consensus', { faults: p.faults, nodes: p.nodes, regions: p.regions, reads: p.readFraction, consistency: p.consistency });

export type DecisionTree = 'cache' | 'sql-nosql' | 'sync-async' | 'consistency' | 'shard-key';

export const decisionsToolUrl = (tree: DecisionTree) => toolUrl('decisions', { tree });
