/**
 * `compendium lab lock FILE [--schedule NAME] [--seed N] [--json]`: runs a reader's distributed lock (a TypeScript
 * module, see packages/lab/README.md) under a fault schedule, checks the record for mutual exclusion and, when it is
 * unsafe, shrinks the schedule to a small one that still breaks it. Exit status 0 whenever the lab ran, whatever
 * the verdict (an unsafe lock is an answer, and so is a solution that throws: verdict "error"); 2 with one line
 * naming the problem for a missing file, a solution that does not load, or a bad flag.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describeFault, type LabFailure, type LabStats, namedSchedule, randomSchedule, SCHEDULE_NAMES } from '@compendium/lab';
import type { LockViolation } from '@compendium/check';
import { MAX_SEED, type Nemesis } from '@compendium/sim';
import { CliError, optionalNumberFlag, readOperandFile } from './args.ts';
import { type Command, row } from './commands.ts';

const DEFAULT_SCHEDULE = 'gc-pause';
const SCHEDULE_CHOICES = [...SCHEDULE_NAMES, 'random', 'none'];
/**
 * Wall-clock limit of one lab, shrinking included. A solution that keeps scheduling work is stopped from inside the
 * run; one stuck in a loop inside a callback only by killing the process that runs it (see lab-job.ts).
 */
const TIME_LIMIT_MS = Number(process.env.COMPENDIUM_LAB_TIME_LIMIT_MS) > 0 ? Number(process.env.COMPENDIUM_LAB_TIME_LIMIT_MS) : 60_000;
const JOB = fileURLToPath(new URL('./lab-job.ts', import.meta.url));

interface LabJson {
  verdict: 'safe' | 'unsafe' | 'error';
  violations: LockViolation[];
  error?: Pick<LabFailure, 'message' | 'callback'> & Partial<LabFailure>;
  shrunk?: { nemesis: Nemesis; violations: LockViolation[]; runs: number; complete: boolean };
  stats?: LabStats;
}

/** Runs the lab in a child process with the time limit; a solution that never returns becomes verdict "error". */
function runInChild(source: string, nemesis: Nemesis, seed: number, file: string): LabJson {
  const child = spawnSync(process.execPath, [JOB], {
    input: JSON.stringify({ source, nemesis, seed, timeLimitMs: TIME_LIMIT_MS }),
    encoding: 'utf8',
    timeout: TIME_LIMIT_MS + 5000,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (child.error || child.signal) {
    const seconds = (TIME_LIMIT_MS + 5000) / 1000;
    return { verdict: 'error', violations: [], error: { message: `stopped after ${seconds} s: a callback never returned (a loop inside one callback cannot be interrupted; schedule work with setTimer)`, callback: 'a callback that never returned' } };
  }
  if (child.status !== 0) throw new Error(`the lab's process failed: ${child.stderr.trim().split('\n').pop() ?? `exit ${child.status}`}`);
  const reply = JSON.parse(child.stdout) as { ok: true; json: LabJson } | { ok: false; message: string };
  if (!reply.ok) throw new CliError(`${file} ${reply.message}`);
  return reply.json;
}

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
    const result = runInChild(source, nemesis, seed, operand!);
    const shrunk = result.shrunk;
    const json = { solution: operand, schedule: scheduleName, seed, ...result, nemesis };
    const error = result.error;
    return {
      title: `Lock lab: ${operand}, schedule ${scheduleName}, seed ${seed}`,
      json,
      rows: [
        row('verdict', result.verdict),
        ...(error
          ? [row('error', `${error.node ? `${error.node}, ` : ''}${error.callback}${error.line !== undefined ? `, line ${error.line}` : ''}${error.time !== undefined ? ` at ${error.time.toFixed(3)} s` : ''}: ${error.message}`)]
          : []),
        row('violations', result.violations.length),
        ...result.violations.slice(0, 5).map((v, i) => row(`  ${i + 1}. ${v.kind}`, v.message)),
        ...(result.violations.length > 5 ? [row('  ...', `${result.violations.length - 5} more (--json lists them all)`)] : []),
        row('schedule', nemesis.length === 0 ? 'no faults' : nemesis.map(describeFault).join(', ')),
        ...(shrunk ? [row('shrunk schedule', shrunk.nemesis.length === 0 ? 'no faults (it fails without any)' : shrunk.nemesis.map(describeFault).join(', ')), row('  reruns to shrink', shrunk.runs)] : []),
        ...(result.stats
          ? [
              row('grants / acquisitions', `${result.stats.grants} / ${result.stats.acquisitions}`),
              row('writes accepted / rejected', `${result.stats.acceptedWrites} / ${result.stats.rejectedWrites}`),
              row('messages sent / dropped', `${result.stats.messagesSent} / ${result.stats.messagesDropped}`),
            ]
          : []),
      ],
    };
  },
};

export const LAB_COMMANDS: readonly Command[] = [labLockCommand];
