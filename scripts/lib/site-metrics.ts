/**
 * Facts about the built site, shared by the dist tests and `npm run bench:site`:
 * its pages, its internal links and anchors, and how much JavaScript a page loads before any interaction.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export function htmlFiles(dist: string): string[] {
  return readdirSync(dist, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dist, entry.name);
    if (entry.isDirectory()) return entry.name === 'pagefind' ? [] : htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

/** `/patterns/saga/index.html` → `/patterns/saga/`. */
export function routeOfHtml(dist: string, file: string): string {
  const path = `/${relative(dist, file).split('\\').join('/')}`;
  return path.replace(/index\.html$/, '');
}

export function idsIn(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => decodeEntities(m[1] as string)));
}

function decodeEntities(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

export interface Link {
  from: string;
  href: string;
}

/** Every same-site href and src in a page, resolved to an absolute path with its fragment. */
export function internalLinks(dist: string, file: string): Link[] {
  const html = readFileSync(file, 'utf8');
  const from = routeOfHtml(dist, file);
  const links: Link[] = [];
  for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
    const raw = decodeEntities(match[1] as string);
    if (raw === '' || /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(raw)) continue;
    const absolute = raw.startsWith('#') ? `${from}${raw}` : raw.startsWith('/') ? raw : posix.join(from, raw);
    links.push({ from, href: absolute });
  }
  return links;
}

/** The file a path is served from by a static host, or undefined when there is none. */
export function fileForPath(dist: string, path: string): string | undefined {
  const clean = decodeURIComponent(path.split(/[?#]/)[0] as string);
  const candidates = clean.endsWith('/') ? [join(dist, clean, 'index.html')] : [join(dist, clean), join(dist, clean, 'index.html')];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

/** Problems with a page's internal links: missing targets and anchors that no element carries. */
export function brokenLinks(dist: string, files: string[]): string[] {
  const idCache = new Map<string, Set<string>>();
  const problems: string[] = [];
  for (const file of files) {
    for (const link of internalLinks(dist, file)) {
      const target = fileForPath(dist, link.href);
      if (!target) {
        problems.push(`${link.from} links to ${link.href}: no such page or file`);
        continue;
      }
      const fragment = link.href.split('#')[1];
      if (!fragment || !target.endsWith('.html')) continue;
      let ids = idCache.get(target);
      if (!ids) {
        ids = idsIn(readFileSync(target, 'utf8'));
        idCache.set(target, ids);
      }
      if (!ids.has(decodeURIComponent(fragment))) problems.push(`${link.from} links to ${link.href}: no element has id "${fragment}"`);
    }
  }
  return problems;
}

/** Static imports and re-exports, minified (`import{a as b}from"./x.js"`) or not; dynamic import() is lazy and left out. */
export const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[^"'`;()]*?from\s*)?["']([^"']+)["']/g;

/**
 * JavaScript a page runs before any interaction: module scripts, their static imports and inline scripts,
 * each gzipped as a server would send it. Islands that hydrate on visibility or idle are not eager and are left out.
 */
export function eagerJavaScript(dist: string, file: string): { files: string[]; gzipBytes: number } {
  return pageJavaScript(dist, file, false);
}

/** All the JavaScript a page can load: eager scripts plus every island's component and renderer, once each. */
export function allJavaScript(dist: string, file: string): { files: string[]; gzipBytes: number } {
  return pageJavaScript(dist, file, true);
}

function pageJavaScript(dist: string, file: string, withIslands: boolean): { files: string[]; gzipBytes: number } {
  const html = readFileSync(file, 'utf8');
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"[^>]*>/g)) queue.push(join(dist, m[1] as string));
  for (const m of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) queue.push(join(dist, m[1] as string));
  if (withIslands) {
    for (const m of html.matchAll(/<astro-island\b[^>]*?\scomponent-url="([^"]+)"/g)) queue.push(join(dist, m[1] as string));
    for (const m of html.matchAll(/<astro-island\b[^>]*?\srenderer-url="([^"]+)"/g)) queue.push(join(dist, m[1] as string));
  }
  let gzipBytes = 0;
  for (const m of html.matchAll(/<script\b(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (/type="(?:application\/(?:ld\+)?json|text\/template)"/.test(m[1] as string)) continue;
    gzipBytes += gzipSync(m[2] as string).length;
  }
  while (queue.length > 0) {
    const path = queue.pop() as string;
    if (seen.has(path) || !existsSync(path)) continue;
    seen.add(path);
    const source = readFileSync(path, 'utf8');
    gzipBytes += gzipSync(source).length;
    for (const m of source.matchAll(STATIC_IMPORT)) {
      const specifier = m[1] as string;
      if (specifier.startsWith('.')) queue.push(join(dirname(path), specifier));
      else if (specifier.startsWith('/')) queue.push(join(dist, specifier));
    }
  }
  return { files: [...seen].map((p) => relative(dist, p)), gzipBytes };
}

/** Requests a page would make to other hosts when it loads: scripts, styles, fonts, images, frames. */
export function thirdPartyRequests(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<(script|img|iframe|source|video|audio)\b[^>]*\ssrc="((?:https?:)?\/\/[^"]+)"/g)) found.push(m[2] as string);
  for (const m of html.matchAll(/<link\b[^>]*\shref="((?:https?:)?\/\/[^"]+)"[^>]*>/g)) {
    if (/rel="(?:stylesheet|preload|modulepreload|icon|preconnect|dns-prefetch)"/.test(m[0])) found.push(m[1] as string);
  }
  for (const m of html.matchAll(/@import\s+url\(\s*['"]?((?:https?:)?\/\/[^'")]+)/g)) found.push(m[1] as string);
  for (const m of html.matchAll(/url\(\s*['"]?((?:https?:)?\/\/[^'")]+)/g)) if (!found.includes(m[1] as string)) found.push(m[1] as string);
  return found;
}
