/**
 * TypeScript code on the pages must compile. This module pulls the ```ts fences out of an MDX page and joins them
 * into one module per page (blocks on a page build on one another, as a tutorial does), remembering for every
 * generated line the page line it came from, so a type error points at the page, not at a generated file.
 */

export interface CodeBlock {
  /** 1-based line in the page of the block's first code line. */
  startLine: number;
  code: string;
}

export interface PageModule {
  text: string;
  /** sourceLines[i] is the page line of generated line i + 1, or undefined for glue lines. */
  sourceLines: (number | undefined)[];
}

const OPENING_FENCE = /^(\s*)(`{3,}|~{3,})(ts|typescript)\b(.*)$/;

/** Fences marked `nocheck` are not compiled (for a deliberate type error shown to the reader). */
export function typeScriptBlocks(source: string): CodeBlock[] {
  const lines = source.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const opening = OPENING_FENCE.exec(lines[i] as string);
    if (!opening) continue;
    const [, indent = '', fence = '```', , meta = ''] = opening;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !(lines[j] as string).trim().startsWith(fence)) {
      body.push((lines[j] as string).startsWith(indent) ? (lines[j] as string).slice(indent.length) : (lines[j] as string));
      j++;
    }
    if (!/\bnocheck\b/.test(meta)) blocks.push({ startLine: i + 2, code: body.join('\n') });
    i = j;
  }
  return blocks;
}

export function pageModule(blocks: readonly CodeBlock[]): PageModule {
  const text: string[] = [];
  const sourceLines: (number | undefined)[] = [];
  for (const block of blocks) {
    block.code.split('\n').forEach((line, offset) => {
      text.push(line);
      sourceLines.push(block.startLine + offset);
    });
    text.push('');
    sourceLines.push(undefined);
  }
  // `export {}` keeps every page its own module, so two pages may both declare `retry`.
  text.push('export {};');
  sourceLines.push(undefined);
  return { text: text.join('\n'), sourceLines };
}

/** Rewrites `generated.ts(12,5): error TS…` into `page.mdx:80:5: error TS…` using the line map. */
export function mapDiagnostic(line: string, generatedFile: string, pageFile: string, module: PageModule): string {
  const match = /^(.*?)\((\d+),(\d+)\): (.*)$/.exec(line);
  const [, file, row, column, message] = match ?? [];
  if (!file?.endsWith(generatedFile)) return line;
  const pageLine = module.sourceLines[Number(row) - 1];
  return `${pageFile}:${pageLine ?? '?'}:${column}: ${message}`;
}
