/**
 * Type-checks every ```ts block on the site's pages (issue: "code blocks are type-checked by a test").
 * Each page's blocks become one module under .cache/code-blocks/, compiled strictly by tsc; errors are reported
 * at the page's own file and line. Exit code 1 when any block fails to compile.
 * Usage: node scripts/check-code-blocks.ts [page.mdx ...]   (default: every page)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mapDiagnostic, type PageModule, pageModule, typeScriptBlocks } from './lib/code-blocks.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
const docs = join(repo, 'site/src/content/docs');
const out = join(repo, '.cache/code-blocks');

function pagesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? pagesUnder(join(dir, entry.name)) : entry.name.endsWith('.mdx') ? [join(dir, entry.name)] : [],
  );
}

const pages = process.argv.length > 2 ? process.argv.slice(2).map((p) => join(process.cwd(), p)) : pagesUnder(docs);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const modules = new Map<string, { page: string; module: PageModule }>();
for (const page of pages) {
  const blocks = typeScriptBlocks(readFileSync(page, 'utf8'));
  if (blocks.length === 0) continue;
  const name = `${relative(docs, page).replace(/\.mdx$/, '').replaceAll(/[^A-Za-z0-9-]+/g, '_')}.ts`;
  const module = pageModule(blocks);
  writeFileSync(join(out, name), module.text);
  modules.set(name, { page: relative(repo, page), module });
}

if (modules.size === 0) {
  console.log('code blocks: no TypeScript blocks found');
  process.exit(0);
}

writeFileSync(
  join(out, 'tsconfig.json'),
  JSON.stringify(
    {
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: 'es2023',
        lib: ['es2023', 'dom'],
        module: 'esnext',
        moduleResolution: 'bundler',
        allowImportingTsExtensions: true,
        noUnusedLocals: false,
        skipLibCheck: true,
        types: [],
      },
      include: ['*.ts'],
    },
    null,
    2,
  ),
);

const tsc = spawnSync('tsc', ['-p', out, '--pretty', 'false'], { encoding: 'utf8' });
const diagnostics = `${tsc.stdout}${tsc.stderr}`
  .split('\n')
  .filter(Boolean)
  .map((line) => {
    for (const [name, { page, module }] of modules) {
      if (line.includes(name)) return mapDiagnostic(line, name, page, module);
    }
    return line;
  });
const blockCount = [...modules.values()].reduce((n, { module }) => n + module.sourceLines.filter((l) => l !== undefined).length, 0);
if (tsc.status === 0) {
  console.log(`code blocks: ${modules.size} pages, ${blockCount} lines of TypeScript compile`);
} else {
  for (const line of diagnostics) console.error(line);
  console.error(`code blocks: ${diagnostics.filter((l) => l.includes('error TS')).length} type errors`);
  process.exit(1);
}
