/**
 * Named fault schedules for the lock lab, as plain data (a nemesis of @compendium/sim), and random ones from a seed.
 * Nodes: "lock" (the lock service), "storage", and the clients "c1", "c2", ... The timings are set against the lab's
 * workload (c1 asks first, at 0 s, and holds the lock from about 0.05 s to 0.85 s) and the shipped solutions' lease
 * of 2 s: each schedule says what it does to a lock that relies on that lease alone.
 */
import { createRandom, type Fault, MAX_SEED, type Nemesis } from '@compendium/sim';
import { LabInputError, requirePositiveFinite, requireWhole } from './errors.ts';
import { clientIds, MAX_CLIENTS, SERVER_ID, STORAGE_ID } from './run-lab.ts';

export interface NamedSchedule {
  readonly name: string;
  readonly summary: string;
  /** Clients the schedule names. */
  readonly minClients: number;
  readonly nemesis: Nemesis;
}

export const SCHEDULES: readonly NamedSchedule[] = [
  {
    name: 'gc-pause',
    summary: 'c1 stops for 5 s (a stop-the-world GC) at 0.3 s, while it holds the lock: its 2 s lease runs out, another client takes the lock, and c1 wakes up still writing',
    minClients: 2,
    nemesis: [{ kind: 'pause', at: 0.3, node: 'c1', duration: 5 }],
  },
  {
    name: 'partition-lock-server',
    summary: 'the lock service is cut off from every client from 0.3 s to 6 s (the storage stays reachable): releases and requests are lost until it heals',
    minClients: 2,
    nemesis: [{ kind: 'partition', at: 0.3, groups: [[SERVER_ID], ['c1', 'c2']], healAt: 6 }],
  },
  {
    name: 'clock-skew',
    summary: "c1's clock runs at a fifth of real speed (drift −0.8), so its 0.8 s of work take 4 s; and at 0.35 s the lock service's clock jumps 10 s ahead, ending c1's lease at once",
    minClients: 2,
    nemesis: [
      { kind: 'clock', at: 0, node: 'c1', drift: -0.8 },
      { kind: 'clock', at: 0.35, node: SERVER_ID, skew: 10 },
    ],
  },
  {
    name: 'mixed',
    summary: 'a lossy link from c1 to the lock service, a short partition of c3, a 4 s pause of c2, a crash and restart of the lock service, and a skewed clock on c3',
    minClients: 3,
    nemesis: [
      { kind: 'lossy-link', at: 0, from: 'c1', to: SERVER_ID, loss: 0.3, until: 8 },
      { kind: 'clock', at: 0, node: 'c3', skew: -3 },
      { kind: 'partition', at: 1, groups: [[SERVER_ID], ['c3']], healAt: 2.5 },
      { kind: 'pause', at: 4, node: 'c2', duration: 4 },
      { kind: 'crash', at: 9.6, node: SERVER_ID, restartAt: 9.65 },
    ],
  },
];

export const SCHEDULE_NAMES: readonly string[] = SCHEDULES.map((s) => s.name);

/** A named schedule for a run with `clients` clients; the partition schedule cuts the lock service off from all of them. */
export function namedSchedule(name: string, clients = 3): Nemesis {
  const schedule = SCHEDULES.find((s) => s.name === name);
  if (!schedule) throw new LabInputError('schedule', `must be one of ${SCHEDULE_NAMES.join(', ')}`, name);
  requireWhole('clients', clients, schedule.minClients, MAX_CLIENTS);
  if (name === 'partition-lock-server') return [{ kind: 'partition', at: 0.3, groups: [[SERVER_ID], clientIds(clients)], healAt: 6 }];
  return schedule.nemesis;
}

export interface RandomScheduleOptions {
  /** Default 3. */
  readonly clients?: number;
  /** The run's length in seconds; faults start in its first 70 %. Default 20. */
  readonly duration?: number;
  /** Default 1 to 4, drawn. */
  readonly faults?: number;
}

const round = (x: number): number => Math.round(x * 100) / 100;

/**
 * A random schedule of 1 to 4 faults: pauses (0.1 to 6 s, mostly of clients), partitions (healing after 0.5 to 5 s), crashes with restart, clock skew
 * and drift, and lossy links, on any node. The same seed gives the same schedule.
 */
export function randomSchedule(seed: number, options: RandomScheduleOptions = {}): Nemesis {
  requireWhole('seed', seed, 0, MAX_SEED);
  const clients = clientIds(requireWhole('clients', options.clients ?? 3, 1, MAX_CLIENTS));
  const duration = requirePositiveFinite('duration', options.duration ?? 20);
  const random = createRandom(seed);
  const uniform = (low: number, high: number) => low + (high - low) * random.next();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random.next() * items.length)] as T;
  const nodes = [SERVER_ID, STORAGE_ID, ...clients];
  const count = options.faults ?? 1 + Math.floor(random.next() * 4);
  const faults: Fault[] = [];
  for (let i = 0; i < count; i++) {
    const at = round(uniform(0, 0.7 * duration));
    // Pauses of clients come up most: they are what a lease alone cannot survive.
    const kind = pick(['pause', 'pause', 'pause', 'partition', 'crash', 'clock', 'lossy-link'] as const);
    switch (kind) {
      case 'pause':
        faults.push({ kind, at, node: pick(random.next() < 0.75 ? clients : nodes), duration: round(uniform(0.1, 6)) });
        break;
      case 'partition': {
        // Fisher-Yates, not sort with a random comparator: which pairs a sort compares differs between engines, so
        // the draws (and every fault after this one) would differ between browsers for the same seed.
        const shuffled = [...nodes];
        for (let k = shuffled.length - 1; k > 0; k--) {
          const j = Math.floor(random.next() * (k + 1));
          [shuffled[k], shuffled[j]] = [shuffled[j] as string, shuffled[k] as string];
        }
        const cut = 1 + Math.floor(random.next() * (shuffled.length - 1));
        faults.push({ kind, at, groups: [shuffled.slice(0, cut), shuffled.slice(cut)], healAt: round(at + uniform(0.5, 5)) });
        break;
      }
      case 'crash':
        faults.push({ kind, at, node: pick([SERVER_ID, ...clients]), restartAt: round(at + uniform(0.2, 4)) });
        break;
      case 'clock':
        faults.push({ kind, at, node: pick(nodes), skew: round(uniform(-10, 10)), drift: round(uniform(-0.5, 0.5)) });
        break;
      case 'lossy-link': {
        const from = pick(nodes);
        const to = pick(nodes.filter((n) => n !== from));
        faults.push({ kind, at, from, to, loss: round(uniform(0.1, 0.9)), until: round(at + uniform(1, 8)) });
        break;
      }
    }
  }
  return faults.sort((a, b) => a.at - b.at);
}
