/**
 * The table of contents of the Compendium: every part, every page, in reading order.
 * One source of truth for the sidebar, the home page's content map, the section overviews and the route tests,
 * so a page cannot exist in one of them and be missing from another.
 */

export interface CatalogPage {
  /** Route without leading or trailing slash, e.g. `part1-axioms/axiom1-latency`. */
  readonly slug: string;
  readonly title: string;
  /** One line, shown in cards and lists. */
  readonly blurb: string;
  /** Sub-group inside a part, e.g. "Physics axioms" or "Reliability patterns". */
  readonly group?: string;
}

export interface CatalogPart {
  readonly slug: string;
  readonly label: string;
  readonly title: string;
  readonly tagline: string;
  readonly pages: readonly CatalogPage[];
}

export const axioms: CatalogPart = {
  slug: 'part1-axioms',
  label: 'Part I',
  title: 'The Eight Fundamental Axioms',
  tagline: 'The physical and mathematical limits that every distributed system lives inside.',
  pages: [
    { slug: 'part1-axioms/axiom1-latency', title: 'Axiom 1: Latency', blurb: 'Information cannot outrun light in glass.', group: 'Physics axioms' },
    { slug: 'part1-axioms/axiom2-capacity', title: 'Axiom 2: Capacity', blurb: 'Every resource is finite, and queues grow without bound near its limit.', group: 'Physics axioms' },
    { slug: 'part1-axioms/axiom3-failure', title: 'Axiom 3: Failure', blurb: 'Components fail independently and partially.', group: 'Physics axioms' },
    { slug: 'part1-axioms/axiom4-concurrency', title: 'Axiom 4: Concurrency', blurb: 'Events overlap, and there is no global now.', group: 'Coordination axioms' },
    { slug: 'part1-axioms/axiom5-coordination', title: 'Axiom 5: Coordination', blurb: 'Agreement costs round trips and availability.', group: 'Coordination axioms' },
    { slug: 'part1-axioms/axiom6-observability', title: 'Axiom 6: Observability', blurb: 'You only know what you measured, and late.', group: 'Operational axioms' },
    { slug: 'part1-axioms/axiom7-human', title: 'Axiom 7: Human Interface', blurb: 'Operators have bounded attention and make errors under stress.', group: 'Operational axioms' },
    { slug: 'part1-axioms/axiom8-economics', title: 'Axiom 8: Economics', blurb: 'Every guarantee has a price in money and in people.', group: 'Operational axioms' },
  ],
};

export const pillars: CatalogPart = {
  slug: 'part2-pillars',
  label: 'Part II',
  title: 'The Five Foundational Pillars',
  tagline: 'How the axioms combine into the building blocks of real architectures.',
  pages: [
    { slug: 'part2-pillars/work', title: 'Pillar 1: Work', blurb: 'Queues, streaming, batching and flow control.' },
    { slug: 'part2-pillars/state', title: 'Pillar 2: State', blurb: 'Storage, caching, replication and consistency.' },
    { slug: 'part2-pillars/truth', title: 'Pillar 3: Truth', blurb: 'Consensus, validation, auditing and lineage.' },
    { slug: 'part2-pillars/control', title: 'Pillar 4: Control', blurb: 'Workflow, scheduling, monitoring and governance.' },
    { slug: 'part2-pillars/intelligence', title: 'Pillar 5: Intelligence', blurb: 'ML/AI, automation, adaptation and learning.' },
  ],
};

/** Sub-topics of each pillar, as drawn on the home page's pillar tree. */
export const pillarTopics: Readonly<Record<string, readonly string[]>> = {
  'part2-pillars/work': ['Queues', 'Streaming', 'Batching', 'Flow control'],
  'part2-pillars/state': ['Storage', 'Caching', 'Replication', 'Consistency'],
  'part2-pillars/truth': ['Consensus', 'Validation', 'Auditing', 'Lineage'],
  'part2-pillars/control': ['Workflow', 'Scheduling', 'Monitoring', 'Governance'],
  'part2-pillars/intelligence': ['ML/AI', 'Automation', 'Adaptation', 'Learning'],
};

export const patterns: CatalogPart = {
  slug: 'patterns',
  label: 'Part III',
  title: 'Modern Pattern Catalog',
  tagline: 'Solutions that follow from the axioms, with their costs stated.',
  pages: [
    { slug: 'patterns/service-discovery', title: 'Service Discovery', blurb: 'Finding healthy instances without hard-coded addresses.', group: 'Communication patterns' },
    { slug: 'patterns/load-balancing', title: 'Load Balancing', blurb: 'Spreading requests so no server queues while another idles.', group: 'Communication patterns' },
    { slug: 'patterns/service-mesh', title: 'Service Mesh', blurb: 'Moving retries, TLS and telemetry out of the application.', group: 'Communication patterns' },
    { slug: 'patterns/event-driven', title: 'Event-Driven Architecture', blurb: 'Decoupling producers from consumers in time.', group: 'Communication patterns' },
    { slug: 'patterns/circuit-breaker', title: 'Circuit Breaker', blurb: 'Failing fast instead of waiting on a dependency that is down.', group: 'Reliability patterns' },
    { slug: 'patterns/retry-backoff', title: 'Retry and Backoff', blurb: 'Retrying transient faults without causing a retry storm.', group: 'Reliability patterns' },
    { slug: 'patterns/graceful-degradation', title: 'Graceful Degradation', blurb: 'Serving a lesser answer rather than none.', group: 'Reliability patterns' },
    { slug: 'patterns/bulkhead', title: 'Bulkhead', blurb: 'Isolating resources so one failure cannot sink the ship.', group: 'Reliability patterns' },
    { slug: 'patterns/cqrs', title: 'CQRS', blurb: 'Separate models for writing and for reading.', group: 'Data patterns' },
    { slug: 'patterns/event-sourcing', title: 'Event Sourcing', blurb: 'Storing the history of changes, not only the latest state.', group: 'Data patterns' },
    { slug: 'patterns/saga', title: 'Saga', blurb: 'Long transactions as local steps with compensations.', group: 'Data patterns' },
    { slug: 'patterns/outbox', title: 'Transactional Outbox', blurb: 'Publishing events exactly when the database commits.', group: 'Data patterns' },
    { slug: 'patterns/sharding', title: 'Sharding', blurb: 'Partitioning data so each node holds a manageable part.', group: 'Scaling patterns' },
    { slug: 'patterns/auto-scaling', title: 'Auto-scaling', blurb: 'Matching capacity to load, within the delay of scaling.', group: 'Scaling patterns' },
    { slug: 'patterns/load-shedding', title: 'Load Shedding', blurb: 'Rejecting some work early to finish the rest on time.', group: 'Scaling patterns' },
    { slug: 'patterns/caching-strategies', title: 'Caching Strategies', blurb: 'Where to cache, what to evict and how to stay fresh.', group: 'Scaling patterns' },
  ],
};

export const quantitative: CatalogPart = {
  slug: 'quantitative',
  label: 'Part IV',
  title: 'Quantitative Toolkit',
  tagline: 'The mathematics and economics that turn intuition into numbers.',
  pages: [
    { slug: 'quantitative/littles-law', title: "Little's Law", blurb: 'L = λW: the one identity every queue obeys.', group: 'Performance math' },
    { slug: 'quantitative/amdahl-gustafson', title: "Amdahl's and Gustafson's Laws", blurb: 'How much the serial part limits parallel speed-up.', group: 'Performance math' },
    { slug: 'quantitative/universal-scalability', title: 'Universal Scalability Law', blurb: 'Contention and coherence: why throughput falls past a peak.', group: 'Performance math' },
    { slug: 'quantitative/cache-economics', title: 'Cache Economics', blurb: 'What a hit ratio is worth in latency and money.', group: 'Economic analysis' },
    { slug: 'quantitative/coordination-costs', title: 'Coordination Costs', blurb: 'Messages, round trips and quorums per agreement.', group: 'Economic analysis' },
    { slug: 'quantitative/capacity-planning', title: 'Capacity Planning', blurb: 'Sizing servers for a load, a latency target and growth.', group: 'Economic analysis' },
  ],
};

export const humanFactors: CatalogPart = {
  slug: 'human-factors',
  label: 'Part V',
  title: 'Human Factors',
  tagline: 'The people who build, run and repair distributed systems.',
  pages: [
    { slug: 'human-factors/sre-practices', title: 'SRE Practices', blurb: 'SLOs, error budgets and the fight against toil.', group: 'Operational excellence' },
    { slug: 'human-factors/chaos-engineering', title: 'Chaos Engineering', blurb: 'Experiments that find weaknesses before users do.', group: 'Operational excellence' },
    { slug: 'human-factors/incident-response', title: 'Incident Response', blurb: 'Roles, communication and recovery under pressure.', group: 'Operational excellence' },
    { slug: 'human-factors/team-topologies', title: 'Team Topologies', blurb: "Conway's law and team shapes that fit the architecture.", group: 'Organizational design' },
    { slug: 'human-factors/knowledge-management', title: 'Knowledge Management', blurb: 'Runbooks, decision records and postmortems that get read.', group: 'Organizational design' },
    { slug: 'human-factors/oncall-culture', title: 'On-call Culture', blurb: 'Sustainable rotations, handovers and alert hygiene.', group: 'Organizational design' },
  ],
};

export const caseStudies: CatalogPart = {
  slug: 'case-studies',
  label: 'Case studies',
  title: 'Real-World Case Studies',
  tagline: 'Public accounts of large systems, read through the axioms.',
  pages: [
    { slug: 'case-studies/netflix-chaos-engineering', title: 'Netflix: Global Streaming at Scale', blurb: 'Chaos engineering, microservices and content delivery.' },
    { slug: 'case-studies/uber-location', title: 'Uber: Real-time Location at Planetary Scale', blurb: 'Geo-distributed, real-time and sharded by place.' },
    { slug: 'case-studies/paypal-payments', title: 'PayPal: Mission-Critical Payments', blurb: 'Correctness, fraud detection and global scale.' },
  ],
};

export const learningPaths: CatalogPart = {
  slug: 'learning-paths',
  label: 'Learning paths',
  title: 'Learning Paths',
  tagline: 'Four routes through the Compendium, by role and by time available.',
  pages: [
    { slug: 'learning-paths/new-graduate', title: 'New Graduate Path', blurb: 'From physics to production, in 20 to 30 hours.' },
    { slug: 'learning-paths/senior-engineer', title: 'Senior Engineer Path', blurb: 'Towards design authority, in 40 to 60 hours.' },
    { slug: 'learning-paths/engineering-manager', title: 'Engineering Manager Path', blurb: 'Trade-offs, teams and cost, in 15 to 25 hours.' },
    { slug: 'learning-paths/express', title: 'Express Problem-Solving Path', blurb: 'A specific problem solved in 2 to 8 hours.' },
  ],
};

export const parts: readonly CatalogPart[] = [axioms, pillars, patterns, quantitative, humanFactors, caseStudies, learningPaths];

/**
 * The six tools: each has its own page, and an anchor on `/tools/` that the home page links to.
 * The anchors are part of the public URL contract (SPEC.md).
 */
export const tools = [
  { anchor: 'latency-calculator', slug: 'tools/latency-calculator', name: 'Latency Calculator', blurb: 'Distance, fiber round trips and handshake costs between any two places.', category: 'Performance calculators' },
  { anchor: 'capacity-worksheet', slug: 'tools/capacity-planner', name: 'Capacity Planner', blurb: 'Servers, waits and queue lengths for a load and a latency target.', category: 'Performance calculators' },
  { anchor: 'economics-calculator', slug: 'tools/cost-analyzer', name: 'Cost Analyzer', blurb: 'Total cost of ownership, committed use and what a cache saves.', category: 'Performance calculators' },
  { anchor: 'failure-framework', slug: 'tools/failure-analyzer', name: 'Failure Analyzer', blurb: 'Failure modes, composed availability and error budgets.', category: 'Analysis frameworks' },
  { anchor: 'consensus-matrix', slug: 'tools/consensus-chooser', name: 'Consensus Chooser', blurb: 'Which agreement protocol fits your faults, geography and load.', category: 'Analysis frameworks' },
  { anchor: 'decision-frameworks', slug: 'tools/quick-decisions', name: 'Quick Decisions', blurb: 'Five-minute decision trees that end in a decision record.', category: 'Analysis frameworks' },
] as const;

/** Labs: the reader writes the code, the simulator runs it under faults, a checker gives the verdict. */
export const labs = [
  { slug: 'labs/distributed-lock', name: 'Lab: build a distributed lock', blurb: 'Write a lock service in the page, run it under GC pauses and partitions, and get a verdict with a minimal counter-example.' },
] as const;

/** Every route of the site, with leading and trailing slashes: SPEC.md's, and the labs. */
export function allRoutes(): string[] {
  const routes = ['/', '/tools/', ...tools.map((tool) => `/${tool.slug}/`), ...labs.map((lab) => `/${lab.slug}/`)];
  for (const part of parts) {
    routes.push(`/${part.slug}/`);
    for (const page of part.pages) routes.push(`/${page.slug}/`);
  }
  return routes;
}

/** Groups a part's pages by their `group`, keeping the catalog's order. */
export function groupPages(part: CatalogPart): { group: string; pages: CatalogPage[] }[] {
  const groups: { group: string; pages: CatalogPage[] }[] = [];
  for (const page of part.pages) {
    const name = page.group ?? part.title;
    let entry = groups.find((g) => g.group === name);
    if (!entry) {
      entry = { group: name, pages: [] };
      groups.push(entry);
    }
    entry.pages.push(page);
  }
  return groups;
}

/** "Part I: The Eight Fundamental Axioms" for numbered parts, the title alone for the others. */
export function partHeading(part: CatalogPart): string {
  return part.label.startsWith('Part ') ? `${part.label}: ${part.title}` : part.title;
}

/** The title of the page at a route (`/part1-axioms/axiom1-latency/`), or undefined for a route outside the catalog. */
export function titleForRoute(route: string): string | undefined {
  const slug = route.replace(/^\/+|\/+$/g, '');
  for (const part of parts) {
    if (part.slug === slug) return partHeading(part);
    const page = part.pages.find((p) => p.slug === slug);
    if (page) return page.title;
  }
  return tools.find((t) => t.slug === slug)?.name ?? labs.find((l) => l.slug === slug)?.name;
}
