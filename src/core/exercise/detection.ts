/**
 * Detection of the truth object along a search track (docs/exercises.md, "Detection"), drawn the
 * way the planner computes POD, so that over many exercises the detections happen as often as the
 * plan promised.
 *
 * The unit and the truth both move linearly between breakpoints (the track's waypoints, the truth
 * track's points, the detection step boundaries), so between consecutive breakpoints the unit's
 * position relative to the truth is a straight segment and the law's detection rate is integrated
 * over it in closed form, with the same formulas, reference speed, frame and near-range floor as
 * core/search/pod.ts (whose file header derives them; Koopman 1946/1980, ch. 2-3):
 *   inverse cube, K = W^2 v / (8 pi):  E = (K T / L) F(s0, s1, d),
 *   exponential, sigma = 2 W, c = W v / (2 pi sigma^2):
 *     E = (c T / L) exp(-d^2 / (2 sigma^2)) sigma sqrt(pi/2) [erf(s1 / (sigma sqrt 2)) - erf(s0 / (sigma sqrt 2))].
 * Exposures add, so the exposures of the steps sum to the exposure searchPod gives a particle on the
 * truth's track, and a step's detection with probability 1 - exp(-dE) (independent draws) gives
 * the planner's POD = 1 - exp(-E) for the whole track. The draws are counter-based
 * (core/drift/random.ts): a pure function of (seed, step index).
 *
 * One pair (unit, truth) per step: written out here rather than by calling searchPod per step,
 * whose set-up for a cloud (a spatial sort, 65,536-entry radix counts) would dominate.
 */
import { DEFAULT_DETECTION_LAW, EXPONENTIAL_SIGMA_PER_SWEEP_WIDTH, erf, type DetectionLaw, type TrackWaypoint } from '../search/index.js';
import { uniform01 } from '../drift/random.js';
import { InvalidInputError } from '../errors.js';
import { knotsToMps, metresToNm, nmToMetres, type LonLatDeg } from '../geo/index.js';
import { fromLocal, localFrame, localXM, localYM, type LocalFrame } from '../probability/index.js';
import type { TruthTrack } from './truth.js';

/** Inputs of detectAlongTrack. */
export interface DetectAlongTrackInput {
  /** The track flown: at least two timed waypoints for any exposure, times non-decreasing (a repeated time is a jump). */
  readonly searchTrack: readonly TrackWaypoint[];
  /** Speed at which W holds, knots; default the track's mean speed while moving (as searchPod). */
  readonly searchSpeedKn?: number;
  readonly truthTrack: TruthTrack;
  /** The unit's corrected sweep width for the truth's object, NM. */
  readonly sweepWidthNm: number;
  /** Default inverse cube (the planner's default). */
  readonly law?: DetectionLaw;
  /** Detection step, seconds: one draw per step of the track from its first waypoint. */
  readonly stepS: number;
  /** Seed of the draws (docs/exercises.md: truth seed + search version). */
  readonly seed: number;
  /** Frame of the computation; default equirectangular about the track's centre, as searchPod's. */
  readonly frame?: LocalFrame;
}

/** A detection: when, where the truth was (what the unit saw), how far abeam. */
export interface Detection {
  /** End of the step in which it was detected, seconds since 1970. */
  readonly timeS: number;
  /** The truth's position at that time. */
  readonly position: LonLatDeg;
  /** The unit's position at that time. */
  readonly unitPosition: LonLatDeg;
  /** Distance from the unit to the truth at that time, NM. */
  readonly lateralRangeNm: number;
  /** Index of the step (0 = the step starting at the track's first waypoint). */
  readonly stepIndex: number;
}

/** Result of detectAlongTrack. */
export interface DetectAlongTrackResult {
  readonly detection: Detection | null;
  /** Exposure of the whole track (POD = 1 - exp(-exposure)), whether or not the object was detected. */
  readonly totalExposure: number;
  /** Exposure up to and including the detection step (the whole track's when not detected). */
  readonly exposureToDetection: number;
  /** Steps drawn (steps with exposure). */
  readonly stepsDrawn: number;
}

/** Draw stream of detections (counter-based draws, core/drift/random.ts). */
const DETECTION_STREAM = 0xde7;

/** Smallest distance kept for the inverse cube's singularity, metres, as in searchPod. */
const MIN_DISTANCE_M = 1;

/**
 * Draw the detection of the truth along a search track (see the file header).
 * @example detectAlongTrack({ searchTrack, truthTrack, sweepWidthNm: 2.5, stepS: 60, seed: 7 }).detection?.timeS
 */
export function detectAlongTrack(input: DetectAlongTrackInput): DetectAlongTrackResult {
  const { searchTrack: wps, truthTrack, stepS, seed } = input;
  const law = input.law ?? DEFAULT_DETECTION_LAW;
  const wNm = input.sweepWidthNm;
  if (!(wNm > 0) || !Number.isFinite(wNm)) throw new InvalidInputError('sweepWidthNm', `${wNm} is not a positive sweep width`);
  if (!(stepS > 0) || !Number.isFinite(stepS)) throw new InvalidInputError('stepS', `${stepS} is not a positive step`);
  if (!Number.isInteger(seed)) throw new InvalidInputError('seed', `${seed} is not a whole number`);
  for (let j = 1; j < wps.length; j++) {
    if (!(wps[j].timeS >= wps[j - 1].timeS)) throw new InvalidInputError(`searchTrack[${j}].timeS`, 'times along a track must not go back');
  }
  const none = { detection: null, totalExposure: 0, exposureToDetection: 0, stepsDrawn: 0 };
  const pts = truthTrack.points;
  if (wps.length < 2 || pts.length === 0) return none;
  const frame = input.frame ?? localFrame(waypointCentre(wps));
  const wx = wps.map((w) => localXM(frame, w.lonDeg)), wy = wps.map((w) => localYM(frame, w.latDeg));
  const px = pts.map((p) => localXM(frame, p.lonDeg)), py = pts.map((p) => localYM(frame, p.latDeg));
  const refSpeedMps = referenceSpeedMps(input.searchSpeedKn, wx, wy, wps);
  if (refSpeedMps === null) return none;   // never moves: no speed at which W holds
  const wM = nmToMetres(wNm);
  const kFactor = (wM * wM * refSpeedMps) / (8 * Math.PI);   // inverse cube K
  const sigma = EXPONENTIAL_SIGMA_PER_SWEEP_WIDTH * wM;
  const cFactor = (wM * refSpeedMps) / (2 * Math.PI * sigma * sigma);   // exponential c

  const t0 = wps[0].timeS;
  const truthFromS = pts[0].timeS, truthToS = pts[pts.length - 1].timeS;
  let k = 0;   // truth interval index
  const truthAt = (t: number): [number, number] => {
    while (k + 1 < pts.length - 1 && pts[k + 1].timeS <= t) k++;
    if (pts.length === 1 || pts[k + 1].timeS === pts[k].timeS) return [px[k], py[k]];
    const f = Math.min(1, Math.max(0, (t - pts[k].timeS) / (pts[k + 1].timeS - pts[k].timeS)));
    return [px[k] + f * (px[k + 1] - px[k]), py[k] + f * (py[k + 1] - py[k])];
  };

  let total = 0, stepExposure = 0, stepIndex = -1, stepsDrawn = 0;
  let detection: Detection | null = null, toDetection = 0;
  // the unit's and truth's positions at the end of the last piece, for a detection in its step
  let lastUx = 0, lastUy = 0, lastPx = 0, lastPy = 0, lastT = 0;
  const closeStep = (): void => {
    if (stepIndex < 0 || !(stepExposure > 0)) return;
    stepsDrawn++;
    if (detection === null) {
      toDetection += stepExposure;
      if (uniform01(seed >>> 0, stepIndex, DETECTION_STREAM) < -Math.expm1(-stepExposure)) {
        const rangeM = Math.hypot(lastUx - lastPx, lastUy - lastPy);
        detection = { timeS: lastT, position: fromLocal(frame, lastPx, lastPy), unitPosition: fromLocal(frame, lastUx, lastUy), lateralRangeNm: metresToNm(rangeM), stepIndex };
      }
    }
  };
  for (let j = 1; j < wps.length; j++) {
    const ta = wps[j - 1].timeS, tb = wps[j].timeS;
    if (!(tb > ta)) continue;
    let t = Math.max(ta, truthFromS);
    const end = Math.min(tb, truthToS);
    while (t < end) {
      const s = Math.floor((t - t0) / stepS);
      let next = Math.min(end, t0 + (s + 1) * stepS);
      // also cut at the truth's next point
      while (k + 1 < pts.length - 1 && pts[k + 1].timeS <= t) k++;
      if (k + 1 < pts.length && pts[k + 1].timeS > t && pts[k + 1].timeS < next) next = pts[k + 1].timeS;
      if (!(next > t)) next = end;   // guards against a step boundary lost to rounding
      if (s !== stepIndex) { closeStep(); stepIndex = s; stepExposure = 0; }
      const fa = (t - ta) / (tb - ta), fb = (next - ta) / (tb - ta);
      const uxa = wx[j - 1] + fa * (wx[j] - wx[j - 1]), uya = wy[j - 1] + fa * (wy[j] - wy[j - 1]);
      const uxb = wx[j - 1] + fb * (wx[j] - wx[j - 1]), uyb = wy[j - 1] + fb * (wy[j] - wy[j - 1]);
      const [pxa, pya] = truthAt(t);
      const [pxb, pyb] = truthAt(next);
      const dtS = next - t;
      const e = law === 'inverse-cube'
        ? inverseCubePiece(kFactor * dtS, uxa - pxa, uya - pya, uxb - pxb, uyb - pyb)
        : gaussianPiece(cFactor * dtS, sigma, uxa - pxa, uya - pya, uxb - pxb, uyb - pyb);
      stepExposure += e;
      total += e;
      lastUx = uxb; lastUy = uyb; lastPx = pxb; lastPy = pyb; lastT = next;
      t = next;
    }
  }
  closeStep();
  return { detection, totalExposure: total, exposureToDetection: detection === null ? total : toDetection, stepsDrawn };
}

/** Exposure of one straight relative segment r0 → r1 (metres) run in time T, inverse cube, KT = K T (pod.ts's kernel for one pair). */
function inverseCubePiece(kt: number, r0x: number, r0y: number, r1x: number, r1y: number): number {
  const vx = r1x - r0x, vy = r1y - r0y;
  const L2 = vx * vx + vy * vy;
  const R0sq = r0x * r0x + r0y * r0y;
  const d2Min = MIN_DISTANCE_M * MIN_DISTANCE_M;
  if (L2 < 1e-12 * (R0sq + 1)) {   // no relative motion: rate constant over the segment
    const R = Math.sqrt(Math.max(R0sq, d2Min));
    return kt / (R * R * R);
  }
  const L = Math.sqrt(L2);
  const s0 = (r0x * vx + r0y * vy) / L;
  const s1 = s0 + L;
  const cross = (r0x * vy - r0y * vx) / L;
  const d2 = Math.max(cross * cross, d2Min);
  const R0 = Math.sqrt(d2 + s0 * s0), R1 = Math.sqrt(d2 + s1 * s1);
  // [s / (d^2 R)] from s0 to s1 through g(s) = 1 / (R (R + |s|)) without cancellation (pod.ts)
  const g0 = 1 / (R0 * (R0 + Math.abs(s0))), g1 = 1 / (R1 * (R1 + Math.abs(s1)));
  const F = s0 >= 0 ? g0 - g1 : s1 <= 0 ? g1 - g0 : 2 / d2 - g0 - g1;
  return (kt / L) * F;
}

/** Exposure of one straight relative segment, exponential law (Gaussian rate), cT = c T. */
function gaussianPiece(ct: number, sigma: number, r0x: number, r0y: number, r1x: number, r1y: number): number {
  const vx = r1x - r0x, vy = r1y - r0y;
  const L2 = vx * vx + vy * vy;
  const inv2s2 = 1 / (2 * sigma * sigma);
  if (L2 < 1e-6 * sigma * sigma) {   // relative motion well under sigma: midpoint rule, as pod.ts
    const mx = 0.5 * (r0x + r1x), my = 0.5 * (r0y + r1y);
    return ct * Math.exp(-(mx * mx + my * my) * inv2s2);
  }
  const L = Math.sqrt(L2);
  const s0 = (r0x * vx + r0y * vy) / L;
  const cross = (r0x * vy - r0y * vx) / L;
  const k = 1 / (sigma * Math.SQRT2);
  return (ct / L) * Math.exp(-cross * cross * inv2s2) * sigma * Math.sqrt(Math.PI / 2) * (erf((s0 + L) * k) - erf(s0 * k));
}

/** The speed at which W holds: given, or the mean speed over ground while moving (as searchPod); null when the unit never moves. */
function referenceSpeedMps(searchSpeedKn: number | undefined, wx: readonly number[], wy: readonly number[], wps: readonly TrackWaypoint[]): number | null {
  if (searchSpeedKn !== undefined) {
    if (!(searchSpeedKn > 0)) throw new InvalidInputError('searchSpeedKn', `${searchSpeedKn} is not a positive speed`);
    return knotsToMps(searchSpeedKn);
  }
  let dist = 0, time = 0;
  for (let j = 1; j < wps.length; j++) {
    const d = Math.hypot(wx[j] - wx[j - 1], wy[j] - wy[j - 1]);
    const dt = wps[j].timeS - wps[j - 1].timeS;
    if (dt > 0 && d > 0) { dist += d; time += dt; }
  }
  return time > 0 ? dist / time : null;
}

/** Centre of the waypoints' bounding box (longitudes about the first waypoint), as searchPod's default frame. */
function waypointCentre(wps: readonly TrackWaypoint[]): LonLatDeg {
  const ref = localFrame(wps[0]);
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const w of wps) {
    const x = localXM(ref, w.lonDeg), y = localYM(ref, w.latDeg);
    minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  const lonDeg = ref.originLonDeg + (0.5 * (minX + maxX)) / ref.metresPerDegLon;
  return { lonDeg: ((((lonDeg + 180) % 360) + 360) % 360) - 180, latDeg: ref.originLatDeg + (0.5 * (minY + maxY)) / ref.metresPerDegLat };
}

/** A planned route as simulatedSearchTrack reads it (a SearchRoute of core/search fits). */
export interface PlannedRoute {
  /** Waypoints with the times the plan gives at `speedKn`. */
  readonly waypoints: readonly TrackWaypoint[];
  readonly speedKn: number;
}

/** Options of simulatedSearchTrack. */
export interface SimulatedSearchOptions {
  /** The speed the unit actually makes good along the route, knots; default the route's. */
  readonly speedKn?: number;
  /** When the unit is at the first waypoint (a late unit starts later); default the route's first time. */
  readonly startTimeS?: number;
  /** Keep only what is flown from this time (e.g. the exercise start)... */
  readonly fromTimeS: number;
  /** ...to this time (the exercise time now, a breakdown, the end of a phase). */
  readonly toTimeS: number;
}

/**
 * The track a unit flies along its planned route at its speed, cut to [fromTimeS, toTimeS]:
 * each leg takes its planned time × planned speed / speed, from startTimeS; positions at the cuts
 * are interpolated along the leg. Fewer than two waypoints when nothing of the route falls in the
 * window (nothing searched).
 * @example simulatedSearchTrack(assignment.route, { fromTimeS: t0, toTimeS: nowS })
 */
export function simulatedSearchTrack(route: PlannedRoute, options: SimulatedSearchOptions): TrackWaypoint[] {
  const w = route.waypoints;
  const speedKn = options.speedKn ?? route.speedKn;
  if (!(speedKn > 0) || !Number.isFinite(speedKn)) throw new InvalidInputError('speedKn', `${speedKn} is not a positive speed`);
  if (!(route.speedKn > 0)) throw new InvalidInputError('route.speedKn', `${route.speedKn} is not a positive speed`);
  if (!(options.toTimeS >= options.fromTimeS)) throw new InvalidInputError('toTimeS', `${options.toTimeS} is before fromTimeS ${options.fromTimeS}`);
  if (w.length === 0) return [];
  const scale = route.speedKn / speedKn;
  const start = options.startTimeS ?? w[0].timeS;
  const timed: TrackWaypoint[] = w.map((p) => ({ lonDeg: p.lonDeg, latDeg: p.latDeg, timeS: start + (p.timeS - w[0].timeS) * scale }));
  const { fromTimeS, toTimeS } = options;
  const at = (a: TrackWaypoint, b: TrackWaypoint, t: number): TrackWaypoint => {
    const f = b.timeS > a.timeS ? (t - a.timeS) / (b.timeS - a.timeS) : 0;
    return { lonDeg: a.lonDeg + f * (b.lonDeg - a.lonDeg), latDeg: a.latDeg + f * (b.latDeg - a.latDeg), timeS: t };
  };
  const out: TrackWaypoint[] = [];
  for (let j = 0; j < timed.length; j++) {
    const p = timed[j];
    if (j > 0) {
      const a = timed[j - 1];
      if (a.timeS < fromTimeS && p.timeS > fromTimeS) out.push(at(a, p, fromTimeS));
      if (a.timeS < toTimeS && p.timeS > toTimeS) { out.push(at(a, p, toTimeS)); break; }
    }
    if (p.timeS >= fromTimeS && p.timeS <= toTimeS) out.push(p);
    if (p.timeS > toTimeS) break;
  }
  return out;
}
