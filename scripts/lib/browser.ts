/** Where the browser tests find Chromium: `CHROMIUM_PATH`, else Debian's /usr/bin/chromium. */
import { existsSync } from 'node:fs';

export const BROWSER_MISSING =
  'Browser tests need Chromium: install it (Debian/Ubuntu: `apt-get install -y chromium`) or set CHROMIUM_PATH to a Chromium or Chrome binary.';

export function chromiumPath(): string | undefined {
  const candidate = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  return existsSync(candidate) ? candidate : undefined;
}

/** Flags for a sandboxed root user on a machine with no outside network (see the README). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
