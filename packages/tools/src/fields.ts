/**
 * Tool inputs as they live in the URL: each field parses the raw text a reader typed (or a link carried), and either
 * yields a value or a message that names the field and the rule. Parsing is strict because a URL is untrusted input:
 * length is capped, only plain decimal numbers are read, and nothing a URL holds is ever treated as markup.
 */

/** Longest raw text a single parameter may carry; anything longer is refused before it is parsed. */
export const MAX_PARAM_LENGTH = 2_000;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

export interface Field<T> {
  /** Query-string key. */
  readonly key: string;
  /** What the reader sees beside the input; error messages start with it. */
  readonly label: string;
  readonly defaultValue: T;
  parse(raw: string): ParseResult<T>;
  format(value: T): string;
}

/** Numbers as people type them: 1234, 0.5, 1e6, 1,234.5 (grouping commas allowed), no hex, no words. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,4})?$/;

export function parseDecimal(raw: string): number | undefined {
  const text = raw.trim().replace(/(\d),(?=\d{3}\b)/g, '$1');
  if (text === '' || text.length > 40 || !DECIMAL.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** Quotes a reader's text back to them, shortened, for an error message (rendered as text, never as HTML). */
export function quote(raw: string): string {
  const short = raw.length > 24 ? `${raw.slice(0, 24)}…` : raw;
  return `"${short}"`;
}

export interface NumberFieldSpec {
  key: string;
  label: string;
  defaultValue: number;
  min?: number;
  /** Exclusive lower bound, for quantities that must be strictly positive. */
  above?: number;
  max?: number;
  integer?: boolean;
  unit?: string;
}

export function numberField(spec: NumberFieldSpec): Field<number> {
  const unit = spec.unit ? ` ${spec.unit}` : '';
  return {
    key: spec.key,
    label: spec.label,
    defaultValue: spec.defaultValue,
    parse(raw) {
      if (raw.length > MAX_PARAM_LENGTH) return { ok: false, message: `${spec.label} is too long` };
      if (raw.trim() === '') return { ok: false, message: `${spec.label} is required` };
      const value = parseDecimal(raw);
      if (value === undefined) return { ok: false, message: `${spec.label} must be a number, got ${quote(raw)}` };
      if (spec.integer && !Number.isInteger(value)) return { ok: false, message: `${spec.label} must be a whole number, got ${raw.trim()}` };
      if (spec.above !== undefined && value <= spec.above) return { ok: false, message: `${spec.label} must be greater than ${spec.above}${unit}` };
      if (spec.min !== undefined && value < spec.min) return { ok: false, message: `${spec.label} must be at least ${spec.min}${unit}` };
      if (spec.max !== undefined && value > spec.max) return { ok: false, message: `${spec.label} must be at most ${spec.max.toLocaleString('en-US', { maximumFractionDigits: 10 })}${unit}` };
      return { ok: true, value };
    },
    format: (value) => String(value),
  };
}

export interface ListFieldSpec<T> {
  key: string;
  label: string;
  defaultValue: readonly T[];
  minItems: number;
  maxItems: number;
  /** Parses one item; its message is prefixed with the item's position. */
  item: (raw: string) => ParseResult<T>;
  formatItem: (value: T) => string;
  separator?: string;
}

export function listField<T>(spec: ListFieldSpec<T>): Field<readonly T[]> {
  const separator = spec.separator ?? ',';
  return {
    key: spec.key,
    label: spec.label,
    defaultValue: spec.defaultValue,
    parse(raw) {
      if (raw.length > MAX_PARAM_LENGTH) return { ok: false, message: `${spec.label} is too long` };
      const parts = raw.split(separator).map((p) => p.trim()).filter((p) => p !== '');
      if (parts.length < spec.minItems) return { ok: false, message: `${spec.label} needs at least ${spec.minItems} entries, got ${parts.length}` };
      if (parts.length > spec.maxItems) return { ok: false, message: `${spec.label} takes at most ${spec.maxItems} entries, got ${parts.length}` };
      const values: T[] = [];
      for (const [index, part] of parts.entries()) {
        const result = spec.item(part);
        if (!result.ok) return { ok: false, message: `${spec.label}, entry ${index + 1}: ${result.message}` };
        values.push(result.value);
      }
      return { ok: true, value: values };
    },
    format: (values) => values.map(spec.formatItem).join(separator),
  };
}

export function choiceField<T extends string>(key: string, label: string, choices: readonly T[], defaultValue: T): Field<T> {
  return {
    key,
    label,
    defaultValue,
    parse(raw) {
      const value = raw.trim() as T;
      return choices.includes(value) ? { ok: true, value } : { ok: false, message: `${label} must be one of ${choices.join(', ')}, got ${quote(raw)}` };
    },
    format: (value) => value,
  };
}

/** A tool's fields, keyed by the name its code uses. */
export type FieldSet = Record<string, Field<any>>;
export type ValuesOf<F extends FieldSet> = { [K in keyof F]: F[K] extends Field<infer T> ? T : never };
export type RawOf<F extends FieldSet> = { [K in keyof F]: string };

export interface ToolState<F extends FieldSet> {
  /** What is in each input box: the URL's text, or the default formatted. */
  raw: RawOf<F>;
  /** Parsed values; a field with an error keeps its default so the rest of the tool still computes. */
  values: ValuesOf<F>;
  /** One message per invalid field, keyed like the fields. */
  errors: Partial<Record<keyof F, string>>;
}

export function defaultRaw<F extends FieldSet>(fields: F): RawOf<F> {
  const raw = {} as RawOf<F>;
  for (const name of Object.keys(fields) as (keyof F)[]) raw[name] = fields[name]!.format(fields[name]!.defaultValue);
  return raw;
}

export function evaluate<F extends FieldSet>(fields: F, raw: RawOf<F>): ToolState<F> {
  const values = {} as ValuesOf<F>;
  const errors: Partial<Record<keyof F, string>> = {};
  for (const name of Object.keys(fields) as (keyof F)[]) {
    const field = fields[name]!;
    const result = field.parse(raw[name]);
    if (result.ok) values[name] = result.value;
    else {
      values[name] = field.defaultValue;
      errors[name] = result.message;
    }
  }
  return { raw, values, errors };
}

/** Reads a query string; unknown parameters are ignored, missing ones take their defaults. */
export function readState<F extends FieldSet>(fields: F, search: string): ToolState<F> {
  const params = new URLSearchParams(search.length > 20 * MAX_PARAM_LENGTH ? '' : search);
  const raw = defaultRaw(fields);
  for (const name of Object.keys(fields) as (keyof F)[]) {
    const value = params.get(fields[name]!.key);
    if (value !== null) raw[name] = value;
  }
  return evaluate(fields, raw);
}

/** The query string for a state: only what differs from the defaults, so shared links stay short. */
export function writeState<F extends FieldSet>(fields: F, raw: RawOf<F>): string {
  const defaults = defaultRaw(fields);
  const params = new URLSearchParams();
  for (const name of Object.keys(fields) as (keyof F)[]) {
    if (raw[name] !== defaults[name]) params.set(fields[name]!.key, raw[name]);
  }
  const text = params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
  return text ? `?${text}` : '';
}
