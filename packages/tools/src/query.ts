/**
 * Several islands can share one page and one address bar (the Capacity Planner and the queue simulation do). Each
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

/** Puts `prefix` before every parameter name of a query string: `?seed=1` → `?sim-seed=1`. */
export function prefixQuery(query: string, prefix: string): string {
  if (!prefix) return query;
  const prefixed = new URLSearchParams();
  for (const [key, value] of new URLSearchParams(query)) prefixed.append(`${prefix}${key}`, value);
  const text = prefixed.toString();
  return text ? `?${text}` : '';
}
