/**
 * One lab run in its own process, so that the command can stop a solution whose callback never returns: a loop inside
 * one callback cannot be interrupted from the same thread, but a process can be killed. Reads
 * `{ source, nemesis, seed, timeLimitMs }` as JSON on stdin and writes one JSON object on stdout:
 * `{ ok: true, json }`, or `{ ok: false, message }` for a solution that does not load or an input the lab refuses.
 */
import { readFileSync } from 'node:fs';
import { LabInputError, loadSolution, runAndShrink, SolutionLoadError } from '@compendium/lab';
import type { Nemesis } from '@compendium/sim';

export interface LabJob {
  readonly source: string;
  readonly nemesis: Nemesis;
  readonly seed: number;
  readonly timeLimitMs: number;
}

export type LabJobReply = { ok: true; json: Record<string, unknown> } | { ok: false; message: string };

export function runLabJob(job: LabJob): LabJobReply {
  let solution: ReturnType<typeof loadSolution>;
  try {
    solution = loadSolution(job.source);
  } catch (error) {
    if (error instanceof SolutionLoadError) return { ok: false, message: error.message };
    throw error;
  }
  const options = { solution, nemesis: job.nemesis, seed: job.seed, timeLimitMs: job.timeLimitMs };
  let run: ReturnType<typeof runAndShrink>;
  try {
    run = runAndShrink(options);
  } catch (error) {
    if (error instanceof LabInputError) return { ok: false, message: error.message };
    throw error;
  }
  const { result, shrunk } = run;
  return {
    ok: true,
    json: {
      verdict: result.verdict,
      violations: result.violations,
      ...(result.error ? { error: result.error } : {}),
      ...(shrunk ? { shrunk: { nemesis: shrunk.nemesis, violations: shrunk.result.violations, runs: shrunk.runs, complete: shrunk.complete } } : {}),
      stats: result.stats,
    },
  };
}

if (import.meta.main) {
  const job = JSON.parse(readFileSync(0, 'utf8')) as LabJob;
  process.stdout.write(JSON.stringify(runLabJob(job)));
}
