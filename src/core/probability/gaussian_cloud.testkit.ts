/**
 * Test support (not exported from the module): seeded Gaussian particle clouds in a local frame.
 * Random numbers: mulberry32 (public-domain 32-bit generator) and Box-Muller, hand-written here so
 * tests do not depend on the drift module.
 */
import { fromLocal, localFrame } from './local_frame.js';
import type { WeightedCloud } from './particle_cloud.js';

/** A seeded uniform generator on [0, 1). */
export function seededUniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * n equal-weight particles, Gaussian with standard deviations majorM along bearing axisDeg and
 * minorM across it, centred on (lonDeg, latDeg).
 */
export function gaussianCloud(n: number, centre: { lonDeg: number; latDeg: number }, majorM: number, minorM: number,
  axisDeg = 0, seed = 1): WeightedCloud {
  const rand = seededUniform(seed);
  const frame = localFrame(centre);
  const lonDeg = new Float64Array(n), latDeg = new Float64Array(n), weight = new Float64Array(n).fill(1 / n);
  const s = Math.sin((axisDeg * Math.PI) / 180), c = Math.cos((axisDeg * Math.PI) / 180);
  for (let i = 0; i < n; i++) {
    const r = Math.sqrt(-2 * Math.log(1 - rand()));
    const a = 2 * Math.PI * rand();
    const u = r * Math.cos(a) * majorM, v = r * Math.sin(a) * minorM;
    const p = fromLocal(frame, u * s + v * c, u * c - v * s);
    lonDeg[i] = p.lonDeg;
    latDeg[i] = p.latDeg;
  }
  return { count: n, lonDeg, latDeg, weight, status: new Uint8Array(n) };
}
