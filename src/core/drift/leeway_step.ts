import { EARTH_RADIUS_M } from '../geo/units.js';
import { ParticleStatus, primeKernel, type Particles } from './particles.js';
import { DrawStream, exponentialWait } from './random.js';
import type { Shoreline } from './request.js';

const DEG_PER_M = 180 / Math.PI / EARTH_RADIUS_M;

/**
 * 1 / cos(latitude) tabulated every 0.01° from -89.99° to 89.99° and interpolated linearly, since
 * a table read costs a third of Math.cos in the drift loop. The relative error, h²/8 (sec² + 2 tan²)
 * with h = 0.01°, is 1e-8 at 37°, 4e-8 at 60° and 2e-6 at 85°: a 300 m step is off by under a
 * millimetre. Latitudes beyond ±89.99° use the end values.
 */
const SECANT_STEPS_PER_DEG = 100;
const SECANT_MAX_DEG = 89.99;
const SECANT = (() => {
  const n = Math.round(2 * SECANT_MAX_DEG * SECANT_STEPS_PER_DEG) + 1;
  const table = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) table[k] = 1 / Math.cos(((k / SECANT_STEPS_PER_DEG - SECANT_MAX_DEG) * Math.PI) / 180);
  table[n] = table[n - 1];
  return table;
})();

/**
 * 1 / cos(latDeg), from the table. The clamp's upper bound is read from the table here, not kept
 * in a module constant: the CLI bundle (esbuild) turns top-level `const` into `var`, and a `var`
 * joined with `x` in the clamp made `x` a tagged value that the drift loop, where this is inlined,
 * boxed into a new heap number at every particle-step (256 MB of garbage and a scavenge every 25 ms
 * in a 100,000-particle run, bench/RESULTS.md 2026-12-03 19:30Z).
 */
export function secantDeg(latDeg: number): number {
  const last = SECANT.length - 2;
  let x = (latDeg + SECANT_MAX_DEG) * SECANT_STEPS_PER_DEG;
  x = x < 0 ? 0 : x > last ? last : x;
  const k = x | 0;
  return SECANT[k] + (x - k) * (SECANT[k + 1] - SECANT[k]);
}

/** The per-step inputs of the Leeway kernel; the buffers are filled by the forcing samplers. */
export interface LeewayStepInput {
  /** Signed step: positive forward in time, negative backward. */
  readonly dtS: number;
  /**
   * Per particle, the signed time it drifts in this step when that differs from `dtS` (a particle
   * released within the step drifts from its release time to the step's end), or null when every
   * particle drifts the whole step (every step without a release).
   */
  readonly particleDtS: Float64Array | null;
  /** Seconds since the start (in either direction) at the end of this step. */
  readonly elapsedS: number;
  readonly seed: number;
  /** Jibes per second (see jibeRatePerS). */
  readonly jibeRatePerS: number;
  readonly windEastMps: Float64Array;
  readonly windNorthMps: Float64Array;
  readonly currentEastMps: Float64Array;
  readonly currentNorthMps: Float64Array;
  /**
   * The samplers' coverage flags (VectorField.sampleBatch). On entry 1 = sampled; the step marks a
   * particle a quantity did not cover `outside forcing`, and leaves the flags ready for the next
   * step's samplers: 0 for every particle still active, 1 for the others.
   */
  readonly windCovered: Uint8Array;
  readonly currentCovered: Uint8Array;
  readonly shoreline: Shoreline | null;
}

/** Whether leewayStep has been primed in this thread (primeKernel). */
let primed = false;

/**
 * Move every active particle one step: velocity = leeway + total water current (Allen & Plourde
 * 1999; Breivik & Allen 2008), explicit Euler on the sphere, then stranding and jibing. A step past
 * a pole comes down the other side of it; longitudes stay in [-180, 180).
 *
 * Leeway per particle: downwind L_d = a_d W + b_d along the wind, crosswind L_c = a_c W + b_c to
 * the right of downwind, with (a_c, b_c) the coefficients of the side the object is on now (the
 * left ones are negative); a jibe swaps them with the other side's. Jibes are the events of a
 * Poisson process per particle (`nextJibeS`): those that fall within the step take effect at its
 * end, and two in one step cancel. With no wind (W = 0) the direction is undefined and the leeway
 * is 0.
 *
 * A particle that the wind or the current did not cover becomes `outside forcing` and stays where
 * it is. Hand-written hot loop: runs once per particle per step (it also resets the coverage flags,
 * saving the run two passes over the cloud); reads columns, has no data-dependent branch but
 * coverage, stranding and jibes (one comparison a step; the random draws only when one falls due);
 * allocates nothing.
 */
export function leewayStep(p: Particles, input: LeewayStepInput): void {
  if (!primed) { primed = true; primeKernel(leewayStep, input); }
  const { dtS, windEastMps, windNorthMps, currentEastMps, currentNorthMps, windCovered, currentCovered, shoreline } = input;
  const { lonDeg, latDeg, status } = p;
  const { downwindSlope, downwindOffsetMps, crosswindSlope, crosswindOffsetMps } = p;
  const { elapsedS, jibeRatePerS } = input;
  const seed = input.seed >>> 0;
  const { nextJibeS } = p;
  const first = p.firstIndex;
  const { particleDtS } = input;
  const degPerMetreStep = dtS * DEG_PER_M;
  // the shoreline's clear-water cells, as in fusedLeewayStep (a step that certainly stays in water skips firstShoreCrossing)
  const clearWater = shoreline?.clearWater ?? null;
  const clear = clearWater === null ? null : clearWater.clear;
  const cWest = clearWater?.westDeg ?? 0, cSouth = clearWater?.southDeg ?? 0, cCellsPerDeg = clearWater?.cellsPerDeg ?? 0;
  const cCellsX = clearWater?.nx ?? 0, cCellsY = clearWater?.ny ?? 0;
  for (let i = 0, n = p.count; i < n; i++) {
    if (status[i] !== ParticleStatus.active) continue;
    if ((windCovered[i] & currentCovered[i]) === 0) {
      status[i] = ParticleStatus.outsideForcing;
      windCovered[i] = 1;
      currentCovered[i] = 1;
      continue;
    }
    const we = windEastMps[i], wn = windNorthMps[i];
    const windMps = Math.sqrt(we * we + wn * wn);
    // with no wind the unit vector is (0, 0): no leeway
    const inverse = windMps > 0 ? 1 / windMps : 0;
    const downwindMps = downwindSlope[i] * windMps + downwindOffsetMps[i];
    const crosswindMps = crosswindSlope[i] * windMps + crosswindOffsetMps[i];
    const ue = we * inverse, un = wn * inverse;                       // downwind unit vector
    const ve = currentEastMps[i] + downwindMps * ue + crosswindMps * un;  // right of downwind is (un, -ue)
    const vn = currentNorthMps[i] + downwindMps * un - crosswindMps * ue;
    const lon0 = lonDeg[i], lat0 = latDeg[i];
    const degPerMetre = particleDtS === null ? degPerMetreStep : particleDtS[i] * DEG_PER_M;
    let lat1 = lat0 + vn * degPerMetre;
    let lon1 = lon0 + ve * degPerMetre * secantDeg(lat0);
    if (shoreline !== null) {
      let inClearWater = false;
      if (clear !== null) {
        const u = (lon0 - cWest) * cCellsPerDeg, v = (lat0 - cSouth) * cCellsPerDeg;
        const du = (lon1 - lon0) * cCellsPerDeg, dv = (lat1 - lat0) * cCellsPerDeg;
        if (u >= 0 && u < cCellsX && v >= 0 && v < cCellsY && du < 0.5 && du > -0.5 && dv < 0.5 && dv > -0.5) {
          inClearWater = clear[(v | 0) * cCellsX + (u | 0)] === 1;
        }
      }
      const t = inClearWater ? -1 : shoreline.firstShoreCrossing(lon0, lat0, lon1, lat1);
      if (t >= 0) {
        lonDeg[i] = lon0 + t * (lon1 - lon0);
        latDeg[i] = lat0 + t * (lat1 - lat0);
        status[i] = ParticleStatus.stranded;
        continue;   // flags stay 1: no more sampling
      }
    }
    // over a pole: down the other side of it, on the meridian opposite (rare: off the common path)
    if (lat1 > 90 || lat1 < -90) { lat1 = (lat1 > 0 ? 180 : -180) - lat1; lon1 += 180; }
    // onto [-180, 180): one turn on the common path (the same arithmetic), more near a pole
    if (lon1 >= 180 || lon1 < -180) lon1 -= 360 * Math.floor((lon1 + 180) / 360);
    lonDeg[i] = lon1;
    latDeg[i] = lat1;
    windCovered[i] = 0;
    currentCovered[i] = 0;
    if (nextJibeS[i] <= elapsedS) applyJibes(p, i, elapsedS, jibeRatePerS, seed, first);   // rare (4 % an hour)
  }
}

/**
 * Particle i's jibes due by `elapsedS` (a Poisson process: each waiting time exponential, drawn
 * from the jibe's own stream): an odd number swaps its crosswind coefficients to the other side's.
 * Off the kernels' loop bodies (leewayStep's and fusedLeewayStep's): a particle jibes about once a day.
 */
export function applyJibes(p: Particles, i: number, elapsedS: number, jibeRatePerS: number, seed: number, first: number): void {
  const { nextJibeS, jibeCount, crosswindSlope, crosswindOffsetMps, otherCrosswindSlope, otherCrosswindOffsetMps, side } = p;
  let flips = 0;
  let t = nextJibeS[i];
  do {
    flips++;
    jibeCount[i]++;
    t += exponentialWait(jibeRatePerS, seed, first + i, DrawStream.jibeBase + jibeCount[i]);
  } while (t <= elapsedS);
  nextJibeS[i] = t;
  if ((flips & 1) === 1) {
    const slope = crosswindSlope[i], offset = crosswindOffsetMps[i];
    crosswindSlope[i] = otherCrosswindSlope[i];
    crosswindOffsetMps[i] = otherCrosswindOffsetMps[i];
    otherCrosswindSlope[i] = slope;
    otherCrosswindOffsetMps[i] = offset;
    side[i] = -side[i];
  }
}
