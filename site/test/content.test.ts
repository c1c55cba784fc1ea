import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allRoutes, tools } from '../src/data/catalog.ts';
import { completenessProblems } from '../src/lib/content-rules.ts';
import { routeOfContentFile, routesInContentDirectory } from '../src/lib/routes.ts';
import { SEED_HOME_LINKS, SPEC_ROUTES, SPEC_TOOL_ANCHORS } from './spec-routes.ts';

const contentDirectory = fileURLToPath(new URL('../src/content/docs/', import.meta.url));
const specFile = fileURLToPath(new URL('../../../shared/SPEC.md', import.meta.url));

function contentFiles(directory = contentDirectory): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? contentFiles(path) : /\.mdx?$/.test(entry.name) ? [path] : [];
  });
}

/** Words that mean a page is not finished; a page that says `status: complete` may not contain them. */
const PLACEHOLDER = /\b(TODO|TBD|FIXME|lorem ipsum)\b|coming soon/i;

describe('content', () => {
  it('has a page for every route in SPEC.md', () => {
    const routes = routesInContentDirectory(contentDirectory);
    expect(SPEC_ROUTES.filter((route) => !routes.has(route))).toEqual([]);
  });

  it('keeps the catalog, which drives the sidebar and home page, in step with the pages', () => {
    expect([...routesInContentDirectory(contentDirectory)].sort()).toEqual([...allRoutes()].sort());
  });

  it('keeps the tool anchors that SPEC.md publishes', () => {
    expect(tools.map((t) => t.anchor)).toEqual([...SPEC_TOOL_ANCHORS]);
  });

  it.runIf(existsSync(specFile))('lists the same routes as the SPEC.md beside the repository', () => {
    const spec = readFileSync(specFile, 'utf8');
    const table = spec.slice(spec.indexOf('## Routes that must exist'), spec.indexOf('## Page metadata'));
    for (const line of table.split('\n').filter((l) => l.startsWith('|') && l.includes('`/'))) {
      const base = /`(\/[a-z0-9-]*\/?)`/.exec(line)?.[1];
      const children = [...line.matchAll(/`([a-z0-9-]+)\/`/g)].map((m) => m[1]);
      expect(SPEC_ROUTES).toContain(base);
      for (const child of children) expect(SPEC_ROUTES).toContain(`${base}${child}/`);
    }
  });

  it('has no placeholder text on a page marked complete', () => {
    const offenders = contentFiles()
      .filter((file) => /^status:\s*complete\s*$/m.test(readFileSync(file, 'utf8')))
      .filter((file) => PLACEHOLDER.test(readFileSync(file, 'utf8')))
      .map((file) => relative(contentDirectory, file));
    expect(offenders).toEqual([]);
  });

  it('holds every page marked complete to the bar of its type', () => {
    const problems = contentFiles().flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      if (!/^status:\s*complete\s*$/m.test(source)) return [];
      const type = /^type:\s*(\S+)\s*$/m.exec(source)?.[1] ?? 'general';
      return completenessProblems(source, type).map((problem) => `${relative(contentDirectory, file)} ${problem}`);
    });
    expect(problems).toEqual([]);
  });

  it('recognises the placeholder words it guards against', () => {
    for (const text of ['TODO: write', 'tbd', 'Lorem ipsum dolor', 'Coming soon!']) expect(PLACEHOLDER.test(text)).toBe(true);
    for (const text of ['Today we measure', 'Tbdx', 'soon coming']) expect(PLACEHOLDER.test(text)).toBe(false);
  });

  it('maps each content file to a route the catalog knows', () => {
    const known = new Set(allRoutes());
    const unknown = contentFiles().map((f) => routeOfContentFile(relative(contentDirectory, f))).filter((r) => !known.has(r));
    expect(unknown).toEqual([]);
  });
});

const seedFile = fileURLToPath(new URL('../../../shared/seed/compendium-home.md', import.meta.url));

describe.runIf(existsSync(seedFile))('the seed home page', () => {
  it('has exactly the links we test the home page against', () => {
    const seed = readFileSync(seedFile, 'utf8');
    const links = new Set([...seed.matchAll(/href="(\/[^"]*)"|\]\((\/[^)]*)\)/g)].map((m) => m[1] ?? m[2]));
    expect([...links].sort()).toEqual([...new Set(SEED_HOME_LINKS)].sort());
  });
});
