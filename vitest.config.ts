import { defineConfig } from 'vitest/config';

// One project per kind of test, as in Starlight's repository: pure libraries first, the site's own unit tests next,
// then checks on the built site.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'models', include: ['packages/models/test/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'tools', include: ['packages/tools/test/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'sim', include: ['packages/sim/test/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'check', include: ['packages/check/test/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'lab', include: ['packages/lab/test/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'architecture', include: ['test/architecture/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'site', include: ['site/test/**/*.test.ts'], environment: 'node' } },
      // Runs on the production build; `npm test` builds first.
      { test: { name: 'dist', include: ['test/dist/**/*.test.ts'], environment: 'node' } },
    ],
  },
});
