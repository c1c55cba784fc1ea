/**
 * Runs the reader's lock in a worker: their code is evaluated here, never on the page's main thread, so a loop that
 * never ends costs the page nothing: the page terminates this worker when its time limit passes. One command, one
 * answer: load the source, run it under the schedule, and when it is unsafe, shrink the schedule.
 */
import { describeFault, type LockLabResult, loadSolution, runAndShrink, SolutionLoadError } from '@compendium/lab';
import type { Nemesis } from '@compendium/sim';

export interface LockLabRequest {
  readonly source: string;
  readonly nemesis: Nemesis;
  readonly seed: number;
  readonly clients: number;
  readonly duration: number;
  /** Stop a run (or the shrinking) that takes longer than this, in wall-clock milliseconds. */
  readonly timeLimitMs: number;
}

export type LockLabReply =
  | { type: 'load-error'; message: string; line?: number }
  | { type: 'result'; result: LockLabResult; schedule: string[]; shrunk?: { schedule: string[]; result: LockLabResult; runs: number; complete: boolean } };

self.addEventListener('message', (event: MessageEvent<LockLabRequest>) => {
  const request = event.data;
  let solution: ReturnType<typeof loadSolution>;
  try {
    solution = loadSolution(request.source);
  } catch (error) {
    const reply: LockLabReply =
      error instanceof SolutionLoadError ? { type: 'load-error', message: error.message, line: error.line } : { type: 'load-error', message: error instanceof Error ? error.message : String(error) };
    postMessage(reply);
    return;
  }
  const options = { solution, nemesis: request.nemesis, seed: request.seed, clients: request.clients, duration: request.duration, timeLimitMs: request.timeLimitMs };
  const { result, shrunk } = runAndShrink(options);
  postMessage({
    type: 'result',
    result,
    schedule: request.nemesis.map(describeFault),
    ...(shrunk ? { shrunk: { schedule: shrunk.nemesis.map(describeFault), result: shrunk.result, runs: shrunk.runs, complete: shrunk.complete } } : {}),
  } satisfies LockLabReply);
});
