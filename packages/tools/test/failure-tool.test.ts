import { downtimeFromFraction, kOfNAvailability, multiWindowAlerts, parallelAvailability, seriesAvailability } from '@compendium/models';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blockDiagram,
  checkMode,
  cleanCell,
  DEFAULT_MODES,
  durationParts,
  type FailureState,
  FIX_BUDGET,
  FIX_COMPOSITION,
  failureFields,
  failureReport,
  fmeaView,
  joinModes,
  kOfNGroup,
  percentDigits,
  percentDigitsOf,
  rankModes,
  readFailureState,
  splitModes,
  writeFailureState,
} from '../src/failure-tool.ts';
import { failureToolUrl } from '../src/links.ts';

const reportFor = (query: string) => failureReport(readFailureState(query));
const errorsFor = (query: string) => readFailureState(query).errors;
const budgetOf = (report: ReturnType<typeof reportFor>) => {
  if ('message' in report.budget) throw new Error(report.budget.message);
  return report.budget;
};
const composedOf = (report: ReturnType<typeof reportFor>) => {
  if (!report.composition.ok) throw new Error(report.composition.message);
  return report.composition;
};
const search = (url: string) => new URL(url, 'http://x').search;

describe('the Failure Analyzer', () => {
  it('opens on a healthy system: every block computes and the design meets its SLO', () => {
    const state = readFailureState('');
    expect(state.errors).toEqual({});
    const report = failureReport(state);
    const composed = composedOf(report);
    expect(composed.blocks.map((b) => b.kind)).toEqual(['series', 'parallel', 'kofn']);
    expect(composed.availability).toBeGreaterThan(state.values.slo);
    expect(budgetOf(report).design).toMatchObject({ meets: true });
    expect(budgetOf(report).design!.burnRate).toBeLessThan(1);
    expect(report.fmea.ranked).toHaveLength(DEFAULT_MODES.length);
    expect(report.fmea.rows.every((row) => row.mode)).toBe(true);
    expect(writeFailureState(state.raw)).toBe('');
  });

  it('composes series × parallel × k-of-n with the models and reports nines and downtime', () => {
    const report = reportFor('?series=0.999,0.999&parallel=0.99,0.99&k=2&n=3&component=0.99');
    const composed = composedOf(report);
    expect(composed.blocks.map((b) => b.availability)).toEqual([seriesAvailability([0.999, 0.999]), parallelAvailability([0.99, 0.99]), kOfNAvailability(2, 3, 0.99)]);
    expect(composed.blocks[0]!.availability).toBeCloseTo(0.998001, 12);
    expect(composed.blocks[1]!.availability).toBeCloseTo(0.9999, 12);
    expect(composed.blocks[2]!.availability).toBeCloseTo(0.999702, 12);
    expect(composed.availability).toBeCloseTo(0.998001 * 0.9999 * 0.999702, 12);
    expect(composed.downtime).toEqual(downtimeFromFraction(composed.availability));
  });

  it('gives the textbook downtime of four nines: 52.6 minutes a year, 4.38 minutes a month', () => {
    const composed = composedOf(reportFor('?series=0.9999'));
    expect(composed.nines).toBeCloseTo(4, 9);
    expect(composed.downtime.downtimePerYearS).toBeCloseTo(3155.76, 6);
    expect(composed.downtime.downtimePerMonthS).toBeCloseTo(262.98, 6);
    expect(composed.downtime.downtimePer30DayMonthS).toBeCloseTo(259.2, 6);
    expect(composed.downtime.downtimePerWeekS).toBeCloseTo(60.48, 6);
    expect(composed.downtime.downtimePerDayS).toBeCloseTo(8.64, 6);
  });

  it('shows exactly the composition a page links to: parts the link leaves out are absent, not defaults', () => {
    const chain = reportFor(search(failureToolUrl({ series: [0.9995, 0.9995, 0.9995], slo: 0.999, windowDays: 30 })));
    expect(chain.group).toEqual({ state: 'off' });
    expect(composedOf(chain).availability).toBeCloseTo(0.9995 ** 3, 12);
    const withPair = reportFor(search(failureToolUrl({ series: [0.999, 0.999, 0.999, 0.999, 0.999], parallel: [0.99, 0.99] })));
    expect(composedOf(withPair).availability).toBeCloseTo(0.999 ** 5 * 0.9999, 12);
    // A link that only sets the SLO keeps the default composition.
    expect(composedOf(reportFor('?slo=0.9999')).blocks).toHaveLength(3);
  });

  it('keeps the whole state through the URL: what is written is what is read back', () => {
    const defaults = readFailureState('').raw;
    const cases = [
      { ...defaults, series: '0.99' },
      { ...defaults, parallel: '', k: '', n: '', component: '' },
      { ...defaults, slo: '0.9995', window: '28', rps: '5' },
      { ...defaults, modes: 'Bad config push~6~7~4' },
    ];
    for (const raw of cases) expect(readFailureState(writeFailureState(raw)).raw).toEqual(raw);
    expect(writeFailureState({ ...defaults, series: '0.99' })).toBe('?series=0.99&parallel=0.999,0.999&k=2&n=3&component=0.995');
    expect(writeFailureState({ ...defaults, modes: 'Bad push~6~7~4|Disk, full: 50%~1~2~3' })).toBe('?modes=Bad+push~6~7~4|Disk,+full:+50%25~1~2~3');
    fc.assert(
      fc.property(fc.record({ series: fc.string(), parallel: fc.string(), k: fc.string(), slo: fc.string(), modes: fc.string() }), (typed) => {
        const raw = { ...defaults, ...typed };
        expect(readFailureState(writeFailureState(raw)).raw).toEqual(raw);
      }),
    );
  });

  it('computes the SRE Workbook error budget and burn-rate thresholds for 99.9 % over 30 days', () => {
    const budget = budgetOf(reportFor('?slo=0.999&window=30&rps=200'));
    expect(budget.budget.allowedBadTimeS).toBeCloseTo(2592, 9);
    expect(budget.totalRequests).toBe(200 * 30 * 86_400);
    expect(budget.allowedBadRequests).toBeCloseTo(518_400, 6);
    expect(budget.alerts.map((a) => a.burnRate)).toEqual([14.4, 6, 1].map((x) => expect.closeTo(x, 12)));
    expect(budget.alerts.map((a) => [a.longWindowS, a.shortWindowS])).toEqual([
      [3600, 300],
      [21_600, 1800],
      [259_200, 21_600],
    ]);
    expect(budget.alerts.map((a) => a.errorRatioThreshold)).toEqual([0.0144, 0.006, 0.001].map((x) => expect.closeTo(x, 12)));
    expect(budget.alerts[0]!.exhaustionS).toBeCloseTo(50 * 3600, 6);
    expect(budget.alerts.every((a) => a.canFire)).toBe(true);
  });

  it('scales the thresholds with the window and charts budget remaining down to exactly zero', () => {
    const budget = budgetOf(reportFor('?window=28'));
    expect(budget.alerts.map((a) => a.burnRate)).toEqual(multiWindowAlerts(0.999, 28 * 86_400).map((a) => a.burnRate));
    expect(budget.alerts[0]!.burnRate).toBeCloseTo(13.44, 12);
    const { days, lines } = budget.chart;
    expect(days[0]).toBe(0);
    expect(days.at(-1)).toBe(28);
    expect(lines.map((l) => l.label)).toEqual(['Page', 'Page', 'Ticket', 'Steady']);
    for (const line of lines) {
      expect(line.remaining[0]).toBe(100);
      const exhaustedAt = 28 / line.burnRate;
      if (exhaustedAt <= 28) expect(line.remaining[days.indexOf(exhaustedAt)]).toBeCloseTo(0, 9);
      expect(line.remaining.every((r) => r >= 0 && r <= 100)).toBe(true);
    }
    expect(lines[3]!.remaining.at(-1)).toBeCloseTo(0, 9);
  });

  it('says which alerts cannot fire and when the design itself overspends the budget', () => {
    const loose = budgetOf(reportFor('?slo=0.9'));
    expect(loose.alerts[0]!.errorRatioThreshold).toBeCloseTo(1.44, 12);
    expect(loose.alerts.map((a) => a.canFire)).toEqual([false, true, true]);
    const tight = budgetOf(reportFor('?series=0.9995,0.9995&slo=0.9995'));
    expect(tight.design!.meets).toBe(false);
    expect(tight.design!.burnRate).toBeCloseTo((1 - 0.9995 ** 2) / 0.0005, 9);
    expect(tight.design!.expectedBadTimeS).toBeCloseTo((1 - 0.9995 ** 2) * 30 * 86_400, 6);
  });

  it('ranks failure modes by RPN, then impact, then likelihood, then the reader’s order', () => {
    const ranked = rankModes([
      { name: 'a', likelihood: 2, impact: 5, detectability: 5 },
      { name: 'b', likelihood: 5, impact: 5, detectability: 2 },
      { name: 'c', likelihood: 5, impact: 2, detectability: 5 },
      { name: 'd', likelihood: 10, impact: 10, detectability: 10 },
      { name: 'e', likelihood: 2, impact: 5, detectability: 5 },
    ]);
    expect(ranked.map((m) => [m.name, m.rpn])).toEqual([
      ['d', 1000],
      ['b', 50],
      ['a', 50],
      ['e', 50],
      ['c', 50],
    ]);
    const report = reportFor('');
    expect(report.fmea.ranked.map((m) => m.rpn)).toEqual([168, 150, 81, 60, 48]);
    expect(report.fmea.ranked[0]).toMatchObject({ name: 'Bad config push', index: 1 });
  });

  it('ranks the valid rows while the reader fixes the others, keeping editor positions', () => {
    const view = fmeaView('Good~2~2~2|Bad~11~2~2|Best~9~9~9');
    expect(view.rows).toHaveLength(3);
    expect(view.rows[1]!.problems).toEqual({ likelihood: 'likelihood must be a whole number from 1 to 10, got "11"' });
    expect(view.ranked.map((m) => [m.name, m.index])).toEqual([
      ['Best', 2],
      ['Good', 0],
    ]);
    expect(errorsFor('?modes=Good~2~2~2|Bad~11~2~2').modes).toBe('Failure modes, entry 2: likelihood must be a whole number from 1 to 10, got "11"');
  });

  it('edits the table cell by cell without breaking its encoding', () => {
    expect(cleanCell('a~b|c')).toBe('a b c');
    const rows = splitModes('One~1~2~3|Two~4~5');
    expect(rows).toEqual([
      ['One', '1', '2', '3'],
      ['Two', '4', '5'],
    ]);
    expect(joinModes(rows)).toBe('One~1~2~3|Two~4~5~');
    expect(joinModes([['x|y~z', '1', '2', '3', 'extra']])).toBe('x y z~1~2~3');
    const raw = readFailureState('').raw.modes;
    expect(joinModes(splitModes(raw))).toBe(raw);
    expect(fmeaView('').ranked).toEqual([]);
  });

  it('names the field and the rule for every bad input', () => {
    const cases: [string, keyof FailureState['errors'], string][] = [
      ['series=abc', 'series', 'Series components, entry 1: availability must be a number, got "abc"'],
      ['series=0.9,99.9', 'series', 'Series components, entry 2: availability must be a fraction from 0 to 1 (0.999 = 99.9 %), got 99.9'],
      [`series=${Array(21).fill('0.9').join(',')}`, 'series', 'Series components takes at most 20 entries, got 21'],
      [`parallel=${Array(11).fill('0.9').join(',')}`, 'parallel', 'Parallel group takes at most 10 entries, got 11'],
      ['parallel=-0.1', 'parallel', 'Parallel group, entry 1: availability must be a fraction from 0 to 1 (0.999 = 99.9 %), got -0.1'],
      [`series=${'9'.repeat(2001)}`, 'series', 'Series components is too long'],
      ['k=2.5', 'k', 'k (components needed) must be a whole number, got 2.5'],
      ['k=0', 'k', 'k (components needed) must be at least 1'],
      ['n=1001', 'n', 'n (components in the group) must be at most 1,000'],
      ['component=1.5', 'component', 'Component availability must be at most 1'],
      ['component=x', 'component', 'Component availability must be a number, got "x"'],
      ['slo=1', 'slo', 'SLO must be a fraction between 0 and 1, exclusive (0.999 = 99.9 %), got 1'],
      ['slo=99.9', 'slo', 'SLO must be a fraction between 0 and 1, exclusive (0.999 = 99.9 %), got 99.9'],
      ['slo=0', 'slo', 'SLO must be a fraction between 0 and 1, exclusive (0.999 = 99.9 %), got 0'],
      ['slo=', 'slo', 'SLO is required'],
      ['slo=high', 'slo', 'SLO must be a number, got "high"'],
      [`slo=${'9'.repeat(2001)}`, 'slo', 'SLO is too long'],
      ['window=6', 'window', 'SLO window must be at least 7 days'],
      ['window=400', 'window', 'SLO window must be at most 365 days'],
      ['window=7.5', 'window', 'SLO window must be a whole number, got 7.5'],
      ['rps=-1', 'rps', 'Request rate must be at least 0 per second'],
      ['modes=~1~2~3', 'modes', 'Failure modes, entry 1: name is required'],
      [`modes=${'x'.repeat(61)}~1~2~3`, 'modes', 'Failure modes, entry 1: name must be at most 60 characters, got 61'],
      ['modes=Bad config~1~2', 'modes', 'Failure modes, entry 1: write each failure mode as name~likelihood~impact~detectability, e.g. Bad config push~6~7~4'],
      ['modes=A~1~0~3', 'modes', 'Failure modes, entry 1: impact must be a whole number from 1 to 10, got "0"'],
      ['modes=A~1~2~2.5', 'modes', 'Failure modes, entry 1: detectability must be a whole number from 1 to 10, got "2.5"'],
      [`modes=${Array(31).fill('A~1~1~1').join('|')}`, 'modes', 'Failure modes takes at most 30 entries, got 31'],
      [`modes=${'A'.repeat(2001)}`, 'modes', 'Failure modes is too long'],
    ];
    for (const [query, field, message] of cases) expect(errorsFor(`?${query}`)[field], query).toBe(message);
    expect(checkMode('<b>x</b>~1~2~3').problems.name).toBe("name may hold only letters, digits, spaces and . , ; : ' ( ) / & + % # ! ? _ -");
    expect(checkMode('Zoned-out café (eu-west-1): 50% loss!~1~2~3').mode?.name).toBe('Zoned-out café (eu-west-1): 50% loss!');
  });

  it('explains k-of-n combinations the model refuses instead of crashing', () => {
    expect(kOfNGroup({ k: 4, n: 3, component: 0.99 })).toEqual({ state: 'error', message: 'The k-of-n group cannot be computed: k must be at most n (3), got 4.' });
    const partial = reportFor('?series=0.999&k=2');
    expect(partial.composition).toMatchObject({ ok: false, message: 'The k-of-n group needs k, n and the component availability: fill in all three, or remove the group.' });
    expect(reportFor('?k=4&n=3&component=0.99').composition).toMatchObject({ ok: false, message: 'The k-of-n group cannot be computed: k must be at most n (3), got 4.' });
    expect(reportFor('?series=&parallel=').composition).toMatchObject({
      ok: false,
      message: 'Add at least one component: one in series, a parallel group, or a k-of-n group.',
    });
    // The budget does not depend on the composition and still computes.
    expect(budgetOf(partial).budget.allowedBadTimeS).toBeCloseTo(2592, 9);
  });

  it('shows a message instead of figures computed from defaults while a field is invalid', () => {
    const badSeries = reportFor('?series=0.999,abc');
    expect(badSeries.composition).toEqual({ ok: false, message: FIX_COMPOSITION, blocks: [] });
    expect(badSeries.diagram).toBeUndefined();
    expect(budgetOf(badSeries).design).toBeUndefined();
    expect(budgetOf(badSeries).budget.slo).toBe(0.999);
    const badSlo = reportFor('?slo=2');
    expect(badSlo.budget).toEqual({ message: FIX_BUDGET });
    expect(composedOf(badSlo).blocks).toHaveLength(3);
    // Without errors given, as a page computing a worked example would call it, everything computes.
    expect(failureReport({ ...readFailureState('?series=0.999,abc'), errors: undefined }).composition.ok).toBe(true);
  });

  it('flags nines beyond double precision instead of calling them infinite', () => {
    const tight = composedOf(reportFor(`?parallel=${Array(10).fill('0.9999').join(',')}`));
    expect(tight.availability).toBe(1);
    expect(tight.nines).toBeNull();
    expect(tight.beyondPrecision).toBe(true);
    const perfect = composedOf(reportFor('?series=1'));
    expect(perfect.beyondPrecision).toBe(false);
    expect(perfect.downtime.downtimePerYearS).toBe(0);
  });

  it('draws the block diagram with one box per component, folding long runs into "+N more"', () => {
    const standard = blockDiagram(readFailureState('').values);
    expect(standard.boxes.map((b) => b.kind)).toEqual(['series', 'series', 'parallel', 'parallel', 'kofn', 'kofn', 'kofn']);
    expect(standard.captions.map((c) => c.text)).toEqual(['2 in series', 'any 1 of 2', '2 of 3 needed']);
    for (let i = 1; i < standard.boxes.length; i++) {
      const [a, b] = [standard.boxes[i - 1]!, standard.boxes[i]!];
      if (a.kind !== b.kind) expect(b.x).toBeGreaterThan(a.x + a.w);
    }
    for (const box of standard.boxes) expect(box.x + box.w).toBeLessThan(standard.width);
    const big = blockDiagram(readFailureState(`?series=${Array(20).fill('0.99').join(',')}&parallel=&k=500&n=1000&component=0.9`).values);
    const series = big.boxes.filter((b) => b.kind === 'series');
    expect(series).toHaveLength(6);
    expect(series.at(-1)).toMatchObject({ availability: null, more: 15 });
    expect(big.boxes.filter((b) => b.kind === 'kofn').at(-1)).toMatchObject({ availability: null, more: 996 });
    expect(big.captions.map((c) => c.text)).toEqual(['20 in series', '500 of 1000 needed']);
  });

  it('formats durations and percentages so that every shown digit means something', () => {
    expect(durationParts(0)).toEqual({ value: 0, unit: 's', digits: 0 });
    expect(durationParts(3600)).toEqual({ value: 1, unit: 'h', digits: 0 });
    expect(durationParts(2592)).toMatchObject({ unit: 'min', digits: 1 });
    expect(durationParts(31_557.6)).toMatchObject({ unit: 'h', digits: 2 });
    expect(durationParts(180_000)).toMatchObject({ unit: 'd', digits: 2 });
    expect(durationParts(8.64)).toMatchObject({ value: 8.64, unit: 's', digits: 2 });
    expect(durationParts(0.0316)).toMatchObject({ unit: 'ms', digits: 1 });
    expect(durationParts(2e-7).unit).toBe('µs');
    expect([0.999, 0.9985, 0.9999, 0.99999, 0.5, 1].map((a) => percentDigits(a))).toEqual([2, 2, 3, 4, 2, 2]);
    expect([0.0144, 0.001, 0.0005, 0.000467, 0].map((f) => percentDigitsOf(f))).toEqual([2, 2, 3, 3, 2]);
  });

  it('never throws or shows a non-finite number, whatever a URL holds', () => {
    const value = fc.oneof(fc.string(), fc.constantFrom('', '1e999', 'NaN', '-0', '0', '1', '0.5', '<script>alert(1)</script>', '9'.repeat(400), 'A~1~1~1|B~10~10~10'));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...Object.values(failureFields).map((f) => f.key)), value), (params) => {
        const report = reportFor(`?${new URLSearchParams(params)}`);
        const numbers: number[] = [];
        JSON.stringify(report, (_, v) => {
          if (typeof v === 'number') numbers.push(v);
          return v;
        });
        expect(numbers.every(Number.isFinite)).toBe(true);
        if (report.composition.ok) expect(report.composition.availability).toBeGreaterThanOrEqual(0);
        expect(report.fmea.ranked.every((m) => !/[<>"]/.test(m.name))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
