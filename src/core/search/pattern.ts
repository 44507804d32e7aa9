/**
 * Shared types of the IAMSAR search patterns (IAMSAR Manual Vol. II, chapter 5, "search
 * patterns"): what a unit is asked to fly or steam, and the route a pattern generator returns.
 * Generators live in `./patterns/`, one file per pattern.
 */
import type { LonLatDeg } from '../geo/lon_lat.js';

/**
 * IAMSAR pattern codes: expanding square (SS), sector (VS), parallel sweep (PS), creeping line
 * (CS), track line non-return (TSN, "single") and track line return (TSR).
 */
export type PatternCode = 'SS' | 'VS' | 'PS' | 'CS' | 'TSN' | 'TSR';

/** Direction of the turns (SS, VS) or of the first turn (PS, CS, TSR). */
export type TurnDirection = 'left' | 'right';

/**
 * Order a parallel sweep's or creeping line's tracks are flown in: one after the other, or
 * interleaved (every other track, then the ones between) for a unit whose turns are wider than the
 * spacing allows (turns.ts).
 */
export type LegOrder = 'sequential' | 'interleaved';

/** How the search unit moves on scene. */
export interface UnitMotion {
  /** Search speed through the pattern, knots (constant, turns included). */
  readonly speedKn: number;
  /**
   * Radius the unit turns on, NM (turns.ts: rate one unless the unit gives its own). When given,
   * every turn is flown "fly-by" as an arc tangent to both legs, and the route's `flown` track and
   * its times include the arcs; when absent, turns are instantaneous at the waypoints.
   */
  readonly turnRadiusNm?: number;
  /** Time at the commence search point, seconds since 1970-01-01T00:00:00Z. */
  readonly startTimeS: number;
  /** Time on scene available for the pattern, hours; the last leg is cut when it runs out. */
  readonly enduranceH?: number;
}

/** One waypoint of a search route, with the time the unit passes it. */
export interface RouteWaypoint extends LonLatDeg {
  /** 'CSP' for the first waypoint, then `<code> <n>` (e.g. 'SS 3'). */
  readonly name: string;
  /** Seconds since 1970-01-01T00:00:00Z. */
  readonly timeS: number;
}

/** 'search' legs are the pattern's tracks; 'crossLeg' joins two tracks (PS, CS, TSR). */
export type LegRole = 'search' | 'crossLeg';

/** One leg, from waypoint `fromIndex` to waypoint `fromIndex + 1`, along the WGS 84 geodesic. */
export interface RouteLeg {
  readonly fromIndex: number;
  readonly role: LegRole;
  /** Geodesic length on WGS 84, nautical miles. */
  readonly lengthNm: number;
  /** Initial true course (geodesic azimuth at the leg's start), degrees in [0, 360). */
  readonly bearingDeg: number;
  /** Time to run the leg at the unit's speed, seconds. */
  readonly durationS: number;
}

/** A value of a pattern parameter, kept flat so exports can write it as-is. */
export type PatternParameterValue = number | string | boolean;

/** GeoJSON (RFC 7946) LineString Feature of a route; coordinates are [lonDeg, latDeg]. */
export interface RouteLineFeature {
  readonly type: 'Feature';
  readonly geometry: { readonly type: 'LineString'; readonly coordinates: readonly (readonly [number, number])[] };
  readonly properties: Readonly<Record<string, unknown>>;
}

/** A search pattern laid out on the Earth for one unit: waypoints, legs, times and geometry. */
export interface SearchRoute {
  readonly pattern: PatternCode;
  /** The pattern's inputs, flat (e.g. cspLatDeg, trackSpacingNm, turn, areaLengthNm). */
  readonly parameters: Readonly<Record<string, PatternParameterValue>>;
  /** Commence search point: the first waypoint. */
  readonly csp: LonLatDeg;
  /** Track spacing S, NM (for a sector search: the radius, which is the spacing at the circle). */
  readonly trackSpacingNm: number;
  readonly speedKn: number;
  readonly waypoints: readonly RouteWaypoint[];
  readonly legs: readonly RouteLeg[];
  /** Sum of the legs' geodesic lengths, NM. */
  readonly totalTrackNm: number;
  /** Seconds since 1970 at the CSP and at the last waypoint. */
  readonly startTimeS: number;
  readonly endTimeS: number;
  /** True when the unit's endurance ended the pattern before its last planned leg was done. */
  readonly cutByEndurance: boolean;
  readonly feature: RouteLineFeature;
  /** Radius the turns were flown on, NM (absent: instantaneous turns). */
  readonly turnRadiusNm?: number;
  /**
   * The track as flown, timed: the legs with the turns as arcs (every 10 degrees of turn or less).
   * Absent when turns are instantaneous: the waypoints are then the track. POD is computed on it.
   */
  readonly flown?: readonly TimedPoint[];
  /** Length of the flown track, NM, and the part of it flown in turns. */
  readonly flownTrackNm?: number;
  readonly turnTrackNm?: number;
  /** Turns the legs were too short for at the turn radius (flown tighter than it). */
  readonly tightTurns?: number;
}

/** A position with the time the unit is there, seconds since 1970-01-01T00:00:00Z. */
export interface TimedPoint extends LonLatDeg {
  readonly timeS: number;
}
