/**
 * `compendium check FILE [--model register|kv|lock] [--timeout SECONDS]`: runs a checker of @compendium/check on a
 * recorded history (JSON lines) and prints one JSON object. Exit status 0 whenever the check ran, whatever the
 * verdict (a non-linearizable history is an answer, not an error); 2 with one line naming the problem when the file
 * or a line of it is bad. The checkers are pure; reading the file is this module's job.
 */
import { CheckInputError, checkLinearizability, checkMutualExclusion, parseHistory, parseLockHistory } from '@compendium/check';
import { CliError, optionalNumberFlag, readOperandFile } from './args.ts';
import type { Command } from './commands.ts';

const MODELS = ['register', 'kv', 'lock'] as const;
const DEFAULT_TIMEOUT_SECONDS = 60;

/** Runs a checker, turning a bad line into the one-line usage error: `history.jsonl line 7: call must be ...`. */
function checked<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof CheckInputError) throw new CliError(`${path} ${error.message}`);
    throw error;
  }
}

export const CHECK_COMMAND: Command = {
  name: 'check',
  summary: 'Check a recorded history: linearizability of a register or key-value store, or mutual exclusion of a fenced lock',
  operand: { name: 'FILE', description: 'the history, one JSON object per line (see packages/check/README.md)' },
  flags: [
    { name: 'model', valueName: 'M', description: 'register (default), kv (registers by "key", checked per key) or lock (grants, releases, fenced writes)' },
    { name: 'timeout', valueName: 'S', description: `give up after S seconds with "linearizable": "unknown" (default ${DEFAULT_TIMEOUT_SECONDS})` },
  ],
  examples: ['compendium check history.jsonl', 'compendium check kv-history.jsonl --model kv --timeout 10', 'compendium check lock-history.jsonl --model lock'],
  jsonOnly: true,
  run(values, operand) {
    const model = values.model ?? 'register';
    if (!(MODELS as readonly string[]).includes(model)) throw new CliError(`--model must be one of ${MODELS.join(', ')}, got ${JSON.stringify(model)}`);
    const timeoutSeconds = optionalNumberFlag(values, 'timeout', { kind: 'positive' }) ?? DEFAULT_TIMEOUT_SECONDS;
    const text = readOperandFile(operand, 'history file', 'check needs a history FILE (compendium check history.jsonl)');
    const path = operand!;
    if (model === 'lock') {
      const result = checked(path, () => checkMutualExclusion(parseLockHistory(text)));
      return { title: 'Mutual exclusion', json: { ...result, model }, rows: [] };
    }
    const result = checked(path, () => checkLinearizability(parseHistory(text), { model, timeoutMs: timeoutSeconds * 1000 }));
    return { title: 'Linearizability', json: { ...result }, rows: [] };
  },
};
