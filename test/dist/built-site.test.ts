/** Checks on the production build in site/dist; `npm test` builds before it runs these. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEED_HOME_LINKS, SPEC_ROUTES, SPEC_TOOL_ANCHORS } from '../../site/test/spec-routes.ts';
import { contentStatuses } from '../../scripts/lib/content-status.ts';
import { allJavaScript, brokenLinks, eagerJavaScript, fileForPath, htmlFiles, idsIn, thirdPartyRequests } from '../../scripts/lib/site-metrics.ts';

const dist = process.env.SITE_DIST ?? fileURLToPath(new URL('../../site/dist/', import.meta.url));

/** Eager JavaScript allowed on a plain content page, gzipped; Starlight alone needs about 6 KB. */
const CONTENT_PAGE_JS_BUDGET = 10 * 1024;
/** All JavaScript a tool page may load, islands included, gzipped (issue "The six interactive tools"). */
const TOOL_PAGE_JS_BUDGET = 60 * 1024;

let pages: string[] = [];

beforeAll(() => {
  if (!existsSync(join(dist, 'index.html'))) throw new Error('site/dist has no build: run `npm run build` first');
  pages = htmlFiles(dist);
});

describe('the built site', () => {
  it('has every route that SPEC.md requires', () => {
    expect(SPEC_ROUTES.filter((route) => !fileForPath(dist, route))).toEqual([]);
  });

  it('has no broken internal link or anchor on any page', () => {
    expect(pages.length).toBeGreaterThanOrEqual(SPEC_ROUTES.length);
    expect(brokenLinks(dist, pages)).toEqual([]);
  });

  it('resolves every link of the seed home page, anchors included', () => {
    const home = readFileSync(join(dist, 'index.html'), 'utf8');
    const hrefs = new Set([...home.matchAll(/href="(\/[^"]*)"/g)].map((m) => m[1]));
    expect(SEED_HOME_LINKS.filter((link) => !hrefs.has(link))).toEqual([]);
    expect(SPEC_ROUTES.filter((route) => !hrefs.has(route)), 'the home page reaches every part and page').toEqual([]);
    const toolIds = idsIn(readFileSync(join(dist, 'tools/index.html'), 'utf8'));
    for (const anchor of SPEC_TOOL_ANCHORS) expect(toolIds.has(anchor), `#${anchor} on /tools/`).toBe(true);
  });

  it('makes no request to another host when a page loads', () => {
    const offenders = pages.flatMap((file) => thirdPartyRequests(readFileSync(file, 'utf8')).map((url) => `${file}: ${url}`));
    const cssDirectory = join(dist, '_astro');
    const css = readdirSync(cssDirectory).filter((f) => f.endsWith('.css'));
    for (const file of css) offenders.push(...thirdPartyRequests(readFileSync(join(cssDirectory, file), 'utf8')).map((url) => `${file}: ${url}`));
    expect(offenders).toEqual([]);
  });

  it('renders diagrams and math at build time, shipping no diagram or math script', () => {
    const home = readFileSync(join(dist, 'index.html'), 'utf8');
    expect(home).toMatch(/<figure class="diagram"><svg role="img"/);
    const scripts = readdirSync(join(dist, '_astro')).filter((f) => f.endsWith('.js'));
    for (const file of scripts) expect(readFileSync(join(dist, '_astro', file), 'utf8')).not.toMatch(/beautiful-mermaid|renderMermaid|katex\.render/);
  });

  it('ships every diagram with its colours defined, in Markdown and MDX pages alike', () => {
    let diagrams = 0;
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      expect(html, file).not.toContain('set:html=');
      for (const m of html.matchAll(/<svg role="img"[^>]*class="diagram-svg"[^>]*>/g)) {
        diagrams += 1;
        expect(m[0], file).toMatch(/--_text: var\(--fg\)/);
      }
    }
    expect(diagrams).toBeGreaterThan(4);
  });

  it(`keeps eager JavaScript on a content page within ${CONTENT_PAGE_JS_BUDGET / 1024} KB gzipped`, () => {
    const page = join(dist, 'part1-axioms/axiom1-latency/index.html');
    const { gzipBytes, files } = eagerJavaScript(dist, page);
    expect(files.length + gzipBytes).toBeGreaterThan(0);
    expect(gzipBytes).toBeLessThanOrEqual(CONTENT_PAGE_JS_BUDGET);
  });

  it(`keeps every tool page within ${TOOL_PAGE_JS_BUDGET / 1024} KB of JavaScript, gzipped, and its islands lazy`, () => {
    const toolPages = pages.filter((f) => /\/tools\/[^/]+\/index\.html$/.test(f));
    expect(toolPages.length).toBe(6);
    for (const file of toolPages) {
      expect(allJavaScript(dist, file).gzipBytes, file).toBeLessThanOrEqual(TOOL_PAGE_JS_BUDGET);
      const html = readFileSync(file, 'utf8');
      for (const island of html.matchAll(/<astro-island\b[^>]*>/g)) expect(island[0], file).toMatch(/client="visible"/);
    }
  });

  it('shows the draft notice exactly on draft pages and a computed reading time on every page', () => {
    const home = join(dist, 'index.html');
    for (const file of pages.filter((f) => f !== home && !f.endsWith('404.html'))) {
      expect(readFileSync(file, 'utf8'), file).toMatch(/data-reading-time="\d+"/);
    }
    // The notice follows each page's front matter: every draft shows it, no complete page does.
    for (const [route, status] of contentStatuses()) {
      const html = readFileSync(fileForPath(dist, route) as string, 'utf8');
      expect(html.includes('data-draft-notice'), `${route} is ${status}`).toBe(status === 'draft');
    }
    expect(readFileSync(home, 'utf8')).not.toContain('data-draft-notice');
  });
});
