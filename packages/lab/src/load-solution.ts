/**
 * loadSolution: a reader's solution, from TypeScript source text to something runLockLab can run, in Node or in a
 * browser's Web Worker alike. Sucrase strips the types and turns the module's exports into CommonJS (it keeps every
 * line where it was, so a line in an error is a line of the reader's file); the code then runs in a fresh function
 * scope where every global outside a short whitelist is shadowed: no fetch, no require, no wall clock, no
 * Math.random, so a run stays a pure function of its seed.
 *
 * The shadowing keeps honest code honest and gives clear messages; it is not a security boundary (JavaScript offers
 * ways around any scope). Running untrusted code belongs in a Worker that can be terminated, as the site does.
 */
import { transform } from 'sucrase';
import type { LoadedSolution, Solution } from './api.ts';
import { SolutionLoadError } from './errors.ts';

export interface CompiledSolution extends LoadedSolution {
  /** The source line an error thrown by the solution's code came from, when the engine's stack tells (V8 does). */
  locate(error: unknown): number | undefined;
}

/** Globals a solution may use: the language's own data types and pure functions. */
const ALLOWED = new Set([
  'Array',
  'BigInt',
  'Boolean',
  'Error',
  'Infinity',
  'JSON',
  'Map',
  'NaN',
  'Number',
  'Object',
  'RangeError',
  'ReferenceError',
  'Set',
  'String',
  'Symbol',
  'SyntaxError',
  'TypeError',
  'WeakMap',
  'WeakSet',
  'decodeURIComponent',
  'encodeURIComponent',
  'isFinite',
  'isNaN',
  'parseFloat',
  'parseInt',
  'structuredClone',
  'undefined',
]);

/** Globals a reader is likely to reach for, each with what to use instead. */
const INSTEAD: Readonly<Record<string, string>> = {
  Date: 'use node.now(), the node’s own clock in virtual time',
  performance: 'use node.now(), the node’s own clock in virtual time',
  setTimeout: 'use node.setTimer(delaySeconds, callback)',
  setInterval: 'use node.setTimer(delaySeconds, callback), again from the callback',
  setImmediate: 'use node.setTimer(0, callback)',
  queueMicrotask: 'use node.setTimer(0, callback)',
  Promise: 'a promise settles outside virtual time; use callbacks',
  console: 'use node.log(text), which puts the text on the timeline',
  fetch: 'nodes talk only through node.send and node.storage.write',
  XMLHttpRequest: 'nodes talk only through node.send and node.storage.write',
  WebSocket: 'nodes talk only through node.send and node.storage.write',
  process: 'a solution runs in the simulator, not in a process',
  globalThis: 'a solution sees only its node',
};

/** Names shadowed on top of the host's own globals, whichever host this is. */
const ALWAYS_SHADOWED = ['globalThis', 'self', 'global', 'window', 'eval', 'Function', 'require', 'module', 'exports', 'importScripts'];

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function unavailable(name: string, instead: string): unknown {
  const fail = (): never => {
    throw new Error(`${name} is not available in the lab: ${instead}`);
  };
  return new Proxy(() => undefined, { get: fail, apply: fail, construct: fail, set: fail, has: fail });
}

/** Math without Math.random, whose draws no seed controls. */
function labMath(): typeof Math {
  const copy: Record<string, unknown> = {};
  for (const name of Object.getOwnPropertyNames(Math)) copy[name] = (Math as unknown as Record<string, unknown>)[name];
  copy.random = () => {
    throw new Error('Math.random is not available in the lab: use node.random(), which the seed controls');
  };
  return Object.freeze(copy) as unknown as typeof Math;
}

function requireTrap(specifier: unknown): never {
  throw new Error(
    `imports are not available in the lab (import from ${JSON.stringify(specifier)}): a solution is one self-contained module; only "import type" from the lab's API is allowed`,
  );
}

/** The scope the module body sees: every shadowed name with its value (undefined, a trap or the lab's own). */
function scope(): { names: string[]; values: unknown[] } {
  // A worker keeps postMessage, crypto, fetch... on WorkerGlobalScope.prototype, not on the global object itself, and a
  // free name reaches them through the chain: walk it, up to Object.prototype (whose names belong to every object).
  const own: string[] = [];
  for (let o: object | null = globalThis; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o)) own.push(...Object.getOwnPropertyNames(o));
  const shadowed = new Set([...own, ...ALWAYS_SHADOWED, ...Object.keys(INSTEAD)]);
  const names: string[] = [];
  const values: unknown[] = [];
  for (const name of shadowed) {
    if (!IDENTIFIER.test(name) || ALLOWED.has(name) || name === 'exports' || name === 'module' || name === 'require') continue;
    names.push(name);
    values.push(name === 'Math' ? labMath() : name in INSTEAD ? unavailable(name, INSTEAD[name] as string) : undefined);
  }
  return { names, values };
}

const STACK_LINE = /<anonymous>:(\d+):\d+/;

/** Lines the wrapper adds above the module body in the engine's view of the code, found by a probe. */
function wrapperOffset(build: (code: string) => (...args: unknown[]) => () => void, arity: number): number | undefined {
  try {
    build('throw new Error("probe");')(...new Array(arity).fill(undefined))();
  } catch (error) {
    const match = error instanceof Error ? STACK_LINE.exec(error.stack ?? '') : null;
    if (match) return Number(match[1]) - 1;
  }
  return undefined;
}

function syntaxError(error: unknown): SolutionLoadError {
  const loc = (error as { loc?: { line?: number } }).loc;
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\(\d+:\d+\)$/, '');
  return new SolutionLoadError(`syntax error: ${message}`, typeof loc?.line === 'number' ? loc.line : undefined);
}

function pickFactories(exported: Record<string, unknown>): Solution | undefined {
  const candidates = [exported, exported.default as Record<string, unknown> | undefined];
  for (const c of candidates) {
    if (c && typeof c.lockServer === 'function' && typeof c.lockClient === 'function') {
      return { lockServer: c.lockServer as Solution['lockServer'], lockClient: c.lockClient as Solution['lockClient'] };
    }
  }
  return undefined;
}

export function loadSolution(source: string): CompiledSolution {
  if (typeof source !== 'string') throw new SolutionLoadError('the solution must be TypeScript or JavaScript source text');
  let code: string;
  try {
    code = transform(source, { transforms: ['typescript', 'imports'], disableESTransforms: true }).code;
  } catch (error) {
    throw syntaxError(error);
  }
  const { names, values } = scope();
  const parameters = [...names, 'exports', 'module', 'require'];
  // The outer function is sloppy so that `eval` can be shadowed as a parameter; the module body itself is strict.
  const build = (body: string) => new Function(...parameters, `return function () {\n"use strict";\n${body}\n};`) as (...args: unknown[]) => () => void;
  let moduleFunction: (...args: unknown[]) => () => void;
  try {
    moduleFunction = build(code);
  } catch (error) {
    throw new SolutionLoadError(`syntax error: ${error instanceof Error ? error.message : String(error)}`);
  }
  const offset = wrapperOffset(build, parameters.length);

  const locate = (error: unknown): number | undefined => {
    if (offset === undefined || !(error instanceof Error)) return undefined;
    const match = STACK_LINE.exec(error.stack ?? '');
    const line = match ? Number(match[1]) - offset : undefined;
    return line !== undefined && line >= 1 && line <= source.split('\n').length ? line : undefined;
  };

  const instantiate = (): Solution => {
    const module = { exports: {} as Record<string, unknown> };
    moduleFunction(...values, module.exports, module, requireTrap)();
    const factories = pickFactories(module.exports);
    if (!factories) {
      const found = Object.keys(module.exports).filter((k) => k !== '__esModule');
      throw new SolutionLoadError(`the solution must export lockServer(node) and lockClient(node) (it exports ${found.length ? found.join(', ') : 'nothing'})`);
    }
    return factories;
  };

  // Run the module once now, so a syntax error's cousins (a bad import, a throw at top level, missing exports) are
  // reported at load time with their line rather than in the middle of a run.
  try {
    instantiate();
  } catch (error) {
    if (error instanceof SolutionLoadError) throw error;
    throw new SolutionLoadError(error instanceof Error ? error.message : String(error), locate(error));
  }
  return { instantiate, locate };
}
