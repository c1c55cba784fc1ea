/**
 * The four learning paths as ordered steps. Every step is a page of the site, or a project described on the path's
 * own page (an anchor there); a reader marks steps done and the path page and the sidebar show how far they are.
 * The stages follow the week and module plans of the home page (data/home.ts); this file adds every step in order.
 */

export type PathId = 'new-graduate' | 'senior-engineer' | 'engineering-manager' | 'express';

export interface PathStep {
  /** A route ("/patterns/saga/") or a project anchor on the path page ("/learning-paths/new-graduate/#project-lock"). */
  href: string;
  /** What the reader should come away with, in a few words. */
  focus: string;
}

export interface PathStage {
  title: string;
  steps: PathStep[];
}

export interface PathProject {
  /** Anchor on the path page: `project-…` or `capstone`. */
  id: string;
  title: string;
  builds: string;
  /** How the reader checks the result themselves. */
  check: string[];
  uses: string[];
}

export interface LearningPath {
  id: PathId;
  route: string;
  hours: string;
  stages: PathStage[];
  projects: PathProject[];
}

const project = (path: PathId, id: string) => `/learning-paths/${path}/#${id}`;

export const LEARNING_PATHS: readonly LearningPath[] = [
  {
    id: 'new-graduate',
    route: '/learning-paths/new-graduate/',
    hours: '20-30 hours',
    stages: [
      { title: 'Week 1: Foundation', steps: [
        { href: '/part1-axioms/', focus: 'Why eight constraints, and how the axioms are derived' },
        { href: '/part1-axioms/axiom1-latency/', focus: 'The speed of light in fiber as a hard floor' },
        { href: '/part1-axioms/axiom2-capacity/', focus: 'Why queues explode near full utilization' },
        { href: '/quantitative/littles-law/', focus: 'L = λW, and sizing a pool with it' },
        { href: '/tools/latency-calculator/', focus: 'Round trips and handshakes between real cities' },
        { href: project('new-graduate', 'project-latency-budget'), focus: 'Project: a latency budget you can defend' },
      ] },
      { title: 'Week 2: Reliability', steps: [
        { href: '/part1-axioms/axiom3-failure/', focus: 'Partial failure and correlated failure' },
        { href: '/patterns/retry-backoff/', focus: 'Retries that do not become a storm' },
        { href: '/patterns/circuit-breaker/', focus: 'Failing fast when a dependency is down' },
        { href: '/tools/failure-analyzer/', focus: 'Composing availability in series and in parallel' },
        { href: '/case-studies/netflix-chaos-engineering/', focus: 'Failure injected on purpose, at scale' },
      ] },
      { title: 'Week 3: Coordination', steps: [
        { href: '/part1-axioms/axiom4-concurrency/', focus: 'Interleavings and happens-before' },
        { href: '/part1-axioms/axiom5-coordination/', focus: 'What agreement costs in round trips' },
        { href: '/part2-pillars/truth/', focus: 'Consensus, leases and leader election' },
        { href: '/quantitative/coordination-costs/', focus: 'Quorums and messages per operation' },
        { href: project('new-graduate', 'project-distributed-lock'), focus: 'Project: build a distributed lock' },
      ] },
      { title: 'Week 4: Production', steps: [
        { href: '/part1-axioms/axiom6-observability/', focus: 'Seeing a system you cannot see whole' },
        { href: '/part1-axioms/axiom7-human/', focus: 'Operators as part of the system' },
        { href: '/part1-axioms/axiom8-economics/', focus: 'Every design decision has a price' },
        { href: '/patterns/service-discovery/', focus: 'Finding healthy instances' },
        { href: '/patterns/load-balancing/', focus: 'Spreading load and shortening the tail' },
        { href: '/human-factors/sre-practices/', focus: 'SLOs and error budgets' },
        { href: project('new-graduate', 'capstone'), focus: 'Capstone: design a complete system' },
      ] },
    ],
    projects: [
      {
        id: 'project-latency-budget',
        title: 'Project: a latency budget you can defend',
        builds: 'A one-page budget for a checkout request from a user in São Paulo to a service in us-east-1 (northern Virginia) that calls two internal services and a database: each hop, its round trips and handshakes, its queueing delay at the utilization you expect, and the total at the median and the 99th percentile.',
        check: [
          'Every network term is at least the fiber floor the Latency Calculator gives for the same two places; none is below physics.',
          'The queueing terms come from the Capacity Planner for your arrival rate and service time, not from a guess.',
          'Your 99th-percentile total accounts for fan-out: with two parallel calls, the slower of the two sets the pace.',
        ],
        uses: ['/tools/latency-calculator/', '/tools/capacity-planner/', '/part1-axioms/axiom1-latency/'],
      },
      {
        id: 'project-distributed-lock',
        title: 'Project: build a distributed lock',
        builds: 'A lock service for three replicas and any number of clients, in the language you work in: a lease with an expiry, granted by a majority, and a fencing token (a number that only grows) returned with every grant and checked by the storage the lock protects.',
        check: [
          'Write a test that pauses the lock holder longer than its lease (a stop-the-world pause) while another client takes the lock; the storage must reject the first holder\'s late write because its token is older.',
          'Partition one replica away and show that grants continue with the other two, and stop when only one replica remains.',
          'Record every grant and release with real timestamps and check the log: no two holders with overlapping leases hold the same token range.',
        ],
        uses: ['/labs/distributed-lock/', '/part2-pillars/truth/', '/part1-axioms/axiom5-coordination/', '/quantitative/coordination-costs/'],
      },
      {
        id: 'capstone',
        title: 'Capstone: design a complete system',
        builds: 'A design document for a URL shortener that serves 20,000 redirects per second from three regions: data model and sharding, cache tier, replication and failover, SLOs with an error budget, the alerts that page someone, and the monthly cost.',
        check: [
          'Every number in the document comes from a tool link you include (capacity, latency, availability, cost), so a reviewer can reproduce it.',
          'The availability you promise is no higher than what the Failure Analyzer computes for your dependencies in series.',
          'A colleague can name, from your document alone, what happens when one region is lost, and how long recovery takes.',
        ],
        uses: ['/tools/capacity-planner/', '/tools/failure-analyzer/', '/tools/cost-analyzer/', '/patterns/sharding/', '/patterns/caching-strategies/'],
      },
    ],
  },
  {
    id: 'senior-engineer',
    route: '/learning-paths/senior-engineer/',
    hours: '40-60 hours',
    stages: [
      { title: 'Module 1: Advanced foundations', steps: [
        { href: '/part1-axioms/', focus: 'The eight axioms as one system of constraints' },
        { href: '/part2-pillars/', focus: 'How the pillars distribute work, state, truth, control and intelligence' },
        { href: '/part2-pillars/work/', focus: 'Partitioning work and the cost of stragglers' },
        { href: '/part2-pillars/state/', focus: 'Replication, partitioning and consistency models' },
        { href: '/quantitative/universal-scalability/', focus: 'Contention and coherence, fitted to real data' },
        { href: '/quantitative/capacity-planning/', focus: 'Staffing a service for a latency target and growth' },
        { href: '/tools/quick-decisions/', focus: 'Decision trees that end in a record' },
      ] },
      { title: 'Module 2: Complex patterns', steps: [
        { href: '/part2-pillars/truth/', focus: 'Consensus in depth: Raft, Paxos and PBFT' },
        { href: '/tools/consensus-chooser/', focus: 'Choosing a protocol for your faults and geography' },
        { href: '/patterns/event-sourcing/', focus: 'History as the source of truth' },
        { href: '/patterns/cqrs/', focus: 'Separate read and write models' },
        { href: '/patterns/saga/', focus: 'Long transactions without distributed locks' },
        { href: '/patterns/outbox/', focus: 'Publishing exactly what was committed' },
        { href: '/patterns/service-mesh/', focus: 'What a mesh gives and what it costs per hop' },
        { href: '/patterns/sharding/', focus: 'Shard keys, hot spots and resharding' },
      ] },
      { title: 'Module 3: Production excellence', steps: [
        { href: '/human-factors/sre-practices/', focus: 'SLOs, error budgets and toil' },
        { href: '/human-factors/chaos-engineering/', focus: 'Experiments with a hypothesis and a blast radius' },
        { href: '/human-factors/incident-response/', focus: 'Roles and communication under pressure' },
        { href: '/part2-pillars/control/', focus: 'Control loops, automation and its failure modes' },
        { href: '/tools/cost-analyzer/', focus: 'Total cost and commitment break-even' },
        { href: '/human-factors/team-topologies/', focus: 'How team structure shapes the architecture' },
      ] },
      { title: 'Module 4: Frontiers', steps: [
        { href: '/part2-pillars/intelligence/', focus: 'Learned and adaptive systems in infrastructure' },
        { href: '/quantitative/coordination-costs/', focus: 'Byzantine quorums and what 3f+1 costs' },
        { href: '/case-studies/uber-location/', focus: 'Sharding by place for moving points' },
        { href: '/case-studies/paypal-payments/', focus: 'Correctness first, at payment scale' },
        { href: project('senior-engineer', 'project-design-review'), focus: 'Project: lead a quantitative design review' },
      ] },
    ],
    projects: [
      {
        id: 'project-design-review',
        title: 'Project: lead a quantitative design review',
        builds: 'A review of a real design from your own work (or of one of the case studies): the three decisions that matter most, each written as a decision record with the alternatives, the numbers that decided it and the conditions under which it should be revisited.',
        check: [
          'Each decision cites at least one figure computed by a tool, linked with its inputs, so the reviewers can change an input and see the decision move.',
          'Each record names its failure mode and the signal (metric or alert) that would show it happening.',
          'At least one decision is a "not yet": a pattern you chose not to adopt, with the threshold at which you would.',
        ],
        uses: ['/tools/quick-decisions/', '/human-factors/knowledge-management/', '/tools/failure-analyzer/'],
      },
    ],
  },
  {
    id: 'engineering-manager',
    route: '/learning-paths/engineering-manager/',
    hours: '15-25 hours',
    stages: [
      { title: 'Focus 1: Technical decision making', steps: [
        { href: '/part1-axioms/axiom8-economics/', focus: 'The price of every design choice' },
        { href: '/quantitative/', focus: 'Which model answers which question' },
        { href: '/quantitative/cache-economics/', focus: 'What a hit ratio is worth in money' },
        { href: '/human-factors/knowledge-management/', focus: 'Decision records, runbooks and postmortems' },
        { href: '/tools/quick-decisions/', focus: 'A decision record in five minutes' },
      ] },
      { title: 'Focus 2: Team and process', steps: [
        { href: '/part1-axioms/axiom7-human/', focus: 'Human limits as a design constraint' },
        { href: '/human-factors/team-topologies/', focus: "Conway's law in practice" },
        { href: '/human-factors/incident-response/', focus: 'Incident roles and a culture of learning' },
        { href: '/human-factors/oncall-culture/', focus: 'Rotations people can sustain' },
      ] },
      { title: 'Focus 3: Business alignment', steps: [
        { href: '/tools/cost-analyzer/', focus: 'Total cost, commitments and cache savings' },
        { href: '/human-factors/sre-practices/', focus: 'Error budgets as the contract between speed and reliability' },
        { href: '/tools/failure-analyzer/', focus: 'Availability and downtime in numbers executives read' },
      ] },
      { title: 'Focus 4: Strategic planning', steps: [
        { href: '/part2-pillars/', focus: 'The architectural choices a roadmap commits to' },
        { href: '/quantitative/capacity-planning/', focus: 'Capacity and budget for next year' },
        { href: '/tools/capacity-planner/', focus: 'Growth projections and re-staffing' },
        { href: project('engineering-manager', 'project-reliability-plan'), focus: 'Project: a reliability and cost plan' },
      ] },
    ],
    projects: [
      {
        id: 'project-reliability-plan',
        title: 'Project: a reliability and cost plan for one service',
        builds: 'A two-page plan for a service your team owns: its SLO and error budget, the current burn, the on-call load per engineer, the capacity needed for the next twelve months of growth, and what that capacity costs with and without a commitment.',
        check: [
          'The error budget in minutes and the burn-rate alert thresholds come from the Failure Analyzer, linked with your SLO.',
          'The capacity line comes from the Capacity Planner\'s growth projection, and its cost from the Cost Analyzer, both linked.',
          'The on-call section states pages per shift and rotation size, and meets the limits the On-call Culture page derives.',
        ],
        uses: ['/tools/failure-analyzer/', '/tools/capacity-planner/', '/tools/cost-analyzer/', '/human-factors/oncall-culture/'],
      },
    ],
  },
  {
    id: 'express',
    route: '/learning-paths/express/',
    hours: '2-8 hours',
    stages: [
      { title: 'Define the problem', steps: [
        { href: '/patterns/', focus: 'Filter the catalog by the symptom you see' },
        { href: '/tools/quick-decisions/', focus: 'Answer the decision tree for your case' },
      ] },
      { title: 'Performance issues', steps: [
        { href: '/patterns/load-balancing/', focus: 'Uneven load and long tails' },
        { href: '/patterns/caching-strategies/', focus: 'Slow or expensive reads' },
        { href: '/tools/capacity-planner/', focus: 'How many servers the load needs' },
      ] },
      { title: 'Reliability problems', steps: [
        { href: '/patterns/circuit-breaker/', focus: 'A dependency that is down or slow' },
        { href: '/patterns/retry-backoff/', focus: 'Retries that make things worse' },
        { href: '/patterns/graceful-degradation/', focus: 'A lesser answer instead of none' },
        { href: '/patterns/service-discovery/', focus: 'Health checks and stale endpoints' },
      ] },
      { title: 'Scaling challenges', steps: [
        { href: '/patterns/auto-scaling/', focus: 'Capacity that follows the load' },
        { href: '/patterns/sharding/', focus: 'Data that outgrew one machine' },
        { href: '/patterns/load-shedding/', focus: 'Overload that must not become an outage' },
      ] },
      { title: 'Coordination issues', steps: [
        { href: '/part2-pillars/truth/', focus: 'Consensus and leader election' },
        { href: '/part1-axioms/axiom5-coordination/', focus: 'Locks, leases and fencing' },
        { href: '/quantitative/coordination-costs/', focus: 'What each protocol costs per operation' },
      ] },
      { title: 'Validate and deploy', steps: [
        { href: project('express', 'project-validate'), focus: 'Check the fix before it ships' },
      ] },
    ],
    projects: [
      {
        id: 'project-validate',
        title: 'Check the fix before it ships',
        builds: 'A short validation note for the change you chose: the metric it should move, by how much according to the models, and the experiment that will show it in production without risking the whole fleet.',
        check: [
          'The expected effect is computed with the tool the pattern page links, with your inputs, and the link is in the note.',
          'The rollout reaches a small share of traffic first and has a stop condition stated as a number (an error rate or a latency percentile).',
          'The note says how to undo the change and how long undoing takes.',
        ],
        uses: ['/tools/capacity-planner/', '/tools/failure-analyzer/', '/human-factors/chaos-engineering/'],
      },
    ],
  },
];

export function pathById(id: PathId): LearningPath {
  const path = LEARNING_PATHS.find((p) => p.id === id);
  if (!path) throw new Error(`no learning path "${id}"`);
  return path;
}

export const stepKeys = (path: LearningPath): string[] => path.stages.flatMap((s) => s.steps.map((step) => step.href));

/** The progress key of a page: its route, with the trailing slash that every route on this site has. */
export function progressKeyForPath(pathname: string): string {
  const clean = pathname.replace(/index\.html$/, '');
  return clean.endsWith('/') ? clean : `${clean}/`;
}
