import { describe, expect, it } from 'vitest';
import { countWords, proseOf, readingMinutes, WORDS_PER_MINUTE } from '../src/lib/reading-time.ts';

describe('reading time', () => {
  it('counts only prose: frontmatter, imports, code, math and markup are left out', () => {
    const source = [
      '---',
      'title: A page with many words in its frontmatter',
      '---',
      "import Num from '../components/Num.astro';",
      '',
      'One two three.',
      '',
      '```ts',
      'const notProse = "many many many words";',
      '```',
      '',
      '$$',
      'L = \\lambda W',
      '$$',
      '',
      '<Num value={3} /> four <strong>five</strong>',
    ].join('\n');
    expect(countWords(proseOf(source))).toBe(6); // "One two three." + value + "four five"
  });

  it('rounds to whole minutes at the stated reading speed, with at least one minute', () => {
    expect(readingMinutes('word')).toBe(1);
    const words = Array.from({ length: WORDS_PER_MINUTE * 7 }, () => 'word').join(' ');
    expect(readingMinutes(words)).toBe(7);
  });

  it('keeps link text and drops link targets', () => {
    expect(countWords(proseOf('See [the latency axiom](/part1-axioms/axiom1-latency/) first.'))).toBe(5);
  });
});
