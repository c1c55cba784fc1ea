/**
 * The set of operations linearized so far, as a bitset (one bit per operation in a Uint32Array), with a 64-bit
 * Zobrist hash (two 32-bit halves: the XOR of a random word per member) kept up to date on every add and remove,
 * so hashing a set costs O(1) instead of a pass over its words.
 */

/** Deterministic random words (xorshift32): the hash must not change between runs, or neither would timings. */
function randomWords(count: number, seed: number): Uint32Array {
  const words = new Uint32Array(count);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < count; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    words[i] = x;
  }
  return words;
}

export class OperationSet {
  readonly words: Uint32Array;
  hashLow = 0;
  hashHigh = 0;
  private readonly keysLow: Uint32Array;
  private readonly keysHigh: Uint32Array;

  constructor(size: number) {
    this.words = new Uint32Array(Math.max(1, Math.ceil(size / 32)));
    this.keysLow = randomWords(size, 0x9e3779b9);
    this.keysHigh = randomWords(size, 0x85ebca6b);
  }

  /** Adds operation i, which must not be in the set (the search only adds what it has not linearized). */
  add(i: number): void {
    this.words[i >>> 5]! |= 1 << (i & 31);
    this.hashLow ^= this.keysLow[i]!;
    this.hashHigh ^= this.keysHigh[i]!;
  }

  /** Removes operation i, which must be in the set. */
  remove(i: number): void {
    this.words[i >>> 5]! &= ~(1 << (i & 31));
    this.hashLow ^= this.keysLow[i]!;
    this.hashHigh ^= this.keysHigh[i]!;
  }

  has(i: number): boolean {
    return (this.words[i >>> 5]! & (1 << (i & 31))) !== 0;
  }
}

function sameWords(a: Uint32Array, b: Uint32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Lowe's memoisation: the configurations (linearized set, model state) the search has already been in. Reaching
 * one again means repeating a search that is known to have failed, so it is skipped. The hash picks a bucket; the
 * full bitset is compared, so a hash collision costs time, never a wrong verdict.
 */
export class SeenConfigurations {
  private readonly buckets = new Map<string, Uint32Array[]>();
  size = 0;

  /** Records (set, state); false if it had been recorded before. */
  add(set: OperationSet, stateKey: string): boolean {
    const key = `${set.hashLow}:${set.hashHigh}:${stateKey}`;
    const bucket = this.buckets.get(key);
    if (bucket === undefined) {
      this.buckets.set(key, [set.words.slice()]);
    } else {
      for (const words of bucket) if (sameWords(words, set.words)) return false;
      bucket.push(set.words.slice());
    }
    this.size++;
    return true;
  }
}
