/**
 * A minimal static file server for the browser tests: it serves site/dist exactly as a static host would,
 * and can run beside `npm start` (Astro 7 refuses a second `astro preview`).
 * Usage: node scripts/serve-static.ts [port]; SITE_DIST=/abs/dir serves another build (one per developer on a shared machine).
 */
import { createReadStream } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileForPath } from './lib/site-metrics.ts';

const root = process.env.SITE_DIST ? `${process.env.SITE_DIST.replace(/\/$/, '')}/` : fileURLToPath(new URL('../site/dist/', import.meta.url));
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

/** Streams a file; a file that vanished (a rebuild in progress) ends the response instead of the server. */
function send(response: ServerResponse, status: number, file: string): void {
  const stream = createReadStream(file);
  stream.on('open', () => {
    response.writeHead(status, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    stream.pipe(response);
  });
  stream.on('error', () => {
    if (!response.headersSent) response.writeHead(503, { 'content-type': 'text/plain' });
    response.end('site/dist is not readable right now: is a build running?');
  });
}

createServer((request, response) => {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  const file = path.includes('..') ? undefined : fileForPath(root, path);
  if (file) send(response, 200, file);
  else send(response, 404, join(root, '404.html'));
}).listen(port, 'localhost', () => console.log(`serving site/dist on http://localhost:${port}/`));
