import { describe, expect, it } from 'vitest';
import * as naive from '../solutions/naive-lease.ts';
import naiveSource from '../solutions/naive-lease.ts?raw';
import { SolutionLoadError } from '../src/errors.ts';
import { loadSolution } from '../src/load-solution.ts';
import { runLockLab } from '../src/run-lab.ts';
import { namedSchedule } from '../src/schedules.ts';

const FACTORIES = 'export function lockServer(node: any) {}\nexport function lockClient(node: any) { return { acquire() {}, release() {} }; }\n';

function loadError(source: string): SolutionLoadError {
  try {
    loadSolution(source);
  } catch (error) {
    if (error instanceof SolutionLoadError) return error;
    throw error;
  }
  throw new Error('expected a SolutionLoadError');
}

describe('loadSolution', () => {
  it('runs a shipped solution from its source exactly as the imported module runs', () => {
    const fromSource = runLockLab({ solution: loadSolution(naiveSource), nemesis: namedSchedule('gc-pause') });
    const imported = runLockLab({ solution: naive, nemesis: namedSchedule('gc-pause') });
    expect(fromSource.verdict).toBe('unsafe');
    expect(JSON.stringify(fromSource)).toBe(JSON.stringify(imported));
  });

  it('accepts a default export holding both factories', () => {
    const solution = loadSolution('const lockServer = () => {};\nconst lockClient = () => ({ acquire() {}, release() {} });\nexport default { lockServer, lockClient };\n');
    expect(runLockLab({ solution }).verdict).toBe('safe');
  });

  it('names the line of a syntax error', () => {
    const error = loadError('export function lockServer(node: any) {\n  const x: number = 1;\n  if (x > ) {}\n}\n');
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/^line 3: syntax error: /);
  });

  it('says which exports are missing', () => {
    expect(loadError('export function lockServer() {}\nexport const helper = 1;\n').message).toBe(
      'the solution must export lockServer(node) and lockClient(node) (it exports lockServer, helper)',
    );
  });

  it('refuses imports other than types, naming the line of the import', () => {
    const error = loadError(`\nimport { readFileSync } from 'node:fs';\nreadFileSync('x');\n${FACTORIES}`);
    expect(error.message).toMatch(/^line 2: imports are not available in the lab \(import from "node:fs"\)/);
    expect(() => loadSolution(`import type { LockServerNode } from '../src/api.ts';\n${FACTORIES}`)).not.toThrow();
  });

  it('hides globals outside the whitelist and says what to use instead', () => {
    expect(loadError(`const started = Date.now();\n${FACTORIES}`).message).toMatch(/^line 1: Date is not available in the lab: use node\.now\(\)/);
    expect(loadError(`setTimeout(() => {}, 1);\n${FACTORIES}`).message).toMatch(/setTimeout is not available in the lab: use node\.setTimer/);
    expect(loadError(`if (typeof document !== 'undefined' || typeof process !== 'object') throw new Error('hidden');\n${FACTORIES}`).message).toBe('line 1: hidden');
    expect(() => loadSolution(`const big = Math.max(1, 2); const m = new Map([[1, JSON.stringify({ big })]]);\n${FACTORIES}`)).not.toThrow();
  });

  it('reports the line of a runtime error inside a run, with the callback', () => {
    const source = [
      'export function lockServer(node: any) {',
      '  node.onMessage((from: string, message: any) => {',
      '    const holder: any = undefined;',
      '    node.send(from, { token: holder.token });',
      '  });',
      '}',
      'export function lockClient(node: any) {',
      '  return { acquire() { node.send(node.serverId, { type: "acquire" }); }, release() {} };',
      '}',
    ].join('\n');
    const result = runLockLab({ solution: loadSolution(source) });
    expect(result.verdict).toBe('error');
    expect(result.error).toMatchObject({ node: 'lock', callback: 'the message handler (a message from c1)', line: 4 });
    expect(result.error!.message).toMatch(/^TypeError: /);
  });

  it('gives every node its own copy of the module', () => {
    // Module-level state shared between nodes would be a channel around the network; each node counts alone.
    const source = `let started = 0;\nexport function lockServer(node: any) { started++; node.log('server ' + started); }\nexport function lockClient(node: any) { started++; node.log(node.id + ' ' + started); return { acquire() {}, release() {} }; }\n`;
    const result = runLockLab({ solution: loadSolution(source) });
    const logs = result.timeline.flatMap((e) => (e.kind === 'log' ? [e.text] : []));
    expect(logs).toEqual(['server 1', 'c1 1', 'c2 1', 'c3 1']);
  });

  it('hides the globals a Web Worker keeps on its prototype chain, not only its own properties', () => {
    // In a worker, postMessage, crypto, fetch and friends live on WorkerGlobalScope.prototype, not on the global object
    // itself: left visible, postMessage would let a solution post its own verdict to the page and crypto.getRandomValues
    // would draw numbers no seed controls. Node keeps them as own properties, so the test lays them out as a worker does.
    const host = Object.getPrototypeOf(globalThis) as object;
    const names = ['postMessage', 'labWorkerOnlyRandom'];
    for (const name of names) Object.defineProperty(host, name, { value: () => 'reached', configurable: true, writable: true });
    try {
      const probe = loadSolution(`if (typeof postMessage !== 'undefined' || typeof labWorkerOnlyRandom !== 'undefined') throw new Error('reachable');\n${FACTORIES}`);
      expect(runLockLab({ solution: probe }).verdict).toBe('safe');
    } finally {
      for (const name of names) delete (host as Record<string, unknown>)[name];
    }
  });
});
