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
