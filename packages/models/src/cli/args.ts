/**
 * Argument parsing for the `compendium` CLI: node:util parseArgs underneath, with every failure turned into a
 * one-line `CliError` that names the flag and the rule, as the SPEC's command-line contract requires.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

/** A user error: printed as `compendium: <message>` with exit status 2. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

export interface FlagSpec {
  readonly name: string;
  readonly valueName: string;
  readonly description: string;
  readonly required?: boolean;
}

export type FlagValues = Readonly<Record<string, string | undefined>>;

export interface ParsedArgs {
  readonly values: FlagValues;
  readonly json: boolean;
  readonly help: boolean;
}

const NEGATIVE_NUMBER = /^-(\d|\.\d)/;

/**
 * parseArgs refuses `--rate -1` as "ambiguous"; we rewrite it to `--rate=-1` so the number's own rule
 * ("must be greater than 0, got -1") is what the reader sees.
 */
function joinNegativeValues(args: readonly string[], flags: readonly FlagSpec[]): string[] {
  const names = new Set(flags.map((f) => `--${f.name}`));
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    if (names.has(arg) && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

export function parseFlags(command: string, args: readonly string[], flags: readonly FlagSpec[]): ParsedArgs {
  const options: Record<string, { type: 'string' } | { type: 'boolean'; short?: string }> = {
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  };
  for (const flag of flags) options[flag.name] = { type: 'string' };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: joinNegativeValues(args, flags), options, strict: true, allowPositionals: false });
  } catch (error) {
    throw translateParseError(command, error, flags);
  }
  const values: Record<string, string | undefined> = {};
  for (const flag of flags) {
    const v = parsed.values[flag.name];
    values[flag.name] = typeof v === 'string' ? v : undefined;
  }
  return { values, json: parsed.values.json === true, help: parsed.values.help === true };
}

function translateParseError(command: string, error: unknown, flags: readonly FlagSpec[]): CliError {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const flag = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? '';
  const known = flags.map((f) => `--${f.name}`).join(', ');
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new CliError(`${flag} is not a flag of "${command}" (its flags: ${known}, --json, --help)`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (flag === '--json' || flag === '--help') return new CliError(`${flag} takes no value`);
      return new CliError(`${flag} needs a value`);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
      const arg = /argument '([^']*)'/.exec(message)?.[1] ?? '';
      return new CliError(`"${command}" takes no bare argument, got ${JSON.stringify(arg)} (flags are written --name value)`);
    }
    default:
      return new CliError(message.split('\n')[0] ?? 'invalid arguments');
  }
}

/**
 * Reads the file a command was given as its operand (`compendium check FILE`); a missing operand or an unreadable
 * file is a usage error that says which and why, never a stack trace.
 */
export function readOperandFile(path: string | undefined, what: string, usage: string): string {
  if (path === undefined) throw new CliError(usage);
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : 'unreadable';
    throw new CliError(`FILE must be a readable ${what}, got ${JSON.stringify(path)} (${reason})`);
  }
}

/**
 * Separates a command's one bare argument (`compendium check history.jsonl --model kv`) from its flags, wherever it
 * stands. A flag that takes a value takes the next argument with it, so `--model kv` never counts as the operand.
 */
export function splitOperand(command: string, operandName: string, args: readonly string[], flags: readonly FlagSpec[]): { operand: string | undefined; rest: string[] } {
  const valued = new Set(flags.map((f) => `--${f.name}`));
  const operands: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      rest.push(arg);
      if (valued.has(arg) && i + 1 < args.length) rest.push(args[++i]!);
    } else operands.push(arg);
  }
  if (operands.length > 1) {
    throw new CliError(`"${command}" takes one ${operandName}, got ${operands.length}: ${operands.map((o) => JSON.stringify(o)).join(', ')}`);
  }
  return { operand: operands[0], rest };
}

// ---- Typed readers: each names the flag and the rule when it fails. ----

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function requireFlag(values: FlagValues, name: string): string {
  const v = values[name];
  if (v === undefined) throw new CliError(`--${name} is required`);
  if (v.trim() === '') throw new CliError(`--${name} must not be empty`);
  return v;
}

export function parseNumber(flag: string, text: string): number {
  const trimmed = text.trim();
  // NaN and Infinity are refused without being echoed back: the contract keeps them out of every output.
  if (/nan|inf/i.test(trimmed)) throw new CliError(`${flag} must be a finite decimal number such as 0.25 or 1e-3`);
  if (!NUMBER.test(trimmed)) throw new CliError(`${flag} must be a number, got ${JSON.stringify(text)}`);
  const value = Number(trimmed);
  if (!Number.isFinite(value)) throw new CliError(`${flag} must be a finite number, got ${JSON.stringify(text)}`);
  return value;
}

export type NumberRule =
  | { readonly kind: 'positive' }
  | { readonly kind: 'nonNegative' }
  | { readonly kind: 'atLeast'; readonly min: number }
  | { readonly kind: 'integer'; readonly min: number; readonly max?: number }
  | { readonly kind: 'fraction' }
  | { readonly kind: 'openFraction' }
  | { readonly kind: 'percent' };

export function checkNumber(flag: string, value: number, rule: NumberRule): number {
  const fail = (text: string): never => {
    throw new CliError(`${flag} ${text}, got ${value}`);
  };
  switch (rule.kind) {
    case 'positive':
      if (!(value > 0)) fail('must be greater than 0');
      break;
    case 'nonNegative':
      if (!(value >= 0)) fail('must be 0 or more');
      break;
    case 'atLeast':
      if (!(value >= rule.min)) fail(`must be ≥ ${rule.min}`);
      break;
    case 'integer':
      if (!Number.isInteger(value) || value < rule.min) fail(`must be a whole number ≥ ${rule.min}`);
      if (rule.max !== undefined && value > rule.max) fail(`must be at most ${rule.max.toLocaleString('en-US')}`);
      break;
    case 'fraction':
      if (!(value >= 0 && value <= 1)) fail('must be a fraction between 0 and 1');
      break;
    case 'openFraction':
      if (!(value > 0 && value < 1)) fail('must be a fraction strictly between 0 and 1 (e.g. 0.8 for 80 %)');
      break;
    case 'percent':
      if (!(value >= 0 && value <= 100)) fail('must be a percentage between 0 and 100');
      break;
  }
  return value;
}

export function numberFlag(values: FlagValues, name: string, rule: NumberRule): number {
  return checkNumber(`--${name}`, parseNumber(`--${name}`, requireFlag(values, name)), rule);
}

export function optionalNumberFlag(values: FlagValues, name: string, rule: NumberRule): number | undefined {
  return values[name] === undefined ? undefined : numberFlag(values, name, rule);
}

/** A comma-separated list of numbers, each checked by `rule`. */
export function numberListFlag(values: FlagValues, name: string, rule: NumberRule): number[] {
  const text = requireFlag(values, name);
  const items = text.split(',');
  return items.map((item, i) => {
    const label = `--${name} item ${i + 1}`;
    if (item.trim() === '') throw new CliError(`${label} is empty (write values like 0.99,0.999)`);
    return checkNumber(label, parseNumber(label, item), rule);
  });
}
