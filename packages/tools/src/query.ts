/**
 * Several islands can share one page and one address bar. Each
 * writes only the parameters it owns and keeps everyone else's, so one island's change never erases another's state.
 */

/** `current` with every parameter `owns` claims replaced by those of `next` (both query strings, `?` optional). */
export function mergeQuery(current: string, owns: (key: string) => boolean, next: string): string {
  const merged = new URLSearchParams();
  for (const [key, value] of new URLSearchParams(current)) if (!owns(key)) merged.append(key, value);
  for (const [key, value] of new URLSearchParams(next)) merged.append(key, value);
  const text = merged.toString();
  return text ? `?${text}` : '';
}
