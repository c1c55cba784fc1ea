/**
 * A minimal static file server for the browser tests: it serves site/dist exactly as a static host would,
 * and can run beside `npm start` (Astro 7 refuses a second `astro preview`).
 * Usage: node scripts/serve-static.ts [port]
 */
import { createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileForPath } from './lib/site-metrics.ts';

const root = fileURLToPath(new URL('../site/dist/', import.meta.url));
const port = Number(process.argv[2] ?? 4322);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

createServer((request, response) => {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  const file = path.includes('..') ? undefined : fileForPath(root, path);
  if (!file) {
    response.writeHead(404, { 'content-type': TYPES['.html'] });
    createReadStream(join(root, '404.html')).pipe(response);
    return;
  }
  response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
}).listen(port, 'localhost', () => console.log(`serving site/dist on http://localhost:${port}/`));
