/**
 * Counter-based random numbers: every draw is a pure function of (seed, particle index, draw
 * index). A particle's numbers therefore do not depend on how particles are split among worker
 * threads, so the same seed and inputs give the same output bit for bit on any number of cores.
 *
 * Hand-written because it sits in the drift loop (one draw per particle per step): a 32-bit
 * integer hash built from multiply-xorshift rounds (the finaliser of MurmurHash3 by A. Appleby,
 * public domain, applied to the three counters in turn), with no allocation.
 */

const TWO_POW_MINUS_32 = 2 ** -32;

function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The key of one draw stream of one seed. */
function streamKey(seed: number, stream: number): number {
  return mix32((mix32((seed ^ 0x9e3779b9) >>> 0) ^ Math.imul(stream | 0, 0x165667b1)) >>> 0);
}

/** A uniform integer in [0, 2^32) for index `a` of the stream with key `key`. */
function hashIndex(key: number, a: number): number {
  return mix32((key + Math.imul(a | 0, 0x27d4eb2f)) >>> 0);
}

/** A uniform integer in [0, 2^32) from three counters: seed, index, stream. */
export function hash3(seed: number, a: number, b: number): number {
  return hashIndex(streamKey(seed, b), a);
}

/** A uniform number in [0, 1) from three counters. */
export function uniform01(seed: number, a: number, b: number): number {
  return hash3(seed, a, b) * TWO_POW_MINUS_32;
}

/**
 * A standard normal number (Box-Muller) from three counters; uses draw indices 2b and 2b + 1.
 */
export function standardNormal(seed: number, a: number, b: number): number {
  const u1 = (hash3(seed, a, 2 * b) + 0.5) * TWO_POW_MINUS_32;   // in (0, 1): log is finite
  const u2 = hash3(seed, a, 2 * b + 1) * TWO_POW_MINUS_32;
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * An exponentially distributed waiting time (the gap between events of a Poisson process with
 * `ratePerS` events per second) from three counters; Infinity when the rate is 0.
 */
export function exponentialWait(ratePerS: number, seed: number, a: number, b: number): number {
  if (!(ratePerS > 0)) return Infinity;
  return -Math.log((hash3(seed, a, b) + 0.5) * TWO_POW_MINUS_32) / ratePerS;
}

/** Draw streams: fixed so that adding a new kind of draw never changes the old ones. */
export const DrawStream = {
  seedRadius: 0,
  seedBearing: 1,
  seedAlongTrack: 2,
  downwind: 3,
  rightCrosswind: 4,
  leftCrosswind: 5,
  /** the waiting time before jibe k of a particle uses stream jibeBase + k */
  jibeBase: 16,
  /**
   * redraw r ≥ 1 of the downwind perturbation (a standard normal: raw streams 2b and 2b + 1),
   * beyond every jibe stream (jibeBase + 65,535 at most)
   */
  downwindRedrawBase: 1 << 20,
} as const;

/**
 * A stream of uniform numbers in [0, 1) from a seed, for tests and benchmarks that need many
 * reproducible numbers in sequence (the drift itself draws by particle index, not in sequence).
 */
export function uniformSequence(seed: number): () => number {
  let k = 0;
  return () => uniform01(seed, k++, 0xffff);
}
