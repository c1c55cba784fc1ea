/**
 * What the pattern catalog filters on: each pattern's category, the axioms it answers, the trade it makes in one line,
 * and the problems readers arrive with, phrased the way they would say them. Titles and routes come from catalog.ts.
 */

export type PatternCategory = 'communication' | 'reliability' | 'data' | 'scaling';

export const CATEGORY_LABELS: Readonly<Record<PatternCategory, string>> = {
  communication: 'Communication',
  reliability: 'Reliability',
  data: 'Data',
  scaling: 'Scaling',
};

export interface PatternFacts {
  slug: string;
  category: PatternCategory;
  /** Axiom page slugs (part1-axioms/…) the pattern is a response to. */
  axioms: readonly string[];
  /** What the pattern gives up, and for what. */
  trade: string;
}

export const PATTERN_FACTS: readonly PatternFacts[] = [
  { slug: 'patterns/service-discovery', category: 'communication', axioms: ['axiom3-failure', 'axiom5-coordination'], trade: 'A registry that must itself stay available, for instances that come and go without a config change.' },
  { slug: 'patterns/load-balancing', category: 'communication', axioms: ['axiom1-latency', 'axiom2-capacity', 'axiom3-failure'], trade: 'A hop and some per-request state, for even load and a shorter tail.' },
  { slug: 'patterns/service-mesh', category: 'communication', axioms: ['axiom1-latency', 'axiom3-failure', 'axiom6-observability'], trade: 'A proxy hop per call and a control plane to run, for mTLS, retries and telemetry without code changes.' },
  { slug: 'patterns/event-driven', category: 'communication', axioms: ['axiom1-latency', 'axiom3-failure', 'axiom4-concurrency'], trade: 'Immediate consistency and a readable call graph, for producers and consumers that scale and fail apart.' },
  { slug: 'patterns/circuit-breaker', category: 'reliability', axioms: ['axiom1-latency', 'axiom2-capacity', 'axiom3-failure'], trade: 'Some requests failed at once, for callers that keep their threads and a dependency given room to recover.' },
  { slug: 'patterns/retry-backoff', category: 'reliability', axioms: ['axiom2-capacity', 'axiom3-failure'], trade: 'Extra latency and load, capped by a budget, for masking faults that pass.' },
  { slug: 'patterns/graceful-degradation', category: 'reliability', axioms: ['axiom2-capacity', 'axiom3-failure', 'axiom8-economics'], trade: 'Features and freshness, for staying up when a dependency or capacity fails.' },
  { slug: 'patterns/bulkhead', category: 'reliability', axioms: ['axiom2-capacity', 'axiom3-failure'], trade: 'The efficiency of one shared pool, for failures that exhaust only their own compartment.' },
  { slug: 'patterns/cqrs', category: 'data', axioms: ['axiom2-capacity', 'axiom4-concurrency', 'axiom5-coordination'], trade: 'A second model and replication lag, for reads and writes that scale and change separately.' },
  { slug: 'patterns/event-sourcing', category: 'data', axioms: ['axiom4-concurrency', 'axiom6-observability'], trade: 'Storage, replay time and schema-evolution work, for a complete and auditable history.' },
  { slug: 'patterns/saga', category: 'data', axioms: ['axiom3-failure', 'axiom4-concurrency', 'axiom5-coordination'], trade: 'Isolation between steps, for a long transaction that holds no distributed lock.' },
  { slug: 'patterns/outbox', category: 'data', axioms: ['axiom3-failure', 'axiom5-coordination'], trade: 'An extra table and a relay, for a database write and its event that can never disagree.' },
  { slug: 'patterns/sharding', category: 'scaling', axioms: ['axiom2-capacity', 'axiom5-coordination', 'axiom8-economics'], trade: 'Cross-shard queries and rebalancing, for storage and writes beyond one machine.' },
  { slug: 'patterns/auto-scaling', category: 'scaling', axioms: ['axiom2-capacity', 'axiom8-economics'], trade: 'A reaction delay and the risk of oscillation, for paying only for the capacity the load needs.' },
  { slug: 'patterns/load-shedding', category: 'scaling', axioms: ['axiom2-capacity', 'axiom3-failure'], trade: 'Refusing some requests, for good latency on all the others.' },
  { slug: 'patterns/caching-strategies', category: 'scaling', axioms: ['axiom1-latency', 'axiom2-capacity', 'axiom4-concurrency', 'axiom8-economics'], trade: 'Staleness and invalidation work, for lower latency and a lighter backend.' },
];

export interface ReaderProblem {
  id: string;
  /** Phrased as a reader would say it. */
  text: string;
  /** Pattern slugs that address it, most direct first. */
  patterns: readonly string[];
}

export const READER_PROBLEMS: readonly ReaderProblem[] = [
  { id: 'retry-storms', text: 'My retries make outages worse', patterns: ['patterns/retry-backoff', 'patterns/circuit-breaker', 'patterns/load-shedding'] },
  { id: 'slow-dependency', text: 'One slow dependency takes the whole service down', patterns: ['patterns/circuit-breaker', 'patterns/bulkhead', 'patterns/graceful-degradation'] },
  { id: 'overload', text: 'Traffic spikes push latency through the roof', patterns: ['patterns/load-shedding', 'patterns/auto-scaling', 'patterns/caching-strategies', 'patterns/load-balancing'] },
  { id: 'noisy-neighbour', text: 'One customer or feature can starve all the others', patterns: ['patterns/bulkhead', 'patterns/sharding', 'patterns/load-shedding'] },
  { id: 'uneven-load', text: 'Some servers are saturated while others idle', patterns: ['patterns/load-balancing', 'patterns/sharding'] },
  { id: 'database-limit', text: 'One database can no longer hold the data or the writes', patterns: ['patterns/sharding', 'patterns/cqrs', 'patterns/caching-strategies'] },
  { id: 'slow-reads', text: 'Reads are too slow or too expensive', patterns: ['patterns/caching-strategies', 'patterns/cqrs'] },
  { id: 'dual-write', text: 'I must update the database and publish an event, and they drift apart', patterns: ['patterns/outbox', 'patterns/event-sourcing'] },
  { id: 'cross-service-transaction', text: 'A business transaction spans several services', patterns: ['patterns/saga', 'patterns/outbox'] },
  { id: 'history', text: 'I need an audit trail, or the state as it was last Tuesday', patterns: ['patterns/event-sourcing', 'patterns/cqrs'] },
  { id: 'coupling', text: 'A chain of synchronous calls fails if any link fails', patterns: ['patterns/event-driven', 'patterns/graceful-degradation', 'patterns/circuit-breaker'] },
  { id: 'moving-instances', text: 'Instances come and go and callers cannot find them', patterns: ['patterns/service-discovery', 'patterns/load-balancing', 'patterns/service-mesh'] },
  { id: 'cross-cutting', text: 'Every team re-implements TLS, retries and tracing', patterns: ['patterns/service-mesh', 'patterns/retry-backoff'] },
  { id: 'idle-capacity', text: 'We pay all month for a peak that lasts an hour', patterns: ['patterns/auto-scaling', 'patterns/load-shedding', 'patterns/caching-strategies'] },
];
