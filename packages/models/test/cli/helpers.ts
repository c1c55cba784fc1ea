/**
 * The CLI's contract, asserted the same way whether a test spawns the binary or calls main() in-process: a success
 * prints exactly one JSON line and nothing on stderr; a usage error exits 2 with one "compendium: ..." line that
 * names the problem, nothing on stdout, and never a stack trace, NaN or Infinity.
 */
import { expect } from 'vitest';

export type CliRun = (...args: string[]) => { status: number | null; stdout: string; stderr: string };

export function cliExpectations(run: CliRun) {
  return {
    json(...args: string[]): Record<string, any> {
      const r = run(...args);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout.trim().split('\n')).toHaveLength(1);
      return JSON.parse(r.stdout) as Record<string, any>;
    },
    expectUsageError(args: string[], ...fragments: string[]): void {
      const r = run(...args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^compendium: /);
      for (const f of fragments) expect(lines[0]).toContain(f);
      expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+|NaN|Infinity/);
    },
  };
}
