import type { BoundsDeg } from '../environment/index.js';
import { InvalidInputError } from '../errors.js';
import { formatPosition } from '../geo/position_text.js';
import { ParticleStatus, type Particles } from './particles.js';
import type { DriftRequest, Shoreline } from './request.js';
import { scenarioOffsets, seedParticles } from './seeding.js';

/**
 * Move every particle seeded on land to the nearest water within `maxMoveM` (Shoreline.nearestWater:
 * just past the nearest shoreline), recording the distance in `seedMoveM`; a particle with no
 * water that close strands where it was seeded: now when it is released, else when its release
 * time comes (stepBlock's release: until then it is `not released`, like the rest of its track,
 * not stranded before it was there). A reported position is often a little inland of
 * the shoreline data (a fix on a skerry, a coarse shoreline, a position error spread across a
 * coast): what a coordinator means is the water next to it. Each particle depends only on its own
 * seeded position, so any split among threads gives the same positions.
 */
export function moveSeedingOffLand(p: Particles, shoreline: Shoreline, maxMoveM: number): void {
  for (let i = 0; i < p.count; i++) {
    if (!shoreline.isLand(p.lonDeg[i], p.latDeg[i])) continue;
    const water = maxMoveM > 0 ? shoreline.nearestWater(p.lonDeg[i], p.latDeg[i], maxMoveM) : null;
    if (water === null) {
      if (p.status[i] === ParticleStatus.active) p.status[i] = ParticleStatus.stranded;
      continue;
    }
    p.lonDeg[i] = water.lonDeg;
    p.latDeg[i] = water.latDeg;
    p.seedMoveM[i] = water.distanceM;
  }
}

/** How many particles were moved off land at seeding, and the longest move (metres). */
export function seedingMovedOffLand(p: Particles): { readonly count: number; readonly maxMoveM: number } {
  let count = 0, maxMoveM = 0;
  for (let i = 0; i < p.count; i++) {
    if (p.seedMoveM[i] > 0) { count++; maxMoveM = Math.max(maxMoveM, p.seedMoveM[i]); }
  }
  return { count, maxMoveM };
}

/** Particles seeded at a time while looking for one in water. */
const BATCH = 256;

/**
 * Refuse a request with a scenario seeded wholly on land, farther than `maxMoveM` from water: a
 * position typed wrong, not a drift. Looks at the whole request, whatever range a thread runs,
 * and stops at a scenario's first particle in water or close enough to it, which is nearly always
 * the first one, so it costs next to nothing when the seeding is right.
 * Throws InvalidInputError naming the scenario's seeding and a position.
 */
export function checkSeedingReachesWater(request: DriftRequest, shoreline: Shoreline, maxMoveM: number): void {
  const offsets = scenarioOffsets(request.scenarios, request.particleCount);
  request.scenarios.forEach((scenario, s) => {
    for (let first = offsets[s]; first < offsets[s + 1]; first += BATCH) {
      const p = seedParticles(request, first, Math.min(BATCH, offsets[s + 1] - first));
      for (let i = 0; i < p.count; i++) {
        if (!shoreline.isLand(p.lonDeg[i], p.latDeg[i])) return;
        if (maxMoveM > 0 && shoreline.nearestWater(p.lonDeg[i], p.latDeg[i], maxMoveM) !== null) return;
      }
    }
    const example = seedParticles(request, offsets[s], 1);
    const count = offsets[s + 1] - offsets[s];
    throw new InvalidInputError(`scenarios[${s}].seeding`,
      `all ${count} particle${count > 1 ? 's' : ''} of scenario '${scenario.name}' are seeded on land (${shoreline.label}), ` +
      `none within ${maxMoveM / 1000} km of water (e.g. ${example.latDeg[0].toFixed(4)}N ${example.lonDeg[0].toFixed(4)}E); ` +
      'check the position (latitude and longitude the right way round, N/S and E/W), or allow a longer move to the nearest water (seedOnLandMaxMoveM, at most 50 km)');
  });
}

/** Whether a point lies in a box (the box may cross the antimeridian: west > east). */
function inBounds(b: BoundsDeg, lonDeg: number, latDeg: number): boolean {
  if (latDeg < b.southDeg || latDeg > b.northDeg) return false;
  const lon = ((((lonDeg - b.westDeg) % 360) + 360) % 360);
  const width = ((((b.eastDeg - b.westDeg) % 360) + 360) % 360) || 360;
  return lon <= width;
}

/**
 * What a coordinator must be told about the reported positions before reading the cloud: a
 * position on land (a typing slip, latitude and longitude swapped, a position inland), and a
 * position outside the coastline's extent (nothing strands there, so the cloud would drift over
 * land without a word). One sentence per position; empty when all is well or there is no
 * coastline (which the run's labels already say).
 */
export function seedingWarnings(request: DriftRequest, shoreline: Shoreline | null): string[] {
  if (!shoreline) return [];
  const warnings: string[] = [];
  for (const scenario of request.scenarios) {
    const s = scenario.seeding;
    const points = s.kind === 'point' ? [['position', s.position] as const] : [['track start', s.from] as const, ['track end', s.to] as const];
    for (const [what, p] of points) {
      const where = `scenario '${scenario.name}': the ${what} ${formatPosition(p)}`;
      if (shoreline.bounds && !inBounds(shoreline.bounds, p.lonDeg, p.latDeg)) {
        const b = shoreline.bounds;
        const extent = shoreline.label.includes(`${b.westDeg}`) ? shoreline.label : `${shoreline.label}: ${b.westDeg}..${b.eastDeg}E, ${b.southDeg}..${b.northDeg}N`;
        warnings.push(`${where} lies outside the coastline's extent (${extent}): ` +
          'particles there never strand and may drift over land; use a coastline that covers it (--coastline gshhg, or coastline: gshhg)');
      } else if (shoreline.isLand(p.lonDeg, p.latDeg)) {
        warnings.push(`${where} is on land (${shoreline.label}): check it (latitude and longitude the right way round, N/S and E/W); ` +
          'particles seeded on land were moved to the nearest water or stranded');
      }
    }
  }
  return warnings;
}
