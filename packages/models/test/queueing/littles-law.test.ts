import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { littlesArrivalRate, littlesItems, littlesLaw, littlesTime } from '../../src/queueing/littles-law.ts';
import { NON_FINITE, expectInputError, positive, relative } from '../helpers.ts';

describe("Little's law", () => {
  it('all three forms', () => {
    // 100 requests/s each spending 0.25 s: 25 in flight.
    expect(littlesItems(100, 0.25)).toBe(25);
    expect(littlesArrivalRate(25, 0.25)).toBe(100);
    expect(littlesTime(25, 100)).toBe(0.25);
  });

  it('solves for the missing quantity', () => {
    expect(littlesLaw({ arrivalRate: 100, timeInSystem: 0.25 })).toMatchObject({ itemsInSystem: 25, solvedFor: 'itemsInSystem' });
    expect(littlesLaw({ itemsInSystem: 25, timeInSystem: 0.25 })).toMatchObject({ arrivalRate: 100 });
    expect(littlesLaw({ itemsInSystem: 25, arrivalRate: 100 })).toMatchObject({ timeInSystem: 0.25 });
    expectInputError(() => littlesLaw({ itemsInSystem: 25 }), 'input');
  });

  it('the forms invert each other', () => {
    fc.assert(
      fc.property(positive(), positive(), (lambda, w) => {
        const l = littlesItems(lambda, w);
        expect(relative(littlesTime(l, lambda), w)).toBeLessThan(1e-12);
        expect(relative(littlesArrivalRate(l, w), lambda)).toBeLessThan(1e-12);
      }),
    );
  });

  it('rejects invalid input', () => {
    for (const bad of [-1, ...NON_FINITE]) expectInputError(() => littlesItems(bad, 1), 'arrivalRate');
    expectInputError(() => littlesTime(1, 0), 'arrivalRate');
    expectInputError(() => littlesArrivalRate(1, 0), 'timeInSystem');
  });
});
