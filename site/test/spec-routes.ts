/** The routes SPEC.md requires ("Routes that must exist"), written out as the contract they are. */
const group = (base: string, children: string[]) => [`/${base}/`, ...children.map((c) => `/${base}/${c}/`)];

export const SPEC_ROUTES: readonly string[] = [
  '/',
  ...group('part1-axioms', ['axiom1-latency', 'axiom2-capacity', 'axiom3-failure', 'axiom4-concurrency', 'axiom5-coordination', 'axiom6-observability', 'axiom7-human', 'axiom8-economics']),
  ...group('part2-pillars', ['work', 'state', 'truth', 'control', 'intelligence']),
  ...group('patterns', ['service-discovery', 'load-balancing', 'service-mesh', 'event-driven', 'circuit-breaker', 'retry-backoff', 'graceful-degradation', 'bulkhead', 'cqrs', 'event-sourcing', 'saga', 'outbox', 'sharding', 'auto-scaling', 'load-shedding', 'caching-strategies']),
  ...group('quantitative', ['littles-law', 'amdahl-gustafson', 'universal-scalability', 'cache-economics', 'coordination-costs', 'capacity-planning']),
  ...group('human-factors', ['sre-practices', 'chaos-engineering', 'incident-response', 'team-topologies', 'knowledge-management', 'oncall-culture']),
  '/tools/',
  ...group('case-studies', ['netflix-chaos-engineering', 'uber-location', 'paypal-payments']),
  ...group('learning-paths', ['new-graduate', 'senior-engineer', 'engineering-manager', 'express']),
];

export const SPEC_TOOL_ANCHORS = ['latency-calculator', 'capacity-worksheet', 'economics-calculator', 'failure-framework', 'consensus-matrix', 'decision-frameworks'] as const;

/** Every link of the seed home page (`shared/seed/compendium-home.md`): all of them must resolve on our home page. */
export const SEED_HOME_LINKS: readonly string[] = [
  '/',
  ...SPEC_ROUTES.filter((route) => /^\/(part1-axioms|patterns|human-factors)\/.+/.test(route) || /^\/(quantitative|case-studies)\/.+/.test(route)),
  '/part1-axioms/', '/part2-pillars/', '/patterns/', '/human-factors/', '/tools/',
  ...SPEC_TOOL_ANCHORS.map((anchor) => `/tools/#${anchor}`),
];
