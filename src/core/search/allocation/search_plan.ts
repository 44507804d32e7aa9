/**
 * A search plan: one area, pattern and route per unit, and its POS computed exactly (POD per
 * particle from each unit's timed track against the drifting particles: core/search/pod.ts).
 */
import type { DetectionLaw } from '../detection.js';
import type { SearchRoute } from '../pattern.js';
import { searchPod, type ParticleWeights, type PositionSnapshot } from '../pod.js';
import type { StatusFilter } from '../../probability/particle_cloud.js';
import type { AreaOnEarth } from './frame_rectangle.js';
import type { AreaPattern } from './track_spacing_fit.js';

/** What one unit is to do. */
export interface UnitAssignment {
  readonly unitId: string;
  readonly party?: string;
  readonly pattern: AreaPattern;
  readonly area: AreaOnEarth;
  /** Track spacing S, NM. */
  readonly trackSpacingNm: number;
  /** Coverage factor C = W / S. */
  readonly coverage: number;
  /** Sweep width of the planning object, NM (the coverage factor's W). */
  readonly sweepWidthNm: number;
  /** Sweep width per scenario index, NM, when the objects differ (see AllocationUnit). */
  readonly sweepWidthByScenarioNm?: readonly number[];
  readonly route: SearchRoute;
}

/** Assignments and their exact POD and POS. */
export interface SearchPlan {
  readonly assignments: readonly UnitAssignment[];
  /** POS of each unit's search alone (sum of weight x its POD), in assignment order. */
  readonly unitPos: readonly number[];
  /** POS of the whole plan: sum of weight x (1 - prod over units (1 - POD)). */
  readonly pos: number;
  /** POD per particle of the whole plan. */
  readonly pod: Float64Array;
  /** POD per particle of each unit (for a later Bayesian update or cumulative POD). */
  readonly unitPod: readonly Float64Array[];
}

/** Options shared by the planners. */
export interface PlanningOptions {
  /** Lateral-range law; default inverse cube. */
  readonly law?: DetectionLaw;
  /** Particles counted as possible locations; default all but not released. */
  readonly include?: StatusFilter;
  /**
   * Above this many counted particles the layouts are chosen on a sample of this many and scored
   * exactly on every particle (placing_sample.ts); default PLACING_PARTICLES, Infinity: on every particle.
   */
  readonly placingParticles?: number;
}

/**
 * POD and POS of assignments with searchPod (the exact, timed computation).
 * @example evaluateAssignments(particles, snapshots, plan.assignments).pos
 */
export function evaluateAssignments(particles: ParticleWeights, snapshots: readonly PositionSnapshot[],
  assignments: readonly UnitAssignment[], options: PlanningOptions = {}): SearchPlan {
  const r = searchPod({
    particles, snapshots, law: options.law, include: options.include,
    tracks: assignments.map((a) => ({
      // POD on the track as flown: with its turns when the unit has a turn radius
      unitId: a.unitId, sweepWidthNm: a.sweepWidthNm, waypoints: a.route.flown ?? a.route.waypoints, searchSpeedKn: a.route.speedKn,
      ...(a.sweepWidthByScenarioNm === undefined ? {} : { sweepWidthByScenarioNm: a.sweepWidthByScenarioNm }),
    })),
  });
  return { assignments, unitPos: r.unitPos, pos: r.pos, pod: r.pod, unitPod: r.unitPod };
}
