/**
 * Invalid input to a checker: names the field and the rule, like the simulator's SimInputError, and the line of the
 * history it came from, so a reader can open the file at that line and see what to fix ("line 7: call must be a
 * finite number, got "soon"").
 */
export class CheckInputError extends Error {
  /** The field at fault, as written in the history (`call`, `input.op`, `output.value`), or an option's name. */
  readonly field: string;
  /** The rule it broke, phrased to follow the field name (`must be a finite number`). */
  readonly rule: string;
  /** The offending value, if there was one. */
  readonly value: unknown;
  /** 1-based line of the history, when the input came from one. */
  readonly line: number | undefined;

  constructor(field: string, rule: string, value?: unknown, line?: number) {
    const where = line === undefined ? '' : `line ${line}: `;
    super(value === undefined ? `${where}${field} ${rule}` : `${where}${field} ${rule}, got ${describeValue(value)}`);
    this.name = 'CheckInputError';
    this.field = field;
    this.rule = rule;
    this.value = value;
    this.line = line;
  }

  /** The same error, placed at a line of the history (a model's parser does not know the line it reads). */
  atLine(line: number): CheckInputError {
    return this.line === undefined ? new CheckInputError(this.field, this.rule, this.value, line) : this;
  }
}

/** Short, unambiguous rendering of a bad value: strings quoted, objects as (truncated) JSON. */
export function describeValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Runs `read`, attaching `line` to any CheckInputError it throws. */
export function atLine<T>(line: number, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof CheckInputError) throw error.atLine(line);
    throw error;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function requireRecord(field: string, value: unknown): Record<string, unknown> {
  if (!isRecord(value)) throw new CheckInputError(field, 'must be a JSON object', value);
  return value;
}

export function requireFiniteNumber(field: string, value: unknown): number {
  if (value === undefined) throw new CheckInputError(field, 'is required (a finite number)');
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new CheckInputError(field, 'must be a finite number', value);
  return value;
}

export function requireWholeNumber(field: string, value: unknown): number {
  const n = requireFiniteNumber(field, value);
  if (!Number.isSafeInteger(n)) throw new CheckInputError(field, 'must be a whole number', value);
  return n;
}

export function requireBoolean(field: string, value: unknown): boolean {
  if (value === undefined) throw new CheckInputError(field, 'is required (true or false)');
  if (typeof value !== 'boolean') throw new CheckInputError(field, 'must be true or false', value);
  return value;
}

/** Client and key names: a non-empty string or a finite number, as Jepsen (integers) and most harnesses (strings) write them. */
export function requireName(field: string, value: unknown): string | number {
  if (value === undefined) throw new CheckInputError(field, 'is required (a string or a number)');
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new CheckInputError(field, 'must be a non-empty string or a finite number', value);
}
