/**
 * `npm run bench:site`: builds the site and reports build time, page count, the eager JavaScript of
 * representative pages (gzipped) and the size of the output. A benchmark, not a test: it prints, it never fails on a number.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allJavaScript, eagerJavaScript, htmlFiles } from './lib/site-metrics.ts';

const dist = fileURLToPath(new URL('../site/dist/', import.meta.url));

function directoryBytes(directory: string): number {
  return readdirSync(directory, { withFileTypes: true }).reduce((total, entry) => {
    const path = join(directory, entry.name);
    return total + (entry.isDirectory() ? directoryBytes(path) : statSync(path).size);
  }, 0);
}

const started = performance.now();
const build = spawnSync('astro', ['build', '--root', 'site'], { stdio: ['ignore', 'ignore', 'inherit'] });
const buildSeconds = (performance.now() - started) / 1000;
if (build.status !== 0) {
  console.error('bench:site: the build failed; run `npm run build` to see why');
  process.exit(1);
}

const pages = htmlFiles(dist);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const samples = [
  ['content page (/part1-axioms/axiom1-latency/)', 'part1-axioms/axiom1-latency/index.html'],
  ['home page (/)', 'index.html'],
  ['tools page (/tools/)', 'tools/index.html'],
] as const;

const rows: [string, string][] = [
  ['build time (astro build, wall clock)', `${buildSeconds.toFixed(1)} s`],
  ['pages built', String(pages.length)],
  ...samples.map(([label, file]): [string, string] => [`eager JS, gzipped: ${label}`, kb(eagerJavaScript(dist, join(dist, file)).gzipBytes)]),
  ...['latency-calculator', 'capacity-planner', 'cost-analyzer', 'failure-analyzer', 'consensus-chooser', 'quick-decisions'].map((tool): [string, string] => [
    `all JS incl. islands, gzipped: /tools/${tool}/`,
    kb(allJavaScript(dist, join(dist, 'tools', tool, 'index.html')).gzipBytes),
  ]),
  ['site/dist total size', kb(directoryBytes(dist))],
];
const width = Math.max(...rows.map(([label]) => label.length));
console.log('\nbench:site');
for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
