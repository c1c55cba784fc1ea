/**
 * Seeded randomness that gives the same stream, bit for bit, in Node and in every browser: xoshiro128** (Blackman and
 * Vigna, 2018) on 32-bit integer arithmetic (Math.imul and shifts are exact everywhere), seeded through splitmix32.
 * No Math.random anywhere in the simulator.
 */
import { requireInteger } from './errors.ts';

export interface Random {
  /** A float in [0, 1) with 53 random bits. */
  next(): number;
  /** An independent stream derived from this one (for a node or a client), so adding one consumer does not shift the others. */
  fork(label: number): Random;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;
export const MAX_SEED = 4294967295;

/** The raw generator on a given 128-bit state (exported for the reference-vector test). */
export function xoshiro128StarStar(state: readonly [number, number, number, number]): () => number {
  let [a, b, c, d] = state;
  if ((a | b | c | d) === 0) a = 1;
  return () => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
}

export function createRandom(seed: number): Random {
  requireInteger('seed', seed, 0, MAX_SEED);
  const init = splitmix32(seed);
  const nextUint32 = xoshiro128StarStar([init(), init(), init(), init()]);
  return {
    next() {
      const high = nextUint32() >>> 5; // 27 bits
      const low = nextUint32() >>> 6; // 26 bits
      return (high * 67108864 + low) / TWO_POW_53;
    },
    fork(label: number) {
      return createRandom((Math.imul(nextUint32() ^ Math.imul(label >>> 0, 0x9e3779b1), 1) >>> 0) % (TWO_POW_32 - 1));
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
