import { wrapLonDeg } from '../geo/lon_lat.js';
import { interpolateGreatCircle } from '../geo/sphere.js';
import { EARTH_RADIUS_M } from '../geo/units.js';
import type { LeewayCoefficients } from '../objects/index.js';
import { allocateParticles, ParticleStatus, type Particles } from './particles.js';
import { DrawStream, exponentialWait, standardNormal, uniform01 } from './random.js';
import type { DriftRequest, Scenario } from './request.js';

/**
 * Wind speed (m/s) at which a perturbation of the leeway is split evenly between slope and offset
 * (Breivik & Allen 2008, "An operational search and rescue model for the Norwegian Sea and the
 * North Sea", J. Marine Systems 69: the slope takes eps/20 in %, the offset eps/2 in cm/s).
 */
export const LEEWAY_SPLIT_WIND_MPS = 10;

const RAD = Math.PI / 180;

/**
 * Particles per scenario, in proportion to the scenario weights (largest remainder; every
 * scenario gets at least one particle). Scenario s owns global indices [offsets[s], offsets[s+1]).
 */
export function scenarioOffsets(scenarios: readonly Scenario[], particleCount: number): number[] {
  const total = scenarios.reduce((sum, s) => sum + s.weight, 0);
  const exact = scenarios.map((s) => (s.weight / total) * particleCount);
  const counts = exact.map((x) => Math.max(1, Math.floor(x)));
  let missing = particleCount - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, s) => ({ s, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.s - b.s);
  for (let k = 0; missing > 0; k = (k + 1) % byRemainder.length, missing--) counts[byRemainder[k].s]++;
  for (let s = counts.length - 1; missing < 0; s = (s + counts.length - 1) % counts.length) {
    if (counts[s] > 1) { counts[s]--; missing++; }
  }
  const offsets = [0];
  for (const c of counts) offsets.push(offsets[offsets.length - 1] + c);
  return offsets;
}

/**
 * Seed the particles with global indices [firstIndex, firstIndex + count) of a request. Every value
 * depends only on the request, the seed and the global index, so any split into ranges gives the
 * same particles. Per particle (Allen & Plourde 1999; Breivik & Allen 2008):
 * - position: spread around the (interpolated) reported position;
 * - leeway coefficients: drawn once, slope + eps / (2 × 10 m/s) and offset + eps / 2 with
 *   eps ~ N(0, std dev of the class), independently downwind, right and left; the downwind eps is
 *   drawn again while the downwind slope would be negative (see `drawDownwindEps`);
 * - side of downwind: alternating within each scenario, so the left/right split is exact.
 */
export function seedParticles(request: DriftRequest, firstIndex = 0, count = request.particleCount): Particles {
  const particles = allocateParticles(count, firstIndex);
  const offsets = scenarioOffsets(request.scenarios, request.particleCount);
  const weightTotal = request.scenarios.reduce((sum, s) => sum + s.weight, 0);
  const seed = request.seed >>> 0;
  const sign = request.direction === 'forward' ? 1 : -1;
  const jibeRate = jibeRatePerS(request.jibeProbabilityPerHour);
  let s = 0;
  for (let n = 0; n < count; n++) {
    const g = firstIndex + n;
    while (g >= offsets[s + 1]) s++;
    const scenario = request.scenarios[s];
    const inScenario = offsets[s + 1] - offsets[s];
    const k = g - offsets[s];
    particles.scenario[n] = s;
    particles.weight[n] = scenario.weight / weightTotal / inScenario;

    const seeding = scenario.seeding;
    let centreLon: number, centreLat: number, radiusM: number, releaseS: number;
    if (seeding.kind === 'point') {
      centreLon = seeding.position.lonDeg;
      centreLat = seeding.position.latDeg;
      radiusM = seeding.radiusM;
      releaseS = seeding.timeS ?? request.startS;
    } else {
      const f = (k + 0.5) / inScenario;
      const centre = interpolateGreatCircle(seeding.from, seeding.to, f);
      centreLon = centre.lonDeg;
      centreLat = centre.latDeg;
      radiusM = seeding.fromRadiusM + f * (seeding.toRadiusM - seeding.fromRadiusM);
      releaseS = seeding.fromTimeS + f * (seeding.toTimeS - seeding.fromTimeS);
    }
    let eastM: number, northM: number;
    if (seeding.spread === 'gaussian') {
      eastM = radiusM * standardNormal(seed, g, DrawStream.seedRadius);
      northM = radiusM * standardNormal(seed, g, DrawStream.seedBearing);
    } else {
      const r = radiusM * Math.sqrt(uniform01(seed, g, DrawStream.seedRadius));
      const bearing = 2 * Math.PI * uniform01(seed, g, DrawStream.seedBearing);
      eastM = r * Math.sin(bearing);
      northM = r * Math.cos(bearing);
    }
    let latDeg = centreLat + northM / EARTH_RADIUS_M / RAD;
    let lonDeg = centreLon + eastM / (EARTH_RADIUS_M * Math.cos(centreLat * RAD)) / RAD;
    // a spread over a pole comes down the other side of it, and every longitude is in [-180, 180)
    if (latDeg > 90 || latDeg < -90) { latDeg = (latDeg > 0 ? 180 : -180) - latDeg; lonDeg += 180; }
    particles.latDeg[n] = latDeg;
    particles.lonDeg[n] = lonDeg >= 180 || lonDeg < -180 ? wrapLonDeg(lonDeg) : lonDeg;   // (wrapLonDeg's sums would change the last bit)
    particles.releaseS[n] = releaseS;
    particles.status[n] = sign * (request.startS - releaseS) >= 0 ? ParticleStatus.active : ParticleStatus.notReleased;

    const object = scenario.objectClass;
    setPerturbed(particles.downwindSlope, particles.downwindOffsetMps, n, object.downwind, drawDownwindZ(object.downwind, seed, g));
    // the current side's crosswind coefficients are in crosswind*, the other side's wait in otherCrosswind*
    const right = k % 2 === 0;
    particles.side[n] = right ? 1 : -1;
    const zRight = standardNormal(seed, g, DrawStream.rightCrosswind), zLeft = standardNormal(seed, g, DrawStream.leftCrosswind);
    setPerturbed(particles.crosswindSlope, particles.crosswindOffsetMps, n, right ? object.rightCrosswind : object.leftCrosswind, right ? zRight : zLeft);
    setPerturbed(particles.otherCrosswindSlope, particles.otherCrosswindOffsetMps, n, right ? object.leftCrosswind : object.rightCrosswind, right ? zLeft : zRight);
    // jibes form a Poisson process from the particle's release; the first comes after an exponential wait
    particles.nextJibeS[n] = sign * (releaseS - request.startS) + exponentialWait(jibeRate, seed, g, DrawStream.jibeBase);
  }
  return particles;
}

/**
 * The jibe rate (per second) for a probability `perHour` of at least one jibe within an hour:
 * a Poisson process, so P(no jibe in 1 h) = exp(-rate × 3600 s) = 1 - perHour, whatever the step.
 */
export function jibeRatePerS(perHour: number): number {
  if (!(perHour > 0)) return 0;
  return perHour >= 1 ? Infinity : -Math.log(1 - perHour) / 3600;
}

/**
 * Draws before the downwind perturbation gives up and takes the truncation bound (a slope of
 * exactly 0). Unreachable with the shipped table: its worst class, PIW-2, keeps a draw with
 * probability 0.88, so 64 rejections in a row have probability 1e-58; the bound only keeps a table
 * with a negative slope and no spread from looping for ever.
 */
const MAX_DOWNWIND_DRAWS = 64;

/**
 * The standard normal z of a particle's downwind perturbation eps = z × std dev, drawn again while
 * the perturbed slope, slope + eps / (2 × 10 m/s), would be negative, so an object never gets a
 * negative downwind slope. This is the operational Leeway model of the Norwegian Meteorological
 * Institute: Breivik & Allen (2008, J. Marine Systems 69) give the perturbation and its split, and
 * the operational code (carried unchanged into OpenDrift's Leeway model) redraws eps while
 * slope + eps/20 < 0 in the table's units (% and cm/s). eps thus follows a normal distribution
 * truncated below at -2 × 10 m/s × slope (SI); the offset keeps its share eps / 2 of the same draw.
 * Redraw r uses its own counter stream (DrawStream.downwindRedrawBase + r), so the result depends
 * only on (seed, particle index), never on the split among threads.
 */
export function drawDownwindZ(c: LeewayCoefficients, seed: number, g: number): number {
  let z = standardNormal(seed, g, DrawStream.downwind);
  for (let r = 1; c.slope + (z * c.stdDevMps) / (2 * LEEWAY_SPLIT_WIND_MPS) < 0; r++) {
    if (r === MAX_DOWNWIND_DRAWS) return c.stdDevMps > 0 ? (-2 * LEEWAY_SPLIT_WIND_MPS * c.slope) / c.stdDevMps : 0;
    z = standardNormal(seed, g, DrawStream.downwindRedrawBase + r);
  }
  return z;
}

function setPerturbed(slopes: Float32Array, offsets: Float32Array, n: number, c: LeewayCoefficients, z: number): void {
  const epsMps = z * c.stdDevMps;
  slopes[n] = c.slope + epsMps / (2 * LEEWAY_SPLIT_WIND_MPS);
  offsets[n] = c.offsetMps + epsMps / 2;
}
