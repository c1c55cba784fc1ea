/**
 * `npm test`: every check, in the order that fails fastest.
 * Lint → unit tests (libraries, architecture, site utilities) → type checks → build → checks on the build → browser tests.
 * Ends with one line "tests: N passed, N failed" counted from the runners' JSON reports.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { BROWSER_MISSING, chromiumPath } from './lib/browser.ts';

const REPORTS = 'test-results';

interface Step {
  name: string;
  command: string[];
  /** A JSON report to count tests from, and how it counts them. */
  report?: { file: string; count: (json: any) => { passed: number; failed: number } };
}

const vitestCount = (json: any) => ({ passed: json.numPassedTests, failed: json.numFailedTests });
const playwrightCount = (json: any) => ({ passed: json.stats.expected, failed: json.stats.unexpected + json.stats.flaky });

const steps: Step[] = [
  { name: 'lint', command: ['biome', 'lint', '.'] },
  {
    name: 'unit tests',
    command: ['vitest', 'run', '--project', 'models', '--project', 'tools', '--project', 'sim', '--project', 'lab', '--project', 'architecture', '--project', 'site', '--project', 'check', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORTS}/unit.json`],
    report: { file: `${REPORTS}/unit.json`, count: vitestCount },
  },
  { name: 'type check of the models', command: ['tsc', '-p', 'packages/models', '--noEmit'] },
  { name: 'type check of the tools', command: ['tsc', '-p', 'packages/tools', '--noEmit'] },
  { name: 'type check of the simulator', command: ['tsc', '-p', 'packages/sim', '--noEmit'] },
  { name: 'type check of the lab', command: ['tsc', '-p', 'packages/lab', '--noEmit'] },
  { name: 'type check of the checkers', command: ['tsc', '-p', 'packages/check', '--noEmit'] },
  { name: 'type check of the code on the pages', command: ['node', 'scripts/check-code-blocks.ts'] },
  { name: 'build', command: ['astro', 'build', '--root', 'site'] },
  // After the build, which writes the content types (site/.astro) that the site's own code imports.
  { name: 'type check of the site (islands, workers, utilities)', command: ['tsc', '-p', 'site', '--noEmit'] },
  {
    name: 'checks on the built site',
    command: ['vitest', 'run', '--project', 'dist', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORTS}/dist.json`],
    report: { file: `${REPORTS}/dist.json`, count: vitestCount },
  },
  { name: 'browser tests', command: ['playwright', 'test'], report: { file: `${REPORTS}/e2e.json`, count: playwrightCount } },
];

if (!chromiumPath()) {
  console.error(BROWSER_MISSING);
  process.exit(1);
}

/** A free port for the browser tests' static server, so a server left running elsewhere cannot collide with it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, 'localhost', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
process.env.E2E_PORT ??= String(await freePort());

rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

let passed = 0;
let failed = 0;
let failedStep: string | undefined;
for (const step of steps) {
  console.log(`\n▶ ${step.name}: ${step.command.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(step.command[0] as string, step.command.slice(1), { stdio: 'inherit' });
  console.log(`◀ ${step.name}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  let failedHere = 0;
  if (step.report && existsSync(step.report.file)) {
    const counted = step.report.count(JSON.parse(readFileSync(step.report.file, 'utf8')));
    passed += counted.passed;
    failedHere = counted.failed;
  }
  if (result.status !== 0) {
    failedStep = step.name;
    // A step that failed without naming a failed test (a build error, a runner that found no tests) counts as one.
    failed += Math.max(1, failedHere);
    break;
  }
  failed += failedHere;
}

console.log(failedStep ? `\nStopped at: ${failedStep}` : '\nAll steps passed.');
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failedStep ? 1 : 0);
