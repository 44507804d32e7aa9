/**
 * How close a route as flown comes to land: the closest approach of its track (with its turns) to
 * any shoreline edge. The coastline's cell index finds, leg by leg, the closest pair of points
 * (one on the leg, one on a shoreline edge: to the edges, not only their vertices); the distance
 * of that pair is then measured on WGS 84 along the geodesic (GeographicLib, Karney 2013), which
 * is the true distance to the second order in the pair's small misplacement on the sphere.
 */
import geodesicLib from 'geographiclib-geodesic';
import type { Shoreline } from '../drift/request.js';
import type { LonLatDeg } from '../geo/lon_lat.js';
import { METRES_PER_NM } from '../geo/units.js';
import type { SearchRoute, TimedPoint } from './pattern.js';

const WGS84 = geodesicLib.Geodesic.WGS84;

/** The closest approach of a route to land. */
export interface ShoreClearance {
  /** Geodesic distance from the track to the shoreline, NM (0 when the track meets land). */
  readonly distanceNm: number;
  /** Where and when on the track it is closest. */
  readonly at: TimedPoint;
  /** The shoreline point nearest to it. */
  readonly shore: LonLatDeg;
}

/**
 * The closest approach of `route`'s track as flown (its `flown` points, or its waypoints when the
 * turns are instantaneous) to `shoreline`, looking up to `searchNm` off the track; null when no
 * shore is that close.
 * @example routeShoreClearance(plan.assignments[0].route, coastline, 10)?.distanceNm
 */
export function routeShoreClearance(route: Pick<SearchRoute, 'waypoints' | 'flown'>, shoreline: Shoreline, searchNm: number): ShoreClearance | null {
  const track: readonly TimedPoint[] = route.flown ?? route.waypoints;
  let best: ShoreClearance | null = null;
  for (let k = 0; k + 1 < track.length; k++) {
    const a = track[k], b = track[k + 1];
    const r = shoreline.closestShore(a.lonDeg, a.latDeg, b.lonDeg, b.latDeg, searchNm * METRES_PER_NM);
    if (r === null) continue;
    const f = r.fraction;
    const at: TimedPoint = { lonDeg: a.lonDeg + f * (b.lonDeg - a.lonDeg), latDeg: a.latDeg + f * (b.latDeg - a.latDeg), timeS: a.timeS + f * (b.timeS - a.timeS) };
    const distanceNm = r.distanceM === 0 ? 0 : (WGS84.Inverse(at.latDeg, at.lonDeg, r.shoreLatDeg, r.shoreLonDeg).s12 as number) / METRES_PER_NM;
    if (!best || distanceNm < best.distanceNm) best = { distanceNm, at, shore: { lonDeg: r.shoreLonDeg, latDeg: r.shoreLatDeg } };
  }
  return best;
}
