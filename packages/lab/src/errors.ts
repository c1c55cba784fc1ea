/** Errors of the lab, each naming what is wrong so a reader can fix it without reading the lab's code. */
import { describeValue } from '@compendium/check';

/** Bad options to the lab itself (a client count, a duration, a schedule name): names the field and the rule. */
export class LabInputError extends Error {
  readonly field: string;
  readonly rule: string;
  readonly value: unknown;

  constructor(field: string, rule: string, value?: unknown) {
    super(value === undefined ? `${field} ${rule}` : `${field} ${rule}, got ${describeValue(value)}`);
    this.name = 'LabInputError';
    this.field = field;
    this.rule = rule;
    this.value = value;
  }
}

/** A solution's source that cannot be loaded: a syntax error, a forbidden import, missing exports. */
export class SolutionLoadError extends Error {
  /** 1-based line of the source, when known. */
  readonly line: number | undefined;

  constructor(message: string, line?: number) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'SolutionLoadError';
    this.line = line;
  }
}

export function requireWhole(field: string, value: number, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new LabInputError(field, `must be a whole number from ${min} to ${max}`, value);
  }
  return value;
}

export function requirePositiveFinite(field: string, value: number, max = Number.MAX_VALUE): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > max) {
    throw new LabInputError(field, max === Number.MAX_VALUE ? 'must be a finite number greater than 0' : `must be greater than 0 and at most ${max}`, value);
  }
  return value;
}
