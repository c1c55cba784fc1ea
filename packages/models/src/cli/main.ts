/**
 * `compendium <command> [flags]`: the command-line face of the models. The contract is in SPEC.md: `--json`
 * prints exactly one JSON object; bad input exits with status 2 and one line on stderr naming the flag and the
 * rule; never a stack trace, never NaN or Infinity.
 */
import { CliError, parseFlags, splitOperand } from './args.ts';
import { CHECK_COMMAND } from './check.ts';
import { COMMANDS, type Command } from './commands.ts';
import { LAB_COMMANDS } from './lab.ts';
import { SIMULATE_COMMANDS } from './simulate.ts';
import { findNonFinite, formatJson, formatTable } from './format.ts';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_USAGE = 2;

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Every command, in the order of the usage text. */
const ALL_COMMANDS: readonly Command[] = [...COMMANDS, ...SIMULATE_COMMANDS, CHECK_COMMAND, ...LAB_COMMANDS];

function usage(): string {
  const width = Math.max(...ALL_COMMANDS.map((c) => c.name.length));
  return [
    'Usage: compendium <command> [flags] [--json]',
    '',
    'Commands:',
    ...ALL_COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Rates are per second and times in seconds unless a flag says otherwise.',
    'Run "compendium <command> --help" for a command\'s flags.',
    '',
  ].join('\n');
}

function commandHelp(command: Command): string {
  const flags = command.flags.map((f) => `--${f.name} ${f.valueName}`);
  const operand = command.operand;
  const width = Math.max(...flags.map((f) => f.length), '--json'.length, operand ? operand.name.length : 0);
  const jsonLine = command.jsonOnly ? 'accepted for symmetry: the output is always one JSON object' : 'print one JSON object instead of a table';
  return [
    `Usage: compendium ${command.name}${operand ? ` ${operand.name}` : ''} ${command.flags.map((f) => (f.required ? `--${f.name} ${f.valueName}` : `[--${f.name} ${f.valueName}]`)).join(' ')} [--json]`,
    '',
    command.summary,
    '',
    ...(operand ? [`  ${operand.name.padEnd(width)}  ${operand.description}`] : []),
    ...command.flags.map((f, i) => `  ${flags[i]!.padEnd(width)}  ${f.description}`),
    `  ${'--json'.padEnd(width)}  ${jsonLine}`,
    '',
    'Examples:',
    ...command.examples.map((e) => `  ${e}`),
    '',
  ].join('\n');
}

export function main(argv: readonly string[], io: Io): number {
  const fail = (message: string, code = EXIT_USAGE): number => {
    io.stderr(`compendium: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    return code;
  };
  const [name, ...rest] = argv;
  if (name === undefined) return fail('a command is required (try compendium --help)');
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return EXIT_OK;
  }
  let command = [...COMMANDS, CHECK_COMMAND].find((c) => c.name === name);
  // Two-word commands: `simulate mmc`, `lab lock`.
  const groups = [
    { group: 'simulate', commands: SIMULATE_COMMANDS, what: 'scenario' },
    { group: 'lab', commands: LAB_COMMANDS, what: 'lab name' },
  ];
  const grouped = groups.find((g) => g.group === name);
  if (grouped) {
    const second = rest.shift();
    command = grouped.commands.find((c) => c.name === `${grouped.group} ${second}`);
    if (!command) {
      const known = grouped.commands.map((c) => c.name.slice(grouped.group.length + 1)).join(', ');
      return fail(second === undefined ? `${grouped.group} needs a ${grouped.what} (one of ${known})` : `unknown ${grouped.what} ${JSON.stringify(second)} for ${grouped.group} (one of ${known})`);
    }
  }
  if (!command) {
    return fail(`unknown command ${JSON.stringify(name)} (commands: ${ALL_COMMANDS.map((c) => c.name).join(', ')})`);
  }
  try {
    const { operand, rest: flagArgs } = command.operand ? splitOperand(command.name, command.operand.name, rest, command.flags) : { operand: undefined, rest };
    const args = parseFlags(command.name, flagArgs, command.flags);
    if (args.help) {
      io.stdout(commandHelp(command));
      return EXIT_OK;
    }
    const output = command.run(args.values, operand);
    const bad = findNonFinite(output.json);
    if (bad) return fail(`internal error: ${bad} is not a finite number; please report this input`, EXIT_INTERNAL);
    // A checker's output echoes the reader's own history (times, values): printed exactly, not rounded.
    if (command.jsonOnly) io.stdout(`${JSON.stringify(output.json)}\n`);
    else io.stdout(args.json ? formatJson(output.json) : formatTable(output.title, output.rows));
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CliError) return fail(error.message);
    return fail(`internal error: ${error instanceof Error ? error.message : String(error)}`, EXIT_INTERNAL);
  }
}

/** Entry point used by bin/compendium.mjs. */
export function run(): void {
  const code = main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
  process.exitCode = code;
}
