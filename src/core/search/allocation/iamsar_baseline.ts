/**
 * The classic IAMSAR allocation (IAMSAR Manual Vol. II, chapter 4, "search area": A = (2 fs E)^2,
 * a square about the datum divided among the units), the yardstick of the optimiser.
 *
 * Definitions used here:
 * - datum: the weighted centroid of the counted particles at the plan's mean search time (the
 *   mean of the units' mid-search times);
 * - E, total probable error: the radius about the datum holding 50 % of the counted weight (the
 *   "probable error" is the 50 % radius of a circular normal distribution);
 * - fs, safety factor: 1.1, 1.6, 2.0, 2.3, 2.5 for the first to fifth successive search (the
 *   factors of the IAMSAR / US National SAR Supplement manual method);
 * - the square is north-up and cut into equal north-south strips, one per unit in the given
 *   order; each unit searches its strip by parallel sweep, tracks north-south, at the spacing that
 *   fits its endurance (track_spacing_fit.ts), or, when not one track fits, at S = W and cut short
 *   by its endurance.
 */
import { InvalidInputError } from '../../errors.js';
import { METRES_PER_NM } from '../../geo/units.js';
import { weightedDatum, type Datum } from '../../probability/datum.js';
import { fromLocal, localFrame, localXM, localYM } from '../../probability/local_frame.js';
import { releasedOnly } from '../../probability/particle_cloud.js';
import type { ParticleWeights, PositionSnapshot } from '../pod.js';
import type { Shoreline } from '../../drift/request.js';
import { checkAllocationUnit, minimumSpacingOf, searchEndS, unitClearanceNm, type AllocationUnit } from './allocation_unit.js';
import { rectangleInFrame, rectangleOnEarth } from './frame_rectangle.js';
import { clipClearOfLand, lineClearanceM } from './tracks_on_land.js';
import { areaRoute } from './area_route.js';
import type { AreaOnEarth } from './frame_rectangle.js';
import { positionsAt } from './cell_cloud.js';
import { evaluateAssignments, type PlanningOptions, type SearchPlan, type UnitAssignment } from './search_plan.js';
import { fitTrackSpacing } from './track_spacing_fit.js';
import { MAX_COVERAGE } from './max_coverage.js';

/** IAMSAR safety factors fs for the 1st to 5th successive search (later searches keep the last). */
export const IAMSAR_SAFETY_FACTORS: readonly number[] = [1.1, 1.6, 2.0, 2.3, 2.5];

/** The IAMSAR plan with the numbers that made it. */
export interface IamsarBaselinePlan extends SearchPlan {
  readonly datum: Datum;
  /** Time of the datum (mean mid-search time), seconds since 1970. */
  readonly datumTimeS: number;
  /** Total probable error E (50 % radius), NM. */
  readonly probableErrorNm: number;
  readonly safetyFactor: number;
  /** Side of the square, 2 fs E, NM. */
  readonly sideNm: number;
}

/** Options of iamsarBaseline. */
export interface IamsarBaselineOptions extends PlanningOptions {
  /** Searches already done (0 for the first): picks fs from IAMSAR_SAFETY_FACTORS. Default 0. */
  readonly searchesDone?: number;
  /** A safety factor set by hand (overrides searchesDone). */
  readonly safetyFactor?: number;
  /** When given, each strip is clipped until its tracks keep the unit's clearance from land (tracks_on_land.ts). */
  readonly shoreline?: Shoreline | null;
}

/** The IAMSAR square and its strips, before routes are laid out. */
export interface IamsarSquare {
  readonly datum: Datum;
  readonly datumTimeS: number;
  readonly probableErrorNm: number;
  readonly safetyFactor: number;
  readonly sideNm: number;
  /** One north-south strip per unit, west to east, in the units' order. */
  readonly strips: readonly AreaOnEarth[];
}

/**
 * The IAMSAR square (2 fs E)^2 about the datum and its equal strips (see the file header).
 * @example iamsarSquare(particles, snapshots, units).sideNm
 */
export function iamsarSquare(particles: ParticleWeights, snapshots: readonly PositionSnapshot[], units: readonly AllocationUnit[],
  options: IamsarBaselineOptions = {}): IamsarSquare {
  if (units.length === 0) throw new InvalidInputError('units', 'no search unit given');
  units.forEach((u, k) => checkAllocationUnit(u, `units[${k}]`));
  const fs = options.safetyFactor ?? IAMSAR_SAFETY_FACTORS[Math.min(options.searchesDone ?? 0, IAMSAR_SAFETY_FACTORS.length - 1)];
  if (!(fs > 0)) throw new InvalidInputError('safetyFactor', `${fs} is not a factor > 0`);
  const n = particles.count;
  const datumTimeS = units.reduce((s, u) => s + 0.5 * (u.arrivalTimeS + searchEndS(u)), 0) / units.length;
  const frame0 = localFrame({ lonDeg: snapshots[0].lonDeg[0], latDeg: snapshots[0].latDeg[0] });
  const at = positionsAt(frame0, snapshots, datumTimeS, n);
  const lonDeg = new Float64Array(n), latDeg = new Float64Array(n);
  for (let i = 0; i < n; i++) { const p = fromLocal(frame0, at.x[i], at.y[i]); lonDeg[i] = p.lonDeg; latDeg[i] = p.latDeg; }
  const include = options.include ?? releasedOnly;
  const cloud = { count: n, lonDeg, latDeg, weight: particles.weight, status: particles.status };
  const datum = weightedDatum(cloud, include);
  const frame = localFrame(datum);
  // E: weighted 50 % radius about the datum
  const dist: { d: number; w: number }[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (particles.status !== undefined && !include(particles.status[i])) continue;
    const w = particles.weight[i];
    if (!(w > 0)) continue;
    dist.push({ d: Math.hypot(localXM(frame, lonDeg[i]), localYM(frame, latDeg[i])), w });
    total += w;
  }
  dist.sort((a, b) => a.d - b.d);
  let acc = 0, eM = 0;
  for (const { d, w } of dist) { acc += w; if (acc >= 0.5 * total) { eM = d; break; } }
  const probableErrorNm = Math.max(eM / METRES_PER_NM, 0.05);
  const sideNm = 2 * fs * probableErrorNm;
  const stripNm = sideNm / units.length;
  const strips = units.map((_, k) => ({
    centre: fromLocal(frame, (-sideNm / 2 + (k + 0.5) * stripNm) * METRES_PER_NM, 0), lengthNm: sideNm, widthNm: stripNm, orientationDeg: 0,
  }));
  return { datum, datumTimeS, probableErrorNm, safetyFactor: fs, sideNm, strips };
}

/**
 * The IAMSAR baseline plan for `units` over the particles (see the file header), with its exact POS.
 * @example iamsarBaseline(particles, snapshots, units).pos
 */
export function iamsarBaseline(particles: ParticleWeights, snapshots: readonly PositionSnapshot[], units: readonly AllocationUnit[],
  options: IamsarBaselineOptions = {}): IamsarBaselinePlan {
  const square = iamsarSquare(particles, snapshots, units, options);
  const shoreline = options.shoreline ?? null;
  const assignments: UnitAssignment[] = units.map((unit, k) => {
    // never closer than the unit's turns allow (allocation_unit.ts), as in the optimiser
    const minSpacingNm = minimumSpacingOf(unit, 'PS');
    const spacingOf = (lengthNm: number, stripNm: number): number => {
      const fit = fitTrackSpacing('PS', lengthNm, stripNm, unit.speedKn * unit.enduranceH, minSpacingNm);
      let s = fit ? fit.trackSpacingNm : stripNm / Math.max(1, Math.ceil(stripNm / unit.sweepWidthNm - 1e-9));
      // the same practical limit as the optimiser's: no closer than C = MAX_COVERAGE (the unit then
      // finishes its strip early)
      s = Math.max(s, unit.sweepWidthNm / MAX_COVERAGE, minSpacingNm);
      if (!(lengthNm > s)) s = lengthNm / 2;
      return s;
    };
    let area = square.strips[k];
    if (shoreline) {
      // clipped by the optimiser's rule: the strip cut back until its tracks keep the unit's clearance
      const frame = localFrame(area.centre);
      const clipped = clipClearOfLand(rectangleInFrame(frame, area), 'PS',
        (r) => spacingOf((2 * r.alongHalfM) / METRES_PER_NM, (2 * r.acrossHalfM) / METRES_PER_NM), frame, shoreline,
        lineClearanceM(unitClearanceNm(unit), unit.turnRadiusNm ?? 0));
      if (clipped) area = rectangleOnEarth(frame, clipped);
    }
    const s = spacingOf(area.lengthNm, area.widthNm);
    return {
      unitId: unit.unitId, ...(unit.party === undefined ? {} : { party: unit.party }), pattern: 'PS', area,
      trackSpacingNm: s, coverage: unit.sweepWidthNm / s, sweepWidthNm: unit.sweepWidthNm,
      ...(unit.sweepWidthByScenarioNm === undefined ? {} : { sweepWidthByScenarioNm: unit.sweepWidthByScenarioNm }),
      route: areaRoute(unit, 'PS', area, s),
    };
  });
  const plan = evaluateAssignments(particles, snapshots, assignments, options);
  const { strips: _strips, ...numbers } = square;
  return { ...plan, ...numbers };
}
