/**
 * `compendium lab lock FILE [--schedule NAME] [--seed N] [--json]`: runs a reader's distributed lock (a TypeScript
 * module, see packages/lab/README.md) under a fault schedule, checks the record for mutual exclusion and, when it is
 * unsafe, shrinks the schedule to a small one that still breaks it. Exit status 0 whenever the lab ran, whatever
 * the verdict (an unsafe lock is an answer, and so is a solution that throws: verdict "error"); 2 with one line
 * naming the problem for a missing file, a solution that does not load, or a bad flag.
 */
import { describeFault, LabInputError, loadSolution, namedSchedule, randomSchedule, runLockLab, SCHEDULE_NAMES, SolutionLoadError, shrinkSchedule } from '@compendium/lab';
import { MAX_SEED, type Nemesis } from '@compendium/sim';
import { CliError, optionalNumberFlag, readOperandFile } from './args.ts';
import { type Command, row } from './commands.ts';

const DEFAULT_SCHEDULE = 'gc-pause';
const SCHEDULE_CHOICES = [...SCHEDULE_NAMES, 'random', 'none'];
/** A reader's loop that never yields cannot be stopped from inside; one that keeps scheduling work can. */
const TIME_LIMIT_MS = 60_000;

function scheduleFor(name: string, seed: number): Nemesis {
  if (!SCHEDULE_CHOICES.includes(name)) throw new CliError(`--schedule must be one of ${SCHEDULE_CHOICES.join(', ')}, got ${JSON.stringify(name)}`);
  if (name === 'none') return [];
  if (name === 'random') return randomSchedule(seed);
  return namedSchedule(name);
}


const labLockCommand: Command = {
  name: 'lab lock',
  summary: 'Run a distributed lock you wrote under faults, check mutual exclusion, and shrink a failing fault schedule',
  operand: { name: 'FILE', description: 'the solution: a TypeScript module exporting lockServer(node) and lockClient(node)' },
  flags: [
    { name: 'schedule', valueName: 'NAME', description: `fault schedule: ${SCHEDULE_CHOICES.join(', ')} (default ${DEFAULT_SCHEDULE}; random draws one from the seed)` },
    { name: 'seed', valueName: 'K', description: `random seed, a whole number 0 to ${MAX_SEED} (default 1); the same seed gives the same run` },
  ],
  examples: [
    'compendium lab lock packages/lab/solutions/naive-lease.ts',
    'compendium lab lock packages/lab/solutions/fenced-lease.ts --schedule random --seed 7 --json',
  ],
  run(values, operand) {
    const seed = optionalNumberFlag(values, 'seed', { kind: 'integer', min: 0, max: MAX_SEED }) ?? 1;
    const scheduleName = values.schedule ?? DEFAULT_SCHEDULE;
    const nemesis = scheduleFor(scheduleName, seed);
    const source = readOperandFile(operand, 'solution file', 'lab lock needs a solution FILE (compendium lab lock my-lock.ts)');
    let solution: ReturnType<typeof loadSolution>;
    try {
      solution = loadSolution(source);
    } catch (error) {
      if (error instanceof SolutionLoadError) throw new CliError(`${operand} ${error.message}`);
      throw error;
    }
    const options = { solution, nemesis, seed, timeLimitMs: TIME_LIMIT_MS };
    let result: ReturnType<typeof runLockLab>;
    try {
      result = runLockLab(options);
    } catch (error) {
      if (error instanceof LabInputError) throw new CliError(error.message);
      throw error;
    }
    const shrunk = result.verdict === 'unsafe' ? shrinkSchedule(options) : undefined;
    const json = {
      solution: operand,
      schedule: scheduleName,
      seed,
      verdict: result.verdict,
      violations: result.violations,
      ...(result.error ? { error: result.error } : {}),
      nemesis,
      ...(shrunk ? { shrunk: { nemesis: shrunk.nemesis, violations: shrunk.result.violations, runs: shrunk.runs, complete: shrunk.complete } } : {}),
      stats: result.stats,
    };
    const error = result.error;
    return {
      title: `Lock lab: ${operand}, schedule ${scheduleName}, seed ${seed}`,
      json,
      rows: [
        row('verdict', result.verdict),
        ...(error
          ? [row('error', `${error.node ? `${error.node}, ` : ''}${error.callback}${error.line !== undefined ? `, line ${error.line}` : ''} at ${error.time.toFixed(3)} s: ${error.message}`)]
          : []),
        row('violations', result.violations.length),
        ...result.violations.slice(0, 5).map((v, i) => row(`  ${i + 1}. ${v.kind}`, v.message)),
        ...(result.violations.length > 5 ? [row('  ...', `${result.violations.length - 5} more (--json lists them all)`)] : []),
        row('schedule', nemesis.length === 0 ? 'no faults' : nemesis.map(describeFault).join(', ')),
        ...(shrunk ? [row('shrunk schedule', shrunk.nemesis.length === 0 ? 'no faults (it fails without any)' : shrunk.nemesis.map(describeFault).join(', ')), row('  reruns to shrink', shrunk.runs)] : []),
        row('grants / acquisitions', `${result.stats.grants} / ${result.stats.acquisitions}`),
        row('writes accepted / rejected', `${result.stats.acceptedWrites} / ${result.stats.rejectedWrites}`),
        row('messages sent / dropped', `${result.stats.messagesSent} / ${result.stats.messagesDropped}`),
      ],
    };
  },
};

export const LAB_COMMANDS: readonly Command[] = [labLockCommand];
