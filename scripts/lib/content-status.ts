/** Each page's route and `status` from the front matter in site/src/content/docs, for tests that follow the content. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const DOCS = fileURLToPath(new URL('../../site/src/content/docs/', import.meta.url));

function pageFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? pageFiles(join(dir, e.name)) : /\.mdx?$/.test(e.name) ? [join(dir, e.name)] : []));
}

/** [route, status] for every page, sorted by route; the home page is left out (it has no status of its own). */
export function contentStatuses(): [route: string, status: string][] {
  return pageFiles(DOCS)
    .map((file): [string, string] => [
      `/${relative(DOCS, file).replace(/(^|\/)index\.mdx?$/, '$1').replace(/\.mdx?$/, '/')}`,
      /^status:\s*(\S+)\s*$/m.exec(readFileSync(file, 'utf8'))?.[1] ?? 'unknown',
    ])
    .filter(([route]) => route !== '/')
    .sort(([a], [b]) => a.localeCompare(b));
}
