import { describe, expect, it } from 'vitest';
import { STATIC_IMPORT } from '../../scripts/lib/site-metrics.ts';

const importsOf = (source: string) => [...source.matchAll(STATIC_IMPORT)].map((m) => m[1]);

describe('the JavaScript budget follows static imports', () => {
  it('in minified bundles as well as in readable code', () => {
    expect(importsOf('import{a as b,c}from"./chunk.js";import"./side.js";export{d}from"./re.js";')).toEqual(['./chunk.js', './side.js', './re.js']);
    expect(importsOf("import x from './a.js';\nimport * as y from \"./b.js\";")).toEqual(['./a.js', './b.js']);
  });

  it('but not dynamic imports, which load lazily', () => {
    expect(importsOf('const m=await import("./lazy.js");')).toEqual([]);
  });
});
