/**
 * Time to check linearizability of histories that are linearizable by construction. Not a test: `npm run bench:check`
 * (Node 24).
 * Workload: a seeded simulation of 8 clients sharing one atomic register (1 key) or a key-value store (10 keys, each
 * operation on a key drawn uniformly). Each client runs operations one after another, with a random pause between
 * them and a random duration, so up to 8 operations are in flight at once; each operation takes effect at a random
 * instant inside its own call–return interval, on a real sequential store, and its output is what that store
 * returned. Operations: 40% reads, 40% writes of a value in 0..9 (few values, as in Jepsen's and Porcupine's tests,
 * so the search cannot tell writes apart by value), 20% compare-and-set. Linearizable histories are the checker's
 * worst case among those that pass: it must find an order, not just refute one.
 * Each size is checked several times and the median reported, for the check alone and for parsing the JSON lines too.
 * Target (issue "Correctness checkers"): 1,000 operations on 10 keys in under 100 ms.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseHistory } from '../src/history.ts';
import { checkLinearizability } from '../src/linearizability.ts';

const CLIENTS = 8;
const SIZES = [100, 1_000, 10_000];
const KEY_COUNTS = [1, 10];
const SEED = 42;
const TARGET = { operations: 1_000, keys: 10, ms: 100 };

/** mulberry32: a small seeded generator, so every run checks the same histories. */
function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Planned {
  client: number;
  call: number;
  return: number;
  effectAt: number;
  input: Record<string, unknown>;
  output?: Record<string, unknown>;
}

/** The history as JSON lines, in call order, as a harness would write it. */
function simulatedHistory(operations: number, keys: number, seed: number): string {
  const random = createRandom(seed);
  const freeAt = new Float64Array(CLIENTS);
  const planned: Planned[] = [];
  for (let i = 0; i < operations; i++) {
    // The client that becomes free first goes next, so the clients stay busy side by side.
    let client = 0;
    for (let c = 1; c < CLIENTS; c++) if (freeAt[c]! < freeAt[client]!) client = c;
    const call = freeAt[client]! + random() * 2;
    const ret = call + 0.5 + random() * 4;
    freeAt[client] = ret;
    const key = `k${Math.floor(random() * keys)}`;
    const dice = random();
    const value = Math.floor(random() * 10);
    const input =
      dice < 0.4 ? { op: 'read', key } : dice < 0.8 ? { op: 'write', key, value } : { op: 'cas', key, from: Math.floor(random() * 10), to: value };
    planned.push({ client, call, return: ret, effectAt: call + random() * (ret - call), input });
  }
  // Apply the effects in the order they took place, on a sequential store: the outputs are what it returned.
  const store = new Map<string, number | null>();
  for (const op of [...planned].sort((a, b) => a.effectAt - b.effectAt)) {
    const key = op.input.key as string;
    const current = store.get(key) ?? null;
    if (op.input.op === 'read') op.output = { value: current };
    else if (op.input.op === 'write') {
      store.set(key, op.input.value as number);
      op.output = {};
    } else {
      const ok = current === op.input.from;
      if (ok) store.set(key, op.input.to as number);
      op.output = { ok };
    }
  }
  return planned
    .sort((a, b) => a.call - b.call)
    .map((op) => {
      // The register model takes no key; the 1-key case is a plain register.
      const input = keys === 1 ? { ...op.input, key: undefined } : op.input;
      return JSON.stringify({ client: `c${op.client}`, call: op.call, return: op.return, input, output: op.output });
    })
    .join('\n');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function timeMs(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

const repeatsFor = (operations: number): number => (operations >= 10_000 ? 5 : 11);

interface Row {
  operations: number;
  keys: number;
  check: number;
  parseAndCheck: number;
}

const rows: Row[] = [];
for (const keys of KEY_COUNTS) {
  for (const operations of SIZES) {
    const text = simulatedHistory(operations, keys, SEED + operations + keys);
    const model = keys === 1 ? 'register' : 'kv';
    const history = parseHistory(text);
    const verdict = checkLinearizability(history, { model });
    if (verdict.linearizable !== true) throw new Error(`the simulated history (${operations} operations, ${keys} keys) was judged ${verdict.linearizable}`);
    // Untimed runs first, so the timings are of optimised code, not of the JIT warming up.
    for (let i = 0; i < 2; i++) checkLinearizability(parseHistory(text), { model });
    const repeats = repeatsFor(operations);
    const check = median(Array.from({ length: repeats }, () => timeMs(() => checkLinearizability(history, { model }))));
    const parseAndCheck = median(Array.from({ length: repeats }, () => timeMs(() => checkLinearizability(parseHistory(text), { model }))));
    rows.push({ operations, keys, check, parseAndCheck });
  }
}

const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1)).padStart(9);
console.log(`Node ${process.versions.node}, ${CLIENTS} clients, linearizable by construction; median of ${repeatsFor(1)} runs (5 for 10,000); load average ${loadavg()[0]?.toFixed(1)}`);
console.log('  operations  keys   check (ms)  parse + check (ms)');
for (const r of rows) console.log(`  ${r.operations.toLocaleString('en-US').padStart(10)}  ${String(r.keys).padStart(4)}  ${ms(r.check)}   ${ms(r.parseAndCheck)}`);
const target = rows.find((r) => r.operations === TARGET.operations && r.keys === TARGET.keys)!;
console.log(
  `  target: ${TARGET.operations.toLocaleString('en-US')} operations on ${TARGET.keys} keys under ${TARGET.ms} ms: ${target.parseAndCheck < TARGET.ms ? 'met' : 'MISSED'} (${target.parseAndCheck.toFixed(1)} ms with parsing)`,
);
