/** Output for the CLI: one JSON object with `--json`, otherwise an aligned two-column table. */

export interface Row {
  readonly label: string;
  readonly value: string;
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 6 });

export function formatNumber(value: number, unit = ''): string {
  const text = numberFormat.format(value);
  return unit ? `${text} ${unit}` : text;
}

export function formatTable(title: string, rows: readonly Row[]): string {
  const width = Math.max(...rows.map((r) => r.label.length));
  const lines = rows.map((r) => `  ${r.label.padEnd(width)}  ${r.value}`);
  return `${title}\n${lines.join('\n')}\n`;
}

/** Guard of last resort: the contract forbids NaN and Infinity in output, and JSON would print them as null. */
export function findNonFinite(value: unknown, path = ''): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path || '(root)';
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = findNonFinite(inner, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * JSON numbers are rounded to 10 significant digits: enough for any model here (inputs rarely carry more than
 * 4), and it strips binary floating-point noise such as 1/(1 − 0.95) = 19.999999999999982 or a week of 99.99 % at
 * 60.480000000050 s, which a reader checking the number would rightly take for a bug.
 */
export const JSON_SIGNIFICANT_DIGITS = 10;

export function roundForJson(value: number): number {
  return Number.isInteger(value) ? value : Number(value.toPrecision(JSON_SIGNIFICANT_DIGITS));
}

export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' ? roundForJson(v) : v))}\n`;
}
