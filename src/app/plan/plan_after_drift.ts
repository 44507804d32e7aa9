/**
 * Everything of a plan after its drift: the Bayesian update for the searches already done, the
 * optimal allocation, the IAMSAR baseline, the datum over time and the routes that meet land. One
 * implementation for the CLI and the server (run_plan.ts, after the threaded drift) and the
 * browser (after core `runDrift` in its Worker). Pure (no node:* imports, checked by
 * src/app/browser_safe.test.ts).
 */
import type { DriftResult, Shoreline } from '../../core/drift/index.js';
import { distanceM, formatPosition, metresToNm } from '../../core/geo/index.js';
import { fromLocal, localFrame, weightedDatum, type Datum } from '../../core/probability/index.js';
import {
  afterUnsuccessfulSearch, iamsarBaseline, optimalAllocation, positionsAt, routeShoreClearance, searchPod, unitClearanceNm,
  type AllocationUnit, type ShoreClearance, type UnitAssignment,
  type IamsarBaselinePlan, type OptimalPlan, type ParticleWeights, type PositionSnapshot,
} from '../../core/search/index.js';
import type { PlanCase } from './plan_file.js';

/** The datum at one time, as the cooperation layer reads it. */
export interface DatumPoint { readonly timeS: number; readonly lonDeg: number; readonly latDeg: number }

/** What the searches already done changed. */
export interface SearchesDoneUpdate {
  /** POS of those searches (the probability they had of finding the object). */
  readonly pos: number;
  /** Datum at the planning time before and after the update. */
  readonly datumBefore: Datum;
  readonly datumAfter: Datum;
}

/** A plan worked out from its drift. */
export interface PlanAfterDrift {
  readonly planCase: PlanCase;
  /** Weights after the searches done (the prior when there were none), with the final statuses. */
  readonly particles: ParticleWeights;
  readonly update: SearchesDoneUpdate | null;
  readonly datumAtPlanning: Datum;
  readonly optimal: OptimalPlan;
  readonly baseline: IamsarBaselinePlan;
  /** Datum at every drift output time, with the updated weights. */
  readonly datumTrack: readonly DatumPoint[];
  /** Where a unit's route meets land, or comes inside its clearance, on the drift's coastline. */
  readonly landWarnings: readonly string[];
  /** Each unit's closest approach to land, optimal plan then baseline, in assignment order (empty without a coastline). */
  readonly clearances: { readonly optimal: readonly UnitClearance[]; readonly baseline: readonly UnitClearance[] };
}

/** How close a unit's route as flown comes to land, and the clearance it must keep. */
export interface UnitClearance {
  readonly unitId: string;
  /** The unit's clearance, NM. */
  readonly clearanceNm: number;
  /** The closest approach within CLEARANCE_SEARCH_NM, or null when land is farther. */
  readonly closest: ShoreClearance | null;
}

/** How far off its track a route is searched for land, NM. */
export const CLEARANCE_SEARCH_NM = 10;

/**
 * Update, allocate, compare: `result` is the drift of `planCase.drift`, `shoreline` the coastline
 * it ran with (null for none), which the allocation keeps areas off and the land warnings use.
 */
export function planAfterDrift(planCase: PlanCase, result: DriftResult, shoreline: Shoreline | null): PlanAfterDrift {
  const { snapshots, particles, update, options } = updatedForPlanning(planCase, result, shoreline);
  let baseline = iamsarBaseline(particles, snapshots, planCase.units, options);
  // the better of the optimiser's layout and the baseline, both scored exactly on these particles
  const optimal = optimalAllocation(particles, snapshots, planCase.units, {
    ...options, baseline, ...(planCase.reserveBelowPos === undefined ? {} : { reserveBelowPos: planCase.reserveBelowPos }),
    ...(planCase.airOverSurface === undefined ? {} : { airOverSurface: planCase.airOverSurface }),
    ...(planCase.previousAreas === undefined ? {} : { previousAreas: planCase.previousAreas }),
  });
  // units no area fits are held by the optimiser and the others planned without them: the baseline
  // it was compared with is that of the same units (optimalAllocation made it so), shown the same
  const unplaced = new Set(optimal.held.filter((h) => h.noArea).map((h) => h.unitId));
  if (unplaced.size > 0) baseline = iamsarBaseline(particles, snapshots, planCase.units.filter((u) => !unplaced.has(u.unitId)), options);
  const datumTrack: DatumPoint[] = [];
  for (const s of result.snapshots) {
    try {
      const d = weightedDatum({ count: particles.count, lonDeg: s.lonDeg, latDeg: s.latDeg, weight: particles.weight, status: s.status });
      datumTrack.push({ timeS: s.timeS, lonDeg: d.lonDeg, latDeg: d.latDeg });
    } catch {
      // nothing released yet at this time: no datum
    }
  }
  const clearances = shoreline === null ? { optimal: [], baseline: [] }
    : { optimal: unitClearances(optimal.assignments, planCase.units, shoreline), baseline: unitClearances(baseline.assignments, planCase.units, shoreline) };
  const landWarnings = shoreline === null ? [] : [
    ...routesOverLand(optimal.assignments, shoreline),
    ...clearances.optimal.filter((c) => c.closest && c.closest.distanceNm > 0 && c.closest.distanceNm < c.clearanceNm - 1e-3).map((c) =>
      `${c.unitId}: passes ${c.closest!.distanceNm.toFixed(2)} NM from land at ${formatPosition(c.closest!.at)}, inside its clearance of ${c.clearanceNm.toFixed(2)} NM`),
    // the baseline is only compared with, but a strip that could not be cleared makes the comparison unfair
    ...clearances.baseline.filter((c) => c.closest && c.closest.distanceNm < c.clearanceNm - 1e-3).map((c) =>
      `IAMSAR baseline, ${c.unitId}: its strip passes ${c.closest!.distanceNm.toFixed(2)} NM from land, inside the clearance of ${c.clearanceNm.toFixed(2)} NM (no cut of it clears)`),
  ];
  return {
    planCase, particles, update, datumAtPlanning: datumAt(snapshots, planCase.planningTimeS, particles),
    optimal, baseline, datumTrack, landWarnings, clearances,
  };
}

/**
 * The IAMSAR baseline alone after the drift, on the same updated weights as planAfterDrift's
 * (its `baseline`, bit for bit): for a doctrine trial's IAMSAR players after their first phase,
 * whose plan is the baseline, so that the optimiser's layout would be made and thrown away.
 */
export function baselineAfterDrift(planCase: PlanCase, result: DriftResult, shoreline: Shoreline | null): { readonly particles: ParticleWeights; readonly baseline: IamsarBaselinePlan } {
  const { snapshots, particles, options } = updatedForPlanning(planCase, result, shoreline);
  return { particles, baseline: iamsarBaseline(particles, snapshots, planCase.units, options) };
}

/** The weights after the searches done (Bayes), what they changed, and the options both allocations take. */
function updatedForPlanning(planCase: PlanCase, result: DriftResult, shoreline: Shoreline | null) {
  const snapshots: PositionSnapshot[] = result.snapshots;
  const status = result.snapshots[result.snapshots.length - 1].status;
  // the scenario column: each particle is detected with its own object's sweep width
  const prior: ParticleWeights = { count: result.particles.count, weight: result.particles.weight, status, scenario: result.particles.scenario };
  let particles = prior;
  let update: SearchesDoneUpdate | null = null;
  if (planCase.searchesDone.length > 0) {
    const done = searchPod({ particles: prior, snapshots, tracks: planCase.searchesDone, law: planCase.law });
    const bayes = afterUnsuccessfulSearch(prior.weight, done.pod);
    particles = { ...prior, weight: bayes.weight };
    update = { pos: done.pos, datumBefore: datumAt(snapshots, planCase.planningTimeS, prior), datumAfter: datumAt(snapshots, planCase.planningTimeS, particles) };
  }
  // IAMSAR's cumulative relative effort counts the searches done: W x the length of their tracks
  const previousEffortNm2 = planCase.searchesDone.reduce((sum, s) => {
    let nm = 0;
    for (let k = 1; k < s.waypoints.length; k++) nm += metresToNm(distanceM(s.waypoints[k - 1].lonDeg, s.waypoints[k - 1].latDeg, s.waypoints[k].lonDeg, s.waypoints[k].latDeg));
    return sum + s.sweepWidthNm * nm;
  }, 0);
  const options = { law: planCase.law, shoreline, previousEffortNm2, ...(planCase.windFromDeg === undefined ? {} : { windFromDeg: planCase.windFromDeg }) };
  return { snapshots, particles, update, options };
}

/** Each assignment's closest approach to land (geodesic, to the shoreline's edges; core routeShoreClearance). */
export function unitClearances(assignments: readonly UnitAssignment[], units: readonly AllocationUnit[], shoreline: Shoreline): UnitClearance[] {
  return assignments.map((a) => {
    const unit = units.find((u) => u.unitId === a.unitId);
    return { unitId: a.unitId, clearanceNm: unit ? unitClearanceNm(unit) : 0, closest: routeShoreClearance(a.route, shoreline, CLEARANCE_SEARCH_NM) };
  });
}

/**
 * The legs of each unit's route that meet land: the allocation chooses areas by probability alone,
 * so an area next to an island can send a ship over it; the coordinator must see it.
 */
export function routesOverLand(
  assignments: readonly { unitId: string; route: { waypoints: readonly { lonDeg: number; latDeg: number }[] } }[],
  shoreline: Shoreline,
): string[] {
  const warnings: string[] = [];
  for (const { unitId, route } of assignments) {
    const w = route.waypoints;
    for (let k = 0; k + 1 < w.length; k++) {
      const t = shoreline.firstShoreCrossing(w[k].lonDeg, w[k].latDeg, w[k + 1].lonDeg, w[k + 1].latDeg);
      if (t < 0) continue;
      const at = { lonDeg: w[k].lonDeg + t * (w[k + 1].lonDeg - w[k].lonDeg), latDeg: w[k].latDeg + t * (w[k + 1].latDeg - w[k].latDeg) };
      warnings.push(`${unitId}: leg ${k + 1} (waypoint ${k + 1} to ${k + 2}) meets land at ${formatPosition(at)} (${shoreline.label}); adjust the route there`);
    }
  }
  return warnings;
}

/** Weighted datum of the particles at a time (positions linear between drift outputs). */
export function datumAt(snapshots: readonly PositionSnapshot[], timeS: number, particles: ParticleWeights): Datum {
  const frame = localFrame({ lonDeg: snapshots[0].lonDeg[0], latDeg: snapshots[0].latDeg[0] });
  const { x, y } = positionsAt(frame, snapshots, timeS, particles.count);
  const lonDeg = new Float64Array(particles.count), latDeg = new Float64Array(particles.count);
  for (let i = 0; i < particles.count; i++) { const p = fromLocal(frame, x[i], y[i]); lonDeg[i] = p.lonDeg; latDeg[i] = p.latDeg; }
  return weightedDatum({ count: particles.count, lonDeg, latDeg, weight: particles.weight, status: particles.status });
}
