import { expect } from 'vitest';
import fc from 'fast-check';
import { ModelInputError } from '../src/errors.ts';

/** Asserts that `fn` throws a ModelInputError naming `parameter`. */
export function expectInputError(fn: () => unknown, parameter: string): void {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `expected a ModelInputError for ${parameter}`).toBeInstanceOf(ModelInputError);
  expect((thrown as ModelInputError).parameter).toBe(parameter);
  expect((thrown as ModelInputError).message).toContain(parameter);
}

/** Values no model accepts as an ordinary number. */
export const NON_FINITE = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY] as const;

export const relative = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

/** A finite double, positive, without subnormals, in a sane range. */
export const positive = (min = 1e-6, max = 1e6) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
export const fractionArb = fc.double({ min: 0, max: 1, noNaN: true });
