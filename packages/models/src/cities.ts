/**
 * The place table (cities and cloud regions) and its lookups.
 *
 * `findPlace` matches a query against ids, display names and aliases after normalising case, accents and
 * punctuation, so "new york", "NYC" and "New-York" all find New York City. When nothing matches it throws a
 * `ModelInputError` naming the caller's parameter (e.g. `from`) with up to three close matches, ranked by edit
 * distance (Levenshtein, 1966). Data and sources: ./data/places.ts.
 */
import { ModelInputError } from './errors.ts';
import { AWS_ROWS, AWS_SOURCE, AZURE_ROWS, AZURE_SOURCE, CITY_ROWS, CITY_SOURCE, GCP_ROWS, GCP_SOURCE, type PlaceRow } from './data/places.ts';

export const DEFAULT_SEARCH_LIMIT = 10;
const MAX_SUGGESTIONS = 3;

export type PlaceKind = 'city' | 'cloud-region';
export type CloudProvider = 'aws' | 'gcp' | 'azure';

export interface Place {
  readonly id: string;
  readonly name: string;
  /** ISO 3166-1 alpha-2 code. */
  readonly country: string;
  readonly lat: number;
  readonly lon: number;
  readonly kind: PlaceKind;
  readonly provider?: CloudProvider;
  readonly aliases: readonly string[];
  readonly source: string;
}

const PROVIDER_LABEL: Record<CloudProvider, string> = { aws: 'AWS', gcp: 'Google Cloud', azure: 'Azure' };

function cityFromRow([id, name, country, lat, lon, aliases]: PlaceRow): Place {
  return { id, name, country, lat, lon, kind: 'city', aliases, source: CITY_SOURCE };
}

function regionFromRow(provider: CloudProvider, source: string, [id, location, country, lat, lon, aliases]: PlaceRow): Place {
  const prefix = { aws: 'aws', gcp: 'gcp', azure: 'azure' }[provider];
  return {
    id,
    name: `${PROVIDER_LABEL[provider]} ${id} (${location})`,
    country,
    lat,
    lon,
    kind: 'cloud-region',
    provider,
    // Provider-qualified ids let a reader say "aws:us-east-1"; location aliases ("Oregon") only where unambiguous.
    aliases: [`${prefix}:${id}`, `${prefix} ${id}`, ...aliases],
    source,
  };
}

export const PLACES: readonly Place[] = [
  ...CITY_ROWS.map(cityFromRow),
  ...AWS_ROWS.map((row) => regionFromRow('aws', AWS_SOURCE, row)),
  ...GCP_ROWS.map((row) => regionFromRow('gcp', GCP_SOURCE, row)),
  ...AZURE_ROWS.map((row) => regionFromRow('azure', AZURE_SOURCE, row)),
];

/** Lowercase, strip accents, treat hyphens/underscores as spaces, drop dots, commas and apostrophes. */
export function normalisePlaceQuery(query: string): string {
  return query
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.,'’()]/g, '')
    .replace(/[-_\s]+/g, ' ')
    .trim();
}

function keysOf(place: Place): string[] {
  return [place.id, place.name, ...place.aliases].map(normalisePlaceQuery);
}

// Ids win over names, names over aliases; the first place to claim a key keeps it (cities come first).
const INDEX: ReadonlyMap<string, Place> = (() => {
  const index = new Map<string, Place>();
  const claim = (key: string, place: Place) => {
    if (!index.has(key)) index.set(key, place);
  };
  for (const place of PLACES) claim(normalisePlaceQuery(place.id), place);
  for (const place of PLACES) claim(normalisePlaceQuery(place.name), place);
  for (const place of PLACES) for (const alias of place.aliases) claim(normalisePlaceQuery(alias), place);
  return index;
})();

/** Exact (normalised) match on id, name or alias, or `undefined`. */
export function lookupPlace(query: string): Place | undefined {
  if (typeof query !== 'string') return undefined;
  return INDEX.get(normalisePlaceQuery(query));
}

/**
 * Finds a place or throws. `parameter` names the caller's input in the error (the CLI passes `--from`).
 */
export function findPlace(query: string, parameter = 'place'): Place {
  if (typeof query !== 'string' || normalisePlaceQuery(query) === '') {
    throw new ModelInputError(parameter, 'must name a city or cloud region', query);
  }
  const place = lookupPlace(query);
  if (place) return place;
  const suggestions = suggestPlaces(query).map((p) => p.id);
  const hint = suggestions.length > 0 ? ` (did you mean ${suggestions.join(', ')}?)` : '';
  throw new ModelInputError(parameter, `must be a known city or cloud region${hint}`, query);
}

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Score a place against a normalised query: lower is better, `undefined` means no match. */
function scorePlace(place: Place, q: string, fuzzy: boolean): number | undefined {
  let best: number | undefined;
  const consider = (score: number) => {
    if (best === undefined || score < best) best = score;
  };
  for (const key of keysOf(place)) {
    if (key === q) consider(0);
    else if (key.startsWith(q)) consider(1);
    else if (key.split(' ').some((word) => word.startsWith(q))) consider(2);
    else if (key.includes(q)) consider(3);
    else if (fuzzy) {
      const distance = levenshtein(key, q);
      if (distance <= Math.max(2, Math.floor(q.length / 3))) consider(4 + distance);
    }
  }
  // Cities before regions at equal score: a reader typing "Lon" most likely means London the city.
  return best === undefined ? undefined : best + (place.kind === 'cloud-region' ? 0.5 : 0);
}

function rank(query: string, limit: number, fuzzy: boolean): Place[] {
  const q = normalisePlaceQuery(query);
  if (q === '') return [];
  const scored: Array<{ place: Place; score: number }> = [];
  for (const place of PLACES) {
    const score = scorePlace(place, q, fuzzy);
    if (score !== undefined) scored.push({ place, score });
  }
  scored.sort((x, y) => x.score - y.score || x.place.name.localeCompare(y.place.name));
  return scored.slice(0, limit).map((s) => s.place);
}

/** Autocomplete: prefix, word-prefix, then substring matches, then near misses. */
export function searchPlaces(query: string, limit: number = DEFAULT_SEARCH_LIMIT): Place[] {
  if (!Number.isInteger(limit) || limit < 1) throw new ModelInputError('limit', 'must be a whole number ≥ 1', limit);
  if (typeof query !== 'string') throw new ModelInputError('query', 'must be a string', query);
  return rank(query, limit, true);
}

export function suggestPlaces(query: string): Place[] {
  return rank(query, MAX_SUGGESTIONS, true);
}
