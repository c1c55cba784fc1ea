/**
 * The libraries under packages/ hold all the logic and must run anywhere: Node, a Web Worker, the build.
 * This test fails if one of them reaches for the DOM, a UI framework or the site.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packagesDirectory = fileURLToPath(new URL('../../packages/', import.meta.url));

/** Folders of a library that may use Node built-ins: the command line and the benchmarks, never the models. */
const NODE_ALLOWED = /(^|\/)(cli|bench|bin)\//;

const FORBIDDEN_IMPORT = /^(astro|astro:.*|@astrojs\/.*|preact|preact\/.*|react|react-dom|@preact\/.*|svelte|vue|solid-js|jsdom|happy-dom)$/;
const DOM_GLOBAL = /\b(document|window|localStorage|sessionStorage|navigator|HTMLElement|customElements)\s*[.[(]/;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === 'dist') return [];
    const path = join(directory, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : /\.(ts|tsx|js|mjs|jsx)$/.test(entry.name) ? [path] : [];
  });
}

function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  const pattern = /(?:^|[^\w$.])(?:import|export)\s*(?:type\s+)?(?:[\w*{}\s,$]+\sfrom\s*)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const match of source.matchAll(pattern)) specifiers.push((match[1] ?? match[2] ?? match[3]) as string);
  return specifiers;
}

/** Code only: comments and the contents of string literals may mention a window or a document freely. */
function codeOnly(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
}

describe('pure libraries', () => {
  const files = sourceFiles(packagesDirectory).map((path) => ({ path, name: relative(packagesDirectory, path), source: readFileSync(path, 'utf8') }));

  it('exist (the models library at least)', () => {
    expect(files.some((f) => f.name.startsWith('models/src/'))).toBe(true);
  });

  it('import no DOM, UI framework or site code', () => {
    const offenders = files.flatMap((f) =>
      importsOf(f.source)
        .filter((spec) => FORBIDDEN_IMPORT.test(spec) || spec.includes('/site/'))
        .map((spec) => `${f.name} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('touch no browser global', () => {
    // A benchmark may give a browser-only third-party bundle the global it publishes itself on (simjs: window.Sim).
    const offenders = files.filter((f) => !/(^|\/)bench\//.test(f.name) && DOM_GLOBAL.test(codeOnly(f.source))).map((f) => f.name);
    expect(offenders).toEqual([]);
  });

  it('use Node built-ins only in their command line and benchmarks', () => {
    const offenders = files
      .filter((f) => !NODE_ALLOWED.test(f.name))
      .flatMap((f) => importsOf(f.source).filter((s) => s.startsWith('node:') || /^(fs|path|child_process|process|os)$/.test(s)).map((s) => `${f.name} imports ${s}`));
    expect(offenders).toEqual([]);
  });

  it('recognises the imports it guards against', () => {
    const sample = `import { h } from 'preact';\nimport type { X } from "astro";\nconst y = await import('@astrojs/starlight');\nexport * from './ok.ts';`;
    expect(importsOf(sample)).toEqual(['preact', 'astro', '@astrojs/starlight', './ok.ts']);
    expect(DOM_GLOBAL.test('document.querySelector("x")')).toBe(true);
    expect(DOM_GLOBAL.test('const documented = 1;')).toBe(false);
    expect(DOM_GLOBAL.test(codeOnly("it('fits the initial window (10 segments)', () => {});"))).toBe(false);
    expect(DOM_GLOBAL.test(codeOnly('const w = window.innerWidth; // a window (here)'))).toBe(true);
  });
});
