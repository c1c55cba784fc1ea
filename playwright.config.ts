import { defineConfig } from '@playwright/test';
import { BROWSER_MISSING, CHROMIUM_ARGS, chromiumPath } from './scripts/lib/browser.ts';

const executablePath = chromiumPath();
if (!executablePath) {
  console.error(BROWSER_MISSING);
  process.exit(1);
}

// E2E_PORT lets a second run (a CI dry run beside a developer's) use its own port.
const PORT = Number(process.env.E2E_PORT ?? 4322);

export default defineConfig({
  testDir: 'site/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Generous: a long page's axe run on a loaded 2-core machine can take tens of seconds. Not a performance test.
  timeout: 120_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    viewport: { width: 1280, height: 900 },
  },
  webServer: {
    command: `node scripts/serve-static.ts ${PORT}`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
