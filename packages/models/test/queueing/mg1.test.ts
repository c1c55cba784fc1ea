import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kingmanWait, md1, mg1 } from '../../src/queueing/mg1.ts';
import { mm1 } from '../../src/queueing/mm1.ts';
import { expectInputError, positive, relative } from '../helpers.ts';

describe('M/G/1 (Pollaczek–Khinchine)', () => {
  it('M/D/1 at ρ = 0.9 queues half as much as M/M/1: Lq = 4.05 (Kleinrock 1975, §5.6)', () => {
    const r = md1({ arrivalRate: 0.9, serviceTime: 1 });
    expect(r.meanQueueLength).toBeCloseTo(4.05, 12);
    expect(r.meanWait).toBeCloseTo(4.5, 12);
    expect(r.meanResponse).toBeCloseTo(5.5, 12);
  });

  it('with Cs = 1 it is M/M/1', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), positive(1e-3, 1e3), (rho, s) => {
        const g = mg1({ arrivalRate: rho / s, serviceTime: s, serviceTimeCv: 1 });
        const m = mm1({ arrivalRate: rho / s, serviceTime: s });
        expect(relative(g.meanResponse, m.meanResponse)).toBeLessThan(1e-9);
        expect(relative(g.meanInSystem, m.meanInSystem)).toBeLessThan(1e-9);
      }),
    );
  });

  it('Kingman agrees with P-K for Poisson arrivals', () => {
    const pk = mg1({ arrivalRate: 0.5, serviceTime: 1, serviceTimeCv: 2 });
    expect(kingmanWait({ arrivalRate: 0.5, serviceTime: 1, arrivalCv: 1, serviceTimeCv: 2 })).toBeCloseTo(pk.meanWait, 12);
  });

  it('rejects unstable and invalid input', () => {
    expectInputError(() => md1({ arrivalRate: 1, serviceTime: 1 }), 'utilization');
    expectInputError(() => mg1({ arrivalRate: 0.5, serviceTime: 1, serviceTimeCv: -1 }), 'serviceTimeCv');
    expectInputError(() => mg1({ arrivalRate: 0, serviceTime: 1, serviceTimeCv: 1 }), 'arrivalRate');
  });
});
