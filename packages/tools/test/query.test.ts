import { describe, expect, it } from 'vitest';
import { mergeQuery, prefixQuery } from '../src/query.ts';

describe('islands sharing one address bar', () => {
  it('replaces only the parameters an island owns and keeps the others in place', () => {
    const owns = (key: string) => key.startsWith('sim-');
    expect(mergeQuery('?rate=100&servers=8&sim-seed=1&sim-rate=50', owns, '?sim-seed=2')).toBe('?rate=100&servers=8&sim-seed=2');
    expect(mergeQuery('', owns, '?sim-seed=2')).toBe('?sim-seed=2');
    expect(mergeQuery('?sim-seed=2', owns, '')).toBe('');
  });

  it('prefixes every name, and leaves a query alone without a prefix', () => {
    expect(prefixQuery('?seed=7&rate=60', 'sim-')).toBe('?sim-seed=7&sim-rate=60');
    expect(prefixQuery('?seed=7', '')).toBe('?seed=7');
  });
});
