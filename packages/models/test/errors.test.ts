import { describe, expect, it } from 'vitest';
import { ModelInputError, requireFinite, requireFraction, requireInteger, requirePositive, requireQuantile } from '../src/errors.ts';

describe('ModelInputError', () => {
  it('names the parameter and the rule, and quotes the value', () => {
    const error = new ModelInputError('utilization', 'must be below 1 for a stable queue', 1.2);
    expect(error.message).toBe('utilization must be below 1 for a stable queue, got 1.2');
    expect(error.parameter).toBe('utilization');
    expect(error.rule).toBe('must be below 1 for a stable queue');
    expect(error).toBeInstanceOf(Error);
  });

  it('validators reject what they should', () => {
    expect(() => requireFinite('x', Number.NaN)).toThrow('x must be a finite number, got NaN');
    expect(() => requirePositive('x', 0)).toThrow('x must be greater than 0, got 0');
    expect(() => requireInteger('servers', 2.5, 1)).toThrow('servers must be a whole number ≥ 1, got 2.5');
    expect(() => requireFraction('p', 1.01)).toThrow(ModelInputError);
    expect(() => requireQuantile('q', 1)).toThrow(ModelInputError);
    expect(requireFraction('p', 1)).toBe(1);
  });
});
