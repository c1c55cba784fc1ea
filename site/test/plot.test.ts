import { describe, expect, it } from 'vitest';
import { linePath, niceTicks, PlotError, sample, scale, tickLabel, validateSeries } from '../src/lib/plot.ts';

describe('build-time plot geometry', () => {
  it('puts ticks on round steps of 1, 2 or 5 × 10^k', () => {
    expect(niceTicks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(3, 47)).toEqual([10, 20, 30, 40]);
  });

  it('maps a linear domain onto the pixel range, starting at zero when the data nearly does', () => {
    const x = scale({ label: 'N' }, [1, 200], [0, 100], 'x');
    expect(x.domain).toEqual([0, 200]);
    expect(x(100)).toBeCloseTo(50);
    expect(x.ticks[0]).toBe(0);
  });

  it('uses decades on a logarithmic axis and refuses values ≤ 0 there', () => {
    const y = scale({ label: 'wait', log: true }, [0.01, 100], [100, 0], 'y');
    expect(y.ticks).toEqual([0.01, 0.1, 1, 10, 100]);
    expect(y(1)).toBeCloseTo(50);
    expect(() => scale({ label: 'wait', log: true }, [0, 1], [0, 1], 'y')).toThrow(/logarithmic.*≤ 0/);
  });

  it('breaks the line where a point leaves the y domain instead of drawing off the chart', () => {
    const x = scale({ label: 'x' }, [0, 3], [0, 3], 'x');
    const y = scale({ label: 'y', min: 0, max: 10 }, [0, 10], [10, 0], 'y');
    expect(linePath([[0, 1], [1, 50], [2, 2], [3, 3]], x, y)).toBe('M0.00,9.00M2.00,8.00L3.00,7.00');
  });

  it('fails the build on non-finite data, naming the series', () => {
    expect(() => validateSeries([{ label: 'M/M/1', points: [[0.5, 1], [1, Number.POSITIVE_INFINITY]] }])).toThrow(PlotError);
    expect(() => validateSeries([{ label: 'M/M/1', points: [[1, Number.NaN]] }])).toThrow(/"M\/M\/1" point 0/);
    expect(() => validateSeries([])).toThrow(/at least one series/);
  });

  it('samples a model evenly or in log space, and labels ticks compactly', () => {
    expect(sample((x) => x * x, 0, 2, 3)).toEqual([[0, 0], [1, 1], [2, 4]]);
    expect(sample((x) => x, 1, 100, 3, true).map(([x]) => Math.round(x))).toEqual([1, 10, 100]);
    expect([tickLabel(1500), tickLabel(0.25), tickLabel(2e6)]).toEqual(['1,500', '0.25', '2e6']);
  });
});
