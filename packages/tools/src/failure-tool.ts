/**
 * The Failure Analyzer's logic: an availability builder (components in series × a parallel group × a k-of-n group),
 * an error budget with the SRE Workbook's multi-window, multi-burn-rate alert thresholds, and a failure-mode (FMEA)
 * table ranked by risk priority number. The island only renders this.
 *
 * Availability and budget figures come from @compendium/models (availability.ts, slo.ts). The FMEA risk priority
 * number, RPN = likelihood × impact × detectability, is not in the models library; it is the one product computed
 * here, with its ranking rule.
 */
import {
  allowedBadEvents,
  type BurnRateAlert,
  burnRate,
  countNines,
  type DowntimeBudget,
  downtimeFromFraction,
  type ErrorBudget,
  errorBudget,
  kOfNAvailability,
  ModelInputError,
  multiWindowAlerts,
  parallelAvailability,
  seriesAvailability,
  timeToExhaustionS,
} from '@compendium/models';
import {
  defaultRaw,
  evaluate,
  type Field,
  type FieldSet,
  listField,
  MAX_PARAM_LENGTH,
  numberField,
  type ParseResult,
  parseDecimal,
  quote,
  type RawOf,
  type ToolState,
  type ValuesOf,
} from './fields.ts';

// ————————————————————————————————————————— fields —————————————————————————————————————————

export const MAX_SERIES = 20;
export const MAX_PARALLEL = 10;
/** Largest n of the k-of-n group: far beyond any quorum or pool a reader would draw, cheap for the O(n) sum. */
export const MAX_GROUP = 1_000;
export const MAX_MODES = 30;
export const MAX_NAME_LENGTH = 60;
const SECONDS_PER_DAY = 86_400;

/** An availability as a fraction in [0, 1]; readers often type a percentage, so the message shows the scale. */
export function parseAvailability(raw: string): ParseResult<number> {
  const value = parseDecimal(raw);
  if (value === undefined) return { ok: false, message: `availability must be a number, got ${quote(raw)}` };
  if (value < 0 || value > 1) return { ok: false, message: `availability must be a fraction from 0 to 1 (0.999 = 99.9 %), got ${raw.trim()}` };
  return { ok: true, value };
}

/** A field that may be left empty (value null); anything typed is checked by the inner field. */
function optionalField(inner: Field<number>, defaultValue: number | null): Field<number | null> {
  return {
    key: inner.key,
    label: inner.label,
    defaultValue,
    parse: (raw) => (raw.trim() === '' ? { ok: true, value: null } : inner.parse(raw)),
    format: (value) => (value === null ? '' : inner.format(value)),
  };
}

function availabilityList(key: string, label: string, defaultValue: readonly number[], maxItems: number) {
  return listField<number>({
    key,
    label,
    defaultValue,
    minItems: 0,
    maxItems,
    item: parseAvailability,
    formatItem: String,
  });
}

/** The fraction an SLO is written as: strictly between 0 and 1, as slo.ts requires. */
function sloField(): Field<number> {
  const label = 'SLO';
  return {
    key: 'slo',
    label,
    defaultValue: 0.999,
    parse(raw) {
      if (raw.length > MAX_PARAM_LENGTH) return { ok: false, message: `${label} is too long` };
      if (raw.trim() === '') return { ok: false, message: `${label} is required` };
      const value = parseDecimal(raw);
      if (value === undefined) return { ok: false, message: `${label} must be a number, got ${quote(raw)}` };
      if (value <= 0 || value >= 1) return { ok: false, message: `${label} must be a fraction between 0 and 1, exclusive (0.999 = 99.9 %), got ${raw.trim()}` };
      return { ok: true, value };
    },
    format: String,
  };
}

// ——— failure modes ———

export const SCORE_NAMES = ['likelihood', 'impact', 'detectability'] as const;
export type ScoreName = (typeof SCORE_NAMES)[number];

export interface FailureMode {
  name: string;
  likelihood: number;
  impact: number;
  detectability: number;
}

/** Realistic starting points; detectability 1 means almost certainly caught before users notice, 10 never. */
export const DEFAULT_MODES: readonly FailureMode[] = [
  { name: 'Primary database loses its disk', likelihood: 3, impact: 9, detectability: 3 },
  { name: 'Bad config push', likelihood: 6, impact: 7, detectability: 4 },
  { name: 'Dependency timeout storm', likelihood: 5, impact: 6, detectability: 5 },
  { name: 'TLS certificate expires', likelihood: 3, impact: 8, detectability: 2 },
  { name: 'Disk fills with logs', likelihood: 4, impact: 5, detectability: 3 },
];

const CELL_SEPARATOR = '~';
const ROW_SEPARATOR = '|';
const SCORE = /^(?:[1-9]|10)$/;
/** Plain text only: letters, digits, spaces and common punctuation; no markup, quotes, or separators. */
const NAME = /^[\p{L}\p{M}\p{N} .,;:'’()/&+%#!?_-]+$/u;
const MODE_FORMAT = 'write each failure mode as name~likelihood~impact~detectability, e.g. Bad config push~6~7~4';

export interface ModeProblems {
  /** The row as a whole is malformed (wrong number of cells). */
  row?: string;
  name?: string;
  likelihood?: string;
  impact?: string;
  detectability?: string;
}

export interface ModeRow {
  /** The cells as typed, always four (padded), for the editor. */
  cells: [string, string, string, string];
  problems: ModeProblems;
  /** Present when the row is valid. */
  mode?: FailureMode;
}

/** Splits the URL text into rows and cells the way the parser reads them; empty rows are dropped. */
export function splitModes(raw: string): string[][] {
  return raw
    .split(ROW_SEPARATOR)
    .filter((part) => part.trim() !== '')
    .map((part) => part.split(CELL_SEPARATOR));
}

/** Rebuilds the URL text from editor rows (the first four cells of each). */
export function joinModes(rows: readonly (readonly string[])[]): string {
  return rows.map((cells) => [0, 1, 2, 3].map((i) => cleanCell(cells[i] ?? '')).join(CELL_SEPARATOR)).join(ROW_SEPARATOR);
}

/** What a reader types into a cell cannot break the encoding: the two separators become spaces. */
export function cleanCell(text: string): string {
  return text.replace(/[~|]/g, ' ');
}

export function checkMode(text: string): ModeRow {
  const parts = text.split(CELL_SEPARATOR);
  const cells: [string, string, string, string] = [parts[0] ?? '', parts[1] ?? '', parts[2] ?? '', parts[3] ?? ''];
  const problems: ModeProblems = {};
  if (parts.length !== 4) problems.row = MODE_FORMAT;
  const name = cells[0].trim();
  if (name === '') problems.name = 'name is required';
  else if ([...name].length > MAX_NAME_LENGTH) problems.name = `name must be at most ${MAX_NAME_LENGTH} characters, got ${[...name].length}`;
  else if (!NAME.test(name)) problems.name = "name may hold only letters, digits, spaces and . , ; : ' ( ) / & + % # ! ? _ -";
  const scores: number[] = [];
  for (const [i, score] of SCORE_NAMES.entries()) {
    const cell = cells[i + 1]!.trim();
    if (SCORE.test(cell)) scores.push(Number(cell));
    else problems[score] = `${score} must be a whole number from 1 to 10, got ${quote(cell)}`;
  }
  const first = firstProblem(problems);
  if (first !== undefined) return { cells, problems };
  return { cells, problems, mode: { name, likelihood: scores[0]!, impact: scores[1]!, detectability: scores[2]! } };
}

function firstProblem(problems: ModeProblems): string | undefined {
  return problems.row ?? problems.name ?? problems.likelihood ?? problems.impact ?? problems.detectability;
}

const MODES_LABEL = 'Failure modes';

function modesField(): Field<readonly FailureMode[]> {
  return listField<FailureMode>({
    key: 'modes',
    label: MODES_LABEL,
    defaultValue: DEFAULT_MODES,
    minItems: 0,
    maxItems: MAX_MODES,
    separator: ROW_SEPARATOR,
    item: (text) => {
      const row = checkMode(text);
      return row.mode ? { ok: true, value: row.mode } : { ok: false, message: firstProblem(row.problems)! };
    },
    formatItem: (m) => [m.name, m.likelihood, m.impact, m.detectability].join(CELL_SEPARATOR),
  });
}

export const failureFields = {
  series: availabilityList('series', 'Series components', [0.9999, 0.9995], MAX_SERIES),
  parallel: availabilityList('parallel', 'Parallel group', [0.999, 0.999], MAX_PARALLEL),
  k: optionalField(numberField({ key: 'k', label: 'k (components needed)', defaultValue: 2, min: 1, max: MAX_GROUP, integer: true }), 2),
  n: optionalField(numberField({ key: 'n', label: 'n (components in the group)', defaultValue: 3, min: 1, max: MAX_GROUP, integer: true }), 3),
  component: optionalField(numberField({ key: 'component', label: 'Component availability', defaultValue: 0.995, min: 0, max: 1 }), 0.995),
  slo: sloField(),
  window: numberField({ key: 'window', label: 'SLO window', defaultValue: 30, min: 7, max: 365, integer: true, unit: 'days' }),
  rps: numberField({ key: 'rps', label: 'Request rate', defaultValue: 200, min: 0, max: 1e9, unit: 'per second' }),
  modes: modesField(),
} satisfies FieldSet;

export type FailureFields = typeof failureFields;
export type FailureValues = ValuesOf<FailureFields>;
export type FailureState = ToolState<FailureFields>;

/** The keys that describe the composition. */
const COMPOSITION: readonly (keyof FailureFields)[] = ['series', 'parallel', 'k', 'n', 'component'];

/**
 * Reads a query string. A link that names any part of the composition (the site's pages link `series` alone, or
 * `series` with `parallel`) describes the whole of it: the parts it leaves out are absent, not the defaults, so the
 * tool shows the composition the page computed.
 */
export function readFailureState(search: string): FailureState {
  const params = new URLSearchParams(search.length > 20 * MAX_PARAM_LENGTH ? '' : search);
  const raw = defaultRaw(failureFields);
  const composed = COMPOSITION.some((name) => params.has(failureFields[name].key));
  for (const name of Object.keys(failureFields) as (keyof FailureFields)[]) {
    const value = params.get(failureFields[name].key);
    if (value !== null) raw[name] = value;
    else if (composed && COMPOSITION.includes(name)) raw[name] = '';
  }
  return evaluate(failureFields, raw);
}

/** The query string for a state: what differs from the defaults, except that a changed composition is written whole. */
export function writeFailureState(raw: RawOf<FailureFields>): string {
  const defaults = defaultRaw(failureFields);
  const composedChanged = COMPOSITION.some((name) => raw[name] !== defaults[name]);
  const params = new URLSearchParams();
  for (const name of Object.keys(failureFields) as (keyof FailureFields)[]) {
    const write = COMPOSITION.includes(name) ? composedChanged : raw[name] !== defaults[name];
    if (write) params.set(failureFields[name].key, raw[name]);
  }
  // Commas, colons and the table's separators are legal in a query string; left readable, links stay legible.
  const text = params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%7E/g, '~').replace(/%7C/g, '|');
  return text ? `?${text}` : '';
}

// ——————————————————————————————————— availability ———————————————————————————————————

export type BlockKind = 'series' | 'parallel' | 'kofn';

export interface Block {
  kind: BlockKind;
  availability: number;
}

export type KOfNGroup = { state: 'off' } | { state: 'on'; k: number; n: number; component: number; availability: number } | { state: 'error'; message: string };

export type Composition =
  | {
      ok: true;
      availability: number;
      /** −log10(1 − A); null when A rounds to exactly 1. */
      nines: number | null;
      /** A is exactly 1 in floating point although some component is below 1: the nines are beyond double precision. */
      beyondPrecision: boolean;
      downtime: DowntimeBudget;
      blocks: Block[];
    }
  | { ok: false; message: string; blocks: Block[] };

function modelMessage(error: unknown): string {
  if (error instanceof ModelInputError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

export function kOfNGroup(values: Pick<FailureValues, 'k' | 'n' | 'component'>): KOfNGroup {
  const { k, n, component } = values;
  if (k === null && n === null && component === null) return { state: 'off' };
  if (k === null || n === null || component === null) {
    return { state: 'error', message: 'The k-of-n group needs k, n and the component availability: fill in all three, or remove the group.' };
  }
  try {
    return { state: 'on', k, n, component, availability: kOfNAvailability(k, n, component) };
  } catch (error) {
    return { state: 'error', message: `The k-of-n group cannot be computed: ${modelMessage(error)}.` };
  }
}

export function composition(values: FailureValues, group: KOfNGroup = kOfNGroup(values)): Composition {
  const blocks: Block[] = [];
  try {
    if (values.series.length > 0) blocks.push({ kind: 'series', availability: seriesAvailability(values.series) });
    if (values.parallel.length > 0) blocks.push({ kind: 'parallel', availability: parallelAvailability(values.parallel) });
    if (group.state === 'on') blocks.push({ kind: 'kofn', availability: group.availability });
    if (group.state === 'error') return { ok: false, message: group.message, blocks };
    if (blocks.length === 0) {
      return { ok: false, message: 'Add at least one component: one in series, a parallel group, or a k-of-n group.', blocks };
    }
    // The three blocks are themselves in series.
    const availability = seriesAvailability(blocks.map((b) => b.availability));
    const components = [...values.series, ...values.parallel, ...(group.state === 'on' ? [group.component] : [])];
    return {
      ok: true,
      availability,
      nines: countNines(availability),
      beyondPrecision: availability === 1 && components.some((a) => a < 1),
      downtime: downtimeFromFraction(availability),
      blocks,
    };
  } catch (error) {
    return { ok: false, message: `The composition cannot be computed: ${modelMessage(error)}.`, blocks };
  }
}

/** Digits after the decimal point that show a small fraction as a percentage with two significant digits. */
export function percentDigitsOf(fraction: number, max = 12): number {
  const percent = fraction * 100;
  if (!(percent > 0)) return 2;
  // The small tolerance keeps exact powers of ten (1 − 0.99999 is not quite 1e-5 in binary) on the short side.
  return Math.min(max, Math.max(2, Math.ceil(-Math.log10(percent) - 1e-9) + 1));
}

/** Digits after the decimal point that show an availability as a percentage with two significant digits of its gap to 100 %. */
export function percentDigits(availability: number, max = 12): number {
  return percentDigitsOf(1 - availability, max);
}

export interface DurationParts {
  value: number;
  unit: 'µs' | 'ms' | 's' | 'min' | 'h' | 'd';
  digits: number;
}

/** A duration in the unit a person would say it in, with about three significant digits (none when it is whole). */
export function durationParts(seconds: number): DurationParts {
  if (!(seconds > 0)) return { value: 0, unit: 's', digits: 0 };
  const [value, unit]: [number, DurationParts['unit']] =
    seconds < 1e-3
      ? [seconds * 1e6, 'µs']
      : seconds < 1
        ? [seconds * 1e3, 'ms']
        : seconds < 60
          ? [seconds, 's']
          : seconds < 3600
            ? [seconds / 60, 'min']
            : seconds < 48 * 3600
              ? [seconds / 3600, 'h']
              : [seconds / SECONDS_PER_DAY, 'd'];
  const whole = Math.abs(value - Math.round(value)) < 1e-9 * Math.max(1, value);
  const digits = whole ? 0 : Math.min(12, Math.max(0, 2 - Math.floor(Math.log10(value))));
  return { value: whole ? Math.round(value) : value, unit, digits };
}

// ——— block diagram ———

export interface DiagramBox {
  x: number;
  y: number;
  w: number;
  h: number;
  kind: BlockKind;
  /** The component's availability, or null for a "+N more" box. */
  availability: number | null;
  /** For a "+N more" box, how many components it stands for. */
  more: number;
}

export interface DiagramCaption {
  x: number;
  y: number;
  text: string;
}

export interface Diagram {
  width: number;
  height: number;
  boxes: DiagramBox[];
  /** Wires as [x1, y1, x2, y2]. */
  wires: [number, number, number, number][];
  captions: DiagramCaption[];
  /** The two end points of the path, drawn as small circles. */
  terminals: { x: number; y: number }[];
}

export const DIAGRAM = { box: 88, boxHeight: 30, wire: 22, stub: 12, stackGap: 8, caption: 24, margin: 10, maxSeries: 6, maxStack: 5 } as const;

/** Which boxes to draw for a list of components, at most `limit`, the last standing for the rest. */
function shown(availabilities: readonly number[], limit: number): { availability: number | null; more: number }[] {
  if (availabilities.length <= limit) return availabilities.map((availability) => ({ availability, more: 0 }));
  return [...availabilities.slice(0, limit - 1).map((availability) => ({ availability, more: 0 })), { availability: null, more: availabilities.length - limit + 1 }];
}

/** The boxes for n identical components, at most `limit`, without building a list of n. */
function repeated(availability: number, n: number, limit: number): { availability: number | null; more: number }[] {
  const drawn = n <= limit ? n : limit - 1;
  const boxes = Array.from({ length: drawn }, () => ({ availability, more: 0 }));
  return n <= limit ? boxes : [...boxes, { availability: null, more: n - drawn }];
}

/** Lays out the composition left to right: the series run, the parallel group, the k-of-n group. */
export function blockDiagram(values: FailureValues, group: KOfNGroup = kOfNGroup(values)): Diagram {
  const { box, boxHeight, wire, stub, stackGap, caption, margin, maxSeries, maxStack } = DIAGRAM;
  const series = shown(values.series, maxSeries);
  const parallel = shown(values.parallel, maxStack);
  const kofn = group.state === 'on' ? repeated(group.component, group.n, maxStack) : [];
  const stackHeight = (count: number) => count * boxHeight + (count - 1) * stackGap;
  const tallest = Math.max(boxHeight, stackHeight(parallel.length), stackHeight(kofn.length));
  const mid = margin + caption + tallest / 2;
  const height = margin + caption + tallest + margin;
  const boxes: DiagramBox[] = [];
  const wires: Diagram['wires'] = [];
  const captions: DiagramCaption[] = [];
  const captionY = margin + 12;
  const terminals = [{ x: margin + 4, y: mid }];
  let x = margin + 8;

  if (series.length > 0) {
    const start = x;
    for (const item of series) {
      wires.push([x, mid, x + wire, mid]);
      boxes.push({ x: x + wire, y: mid - boxHeight / 2, w: box, h: boxHeight, kind: 'series', ...item });
      x += wire + box;
    }
    captions.push({ x: (start + wire + x) / 2, y: captionY, text: series.length === 1 ? 'In series' : `${values.series.length} in series` });
  }

  const stack = (items: { availability: number | null; more: number }[], kind: BlockKind, text: string) => {
    if (items.length === 0) return;
    wires.push([x, mid, x + wire, mid]);
    const left = x + wire;
    const right = left + stub + box + stub;
    const top = mid - stackHeight(items.length) / 2;
    const centres = items.map((_, i) => top + i * (boxHeight + stackGap) + boxHeight / 2);
    if (items.length > 1) {
      wires.push([left, centres[0]!, left, centres.at(-1)!]);
      wires.push([right, centres[0]!, right, centres.at(-1)!]);
    }
    for (const [i, item] of items.entries()) {
      const cy = centres[i]!;
      wires.push([left, cy, left + stub, cy]);
      wires.push([left + stub + box, cy, right, cy]);
      boxes.push({ x: left + stub, y: cy - boxHeight / 2, w: box, h: boxHeight, kind, ...item });
    }
    captions.push({ x: (left + right) / 2, y: captionY, text });
    x = right;
  };
  stack(parallel, 'parallel', `any 1 of ${values.parallel.length}`);
  if (group.state === 'on') stack(kofn, 'kofn', `${group.k} of ${group.n} needed`);

  wires.push([x, mid, x + wire, mid]);
  x += wire;
  terminals.push({ x: x + 4, y: mid });
  return { width: x + 8 + margin, height, boxes, wires, captions, terminals };
}

// ——————————————————————————————————— error budget ———————————————————————————————————

export interface AlertRow extends BurnRateAlert {
  /** Time to spend the whole budget at this burn rate. */
  exhaustionS: number;
  /** False when the error-ratio threshold exceeds 1, which no error ratio can reach. */
  canFire: boolean;
}

export interface BudgetChart {
  /** Days since the start of the window. */
  days: number[];
  lines: { burnRate: number; label: string; remaining: number[] }[];
}

export interface BudgetView {
  budget: ErrorBudget;
  totalRequests: number;
  allowedBadRequests: number;
  alerts: AlertRow[];
  chart: BudgetChart;
  /** How the composed design alone spends the budget, if the composition computed. */
  design?: { burnRate: number; meets: boolean; expectedBadTimeS: number };
}

const CHART_STEPS = 240;

export function budgetView(values: FailureValues, composed?: Composition): BudgetView | { message: string } {
  try {
    const windowS = values.window * SECONDS_PER_DAY;
    const budget = errorBudget(values.slo, windowS);
    const totalRequests = values.rps * windowS;
    const alerts = multiWindowAlerts(values.slo, windowS).map((alert) => ({
      ...alert,
      exhaustionS: timeToExhaustionS(alert.burnRate, windowS),
      canFire: alert.errorRatioThreshold <= 1,
    }));
    const rates = alerts.map((a) => ({ burnRate: a.burnRate, label: `${a.severity === 'page' ? 'Page' : 'Ticket'}` }));
    if (!rates.some((r) => Math.abs(r.burnRate - 1) < 1e-9)) rates.push({ burnRate: 1, label: 'Steady' });
    const exhaustion = rates.map((r) => timeToExhaustionS(r.burnRate, windowS) / SECONDS_PER_DAY).filter((d) => d < values.window);
    const grid = Array.from({ length: CHART_STEPS + 1 }, (_, i) => (values.window * i) / CHART_STEPS);
    const days = [...new Set([...grid, ...exhaustion])].sort((a, b) => a - b);
    const lines = rates.map((r) => ({
      burnRate: r.burnRate,
      label: r.label,
      remaining: days.map((d) => Math.max(0, 100 * (1 - (r.burnRate * d) / values.window))),
    }));
    const view: BudgetView = { budget, totalRequests, allowedBadRequests: allowedBadEvents(values.slo, totalRequests), alerts, chart: { days, lines } };
    if (composed?.ok) {
      const unavailability = 1 - composed.availability;
      view.design = { burnRate: burnRate(unavailability, values.slo), meets: composed.availability >= values.slo, expectedBadTimeS: unavailability * windowS };
    }
    return view;
  } catch (error) {
    return { message: `The error budget cannot be computed: ${modelMessage(error)}.` };
  }
}

// ——————————————————————————————————— failure modes ———————————————————————————————————

export interface RankedMode extends FailureMode {
  /** Position in the editor, from 0. */
  index: number;
  /** Risk priority number, likelihood × impact × detectability, 1 to 1,000. */
  rpn: number;
}

export interface FmeaView {
  /** Every row as typed, in the reader's order, with its problems. */
  rows: ModeRow[];
  /** Valid rows, highest RPN first. */
  ranked: RankedMode[];
  /** A problem with the list as a whole (too long, too many rows); the rows are then not shown. */
  message?: string;
}

export function riskPriority(mode: FailureMode): number {
  return mode.likelihood * mode.impact * mode.detectability;
}

/** Highest RPN first; ties go to the higher impact, then the higher likelihood, then the reader's order. */
export function rankModes(modes: readonly FailureMode[]): RankedMode[] {
  return modes
    .map((mode, index) => ({ ...mode, index, rpn: riskPriority(mode) }))
    .sort((a, b) => b.rpn - a.rpn || b.impact - a.impact || b.likelihood - a.likelihood || a.index - b.index);
}

/** The table as the reader typed it; the ranking holds the rows that are valid so far. */
export function fmeaView(raw: string): FmeaView {
  if (raw.length > MAX_PARAM_LENGTH) return { rows: [], ranked: [], message: `${MODES_LABEL} is too long` };
  const parts = raw.split(ROW_SEPARATOR).filter((part) => part.trim() !== '');
  if (parts.length > MAX_MODES) return { rows: [], ranked: [], message: `${MODES_LABEL} takes at most ${MAX_MODES} entries, got ${parts.length}` };
  const rows = parts.map(checkMode);
  const valid: { mode: FailureMode; index: number }[] = [];
  for (const [index, row] of rows.entries()) if (row.mode) valid.push({ mode: row.mode, index });
  const ranked = rankModes(valid.map((v) => v.mode)).map((r) => ({ ...r, index: valid[r.index]!.index }));
  return { rows, ranked };
}

// ——————————————————————————————————— report ———————————————————————————————————

/** Fields whose errors stop a view: it shows a message rather than figures computed from defaults the reader did not enter. */
const BUDGET_FIELDS: readonly (keyof FailureFields)[] = ['slo', 'window', 'rps'];
export const FIX_COMPOSITION = 'Fix the marked inputs above to compose the availability.';
export const FIX_BUDGET = 'Fix the marked inputs above to see the error budget.';

export function failureReport(state: Pick<FailureState, 'values' | 'raw'> & { errors?: FailureState['errors'] }) {
  const errors = state.errors ?? {};
  const compositionBlocked = COMPOSITION.some((name) => errors[name] !== undefined);
  const budgetBlocked = BUDGET_FIELDS.some((name) => errors[name] !== undefined);
  const group = kOfNGroup(state.values);
  const composed: Composition = compositionBlocked ? { ok: false, message: FIX_COMPOSITION, blocks: [] } : composition(state.values, group);
  return {
    group,
    composition: composed,
    diagram: compositionBlocked ? undefined : blockDiagram(state.values, group),
    budget: budgetBlocked ? { message: FIX_BUDGET } : budgetView(state.values, composed),
    fmea: fmeaView(state.raw.modes),
  };
}

export type FailureReport = ReturnType<typeof failureReport>;
