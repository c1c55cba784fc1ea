/**
 * Quick Decisions' logic: five short decision trees kept as data, the walk of a reader's answers through one of
 * them, the figures that decide the numeric questions (computed with @compendium/models), a layout of the tree for
 * a small picture of the path taken, and the architecture decision record the walk ends in (Michael Nygard's
 * format: Title, Status, Context, Decision, Consequences). The island only renders this.
 *
 * Numeric questions do not answer themselves: the figures point to an answer, the reader confirms or overrides it,
 * and the record says which.
 */
import {
  bestLeader,
  cheHitRatio,
  type CheResult,
  downtimeFromFraction,
  effectiveLatency,
  headroom,
  lookupPlace,
  monthsUntilExhausted,
  nPlusK,
  type Place,
  projectLoad,
  requiredCapacity,
  rttMatrixFromPlaces,
  seriesAvailability,
  zipfProbabilities,
} from '@compendium/models';
import { choiceField, type Field, type FieldSet, listField, numberField, type ParseResult, parseDecimal, quote, type ValuesOf } from './fields.ts';
import type { DecisionTree } from './links.ts';

// ————————————————————————————————————————— fields —————————————————————————————————————————

export const TREE_IDS = ['cache', 'sql-nosql', 'sync-async', 'consistency', 'shard-key'] as const satisfies readonly DecisionTree[];
export const ADR_STATUSES = ['proposed', 'accepted', 'deprecated', 'superseded'] as const;
export type AdrStatus = (typeof ADR_STATUSES)[number];

/** More answers than the deepest tree has questions is never a real walk. */
export const MAX_ANSWERS = 10;
export const MAX_TITLE_LENGTH = 100;
export const MAX_CONTEXT_LENGTH = 1_000;
export const MAX_CONTEXT_LINES = 20;
/** Che's approximation and the Zipf sums are O(n): a million items is a big catalogue and still fast in a browser. */
export const MAX_ZIPF_ITEMS = 1_000_000;
export const MAX_CHAIN = 20;
export const MAX_REGIONS = 9;

const ANSWER_ID = /^[a-z0-9-]{1,32}$/;

/**
 * What free text may hold: letters, marks and digits of any script, the space, and common punctuation. Excluded on
 * purpose: < > [ ] { } ` \ | * ~ ^ (markup and Markdown links), control and format characters (bidirectional
 * overrides, zero-width characters). The text is rendered as text and copied into Markdown, never as HTML.
 */
const PLAIN_CHARACTER = /^[\p{L}\p{M}\p{N} .,;:!?'"’‘“”()/&%+=@#$€£¥–—…·×°_-]$/u;

function describeCharacter(character: string): string {
  if (/^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(character)) return `"${character}"`;
  const code = character.codePointAt(0) ?? 0;
  return `the character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

export interface TextFieldSpec {
  key: string;
  label: string;
  maxLength: number;
  /** Allow line breaks (up to MAX_CONTEXT_LINES lines). */
  multiline?: boolean;
}

/** Plain text: length-limited, a small character set, empty allowed (the record then uses its own wording). */
export function textField(spec: TextFieldSpec): Field<string> {
  return {
    key: spec.key,
    label: spec.label,
    defaultValue: '',
    parse(raw): ParseResult<string> {
      const text = raw.replace(/\r\n?/g, '\n');
      if (text.length > spec.maxLength) return { ok: false, message: `${spec.label} must be at most ${spec.maxLength.toLocaleString('en-US')} characters, got ${text.length.toLocaleString('en-US')}` };
      if (text.includes('\n')) {
        if (!spec.multiline) return { ok: false, message: `${spec.label} must be a single line` };
        if (text.split('\n').length > MAX_CONTEXT_LINES) return { ok: false, message: `${spec.label} must be at most ${MAX_CONTEXT_LINES} lines` };
      }
      for (const character of text) {
        if (character === '\n' || PLAIN_CHARACTER.test(character)) continue;
        return { ok: false, message: `${spec.label} may contain only letters, digits, spaces and common punctuation; ${describeCharacter(character)} is not allowed` };
      }
      return { ok: true, value: text.trim() };
    },
    format: (value) => value,
  };
}

function availabilityItem(raw: string): ParseResult<number> {
  const value = parseDecimal(raw);
  if (value === undefined) return { ok: false, message: `availability must be a number, got ${quote(raw)}` };
  if (value <= 0 || value > 1) return { ok: false, message: `availability must be above 0 and at most 1 (0.999 = 99.9 %), got ${raw.trim()}` };
  return { ok: true, value };
}

export const DEFAULT_CHAIN = [0.9995, 0.999, 0.999, 0.999] as const;
export const DEFAULT_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'] as const;

export const decisionsFields = {
  tree: choiceField<DecisionTree>('tree', 'Decision tree', TREE_IDS, 'cache'),
  answers: listField<string>({
    key: 'answers',
    label: 'Answers',
    defaultValue: [],
    minItems: 0,
    maxItems: MAX_ANSWERS,
    item: (raw) => (ANSWER_ID.test(raw) ? { ok: true, value: raw } : { ok: false, message: `${quote(raw)} is not an answer id (lower-case letters, digits and hyphens)` }),
    formatItem: String,
  }),
  title: textField({ key: 'title', label: 'Title', maxLength: MAX_TITLE_LENGTH }),
  context: textField({ key: 'context', label: 'Context', maxLength: MAX_CONTEXT_LENGTH, multiline: true }),
  status: choiceField<AdrStatus>('status', 'Status', ADR_STATUSES, 'proposed'),

  // Cache or not.
  rate: numberField({ key: 'rate', label: 'Peak read rate', defaultValue: 2_000, above: 0, max: 1e9, unit: 'requests/s' }),
  origin: numberField({ key: 'origin', label: 'Origin capacity', defaultValue: 1_500, above: 0, max: 1e9, unit: 'requests/s' }),
  items: numberField({ key: 'items', label: 'Catalogue size', defaultValue: 100_000, min: 1, max: MAX_ZIPF_ITEMS, integer: true, unit: 'items' }),
  cached: numberField({ key: 'cached', label: 'Cache size', defaultValue: 10_000, min: 0, max: 1e9, integer: true, unit: 'items' }),
  zipf: numberField({ key: 'zipf', label: 'Popularity skew (Zipf exponent)', defaultValue: 0.9, min: 0, max: 3 }),
  hit: numberField({ key: 'hit', label: 'Hit latency', defaultValue: 1, min: 0, max: 60_000, unit: 'ms' }),
  miss: numberField({ key: 'miss', label: 'Miss latency', defaultValue: 30, min: 0, max: 60_000, unit: 'ms' }),
  target: numberField({ key: 'target', label: 'Mean latency target', defaultValue: 20, above: 0, max: 60_000, unit: 'ms' }),

  // Synchronous or asynchronous messaging.
  chain: listField<number>({
    key: 'chain',
    label: 'Services in the synchronous chain',
    defaultValue: DEFAULT_CHAIN,
    minItems: 1,
    maxItems: MAX_CHAIN,
    item: availabilityItem,
    formatItem: String,
  }),
  broker: numberField({ key: 'broker', label: 'Broker availability', defaultValue: 0.9999, above: 0, max: 1 }),
  slo: numberField({ key: 'slo', label: 'Availability objective', defaultValue: 0.999, above: 0, max: 0.999999 }),

  // Consistency level.
  regions: listField<Place>({
    key: 'regions',
    label: 'Replica regions',
    defaultValue: DEFAULT_REGIONS.map((id) => lookupPlace(id) as Place),
    minItems: 2,
    maxItems: MAX_REGIONS,
    item: (raw) => {
      const place = lookupPlace(raw);
      return place ? { ok: true, value: place } : { ok: false, message: `no city or cloud region is called ${quote(raw)}` };
    },
    formatItem: (place) => place.id,
  }),
  stretch: numberField({ key: 'stretch', label: 'Route stretch', defaultValue: 1.5, min: 1, max: 10 }),
  budget: numberField({ key: 'budget', label: 'Write latency budget', defaultValue: 150, above: 0, max: 60_000, unit: 'ms' }),

  // SQL or NoSQL, and the shard key: one description of the write load.
  writes: numberField({ key: 'writes', label: 'Peak write rate', defaultValue: 2_000, above: 0, max: 1e9, unit: 'writes/s' }),
  nodecap: numberField({ key: 'nodecap', label: 'Write capacity of one node', defaultValue: 10_000, above: 0, max: 1e9, unit: 'writes/s' }),
  util: numberField({ key: 'util', label: 'Target utilization', defaultValue: 0.7, above: 0, max: 1 }),
  growth: numberField({ key: 'growth', label: 'Monthly growth', defaultValue: 0.05, min: -0.5, max: 2 }),
  horizon: numberField({ key: 'horizon', label: 'Planning horizon', defaultValue: 18, min: 0, max: 120, integer: true, unit: 'months' }),
  keys: numberField({ key: 'keys', label: 'Distinct keys', defaultValue: 100_000, min: 1, max: MAX_ZIPF_ITEMS, integer: true }),
  skew: numberField({ key: 'skew', label: 'Key skew (Zipf exponent)', defaultValue: 0.8, min: 0, max: 3 }),
} satisfies FieldSet;

export type DecisionsFields = typeof decisionsFields;
export type DecisionsValues = ValuesOf<DecisionsFields>;
export type FieldName = keyof DecisionsFields;
export type DecisionsErrors = Partial<Record<FieldName, string>>;

/** How the island shows a numeric input: a unit or scale beside the label and a one-line hint. */
export interface InputInfo {
  unit?: string;
  hint?: string;
  inputMode?: 'decimal' | 'numeric' | 'text';
}

export const INPUT_INFO: Partial<Record<FieldName, InputInfo>> = {
  rate: { unit: 'requests/s', hint: 'Reads of this data at the busiest time.' },
  origin: { unit: 'requests/s', hint: 'What the database or service behind the cache sustains.' },
  items: { unit: 'items', inputMode: 'numeric', hint: 'Distinct items that can be requested; above a million, enter 1,000,000.' },
  cached: { unit: 'items', inputMode: 'numeric', hint: 'How many items the cache can hold.' },
  zipf: { hint: '0 is uniform; web workloads measure 0.6 to 1.0 (Breslau et al., 1999).' },
  hit: { unit: 'ms' },
  miss: { unit: 'ms', hint: 'A read served by the origin.' },
  target: { unit: 'ms', hint: 'The mean read latency you need.' },
  chain: { unit: 'availabilities, 0 to 1', inputMode: 'text', hint: 'One per service, first the one that receives the request, e.g. 0.9995, 0.999.' },
  broker: { unit: '0 to 1', hint: 'The message broker or queue that accepts the work.' },
  slo: { unit: '0 to 1', hint: '0.999 is 99.9 %: about 43.8 minutes down a month.' },
  regions: { unit: 'cities or cloud regions', inputMode: 'text', hint: 'One replica in each, comma-separated, e.g. us-east-1, eu-west-1, London.' },
  stretch: { unit: '× great circle', hint: 'Cable route over great-circle distance: 1 is the physical floor.' },
  budget: { unit: 'ms', hint: 'The slowest write latency a client may see.' },
  writes: { unit: 'writes/s', hint: 'Writes at the busiest time today.' },
  nodecap: { unit: 'writes/s', hint: 'What one node (one primary, one shard) sustains, measured.' },
  util: { unit: '0 to 1', hint: 'Keep below about 0.7: queueing delay grows as 1/(1 − ρ).' },
  growth: { unit: '0.05 = 5 % a month' },
  horizon: { unit: 'months', inputMode: 'numeric', hint: 'How long the decision should hold.' },
  keys: { unit: 'keys', inputMode: 'numeric', hint: 'Entities the shard key can take; above a million, enter 1,000,000.' },
  skew: { hint: '0 is an even spread; 1 is a classic Zipf law.' },
};

// ————————————————————————————————————————— trees —————————————————————————————————————————

export type ComputedKind = 'cache' | 'chain' | 'accept' | 'quorum' | 'capacity' | 'hot-key';

/** The answers each computation can point to; a computed question must offer every one of them as an option id. */
export const VERDICTS: Record<ComputedKind, readonly string[]> = {
  cache: ['needed', 'not-needed', 'not-enough'],
  chain: ['meets', 'misses'],
  accept: ['async-only', 'both', 'sync-only', 'neither'],
  quorum: ['fits', 'too-slow'],
  capacity: ['fits', 'exceeds'],
  'hot-key': ['fits', 'hot'],
};

/** The inputs shown with a computed question. */
export const COMPUTED_INPUTS: Record<ComputedKind, readonly FieldName[]> = {
  cache: ['rate', 'origin', 'items', 'cached', 'zipf', 'hit', 'miss', 'target'],
  chain: ['chain', 'slo'],
  accept: ['chain', 'broker', 'slo'],
  quorum: ['regions', 'stretch', 'budget'],
  capacity: ['writes', 'nodecap', 'util', 'growth', 'horizon'],
  'hot-key': ['keys', 'skew'],
};

/** Inputs a computation also reads, entered at an earlier question of the same tree. */
const ALSO_READS: Partial<Record<ComputedKind, readonly FieldName[]>> = {
  'hot-key': ['writes', 'nodecap', 'util', 'growth', 'horizon'],
};

export interface Link {
  href: string;
  label: string;
}

export interface Option {
  id: string;
  label: string;
  /** A question or an outcome of the same tree. */
  next: string;
}

export interface Question {
  id: string;
  text: string;
  /** One line: why the answer matters. */
  why: string;
  options: readonly Option[];
  computed?: ComputedKind;
}

export interface Alternative {
  name: string;
  why: string;
}

export interface Outcome {
  id: string;
  /** A decision, phrased as a record's title. */
  title: string;
  /** The decision, in the first person plural, as the record states it. */
  decision: string;
  good: readonly string[];
  bad: readonly string[];
  alternatives: readonly Alternative[];
  links: readonly Link[];
}

export interface TreeSpec {
  id: DecisionTree;
  name: string;
  summary: string;
  start: string;
  questions: Readonly<Record<string, Question>>;
  outcomes: Readonly<Record<string, Outcome>>;
}

const L = {
  caching: { href: '/patterns/caching-strategies/', label: 'Caching Strategies' },
  cacheEconomics: { href: '/quantitative/cache-economics/', label: 'Cache Economics' },
  capacityPlanning: { href: '/quantitative/capacity-planning/', label: 'Capacity Planning' },
  coordinationCosts: { href: '/quantitative/coordination-costs/', label: 'Coordination Costs' },
  littlesLaw: { href: '/quantitative/littles-law/', label: "Little's Law" },
  latency: { href: '/part1-axioms/axiom1-latency/', label: 'Axiom 1: Latency' },
  capacity: { href: '/part1-axioms/axiom2-capacity/', label: 'Axiom 2: Capacity' },
  failure: { href: '/part1-axioms/axiom3-failure/', label: 'Axiom 3: Failure' },
  composing: { href: '/part1-axioms/axiom3-failure/#composing-components-series-parallel-k-of-n', label: 'Axiom 3: composing components in series and parallel' },
  concurrency: { href: '/part1-axioms/axiom4-concurrency/', label: 'Axiom 4: Concurrency' },
  coordination: { href: '/part1-axioms/axiom5-coordination/', label: 'Axiom 5: Coordination' },
  commitMap: { href: '/part1-axioms/axiom5-coordination/#commit-latency-on-a-real-map', label: 'Axiom 5: commit latency on a real map' },
  cap: { href: '/part1-axioms/axiom5-coordination/#availability-is-the-other-price-cap-and-pacelc', label: 'Axiom 5: CAP and PACELC' },
  headroom: { href: '/part1-axioms/axiom2-capacity/#headroom-how-much-spare-capacity-is-enough', label: 'Axiom 2: how much headroom is enough' },
  state: { href: '/part2-pillars/state/', label: 'Pillar 2: State' },
  truth: { href: '/part2-pillars/truth/', label: 'Pillar 3: Truth' },
  sharding: { href: '/patterns/sharding/', label: 'Sharding' },
  eventDriven: { href: '/patterns/event-driven/', label: 'Event-Driven Architecture' },
  eventSourcing: { href: '/patterns/event-sourcing/', label: 'Event Sourcing' },
  cqrs: { href: '/patterns/cqrs/', label: 'CQRS' },
  outbox: { href: '/patterns/outbox/', label: 'Transactional Outbox' },
  saga: { href: '/patterns/saga/', label: 'Saga' },
  circuitBreaker: { href: '/patterns/circuit-breaker/', label: 'Circuit Breaker' },
  retry: { href: '/patterns/retry-backoff/', label: 'Retry and Backoff' },
  degradation: { href: '/patterns/graceful-degradation/', label: 'Graceful Degradation' },
  bulkhead: { href: '/patterns/bulkhead/', label: 'Bulkhead' },
  shedding: { href: '/patterns/load-shedding/', label: 'Load Shedding' },
} as const satisfies Record<string, Link>;

const cacheTree: TreeSpec = {
  id: 'cache',
  name: 'Cache or not',
  summary: 'Whether to put a cache in front of a data source, and which kind.',
  start: 'read-heavy',
  questions: {
    'read-heavy': {
      id: 'read-heavy',
      text: 'Is each item read many times between changes?',
      why: 'A cache pays only when an entry is read again before it changes; otherwise every lookup is a miss plus an invalidation.',
      options: [
        { id: 'yes', label: 'Yes: items are read many times before they change', next: 'load' },
        { id: 'no', label: 'No: items change about as often as they are read, or are read once', next: 'no-cache' },
      ],
    },
    load: {
      id: 'load',
      text: 'With the cache you can afford, does the origin stay within its capacity and reads within the latency target?',
      why: 'Under a Zipf workload a cache holding a small share of the items absorbs most requests; Che’s approximation says how many, and the misses are what the origin must still serve.',
      computed: 'cache',
      options: [
        { id: 'needed', label: 'Yes, and only with the cache: without it the origin is overloaded or too slow', next: 'staleness' },
        { id: 'not-needed', label: 'The origin already copes: enough capacity and low enough latency without a cache', next: 'no-cache-yet' },
        { id: 'not-enough', label: 'No: even with the cache the origin is overloaded or reads are too slow', next: 'scale-origin' },
      ],
    },
    staleness: {
      id: 'staleness',
      text: 'Can readers accept data that is stale for up to a time-to-live?',
      why: 'A cache answers from a copy: between a write and the copy’s expiry or invalidation, readers see the old value.',
      options: [
        { id: 'yes', label: 'Yes: seconds or minutes of staleness are fine (catalogues, profiles, feeds)', next: 'cache-aside' },
        { id: 'single-writer', label: 'No, but every write goes through one service that can update the cache', next: 'write-through' },
        { id: 'no', label: 'No, and many writers change the data', next: 'no-cache-fresh' },
      ],
    },
  },
  outcomes: {
    'no-cache': {
      id: 'no-cache',
      title: 'Do not cache this data: it changes about as often as it is read',
      decision:
        'We will not put a cache in front of this data. We will serve it from the origin and make the origin cheaper to read (indexes, query shape, capacity) instead.',
      good: ['Every read sees the latest write; there is no invalidation logic to get wrong.', 'One fewer tier to run, monitor and pay for.'],
      bad: ['The origin carries the whole read load, and its capacity must be planned for it.', 'Read latency is the origin’s latency.'],
      alternatives: [
        { name: 'Cache-aside with a short time-to-live', why: 'most entries would change or expire before a second read, so the hit ratio would be low' },
        { name: 'Write-through cache', why: 'every update would also write an entry that is rarely read again' },
      ],
      links: [L.caching, L.cacheEconomics, L.capacity],
    },
    'no-cache-yet': {
      id: 'no-cache-yet',
      title: 'Do not cache yet: the origin copes on its own',
      decision:
        'We will not add a cache now, because the origin has the capacity and the latency we need. We will revisit the decision when an alert on origin utilization shows the read rate approaching its capacity.',
      good: ['No stale reads and no invalidation to reason about.', 'Lower cost and fewer moving parts.'],
      bad: ['No buffer against a traffic spike: the origin takes every request.', 'The decision expires with growth, so it needs a trigger to be revisited.'],
      alternatives: [{ name: 'Cache-aside now', why: 'would cut origin load and latency further, but buys headroom we do not yet need at the price of stale reads' }],
      links: [L.cacheEconomics, L.capacityPlanning, L.headroom],
    },
    'scale-origin': {
      id: 'scale-origin',
      title: 'Scale the origin: a cache alone is not enough',
      decision:
        'We will scale the origin (replicas, shards or cheaper misses) until it can carry the miss traffic within its latency target, and size a cache alongside it; the cache alone cannot close the gap.',
      good: ['The system meets its load with margin instead of depending on a hit ratio it cannot reach.', 'A cache added on top of a sound origin only improves it.'],
      bad: [
        'More origin capacity costs money and, for a database, may mean sharding.',
        'A cold or flushed cache still sends the full read rate to the origin.',
      ],
      alternatives: [
        { name: 'A bigger cache', why: 'under a Zipf workload the hit ratio grows slowly with cache size; compute how large it must be before buying it' },
        { name: 'Load shedding at the origin', why: 'protects the origin but fails requests instead of serving them' },
      ],
      links: [L.sharding, L.shedding, L.cacheEconomics, L.capacity],
    },
    'cache-aside': {
      id: 'cache-aside',
      title: 'Use a cache-aside cache with a time-to-live',
      decision:
        'We will put a cache-aside cache in front of the origin: readers look in the cache first and fill it from the origin on a miss; entries expire after a time-to-live that bounds staleness, and writers delete the entries they change.',
      good: [
        'Most reads are served from memory; the origin carries only the misses.',
        'Staleness is bounded by the time-to-live.',
        'The cache holds only copies: losing it loses no data.',
      ],
      bad: [
        'Readers can see a stale value until its entry expires or is deleted.',
        'A cold or flushed cache sends the full read rate to the origin, so misses for the same key must be coalesced and the origin protected.',
        'A miss that fills the cache while a write happens can put the old value back; leases or versioned entries close that race.',
      ],
      alternatives: [
        { name: 'Write-through cache', why: 'fresher, but puts the cache on every write path' },
        { name: 'No cache and a larger origin', why: 'the origin would have to carry every read' },
      ],
      links: [L.caching, L.cacheEconomics, L.shedding],
    },
    'write-through': {
      id: 'write-through',
      title: 'Use a write-through cache owned by the writing service',
      decision:
        'We will route every write through the service that owns the data, and that service will update the cache as part of each write (write-through), so readers of the cache see a write as soon as it is acknowledged.',
      good: ['Reads are served from memory and see each acknowledged write.', 'No time-to-live guesswork for freshness.'],
      bad: [
        'Every write pays for two stores, and a failure between them leaves the cache wrong unless the write is retried or the entry deleted.',
        'A writer that bypasses the owning service breaks freshness silently.',
        'A miss that fills the cache while a write happens can still put the old value back; versioned entries close that race.',
      ],
      alternatives: [
        { name: 'Cache-aside with a time-to-live', why: 'simpler, but readers would see stale data for up to the time-to-live' },
        { name: 'No cache', why: 'the origin would carry every read' },
      ],
      links: [L.caching, L.state, L.concurrency],
    },
    'no-cache-fresh': {
      id: 'no-cache-fresh',
      title: 'Do not cache: readers need fresh data and many writers change it',
      decision:
        'We will not cache this data. We will scale the origin for reads instead: replicas for the reads that tolerate replication lag, the primary for those that do not.',
      good: ['Reads from the primary see the latest committed write.', 'No invalidation protocol to keep correct across many writers.'],
      bad: ['The origin carries the read load and may need scaling or sharding.', 'Read latency stays at the origin’s latency.'],
      alternatives: [
        { name: 'Cache-aside with invalidation by every writer', why: 'one writer path that forgets to invalidate serves stale data until the time-to-live' },
        { name: 'Invalidation from the database’s change stream', why: 'covers every writer, but still leaves a window of stale reads' },
      ],
      links: [L.caching, L.state, L.sharding],
    },
  },
};

const sqlTree: TreeSpec = {
  id: 'sql-nosql',
  name: 'SQL or NoSQL',
  summary: 'Which family of database to store a data set in.',
  start: 'transactions',
  questions: {
    transactions: {
      id: 'transactions',
      text: 'Do invariants span several records, so that they must change together in one transaction?',
      why: 'Relational databases make multi-row changes atomic; most NoSQL stores make only one item or one partition atomic, leaving the rest to the application.',
      options: [
        { id: 'yes', label: 'Yes: balances, stock, bookings or other rules across records', next: 'primary-fits' },
        { id: 'no', label: 'No: each operation reads or writes one item or one aggregate', next: 'access' },
      ],
    },
    'primary-fits': {
      id: 'primary-fits',
      text: 'Will one primary carry the peak write load, with headroom, over the planning horizon?',
      why: 'A relational database scales reads with replicas, but every write goes through one primary: its capacity at a safe utilization decides when you must partition.',
      computed: 'capacity',
      options: [
        { id: 'fits', label: 'Yes: one primary is enough for the horizon', next: 'relational' },
        { id: 'exceeds', label: 'No: the writes need more than one node', next: 'distributed-sql' },
      ],
    },
    access: {
      id: 'access',
      text: 'Are all the queries known in advance and answered by looking up a key?',
      why: 'Key-value and document stores scale out because each query is designed into a key; a new kind of question later needs a new table or index built from the data.',
      options: [
        { id: 'known', label: 'Yes: lookups by id, or by a key designed for each query', next: 'node-fits' },
        { id: 'adhoc', label: 'No: people will ask new questions of the data (reports, search, filters)', next: 'relational' },
      ],
    },
    'node-fits': {
      id: 'node-fits',
      text: 'Will one node carry the peak write load, with headroom, over the planning horizon?',
      why: 'If one node is enough, a relational database answers known queries just as well and keeps transactions and new queries available for later; scaling out is what NoSQL is for.',
      computed: 'capacity',
      options: [
        { id: 'fits', label: 'Yes: one node is enough for the horizon', next: 'relational' },
        { id: 'exceeds', label: 'No: the data must be spread over several nodes', next: 'shape' },
      ],
    },
    shape: {
      id: 'shape',
      text: 'What shape is the data?',
      why: 'NoSQL families differ in the unit they store and partition: a document, rows ordered under a partition key, or an opaque value.',
      options: [
        { id: 'documents', label: 'Self-contained documents read and written whole (an order with its lines, a profile)', next: 'document' },
        { id: 'wide', label: 'Many rows per key, ordered by time or sequence (events, metrics, messages)', next: 'wide-column' },
        { id: 'values', label: 'Opaque values fetched by key (sessions, carts, feature flags)', next: 'key-value' },
      ],
    },
  },
  outcomes: {
    relational: {
      id: 'relational',
      title: 'Use a relational (SQL) database',
      decision: 'We will store this data in a relational database with a single primary, scale reads with replicas, and keep invariants in transactions.',
      good: [
        'Multi-row ACID transactions keep invariants without compensation logic in the application.',
        'New queries need only SQL and, at most, a new index.',
        'Mature tooling for backups, migrations and point-in-time recovery.',
      ],
      bad: [
        'Writes are bounded by one primary; outgrowing it later means partitioning or a distributed SQL database.',
        'Schema changes on large tables need online migration tooling.',
        'While a failed primary is replaced, writes fail for seconds to minutes.',
      ],
      alternatives: [
        { name: 'A document or key-value store', why: 'would move multi-record rules and new queries into the application' },
        { name: 'A distributed SQL database', why: 'pays consensus latency on every write for scale we do not need within the horizon' },
      ],
      links: [L.state, L.capacityPlanning, L.sharding, L.capacity],
    },
    'distributed-sql': {
      id: 'distributed-sql',
      title: 'Use a distributed SQL database, or partition a relational one',
      decision:
        'We will use a database that partitions data over nodes while keeping SQL and transactions (a distributed SQL database such as Spanner or CockroachDB, or a sharded relational one such as Vitess or Citus), with a partition key chosen so that most transactions stay within one partition.',
      good: ['Transactions and SQL survive the move past one primary’s write capacity.', 'Capacity grows by adding nodes.'],
      bad: [
        'Transactions that span partitions need a distributed commit and pay its round trips.',
        'Each write waits for replication by consensus, longer across regions.',
        'The partition key becomes a long-lived decision (see the shard-key tree).',
      ],
      alternatives: [
        { name: 'A single larger primary', why: 'the projected write load exceeds one node at the target utilization' },
        { name: 'NoSQL with invariants kept by the application', why: 'moves correctness out of the database into every service that writes' },
      ],
      links: [L.sharding, L.coordinationCosts, L.coordination, L.saga],
    },
    document: {
      id: 'document',
      title: 'Use a document database',
      decision: 'We will store each aggregate as one document in a document database, partitioned by the aggregate’s id, with an index designed for each known query.',
      good: ['An aggregate is read and written in one atomic operation.', 'Scales out by partition; the schema can evolve document by document.'],
      bad: [
        'Rules that span documents need sagas or compensation.',
        'Each new query needs a new index or read model, and joins happen in the application.',
        'Denormalised copies must be kept in step by the application.',
      ],
      alternatives: [
        { name: 'A relational database', why: 'one node cannot carry the projected write load' },
        { name: 'A key-value store', why: 'we need to query inside the document, not only fetch it' },
      ],
      links: [L.cqrs, L.saga, L.sharding, L.state],
    },
    'wide-column': {
      id: 'wide-column',
      title: 'Use a wide-column store keyed by partition and sort key',
      decision:
        'We will use a wide-column store and key each table by the query it serves: a partition key that spreads the writes, and a clustering (sort) key that orders the rows within a partition.',
      good: ['High write throughput, spread evenly over nodes.', 'Range reads within a partition (the latest events of an entity) are cheap.'],
      bad: [
        'One table per query: data is duplicated and kept in step by the application.',
        'A hot or unbounded partition overloads one node, so partition keys usually need a time bucket.',
        'Consistency is chosen per request, and quorum reads and writes cost latency.',
      ],
      alternatives: [
        { name: 'A document database', why: 'rows per key grow without bound, which fits a partition of sorted rows better than one document' },
        { name: 'A relational database', why: 'one node cannot carry the projected write load' },
      ],
      links: [L.sharding, L.coordinationCosts, L.state],
    },
    'key-value': {
      id: 'key-value',
      title: 'Use a partitioned key-value store',
      decision: 'We will use a partitioned key-value store: values are read and written whole by key, with a time-to-live where the data is ephemeral.',
      good: ['The simplest model: single-key operations at predictable latency.', 'Scales out almost linearly by hashing keys over nodes.'],
      bad: [
        'No queries beyond the key: anything else needs a separate index or store.',
        'Atomicity is per key; changes to several keys need care.',
        'A hot key concentrates load on one node.',
      ],
      alternatives: [
        { name: 'A document database', why: 'we never query inside the value' },
        { name: 'A relational database', why: 'one node cannot carry the projected write load' },
      ],
      links: [L.sharding, L.caching, L.state],
    },
  },
};

const syncTree: TreeSpec = {
  id: 'sync-async',
  name: 'Synchronous or asynchronous messaging',
  summary: 'Whether one service should call another and wait, or hand it a message.',
  start: 'needs-result',
  questions: {
    'needs-result': {
      id: 'needs-result',
      text: 'Does the caller need the callee’s result before it can answer its own client?',
      why: 'If the result is part of the response, the call is on the critical path; if not, the work can be handed to a broker and done later.',
      options: [
        { id: 'yes', label: 'Yes: the response depends on it (a price, an authorisation, a search result)', next: 'sync-chain' },
        { id: 'no', label: 'No: the caller only needs to know the work will be done (email, indexing, fulfilment)', next: 'accept' },
      ],
    },
    'sync-chain': {
      id: 'sync-chain',
      text: 'Does the synchronous call chain meet the availability objective?',
      why: 'Every service in a synchronous chain must be up for the request to succeed, so the chain’s availability is the product of theirs: lower than its weakest link.',
      computed: 'chain',
      options: [
        { id: 'meets', label: 'Yes: the chain is at least as available as the objective', next: 'sync-rpc' },
        { id: 'misses', label: 'No: the chain is less available than the objective', next: 'sync-shorten' },
      ],
    },
    accept: {
      id: 'accept',
      text: 'Which style accepts the work with the availability the objective asks for?',
      why: 'Synchronously, accepting a request needs every service in the chain; asynchronously, only the first service and the broker, because the others process the message when they are back.',
      computed: 'accept',
      options: [
        { id: 'async-only', label: 'Only asynchronous messaging meets it', next: 'consumers' },
        { id: 'both', label: 'Both meet it', next: 'sync-simple' },
        { id: 'sync-only', label: 'Only the synchronous chain meets it (the broker is the weak link)', next: 'sync-simple' },
        { id: 'neither', label: 'Neither meets it', next: 'fix-path' },
      ],
    },
    consumers: {
      id: 'consumers',
      text: 'Who acts on the message?',
      why: 'One worker taking tasks, several services reacting to the same event, and consumers that need each entity’s events in order call for different brokers and guarantees.',
      options: [
        { id: 'one', label: 'One kind of worker does the job (a task)', next: 'queue' },
        { id: 'many', label: 'Several services react to the same event, and order does not matter', next: 'pub-sub' },
        { id: 'ordered', label: 'Consumers need each entity’s events in order, or must replay history', next: 'event-log' },
      ],
    },
  },
  outcomes: {
    'sync-rpc': {
      id: 'sync-rpc',
      title: 'Call synchronously, with timeouts, retries and circuit breakers',
      decision:
        'We will call the downstream services synchronously (request and response), with a timeout on every call, retries with exponential backoff and jitter for idempotent calls only, and a circuit breaker per dependency.',
      good: ['Simple to reason about: when the call returns, the caller has the result or an error.', 'No broker to run; failures surface to the client at once.'],
      bad: [
        'The request fails when any service in the chain fails: availability is the product of the chain’s.',
        'Latencies add up along the chain, and the slowest call sets the tail.',
        'Retries multiply the load on a struggling dependency unless they are budgeted.',
      ],
      alternatives: [{ name: 'An asynchronous request with a later notification', why: 'the client needs the result in the response' }],
      links: [L.circuitBreaker, L.retry, L.composing, L.latency],
    },
    'sync-shorten': {
      id: 'sync-shorten',
      title: 'Stay synchronous, but take services off the critical path',
      decision:
        'We will keep the call synchronous, because the response needs its result, and raise the chain’s availability by taking services off the critical path: cache or replicate the data the caller reads, merge calls, make non-essential calls optional with graceful degradation, and add redundancy to the weakest link.',
      good: ['Each service removed from the chain removes a factor from the product, so availability rises.', 'Latency falls with every call removed.'],
      bad: [
        'Cached or replicated data can be stale.',
        'Degraded responses must be designed and tested feature by feature.',
        'Redundancy costs money and helps only against independent failures.',
      ],
      alternatives: [
        { name: 'Asynchronous messaging', why: 'the client needs the result before it can be answered' },
        { name: 'A lower objective', why: 'possible, but it must be agreed with the service’s users' },
      ],
      links: [L.degradation, L.caching, L.bulkhead, L.composing],
    },
    'sync-simple': {
      id: 'sync-simple',
      title: 'Hand the work over with a synchronous call, for now',
      decision:
        'We will hand the work over with a synchronous call, because the synchronous path meets the availability objective, and keep the call idempotent so that it can move behind a queue later.',
      good: ['No broker to operate; failures are visible to the caller at once.', 'Simpler tracing and debugging.'],
      bad: [
        'A slow downstream slows the caller, and there is no buffer for load spikes.',
        'The downstream must be up whenever the caller is, so their deployments are coupled.',
      ],
      alternatives: [{ name: 'Asynchronous messaging', why: 'adds a broker to run and makes the outcome visible only later, for no gain in availability here' }],
      links: [L.eventDriven, L.circuitBreaker, L.retry, L.composing],
    },
    'fix-path': {
      id: 'fix-path',
      title: 'Raise the availability of the accepting path before choosing a messaging style',
      decision:
        'We will not choose the messaging style on availability, because neither style meets the objective. We will first raise the availability of the services that accept the work (redundancy across failure domains, a more available broker) or agree a lower objective.',
      good: ['Effort goes to the components that bound availability in either style.'],
      bad: ['The choice of messaging style is deferred.', 'Redundancy costs money and helps only against independent failures.'],
      alternatives: [
        { name: 'Asynchronous messaging as it is', why: 'does not meet the objective' },
        { name: 'Synchronous calls as they are', why: 'do not meet the objective' },
      ],
      links: [L.composing, L.bulkhead, L.degradation],
    },
    queue: {
      id: 'queue',
      title: 'Use a durable work queue with at-least-once delivery',
      decision:
        'We will put the work on a durable queue consumed by a pool of workers, acknowledge each message only after its work is done, make the handlers idempotent, and move messages that keep failing to a dead-letter queue.',
      good: ['Requests are accepted while the workers are down; the queue absorbs load spikes.', 'Workers scale with the backlog.'],
      bad: [
        'Delivery is at least once, so duplicates must be harmless.',
        'The client learns the outcome later, so the product must show pending states.',
        'The backlog’s length and age need alerts: a growing queue is a silent outage.',
      ],
      alternatives: [
        { name: 'A synchronous call', why: 'less available, and a slow worker would slow the caller' },
        { name: 'A partitioned event log', why: 'tasks need neither replay nor order per entity' },
      ],
      links: [L.eventDriven, L.outbox, L.retry, L.littlesLaw],
    },
    'pub-sub': {
      id: 'pub-sub',
      title: 'Publish events to a topic that each interested service subscribes to',
      decision:
        'We will publish an event when the fact happens, to a topic that each interested service subscribes to with its own durable subscription, and write the event through a transactional outbox so that the state change and the event cannot diverge.',
      good: ['Producers do not know their consumers; new consumers are added without changing the producer.', 'Each consumer fails and recovers on its own.'],
      bad: [
        'Delivery is at least once and unordered: consumers must be idempotent and tolerate reordering.',
        'A business process is spread across services and harder to follow without tracing.',
        'Event schemas become a public contract that needs versioning.',
      ],
      alternatives: [
        { name: 'Synchronous calls to each consumer', why: 'the producer would fail whenever any consumer fails' },
        { name: 'A partitioned event log', why: 'neither order nor replay is needed' },
      ],
      links: [L.eventDriven, L.outbox, L.saga],
    },
    'event-log': {
      id: 'event-log',
      title: 'Use a partitioned event log keyed by entity',
      decision:
        'We will append events to a partitioned, replicated log (such as Kafka) keyed by the entity’s id, so that each entity’s events stay in order within one partition; consumers track their own offsets, and producers write through a transactional outbox.',
      good: ['Order per entity, and replay from any offset, so a new consumer can rebuild its state from history.', 'High throughput; consumers scale up to the number of partitions.'],
      bad: [
        'Order holds only within a partition, and a hot entity is limited to one partition’s throughput.',
        'Retention and compaction must be planned: the log is a store to operate.',
        'Consumers must be idempotent: delivery is at least once unless transactions span the whole pipeline.',
      ],
      alternatives: [
        { name: 'A work queue', why: 'keeps no order per entity and allows no replay' },
        { name: 'A publish/subscribe topic', why: 'keeps no order per entity' },
      ],
      links: [L.eventDriven, L.eventSourcing, L.cqrs, L.outbox],
    },
  },
};

const consistencyTree: TreeSpec = {
  id: 'consistency',
  name: 'Consistency level',
  summary: 'How strongly replicas of a data set must agree before a read or a write completes.',
  start: 'invariant',
  questions: {
    invariant: {
      id: 'invariant',
      text: 'Would a stale or conflicting read break an invariant?',
      why: 'Rules that must hold at every moment (a seat sold once, a name taken once) need the replicas to agree on the order of writes, which costs a quorum round trip.',
      options: [
        { id: 'yes', label: 'Yes: a stale read could double-spend, oversell or duplicate', next: 'quorum' },
        { id: 'no', label: 'No: a slightly old read is harmless', next: 'own-writes' },
      ],
    },
    quorum: {
      id: 'quorum',
      text: 'Can writes afford a majority quorum across your regions?',
      why: 'A linearizable write commits when a majority of replicas has it: the leader waits for the nearest majority, and a client elsewhere first crosses to the leader.',
      computed: 'quorum',
      options: [
        { id: 'fits', label: 'Yes: the slowest client’s write fits the budget', next: 'linearizable' },
        { id: 'too-slow', label: 'No: the quorum round trips are too slow', next: 'home-region' },
      ],
    },
    'home-region': {
      id: 'home-region',
      text: 'Does each record have a home region where nearly all its writes happen?',
      why: 'If a record is written from one region (an account, a tenant), a quorum inside that region is fast, and only records that move pay the cross-region price.',
      options: [
        { id: 'yes', label: 'Yes: records belong to a region (a user’s or a tenant’s)', next: 'home-linearizable' },
        { id: 'no', label: 'No: the same record is written from anywhere', next: 'selective' },
      ],
    },
    'own-writes': {
      id: 'own-writes',
      text: 'Must users see their own writes at once?',
      why: 'Read-your-writes and monotonic reads order only one client’s operations: far cheaper than linearizability, yet they remove the anomalies users notice most.',
      options: [
        { id: 'yes', label: 'Yes: a user who saves something must see it on the next page', next: 'causal-session' },
        { id: 'no', label: 'No: a short delay is invisible or acceptable', next: 'concurrent' },
      ],
    },
    concurrent: {
      id: 'concurrent',
      text: 'Can the same item be updated in two places at the same time?',
      why: 'When replicas accept writes independently, concurrent updates conflict, and the store must merge them or keep one.',
      options: [
        { id: 'mergeable', label: 'Yes, and the updates can be merged (counters, sets, shared text)', next: 'crdt' },
        { id: 'overwrite', label: 'Yes, and the last write may win', next: 'eventual-lww' },
        { id: 'single-writer', label: 'No: each item has one writer', next: 'eventual' },
      ],
    },
  },
  outcomes: {
    linearizable: {
      id: 'linearizable',
      title: 'Use linearizable consistency with a multi-region quorum',
      decision:
        'We will replicate this data with a consensus protocol (Raft or Multi-Paxos) across the listed regions, place the leader where commits are fastest, and serve reads that need the latest value through the leader (with a lease or a read index).',
      good: [
        'Every read sees the latest committed write, so invariants hold without compensation.',
        'Committed writes survive the loss of a minority of replicas, a whole region included.',
      ],
      bad: [
        'Every write pays a quorum round trip across regions, plus the trip to the leader from distant clients.',
        'A region cut off from the majority cannot accept writes: consistency is chosen over availability during a partition.',
        'Leader placement and failover change write latency, so both must be monitored.',
      ],
      alternatives: [
        { name: 'Home-region replication with asynchronous copies', why: 'faster, but only for records that are written from one region' },
        { name: 'Eventual consistency', why: 'a stale read would break the invariant' },
      ],
      links: [L.commitMap, L.cap, L.coordinationCosts, L.truth],
    },
    'home-linearizable': {
      id: 'home-linearizable',
      title: 'Keep each record linearizable in its home region',
      decision:
        'We will give each record a home region, run its consensus group across that region’s zones so that writes commit at in-region latency, and replicate it asynchronously to other regions for reads that tolerate staleness; records that move are re-homed explicitly.',
      good: ['Writes and fresh reads in the home region are fast and linearizable.', 'Other regions read locally, at the price of staleness.'],
      bad: [
        'Losing the home region loses the writes not yet copied elsewhere, or blocks writes until failover.',
        'Clients outside the home region pay a cross-region round trip for writes and fresh reads.',
        'Re-homing a record is a migration that needs care.',
      ],
      alternatives: [
        { name: 'A multi-region quorum for every write', why: 'the computed write latency exceeds the budget' },
        { name: 'Eventual consistency', why: 'a stale read would break the invariant' },
      ],
      links: [L.commitMap, L.state, L.truth, L.latency],
    },
    selective: {
      id: 'selective',
      title: 'Pay for linearizability only on the operations that guard an invariant',
      decision:
        'We will run the operations that protect the invariant (reserve, debit, claim a name) through a multi-region consensus group and accept its latency there, and serve everything else from eventually consistent local replicas.',
      good: ['Invariants hold while most reads and writes stay local and fast.', 'The expensive path is small and explicit.'],
      bad: [
        'Two consistency models in one system: developers must know which path an operation takes.',
        'The guarded operations still pay the quorum latency computed at the previous question.',
        'Data read eventually may briefly disagree with the guarded state.',
      ],
      alternatives: [
        { name: 'A multi-region quorum for everything', why: 'every write would pay a latency above the budget' },
        { name: 'Escrow: split a quota between regions in advance', why: 'suits counters and stock, not unique names' },
      ],
      links: [L.coordinationCosts, L.commitMap, L.truth, L.saga],
    },
    'causal-session': {
      id: 'causal-session',
      title: 'Use causal consistency with session guarantees',
      decision:
        'We will replicate asynchronously and give every client session read-your-writes and monotonic reads, by routing a session to the replica it wrote to, or by passing a version token that a replica must have reached before it answers.',
      good: ['Users always see their own changes and never see time go backwards.', 'Reads stay local, and writes do not wait for other regions.'],
      bad: [
        'Different users can briefly see different values.',
        'Session routing or version tokens must survive every client path, retries and failover included.',
        'Concurrent writes by different users still need a conflict rule.',
      ],
      alternatives: [
        { name: 'Linearizable consistency', why: 'no invariant needs it, and it would put a quorum round trip on every write' },
        { name: 'Plain eventual consistency', why: 'users would sometimes not see what they had just saved' },
      ],
      links: [L.truth, L.state, L.cap],
    },
    crdt: {
      id: 'crdt',
      title: 'Use eventual consistency with mergeable data types (CRDTs)',
      decision:
        'We will let every replica accept writes and model the data as conflict-free replicated data types (counters, sets, maps, sequences), so that replicas merge concurrent updates deterministically and converge.',
      good: ['Writes are local and stay available even when regions are cut off.', 'No update is lost: concurrent changes are merged, not overwritten.'],
      bad: [
        'Only operations with a CRDT form are possible, and rules such as “never below zero” cannot be enforced.',
        'Metadata (version vectors, tombstones) grows and needs garbage collection.',
        'Readers see values that are still converging.',
      ],
      alternatives: [
        { name: 'Last writer wins', why: 'would silently discard one of two concurrent updates' },
        { name: 'A single leader', why: 'writes would cross regions and stop during a partition' },
      ],
      links: [L.truth, L.state, L.concurrency],
    },
    'eventual-lww': {
      id: 'eventual-lww',
      title: 'Use eventual consistency with last-writer-wins',
      decision:
        'We will replicate asynchronously, let every replica accept writes, and resolve concurrent updates to an item by keeping the one with the latest timestamp (last writer wins).',
      good: ['Simple, fast and always writable.', 'Supported natively by most multi-region stores.'],
      bad: [
        'Of two concurrent updates, one is lost silently.',
        'Clock skew decides which write wins; hybrid logical clocks narrow the surprise but do not remove it.',
        'Readers may see stale values for the length of the replication lag.',
      ],
      alternatives: [
        { name: 'CRDTs', why: 'the updates have no meaningful merge' },
        { name: 'A single writer per item', why: 'writes come from several places' },
      ],
      links: [L.truth, L.concurrency, L.state],
    },
    eventual: {
      id: 'eventual',
      title: 'Replicate asynchronously from a single writer per item',
      decision:
        'We will write each item in one place (its owner) and replicate it asynchronously to the others, accepting that readers elsewhere see a write after the replication lag.',
      good: ['No conflicts, because each item has one writer.', 'Reads are local and fast everywhere.'],
      bad: [
        'Readers see stale data for the replication lag, which grows under load and during failures.',
        'If the owner’s region fails, writes not yet replicated are lost or delayed.',
      ],
      alternatives: [
        { name: 'Linearizable replication', why: 'no invariant needs it' },
        { name: 'Writes accepted everywhere', why: 'each item has a single writer anyway' },
      ],
      links: [L.state, L.truth, L.latency],
    },
  },
};

const shardTree: TreeSpec = {
  id: 'shard-key',
  name: 'Shard key',
  summary: 'Whether to shard a data set, and by which key.',
  start: 'need-shards',
  questions: {
    'need-shards': {
      id: 'need-shards',
      text: 'Does the write load need more than one node over the planning horizon?',
      why: 'Sharding buys write capacity at the price of cross-shard queries and transactions: worth it only when one node cannot carry the load at a safe utilization.',
      computed: 'capacity',
      options: [
        { id: 'fits', label: 'No: one node is enough for the horizon', next: 'dont-shard' },
        { id: 'exceeds', label: 'Yes: the load needs several shards', next: 'query' },
      ],
    },
    query: {
      id: 'query',
      text: 'What do the most frequent queries look up?',
      why: 'A query that names the shard key goes to one shard; any other query must ask every shard, and waits for the slowest.',
      options: [
        { id: 'entity', label: 'One entity by its id (a user, a tenant, an order)', next: 'hot-key' },
        { id: 'range', label: 'A range of an ordered key (time, sequence, name)', next: 'monotonic' },
        { id: 'mixed', label: 'Several different fields, none dominant', next: 'key-plus-index' },
      ],
    },
    'hot-key': {
      id: 'hot-key',
      text: 'Can one shard carry the hottest key?',
      why: 'Hashing spreads keys evenly but not their traffic: under a Zipf workload the hottest key alone takes a fixed share of all writes, and no number of shards splits one key.',
      computed: 'hot-key',
      options: [
        { id: 'fits', label: 'Yes: the hottest key fits in one shard', next: 'hash-entity' },
        { id: 'hot', label: 'No: a single key needs more than one shard', next: 'split-hot' },
      ],
    },
    monotonic: {
      id: 'monotonic',
      text: 'Do new writes arrive at the end of the range (timestamps, increasing ids)?',
      why: 'Range sharding keeps neighbouring keys together for scans, but if every new key is larger than the last, every new write lands on the last shard.',
      options: [
        { id: 'yes', label: 'Yes: keys grow with time', next: 'compound-key' },
        { id: 'no', label: 'No: writes spread across the range', next: 'range' },
      ],
    },
  },
  outcomes: {
    'dont-shard': {
      id: 'dont-shard',
      title: 'Do not shard yet',
      decision:
        'We will keep this data on one node, with replicas for availability and reads, alert on its write utilization against the target, and revisit sharding when the projection shows the node running out within the planning horizon.',
      good: ['Transactions, joins and secondary indexes keep working unchanged.', 'No routing layer, resharding or cross-shard queries to build.'],
      bad: ['A single node has a ceiling, and moving to shards later is a migration under load.', 'One node is one failure domain for writes.'],
      alternatives: [{ name: 'Shard now', why: 'buys capacity not needed within the horizon, at the price of cross-shard operations' }],
      links: [L.capacityPlanning, L.headroom, L.sharding],
    },
    'hash-entity': {
      id: 'hash-entity',
      title: 'Shard by a hash of the entity id',
      decision:
        'We will partition by a hash of the entity id, over many fixed virtual partitions mapped to nodes, so that each entity’s reads and writes go to one shard and keys spread evenly.',
      good: ['Keys, and with a mild skew their load, spread evenly.', 'Every query by entity id touches one shard, and transactions within an entity stay local.'],
      bad: [
        'Range scans across entities and queries on other fields must visit every shard.',
        'Transactions across entities become distributed.',
        'Adding nodes moves data; with virtual partitions it moves whole partitions instead of rehashing every key.',
      ],
      alternatives: [
        { name: 'Range sharding on the id', why: 'ids created together would land on the same shard' },
        { name: 'Shard by tenant', why: 'works while tenants are small; a large tenant becomes a hot key' },
      ],
      links: [L.sharding, L.state, L.saga],
    },
    'split-hot': {
      id: 'split-hot',
      title: 'Shard by entity id and split the hot keys',
      decision:
        'We will shard by a hash of the entity id and treat the hottest keys specially: spread each over several shards by appending a small suffix (salting) and merging on read, and serve their reads from a cache.',
      good: ['No shard has to carry a key hotter than its capacity.', 'Ordinary keys keep the simple one-shard path.'],
      bad: [
        'Reads of a split key must gather from every suffix.',
        'Writes to a split key lose single-shard atomicity.',
        'The set of hot keys changes over time and must be detected and rebalanced.',
      ],
      alternatives: [
        { name: 'Plain hashing of the entity id', why: 'the hottest key alone exceeds one shard’s capacity' },
        { name: 'Bigger shards', why: 'postpones the problem while the key grows hotter' },
      ],
      links: [L.sharding, L.caching, L.cacheEconomics],
    },
    'key-plus-index': {
      id: 'key-plus-index',
      title: 'Shard by the main entity and serve other queries from a read model',
      decision:
        'We will shard by the entity that receives most writes, and answer queries on other fields from a separately maintained read model (a global secondary index, or a CQRS projection fed by change events).',
      good: ['Each write goes to one shard, and other queries do not scatter to every shard.', 'Each read model can be shaped for its query.'],
      bad: ['Read models lag behind the writes: they are eventually consistent.', 'More stores and pipelines to run, and to rebuild after a bug.'],
      alternatives: [
        { name: 'Scatter-gather for every other query', why: 'latency would follow the slowest shard, and load would grow with the number of shards' },
        { name: 'Local secondary indexes on each shard', why: 'queries would still visit every shard' },
      ],
      links: [L.cqrs, L.eventDriven, L.sharding],
    },
    'compound-key': {
      id: 'compound-key',
      title: 'Shard by a compound key: a hashed bucket, then time',
      decision:
        'We will make the shard key a compound of a hashed prefix (the entity, or a bucket number) and the time or sequence, so that new writes spread over all shards while each prefix keeps its rows in order for range scans.',
      good: ['New writes spread over the shards instead of piling onto the newest range.', 'A range scan within one prefix stays on one shard.'],
      bad: ['A time range across all prefixes must query every shard and merge.', 'The number of buckets is hard to change later.'],
      alternatives: [
        { name: 'Range sharding on time', why: 'every new write would land on the last shard' },
        { name: 'Pure hashing', why: 'would lose ordered range scans' },
      ],
      links: [L.sharding, L.state, L.eventSourcing],
    },
    range: {
      id: 'range',
      title: 'Shard by ranges of the key, splitting ranges automatically',
      decision: 'We will partition by contiguous ranges of the key and let the store split a range that grows too large or too busy, and merge ranges that fall idle.',
      good: ['A range scan touches only the shards that hold the range.', 'Automatic splitting follows where data and load grow.'],
      bad: ['A popular range is hot until it splits, and splits move data.', 'Range boundaries live in a routing table that every router must keep current.'],
      alternatives: [
        { name: 'Hash sharding', why: 'would scatter every range scan over all shards' },
        { name: 'A compound key', why: 'writes already spread over the range' },
      ],
      links: [L.sharding, L.state],
    },
  },
};

export const TREES: Readonly<Record<DecisionTree, TreeSpec>> = {
  cache: cacheTree,
  'sql-nosql': sqlTree,
  'sync-async': syncTree,
  consistency: consistencyTree,
  'shard-key': shardTree,
};

// ————————————————————————————————————————— formatting —————————————————————————————————————————

/** Figures as prose shows them: en-US grouping, a fixed number of decimals, never NaN (callers pass finite values). */
export function formatNumber(value: number, digits = 0): string {
  if (Math.abs(value) >= 1e15) return value.toExponential(3);
  const text = value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return text === '-0' || /^-0\.0*$/.test(text) ? text.slice(1) : text;
}

export const formatPercent = (fraction: number, digits = 1) => `${formatNumber(fraction * 100, digits)} %`;
/** An input given as a fraction, shown as the percentage the reader meant: 0.7 → 70 %, 0.055 → 5.5 %. */
export const formatInputPercent = (fraction: number) => `${(fraction * 100).toLocaleString('en-US', { maximumFractionDigits: 2 })} %`;
export const formatMs = (ms: number) => `${formatNumber(ms, Number.isInteger(ms) ? 0 : ms < 10 ? 2 : 1)} ms`;
/** A rate: whole numbers from 100 up, more decimals below so that small rates do not round to zero. */
export const formatRate = (rate: number) => formatNumber(rate, Number.isInteger(rate) || rate >= 100 ? 0 : rate >= 10 ? 1 : 2);

/**
 * An availability with its unavailability to two significant figures, trailing zeros dropped: 0.9965045 → 99.65 %,
 * 0.99940005 → 99.94 %, 0.999 → 99.9 %.
 */
export function formatAvailability(fraction: number): string {
  const downPercent = (1 - fraction) * 100;
  const digits = downPercent <= 0 ? 1 : Math.min(8, Math.max(1, 1 - Math.floor(Math.log10(downPercent))));
  return `${(fraction * 100).toLocaleString('en-US', { maximumFractionDigits: digits })} %`;
}

/** A duration in seconds, in the unit a reader would say it in. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${formatNumber(seconds, 1)} s`;
  if (seconds < 3_600) return `${formatNumber(seconds / 60, 1)} min`;
  if (seconds < 172_800) return `${formatNumber(seconds / 3_600, 1)} h`;
  return `${formatNumber(seconds / 86_400, 1)} days`;
}

// ————————————————————————————————————————— computations —————————————————————————————————————————

export interface Figure {
  id: string;
  label: string;
  text: string;
}

export type ComputedView =
  | { ok: true; kind: ComputedKind; figures: Figure[]; suggested: string; reason: string }
  | { ok: false; kind: ComputedKind; message: string };

type Computed = { figures: Figure[]; suggested: string; reason: string };

/** The last result of each O(n) model call, so that typing a title does not re-run Che's approximation. */
let lastChe: { key: string; result: CheResult } | undefined;
function cheMemo(items: number, cacheSize: number, zipfExponent: number): CheResult {
  const key = `${items}|${cacheSize}|${zipfExponent}`;
  if (lastChe?.key !== key) lastChe = { key, result: cheHitRatio({ items, cacheSize, zipfExponent }) };
  return lastChe.result;
}
let lastTopShare: { key: string; share: number } | undefined;
function topShareMemo(keys: number, exponent: number): number {
  const key = `${keys}|${exponent}`;
  if (lastTopShare?.key !== key) lastTopShare = { key, share: zipfProbabilities(keys, exponent)[0]! };
  return lastTopShare.share;
}

const joinAnd = (parts: string[]) => (parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`);

function cacheFigures(v: DecisionsValues): Computed {
  const che = cheMemo(v.items, v.cached, v.zipf);
  const h = che.hitRatio;
  const latency = effectiveLatency(h, v.hit, v.miss);
  const originLoad = v.rate * (1 - h);
  const headroomWith = headroom(originLoad, v.origin);
  const headroomWithout = headroom(v.rate, v.origin);
  const overWithout = headroomWithout < 0;
  const slowWithout = v.miss > v.target;
  const overWith = headroomWith < 0;
  const slowWith = latency > v.target;
  const figures: Figure[] = [
    { id: 'hit-ratio', label: 'Hit ratio (Che’s approximation)', text: formatPercent(h) },
    { id: 'latency', label: 'Mean read latency with the cache', text: formatMs(latency) },
    { id: 'origin-load', label: 'Origin load with the cache', text: `${formatRate(originLoad)} requests/s` },
    { id: 'headroom', label: 'Origin headroom with the cache', text: formatPercent(headroomWith) },
    { id: 'headroom-without', label: 'Origin headroom without a cache', text: formatPercent(headroomWithout) },
  ];
  const problems = (over: boolean, slow: boolean, load: number, ms: number) =>
    [
      ...(over ? [`receive ${formatRate(load)} requests/s, more than its capacity of ${formatRate(v.origin)}`] : []),
      ...(slow ? [`answer in ${formatMs(ms)} on average, slower than the ${formatMs(v.target)} target`] : []),
    ].join(', and ');
  const cacheText = `a cache of ${formatNumber(v.cached)} of the ${formatNumber(v.items)} items (hit ratio ${formatPercent(h)})`;
  if (!overWithout && !slowWithout) {
    return {
      figures,
      suggested: 'not-needed',
      reason: `Without a cache the origin serves all ${formatRate(v.rate)} requests/s with ${formatPercent(headroomWithout)} headroom, and its ${formatMs(v.miss)} meets the ${formatMs(v.target)} target.`,
    };
  }
  if (!overWith && !slowWith) {
    return {
      figures,
      suggested: 'needed',
      reason: `Without a cache the origin would ${problems(overWithout, slowWithout, v.rate, v.miss)}. With ${cacheText} it serves ${formatRate(originLoad)} requests/s (${formatPercent(headroomWith)} headroom) and reads average ${formatMs(latency)}, within the ${formatMs(v.target)} target.`,
    };
  }
  return {
    figures,
    suggested: 'not-enough',
    reason: `Even with ${cacheText} the origin would ${problems(overWith, slowWith, originLoad, latency)}.`,
  };
}

function downtimeText(availability: number): string {
  return `${formatDuration(downtimeFromFraction(availability).downtimePerMonthS)} a month`;
}

/** Series availability can differ from the objective by rounding alone (0.9995 × 0.9995 vs 0.99900025): forgive that. */
const meets = (availability: number, objective: number) => availability >= objective - 1e-12;

function chainFigures(v: DecisionsValues): Computed {
  const sync = seriesAvailability(v.chain);
  const ok = meets(sync, v.slo);
  const n = v.chain.length;
  return {
    figures: [
      { id: 'sync', label: `Availability of the ${n}-service chain`, text: formatAvailability(sync) },
      { id: 'sync-downtime', label: 'Its expected downtime', text: downtimeText(sync) },
      { id: 'objective', label: 'Objective', text: formatAvailability(v.slo) },
      { id: 'objective-downtime', label: 'Downtime the objective allows', text: downtimeText(v.slo) },
    ],
    suggested: ok ? 'meets' : 'misses',
    reason: `${n === 1 ? 'The one service is' : `All ${n} services in series are`} up together ${formatAvailability(sync)} of the time (${downtimeText(sync)} down), ${ok ? 'meeting' : 'short of'} the ${formatAvailability(v.slo)} objective (${downtimeText(v.slo)}).`,
  };
}

function acceptFigures(v: DecisionsValues): Computed {
  const sync = seriesAvailability(v.chain);
  const front = v.chain[0]!;
  const async = seriesAvailability([front, v.broker]);
  const syncOk = meets(sync, v.slo);
  const asyncOk = meets(async, v.slo);
  const suggested = syncOk && asyncOk ? 'both' : asyncOk ? 'async-only' : syncOk ? 'sync-only' : 'neither';
  const verdict = { both: 'both meet', 'async-only': 'only asynchronous messaging meets', 'sync-only': 'only the synchronous chain meets', neither: 'neither meets' }[suggested];
  return {
    figures: [
      { id: 'sync', label: `Synchronous: all ${v.chain.length} services in series`, text: formatAvailability(sync) },
      { id: 'async', label: 'Asynchronous: first service and broker', text: formatAvailability(async) },
      { id: 'sync-downtime', label: 'Synchronous downtime', text: downtimeText(sync) },
      { id: 'async-downtime', label: 'Asynchronous downtime', text: downtimeText(async) },
      { id: 'objective', label: 'Objective', text: formatAvailability(v.slo) },
    ],
    suggested,
    reason: `Accepting the work synchronously needs all ${v.chain.length} services: ${formatAvailability(sync)}. Asynchronously it needs the first service and the broker: ${formatAvailability(front)} × ${formatAvailability(v.broker)} = ${formatAvailability(async)}. Against the ${formatAvailability(v.slo)} objective, ${verdict} it.`,
  };
}

function quorumFigures(v: DecisionsValues): Computed {
  const places = v.regions;
  const matrix = rttMatrixFromPlaces(places, v.stretch);
  const best = bestLeader(matrix);
  const leader = places[best.leader]!;
  const writes = places.map((place, i) => ({ place, ms: matrix[i]![best.leader]! + best.commitLatency }));
  const worst = writes.reduce((a, b) => (b.ms > a.ms ? b : a));
  const acks = Math.floor(places.length / 2);
  const fits = worst.ms <= v.budget;
  const farClient =
    worst.place === leader
      ? `A client beside the leader waits for the commit alone: ${formatMs(worst.ms)}`
      : `A client in ${worst.place.name} first crosses to the leader and back (${formatMs(matrix[places.indexOf(worst.place)]![best.leader]!)}), so its write takes ${formatMs(worst.ms)}`;
  return {
    figures: [
      { id: 'leader', label: 'Fastest leader', text: leader.name },
      { id: 'commit', label: 'Quorum commit at the leader', text: formatMs(best.commitLatency) },
      { id: 'worst', label: `Slowest client write, from ${worst.place.name}`, text: formatMs(worst.ms) },
      { id: 'budget', label: 'Write latency budget', text: formatMs(v.budget) },
    ],
    suggested: fits ? 'fits' : 'too-slow',
    reason: `With one replica in each of the ${places.length} places, a leader in ${leader.name} commits once the nearest ${acks === 1 ? 'other replica has' : `${acks} other replicas have`} the write: ${formatMs(best.commitLatency)}, a round trip at stretch ${formatNumber(v.stretch, 2)}. ${farClient}, ${fits ? 'within' : 'over'} the ${formatMs(v.budget)} budget.`,
  };
}

interface CapacityProjection {
  projected: number;
  nodes: number;
  required: number;
  runway: number | null;
  usable: number;
}

function projectCapacity(v: DecisionsValues): CapacityProjection {
  const projected = projectLoad(v.writes, v.growth, v.horizon);
  const nodes = nPlusK({ peakLoad: projected, perNodeCapacity: v.nodecap, spares: 0, targetUtilization: v.util }).nodesForPeak;
  const required = requiredCapacity(projected, v.util);
  const exhaustion = monthsUntilExhausted({ load: v.writes, capacity: v.nodecap, monthlyGrowth: v.growth, targetUtilization: v.util });
  return { projected, nodes, required, runway: exhaustion.months, usable: exhaustion.usableCapacity };
}

function runwayText(months: number | null): string {
  if (months === null) return 'never, at this growth';
  if (months === 0) return 'already exceeded';
  return `in ${formatNumber(months, 1)} months`;
}

function capacityFigures(v: DecisionsValues): Computed {
  const c = projectCapacity(v);
  const fits = c.nodes === 1;
  return {
    figures: [
      { id: 'projected', label: `Peak writes in ${v.horizon} months`, text: `${formatRate(c.projected)} writes/s` },
      { id: 'required', label: `Capacity needed at ${formatInputPercent(v.util)} utilization`, text: `${formatRate(c.required)} writes/s` },
      { id: 'nodes', label: 'Nodes needed', text: formatNumber(c.nodes) },
      { id: 'runway', label: 'One node reaches the target utilization', text: runwayText(c.runway) },
    ],
    suggested: fits ? 'fits' : 'exceeds',
    reason: `At ${formatInputPercent(v.growth)} a month, ${formatRate(v.writes)} writes/s grow to ${formatRate(c.projected)} in ${v.horizon} months; at ${formatInputPercent(v.util)} utilization that needs ${formatRate(c.required)} writes/s of capacity, ${fits ? 'within one node’s' : `${formatNumber(c.nodes)} nodes of`} ${formatRate(v.nodecap)} writes/s. One node reaches the target utilization ${runwayText(c.runway)}.`,
  };
}

function hotKeyFigures(v: DecisionsValues): Computed {
  const c = projectCapacity(v);
  const share = topShareMemo(v.keys, v.skew);
  const hotLoad = share * c.projected;
  const hotShards = nPlusK({ peakLoad: hotLoad, perNodeCapacity: v.nodecap, spares: 0, targetUtilization: v.util }).nodesForPeak;
  const fits = hotShards === 1;
  return {
    figures: [
      { id: 'share', label: 'Hottest key’s share of writes', text: formatPercent(share, 2) },
      { id: 'hot-load', label: 'Hottest key at the projected peak', text: `${formatRate(hotLoad)} writes/s` },
      { id: 'usable', label: 'One shard at the target utilization', text: `${formatRate(c.usable)} writes/s` },
      { id: 'hot-shards', label: 'Shards the hottest key alone needs', text: formatNumber(hotShards) },
    ],
    suggested: fits ? 'fits' : 'hot',
    reason: `With a Zipf exponent of ${formatNumber(v.skew, 2)} over ${formatNumber(v.keys)} keys, the hottest key takes ${formatPercent(share, 2)} of all writes: ${formatRate(hotLoad)} writes/s at the projected peak of ${formatRate(c.projected)}, ${fits ? 'within' : 'more than'} the ${formatRate(c.usable)} writes/s one shard takes at ${formatInputPercent(v.util)} utilization.`,
  };
}

const COMPUTE: Record<ComputedKind, (v: DecisionsValues) => Computed> = {
  cache: cacheFigures,
  chain: chainFigures,
  accept: acceptFigures,
  quorum: quorumFigures,
  capacity: capacityFigures,
  'hot-key': hotKeyFigures,
};

/** The figures of a computed question, or a readable reason why there are none: never an exception, never NaN. */
export function computeFigures(kind: ComputedKind, values: DecisionsValues, errors: DecisionsErrors = {}): ComputedView {
  const inputs = [...COMPUTED_INPUTS[kind], ...(ALSO_READS[kind] ?? [])];
  const invalid = inputs.filter((name) => errors[name] !== undefined).map((name) => decisionsFields[name].label);
  if (invalid.length > 0) return { ok: false, kind, message: `Correct ${joinAnd(invalid)} to see the figures.` };
  try {
    const result = COMPUTE[kind](values);
    if (result.figures.some((f) => /NaN|Infinity|undefined/.test(f.text)) || /NaN|Infinity|undefined/.test(result.reason)) {
      return { ok: false, kind, message: 'These inputs are outside what the models can compute; try smaller numbers.' };
    }
    return { ok: true, kind, ...result };
  } catch (error) {
    return { ok: false, kind, message: `The models cannot compute this: ${error instanceof Error ? error.message : String(error)}.` };
  }
}

// ————————————————————————————————————————— the walk —————————————————————————————————————————

export interface Step {
  question: Question;
  option: Option;
  computed?: ComputedView;
  /** The reader chose another answer than the one the figures pointed to. */
  againstNumbers: boolean;
}

export interface Walk {
  steps: { question: Question; option: Option }[];
  current?: Question;
  outcome?: Outcome;
  /** Why some answers were not used; the valid ones before it still count. */
  error?: string;
}

export function walkTree(tree: TreeSpec, answers: readonly string[]): Walk {
  const steps: Walk['steps'] = [];
  let node = tree.start;
  for (const [index, answer] of answers.entries()) {
    const question = tree.questions[node];
    if (!question) {
      const left = answers.length - index;
      return { steps, outcome: tree.outcomes[node], error: `Answers: the decision was reached after ${index} ${index === 1 ? 'answer' : 'answers'}; ${left} more ${left === 1 ? 'was' : 'were'} ignored` };
    }
    const option = question.options.find((o) => o.id === answer);
    if (!option) {
      return {
        steps,
        current: question,
        error: `Answers, entry ${index + 1}: ${quote(answer)} is not an answer to this question; its answers are ${question.options.map((o) => o.id).join(', ')}`,
      };
    }
    steps.push({ question, option });
    node = option.next;
  }
  const question = tree.questions[node];
  return question ? { steps, current: question } : { steps, outcome: tree.outcomes[node] };
}

/** Questions on the longest path from a node to an outcome (the node included when it is a question). */
export function longestPath(tree: TreeSpec, node: string, depth = 0): number {
  const question = tree.questions[node];
  if (!question || depth > 20) return 0;
  return 1 + Math.max(...question.options.map((o) => longestPath(tree, o.next, depth + 1)));
}

// ————————————————————————————————————————— the picture —————————————————————————————————————————

export const LAYOUT = { leafGap: 34, levelGap: 44, margin: 14 } as const;

export interface LayoutNode {
  /** The answers leading here, joined by "/": unique even when an outcome is reached by several routes. */
  key: string;
  id: string;
  kind: 'question' | 'outcome';
  label: string;
  x: number;
  y: number;
  onPath: boolean;
  /** Position on the path, 1-based, when on it. */
  step?: number;
  current: boolean;
}

export interface LayoutEdge {
  from: string;
  to: string;
  label: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  onPath: boolean;
}

export interface TreeLayout {
  width: number;
  height: number;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
}

/** The whole tree, top-down, leaves evenly spaced and each question centred over its answers; the reader's path marked. */
export function treeLayout(tree: TreeSpec, answers: readonly string[]): TreeLayout {
  const { leafGap, levelGap, margin } = LAYOUT;
  const pathKeys: string[] = [tree.start];
  let id = tree.start;
  for (const answer of answers) {
    const option = tree.questions[id]?.options.find((o) => o.id === answer);
    if (!option) break;
    pathKeys.push(`${pathKeys.at(-1)}/${answer}`);
    id = option.next;
  }
  const nodes: LayoutNode[] = [];
  const edges: LayoutEdge[] = [];
  let leaves = 0;
  let depthMax = 0;
  const place = (nodeId: string, key: string, depth: number): LayoutNode => {
    const question = tree.questions[nodeId];
    const y = margin + depth * levelGap;
    depthMax = Math.max(depthMax, depth);
    const step = pathKeys.indexOf(key);
    const base = { key, id: nodeId, y, onPath: step >= 0, current: step >= 0 && step === pathKeys.length - 1, ...(step >= 0 ? { step: step + 1 } : {}) };
    if (!question || depth > 12) {
      const node: LayoutNode = { ...base, kind: 'outcome', label: tree.outcomes[nodeId]?.title ?? nodeId, x: margin + leaves * leafGap };
      leaves += 1;
      nodes.push(node);
      return node;
    }
    const children = question.options.map((o) => ({ option: o, node: place(o.next, `${key}/${o.id}`, depth + 1) }));
    const x = (children[0]!.node.x + children.at(-1)!.node.x) / 2;
    const node: LayoutNode = { ...base, kind: 'question', label: question.text, x };
    for (const child of children) {
      edges.push({ from: key, to: child.node.key, label: child.option.label, x1: x, y1: y, x2: child.node.x, y2: child.node.y, onPath: base.onPath && child.node.onPath });
    }
    nodes.push(node);
    return node;
  };
  place(tree.start, tree.start, 0);
  return { width: 2 * margin + (leaves - 1) * leafGap, height: 2 * margin + depthMax * levelGap, nodes, edges };
}

// ————————————————————————————————————————— the report —————————————————————————————————————————

export interface CurrentQuestion {
  question: Question;
  computed?: ComputedView;
  /** 1-based number of this question on the reader's path. */
  number: number;
  /** Questions on the longest route to a decision from the start, through this point. */
  atMost: number;
}

export interface DecisionsReport {
  tree: TreeSpec;
  steps: Step[];
  current?: CurrentQuestion;
  outcome?: Outcome;
  pathError?: string;
  layout: TreeLayout;
}

export function decisionsReport(values: DecisionsValues, errors: DecisionsErrors = {}): DecisionsReport {
  const tree = TREES[values.tree];
  const walk = walkTree(tree, values.answers);
  const steps: Step[] = walk.steps.map(({ question, option }) => {
    if (!question.computed) return { question, option, againstNumbers: false };
    const computed = computeFigures(question.computed, values, errors);
    return { question, option, computed, againstNumbers: computed.ok && computed.suggested !== option.id };
  });
  const current: CurrentQuestion | undefined = walk.current && {
    question: walk.current,
    ...(walk.current.computed ? { computed: computeFigures(walk.current.computed, values, errors) } : {}),
    number: steps.length + 1,
    atMost: steps.length + longestPath(tree, walk.current.id),
  };
  return {
    tree,
    steps,
    ...(current ? { current } : {}),
    ...(walk.outcome ? { outcome: walk.outcome } : {}),
    ...(walk.error ? { pathError: walk.error } : {}),
    layout: treeLayout(
      tree,
      steps.map((s) => s.option.id),
    ),
  };
}

// ————————————————————————————————————————— the record —————————————————————————————————————————

export interface AdrOptions {
  /** The reader's title; empty for the outcome's own. */
  title: string;
  /** The reader's context, plain text, possibly several lines. */
  context: string;
  status: AdrStatus;
  /** ISO date (YYYY-MM-DD) written under the title, if given. */
  date?: string;
  /** Origin the Compendium links are made absolute against, e.g. https://example.org; relative links if absent. */
  siteUrl?: string;
  /** Address of the walk itself, to come back to it. */
  sourceUrl?: string;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/**
 * The record in Michael Nygard's format ("Documenting Architecture Decisions", 2011): Title, Status, Context, Decision,
 * Consequences. Undefined until the walk has reached a decision.
 */
export function adrMarkdown(report: DecisionsReport, options: AdrOptions): string | undefined {
  const outcome = report.outcome;
  if (!outcome) return undefined;
  const site = (options.siteUrl ?? '').replace(/\/+$/, '');
  const lines: string[] = [`# ${options.title.trim() || outcome.title}`, ''];
  if (options.date) lines.push(`Date: ${options.date}`, '');
  lines.push('## Status', '', capitalise(options.status), '', '## Context', '');
  const context = options.context.trim();
  if (context) lines.push(context, '');
  lines.push(`We worked through the “${report.tree.name}” decision tree of The Compendium of Distributed Systems. Its questions and our answers:`, '');
  for (const step of report.steps) {
    lines.push(`- ${step.question.text} ${sentence(step.option.label)}`);
    if (step.computed?.ok) {
      lines.push(`  - Figures: ${step.computed.figures.map((f) => `${f.label}: ${f.text}`).join('; ')}.`);
      lines.push(`  - ${step.computed.reason}`);
      if (step.againstNumbers) {
        const pointed = step.question.options.find((o) => o.id === (step.computed as { suggested: string }).suggested);
        lines.push(`  - We chose this answer against the figures, which pointed to: ${sentence(pointed?.label ?? '')}`);
      }
    }
  }
  lines.push('');
  if (options.sourceUrl) lines.push(`The walk, with its inputs: ${options.sourceUrl}`, '');
  lines.push('## Decision', '', outcome.decision, '', 'Alternatives considered:', '');
  for (const alternative of outcome.alternatives) lines.push(`- ${alternative.name}: ${sentence(alternative.why)}`);
  lines.push('', '## Consequences', '', 'Good:', '');
  for (const good of outcome.good) lines.push(`- ${good}`);
  lines.push('', 'Bad:', '');
  for (const bad of outcome.bad) lines.push(`- ${bad}`);
  lines.push('', 'Further reading:', '');
  for (const link of outcome.links) lines.push(`- [${link.label}](${site}${link.href})`);
  return `${lines.join('\n')}\n`;
}

/** A file name for the record: adr-<title in lower-case words>.md, ASCII only. */
export function adrFileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `adr-${slug || 'decision'}.md`;
}
