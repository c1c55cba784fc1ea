import { describe, expect, it } from 'vitest';
import { pageMetaSchema } from '../src/schemas/page-meta.ts';

const schema = pageMetaSchema(new Set(['/', '/part1-axioms/axiom1-latency/']));
const valid = {
  description: 'What the page teaches.',
  type: 'axiom',
  difficulty: 'beginner',
  status: 'draft',
  last_updated: '2026-11-25',
};

function messages(input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('page metadata schema', () => {
  it('accepts a complete, valid page and normalises prerequisites', () => {
    const parsed = schema.parse({ ...valid, prerequisites: ['part1-axioms/axiom1-latency'] });
    expect(parsed.prerequisites).toEqual(['/part1-axioms/axiom1-latency/']);
    expect(parsed.last_updated).toBeInstanceOf(Date);
  });

  it('names the rule for each invalid field', () => {
    expect(messages({ ...valid, type: 'blog' })[0]).toMatch(/type must be one of axiom, pillar/);
    expect(messages({ ...valid, difficulty: 'easy' })[0]).toMatch(/difficulty must be one of/);
    expect(messages({ ...valid, status: 'done' })[0]).toMatch(/status must be draft or complete/);
    expect(messages({ ...valid, last_updated: 'yesterday' })[0]).toMatch(/last_updated must be a date/);
    const { description: _omitted, ...withoutDescription } = valid;
    expect(messages(withoutDescription)[0]).toMatch(/description is required/);
  });

  it('fails on a prerequisite that is not a page of the site', () => {
    expect(messages({ ...valid, prerequisites: ['/patterns/nope/'] })).toEqual([
      'prerequisites names "/patterns/nope/", which is not a page of this site',
    ]);
  });

  it('refuses a hand-typed reading time', () => {
    expect(messages({ ...valid, reading_time: '5 min' })[0]).toMatch(/reading_time is computed from the prose/);
  });
});
