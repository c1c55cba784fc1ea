/**
 * What the Raft view draws, computed from a snapshot: where servers sit, where each message in flight is now, which
 * partition is in force, and the logs as a grid. Pure, so the drawing rules are tested without a browser.
 */
import type { Fault, LogEntry, Nemesis, RaftMessageView, RaftNodeView, RaftSnapshot } from '@compendium/sim';

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Servers evenly on a circle, the first at the top, clockwise: the layout of the Raft paper's figures. */
export function serverPositions(ids: readonly string[], center: Point, radius: number): Map<string, Point> {
  const positions = new Map<string, Point>();
  ids.forEach((id, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / ids.length;
    positions.set(id, { x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) });
  });
  return positions;
}

/** Share of its trip a message has covered at `time`, in [0, 1]. */
export function flightProgress(message: Pick<RaftMessageView, 'sentAt' | 'arrivesAt'>, time: number): number {
  const span = message.arrivesAt - message.sentAt;
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, (time - message.sentAt) / span));
}

/**
 * Where a message is drawn: on the straight line between the two servers, starting and ending at their rims
 * (`inset` from the centres) so a dot is never hidden under a server.
 */
export function messagePoint(from: Point, to: Point, progress: number, inset: number): Point {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy);
  if (length <= 2 * inset) return { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
  const start = inset / length;
  const share = start + (1 - 2 * start) * progress;
  return { x: from.x + dx * share, y: from.y + dy * share };
}

/** The direction a message is going: requests outward, replies back; used for its colour and its label. */
export function messageFamily(type: RaftMessageView['type']): 'vote' | 'append' {
  return type === 'AppendEntries' || type === 'AppendEntriesResponse' ? 'append' : 'vote';
}

export function isReply(type: RaftMessageView['type']): boolean {
  return type.endsWith('Response');
}

/** The partition in force at `time` (the latest started and not healed), as groups of servers; null when none. */
export function activePartition(nemesis: Nemesis, time: number): readonly (readonly string[])[] | null {
  let active: Extract<Fault, { kind: 'partition' }> | null = null;
  for (const fault of nemesis) {
    if (fault.kind !== 'partition') continue;
    if (fault.at <= time && (fault.healAt === undefined || fault.healAt > time)) active = fault;
  }
  return active ? active.groups : null;
}

/** True when two servers can talk under the partition in force. */
export function canReach(groups: readonly (readonly string[])[] | null, a: string, b: string): boolean {
  if (!groups) return true;
  const groupOf = (id: string) => groups.findIndex((g) => g.includes(id));
  const ga = groupOf(a);
  const gb = groupOf(b);
  // A server the partition does not name is in a group of its own.
  return ga !== -1 && ga === gb;
}

export interface LogCell {
  readonly index: number;
  readonly term: number;
  /** Short text: `x=3`, `no-op`, `config n1 n2 n3`. */
  readonly label: string;
  readonly committed: boolean;
}

export function entryLabel(entry: LogEntry): string {
  const command = entry.command;
  if (command.kind === 'set') return `${command.key}=${command.value}`;
  if (command.kind === 'noop') return 'no-op';
  return `config ${command.servers.join(' ')}`;
}

/** Every server's log as cells, and how many columns the grid needs. */
export function logGrid(nodes: readonly RaftNodeView[]): { columns: number; rows: { id: string; cells: LogCell[] }[] } {
  let columns = 0;
  const rows = nodes.map((node) => {
    columns = Math.max(columns, node.log.length);
    return {
      id: node.id,
      cells: node.log.map((entry, i) => ({ index: i + 1, term: entry.term, label: entryLabel(entry), committed: i + 1 <= node.commitIndex })),
    };
  });
  return { columns, rows };
}

/** Share of its election timeout a server has waited, in [0, 1]; null when no timer runs (a leader, a crashed server). */
export function timerProgress(node: Pick<RaftNodeView, 'electionTimer' | 'localTime'>): number | null {
  const timer = node.electionTimer;
  if (!timer) return null;
  const span = timer.end - timer.start;
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, (node.localTime - timer.start) / span));
}

/** One line a screen reader can follow: who leads, in which term, and what is wrong. */
export function describeCluster(snapshot: Pick<RaftSnapshot, 'nodes' | 'leader' | 'time'>): string {
  const down = snapshot.nodes.filter((n) => !n.up).map((n) => n.id);
  const paused = snapshot.nodes.filter((n) => n.up && n.paused).map((n) => n.id);
  const leader = snapshot.nodes.find((n) => n.id === snapshot.leader);
  const parts = [leader ? `${leader.id} leads term ${leader.term}` : 'No leader'];
  if (down.length > 0) parts.push(`crashed: ${down.join(', ')}`);
  if (paused.length > 0) parts.push(`paused: ${paused.join(', ')}`);
  return `${parts.join('; ')}.`;
}

/** A message in words, for the tooltip on its dot: type, link, term and what it carries or answers. */
export function describeMessage(view: Pick<RaftMessageView, 'from' | 'to' | 'message'>): string {
  const m = view.message;
  const head = `${m.type} ${view.from} → ${view.to}, term ${m.term}`;
  switch (m.type) {
    case 'AppendEntries':
      return m.entries.length === 0 ? `${head}: heartbeat, commit index ${m.leaderCommit}` : `${head}: ${m.entries.length} ${m.entries.length === 1 ? 'entry' : 'entries'} after index ${m.prevLogIndex}, commit index ${m.leaderCommit}`;
    case 'AppendEntriesResponse':
      return m.success ? `${head}: matches up to index ${m.matchIndex}` : `${head}: refused, retry from index ${m.conflictIndex}`;
    case 'RequestVote':
    case 'PreVote':
      return `${head}: last entry ${m.lastLogIndex} of term ${m.lastLogTerm}`;
    case 'RequestVoteResponse':
    case 'PreVoteResponse':
      return `${head}: ${m.granted ? 'granted' : 'refused'}`;
  }
}
