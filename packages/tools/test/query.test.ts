import { describe, expect, it } from 'vitest';
import { mergeQuery } from '../src/query.ts';

describe('islands sharing one address bar', () => {
  it('replaces only the parameters an island owns and keeps the others in place', () => {
    const owns = (key: string) => key.startsWith('sim-');
    expect(mergeQuery('?rate=100&servers=8&sim-seed=1&sim-rate=50', owns, '?sim-seed=2')).toBe('?rate=100&servers=8&sim-seed=2');
    expect(mergeQuery('', owns, '?sim-seed=2')).toBe('?sim-seed=2');
    expect(mergeQuery('?sim-seed=2', owns, '')).toBe('');
  });
});

describe('the text of a query', () => {
  it('is kept as each island wrote it: commas stay commas', () => {
    expect(mergeQuery('?sim=1', (k) => k === 'regions' || k === 'nodes', '?nodes=3&regions=us-east-1,eu-west-1')).toBe('?sim=1&nodes=3&regions=us-east-1,eu-west-1');
    expect(mergeQuery('?places=New+York,London&x%20y=2', (k) => k === 'places', '?places=Tokyo')).toBe('?x%20y=2&places=Tokyo');
  });
});
