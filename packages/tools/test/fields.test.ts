import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choiceField, evaluate, listField, MAX_PARAM_LENGTH, numberField, parseDecimal, readState, writeState } from '../src/fields.ts';

const servers = numberField({ key: 'servers', label: 'Servers', defaultValue: 4, min: 1, max: 100_000, integer: true });
const rate = numberField({ key: 'rate', label: 'Arrival rate', defaultValue: 10, above: 0, max: 1e9, unit: 'per second' });

describe('number fields', () => {
  it('reads plain decimals, exponents and grouped thousands', () => {
    expect(parseDecimal('1234')).toBe(1234);
    expect(parseDecimal('1,234.5')).toBe(1234.5);
    expect(parseDecimal('2.5e3')).toBe(2500);
    expect(parseDecimal(' .5 ')).toBe(0.5);
  });

  it('refuses what is not a plain finite number', () => {
    for (const text of ['', 'abc', '0x10', 'Infinity', 'NaN', '1e999', '1/2', '<script>alert(1)</script>', '12abc']) {
      expect(parseDecimal(text), text).toBeUndefined();
    }
  });

  it('names the field and the rule it broke', () => {
    expect(servers.parse('2.5')).toEqual({ ok: false, message: 'Servers must be a whole number, got 2.5' });
    expect(servers.parse('0')).toEqual({ ok: false, message: 'Servers must be at least 1' });
    expect(servers.parse('1e9')).toEqual({ ok: false, message: 'Servers must be at most 100,000' });
    expect(rate.parse('0')).toEqual({ ok: false, message: 'Arrival rate must be greater than 0 per second' });
    expect(rate.parse('')).toEqual({ ok: false, message: 'Arrival rate is required' });
    expect(rate.parse('ten')).toEqual({ ok: false, message: 'Arrival rate must be a number, got "ten"' });
    const share = numberField({ key: 'level', label: 'Share', defaultValue: 0.5, above: 0, max: 0.9999 });
    expect(share.parse('1')).toEqual({ ok: false, message: 'Share must be at most 0.9999' });
  });

  it('never yields a non-finite value or throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const result = rate.parse(text);
        if (result.ok) expect(Number.isFinite(result.value)).toBe(true);
        else expect(result.message.startsWith('Arrival rate')).toBe(true);
      }),
    );
  });
});

describe('list and choice fields', () => {
  const points = listField<number>({
    key: 'p',
    label: 'Points',
    defaultValue: [1, 2],
    minItems: 2,
    maxItems: 3,
    item: (raw) => {
      const value = parseDecimal(raw);
      return value === undefined ? { ok: false, message: 'not a number' } : { ok: true, value };
    },
    formatItem: String,
  });

  it('parses, bounds and locates the bad entry', () => {
    expect(points.parse('1, 2,3')).toEqual({ ok: true, value: [1, 2, 3] });
    expect(points.parse('1')).toEqual({ ok: false, message: 'Points needs at least 2 entries, got 1' });
    expect(points.parse('1,2,3,4')).toEqual({ ok: false, message: 'Points takes at most 3 entries, got 4' });
    expect(points.parse('1,x')).toEqual({ ok: false, message: 'Points, entry 2: not a number' });
    expect(points.parse('1,'.repeat(MAX_PARAM_LENGTH))).toEqual({ ok: false, message: 'Points is too long' });
  });

  it('accepts only the listed choices', () => {
    const faults = choiceField('faults', 'Fault model', ['crash', 'byzantine'] as const, 'crash');
    expect(faults.parse('byzantine')).toEqual({ ok: true, value: 'byzantine' });
    expect(faults.parse('"><img src=x>')).toMatchObject({ ok: false });
  });
});

describe('tool state in the URL', () => {
  const fields = { servers, rate };

  it('reads a query string, keeping defaults for what is missing or invalid, and reports each error', () => {
    const state = readState(fields, '?servers=12&rate=-1&unknown=1');
    expect(state.values).toEqual({ servers: 12, rate: 10 });
    expect(state.raw.rate).toBe('-1');
    expect(state.errors).toEqual({ rate: 'Arrival rate must be greater than 0 per second' });
  });

  it('writes only what differs from the defaults, and round-trips', () => {
    expect(writeState(fields, { servers: '4', rate: '10' })).toBe('');
    const query = writeState(fields, { servers: '12', rate: '0.5' });
    expect(query).toBe('?servers=12&rate=0.5');
    expect(readState(fields, query).values).toEqual({ servers: 12, rate: 0.5 });
  });

  it('survives hostile query strings without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (junk) => {
        const state = readState(fields, `?servers=${encodeURIComponent(junk)}&rate=${junk}`);
        expect(Number.isFinite(state.values.servers) && Number.isFinite(state.values.rate)).toBe(true);
      }),
    );
    expect(() => readState(fields, `?rate=${'9'.repeat(100_000)}`)).not.toThrow();
  });

  it('evaluates raw text the way the inputs hold it', () => {
    expect(evaluate(fields, { servers: '3', rate: '1e3' }).values).toEqual({ servers: 3, rate: 1000 });
  });
});
