/**
 * The plotting sheet of a search pattern: a local plane in nautical miles (east, north) around an
 * origin, mapped to WGS 84 by the ellipsoidal azimuthal equidistant projection (the point at
 * offset (e, n) lies at geodesic distance hypot(e, n) and true azimuth atan2(e, n) from the
 * origin). Distances and bearings from the origin are therefore exact; other distances are
 * distorted by about r²/(6 R²) (under 1e-5, i.e. under 0.4 m per NM, within 20 NM of the origin).
 * Geodesics are computed with GeographicLib (Karney 2013, "Algorithms for geodesics",
 * J. Geodesy 87), via the `geographiclib-geodesic` package.
 */
import geodesicLib from 'geographiclib-geodesic';
import type { LonLatDeg } from '../../geo/lon_lat.js';
import { METRES_PER_NM, degToRad, radToDeg } from '../../geo/units.js';

const WGS84 = geodesicLib.Geodesic.WGS84;

/** An offset on the plotting sheet, nautical miles east and north of the sheet's origin. */
export interface PlaneOffsetNm {
  readonly eastNm: number;
  readonly northNm: number;
}

/** The offset reached by going `forwardNm` along `headingDeg` and `rightNm` to its right. */
export function offsetAlongHeading(headingDeg: number, forwardNm: number, rightNm: number): PlaneOffsetNm {
  const h = degToRad(headingDeg);
  const sin = Math.sin(h);
  const cos = Math.cos(h);
  // Forward unit vector (sin h, cos h); its right-hand normal is (cos h, -sin h).
  return { eastNm: forwardNm * sin + rightNm * cos, northNm: forwardNm * cos - rightNm * sin };
}

/** Sum of two sheet offsets. */
export function addOffsets(a: PlaneOffsetNm, b: PlaneOffsetNm): PlaneOffsetNm {
  return { eastNm: a.eastNm + b.eastNm, northNm: a.northNm + b.northNm };
}

/** Position on WGS 84 of a sheet offset (azimuthal equidistant projection, inverse). */
export function planeToLonLat(origin: LonLatDeg, offset: PlaneOffsetNm): LonLatDeg {
  const distanceNm = Math.hypot(offset.eastNm, offset.northNm);
  if (distanceNm === 0) return { lonDeg: origin.lonDeg, latDeg: origin.latDeg };
  const azimuthDeg = radToDeg(Math.atan2(offset.eastNm, offset.northNm));
  const r = WGS84.Direct(origin.latDeg, origin.lonDeg, azimuthDeg, distanceNm * METRES_PER_NM);
  return { lonDeg: r.lon2 as number, latDeg: r.lat2 as number };
}

/** Sheet offset of a WGS 84 position (azimuthal equidistant projection, forward). */
export function lonLatToPlane(origin: LonLatDeg, point: LonLatDeg): PlaneOffsetNm {
  const r = WGS84.Inverse(origin.latDeg, origin.lonDeg, point.latDeg, point.lonDeg);
  const distanceNm = (r.s12 as number) / METRES_PER_NM;
  const azimuthRad = degToRad(r.azi1 as number);
  return { eastNm: distanceNm * Math.sin(azimuthRad), northNm: distanceNm * Math.cos(azimuthRad) };
}

/** Geodesic between two points: length in metres, initial and final true azimuths in degrees. */
export interface GeodesicLeg {
  readonly lengthM: number;
  readonly initialBearingDeg: number;
  readonly finalBearingDeg: number;
}

/** Solve the inverse geodesic problem on WGS 84 from `a` to `b`. */
export function geodesicBetween(a: LonLatDeg, b: LonLatDeg): GeodesicLeg {
  const r = WGS84.Inverse(a.latDeg, a.lonDeg, b.latDeg, b.lonDeg);
  return {
    lengthM: r.s12 as number,
    initialBearingDeg: normaliseBearingDeg(r.azi1 as number),
    finalBearingDeg: normaliseBearingDeg(r.azi2 as number),
  };
}

/** The point `distanceM` along the WGS 84 geodesic from `a` towards `b`. */
export function pointAlongGeodesic(a: LonLatDeg, b: LonLatDeg, distanceM: number): LonLatDeg {
  const line = WGS84.InverseLine(a.latDeg, a.lonDeg, b.latDeg, b.lonDeg);
  const p = line.Position(distanceM);
  return { lonDeg: p.lon2 as number, latDeg: p.lat2 as number };
}

/** A bearing in degrees brought into [0, 360). */
export function normaliseBearingDeg(bearingDeg: number): number {
  const b = bearingDeg % 360;
  const n = b < 0 ? b + 360 : b;
  return n === 360 ? 0 : n;
}
