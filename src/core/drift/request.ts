import type { BoundsDeg, VectorField } from '../environment/index.js';
import type { LonLatDeg } from '../geo/lon_lat.js';
import type { LeewayObjectClass } from '../objects/index.js';

/** How the initial positions are spread around the reported position(s). */
export type SpreadKind = 'gaussian' | 'uniform-disc';

/**
 * Seeding from one reported position: every particle released at `timeS`, spread by
 * `radiusM` (the standard deviation per axis for `gaussian`, the disc radius for `uniform-disc`).
 */
export interface PointSeeding {
  readonly kind: 'point';
  readonly position: LonLatDeg;
  readonly radiusM: number;
  readonly spread: SpreadKind;
  /** Release time; the run's start when absent. */
  readonly timeS?: number;
}

/**
 * Seeding along an uncertain track (a line, or a cone when the radii differ): particles are spread
 * evenly along the great circle from `from` to `to`, each released at the time interpolated between
 * `fromTimeS` and `toTimeS`, with a spread growing from `fromRadiusM` to `toRadiusM`.
 */
export interface TrackSeeding {
  readonly kind: 'track';
  readonly from: LonLatDeg;
  readonly to: LonLatDeg;
  readonly fromTimeS: number;
  readonly toTimeS: number;
  readonly fromRadiusM: number;
  readonly toRadiusM: number;
  readonly spread: SpreadKind;
}

export type Seeding = PointSeeding | TrackSeeding;

/** One hypothesis of what happened, with its weight (SAROPS-style scenarios). */
export interface Scenario {
  readonly name: string;
  /** Relative weight; weights are normalised over all scenarios. */
  readonly weight: number;
  readonly objectClass: LeewayObjectClass;
  readonly seeding: Seeding;
}

/** What to drift and for how long. Times are seconds since epoch (UTC). */
export interface DriftRequest {
  readonly scenarios: readonly Scenario[];
  /** When the simulation clock starts (forward: the earliest release; backward: the latest). */
  readonly startS: number;
  readonly durationS: number;
  /** `backward` drifts back in time, to find where something found came from. */
  readonly direction: 'forward' | 'backward';
  readonly timeStepS: number;
  readonly outputEverySteps: number;
  readonly particleCount: number;
  readonly seed: number;
  readonly jibeProbabilityPerHour: number;
  /** How far a particle seeded on land may be moved to the nearest water (DRIFT_SETTINGS; default 5 km). */
  readonly seedOnLandMaxMoveM?: number;
}

/** The forcing a Leeway drift needs, each possibly a fallback chain of sources. */
export interface DriftForcing {
  readonly wind: VectorField;
  readonly current: VectorField;
}

/**
 * The cells of a shoreline's index grid (cell (i, j) covers longitudes westDeg + i / cellsPerDeg
 * onward and latitudes southDeg + j / cellsPerDeg onward, row-major) where `clear` is 1: the cell
 * and its eight neighbours are all water, none on the grid's edge. A step that starts in such a
 * cell (longitude as given, no wrapping) and moves less than half a cell in each direction cannot
 * meet the shore, and firstShoreCrossing returns −1 for it; the drift kernel reads this one byte
 * first and calls firstShoreCrossing only for the other steps.
 */
export interface ClearWaterCells {
  readonly westDeg: number;
  readonly southDeg: number;
  readonly cellsPerDeg: number;
  readonly nx: number;
  readonly ny: number;
  readonly clear: Uint8Array;
}

/**
 * A shoreline the drift can strand particles on (implemented by core/coastline's Coastline).
 */
export interface Shoreline {
  readonly label: string;
  /** Where a short step certainly stays in water (see ClearWaterCells); absent: always ask firstShoreCrossing. */
  readonly clearWater?: ClearWaterCells;
  /** The region the shoreline data cover (outside it all is water: nothing strands); absent when unbounded. */
  readonly bounds?: BoundsDeg;
  isLand(lonDeg: number, latDeg: number): boolean;
  /** Fraction in [0, 1] of the straight step where it first meets the shore, or -1. */
  firstShoreCrossing(lon0Deg: number, lat0Deg: number, lon1Deg: number, lat1Deg: number): number;
  /**
   * The water nearest to a point within `maxDistanceM`: the point itself (distance 0) when it is
   * in water, a point just past the nearest shoreline when it is on land, or null when no water is
   * that close.
   */
  nearestWater(lonDeg: number, latDeg: number, maxDistanceM: number): { lonDeg: number; latDeg: number; distanceM: number } | null;
  /**
   * How close a straight step comes to the shore within `maxDistanceM`: the least distance to the
   * shoreline's edges (0 on land or across the shore), where along the step and the shore point;
   * null when no shore is that close. The search planner keeps routes clear of land with it.
   */
  closestShore(lon0Deg: number, lat0Deg: number, lon1Deg: number, lat1Deg: number, maxDistanceM: number):
    { distanceM: number; fraction: number; shoreLonDeg: number; shoreLatDeg: number } | null;
  /**
   * A quick answer for many queries: false only when the point is in water and no shoreline lies
   * within `radiusM` of it (so everything that close is water); true when land may be that close.
   * Absent: land may be anywhere.
   */
  mayBeNearLand?(lonDeg: number, latDeg: number, radiusM: number): boolean;
}
