import type { LonLatDeg } from '../geo/lon_lat.js';
import { EARTH_RADIUS_M } from '../geo/units.js';
import { PARTICLE_STATUS_NAMES, ParticleStatus } from './particles.js';
import type { DriftSnapshot } from './run.js';

const RAD = Math.PI / 180;

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

/** Scratch columns of summariseCloud, kept between calls (a run summarises every output time). */
let scratch: { x: Float64Array; y: Float64Array; z: Float64Array; distances: Float64Array } | null = null;

/**
 * Summarise one snapshot of a run, weighting each particle by `weight`. Hand-written kernel (every
 * output time of 100,000 particles): one pass makes each released particle's unit vector (kept)
 * and the weighted mean vector (the centroid, as weightedCentroid computes it); a second takes
 * each distance from the chord to the centroid, d = 2R·asin(|p − c| / 2), the haversine distance
 * on the same sphere without its trigonometry; the radii come from a weighted histogram.
 */
export function summariseCloud(snapshot: DriftSnapshot, weight: Float64Array): CloudSummary {
  const { lonDeg, latDeg, status } = snapshot;
  const count = status.length;
  if (!scratch || scratch.x.length < count) {
    scratch = { x: new Float64Array(count), y: new Float64Array(count), z: new Float64Array(count), distances: new Float64Array(count) };
  }
  const { x, y, z, distances } = scratch;
  const tally = new Array<number>(PARTICLE_STATUS_NAMES.length).fill(0);
  let sx = 0, sy = 0, sz = 0, total = 0;
  for (let i = 0; i < count; i++) {
    const st = status[i];
    tally[st]++;
    if (st === ParticleStatus.notReleased) continue;
    const lat = latDeg[i] * RAD, lon = lonDeg[i] * RAD;
    const cosLat = Math.cos(lat);
    const xi = cosLat * Math.cos(lon), yi = cosLat * Math.sin(lon), zi = Math.sin(lat);
    x[i] = xi; y[i] = yi; z[i] = zi;
    const w = weight[i];
    if (!(w > 0)) continue;
    sx += w * xi; sy += w * yi; sz += w * zi;
    total += w;
  }
  const counts = Object.fromEntries(PARTICLE_STATUS_NAMES.map((name, k) => [name, tally[k]])) as Record<(typeof PARTICLE_STATUS_NAMES)[number], number>;
  const norm = Math.hypot(sx, sy, sz);
  if (total === 0 || norm < 1e-12 * total) return { timeS: snapshot.timeS, centroid: null, radius50M: 0, radius90M: 0, counts };
  const centroid = { lonDeg: Math.atan2(sy, sx) / RAD, latDeg: Math.atan2(sz, Math.hypot(sx, sy)) / RAD };
  const cx = sx / norm, cy = sy / norm, cz = sz / norm;
  for (let i = 0; i < count; i++) {
    if (status[i] === ParticleStatus.notReleased) { distances[i] = -1; continue; }
    const dx = x[i] - cx, dy = y[i] - cy, dz = z[i] - cz;
    distances[i] = 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(dx * dx + dy * dy + dz * dz) / 2));
  }
  const [radius50M, radius90M] = weightedRadii(distances, weight, count, [0.5, 0.9]);
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
function weightedRadii(distances: Float64Array, weight: Float64Array, count: number, qs: readonly number[]): number[] {
  let maxM = 0, total = 0;
  for (let i = 0; i < count; i++) {
    if (distances[i] < 0) continue;
    if (distances[i] > maxM) maxM = distances[i];
    total += weight[i];
  }
  if (total === 0 || maxM === 0) return qs.map(() => 0);
  const bins = new Float64Array(RADIUS_BINS);
  const scale = (RADIUS_BINS - 1) / maxM;
  for (let i = 0; i < count; i++) if (distances[i] >= 0) bins[Math.floor(distances[i] * scale)] += weight[i];
  return qs.map((q) => {
    let cumulative = 0;
    for (let b = 0; b < RADIUS_BINS; b++) {
      cumulative += bins[b];
      if (cumulative >= q * total * (1 - 1e-12)) return Math.min(maxM, (b + 1) / scale);
    }
    return maxM;
  });
}
