import { describe, expect, it } from 'vitest';
import { SECONDS_PER_YEAR, milliseconds, msToSeconds, seconds, secondsToMs, type Milliseconds, type Seconds } from '../src/units.ts';

describe('units', () => {
  it('branded values are plain numbers at run time and convert correctly', () => {
    const ms: Milliseconds = milliseconds(1500);
    const s: Seconds = msToSeconds(ms);
    expect(s).toBe(1.5);
    expect(secondsToMs(seconds(2))).toBe(2000);
    expect(SECONDS_PER_YEAR).toBe(31_557_600);
  });

  it('the type checker keeps units apart', () => {
    const ms = milliseconds(1);
    // @ts-expect-error: milliseconds are not seconds
    const wrong: Seconds = ms;
    expect(wrong).toBe(1);
  });
});
