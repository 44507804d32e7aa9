/**
 * POD per particle from search units' tracks against drifting particles (the SAROPS idea: each
 * particle is searched by the unit's motion relative to it). Both move linearly in time between
 * their breakpoints (track waypoints, drift output times), so between consecutive breakpoints the
 * unit's position relative to a particle is a straight segment, and the detection rate of the
 * law (detection.ts) is integrated over that segment in closed form:
 *
 * Inverse cube, rate K / r^3, K = W^2 v_ref / (8 pi): with the relative segment of length L run in
 * time T, s0 and s1 = s0 + L its ends' abscissae along it and d its distance from the particle,
 *   E = (K T / L) int_{s0}^{s1} ds / (d^2 + s^2)^(3/2) = (K T / L) [s / (d^2 sqrt(d^2 + s^2))]_{s0}^{s1},
 * evaluated without the cancellation of the bracket through g(s) = 1 / (R (R + |s|)), R = sqrt(d^2 + s^2):
 * g0 - g1 when s0 >= 0, g1 - g0 when s1 <= 0, 2 / d^2 - g0 - g1 when the segment passes abeam.
 * Exponential, rate c exp(-r^2 / (2 sigma^2)):
 *   E = (c T / L) exp(-d^2 / (2 sigma^2)) sigma sqrt(pi / 2) [erf(s1 / (sigma sqrt 2)) - erf(s0 / (sigma sqrt 2))].
 * v_ref is the speed at which W holds (the unit's search speed): against a still target on a
 * straight leg this gives the lateral-range curve of detection.ts exactly.
 *
 * Each particle is detected with the sweep width of its own object: a track may give W per
 * scenario index (a raft or a person in the water), and a particle of scenario s gets W_s in K or
 * sigma and c above (IAMSAR Vol. II: the sweep width is a property of the sensor AND the search
 * object; one W for a mixed cloud overstates POD for the smaller object).
 * Exposures add over segments, legs and units; POD = 1 - exp(-E). Integrating the rate over the
 * whole track (rather than taking 1 - prod(1 - p_leg) of per-leg lateral-range curves) counts leg
 * ends, turns and cross legs once and as flown, and follows the particle while it drifts; for
 * infinite straight legs both give the same number.
 *
 * Frame: equirectangular about the tracks' centre (core/probability/local_frame.ts: ~1 % at 30 NM).
 * Cut-off: a particle is skipped for a segment when the relative segment's bounding box stays
 * farther than d_cut from it on one side, d_cut being where the largest exposure the segment could
 * give falls to `cutoffExposure` (default 1e-4): the inverse-cube bound is
 * min(2 K / (v_lo d^2), K T / d^3), v_lo the unit's speed less the fastest particle's; the
 * exponential one min(c T, c sigma sqrt(2 pi) / v_lo) exp(-d^2 / (2 sigma^2)). Each skipped pair
 * loses less than cutoffExposure, so a particle loses at most cutoffExposure x (segments skipped).
 * Spatial index: particles are sorted along a Z-order curve and grouped in blocks of 128 with a
 * bounding box per drift interval, so whole blocks beyond d_cut are skipped at once.
 * Hand-written hot loops (a kernel per law): no allocation per particle.
 */
import { InvalidInputError } from '../errors.js';
import type { LonLatDeg } from '../geo/lon_lat.js';
import { knotsToMps, nmToMetres } from '../geo/units.js';
import { localFrame, localXM, localYM, projectInto, type LocalFrame } from '../probability/local_frame.js';
import { releasedOnly, type StatusFilter } from '../probability/particle_cloud.js';
import { DEFAULT_DETECTION_LAW, EXPONENTIAL_SIGMA_PER_SWEEP_WIDTH, type DetectionLaw } from './detection.js';

/** A point of a unit's track with the time it is there (seconds since 1970-01-01T00:00:00Z). */
export interface TrackWaypoint extends LonLatDeg {
  readonly timeS: number;
}

/** What one search unit did or will do: its timed track and its corrected sweep width. */
export interface SearchTrack {
  readonly unitId: string;
  /** Corrected sweep width W of the unit for the object, NM (sweepWidth() or a manual value). */
  readonly sweepWidthNm: number;
  /**
   * Sweep width per scenario index, NM, when the scenarios' objects differ (a raft or a person in
   * the water): a particle of scenario s (ParticleWeights.scenario) is detected with entry s.
   * Default: sweepWidthNm for every particle.
   */
  readonly sweepWidthByScenarioNm?: readonly number[];
  /** At least two waypoints, times non-decreasing; a repeated time is a jump (not searched). */
  readonly waypoints: readonly TrackWaypoint[];
  /** Speed at which W holds, knots; default the track's mean speed over ground while moving. */
  readonly searchSpeedKn?: number;
}

/** Particle positions at one drift output time; between two times positions are linear in time. */
export interface PositionSnapshot {
  readonly timeS: number;
  readonly lonDeg: Float64Array;
  readonly latDeg: Float64Array;
}

/** The particles' weights and statuses (positions come from the snapshots). */
export interface ParticleWeights {
  readonly count: number;
  readonly weight: Float64Array;
  readonly status?: Uint8Array;
  /**
   * Scenario index of each particle (the drift's `scenario` column): selects the sweep width of
   * the particle's own object in tracks and units that give one per scenario.
   */
  readonly scenario?: Uint16Array;
}

/** Inputs of searchPod. */
export interface SearchPodInput {
  readonly particles: ParticleWeights;
  /** Output times of the drift run, ascending, covering every track time; one snapshot = still targets. */
  readonly snapshots: readonly PositionSnapshot[];
  readonly tracks: readonly SearchTrack[];
  /** Default inverse cube. */
  readonly law?: DetectionLaw;
  /** Particles counted in POS (by status); default all but 'not released'. POD is computed for all. */
  readonly include?: StatusFilter;
  /** Default: equirectangular about the centre of the tracks' waypoints. */
  readonly frame?: LocalFrame;
  /** Largest exposure a skipped particle-segment pair may lose; default 1e-4. */
  readonly cutoffExposure?: number;
}

/** POD per particle per unit and for the whole plan, and the POS they give. */
export interface SearchPodResult {
  readonly unitIds: readonly string[];
  /** Exposure per unit per particle (POD = 1 - exp(-exposure)); exposures of independent units add. */
  readonly unitExposure: readonly Float64Array[];
  /** POD per unit per particle. */
  readonly unitPod: readonly Float64Array[];
  /** POD per particle of all units together: 1 - prod(1 - POD_unit) = 1 - exp(-sum of exposures). */
  readonly pod: Float64Array;
  /** POS per unit: sum over counted particles of weight x POD_unit. */
  readonly unitPos: readonly number[];
  /** POS of the whole search: sum over counted particles of weight x POD. */
  readonly pos: number;
  /** Weight of the counted particles (the POC the search could at most find). */
  readonly countedWeight: number;
  /** Particle-segment pairs integrated and skipped by the cut-off (for benchmarks). */
  readonly pairsIntegrated: number;
  readonly pairsSkipped: number;
}

/**
 * POD per particle, per unit and overall, and POS, for units flying timed tracks over drifting
 * particles (see the file header for the formulas and their sources).
 * @example const r = searchPod({ particles, snapshots, tracks: [{ unitId: 'HELO-1', sweepWidthNm: 1.2, waypoints }] });
 */
export function searchPod(input: SearchPodInput): SearchPodResult {
  const { particles, snapshots, tracks } = input;
  const n = particles.count;
  const law = input.law ?? DEFAULT_DETECTION_LAW;
  const eps = input.cutoffExposure ?? 1e-4;
  if (!(eps > 0 && eps < 1)) throw new InvalidInputError('cutoffExposure', `${eps} is not in (0, 1)`);
  checkSnapshots(snapshots, n);
  if (particles.weight.length < n) throw new InvalidInputError('particles.weight', `has ${particles.weight.length} entries for ${n} particles`);
  tracks.forEach(checkTrack);
  const widths = tracks.map((t, k) => sweepWidthsByParticleGroup(t, `tracks[${k}]`, particles));
  const frame = input.frame ?? localFrame(trackCentre(tracks));
  const sorted = new SortedParticles(frame, snapshots, n, widths.some((w) => w.length > 1) ? particles.scenario! : null);
  let pairsIntegrated = 0, pairsSkipped = 0;
  const unitExposure = tracks.map((track, k) => {
    const sortedExposure = new Float64Array(n);
    const counts = integrateTrack(track, k, widths[k], law, eps, frame, snapshots, sorted, n, sortedExposure);
    pairsIntegrated += counts.integrated;
    pairsSkipped += counts.skipped;
    const exposure = new Float64Array(n);
    for (let p = 0; p < n; p++) exposure[sorted.order[p]] = sortedExposure[p];
    return exposure;
  });
  const mask = new Uint8Array(n);
  let countedWeight = 0;
  for (let i = 0; i < n; i++) {
    mask[i] = particles.status === undefined || (input.include ?? releasedOnly)(particles.status[i]) ? 1 : 0;
    if (mask[i]) countedWeight += particles.weight[i];
  }
  const total = new Float64Array(n);
  const unitPos: number[] = [];
  const unitPod = unitExposure.map((exposure) => {
    const pod = new Float64Array(n);
    let pos = 0;
    for (let i = 0; i < n; i++) {
      pod[i] = -Math.expm1(-exposure[i]);
      total[i] += exposure[i];
      if (mask[i]) pos += particles.weight[i] * pod[i];
    }
    unitPos.push(pos);
    return pod;
  });
  let pos = 0;
  for (let i = 0; i < n; i++) {
    total[i] = -Math.expm1(-total[i]);
    if (mask[i]) pos += particles.weight[i] * total[i];
  }
  return {
    unitIds: tracks.map((t) => t.unitId), unitExposure, unitPod, pod: total, unitPos, pos, countedWeight,
    pairsIntegrated, pairsSkipped,
  };
}

function trackCentre(tracks: readonly SearchTrack[]): LonLatDeg {
  // centre of the waypoints' bounding box (longitudes taken about the first waypoint, so the antimeridian is safe)
  const ref = localFrame(tracks[0].waypoints[0]);
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const t of tracks) for (const w of t.waypoints) {
    const x = localXM(ref, w.lonDeg), y = localYM(ref, w.latDeg);
    minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  const lonDeg = ref.originLonDeg + (0.5 * (minX + maxX)) / ref.metresPerDegLon;
  return { lonDeg: ((((lonDeg + 180) % 360) + 360) % 360) - 180, latDeg: ref.originLatDeg + (0.5 * (minY + maxY)) / ref.metresPerDegLat };
}

function checkSnapshots(snapshots: readonly PositionSnapshot[], n: number): void {
  if (snapshots.length === 0) throw new InvalidInputError('snapshots', 'no particle positions given');
  snapshots.forEach((s, k) => {
    if (s.lonDeg.length < n || s.latDeg.length < n) throw new InvalidInputError(`snapshots[${k}]`, `has fewer than ${n} positions`);
    if (!Number.isFinite(s.timeS)) throw new InvalidInputError(`snapshots[${k}].timeS`, `${s.timeS} is not a time`);
    if (k > 0 && !(s.timeS > snapshots[k - 1].timeS)) throw new InvalidInputError(`snapshots[${k}].timeS`, 'output times must increase');
  });
}

/**
 * The sweep widths a track detects with, NM: one entry when every particle gets sweepWidthNm
 * (no per-scenario widths, or all of them equal), else one per scenario index, checked against the
 * particles' scenario indices.
 */
export function sweepWidthsByParticleGroup(track: { sweepWidthNm: number; sweepWidthByScenarioNm?: readonly number[] }, field: string,
  particles: ParticleWeights): Float64Array {
  const list = track.sweepWidthByScenarioNm;
  if (list === undefined) return Float64Array.of(track.sweepWidthNm);
  list.forEach((w, s) => {
    if (!(w > 0) || !Number.isFinite(w)) throw new InvalidInputError(`${field}.sweepWidthByScenarioNm[${s}]`, `${w} is not a positive sweep width`);
  });
  if (list.every((w) => w === list[0])) return Float64Array.of(list[0]);
  const scenario = particles.scenario;
  if (scenario === undefined || scenario.length < particles.count) {
    throw new InvalidInputError('particles.scenario', `${field} gives a sweep width per scenario, so each particle needs its scenario index`);
  }
  for (let i = 0; i < particles.count; i++) {
    if (scenario[i] >= list.length) {
      throw new InvalidInputError(`${field}.sweepWidthByScenarioNm`, `gives ${list.length} sweep widths, but particle ${i} belongs to scenario ${scenario[i]}`);
    }
  }
  return Float64Array.from(list);
}

function checkTrack(track: SearchTrack, k: number): void {
  const field = `tracks[${k}]`;
  if (!(track.sweepWidthNm > 0) || !Number.isFinite(track.sweepWidthNm)) {
    throw new InvalidInputError(`${field}.sweepWidthNm`, `${track.sweepWidthNm} is not a positive sweep width`);
  }
  if (track.waypoints.length < 2) throw new InvalidInputError(`${field}.waypoints`, 'a track needs at least two waypoints');
  track.waypoints.forEach((w, j) => {
    if (!Number.isFinite(w.timeS) || !Number.isFinite(w.lonDeg) || !Number.isFinite(w.latDeg)) {
      throw new InvalidInputError(`${field}.waypoints[${j}]`, 'position and time must be numbers');
    }
    if (j > 0 && w.timeS < track.waypoints[j - 1].timeS) throw new InvalidInputError(`${field}.waypoints[${j}].timeS`, 'times must not decrease');
  });
  if (track.searchSpeedKn !== undefined && !(track.searchSpeedKn > 0)) {
    throw new InvalidInputError(`${field}.searchSpeedKn`, `${track.searchSpeedKn} is not a positive speed`);
  }
}

/** Particles per block of the spatial index (see SortedParticles). */
const BLOCK_SIZE = 128;

/**
 * The particles re-ordered along a Z-order (Morton) curve of their positions at the first
 * snapshot, so that runs of BLOCK_SIZE consecutive particles sit close together: one bounding box
 * per block and drift interval lets a segment skip whole blocks, and the per-particle test that
 * remains is predictable for the processor. Snapshots are projected into the frame in that order
 * on first use and kept.
 */
class SortedParticles {
  /** order[p] = original index of the particle at sorted position p. */
  readonly order: Uint32Array;
  /** rank[i] = sorted position of original particle i. */
  readonly rank: Uint32Array;
  readonly blockCount: number;
  /** Scenario index of each particle in sorted order, or null when every particle gets the same sweep width. */
  readonly group: Uint16Array | null;
  private readonly xy = new Map<number, { x: Float64Array; y: Float64Array }>();
  private readonly boxes = new Map<number, { box: Float64Array; maxSpeedMps: number }>();
  constructor(private readonly frame: LocalFrame, private readonly snapshots: readonly PositionSnapshot[], private readonly n: number,
    scenario: Uint16Array | null) {
    const x = new Float64Array(n), y = new Float64Array(n);
    projectInto(frame, snapshots[0].lonDeg, snapshots[0].latDeg, n, x, y);
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      if (x[i] < minX) minX = x[i]; if (x[i] > maxX) maxX = x[i];
      if (y[i] < minY) minY = y[i]; if (y[i] > maxY) maxY = y[i];
    }
    const scale = 65535 / Math.max(maxX - minX, maxY - minY, 1e-9);
    const keys = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const qx = Number.isFinite(x[i]) ? Math.floor((x[i] - minX) * scale) : 0;
      const qy = Number.isFinite(y[i]) ? Math.floor((y[i] - minY) * scale) : 0;
      keys[i] = (spread16(qx) | (spread16(qy) << 1)) >>> 0;
    }
    this.order = radixOrder(keys);
    this.rank = new Uint32Array(n);
    for (let p = 0; p < n; p++) this.rank[this.order[p]] = p;
    this.blockCount = Math.ceil(n / BLOCK_SIZE);
    this.group = scenario === null ? null : Uint16Array.from({ length: n }, (_, p) => scenario[this.order[p]]);
  }
  /** Snapshot k projected into the frame, in sorted order. */
  get(k: number): { x: Float64Array; y: Float64Array } {
    let v = this.xy.get(k);
    if (!v) {
      const { n, rank, frame } = this;
      const lon = this.snapshots[k].lonDeg, lat = this.snapshots[k].latDeg;
      const x = new Float64Array(n), y = new Float64Array(n);
      const { originLonDeg, originLatDeg, metresPerDegLon, metresPerDegLat } = frame;
      // read the snapshot in its own order (streaming), write each particle to its sorted place
      for (let i = 0; i < n; i++) {
        const p = rank[i];
        let d = lon[i] - originLonDeg;
        if (d >= 180 || d < -180) d = ((((d + 180) % 360) + 360) % 360) - 180;
        x[p] = d * metresPerDegLon;
        y[p] = (lat[i] - originLatDeg) * metresPerDegLat;
      }
      v = { x, y };
      this.xy.set(k, v);
    }
    return v;
  }
  /**
   * Per block, the bounding box (minX, maxX, minY, maxY, metres) of its particles over snapshots
   * k and kb (kb = k for still targets), and the fastest particle between them (m/s).
   */
  blockBoxes(k: number, kb: number): { box: Float64Array; maxSpeedMps: number } {
    let v = this.boxes.get(k);
    if (!v) {
      const a = this.get(k), b = this.get(kb);
      const box = new Float64Array(4 * this.blockCount);
      let m2 = 0;
      for (let blk = 0; blk < this.blockCount; blk++) {
        let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
        const end = Math.min(this.n, (blk + 1) * BLOCK_SIZE);
        for (let p = blk * BLOCK_SIZE; p < end; p++) {
          const xa = a.x[p], xb = b.x[p], ya = a.y[p], yb = b.y[p];
          if (xa < minX) minX = xa; if (xa > maxX) maxX = xa; if (xb < minX) minX = xb; if (xb > maxX) maxX = xb;
          if (ya < minY) minY = ya; if (ya > maxY) maxY = ya; if (yb < minY) minY = yb; if (yb > maxY) maxY = yb;
          const dx = xb - xa, dy = yb - ya, d2 = dx * dx + dy * dy;
          if (d2 > m2) m2 = d2;
        }
        box[4 * blk] = minX; box[4 * blk + 1] = maxX; box[4 * blk + 2] = minY; box[4 * blk + 3] = maxY;
      }
      const dt = kb > k ? this.snapshots[kb].timeS - this.snapshots[k].timeS : Infinity;
      v = { box, maxSpeedMps: Math.sqrt(m2) / dt };
      this.boxes.set(k, v);
    }
    return v;
  }
}

/** Indices that sort 32-bit keys ascending (stable LSD radix sort, two 16-bit passes: O(n)). */
function radixOrder(keys: Uint32Array): Uint32Array {
  const n = keys.length;
  let from = new Uint32Array(n), to = new Uint32Array(n);
  for (let i = 0; i < n; i++) from[i] = i;
  const count = new Uint32Array(65537);
  for (const shift of [0, 16]) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[((keys[i] >>> shift) & 0xffff) + 1]++;
    for (let b = 1; b <= 65536; b++) count[b] += count[b - 1];
    for (let p = 0; p < n; p++) {
      const i = from[p];
      to[count[(keys[i] >>> shift) & 0xffff]++] = i;
    }
    [from, to] = [to, from];
  }
  return from;
}

/** Spread the low 16 bits of v to the even bits of a 32-bit integer (for Morton codes). */
function spread16(v: number): number {
  v &= 0xffff;
  v = (v | (v << 8)) & 0x00ff00ff;
  v = (v | (v << 4)) & 0x0f0f0f0f;
  v = (v | (v << 2)) & 0x33333333;
  v = (v | (v << 1)) & 0x55555555;
  return v;
}

/** What a kernel needs to know about one straight segment of a unit's track. */
interface Segment {
  uxa: number; uya: number; uxb: number; uyb: number;
  dtS: number; fa: number; fb: number; vLoMps: number;
}

function integrateTrack(track: SearchTrack, trackIndex: number, widthsNm: Float64Array, law: DetectionLaw, eps: number, frame: LocalFrame,
  snapshots: readonly PositionSnapshot[], sorted: SortedParticles, n: number, exposure: Float64Array): { integrated: number; skipped: number } {
  const wps = track.waypoints;
  const wx = wps.map((w) => localXM(frame, w.lonDeg));
  const wy = wps.map((w) => localYM(frame, w.latDeg));
  const t0 = wps[0].timeS, t1 = wps[wps.length - 1].timeS;
  const still = snapshots.length === 1;
  if (!still && (t0 < snapshots[0].timeS || t1 > snapshots[snapshots.length - 1].timeS)) {
    throw new InvalidInputError(`tracks[${trackIndex}].waypoints`,
      `times ${t0}..${t1} s go beyond the drift output times ${snapshots[0].timeS}..${snapshots[snapshots.length - 1].timeS} s`);
  }
  let refSpeedMps: number;
  if (track.searchSpeedKn !== undefined) refSpeedMps = knotsToMps(track.searchSpeedKn);
  else {
    let dist = 0, time = 0;
    for (let j = 1; j < wps.length; j++) {
      const d = Math.hypot(wx[j] - wx[j - 1], wy[j] - wy[j - 1]);
      const dt = wps[j].timeS - wps[j - 1].timeS;
      if (dt > 0 && d > 0) { dist += d; time += dt; }
    }
    if (!(time > 0)) throw new InvalidInputError(`tracks[${trackIndex}]`, 'the unit never moves: give searchSpeedKn');
    refSpeedMps = dist / time;
  }
  const wM = widthsNm.map(nmToMetres);
  const group = wM.length > 1 ? sorted.group : null;
  let integrated = 0, skipped = 0;
  let k = 0; // snapshot interval index
  for (let j = 1; j < wps.length; j++) {
    const ta = wps[j - 1].timeS, tb = wps[j].timeS;
    if (!(tb > ta)) continue;
    // cut the leg at every snapshot time inside it
    let segStart = ta;
    while (segStart < tb) {
      let segEnd = tb;
      let fa = 0, fb = 0, ka = 0, kb = 0;
      if (!still) {
        while (k + 2 < snapshots.length && snapshots[k + 1].timeS <= segStart) k++;
        const sa = snapshots[k].timeS, sb = snapshots[k + 1].timeS;
        if (sb < segEnd) segEnd = sb;
        fa = (segStart - sa) / (sb - sa);
        fb = (segEnd - sa) / (sb - sa);
        ka = k; kb = k + 1;
      }
      const a = sorted.get(ka), b = sorted.get(kb);
      const boxes = sorted.blockBoxes(ka, kb);
      const dtS = segEnd - segStart;
      const ua = (segStart - ta) / (tb - ta), ub = (segEnd - ta) / (tb - ta);
      const seg: Segment = {
        uxa: wx[j - 1] + ua * (wx[j] - wx[j - 1]), uya: wy[j - 1] + ua * (wy[j] - wy[j - 1]),
        uxb: wx[j - 1] + ub * (wx[j] - wx[j - 1]), uyb: wy[j - 1] + ub * (wy[j] - wy[j - 1]),
        dtS, fa, fb, vLoMps: 0,
      };
      seg.vLoMps = Math.max(0, Math.hypot(seg.uxb - seg.uxa, seg.uyb - seg.uya) / dtS - (still ? 0 : boxes.maxSpeedMps));
      const c = law === 'inverse-cube'
        ? inverseCubeSegment(wM, group, refSpeedMps, eps, seg, a.x, a.y, b.x, b.y, boxes.box, n, exposure)
        : gaussianSegment(wM, group, refSpeedMps, eps, seg, a.x, a.y, b.x, b.y, boxes.box, n, exposure);
      integrated += c;
      skipped += n - c;
      segStart = segEnd;
    }
  }
  return { integrated, skipped };
}

/** erf tabulated on [0, 6] every 6/4096 and interpolated linearly: error < 3e-7 (h^2/8 max|erf''|), a few ns instead of tens. */
const ERF_STEP = 6 / 4096;
const ERF_TABLE = (() => {
  const t = new Float64Array(4098);
  for (let k = 0; k < t.length; k++) t[k] = erfSeries(k * ERF_STEP);
  return t;
})();

/** erf by its Taylor series near 0 and its continued fraction beyond (both to ~1e-15), for the table only. */
function erfSeries(x: number): number {
  if (x < 2.5) {
    let term = x, sum = x;
    for (let k = 1; k < 100; k++) {
      term *= (-x * x) / k;
      const add = term / (2 * k + 1);
      sum += add;
      if (Math.abs(add) < 1e-17) break;
    }
    return (2 / Math.sqrt(Math.PI)) * sum;
  }
  // erfc(x) = exp(-x^2) / sqrt(pi) * 1 / (x + (1/2) / (x + 1 / (x + (3/2) / (x + 2 / (x + ...)))))
  let f = x;
  for (let k = 60; k >= 1; k--) f = x + k / 2 / f;
  return 1 - Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

function fastErf(x: number): number {
  const a = x < 0 ? -x : x;
  if (a >= 6) return x < 0 ? -1 : 1;
  const u = a / ERF_STEP;
  const k = u | 0;
  const v = ERF_TABLE[k] + (u - k) * (ERF_TABLE[k + 1] - ERF_TABLE[k]);
  return x < 0 ? -v : v;
}

/** Smallest distance kept for the inverse cube's singularity at r = 0, metres (POD is 1 there anyway). */
const MIN_DISTANCE_M = 1;

/**
 * Kernels take the sweep width per particle group (metres) and each particle's group in sorted
 * order (null: one group); the cut-off is the widest group's, so no pair loses more than eps.
 */
function inverseCubeSegment(wM: Float64Array, group: Uint16Array | null, refSpeedMps: number, eps: number, seg: Segment,
  xa: Float64Array, ya: Float64Array, xb: Float64Array, yb: Float64Array, box: Float64Array, n: number, exposure: Float64Array): number {
  const { uxa, uya, uxb, uyb, fa, fb, dtS, vLoMps } = seg;
  const KTg = new Float64Array(wM.length);
  for (let g = 0; g < wM.length; g++) KTg[g] = ((wM[g] * wM[g] * refSpeedMps) / (8 * Math.PI)) * dtS;
  const K = KTg.reduce((a, b) => Math.max(a, b), 0) / dtS;
  const KT = K * dtS;
  let cut = Math.cbrt(KT / eps);
  if (vLoMps > 0) cut = Math.min(cut, Math.sqrt((2 * K) / (vLoMps * eps)));
  const d2Min = MIN_DISTANCE_M * MIN_DISTANCE_M;
  const uMinX = Math.min(uxa, uxb), uMaxX = Math.max(uxa, uxb), uMinY = Math.min(uya, uyb), uMaxY = Math.max(uya, uyb);
  let done = 0;
  for (let blk = 0, first = 0; first < n; blk++, first += BLOCK_SIZE) {
    if (uMinX - box[4 * blk + 1] > cut || uMaxX - box[4 * blk] < -cut || uMinY - box[4 * blk + 3] > cut || uMaxY - box[4 * blk + 2] < -cut) continue;
    const last = Math.min(n, first + BLOCK_SIZE);
    for (let i = first; i < last; i++) {
      const x0 = xa[i], y0 = ya[i], dx = xb[i] - x0, dy = yb[i] - y0;
      const r0x = uxa - (x0 + fa * dx), r0y = uya - (y0 + fa * dy);
      const r1x = uxb - (x0 + fb * dx), r1y = uyb - (y0 + fb * dy);
      if ((r0x > cut && r1x > cut) || (r0x < -cut && r1x < -cut) || (r0y > cut && r1y > cut) || (r0y < -cut && r1y < -cut)) continue;
      done++;
      const kt = KTg[group === null ? 0 : group[i]];
      const vx = r1x - r0x, vy = r1y - r0y;
      const L2 = vx * vx + vy * vy;
      const R0sq = r0x * r0x + r0y * r0y;
      if (L2 < 1e-12 * (R0sq + 1)) { // no relative motion: rate constant over the segment
        const R = Math.sqrt(Math.max(R0sq, d2Min));
        exposure[i] += kt / (R * R * R);
        continue;
      }
      const L = Math.sqrt(L2);
      const invL = 1 / L;
      const s0 = (r0x * vx + r0y * vy) * invL;
      const s1 = s0 + L;
      const cross = (r0x * vy - r0y * vx) * invL;
      let d2 = cross * cross;
      if (d2 < d2Min) d2 = d2Min;
      const R0 = Math.sqrt(d2 + s0 * s0), R1 = Math.sqrt(d2 + s1 * s1);
      // g = 1 / X, X = R (R + |s|), with one division: g0 - g1 = (X1 - X0) / (X0 X1), and so on
      const X0 = R0 * (R0 + Math.abs(s0)), X1 = R1 * (R1 + Math.abs(s1));
      const P = X0 * X1;
      const F = s0 >= 0 ? (X1 - X0) / P : s1 <= 0 ? (X0 - X1) / P : (2 * P - d2 * (X0 + X1)) / (d2 * P);
      exposure[i] += kt * invL * F;
    }
  }
  return done;
}

function gaussianSegment(wM: Float64Array, group: Uint16Array | null, refSpeedMps: number, eps: number, seg: Segment,
  xa: Float64Array, ya: Float64Array, xb: Float64Array, yb: Float64Array, box: Float64Array, n: number, exposure: Float64Array): number {
  const { uxa, uya, uxb, uyb, fa, fb, dtS, vLoMps } = seg;
  const groups = wM.length;
  const cTg = new Float64Array(groups), inv2s2g = new Float64Array(groups), invS2g = new Float64Array(groups);
  const halfg = new Float64Array(groups), s2g = new Float64Array(groups);
  let cut = 0;
  for (let g = 0; g < groups; g++) {
    const sigma = EXPONENTIAL_SIGMA_PER_SWEEP_WIDTH * wM[g];
    const c = (wM[g] * refSpeedMps) / (2 * Math.PI * sigma * sigma);
    cTg[g] = c * dtS;
    let bound = cTg[g];
    if (vLoMps > 0) bound = Math.min(bound, (c / vLoMps) * sigma * Math.sqrt(2 * Math.PI));
    if (bound > eps) cut = Math.max(cut, sigma * Math.sqrt(2 * Math.log(bound / eps)));
    s2g[g] = sigma * sigma;
    inv2s2g[g] = 1 / (2 * sigma * sigma);
    invS2g[g] = 1 / (sigma * Math.SQRT2);
    halfg[g] = sigma * Math.sqrt(Math.PI / 2);
  }
  const uMinX = Math.min(uxa, uxb), uMaxX = Math.max(uxa, uxb), uMinY = Math.min(uya, uyb), uMaxY = Math.max(uya, uyb);
  let done = 0;
  for (let blk = 0, first = 0; first < n; blk++, first += BLOCK_SIZE) {
    if (uMinX - box[4 * blk + 1] > cut || uMaxX - box[4 * blk] < -cut || uMinY - box[4 * blk + 3] > cut || uMaxY - box[4 * blk + 2] < -cut) continue;
    const last = Math.min(n, first + BLOCK_SIZE);
    for (let i = first; i < last; i++) {
      const x0 = xa[i], y0 = ya[i], dx = xb[i] - x0, dy = yb[i] - y0;
      const r0x = uxa - (x0 + fa * dx), r0y = uya - (y0 + fa * dy);
      const r1x = uxb - (x0 + fb * dx), r1y = uyb - (y0 + fb * dy);
      if ((r0x > cut && r1x > cut) || (r0x < -cut && r1x < -cut) || (r0y > cut && r1y > cut) || (r0y < -cut && r1y < -cut)) continue;
      done++;
      const g = group === null ? 0 : group[i];
      const cT = cTg[g], inv2s2 = inv2s2g[g], invS2 = invS2g[g];
      const vx = r1x - r0x, vy = r1y - r0y;
      const L2 = vx * vx + vy * vy;
      if (L2 < 1e-6 * s2g[g]) { // relative motion well under sigma: midpoint rule
        const mx = 0.5 * (r0x + r1x), my = 0.5 * (r0y + r1y);
        exposure[i] += cT * Math.exp(-(mx * mx + my * my) * inv2s2);
        continue;
      }
      const L = Math.sqrt(L2);
      const invL = 1 / L;
      const s0 = (r0x * vx + r0y * vy) * invL;
      const cross = (r0x * vy - r0y * vx) * invL;
      exposure[i] += cT * invL * Math.exp(-cross * cross * inv2s2) * halfg[g] * (fastErf((s0 + L) * invS2) - fastErf(s0 * invS2));
    }
  }
  return done;
}
