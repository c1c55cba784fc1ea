/**
 * A reader's progress: which pages they have marked done, kept in localStorage. Pure functions over the stored text,
 * so every rule (versions, migration, corrupt data, import) is tested in Node; the page script only calls these.
 *
 * Format history, oldest first. A reader's saved progress must survive every change of format:
 *   v1  { "version": 1, "done": ["/part1-axioms/axiom1-latency/", …] }
 *   v2  { "version": 2, "pages": { "/part1-axioms/axiom1-latency/": { "doneAt": "2026-11-25T10:00:00.000Z" } } }
 */

export const STORAGE_KEY = 'compendium:progress';
/** Where unreadable progress is moved before it is replaced, so nothing a reader saved is silently destroyed. */
export const CORRUPT_KEY = 'compendium:progress:unreadable';
export const CURRENT_VERSION = 2;
export const EXPORT_APP = 'compendium-of-distributed-systems';

export interface Progress {
  version: typeof CURRENT_VERSION;
  /** Keys are routes ("/patterns/saga/") or project anchors on a path page ("/learning-paths/x/#project-y"). */
  pages: Record<string, { doneAt: string }>;
}

export type ReadResult =
  | { ok: true; progress: Progress; migratedFrom?: number }
  | { ok: false; progress: Progress; problem: string };

export const emptyProgress = (): Progress => ({ version: CURRENT_VERSION, pages: {} });

const PAGE_KEY = /^\/[a-z0-9/#-]*$/;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isDate = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/** Normalises what a reader or an old version stored; returns a reason when the value cannot be understood. */
function fromStored(value: unknown, epoch: string): { progress: Progress; migratedFrom?: number } | string {
  if (!isRecord(value)) return 'it is not an object';
  if (value.version === 1) {
    if (!Array.isArray(value.done)) return 'version 1 without a "done" list';
    const pages: Progress['pages'] = {};
    for (const key of value.done) if (typeof key === 'string' && PAGE_KEY.test(key)) pages[key] = { doneAt: epoch };
    return { progress: { version: CURRENT_VERSION, pages }, migratedFrom: 1 };
  }
  if (value.version === CURRENT_VERSION) {
    if (!isRecord(value.pages)) return 'version 2 without a "pages" object';
    const pages: Progress['pages'] = {};
    // Entries that do not look right are dropped one by one; the rest of the reader's progress is kept.
    for (const [key, entry] of Object.entries(value.pages)) {
      if (PAGE_KEY.test(key) && isRecord(entry) && isDate(entry.doneAt)) pages[key] = { doneAt: entry.doneAt };
    }
    return { progress: { version: CURRENT_VERSION, pages } };
  }
  return typeof value.version === 'number' && value.version > CURRENT_VERSION
    ? `version ${value.version} is newer than this site understands (${CURRENT_VERSION})`
    : 'it has no known version';
}

/** Reads stored text. Never throws: unreadable data gives empty progress and the reason. */
export function readProgress(stored: string | null, now: Date = new Date()): ReadResult {
  if (stored === null || stored === '') return { ok: true, progress: emptyProgress() };
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return { ok: false, progress: emptyProgress(), problem: 'it is not valid JSON' };
  }
  const result = fromStored(parsed, now.toISOString());
  return typeof result === 'string' ? { ok: false, progress: emptyProgress(), problem: result } : { ok: true, ...result };
}

export const serialize = (progress: Progress): string => JSON.stringify(progress);

export function isDone(progress: Progress, key: string): boolean {
  return Object.hasOwn(progress.pages, key);
}

export function setDone(progress: Progress, key: string, done: boolean, now: Date = new Date()): Progress {
  if (!PAGE_KEY.test(key)) throw new RangeError(`progress key must be a site route such as /patterns/saga/, got ${JSON.stringify(key)}`);
  const pages = { ...progress.pages };
  if (done) pages[key] = pages[key] ?? { doneAt: now.toISOString() };
  else delete pages[key];
  return { version: CURRENT_VERSION, pages };
}

export interface PathProgress {
  done: number;
  total: number;
  /** 0-1. */
  share: number;
}

export function pathProgress(progress: Progress, stepKeys: readonly string[]): PathProgress {
  const unique = [...new Set(stepKeys)];
  const done = unique.filter((k) => isDone(progress, k)).length;
  return { done, total: unique.length, share: unique.length === 0 ? 0 : done / unique.length };
}

export function describePathProgress({ done, total, share }: PathProgress): string {
  if (total === 0) return 'No steps';
  return `${done} of ${total} steps done (${Math.round(share * 100)} %)`;
}

/** The file a reader downloads: the stored progress with a marker saying what it is. */
export function exportFile(progress: Progress, now: Date = new Date()): { name: string; text: string } {
  return {
    name: `compendium-progress-${now.toISOString().slice(0, 10)}.json`,
    text: `${JSON.stringify({ app: EXPORT_APP, exportedAt: now.toISOString(), ...progress }, null, 2)}\n`,
  };
}

export type ImportResult = { ok: true; progress: Progress; added: number; total: number } | { ok: false; message: string };

/** Merges an exported file into the current progress (marks are only ever added; the earlier date wins). */
export function importFile(current: Progress, text: string, now: Date = new Date()): ImportResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, message: 'That file is not a Compendium progress export: it is not valid JSON.' };
  }
  if (!isRecord(parsed) || parsed.app !== EXPORT_APP) {
    return { ok: false, message: 'That file is not a Compendium progress export: it has no "app" marker from this site.' };
  }
  const result = fromStored(parsed, now.toISOString());
  if (typeof result === 'string') return { ok: false, message: `That progress file cannot be read: ${result}.` };
  const pages = { ...current.pages };
  let added = 0;
  for (const [key, entry] of Object.entries(result.progress.pages)) {
    const existing = pages[key];
    if (!existing) added++;
    pages[key] = existing && existing.doneAt <= entry.doneAt ? existing : entry;
  }
  return { ok: true, progress: { version: CURRENT_VERSION, pages }, added, total: Object.keys(result.progress.pages).length };
}
