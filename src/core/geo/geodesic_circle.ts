/**
 * A circle on the WGS 84 ellipsoid (every vertex at the same geodesic distance from the centre),
 * e.g. the 12 NM notification circle round a contested feature. Geodesics by GeographicLib
 * (Karney 2013, "Algorithms for geodesics", J. Geodesy 87), via `geographiclib-geodesic`.
 */
import geodesicLib from 'geographiclib-geodesic';
import { InvalidInputError } from '../errors.js';
import type { LonLatDeg } from './lon_lat.js';

const WGS84 = geodesicLib.Geodesic.WGS84;

/**
 * The closed ring of `vertices` points at `radiusM` from `centre`, clockwise from north (the
 * first vertex repeated last, as GeoJSON wants), [lon, lat] degrees.
 * @example geodesicCircle({ lonDeg: 131.8669, latDeg: 37.2411 }, nmToMetres(12), 96)
 */
export function geodesicCircle(centre: LonLatDeg, radiusM: number, vertices = 96): [number, number][] {
  if (!(radiusM > 0) || !Number.isFinite(radiusM)) throw new InvalidInputError('radiusM', `${radiusM}: a circle needs a positive radius`);
  if (!Number.isInteger(vertices) || vertices < 8) throw new InvalidInputError('vertices', `${vertices}: at least 8 vertices`);
  const ring: [number, number][] = [];
  for (let k = 0; k < vertices; k++) {
    const r = WGS84.Direct(centre.latDeg, centre.lonDeg, (360 * k) / vertices, radiusM);
    ring.push([r.lon2 as number, r.lat2 as number]);
  }
  ring.push(ring[0]);
  return ring;
}
