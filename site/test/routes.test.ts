import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normaliseRoute, routeOfContentFile, routesInContentDirectory } from '../src/lib/routes.ts';

describe('routes of content files', () => {
  it('maps index files to their folder and pages to their own route', () => {
    expect(routeOfContentFile('index.mdx')).toBe('/');
    expect(routeOfContentFile('tools/index.mdx')).toBe('/tools/');
    expect(routeOfContentFile('patterns/saga.mdx')).toBe('/patterns/saga/');
    expect(routeOfContentFile('part1-axioms/axiom1-latency.md')).toBe('/part1-axioms/axiom1-latency/');
  });

  it('normalises the ways an author may write a route', () => {
    expect(normaliseRoute('patterns/saga')).toBe('/patterns/saga/');
    expect(normaliseRoute('/patterns/saga')).toBe('/patterns/saga/');
    expect(normaliseRoute('/')).toBe('/');
  });

  it('finds every page of the content directory', () => {
    const routes = routesInContentDirectory(fileURLToPath(new URL('../src/content/docs/', import.meta.url)));
    expect(routes.has('/')).toBe(true);
    expect(routes.has('/quantitative/littles-law/')).toBe(true);
    expect(routes.has('/does-not-exist/')).toBe(false);
  });
});
