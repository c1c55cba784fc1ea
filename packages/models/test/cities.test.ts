import { describe, expect, it } from 'vitest';
import type { ModelInputError } from '../src/errors.ts';
import { PLACES, findPlace, normalisePlaceQuery, searchPlaces } from '../src/cities.ts';
import { expectInputError } from './helpers.ts';

describe('place table', () => {
  it('holds at least 100 entries, with cities and the three providers’ regions', () => {
    expect(PLACES.length).toBeGreaterThanOrEqual(100);
    expect(PLACES.filter((p) => p.kind === 'city').length).toBeGreaterThanOrEqual(50);
    for (const provider of ['aws', 'gcp', 'azure'] as const) {
      expect(PLACES.filter((p) => p.provider === provider).length).toBeGreaterThanOrEqual(20);
    }
  });

  it('every entry is well formed', () => {
    for (const p of PLACES) {
      expect(p.id).toMatch(/^[a-z0-9-]+$/);
      expect(p.lat).toBeGreaterThanOrEqual(-90);
      expect(p.lat).toBeLessThanOrEqual(90);
      expect(p.lon).toBeGreaterThanOrEqual(-180);
      expect(p.lon).toBeLessThanOrEqual(180);
      expect(p.country).toMatch(/^[A-Z]{2}$/);
      expect(p.source.length).toBeGreaterThan(10);
    }
  });

  it('ids are unique, and no id, name or alias of one place is claimed by another', () => {
    const owner = new Map<string, string>();
    for (const p of PLACES) {
      for (const key of new Set([p.id, p.name, ...p.aliases].map(normalisePlaceQuery))) {
        const previous = owner.get(key);
        expect(previous === undefined || previous === p.id, `"${key}" is claimed by ${previous} and ${p.id}`).toBe(true);
        owner.set(key, p.id);
      }
    }
  });
});

describe('findPlace', () => {
  it('matches ids, names and aliases, ignoring case, accents and punctuation', () => {
    expect(findPlace('New York').id).toBe('new-york');
    expect(findPlace('nyc').id).toBe('new-york');
    expect(findPlace('NEW-YORK').id).toBe('new-york');
    expect(findPlace('SF').id).toBe('san-francisco');
    expect(findPlace('LA').id).toBe('los-angeles');
    expect(findPlace('london').id).toBe('london');
    expect(findPlace('Sao Paulo').id).toBe('sao-paulo');
    expect(findPlace('zurich').id).toBe('zurich');
    expect(findPlace('washington dc').id).toBe('washington-dc');
  });

  it('finds cloud regions by code, provider-qualified code and location', () => {
    expect(findPlace('us-east-1').name).toContain('N. Virginia');
    expect(findPlace('eu-west-2').name).toContain('London');
    expect(findPlace('europe-west1').name).toContain('St. Ghislain');
    expect(findPlace('aws:us-west-2').id).toBe('us-west-2');
    expect(findPlace('westeurope').provider).toBe('azure');
    expect(findPlace('Oregon').id).toBe('us-west-2');
  });

  it('names the parameter and suggests close matches when nothing matches', () => {
    expectInputError(() => findPlace('Lodnon', 'from'), 'from');
    try {
      findPlace('Lodnon', 'from');
    } catch (error) {
      expect((error as ModelInputError).message).toContain('london');
    }
    expectInputError(() => findPlace('', 'to'), 'to');
  });
});

describe('searchPlaces', () => {
  it('autocompletes by prefix, cities first', () => {
    const results = searchPlaces('lon', 5);
    expect(results[0]?.id).toBe('london');
    expect(results.length).toBeLessThanOrEqual(5);
  });

  it('finds regions by partial code', () => {
    expect(searchPlaces('us-east').map((p) => p.id)).toEqual(expect.arrayContaining(['us-east-1', 'us-east-2']));
  });

  it('returns nothing for an empty query and validates the limit', () => {
    expect(searchPlaces('  ')).toEqual([]);
    expectInputError(() => searchPlaces('lon', 0), 'limit');
  });
});
