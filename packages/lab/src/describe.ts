/**
 * A fault in words, for the verdict a reader sees ("pause c1 at 0.3 s for 1.25 s") rather than its JSON.
 * Times are virtual seconds, printed with no more digits than they have.
 */
import type { Fault } from '@compendium/sim';

function s(seconds: number): string {
  return `${Number(seconds.toFixed(3))} s`;
}

function signed(seconds: number): string {
  return `${seconds >= 0 ? '+' : '−'}${s(Math.abs(seconds))}`;
}

export function describeFault(fault: Fault): string {
  switch (fault.kind) {
    case 'pause':
      return `pause ${fault.node} at ${s(fault.at)} for ${s(fault.duration)}`;
    case 'crash':
      return fault.restartAt === undefined ? `crash ${fault.node} at ${s(fault.at)}` : `crash ${fault.node} at ${s(fault.at)}, restart at ${s(fault.restartAt)}`;
    case 'partition': {
      const groups = fault.groups.map((g) => g.join(' ')).join(' | ');
      return fault.healAt === undefined ? `partition ${groups} from ${s(fault.at)}` : `partition ${groups} from ${s(fault.at)} to ${s(fault.healAt)}`;
    }
    case 'clock': {
      const parts = [];
      if (fault.skew) parts.push(`jumps ${signed(fault.skew)}`);
      if (fault.drift) parts.push(`runs ${Math.abs(Math.round(fault.drift * 100))} % ${fault.drift > 0 ? 'fast' : 'slow'}`);
      return `${fault.node}'s clock ${parts.length ? parts.join(' and ') : 'is reset'} at ${s(fault.at)}`;
    }
    case 'drop-message':
      return `the first message ${fault.from} → ${fault.to} in flight at ${s(fault.at)} or sent after it is lost`;
    case 'lossy-link': {
      const share = `${Math.round(fault.loss * 100)} % of messages ${fault.from} → ${fault.to} lost`;
      return fault.until === undefined ? `${share} from ${s(fault.at)}` : `${share} from ${s(fault.at)} to ${s(fault.until)}`;
    }
  }
}
