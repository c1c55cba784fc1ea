/** Maps content files to the routes Starlight serves them at, so metadata can be checked against real pages. */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const PAGE_FILE = /\.(md|mdx)$/;

/** `part1-axioms/index.mdx` → `/part1-axioms/`; `index.mdx` → `/`; `tools/index.mdx` → `/tools/`. */
export function routeOfContentFile(relativePath: string): string {
  const withoutExtension = relativePath.split(sep).join('/').replace(PAGE_FILE, '');
  const withoutIndex = withoutExtension.replace(/(^|\/)index$/, '');
  return withoutIndex === '' ? '/' : `/${withoutIndex}/`;
}

/** A route as an author may write it (`/patterns/saga`, `patterns/saga/`) in the canonical `/patterns/saga/` form. */
export function normaliseRoute(route: string): string {
  const trimmed = route.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

function listPageFiles(directory: string, root = directory): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return listPageFiles(path, root);
    return PAGE_FILE.test(entry.name) ? [relative(root, path)] : [];
  });
}

export function routesInContentDirectory(directory: string): Set<string> {
  return new Set(listPageFiles(directory).map(routeOfContentFile));
}
