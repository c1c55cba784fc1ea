/**
 * One string per JSON value, equal exactly when the values are equal: object keys sorted, no spaces. Models compare
 * and memoise values by this string, so `{"a":1,"b":2}` written and `{"b":2,"a":1}` read count as the same value,
 * and a state is a cheap map key.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}
