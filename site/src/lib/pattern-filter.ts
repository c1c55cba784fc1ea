/** The catalog's filter: which patterns match a category, a reader's problem and an axiom, all optional. */

export interface PatternFilter {
  category?: string;
  problem?: string;
  axiom?: string;
}

export interface FilterablePattern {
  slug: string;
  category: string;
  axioms: readonly string[];
  problems: readonly string[];
}

export const FILTER_KEYS = ['category', 'problem', 'axiom'] as const;

export function matchesFilter(pattern: FilterablePattern, filter: PatternFilter): boolean {
  return (
    (!filter.category || pattern.category === filter.category) &&
    (!filter.problem || pattern.problems.includes(filter.problem)) &&
    (!filter.axiom || pattern.axioms.includes(filter.axiom))
  );
}

/** Reads a filter from a query string, dropping values that are not among the allowed ones (a stale or hostile link). */
export function filterFromQuery(query: string, allowed: Readonly<Record<(typeof FILTER_KEYS)[number], readonly string[]>>): PatternFilter {
  const params = new URLSearchParams(query);
  const filter: PatternFilter = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value && allowed[key].includes(value)) filter[key] = value;
  }
  return filter;
}

export function filterToQuery(filter: PatternFilter): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filter[key]) params.set(key, filter[key] as string);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function summary(shown: number, total: number): string {
  if (shown === total) return `All ${total} patterns`;
  if (shown === 0) return `No pattern matches all three choices; clear one to see more`;
  return `${shown} of ${total} patterns`;
}
