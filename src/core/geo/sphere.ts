import { EARTH_RADIUS_M } from './units.js';
import type { LonLatDeg } from './lon_lat.js';

const RAD = Math.PI / 180;

/**
 * Great-circle distance in metres on the mean-radius sphere (haversine formula). Within 0.5 % of
 * the WGS 84 geodesic; use geographiclib where a route needs metres-exact lengths.
 */
export function distanceM(aLonDeg: number, aLatDeg: number, bLonDeg: number, bLatDeg: number): number {
  const dLat = (bLatDeg - aLatDeg) * RAD;
  const dLon = (bLonDeg - aLonDeg) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLatDeg * RAD) * Math.cos(bLatDeg * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The point a fraction `f` of the way along the great circle from `a` to `b` (spherical slerp). */
export function interpolateGreatCircle(a: LonLatDeg, b: LonLatDeg, f: number): LonLatDeg {
  const lat1 = a.latDeg * RAD, lon1 = a.lonDeg * RAD, lat2 = b.latDeg * RAD, lon2 = b.lonDeg * RAD;
  const delta = distanceM(a.lonDeg, a.latDeg, b.lonDeg, b.latDeg) / EARTH_RADIUS_M;
  if (delta < 1e-12) return { lonDeg: a.lonDeg, latDeg: a.latDeg };
  const wa = Math.sin((1 - f) * delta) / Math.sin(delta);
  const wb = Math.sin(f * delta) / Math.sin(delta);
  const x = wa * Math.cos(lat1) * Math.cos(lon1) + wb * Math.cos(lat2) * Math.cos(lon2);
  const y = wa * Math.cos(lat1) * Math.sin(lon1) + wb * Math.cos(lat2) * Math.sin(lon2);
  const z = wa * Math.sin(lat1) + wb * Math.sin(lat2);
  return { lonDeg: Math.atan2(y, x) / RAD, latDeg: Math.atan2(z, Math.hypot(x, y)) / RAD };
}

/**
 * Mean position of weighted points: the normalised weighted mean of their unit vectors (correct
 * across the antimeridian and near the poles), with the weight that went into it. Points with a
 * weight that is not positive, or not selected by `include`, do not count; null when nothing
 * counts or the points spread round the globe (the mean vector vanishes).
 */
export function weightedCentroid(
  lonDeg: Float64Array, latDeg: Float64Array, weight: Float64Array | null, count: number,
  include: (i: number) => boolean = () => true,
): (LonLatDeg & { readonly weight: number }) | null {
  let x = 0, y = 0, z = 0, total = 0;
  for (let i = 0; i < count; i++) {
    if (!include(i)) continue;
    const w = weight ? weight[i] : 1;
    if (!(w > 0)) continue;
    const lat = latDeg[i] * RAD, lon = lonDeg[i] * RAD;
    x += w * Math.cos(lat) * Math.cos(lon);
    y += w * Math.cos(lat) * Math.sin(lon);
    z += w * Math.sin(lat);
    total += w;
  }
  if (total === 0 || Math.hypot(x, y, z) < 1e-12 * total) return null;
  return { lonDeg: Math.atan2(y, x) / RAD, latDeg: Math.atan2(z, Math.hypot(x, y)) / RAD, weight: total };
}
