import { describe, expect, it } from 'vitest';
import { allRoutes, learningPaths } from '../src/data/catalog.ts';
import { LEARNING_PATHS, progressKeyForPath, stepKeys } from '../src/data/learning-paths.ts';

describe('learning paths', () => {
  it('has one path per learning-path page of the catalog', () => {
    expect(LEARNING_PATHS.map((p) => p.route)).toEqual(learningPaths.pages.map((p) => `/${p.slug}/`));
  });

  it('makes every step a real page, or a project described on the path page itself', () => {
    const routes = new Set(allRoutes());
    for (const path of LEARNING_PATHS) {
      const projectAnchors = path.projects.map((p) => `${path.route}#${p.id}`);
      for (const key of stepKeys(path)) {
        expect(routes.has(key) || projectAnchors.includes(key), `${path.id}: ${key}`).toBe(true);
      }
      for (const p of path.projects) {
        expect(stepKeys(path), `${path.id} lists its project ${p.id} as a step`).toContain(`${path.route}#${p.id}`);
        for (const route of p.uses) expect(routes.has(route), `${p.id} uses ${route}`).toBe(true);
        expect(p.check.length).toBeGreaterThan(0);
      }
    }
  });

  it('lists no page twice within a path', () => {
    for (const path of LEARNING_PATHS) expect(new Set(stepKeys(path)).size, path.id).toBe(stepKeys(path).length);
  });

  it('keys a page by its route, however the browser spells the path', () => {
    expect(progressKeyForPath('/patterns/saga/')).toBe('/patterns/saga/');
    expect(progressKeyForPath('/patterns/saga')).toBe('/patterns/saga/');
    expect(progressKeyForPath('/patterns/saga/index.html')).toBe('/patterns/saga/');
  });
});
