/**
 * Test support only (not re-exported): unit routes the export tests write and parse back. One
 * unit name and one waypoint name carry every XML special character.
 */
import { expandingSquare, parallelSweep } from '../search/patterns/index.js';
import type { UnitRoute } from './unit_route.js';

/** 2026-03-10T00:00:00Z in seconds since 1970. */
export const START_TIME_S = 1_773_100_800;
/** A unit name with & < > " ' and a non-ASCII letter. */
export const AWKWARD_UNIT = `R&D <"Sea Dragon"> 'Ōryū'`;
/** A waypoint name with the same characters. */
export const AWKWARD_WAYPOINT = 'A&B <1> "x" \'y\'';

/** Three routes: an SS with awkward names, a PS at 12.5 kn (fractional times), an SS astride 180 degrees. */
export function testRoutes(): UnitRoute[] {
  const ss = expandingSquare({
    csp: { lonDeg: 131, latDeg: 37 }, trackSpacingNm: 1, firstLegBearingDeg: 0, turn: 'right', legCount: 6,
    unit: { speedKn: 10, startTimeS: START_TIME_S },
  });
  const ps = parallelSweep({
    area: { centre: { lonDeg: 130.2, latDeg: 36.4 }, lengthNm: 10, widthNm: 6, orientationDeg: 30 },
    trackSpacingNm: 2, turn: 'left', unit: { speedKn: 12.5, startTimeS: START_TIME_S + 1800, enduranceH: 1.7 },
  });
  const dateLine = expandingSquare({
    csp: { lonDeg: 179.99, latDeg: -10 }, trackSpacingNm: 1, firstLegBearingDeg: 90, turn: 'left', legCount: 5,
    unit: { speedKn: 20, startTimeS: START_TIME_S },
  });
  return [
    { unitName: AWKWARD_UNIT, route: { ...ss, waypoints: ss.waypoints.map((w, i) => (i === 2 ? { ...w, name: AWKWARD_WAYPOINT } : w)) } },
    { unitName: 'JS Ship 2', route: ps },
    { unitName: 'Date line', route: dateLine },
  ];
}

/** Difference of two longitudes in degrees, across the date line (e.g. 179.9 vs -179.9 is 0.2). */
export function lonDifferenceDeg(aDeg: number, bDeg: number): number {
  const d = Math.abs(aDeg - bDeg) % 360;
  return Math.min(d, 360 - d);
}
