import { describe, expect, it } from 'vitest';
import { FigureError, formatFigure } from '../src/lib/format.ts';

describe('formatting computed figures', () => {
  it('groups thousands and keeps the requested digits', () => {
    expect(formatFigure(5570.23, { digits: 0, unit: 'km' })).toBe('5,570 km');
    expect(formatFigure(8.1, { digits: 1 })).toBe('8.1');
    expect(formatFigure(0.23866, { percent: true, digits: 2 })).toBe('23.87 %');
  });

  it('chooses sensible default digits', () => {
    expect(formatFigure(9)).toBe('9');
    expect(formatFigure(5.9259)).toBe('5.93');
    expect(formatFigure(1884.3)).toBe('1,884');
  });

  it('refuses NaN and infinities so the build fails instead of printing them', () => {
    expect(() => formatFigure(Number.NaN)).toThrow(FigureError);
    expect(() => formatFigure(Number.POSITIVE_INFINITY)).toThrow(/finite/);
  });
});
