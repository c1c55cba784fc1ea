/**
 * Several islands can share one page and one address bar. Each writes only the parameters it owns and keeps everyone
 * else's, so one island's change never erases another's state.
 */

function segments(query: string): string[] {
  return query.replace(/^\?/, '').split('&').filter((s) => s !== '');
}

function keyOf(segment: string): string {
  const raw = segment.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    return raw;
  }
}

/**
 * `current` with every parameter `owns` claims replaced by those of `next` (both query strings, `?` optional). The
 * text of both is kept as written, so an island's readable links (`regions=us-east-1,eu-west-1`) stay readable.
 */
export function mergeQuery(current: string, owns: (key: string) => boolean, next: string): string {
  const kept = segments(current).filter((segment) => !owns(keyOf(segment)));
  const merged = [...kept, ...segments(next)];
  return merged.length > 0 ? `?${merged.join('&')}` : '';
}
