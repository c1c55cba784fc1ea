import { describe, expect, it } from 'vitest';
import { completenessProblems, diagramCount, exerciseCount } from '../src/lib/content-rules.ts';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
const exercise = (i: number) => `### Exercise ${i}\n\nQuestion?\n\n<details>\n<summary>Solution</summary>\n\nAnswer.\n\n</details>\n`;
const diagram = '```mermaid title="A to B"\ngraph LR\n  A --> B\n```\n';

function axiomPage(opts: { prose?: number; diagrams?: number; exercises?: number; omit?: string } = {}): string {
  const sections = [
    `## The constraint\n\n${words(opts.prose ?? 2600)}\n\n${diagram.repeat(opts.diagrams ?? 2)}`,
    `## Exercises\n\n${Array.from({ length: opts.exercises ?? 5 }, (_, i) => exercise(i + 1)).join('\n')}`,
    '## Key takeaways\n\n- One.',
    '## References\n\n- A source, 2020.',
  ].filter((s) => !opts.omit || !s.startsWith(`## ${opts.omit}`));
  return `---\ntitle: T\n---\n\n${sections.join('\n\n')}`;
}

describe('completeness of a page', () => {
  it('passes a page that meets its type’s bar', () => {
    expect(completenessProblems(axiomPage(), 'axiom')).toEqual([]);
  });

  it('counts diagrams and only the exercises inside the Exercises section', () => {
    expect(diagramCount(axiomPage({ diagrams: 3 }))).toBe(3);
    expect(exerciseCount(axiomPage({ exercises: 4 }))).toBe(4);
    expect(exerciseCount('## Elsewhere\n\n<details>x</details>')).toBe(0);
  });

  it('names each shortfall', () => {
    expect(completenessProblems(axiomPage({ prose: 100 }), 'axiom')[0]).toMatch(/has \d+ words of prose; a complete axiom page needs at least 2500/);
    expect(completenessProblems(axiomPage({ diagrams: 1 }), 'axiom')).toEqual(['has 1 diagrams; a complete axiom page needs at least 2']);
    expect(completenessProblems(axiomPage({ exercises: 2 }), 'axiom')).toEqual(['has 2 exercises with revealable solutions; it needs at least 5']);
    expect(completenessProblems(axiomPage({ omit: 'References' }), 'axiom')).toEqual(['has no "## References" section']);
    expect(completenessProblems(`${axiomPage()}\n\nTODO: finish`, 'axiom')[0]).toMatch(/placeholder/);
  });

  it('wants every diagram to carry a title, its accessible name', () => {
    const page = axiomPage().replace('```mermaid title="A to B"', '```mermaid');
    expect(completenessProblems(page, 'axiom')).toEqual(['has 1 diagrams without a title="..." (their accessible name)']);
  });

  it('holds other types to their own bar and general pages only to the placeholder rule', () => {
    const withCode = axiomPage({ prose: 2100, diagrams: 2, exercises: 3 }).replace('## Exercises', '```ts\nconst x = 1;\n```\n\n## Exercises');
    expect(completenessProblems(withCode, 'pattern')).toEqual([]);
    expect(completenessProblems(axiomPage({ prose: 2100 }), 'pillar')[0]).toMatch(/needs at least 3000/);
    expect(completenessProblems('Short and complete.', 'general')).toEqual([]);
  });

  it('wants compiled code on a pattern page and a plot on a quantitative page', () => {
    const page = axiomPage({ prose: 2600, diagrams: 2, exercises: 3 });
    expect(completenessProblems(page, 'pattern')).toEqual(['has 0 TypeScript code blocks; it needs at least 1']);
    expect(completenessProblems(page, 'quantitative')).toEqual(['has 0 plots; a complete quantitative page needs at least 1']);
    expect(completenessProblems(page.replace('## Exercises', '<Plot series={s} />\n\n## Exercises'), 'quantitative')).toEqual([]);
  });
});
