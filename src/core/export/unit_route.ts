/** A search route assigned to one unit: what every export writes, one route per unit. */
import { InvalidInputError } from '../errors.js';
import type { LonLatDeg } from '../geo/lon_lat.js';
import type { SearchRoute } from '../search/pattern.js';

/** A unit's search route. */
export interface UnitRoute {
  /** The search and rescue unit (SRU), e.g. a ship's or aircraft's name or call sign. */
  readonly unitName: string;
  readonly route: SearchRoute;
  /** The unit's search area, its corners in order round it (KML draws it as a polygon). */
  readonly area?: readonly LonLatDeg[];
}

/** Check a unit route before it is written; InvalidInputError names `field`. */
export function checkUnitRoute(field: string, unitRoute: UnitRoute): UnitRoute {
  if (typeof unitRoute?.unitName !== 'string' || unitRoute.unitName.trim() === '') {
    throw new InvalidInputError(`${field}.unitName`, 'must be a non-empty name');
  }
  const waypoints = unitRoute.route?.waypoints;
  if (!Array.isArray(waypoints) || waypoints.length < 2) {
    throw new InvalidInputError(`${field}.route.waypoints`, 'a route needs at least two waypoints');
  }
  waypoints.forEach((w, i) => {
    if (!Number.isFinite(w.lonDeg) || !Number.isFinite(w.latDeg) || Math.abs(w.latDeg) > 90 || !Number.isFinite(w.timeS)) {
      throw new InvalidInputError(`${field}.route.waypoints[${i}]`, `position ${w.latDeg}, ${w.lonDeg} or time ${w.timeS} is not valid`);
    }
  });
  return unitRoute;
}
