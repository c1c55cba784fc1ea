import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CURRENT_VERSION, describePathProgress, emptyProgress, exportFile, importFile, isDone, pathProgress, readProgress, serialize, setDone,
} from '../src/lib/progress.ts';

const now = new Date('2026-11-25T10:00:00.000Z');
const later = new Date('2026-11-26T10:00:00.000Z');

describe('reading stored progress', () => {
  it('starts empty when nothing is stored', () => {
    expect(readProgress(null)).toEqual({ ok: true, progress: emptyProgress() });
    expect(readProgress('')).toEqual({ ok: true, progress: emptyProgress() });
  });

  it('round-trips what it writes', () => {
    const progress = setDone(setDone(emptyProgress(), '/patterns/saga/', true, now), '/learning-paths/new-graduate/#project-lock', true, now);
    expect(readProgress(serialize(progress))).toEqual({ ok: true, progress });
  });

  it('migrates version 1 (a list of routes) without losing a mark', () => {
    const result = readProgress(JSON.stringify({ version: 1, done: ['/part1-axioms/axiom1-latency/', '/patterns/saga/'] }), now);
    expect(result.ok && result.migratedFrom).toBe(1);
    expect(result.progress.version).toBe(CURRENT_VERSION);
    expect(Object.keys(result.progress.pages)).toEqual(['/part1-axioms/axiom1-latency/', '/patterns/saga/']);
  });

  it('ignores corrupt data with a reason instead of throwing', () => {
    for (const [stored, reason] of [
      ['{not json', /not valid JSON/],
      ['[1,2]', /not an object/],
      ['null', /not an object/],
      ['{"version":2,"pages":[]}', /without a "pages" object/],
      ['{"version":9,"pages":{}}', /newer than this site/],
      ['{"pages":{}}', /no known version/],
    ] as const) {
      const result = readProgress(stored);
      expect(result.ok, stored).toBe(false);
      expect(result.ok ? '' : result.problem, stored).toMatch(reason);
      expect(result.progress).toEqual(emptyProgress());
    }
  });

  it('drops single bad entries and keeps the good ones', () => {
    const stored = JSON.stringify({ version: 2, pages: { '/patterns/saga/': { doneAt: now.toISOString() }, 'javascript:alert(1)': { doneAt: now.toISOString() }, '/x/': { doneAt: 'yesterday-ish' }, '/y/': 3 } });
    expect(Object.keys(readProgress(stored).progress.pages)).toEqual(['/patterns/saga/']);
  });

  it('never throws on any stored text', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
      const result = readProgress(text);
      expect(result.progress.version).toBe(CURRENT_VERSION);
    }));
  });
});

describe('marking pages and measuring a path', () => {
  it('marks, keeps the first date, and unmarks', () => {
    const once = setDone(emptyProgress(), '/patterns/saga/', true, now);
    const twice = setDone(once, '/patterns/saga/', true, later);
    expect(twice.pages['/patterns/saga/']?.doneAt).toBe(now.toISOString());
    expect(isDone(setDone(twice, '/patterns/saga/', false), '/patterns/saga/')).toBe(false);
    expect(() => setDone(emptyProgress(), 'https://evil.example/', true)).toThrow(/site route/);
  });

  it('counts the steps of a path that are done, each step once', () => {
    const progress = setDone(setDone(emptyProgress(), '/a/', true), '/c/', true);
    const measured = pathProgress(progress, ['/a/', '/b/', '/c/', '/d/', '/a/']);
    expect(measured).toEqual({ done: 2, total: 4, share: 0.5 });
    expect(describePathProgress(measured)).toBe('2 of 4 steps done (50 %)');
    expect(describePathProgress(pathProgress(progress, []))).toBe('No steps');
  });
});

describe('export and import', () => {
  it('restores exactly what was exported, into empty storage', () => {
    const progress = setDone(setDone(emptyProgress(), '/patterns/saga/', true, now), '/quantitative/littles-law/', true, now);
    const file = exportFile(progress, now);
    expect(file.name).toBe('compendium-progress-2026-11-25.json');
    const imported = importFile(emptyProgress(), file.text);
    expect(imported).toEqual({ ok: true, progress, added: 2, total: 2 });
  });

  it('merges into existing progress and never removes a mark', () => {
    const mine = setDone(emptyProgress(), '/patterns/saga/', true, later);
    const theirs = setDone(setDone(emptyProgress(), '/patterns/saga/', true, now), '/patterns/outbox/', true, now);
    const merged = importFile(mine, exportFile(theirs, now).text);
    expect(merged.ok && merged.added).toBe(1);
    expect(merged.ok && merged.progress.pages['/patterns/saga/']?.doneAt).toBe(now.toISOString());
  });

  it('refuses a file that is not an export of this site, saying why', () => {
    expect(importFile(emptyProgress(), 'hello')).toEqual({ ok: false, message: expect.stringMatching(/not valid JSON/) });
    expect(importFile(emptyProgress(), '{"version":2,"pages":{}}')).toEqual({ ok: false, message: expect.stringMatching(/"app" marker/) });
    const future = JSON.stringify({ app: 'compendium-of-distributed-systems', version: 7 });
    expect(importFile(emptyProgress(), future)).toEqual({ ok: false, message: expect.stringMatching(/newer than this site/) });
  });
});
