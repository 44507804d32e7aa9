/**
 * The plan the rules are checked on: the datum's track and each unit's timed waypoints (produced
 * by search planning). Times are seconds since 1970-01-01T00:00Z; positions in degrees.
 */
import type { PartyId } from './party.js';

/** A point of the datum's track. */
export interface DatumPoint {
  readonly timeS: number;
  readonly lonDeg: number;
  readonly latDeg: number;
}

/** A timed waypoint of a unit's planned route. */
export interface UnitWaypoint {
  readonly lonDeg: number;
  readonly latDeg: number;
  readonly timeS: number;
}

/** One unit's part of a plan. */
export interface PlanUnit {
  readonly unitId: string;
  readonly party: PartyId;
  readonly waypoints: readonly UnitWaypoint[];
}

/** A plan to check. */
export interface CooperationPlan {
  /** Datum positions in time order. */
  readonly datumTrack: readonly DatumPoint[];
  readonly units: readonly PlanUnit[];
  /**
   * When the incident began (the earliest time of its scenarios, e.g. the person went overboard):
   * a notification due before it could never have been sent in time, and is marked overdue.
   */
  readonly incidentTimeS?: number;
  /** When the plan was made: a notification due before it is overdue. */
  readonly planningTimeS?: number;
}
