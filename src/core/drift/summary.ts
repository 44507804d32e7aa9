import type { LonLatDeg } from '../geo/lon_lat.js';
import { EARTH_RADIUS_M } from '../geo/units.js';
import { KERNEL_PRIME_CALLS, PARTICLE_STATUS_NAMES, ParticleStatus } from './particles.js';
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
/** The sums of unitVectors: weighted x, y, z and the weight. */
const sums = new Float64Array(4);
/** What largestAndTotal finds: the largest counted distance and the counted weight. */
const extent = new Float64Array(2);

/**
 * Summarise one snapshot of a run, weighting each particle by `weight`. Hand-written kernel (every
 * output time of 100,000 particles): one pass makes each released particle's unit vector (kept)
 * and the weighted mean vector (the centroid, as weightedCentroid computes it); a second takes
 * each distance from the chord to the centroid, d = 2R·asin(|p − c| / 2), the haversine distance
 * on the same sphere without its trigonometry; the radii come from a weighted histogram.
 *
 * Each pass is a function of its own whose loop is all it does: with the passes in this function,
 * V8 compiled it by on-stack replacement inside the first loop, and every later call left that
 * code after the loop ("insufficient type feedback") and ran the rest in the baseline tier (24
 * deopts in a 25-output run; bench/RESULTS.md, 2026-12-03). And each pass runs over slices of
 * SLICE particles, its running sums carried from slice to slice in a Float64Array (the same
 * additions in the same order, so the same bits): over the whole cloud in one call, V8 still
 * compiled each pass by on-stack replacement and left it after its loop, now at the writes of the
 * sums (--trace-deopt, the CLI bundle, 2026-12-04), so every other call ran in the baseline tier
 * (3.5 and 7.5 ms in turn); a slice function is called often enough to be compiled whole.
 */
export function summariseCloud(snapshot: DriftSnapshot, weight: Float64Array): CloudSummary {
  if (!primed) primeSlices();
  const { lonDeg, latDeg, status } = snapshot;
  const count = status.length;
  if (!scratch || scratch.x.length < count) {
    scratch = { x: new Float64Array(count), y: new Float64Array(count), z: new Float64Array(count), distances: new Float64Array(count) };
  }
  const { x, y, z, distances } = scratch;
  const tally = new Float64Array(PARTICLE_STATUS_NAMES.length);
  unitVectors(lonDeg, latDeg, status, weight, count, x, y, z, tally, sums);
  const sx = sums[0], sy = sums[1], sz = sums[2], total = sums[3];
  const counts = Object.fromEntries(PARTICLE_STATUS_NAMES.map((name, k) => [name, tally[k]])) as Record<(typeof PARTICLE_STATUS_NAMES)[number], number>;
  const norm = Math.hypot(sx, sy, sz);
  if (total === 0 || norm < 1e-12 * total) return { timeS: snapshot.timeS, centroid: null, radius50M: 0, radius90M: 0, counts };
  const centroid = { lonDeg: Math.atan2(sy, sx) / RAD, latDeg: Math.atan2(sz, Math.hypot(sx, sy)) / RAD };
  chordDistances(x, y, z, status, count, sx / norm, sy / norm, sz / norm, distances);
  const [radius50M, radius90M] = weightedRadii(distances, weight, count, 0.5, 0.9);
  return { timeS: snapshot.timeS, centroid, radius50M, radius90M, counts };
}

/** Whether primeSlices has run in this thread. */
let primed = false;

/**
 * The slice functions that store their running sums after their loop, each called
 * KERNEL_PRIME_CALLS times on no particle before the first summary, as primeKernel does for the
 * drift kernels: the stores then have type feedback when V8 compiles the loop on stack within the
 * first real call. Without it that code stopped at the stores ("insufficient type feedback",
 * --trace-deopt) at every later call, and was entered again at the next one: 15-100 times a
 * 25-output run, in the drift thread that summarised (bench/RESULTS.md 2026-12-07).
 */
function primeSlices(): void {
  primed = true;
  const none = new Float64Array(0), noStatus = new Uint8Array(0), tally = new Float64Array(PARTICLE_STATUS_NAMES.length), out = new Float64Array(4);
  for (let k = 0; k < KERNEL_PRIME_CALLS; k++) {
    unitVectorSlice(none, none, noStatus, none, 0, 0, 0, 0, reference, none, none, none, tally, out);
    largestSlice(none, none, 0, 0, out);
  }
}

/** Particles per call of a pass's slice function (see summariseCloud). */
const SLICE = 4096;

/** The first released particle's cos lat, sin lat, cos lon, sin lon (see unitVectors). */
const reference = new Float64Array(4);

/**
 * Each released particle's unit vector into x, y, z; its status counted in `tally`; the weighted
 * sums of the vectors and the weight into `out` (x, y, z, weight).
 */
function unitVectors(
  lonDeg: Float64Array, latDeg: Float64Array, status: Uint8Array, weight: Float64Array, count: number,
  x: Float64Array, y: Float64Array, z: Float64Array, tally: Float64Array, out: Float64Array,
): void {
  // the angles of the first released particle: the others' sines and cosines come from theirs by
  // the angle-sum formulas with short series for the small differences (see SMALL_RAD)
  let ref = 0;
  while (ref < count && status[ref] === ParticleStatus.notReleased) ref++;
  const latRef = ref < count ? latDeg[ref] * RAD : 0, lonRef = ref < count ? lonDeg[ref] * RAD : 0;
  reference[0] = Math.cos(latRef); reference[1] = Math.sin(latRef); reference[2] = Math.cos(lonRef); reference[3] = Math.sin(lonRef);
  out[0] = 0; out[1] = 0; out[2] = 0; out[3] = 0;
  for (let from = 0; from < count; from += SLICE) {
    unitVectorSlice(lonDeg, latDeg, status, weight, from, Math.min(count, from + SLICE), latRef, lonRef, reference, x, y, z, tally, out);
  }
}

/** unitVectors over particles from..to − 1, the sums in `out` carried on. */
function unitVectorSlice(
  lonDeg: Float64Array, latDeg: Float64Array, status: Uint8Array, weight: Float64Array, from: number, to: number,
  latRef: number, lonRef: number, ref: Float64Array, x: Float64Array, y: Float64Array, z: Float64Array, tally: Float64Array, out: Float64Array,
): void {
  let sx = out[0], sy = out[1], sz = out[2], total = out[3];
  const cosLatRef = ref[0], sinLatRef = ref[1], cosLonRef = ref[2], sinLonRef = ref[3];
  for (let i = from; i < to; i++) {
    const st = status[i];
    tally[st]++;
    if (st === ParticleStatus.notReleased) continue;
    const lat = latDeg[i] * RAD, lon = lonDeg[i] * RAD;
    const dLat = lat - latRef, dLon = lon - lonRef;
    // initialised: declared bare they are `undefined` on the path that skips them (not released),
    // which made them tagged values, boxed four times per particle (170 MB of garbage in a
    // 25-output run of 100,000 particles, bench/RESULTS.md 2026-12-03 19:30Z)
    let cosLat = 0, sinLat = 0, cosLon = 0, sinLon = 0;
    if (dLat < SMALL_RAD && dLat > -SMALL_RAD && dLon < SMALL_RAD && dLon > -SMALL_RAD) {
      const cLat = cosSmall(dLat), sLat = sinSmall(dLat), cLon = cosSmall(dLon), sLon = sinSmall(dLon);
      cosLat = cosLatRef * cLat - sinLatRef * sLat;
      sinLat = sinLatRef * cLat + cosLatRef * sLat;
      cosLon = cosLonRef * cLon - sinLonRef * sLon;
      sinLon = sinLonRef * cLon + cosLonRef * sLon;
    } else {
      cosLat = Math.cos(lat); sinLat = Math.sin(lat); cosLon = Math.cos(lon); sinLon = Math.sin(lon);
    }
    const xi = cosLat * cosLon, yi = cosLat * sinLon, zi = sinLat;
    x[i] = xi; y[i] = yi; z[i] = zi;
    const w = weight[i];
    if (!(w > 0)) continue;
    sx += w * xi; sy += w * yi; sz += w * zi;
    total += w;
  }
  out[0] = sx; out[1] = sy; out[2] = sz; out[3] = total;
}

/** Each released particle's distance (m) from the unit vector (cx, cy, cz), −1 for the others. */
function chordDistances(
  x: Float64Array, y: Float64Array, z: Float64Array, status: Uint8Array, count: number, cx: number, cy: number, cz: number, distances: Float64Array,
): void {
  for (let from = 0; from < count; from += SLICE) chordSlice(x, y, z, status, from, Math.min(count, from + SLICE), cx, cy, cz, distances);
}

function chordSlice(
  x: Float64Array, y: Float64Array, z: Float64Array, status: Uint8Array, from: number, to: number, cx: number, cy: number, cz: number, distances: Float64Array,
): void {
  for (let i = from; i < to; i++) {
    if (status[i] === ParticleStatus.notReleased) { distances[i] = -1; continue; }
    const dx = x[i] - cx, dy = y[i] - cy, dz = z[i] - cz;
    const half = Math.sqrt(dx * dx + dy * dy + dz * dz) / 2;
    distances[i] = 2 * EARTH_RADIUS_M * (half < SMALL_CHORD ? asinSmall(half) : Math.asin(Math.min(1, half)));
  }
}

/**
 * Angles below this (radians, 2.9°) take the short series: sin x = x − x³/3! + x⁵/5! − x⁷/7!
 * (next term x⁹/9! ≤ 5e-18) and cos x = 1 − x²/2! + … + x⁸/8! (next ≤ 3e-20), so a particle's
 * sines and cosines differ from Math.sin/Math.cos by a few units in the last place (about 1e-15;
 * a position on the sphere to a few nanometres) at a fifth of the cost: the summaries of a
 * 100,000-particle run's 25 output times took 0.2 s of CPU, 80 % of it in Math.cos/sin/asin.
 * The printed centroids and radii (0.01′, 0.01 NM) are the same; `--json` shows the last digits.
 * Hand-written kernel.
 */
const SMALL_RAD = 0.05;
/** Half-chords below this (a distance of 127 km) take asin's series x + x³/6 + 3x⁵/40 + 5x⁷/112 + 35x⁹/1152 (next term below 1e-21 x). */
const SMALL_CHORD = 0.01;
/**
 * The series' coefficients, −1/3!, 1/5!, … as constants (Horner's form in x²): written as
 * divisions (x2 / 6, …) they were 14 divisions a particle, which V8 cannot turn into
 * multiplications (not exact); 3.2 → 2.75 ms a summary of 100,000 particles, the largest error
 * against Math.sin/Math.cos the same (1.4e-17, 1.1e-16 over a million angles below SMALL_RAD),
 * the same summaries over 400 random clouds (2026-12-06).
 */
const SIN3 = -1 / 6, SIN5 = 1 / 120, SIN7 = -1 / 5040;
const COS2 = -1 / 2, COS4 = 1 / 24, COS6 = -1 / 720, COS8 = 1 / 40320;

function sinSmall(x: number): number {
  const x2 = x * x;
  return x * (1 + x2 * (SIN3 + x2 * (SIN5 + x2 * SIN7)));
}

function cosSmall(x: number): number {
  const x2 = x * x;
  return 1 + x2 * (COS2 + x2 * (COS4 + x2 * (COS6 + x2 * COS8)));
}

function asinSmall(x: number): number {
  const x2 = x * x;
  return x * (1 + x2 * (1 / 6 + x2 * (3 / 40 + x2 * (5 / 112 + x2 * (35 / 1152)))));
}

/** Bins of the radius histogram: the radii are exact to 1/RADIUS_BINS of the largest distance. */
const RADIUS_BINS = 16384;
/** The histogram's bins, kept between calls (zeroed by each). */
const bins = new Float64Array(RADIUS_BINS);
/** What radiusBins finds: the bin where the weight first reaches each fraction (two fractions). */
const found = new Float64Array(2);

/**
 * The radii holding fractions `q0` ≤ `q1` of the weight, from distances (negative: not counted). A
 * weighted histogram instead of a sort, so a summary of 100,000 particles costs a few ms; the
 * answer is the upper edge of the bin where the weight first reaches q (at most 1/16384 of the
 * largest distance too wide). The scan of the bins is a function of its own, with no closure: as
 * a callback of `qs.map` it ran twice a summary, too few times to be compiled, and boxed its
 * running sum at every bin (10 MB of garbage in 25 summaries, `bench/drift_allocations.mjs`'
 * way, 2026-12-06).
 */
function weightedRadii(distances: Float64Array, weight: Float64Array, count: number, q0: number, q1: number): [number, number] {
  largestAndTotal(distances, weight, count, extent);
  const maxM = extent[0], total = extent[1];
  if (total === 0 || maxM === 0) return [0, 0];
  bins.fill(0);
  const scale = (RADIUS_BINS - 1) / maxM;
  binWeights(distances, weight, count, scale, bins);
  radiusBins(bins, q0 * total * (1 - 1e-12), q1 * total * (1 - 1e-12), found);
  return [Math.min(maxM, (found[0] + 1) / scale), Math.min(maxM, (found[1] + 1) / scale)];
}

/** The first bins where the cumulative weight reaches t0 and t1 (t0 ≤ t1) into out[0], out[1]; the last bin when it never does. */
function radiusBins(histogram: Float64Array, t0: number, t1: number, out: Float64Array): void {
  const n = histogram.length;
  out[0] = n - 1; out[1] = n - 1;
  let cumulative = 0, below0 = true;
  for (let b = 0; b < n; b++) {
    cumulative += histogram[b];
    if (below0 && cumulative >= t0) { out[0] = b; below0 = false; }
    if (cumulative >= t1) { out[1] = b; return; }
  }
}

/** The largest counted distance and the counted weight into out[0], out[1] (each loop a function of its own: see summariseCloud). */
function largestAndTotal(distances: Float64Array, weight: Float64Array, count: number, out: Float64Array): void {
  out[0] = 0; out[1] = 0;
  for (let from = 0; from < count; from += SLICE) largestSlice(distances, weight, from, Math.min(count, from + SLICE), out);
}

/** largestAndTotal over from..to − 1, carried on in `out`. */
function largestSlice(distances: Float64Array, weight: Float64Array, from: number, to: number, out: Float64Array): void {
  let maxM = out[0], total = out[1];
  for (let i = from; i < to; i++) {
    if (distances[i] < 0) continue;
    if (distances[i] > maxM) maxM = distances[i];
    total += weight[i];
  }
  out[0] = maxM; out[1] = total;
}

function binWeights(distances: Float64Array, weight: Float64Array, count: number, scale: number, bins: Float64Array): void {
  for (let from = 0; from < count; from += SLICE) binSlice(distances, weight, from, Math.min(count, from + SLICE), scale, bins);
}

function binSlice(distances: Float64Array, weight: Float64Array, from: number, to: number, scale: number, bins: Float64Array): void {
  for (let i = from; i < to; i++) if (distances[i] >= 0) bins[Math.floor(distances[i] * scale)] += weight[i];
}
