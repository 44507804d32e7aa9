/**
 * How close a timed route comes to a point, on the WGS 84 ellipsoid. Each leg between two
 * waypoints is a geodesic (GeographicLib, Karney 2013, "Algorithms for geodesics", J. Geodesy 87,
 * via `geographiclib-geodesic`); along it the distance to the point is sampled, then minimised by
 * golden-section search to 0.5 m. Time along a leg is proportional to distance (constant speed).
 */
import geodesicLib from 'geographiclib-geodesic';
import type { LonLatDeg } from '../geo/lon_lat.js';
import type { TimedPosition } from './srr.js';

const WGS84 = geodesicLib.Geodesic.WGS84;
const GOLDEN = (Math.sqrt(5) - 1) / 2;
const SAMPLES_PER_LEG = 16;
const TOLERANCE_M = 0.5;

/** Geodesic distance in metres between two positions on WGS 84. */
export function geodesicDistanceM(a: LonLatDeg, b: LonLatDeg): number {
  return WGS84.Inverse(a.latDeg, a.lonDeg, b.latDeg, b.lonDeg).s12 as number;
}

/** The closest approach of a route to a point. */
export interface ClosestApproach {
  /** Geodesic distance at closest approach, metres. */
  readonly distanceM: number;
  /** Where and when the route is closest. */
  readonly at: TimedPosition;
}

/** A leg as a geodesic line, with the distance from `point` at `s` metres along it. */
function legProbe(a: TimedPosition, b: TimedPosition, point: LonLatDeg) {
  const line = WGS84.InverseLine(a.latDeg, a.lonDeg, b.latDeg, b.lonDeg);
  const lengthM = line.s13;
  const at = (s: number): TimedPosition => {
    const p = line.Position(s);
    return { lonDeg: p.lon2 as number, latDeg: p.lat2 as number, timeS: lengthM > 0 ? a.timeS + ((b.timeS - a.timeS) * s) / lengthM : a.timeS };
  };
  const distance = (s: number): number => geodesicDistanceM(at(s), point);
  return { lengthM, at, distance };
}

/** The minimum over one leg: coarse samples bracket it, golden-section search refines it. */
function legMinimum(probe: ReturnType<typeof legProbe>): { s: number; distanceM: number } {
  if (probe.lengthM === 0) return { s: 0, distanceM: probe.distance(0) };
  let bestK = 0;
  let bestD = Infinity;
  for (let k = 0; k <= SAMPLES_PER_LEG; k++) {
    const d = probe.distance((probe.lengthM * k) / SAMPLES_PER_LEG);
    if (d < bestD) { bestD = d; bestK = k; }
  }
  let lo = (probe.lengthM * Math.max(0, bestK - 1)) / SAMPLES_PER_LEG;
  let hi = (probe.lengthM * Math.min(SAMPLES_PER_LEG, bestK + 1)) / SAMPLES_PER_LEG;
  let x1 = hi - GOLDEN * (hi - lo);
  let x2 = lo + GOLDEN * (hi - lo);
  let d1 = probe.distance(x1);
  let d2 = probe.distance(x2);
  while (hi - lo > TOLERANCE_M) {
    if (d1 < d2) { hi = x2; x2 = x1; d2 = d1; x1 = hi - GOLDEN * (hi - lo); d1 = probe.distance(x1); }
    else { lo = x1; x1 = x2; d1 = d2; x2 = lo + GOLDEN * (hi - lo); d2 = probe.distance(x2); }
  }
  const s = (lo + hi) / 2;
  const d = probe.distance(s);
  return d <= bestD ? { s, distanceM: d } : { s: (probe.lengthM * bestK) / SAMPLES_PER_LEG, distanceM: bestD };
}

/** Where a timed route comes closest to `point` (undefined for an empty route). */
export function closestApproach(route: readonly TimedPosition[], point: LonLatDeg): ClosestApproach | undefined {
  if (route.length === 0) return undefined;
  if (route.length === 1) return { distanceM: geodesicDistanceM(route[0], point), at: route[0] };
  let best: ClosestApproach | undefined;
  for (let k = 1; k < route.length; k++) {
    const probe = legProbe(route[k - 1], route[k], point);
    const m = legMinimum(probe);
    if (!best || m.distanceM < best.distanceM) best = { distanceM: m.distanceM, at: probe.at(m.s) };
  }
  return best;
}

/**
 * The first place and time the route comes within `radiusM` of `point` (undefined when it never
 * does). Within a leg the crossing is found by bisection between the leg's start and its closest
 * point, to 0.5 m.
 */
export function firstWithin(route: readonly TimedPosition[], point: LonLatDeg, radiusM: number): TimedPosition | undefined {
  if (route.length === 0) return undefined;
  if (geodesicDistanceM(route[0], point) <= radiusM) return route[0];
  for (let k = 1; k < route.length; k++) {
    const probe = legProbe(route[k - 1], route[k], point);
    const m = legMinimum(probe);
    if (m.distanceM > radiusM) continue;
    let lo = 0;
    let hi = m.s;
    while (hi - lo > TOLERANCE_M) {
      const mid = (lo + hi) / 2;
      if (probe.distance(mid) <= radiusM) hi = mid;
      else lo = mid;
    }
    return probe.at(hi);
  }
  return undefined;
}
