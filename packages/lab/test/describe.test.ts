import { describe, expect, it } from 'vitest';
import { describeFault } from '../src/describe.ts';

describe('faults in words', () => {
  it('says what each kind of fault does, when, and for how long', () => {
    expect(describeFault({ kind: 'pause', at: 0.3, node: 'c1', duration: 1.25 })).toBe('pause c1 at 0.3 s for 1.25 s');
    expect(describeFault({ kind: 'crash', at: 9.6, node: 'lock', restartAt: 9.65 })).toBe('crash lock at 9.6 s, restart at 9.65 s');
    expect(describeFault({ kind: 'crash', at: 1, node: 'lock' })).toBe('crash lock at 1 s');
    expect(describeFault({ kind: 'partition', at: 0.3, groups: [['lock'], ['c1', 'c2']], healAt: 6 })).toBe('partition lock | c1 c2 from 0.3 s to 6 s');
    expect(describeFault({ kind: 'clock', at: 0.35, node: 'lock', skew: 10 })).toBe("lock's clock jumps +10 s at 0.35 s");
    expect(describeFault({ kind: 'clock', at: 0, node: 'c1', drift: -0.8 })).toBe("c1's clock runs 80 % slow at 0 s");
    expect(describeFault({ kind: 'lossy-link', at: 0, from: 'c1', to: 'lock', loss: 0.3, until: 8 })).toBe('30 % of messages c1 → lock lost from 0 s to 8 s');
  });

  it('prints no more digits than a time has, and never binary noise', () => {
    expect(describeFault({ kind: 'pause', at: 0.1 + 0.2, node: 'c2', duration: 5 / 3 })).toBe('pause c2 at 0.3 s for 1.667 s');
  });
});
