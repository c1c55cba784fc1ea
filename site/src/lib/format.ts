/** Formatting of computed figures for prose: one place decides digits, grouping and units. */

export interface FormatOptions {
  /** Digits after the decimal point; default 0 for large numbers, 2 for small ones. */
  digits?: number;
  /** Multiply by 100 and append %. */
  percent?: boolean;
  unit?: string;
}

export class FigureError extends Error {}

export function formatFigure(value: number, options: FormatOptions = {}): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new FigureError(`a computed figure must be a finite number, got ${String(value)}`);
  }
  const scaled = options.percent ? value * 100 : value;
  const digits = options.digits ?? (Math.abs(scaled) >= 100 || Number.isInteger(scaled) ? 0 : 2);
  const text = scaled.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const withPercent = options.percent ? `${text} %` : text;
  return options.unit ? `${withPercent} ${options.unit}` : withPercent;
}
