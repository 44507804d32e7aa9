/**
 * The IAMSAR allocation, done as the manual teaches it: the yardstick of the optimiser, and a plan
 * the optimiser returns when it does no better (optimal_allocation.ts).
 *
 * IAMSAR Manual Vol. II, chapter 4 ("Optimal search effort allocation") and appendix D (the
 * "Search effort allocation" worksheet), for a point datum:
 * 1. datum: the weighted centroid of the counted particles at the plan's mean search time (the
 *    mean of the units' mid-search times); E, the total probable error: the radius about it
 *    holding 50 % of the counted weight (the probable error of a circular normal position);
 * 2. effort of each unit Z_i = W_i V_i T_i (sweep width, search speed, endurance on scene), the
 *    total available effort Z_ta = sum Z_i, previous searches' effort added for the cumulative
 *    relative effort Z_rc = (Z_ta + Z_previous) / E^2;
 * 3. the optimal search factor fs_o and the optimal coverage factor from Z_rc, for ideal search
 *    conditions (inverse cube law) or normal ones (exponential law): the figures "Optimal search
 *    factors for point datums" / "Optimal coverage factors", computed in optimal_search_factor.ts;
 * 4. the optimum search radius R_o = fs_o E and the area A = (2 R_o)^2, a square about the datum,
 *    its length along the cloud's major axis (IAMSAR: tracks along the major axis of the area);
 *    this search's coverage C = Z_ta / A (with previous effort, the area grows with the cumulative
 *    effort and this search's coverage is less than the optimum for its effort alone);
 * 5. the square is cut into strips along that axis, one per unit, each strip's area proportional
 *    to the unit's effort (A_i = Z_i / C_i), so every unit spends its whole endurance at the same
 *    coverage (a strip is lengthened past the square by what a whole number of tracks leaves
 *    over, so the pattern spends all of it). A unit whose turns forbid so close a spacing (S >= 2 r with its tracks in order,
 *    r interleaved: turns.ts; the baseline is laid out both ways where that differs, and the better
 *    kept, as it keeps the better orientation) or whose C would pass its coverage cap (max_coverage.ts: 2 for the inverse cube, 4.41 for the exponential law) flies at its own limit C_i and gets the area Z_i / C_i, so it still spends its
 *    endurance (the area then is larger than A_o). The most capable units (highest C_i, then
 *    effort) take the middle strips, where the probability is highest (IAMSAR: assign the best
 *    equipped SRUs to the most probable areas);
 * 6. patterns as IAMSAR assigns them: a parallel sweep (PS) with tracks along each strip, a
 *    creeping line (CS) for a unit that cannot fly a PS; a single unit that may fly an expanding
 *    square (SS) on a compact datum (the cloud's 90 % radius no more than twice its 50 % radius,
 *    a point datum whose position is known within close limits) flies the SS: CSP at the datum,
 *    first leg into the wind when the wind is known (IAMSAR Vol. II ch. 5, expanding square);
 * 7. land: a strip whose tracks would come inside the unit's clearance of land is cut back by the
 *    optimiser's rule (tracks_on_land.ts clipClearOfLand), so the comparison stays fair.
 */
import { InvalidInputError } from '../../errors.js';
import { METRES_PER_NM } from '../../geo/units.js';
import { weightedDatum, type Datum } from '../../probability/datum.js';
import { fromLocal, localFrame, localXM, localYM, type LocalFrame } from '../../probability/local_frame.js';
import { releasedOnly } from '../../probability/particle_cloud.js';
import { DEFAULT_DETECTION_LAW, type DetectionLaw } from '../detection.js';
import type { ParticleWeights, PositionSnapshot } from '../pod.js';
import type { Shoreline } from '../../drift/request.js';
import { checkAllocationUnits, closestSpacingOf, interleavedSpacingOf, minimumSpacingOf, searchEndS, unitClearanceNm, type AllocationUnit } from './allocation_unit.js';
import { rectangleInFrame, rectangleOnEarth, type AreaOnEarth, type FrameRectangle } from './frame_rectangle.js';
import { clipClearOfLand, lineClearanceM } from './tracks_on_land.js';
import { areaRoute } from './area_route.js';
import { assignmentsClearOfLand } from './issued_clearance.js';
import { positionsAt } from './cell_cloud.js';
import { evaluateAssignments, type PlanningOptions, type SearchPlan, type UnitAssignment } from './search_plan.js';
import { fitTrackSpacing, type AreaPattern } from './track_spacing_fit.js';
import { INTERLEAVED_MIN_TRACKS } from '../turns.js';
import { lawMaxCoverage } from './max_coverage.js';
import { PLACING_PARTICLES, placingSample } from './placing_sample.js';
import { optimalSearchFactor, searchConditionsOf, type SearchConditions } from './optimal_search_factor.js';

/** The IAMSAR plan with the numbers that made it. */
export interface IamsarBaselinePlan extends SearchPlan, IamsarNumbers {
  /**
   * False when a strip could not be cut back until its unit keeps its clearance from land
   * (tracks_on_land.ts, clipClearOfLand): the baseline is then shown for comparison but never
   * issued, however high its POS (it would send a unit over or too close to land).
   */
  readonly clearOfLand: boolean;
}

/** The worksheet's numbers (file header, steps 1-4). */
export interface IamsarNumbers {
  /** True when turn-limited units were given spacings down to r, their legs interleaved (IamsarBaselineOptions.interleave). */
  readonly interleave: boolean;
  readonly datum: Datum;
  /** Time of the datum (mean mid-search time), seconds since 1970. */
  readonly datumTimeS: number;
  /** Total probable error E (50 % radius), NM. */
  readonly probableErrorNm: number;
  /** Total available effort Z_ta = sum W V T, NM^2. */
  readonly effortNm2: number;
  /** Cumulative relative effort Z_rc = (Z_ta + previous) / E^2. */
  readonly relativeEffort: number;
  readonly conditions: SearchConditions;
  /** The optimal search factor fs_o (the optimum search radius is fs_o E). */
  readonly safetyFactor: number;
  /** The coverage factor of this search, Z_ta / (2 fs_o E)^2. */
  readonly coverage: number;
  /** Side of the square, 2 fs_o E, NM. */
  readonly sideNm: number;
}

/** Options of iamsarBaseline. */
export interface IamsarBaselineOptions extends PlanningOptions {
  /** Effort of the searches already done, NM^2 (sum W x track length), for the cumulative relative effort. Default 0. */
  readonly previousEffortNm2?: number;
  /** A search factor set by hand (overrides the optimal one). */
  readonly safetyFactor?: number;
  /** When given, each strip is clipped until its tracks keep the unit's clearance from land (tracks_on_land.ts). */
  readonly shoreline?: Shoreline | null;
  /** Direction the wind blows from, degrees true, when known: an expanding square's first leg goes into it. */
  readonly windFromDeg?: number;
  /**
   * Turn-limited units may fly their PS or CS legs interleaved (turns.ts), so closer than 2 r: the
   * square's coverage then binds them down to S = r. Default false (S >= 2 r); iamsarBaseline
   * tries both where it makes a difference and keeps the better.
   */
  readonly interleave?: boolean;
  /**
   * Bearing of the strips' length, degrees true. Default: iamsarSquare lays them along the cloud's
   * major axis; iamsarBaseline tries that axis, across it, north and east and keeps the best.
   */
  readonly orientationDeg?: number;
}

/** One unit's part of the IAMSAR layout, before its route is laid out. */
export interface IamsarStrip {
  readonly pattern: AreaPattern;
  /** The strip (PS, CS) or square (SS) on the Earth; for SS its centre is the CSP and its orientation the first leg. */
  readonly area: AreaOnEarth;
  /** The unit's coverage factor there. */
  readonly coverage: number;
}

/** The IAMSAR square and its strips. */
export interface IamsarSquare extends IamsarNumbers {
  /** One area per unit, in the units' order. */
  readonly strips: readonly IamsarStrip[];
  /** The frame about the datum the strips were laid out in. */
  readonly frame: LocalFrame;
}

/** A compact datum for the expanding square: the 90 % radius at most this many times the 50 % radius. */
const COMPACT_RADIUS_RATIO = 2;

/**
 * What the IAMSAR layout reads of the cloud (file header, step 1): the datum at the mean
 * mid-search time, the probable error E, whether the datum is compact (for an SS), and the bearing
 * of the major axis. The same for every orientation and spacing rule iamsarBaseline tries, so it
 * makes them once (each took a projection, a weighted centroid and a sort of every particle: 1.5 s
 * of a 2.4 s baseline at 100,000 particles, bench/RESULTS.md 2026-12-06).
 */
export interface IamsarCloud {
  readonly datumTimeS: number;
  readonly datum: Datum;
  readonly frame: LocalFrame;
  readonly probableErrorNm: number;
  readonly compact: boolean;
  /** Bearing of the major axis from north, radians (the covariance's eigenvector). */
  readonly majorAxisRad: number;
}

/** The cloud as the IAMSAR layout reads it (IamsarCloud), for `units`' mean mid-search time. */
export function iamsarCloud(particles: ParticleWeights, snapshots: readonly PositionSnapshot[], units: readonly AllocationUnit[],
  include: (status: number) => boolean = releasedOnly): IamsarCloud {
  const n = particles.count;
  const datumTimeS = units.reduce((s, u) => s + 0.5 * (u.arrivalTimeS + searchEndS(u)), 0) / units.length;
  const frame0 = localFrame({ lonDeg: snapshots[0].lonDeg[0], latDeg: snapshots[0].latDeg[0] });
  const at = positionsAt(frame0, snapshots, datumTimeS, n);
  const lonDeg = new Float64Array(n), latDeg = new Float64Array(n);
  for (let i = 0; i < n; i++) { const p = fromLocal(frame0, at.x[i], at.y[i]); lonDeg[i] = p.lonDeg; latDeg[i] = p.latDeg; }
  const datum = weightedDatum({ count: n, lonDeg, latDeg, weight: particles.weight, status: particles.status }, include);
  const frame = localFrame(datum);
  // E (50 % radius) and the 90 % radius about the datum; the weighted second moments for the major axis
  // (typed columns and a sort of indices, not an object a particle: the same order, ties kept in
  // particle order as the stable sort of the objects kept them)
  const distM = new Float64Array(n), weightOf = new Float64Array(n);
  let m = 0, total = 0, sxx = 0, syy = 0, sxy = 0;
  for (let i = 0; i < n; i++) {
    if (particles.status !== undefined && !include(particles.status[i])) continue;
    const w = particles.weight[i];
    if (!(w > 0)) continue;
    const x = localXM(frame, lonDeg[i]), y = localYM(frame, latDeg[i]);
    distM[m] = Math.hypot(x, y); weightOf[m] = w; m++;
    total += w; sxx += w * x * x; syy += w * y * y; sxy += w * x * y;
  }
  const order = new Uint32Array(m);
  for (let k = 0; k < m; k++) order[k] = k;
  order.sort((a, b) => distM[a] - distM[b] || a - b);
  const radiusHolding = (share: number): number => {
    let acc = 0;
    for (let k = 0; k < m; k++) { acc += weightOf[order[k]]; if (acc >= share * total) return distM[order[k]]; }
    return m > 0 ? distM[order[m - 1]] : 0;
  };
  return {
    datumTimeS, datum, frame,
    probableErrorNm: Math.max(radiusHolding(0.5) / METRES_PER_NM, 0.05),
    compact: radiusHolding(0.9) <= COMPACT_RADIUS_RATIO * radiusHolding(0.5),
    majorAxisRad: 0.5 * Math.atan2(2 * sxy, syy - sxx),
  };
}

/**
 * The IAMSAR layout (file header, steps 1-6): the optimal square about the datum and each unit's
 * strip; `cloud` the cloud's reading when the caller has it already (iamsarCloud of the same
 * particles, snapshots, units and `options.include`).
 * @example iamsarSquare(particles, snapshots, units).safetyFactor // fs_o from the relative effort
 */
export function iamsarSquare(particles: ParticleWeights, snapshots: readonly PositionSnapshot[], units: readonly AllocationUnit[],
  options: IamsarBaselineOptions = {}, cloud?: IamsarCloud): IamsarSquare {
  checkAllocationUnits(units);
  const previous = options.previousEffortNm2 ?? 0;
  if (!(Number.isFinite(previous) && previous >= 0)) throw new InvalidInputError('previousEffortNm2', `must be a number >= 0, got ${String(previous)}`);
  if (options.safetyFactor !== undefined && !(options.safetyFactor > 0)) throw new InvalidInputError('safetyFactor', `${options.safetyFactor} is not a factor > 0`);
  const { datumTimeS, datum, frame, probableErrorNm, compact, majorAxisRad } = cloud ?? iamsarCloud(particles, snapshots, units, options.include ?? releasedOnly);
  const axisRad = options.orientationDeg === undefined ? majorAxisRad : (options.orientationDeg * Math.PI) / 180;

  const law = options.law ?? DEFAULT_DETECTION_LAW;
  const conditions = searchConditionsOf(law);
  const trackNm = units.map((u) => u.speedKn * u.enduranceH);
  const effort = units.map((u, k) => u.sweepWidthNm * trackNm[k]);
  const effortNm2 = effort.reduce((a, b) => a + b, 0);
  const relativeEffort = (effortNm2 + previous) / (probableErrorNm * probableErrorNm);
  const fs = options.safetyFactor ?? optimalSearchFactor(relativeEffort, conditions).searchFactor;
  const sideNm = 2 * fs * probableErrorNm;
  const coverage = effortNm2 / (sideNm * sideNm);

  const patternOf = (u: AllocationUnit): AreaPattern => (u.patterns.includes('PS') ? 'PS' : u.patterns.includes('CS') ? 'CS' : 'SS');
  // a unit's coverage: the square's, or less where its turns or its coverage cap (max_coverage.ts) forbid closer tracks
  const interleave = options.interleave ?? false;
  const coverageOf = (u: AllocationUnit, pattern: AreaPattern): number => {
    const sMin = interleave ? closestSpacingOf(u, pattern) : minimumSpacingOf(u, pattern);
    return Math.min(coverage, lawMaxCoverage(law), sMin > 0 ? u.sweepWidthNm / sMin : Infinity);
  };
  if (units.length === 1 && units[0].patterns.includes('SS') && compact) {
    const u = units[0];
    const c = coverageOf(u, 'SS');
    const side = Math.sqrt(effort[0] / c);
    const first = options.windFromDeg ?? bearingDeg(axisRad);
    return {
      datum, datumTimeS, probableErrorNm, effortNm2, relativeEffort, conditions, safetyFactor: fs, coverage, sideNm, frame, interleave,
      strips: [{ pattern: 'SS', area: { centre: { lonDeg: datum.lonDeg, latDeg: datum.latDeg }, lengthNm: side, widthNm: side, orientationDeg: ((first % 360) + 360) % 360 }, coverage: c }],
    };
  }
  const pattern = units.map(patternOf);
  const unitCoverage = units.map((u, k) => coverageOf(u, pattern[k]));
  const widthNm = units.map((_, k) => effort[k] / unitCoverage[k] / sideNm);
  // the most capable in the middle: sorted by coverage then effort, the first strip centred on the
  // datum, each next one beside the strips so far, on the right and left in turn
  const rank = units.map((_, k) => k).sort((a, b) => unitCoverage[b] - unitCoverage[a] || effort[b] - effort[a] || a - b);
  const ux = Math.sin(axisRad), uy = Math.cos(axisRad);   // along the strips
  const vx = uy, vy = -ux;                                  // across them
  const strips: IamsarStrip[] = new Array(units.length);
  let leftNm = -widthNm[rank[0]] / 2, rightNm = widthNm[rank[0]] / 2;
  rank.forEach((k, r) => {
    let midNm = 0;
    if (r > 0 && r % 2 === 1) { midNm = rightNm + widthNm[k] / 2; rightNm += widthNm[k]; }
    else if (r > 0) { midNm = leftNm - widthNm[k] / 2; leftNm -= widthNm[k]; }
    const mid = midNm * METRES_PER_NM;
    // a whole number of tracks rarely spends the endurance exactly: the strip is lengthened until it does
    const fit = pattern[k] === 'PS' ? fitTrackSpacing('PS', sideNm, widthNm[k], trackNm[k], minimumSpacingOf(units[k], 'PS'), interleave ? interleavedSpacingOf(units[k], 'PS') : 0) : null;
    const lengthNm = fit ? Math.max(sideNm, (trackNm[k] + fit.trackSpacingNm) / fit.count) : sideNm;
    const rect: FrameRectangle = { cxM: mid * vx, cyM: mid * vy, alongHalfM: (lengthNm * METRES_PER_NM) / 2, acrossHalfM: (widthNm[k] * METRES_PER_NM) / 2, bearingRad: axisRad };
    const area = rectangleOnEarth(frame, rect);
    strips[k] = { pattern: pattern[k], coverage: unitCoverage[k], area: pattern[k] === 'SS' ? squareOf(area) : area };
  });
  return { datum, datumTimeS, probableErrorNm, effortNm2, relativeEffort, conditions, safetyFactor: fs, coverage, sideNm, frame, strips, interleave };
}

/** The square of the same area about a strip's centre (a unit that can fly only an SS). */
function squareOf(area: AreaOnEarth): AreaOnEarth {
  const side = Math.sqrt(area.lengthNm * area.widthNm);
  return { ...area, lengthNm: side, widthNm: side };
}

/**
 * The track spacing of a unit over an area: the one that spends its endurance there
 * (track_spacing_fit.ts), never closer than its turns allow (S >= 2 r, or r with `interleave` and 4
 * tracks or more: turns.ts) nor than its coverage cap under `law` (max_coverage.ts; it then
 * finishes early), and no wider than the area's length allows.
 */
export function iamsarSpacingNm(unit: AllocationUnit, pattern: AreaPattern, lengthNm: number, widthNm: number, law: DetectionLaw,
  interleave = false): { spacingNm: number; count: number } {
  const minSpacingNm = minimumSpacingOf(unit, pattern), interleavedNm = interleave ? interleavedSpacingOf(unit, pattern) : 0;
  const fit = fitTrackSpacing(pattern, lengthNm, widthNm, unit.speedKn * unit.enduranceH, minSpacingNm, interleavedNm);
  const across = pattern === 'CS' ? lengthNm : widthNm, along = pattern === 'CS' ? widthNm : lengthNm;
  let s = fit ? fit.trackSpacingNm : across / Math.max(1, Math.ceil(across / unit.sweepWidthNm - 1e-9));
  // closer than the turns allow one track after another only interleaved, which needs INTERLEAVED_MIN_TRACKS tracks
  s = Math.max(s, unit.sweepWidthNm / lawMaxCoverage(law), interleavedNm > 0 ? interleavedNm : minSpacingNm);
  if (s < minSpacingNm && Math.ceil(across / s - 1e-9) < INTERLEAVED_MIN_TRACKS) s = minSpacingNm;
  if (pattern !== 'SS' && !(along > s)) s = along / 2;
  const count = pattern === 'SS' ? Math.max(1, Math.round(lengthNm / s)) : Math.max(1, Math.ceil(across / s - 1e-9));
  return { spacingNm: s, count };
}

/**
 * The IAMSAR baseline plan for `units` over the particles (see the file header), with its exact POS.
 * @example iamsarBaseline(particles, snapshots, units).pos
 */
export function iamsarBaseline(particles: ParticleWeights, snapshots: readonly PositionSnapshot[], units: readonly AllocationUnit[],
  options: IamsarBaselineOptions = {}): IamsarBaselinePlan {
  // IAMSAR leaves the area's orientation to the planner: along the major axis of the probability
  // (tracks along it), across it, north-up or east-west; with land about, the one land cuts least
  // A turn-limited unit's legs in order (S >= 2 r) or interleaved (down to r, turns.ts): the square's
  // coverage may ask it for a spacing only the second allows; both are flyable, so both are tried
  // where they differ, and the better kept (interleaving narrows its strip: better on a compact
  // cloud, worse where the probability is spread wide).
  checkAllocationUnits(units);
  const cloud = iamsarCloud(particles, snapshots, units, options.include ?? releasedOnly);
  // the worksheet's numbers from every particle; the variants compared on the placing sample when
  // the cloud is large (placing_sample.ts), the one kept scored on every particle
  const sample = placingSample(particles, snapshots, options.placingParticles ?? PLACING_PARTICLES, options.include ?? releasedOnly);
  const best = bestVariant(sample?.particles ?? particles, sample?.snapshots ?? snapshots, units, options, cloud);
  const scored = sample === null ? best : { ...best, ...evaluateAssignments(particles, snapshots, best.assignments, options) };
  // each route kept its clearance as flown (the quick test's frame parts from the route's sheet:
  // issued_clearance.ts), the strips kept apart; scored again when one was moved
  if (!options.shoreline) return scored;
  const { assignments, moved } = assignmentsClearOfLand(scored.assignments, units, options.shoreline, cloud.frame);
  return moved.length === 0 ? scored : { ...scored, ...evaluateAssignments(particles, snapshots, assignments, options) };
}

/** iamsarBaseline's variants (orientations, legs in order or interleaved), the one of highest exact POS on these particles. */
function bestVariant(particles: ParticleWeights, snapshots: readonly PositionSnapshot[], units: readonly AllocationUnit[],
  options: IamsarBaselineOptions, cloud: IamsarCloud): IamsarBaselinePlan {
  const variants = (o: IamsarBaselineOptions): IamsarSquare[] => {
    const inOrder = iamsarSquare(particles, snapshots, units, { ...o, interleave: false }, cloud);
    if (options.interleave !== undefined || !units.some((u) => interleavedSpacingOf(u, 'PS') > 0)) {
      return [options.interleave ? iamsarSquare(particles, snapshots, units, o, cloud) : inOrder];
    }
    const interleaved = iamsarSquare(particles, snapshots, units, { ...o, interleave: true }, cloud);
    return interleaved.strips.every((x, k) => x.coverage === inOrder.strips[k].coverage) ? [inOrder] : [inOrder, interleaved];
  };
  const lay = (square: IamsarSquare): IamsarBaselinePlan => laidOut(particles, snapshots, units, square, { ...options, interleave: square.interleave });
  // the one land cuts least: a layout clear of land before any that is not, then the higher POS
  const better = (plan: IamsarBaselinePlan, than: IamsarBaselinePlan): boolean =>
    plan.clearOfLand !== than.clearOfLand ? plan.clearOfLand : plan.pos > than.pos;
  const firsts = variants(options);
  let best = lay(firsts[0]);
  for (const v of firsts.slice(1)) { const plan = lay(v); if (better(plan, best)) best = plan; }
  if (options.orientationDeg !== undefined || firsts[0].strips[0].pattern === 'SS') return best;
  const axisDeg = firsts[0].strips[0].area.orientationDeg % 180;
  const tried = [axisDeg];
  for (const o of [(axisDeg + 90) % 180, 0, 90]) {
    if (tried.some((d) => Math.abs(d - o) < 1 || Math.abs(d - o) > 179)) continue;
    tried.push(o);
    for (const v of variants({ ...options, orientationDeg: o })) { const plan = lay(v); if (better(plan, best)) best = plan; }
  }
  return best;
}

/** The routes of an IAMSAR layout, strips clipped clear of land, and their exact POS. */
function laidOut(particles: ParticleWeights, snapshots: readonly PositionSnapshot[], units: readonly AllocationUnit[], square: IamsarSquare,
  options: IamsarBaselineOptions): IamsarBaselinePlan {
  const shoreline = options.shoreline ?? null;
  const law = options.law ?? DEFAULT_DETECTION_LAW;
  const interleave = options.interleave ?? false;
  let clearOfLand = true;
  const assignments: UnitAssignment[] = units.map((unit, k) => {
    const { pattern } = square.strips[k];
    let area = square.strips[k].area;
    if (shoreline) {
      // clipped by the optimiser's rule: the strip cut back until its tracks keep the unit's clearance
      const frame = localFrame(area.centre);
      const clipped = clipClearOfLand(rectangleInFrame(frame, area), pattern,
        (r) => iamsarSpacingNm(unit, pattern, (2 * r.alongHalfM) / METRES_PER_NM, (2 * r.acrossHalfM) / METRES_PER_NM, law, interleave).spacingNm, frame, shoreline,
        lineClearanceM(unitClearanceNm(unit), unit.turnRadiusNm ?? 0));
      if (clipped) area = rectangleOnEarth(frame, clipped);   // an SS square clipped to a square (clipClearOfLand)
      else clearOfLand = false;
    }
    return iamsarAssignment(unit, pattern, area, law, interleave);
  });
  const plan = evaluateAssignments(particles, snapshots, assignments, options);
  const { strips: _strips, frame: _frame, ...numbers } = square;
  return { ...plan, ...numbers, clearOfLand };
}

/** A unit's assignment over an IAMSAR area: its spacing (iamsarSpacingNm) and route (area_route.ts). */
export function iamsarAssignment(unit: AllocationUnit, pattern: AreaPattern, area: AreaOnEarth, law: DetectionLaw, interleave = false): UnitAssignment {
  const { spacingNm: s, count } = iamsarSpacingNm(unit, pattern, area.lengthNm, area.widthNm, law, interleave);
  return {
    unitId: unit.unitId, ...(unit.party === undefined ? {} : { party: unit.party }), pattern, area,
    trackSpacingNm: s, coverage: unit.sweepWidthNm / s, sweepWidthNm: unit.sweepWidthNm,
    ...(unit.sweepWidthByScenarioNm === undefined ? {} : { sweepWidthByScenarioNm: unit.sweepWidthByScenarioNm }),
    route: areaRoute(unit, pattern, area, s, count),
  };
}

/** Degrees of a bearing in radians, in [0, 360). */
function bearingDeg(rad: number): number {
  return (((rad * 180) / Math.PI) % 360 + 360) % 360;
}
