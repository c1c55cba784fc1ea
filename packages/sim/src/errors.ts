/** Invalid input to the simulator: names the parameter and the rule, like the models' ModelInputError. */
export class SimInputError extends Error {
  readonly parameter: string;
  readonly rule: string;
  readonly value: unknown;

  constructor(parameter: string, rule: string, value?: unknown) {
    super(value === undefined ? `${parameter} ${rule}` : `${parameter} ${rule}, got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`);
    this.name = 'SimInputError';
    this.parameter = parameter;
    this.rule = rule;
    this.value = value;
  }
}

export function requireFinite(parameter: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new SimInputError(parameter, 'must be a finite number', value);
  return value;
}

export function requirePositive(parameter: string, value: number): number {
  requireFinite(parameter, value);
  if (!(value > 0)) throw new SimInputError(parameter, 'must be greater than 0', value);
  return value;
}

export function requireNonNegative(parameter: string, value: number): number {
  requireFinite(parameter, value);
  if (value < 0) throw new SimInputError(parameter, 'must be at least 0', value);
  return value;
}

export function requireProbability(parameter: string, value: number): number {
  requireFinite(parameter, value);
  if (value < 0 || value > 1) throw new SimInputError(parameter, 'must be a probability between 0 and 1', value);
  return value;
}

export function requireInteger(parameter: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  requireFinite(parameter, value);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new SimInputError(parameter, `must be a whole number from ${min} to ${max}`, value);
  }
  return value;
}
