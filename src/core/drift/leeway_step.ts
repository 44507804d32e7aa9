import { EARTH_RADIUS_M } from '../geo/units.js';
import { ParticleStatus, type Particles } from './particles.js';
import { DrawStream, hash3 } from './random.js';
import type { Shoreline } from './request.js';

const DEG_PER_M = 180 / Math.PI / EARTH_RADIUS_M;
const RAD = Math.PI / 180;

/** The per-step inputs of the Leeway kernel; the buffers are filled by the forcing samplers. */
export interface LeewayStepInput {
  /** Signed step: positive forward in time, negative backward. */
  readonly dtS: number;
  /** Step number since the start, for the jibe draws. */
  readonly step: number;
  readonly seed: number;
  /** Probability of a jibe within this step (already converted from the hourly rate). */
  readonly jibeProbability: number;
  readonly windEastMps: Float64Array;
  readonly windNorthMps: Float64Array;
  readonly currentEastMps: Float64Array;
  readonly currentNorthMps: Float64Array;
  readonly shoreline: Shoreline | null;
}

/**
 * Probability of at least one jibe within `stepS`, for a probability `perHour` within one hour
 * (a constant hazard rate, so the answer does not depend on the step).
 */
export function jibeProbabilityPerStep(perHour: number, stepS: number): number {
  return 1 - Math.pow(1 - perHour, Math.abs(stepS) / 3600);
}

/**
 * Move every active particle one step: velocity = leeway + total water current (Allen & Plourde
 * 1999; Breivik & Allen 2008), explicit Euler on the sphere, then stranding and jibing.
 *
 * Leeway per particle: downwind L_d = a_d W + b_d along the wind, crosswind L_c = a_c W + b_c to
 * the right of downwind, with (a_c, b_c) the particle's right or left coefficients by its side
 * (the left ones are negative). With no wind (W = 0) the direction is undefined and the leeway is 0.
 *
 * Hand-written hot loop: runs once per particle per step; reads columns, allocates nothing.
 */
export function leewayStep(p: Particles, input: LeewayStepInput): void {
  const { dtS, windEastMps, windNorthMps, currentEastMps, currentNorthMps, shoreline } = input;
  const { lonDeg, latDeg, status, side, jibeCount } = p;
  const { downwindSlope, downwindOffsetMps, rightSlope, rightOffsetMps, leftSlope, leftOffsetMps } = p;
  const jibeThreshold = input.jibeProbability * 4294967296;   // compare with a uniform 32-bit draw
  const jibeStream = DrawStream.jibeBase + input.step;
  const seed = input.seed >>> 0;
  const first = p.firstIndex;
  for (let i = 0, n = p.count; i < n; i++) {
    if (status[i] !== ParticleStatus.active) continue;
    const we = windEastMps[i], wn = windNorthMps[i];
    const windMps = Math.sqrt(we * we + wn * wn);
    let ve = currentEastMps[i], vn = currentNorthMps[i];
    if (windMps > 0) {
      const downwindMps = downwindSlope[i] * windMps + downwindOffsetMps[i];
      const crosswindMps = side[i] > 0
        ? rightSlope[i] * windMps + rightOffsetMps[i]
        : leftSlope[i] * windMps + leftOffsetMps[i];
      const ue = we / windMps, un = wn / windMps;              // downwind unit vector
      ve += downwindMps * ue + crosswindMps * un;              // right of downwind is (un, -ue)
      vn += downwindMps * un - crosswindMps * ue;
    }
    const lon0 = lonDeg[i], lat0 = latDeg[i];
    const lat1 = lat0 + vn * dtS * DEG_PER_M;
    let lon1 = lon0 + (ve * dtS * DEG_PER_M) / Math.cos(lat0 * RAD);
    if (shoreline !== null) {
      const t = shoreline.firstShoreCrossing(lon0, lat0, lon1, lat1);
      if (t >= 0) {
        lonDeg[i] = lon0 + t * (lon1 - lon0);
        latDeg[i] = lat0 + t * (lat1 - lat0);
        status[i] = ParticleStatus.stranded;
        continue;
      }
    }
    if (lon1 >= 180) lon1 -= 360; else if (lon1 < -180) lon1 += 360;
    lonDeg[i] = lon1;
    latDeg[i] = lat1;
    if (hash3(seed, first + i, jibeStream) < jibeThreshold) {
      side[i] = -side[i];
      jibeCount[i]++;
    }
  }
}
