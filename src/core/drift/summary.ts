import type { LonLatDeg } from '../geo/lon_lat.js';
import { distanceM, weightedCentroid } from '../geo/sphere.js';
import { PARTICLE_STATUS_NAMES, ParticleStatus } from './particles.js';
import type { DriftSnapshot } from './run.js';

/** What a coordinator reads first about a particle cloud at one time. */
export interface CloudSummary {
  readonly timeS: number;
  /** Weighted centroid of the released particles (all statuses but `not released`). */
  readonly centroid: LonLatDeg | null;
  /** Radius around the centroid holding 50 % / 90 % of the released particles' weight, metres. */
  readonly radius50M: number;
  readonly radius90M: number;
  /** Particle counts by status name. */
  readonly counts: Readonly<Record<(typeof PARTICLE_STATUS_NAMES)[number], number>>;
}

/** Summarise one snapshot of a run, weighting each particle by `weight`. */
export function summariseCloud(snapshot: DriftSnapshot, weight: Float64Array): CloudSummary {
  const { lonDeg, latDeg, status } = snapshot;
  const count = status.length;
  const counts = Object.fromEntries(PARTICLE_STATUS_NAMES.map((name) => [name, 0])) as Record<(typeof PARTICLE_STATUS_NAMES)[number], number>;
  for (let i = 0; i < count; i++) counts[PARTICLE_STATUS_NAMES[status[i]]]++;
  const released = (i: number): boolean => status[i] !== ParticleStatus.notReleased;
  const mean = weightedCentroid(lonDeg, latDeg, weight, count, released);
  const centroid = mean && { lonDeg: mean.lonDeg, latDeg: mean.latDeg };
  let radius50M = 0, radius90M = 0;
  if (centroid) {
    const distances = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      distances[i] = released(i) ? distanceM(centroid.lonDeg, centroid.latDeg, lonDeg[i], latDeg[i]) : -1;
    }
    [radius50M, radius90M] = weightedRadii(distances, weight, [0.5, 0.9]);
  }
  return { timeS: snapshot.timeS, centroid, radius50M, radius90M, counts };
}

/** Bins of the radius histogram: the radii are exact to 1/RADIUS_BINS of the largest distance. */
const RADIUS_BINS = 16384;

/**
 * The radii holding fractions `qs` of the weight, from distances (negative: not counted). A
 * weighted histogram instead of a sort, so a summary of 100,000 particles costs a few ms; the
 * answer is the upper edge of the bin where the weight first reaches q (at most 1/16384 of the
 * largest distance too wide).
 */
function weightedRadii(distances: Float64Array, weight: Float64Array, qs: readonly number[]): number[] {
  let maxM = 0, total = 0;
  for (let i = 0; i < distances.length; i++) {
    if (distances[i] < 0) continue;
    if (distances[i] > maxM) maxM = distances[i];
    total += weight[i];
  }
  if (total === 0 || maxM === 0) return qs.map(() => 0);
  const bins = new Float64Array(RADIUS_BINS);
  const scale = (RADIUS_BINS - 1) / maxM;
  for (let i = 0; i < distances.length; i++) if (distances[i] >= 0) bins[Math.floor(distances[i] * scale)] += weight[i];
  return qs.map((q) => {
    let cumulative = 0;
    for (let b = 0; b < RADIUS_BINS; b++) {
      cumulative += bins[b];
      if (cumulative >= q * total * (1 - 1e-12)) return Math.min(maxM, (b + 1) / scale);
    }
    return maxM;
  });
}
