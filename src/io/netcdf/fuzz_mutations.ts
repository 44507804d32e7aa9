/**
 * Corrupted copies of a forcing file for fuzz tests (src/io/netcdf/forcing_fuzz.test.ts) and the
 * longer fuzz run (bench/forcing_fuzz.mjs): seeded, so a failure is repeated from its seed and
 * index. The mutations are those a file meets on the way (a bad download, a disk, a bit flip) and
 * those that reach a reader's edge cases (a count or an offset set to an extreme, a header cut).
 */

/** A small seeded generator (mulberry32, the one the probability tests use): enough for choosing mutations, not for the drift. */
export { seededUniform as seededRandom } from '../../core/probability/gaussian_cloud.testkit.js';

/** 32-bit values a count, id, length or offset in a header may be mutated to. */
const EXTREMES = [0, 1, 2, 0x7f, 0xff, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff, 0x10000];

/** One corrupted copy of `bytes` and what was done to it (for the failure message). */
export function mutateBytes(bytes: Uint8Array, random: () => number): { bytes: Uint8Array; how: string } {
  const out = new Uint8Array(bytes);
  // most of what a reader interprets sits in the first kilobytes (headers, superblock, B-trees)
  const headerEnd = Math.min(out.length, random() < 0.8 ? 8192 : out.length);
  const at = (end = headerEnd): number => Math.floor(random() * end);
  const r = random();
  if (r < 0.3) {
    const flips = 1 + Math.floor(random() * 8);
    const where: number[] = [];
    for (let k = 0; k < flips; k++) { const i = at(); out[i] ^= 1 << Math.floor(random() * 8); where.push(i); }
    return { bytes: out, how: `bits flipped at ${where.join(', ')}` };
  }
  if (r < 0.5) {
    const where: number[] = [];
    for (let k = 0, n = 1 + Math.floor(random() * 4); k < n; k++) { const i = at(); out[i] = Math.floor(random() * 256); where.push(i); }
    return { bytes: out, how: `bytes replaced at ${where.join(', ')}` };
  }
  if (r < 0.75) {
    const i = Math.min(Math.floor(at(Math.min(headerEnd, 4096)) / 4) * 4, out.length - 4);
    const value = EXTREMES[Math.floor(random() * EXTREMES.length)];
    new DataView(out.buffer).setUint32(i, value, random() < 0.5);
    return { bytes: out, how: `0x${value.toString(16)} written at ${i}` };
  }
  if (r < 0.85) {
    const length = at(out.length);
    return { bytes: out.slice(0, length), how: `cut to ${length} bytes` };
  }
  const start = at();
  const length = Math.min(out.length - start, 16 + Math.floor(random() * 240));
  for (let k = 0; k < length; k++) out[start + k] = Math.floor(random() * 256);
  return { bytes: out, how: `${length} random bytes at ${start}` };
}
