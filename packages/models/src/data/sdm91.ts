/**
 * SPEC SDM91 benchmark on a Sun SPARCcenter: throughput (scripts per hour) against concurrent users, as published in
 * N. J. Gunther, "Guerrilla Capacity Planning", Springer, 2007, and reproduced by the R package `usl` (CRAN).
 * A measured dataset, typed once; everything derived from it is computed (see scaling/usl.ts).
 */
export const SDM91_SOURCE = 'N. J. Gunther, Guerrilla Capacity Planning (Springer, 2007); R package usl, dataset specsdm91';

export const SDM91_POINTS: readonly (readonly [users: number, throughput: number])[] = [
  [1, 64.9],
  [18, 995.9],
  [36, 1652.4],
  [72, 1853.2],
  [108, 1828.9],
  [144, 1775.0],
  [216, 1702.2],
];
