/**
 * Input validation shared by every model.
 *
 * Every public function checks its inputs and throws a `ModelInputError` that names the parameter and the rule,
 * so a caller (the CLI, a widget on the site) can show the reader exactly what to fix. The models never return
 * NaN or ±Infinity: an input that would produce one is rejected here first.
 */

export class ModelInputError extends Error {
  /** The parameter at fault, as named in the function's signature (e.g. `servers`). */
  readonly parameter: string;
  /** The rule it broke, phrased to follow the parameter name (e.g. `must be a whole number ≥ 1`). */
  readonly rule: string;
  /** The offending value, if there was one. */
  readonly value: unknown;

  constructor(parameter: string, rule: string, value?: unknown) {
    super(value === undefined ? `${parameter} ${rule}` : `${parameter} ${rule}, got ${formatValue(value)}`);
    this.name = 'ModelInputError';
    this.parameter = parameter;
    this.rule = rule;
    this.value = value;
  }
}

/** Formats a value for an error message: numbers as JavaScript prints them, strings quoted. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  return String(value);
}

export function requireFinite(name: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ModelInputError(name, 'must be a finite number', value);
  }
  return value;
}

export function requirePositive(name: string, value: number): number {
  requireFinite(name, value);
  if (value <= 0) throw new ModelInputError(name, 'must be greater than 0', value);
  return value;
}

export function requireNonNegative(name: string, value: number): number {
  requireFinite(name, value);
  if (value < 0) throw new ModelInputError(name, 'must be 0 or more', value);
  return value;
}

export function requireInteger(name: string, value: number, min = 0): number {
  requireFinite(name, value);
  if (!Number.isInteger(value) || value < min) {
    throw new ModelInputError(name, `must be a whole number ≥ ${min}`, value);
  }
  return value;
}

export function requireAtLeast(name: string, value: number, min: number): number {
  requireFinite(name, value);
  if (value < min) throw new ModelInputError(name, `must be ≥ ${min}`, value);
  return value;
}

/** A fraction in the closed interval [0, 1]. */
export function requireFraction(name: string, value: number): number {
  requireFinite(name, value);
  if (value < 0 || value > 1) throw new ModelInputError(name, 'must be a fraction between 0 and 1', value);
  return value;
}

/** A probability strictly between 0 and 1, for targets and quantiles where 0 and 1 are meaningless or infinite. */
export function requireOpenFraction(name: string, value: number): number {
  requireFinite(name, value);
  if (value <= 0 || value >= 1) throw new ModelInputError(name, 'must be strictly between 0 and 1', value);
  return value;
}

/** A quantile in [0, 1): the 100th percentile of an unbounded distribution is infinite. */
export function requireQuantile(name: string, value: number): number {
  requireFinite(name, value);
  if (value < 0 || value >= 1) throw new ModelInputError(name, 'must be at least 0 and below 1', value);
  return value;
}

export function requirePercent(name: string, value: number): number {
  requireFinite(name, value);
  if (value < 0 || value > 100) throw new ModelInputError(name, 'must be a percentage between 0 and 100', value);
  return value;
}

export function requireNonEmpty<T>(name: string, values: readonly T[]): readonly T[] {
  if (!Array.isArray(values) || values.length === 0) {
    throw new ModelInputError(name, 'must contain at least one value', values);
  }
  return values;
}

/** Guards a computed result: a model bug must surface as an error, never as NaN in front of a reader. */
export function ensureFinite(name: string, value: number): number {
  if (!Number.isFinite(value)) {
    throw new ModelInputError(name, 'would not be a finite number for these inputs', value);
  }
  return value;
}
