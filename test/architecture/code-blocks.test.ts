import { describe, expect, it } from 'vitest';
import { mapDiagnostic, pageModule, typeScriptBlocks } from '../../scripts/lib/code-blocks.ts';

const page = [
  '---', 'title: T', '---', '', // 1-4
  '```ts title="retry.ts"', 'const a: number = 1;', '```', // 5-7
  '', '```js', 'ignored()', '```', // 8-11
  '', '  ```typescript', '  const b = a + 1;', '  ```', // 12-15
  '```ts nocheck', 'const broken: string = 1;', '```', // 16-18
].join('\n');

describe('TypeScript blocks on a page', () => {
  it('finds ts and typescript fences, indented ones too, and skips nocheck and other languages', () => {
    expect(typeScriptBlocks(page)).toEqual([
      { startLine: 6, code: 'const a: number = 1;' },
      { startLine: 14, code: 'const b = a + 1;' },
    ]);
  });

  it('joins a page into one module and maps a compiler error back to the page line', () => {
    const module = pageModule(typeScriptBlocks(page));
    expect(module.text).toBe('const a: number = 1;\n\nconst b = a + 1;\n\nexport {};');
    const diagnostic = '/x/.cache/code-blocks/patterns_retry.ts(3,7): error TS2322: Type mismatch.';
    expect(mapDiagnostic(diagnostic, 'patterns_retry.ts', 'site/x.mdx', module)).toBe('site/x.mdx:14:7: error TS2322: Type mismatch.');
    expect(mapDiagnostic('unrelated line', 'patterns_retry.ts', 'site/x.mdx', module)).toBe('unrelated line');
  });
});
