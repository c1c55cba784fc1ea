import { describe, expect, it } from 'vitest';
import { titleForRoute } from '../src/data/catalog.ts';
import { breadcrumbsFor } from '../src/lib/breadcrumbs.ts';

describe('breadcrumbs', () => {
  it('leads from Home through the part to the page', () => {
    expect(breadcrumbsFor('part1-axioms/axiom1-latency', 'Axiom 1: Latency')).toEqual([
      { label: 'Home', href: '/' },
      { label: 'Part I: The Eight Fundamental Axioms', href: '/part1-axioms/' },
      { label: 'Axiom 1: Latency', href: '/part1-axioms/axiom1-latency/' },
    ]);
  });

  it('does not repeat the part on its own overview page', () => {
    expect(breadcrumbsFor('patterns', 'Part III: Modern Pattern Catalog').map((c) => c.href)).toEqual(['/', '/patterns/']);
  });

  it('uses the part title alone where the part has no number', () => {
    expect(breadcrumbsFor('case-studies/uber-location', 'Uber')[1]?.label).toBe('Real-World Case Studies');
  });

  it('passes through the tools index on a tool page', () => {
    expect(breadcrumbsFor('tools/latency-calculator', 'Latency Calculator').map((c) => c.label)).toEqual(['Home', 'Tools', 'Latency Calculator']);
  });

  it('is just Home on pages outside the parts', () => {
    expect(breadcrumbsFor('tools', 'Interactive Tools')).toEqual([
      { label: 'Home', href: '/' },
      { label: 'Interactive Tools', href: '/tools/' },
    ]);
  });
});

describe('titles of routes', () => {
  it('names pages, parts and tools, and nothing else', () => {
    expect(titleForRoute('/part1-axioms/axiom5-coordination/')).toBe('Axiom 5: Coordination');
    expect(titleForRoute('/part2-pillars/')).toBe('Part II: The Five Foundational Pillars');
    expect(titleForRoute('/tools/latency-calculator/')).toBe('Latency Calculator');
    expect(titleForRoute('/nowhere/')).toBeUndefined();
  });
});
