/**
 * What the home page shows, as data: the four learning paths, the case-study previews and the two approaches.
 * Structure and titles follow the seed home page; every sentence here is our own.
 */

export interface PlanItem {
  text: string;
  href?: string;
}
export interface PlanStep {
  title: string;
  items: PlanItem[];
}
export interface LearningPathCard {
  id: 'new-graduate' | 'senior-engineer' | 'engineering-manager' | 'express';
  title: string;
  duration: string;
  goal: string;
  prerequisites: string;
  journey: string;
  planTitle: string;
  plan: PlanStep[];
  cta: { text: string; href: string };
}

export const learningPathCards: LearningPathCard[] = [
  {
    id: 'new-graduate',
    title: 'New Graduate Path',
    duration: '20-30 hours',
    goal: 'Become a practitioner who can reason about any distributed system',
    prerequisites: 'Programming and CS fundamentals',
    journey: `graph TD
    A[Start: Physics & Math] --> B[8 Axioms]
    B --> C[5 Pillars]
    C --> D[Core Patterns]
    D --> E[Hands-on Projects]
    E --> F[Production Ready]
    style A fill:#e1f5fe
    style F fill:#c8e6c9`,
    planTitle: 'Week-by-week plan',
    plan: [
      { title: 'Week 1: Foundation', items: [
        { text: 'Axioms 1-2: Latency and Capacity', href: '/part1-axioms/axiom1-latency/' },
        { text: "Quantitative basics: Little's Law", href: '/quantitative/littles-law/' },
        { text: 'Tool: Latency Calculator', href: '/tools/#latency-calculator' },
      ] },
      { title: 'Week 2: Reliability', items: [
        { text: 'Axiom 3: Failure', href: '/part1-axioms/axiom3-failure/' },
        { text: 'Patterns: Circuit Breaker, Retry and Backoff', href: '/patterns/circuit-breaker/' },
        { text: 'Case study: Netflix chaos engineering', href: '/case-studies/netflix-chaos-engineering/' },
      ] },
      { title: 'Week 3: Coordination', items: [
        { text: 'Axioms 4-5: Concurrency and Coordination', href: '/part1-axioms/axiom4-concurrency/' },
        { text: 'Consensus and leader election', href: '/part2-pillars/truth/' },
        { text: 'Project: build a distributed lock', href: '/learning-paths/new-graduate/' },
      ] },
      { title: 'Week 4: Production', items: [
        { text: 'Axioms 6-8: Observability, Human Interface, Economics', href: '/part1-axioms/axiom6-observability/' },
        { text: 'Patterns: Service Discovery and health checks, Load Balancing', href: '/patterns/load-balancing/' },
        { text: 'Capstone: design a complete system', href: '/learning-paths/new-graduate/' },
      ] },
    ],
    cta: { text: 'Start the Foundation path', href: '/part1-axioms/' },
  },
  {
    id: 'senior-engineer',
    title: 'Senior Engineer Path',
    duration: '40-60 hours',
    goal: 'Act as the design authority for systems that span teams',
    prerequisites: 'Production experience and system design basics',
    journey: `graph TD
    A[Advanced Axioms] --> B[Complex Patterns]
    B --> C[Quantitative Analysis]
    C --> D[Human Factors]
    D --> E[Economics & Trade-offs]
    E --> F[Architecture Mastery]
    style A fill:#fff3e0
    style F fill:#c8e6c9`,
    planTitle: 'Deep-dive modules',
    plan: [
      { title: 'Module 1: Advanced foundations', items: [
        { text: 'All eight axioms, derived', href: '/part1-axioms/' },
        { text: 'The quantitative toolkit', href: '/quantitative/' },
        { text: 'Decision frameworks', href: '/tools/#decision-frameworks' },
      ] },
      { title: 'Module 2: Complex patterns', items: [
        { text: 'Consensus in depth: Raft, Paxos, PBFT', href: '/part2-pillars/truth/' },
        { text: 'Event sourcing and CQRS', href: '/patterns/event-sourcing/' },
        { text: 'Service mesh architectures', href: '/patterns/service-mesh/' },
      ] },
      { title: 'Module 3: Production excellence', items: [
        { text: 'SRE practices and chaos engineering', href: '/human-factors/sre-practices/' },
        { text: 'Cost optimisation', href: '/part1-axioms/axiom8-economics/' },
        { text: 'How organisation shapes design', href: '/human-factors/team-topologies/' },
      ] },
      { title: 'Module 4: Frontiers', items: [
        { text: 'Machine learning in infrastructure', href: '/part2-pillars/intelligence/' },
        { text: 'Byzantine fault tolerance', href: '/quantitative/coordination-costs/' },
        { text: 'Scalability limits, measured', href: '/quantitative/universal-scalability/' },
      ] },
    ],
    cta: { text: 'Advance your skills', href: '/part2-pillars/' },
  },
  {
    id: 'engineering-manager',
    title: 'Engineering Manager Path',
    duration: '15-25 hours',
    goal: 'Lead technical decisions and tie them to the business',
    prerequisites: 'Team leadership and a technical background',
    journey: `graph TD
    A[Business Axioms] --> B[Trade-off Analysis]
    B --> C[Team Topology]
    C --> D[Cost Management]
    D --> E[Risk Assessment]
    E --> F[Strategic Planning]
    style A fill:#f3e5f5
    style F fill:#c8e6c9`,
    planTitle: 'Leadership focus areas',
    plan: [
      { title: 'Focus 1: Technical decision making', items: [
        { text: 'The economics axiom', href: '/part1-axioms/axiom8-economics/' },
        { text: 'Quantitative trade-off analysis', href: '/quantitative/' },
        { text: 'Architecture decision records', href: '/human-factors/knowledge-management/' },
      ] },
      { title: 'Focus 2: Team and process', items: [
        { text: 'Human factors in system design', href: '/part1-axioms/axiom7-human/' },
        { text: "Conway's law in practice", href: '/human-factors/team-topologies/' },
        { text: 'Incident response culture', href: '/human-factors/incident-response/' },
      ] },
      { title: 'Focus 3: Business alignment', items: [
        { text: 'Cost optimisation', href: '/tools/#economics-calculator' },
        { text: 'Balancing risk and innovation with error budgets', href: '/human-factors/sre-practices/' },
        { text: 'Explaining reliability to executives', href: '/human-factors/oncall-culture/' },
      ] },
      { title: 'Focus 4: Strategic planning', items: [
        { text: 'Technology evolution and trade-offs', href: '/part2-pillars/' },
        { text: 'Capacity planning and budgeting', href: '/quantitative/capacity-planning/' },
        { text: 'Evaluating vendors with a failure analysis', href: '/tools/#failure-framework' },
      ] },
    ],
    cta: { text: 'Lead technical teams', href: '/human-factors/' },
  },
  {
    id: 'express',
    title: 'Express Problem-Solving Path',
    duration: '2-8 hours',
    goal: 'Solve the problem in front of you today',
    prerequisites: 'A specific problem to solve',
    journey: `graph TD
    A[Problem Definition] --> B[Pattern Matching]
    B --> C[Quick Implementation]
    C --> D[Validation]
    D --> E[Production Deploy]
    style A fill:#ffebee
    style E fill:#c8e6c9`,
    planTitle: 'Quick solutions',
    plan: [
      { title: 'Performance issues', items: [
        { text: 'Load balancing', href: '/patterns/load-balancing/' },
        { text: 'Caching strategies', href: '/patterns/caching-strategies/' },
        { text: 'Capacity planning tools', href: '/tools/#capacity-worksheet' },
      ] },
      { title: 'Reliability problems', items: [
        { text: 'Circuit breaker', href: '/patterns/circuit-breaker/' },
        { text: 'Graceful degradation', href: '/patterns/graceful-degradation/' },
        { text: 'Health checks and discovery', href: '/patterns/service-discovery/' },
      ] },
      { title: 'Scaling challenges', items: [
        { text: 'Auto-scaling', href: '/patterns/auto-scaling/' },
        { text: 'Sharding', href: '/patterns/sharding/' },
        { text: 'Load shedding', href: '/patterns/load-shedding/' },
      ] },
      { title: 'Coordination issues', items: [
        { text: 'Consensus algorithms', href: '/part2-pillars/truth/' },
        { text: 'Distributed locking', href: '/part1-axioms/axiom5-coordination/' },
        { text: 'Leader election', href: '/quantitative/coordination-costs/' },
      ] },
    ],
    cta: { text: 'Find solutions now', href: '/patterns/' },
  },
];

export const caseStudyPreviews = [
  {
    slug: 'case-studies/netflix-chaos-engineering',
    title: 'Netflix: Global Streaming at Scale',
    summary: 'How a streaming service that runs on a public cloud made deliberate failure a daily routine, and what that taught about resilience.',
    topics: ['Chaos Engineering', 'Microservices', 'Content Delivery'],
  },
  {
    slug: 'case-studies/uber-location',
    title: 'Uber: Real-time Location at Planetary Scale',
    summary: 'Matching riders and drivers means indexing moving points on a sphere, fast enough that the map never lies.',
    topics: ['Geo-distributed', 'Real-time', 'Sharding'],
  },
  {
    slug: 'case-studies/paypal-payments',
    title: 'PayPal: Mission-Critical Payments',
    summary: 'When every request moves money, correctness outranks latency, and availability is measured in lost revenue.',
    topics: ['ACID Compliance', 'Fraud Detection', 'Global Scale'],
  },
] as const;

export const approaches = {
  traditional: {
    title: 'Traditional learning',
    points: [
      'Begins with a product: Kafka, Kubernetes, a cloud console',
      'Copies architectures without knowing what they were for',
      'Debugs by trial and error',
      'Chooses tools by popularity',
      'Has to start over when the tools change',
    ],
  },
  firstPrinciples: {
    title: 'First-principles approach',
    points: [
      'Begins with physics and mathematics',
      'Derives each pattern from the constraint it answers',
      'Predicts failure modes before production finds them',
      'Chooses by computing the trade-off',
      'Carries over to whatever technology comes next',
    ],
  },
} as const;

export const principles = [
  { name: 'Physics first', text: 'The speed of light and the arithmetic of queues come before any algorithm.' },
  { name: 'Build systematically', text: 'Each page rests on the ones before it, and says which.' },
  { name: 'Emphasise trade-offs', text: 'There are no perfect solutions, only costs you chose knowingly.' },
  { name: 'Learn from failures', text: 'Published postmortems teach what no theory predicts.' },
  { name: 'Quantify everything', text: 'Every figure on this site is computed, and every tool shows its formula.' },
] as const;
