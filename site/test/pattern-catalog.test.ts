import { describe, expect, it } from 'vitest';
import { axioms, patterns } from '../src/data/catalog.ts';
import { PATTERN_FACTS, READER_PROBLEMS } from '../src/data/pattern-catalog.ts';
import { filterFromQuery, filterToQuery, matchesFilter, summary } from '../src/lib/pattern-filter.ts';

const entries = PATTERN_FACTS.map((f) => ({ ...f, problems: READER_PROBLEMS.filter((p) => p.patterns.includes(f.slug)).map((p) => p.id) }));
const allowed = {
  category: ['communication', 'reliability', 'data', 'scaling'],
  problem: READER_PROBLEMS.map((p) => p.id),
  axiom: axioms.pages.map((p) => p.slug.replace('part1-axioms/', '')),
};

describe('pattern catalog data', () => {
  it('describes every pattern page of Part III exactly once, four per category', () => {
    expect(PATTERN_FACTS.map((f) => f.slug).sort()).toEqual(patterns.pages.map((p) => p.slug).sort());
    for (const category of allowed.category) expect(PATTERN_FACTS.filter((f) => f.category === category)).toHaveLength(4);
  });

  it('links only existing axioms and patterns, and gives every pattern a problem it solves', () => {
    for (const f of PATTERN_FACTS) for (const a of f.axioms) expect(allowed.axiom).toContain(a);
    for (const p of READER_PROBLEMS) for (const slug of p.patterns) expect(patterns.pages.map((x) => x.slug)).toContain(slug);
    for (const e of entries) expect(e.problems.length, e.slug).toBeGreaterThan(0);
  });
});

describe('filtering the catalog', () => {
  it('answers "my retries make outages worse" with retry, breaker and shedding', () => {
    const shown = entries.filter((e) => matchesFilter(e, { problem: 'retry-storms' })).map((e) => e.slug);
    expect(shown).toEqual(['patterns/circuit-breaker', 'patterns/retry-backoff', 'patterns/load-shedding']);
  });

  it('combines filters with AND, and an empty filter shows everything', () => {
    expect(entries.filter((e) => matchesFilter(e, {}))).toHaveLength(16);
    const both = entries.filter((e) => matchesFilter(e, { category: 'reliability', axiom: 'axiom8-economics' }));
    expect(both.map((e) => e.slug)).toEqual(['patterns/graceful-degradation']);
  });

  it('round-trips through the URL and drops values it does not know', () => {
    const filter = { category: 'data', axiom: 'axiom5-coordination' };
    expect(filterFromQuery(filterToQuery(filter), allowed)).toEqual(filter);
    expect(filterFromQuery('?category=<script>&problem=retry-storms', allowed)).toEqual({ problem: 'retry-storms' });
    expect(filterToQuery({})).toBe('');
  });

  it('says how many patterns are shown, and what to do when none is', () => {
    expect(summary(16, 16)).toBe('All 16 patterns');
    expect(summary(3, 16)).toBe('3 of 16 patterns');
    expect(summary(0, 16)).toMatch(/clear one/);
  });
});
