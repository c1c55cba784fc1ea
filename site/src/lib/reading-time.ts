/**
 * Reading time from a page's prose, computed at build time so it can never go stale.
 * Code, diagrams, math, imports and markup are not prose: a reader scans them at a different pace,
 * so they are left out rather than guessed at.
 */

/** Words per minute for technical prose; Brysbaert (2019) measured about 238 for non-fiction in English. */
export const WORDS_PER_MINUTE = 238;

export function proseOf(source: string): string {
  return source
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n\1[^\S\n]*$/gm, ' ')
    .replace(/\$\$[\s\S]*?\$\$/g, ' ')
    .replace(/\$[^$\n]+\$/g, ' formula ')
    .replace(/^\s*(import|export)\s[^\n]*$/gm, ' ')
    .replace(/<[A-Z][^>]*\/>/g, ' value ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\{[^{}]*\}/g, ' value ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/[#*_>|`~[\]-]+/g, ' ');
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

export function readingMinutes(source: string): number {
  return Math.max(1, Math.round(countWords(proseOf(source)) / WORDS_PER_MINUTE));
}
