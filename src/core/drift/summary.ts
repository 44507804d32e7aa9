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
  const centroid = weightedCentroid(lonDeg, latDeg, weight, count, released);
  let radius50M = 0, radius90M = 0;
  if (centroid) {
    const distances: { d: number; w: number }[] = [];
    let total = 0;
    for (let i = 0; i < count; i++) {
      if (!released(i)) continue;
      distances.push({ d: distanceM(centroid.lonDeg, centroid.latDeg, lonDeg[i], latDeg[i]), w: weight[i] });
      total += weight[i];
    }
    distances.sort((a, b) => a.d - b.d);
    radius50M = weightedQuantile(distances, total, 0.5);
    radius90M = weightedQuantile(distances, total, 0.9);
  }
  return { timeS: snapshot.timeS, centroid, radius50M, radius90M, counts };
}

function weightedQuantile(sorted: readonly { d: number; w: number }[], total: number, q: number): number {
  let cumulative = 0;
  for (const { d, w } of sorted) {
    cumulative += w;
    if (cumulative >= q * total) return d;
  }
  return sorted.length ? sorted[sorted.length - 1].d : 0;
}
