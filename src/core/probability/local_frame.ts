import { EARTH_RADIUS_M, degToRad } from '../geo/units.js';
import type { LonLatDeg } from '../geo/lon_lat.js';

/**
 * A local metric frame: equirectangular projection about an origin on the mean-radius sphere,
 * x east and y north in metres. x = R cos(lat0) Δlon, y = R Δlat (Δ in radians, Δlon wrapped to
 * ±180°). Distances are exact along the origin's meridian and parallel; east-west distances at
 * latitude lat are scaled by cos(lat0)/cos(lat), an error of about tan(lat0) Δlat: 0.5 % at
 * 30 NM from the origin at 37°N, 1.5 % at 60°N. Good for a search area of some tens of NM,
 * not for an ocean basin.
 */
export interface LocalFrame {
  readonly originLonDeg: number;
  readonly originLatDeg: number;
  /** Metres per degree of longitude at the origin's latitude. */
  readonly metresPerDegLon: number;
  /** Metres per degree of latitude. */
  readonly metresPerDegLat: number;
}

/** The equirectangular frame about `origin` (see LocalFrame for its accuracy). */
export function localFrame(origin: LonLatDeg): LocalFrame {
  const metresPerDegLat = degToRad(1) * EARTH_RADIUS_M;
  return {
    originLonDeg: origin.lonDeg,
    originLatDeg: origin.latDeg,
    metresPerDegLat,
    metresPerDegLon: metresPerDegLat * Math.cos(degToRad(origin.latDeg)),
  };
}

/** Longitude difference lonDeg - originLonDeg wrapped to [-180, 180), degrees. */
export function deltaLonDeg(frame: LocalFrame, lonDeg: number): number {
  let d = lonDeg - frame.originLonDeg;
  if (d >= 180 || d < -180) d = ((((d + 180) % 360) + 360) % 360) - 180;
  return d;
}

/** x (east) of a longitude in the frame, metres. */
export function localXM(frame: LocalFrame, lonDeg: number): number {
  return deltaLonDeg(frame, lonDeg) * frame.metresPerDegLon;
}

/** y (north) of a latitude in the frame, metres. */
export function localYM(frame: LocalFrame, latDeg: number): number {
  return (latDeg - frame.originLatDeg) * frame.metresPerDegLat;
}

/** The position of frame coordinates (x east, y north, metres); longitude wrapped to ±180°. */
export function fromLocal(frame: LocalFrame, xM: number, yM: number): LonLatDeg {
  let lonDeg = frame.originLonDeg + xM / frame.metresPerDegLon;
  if (lonDeg >= 180 || lonDeg < -180) lonDeg = ((((lonDeg + 180) % 360) + 360) % 360) - 180;
  return { lonDeg, latDeg: frame.originLatDeg + yM / frame.metresPerDegLat };
}

/**
 * Project many positions into caller-owned x/y buffers (metres); one pass, no allocation.
 */
export function projectInto(frame: LocalFrame, lonDeg: Float64Array, latDeg: Float64Array, count: number,
  outXM: Float64Array, outYM: Float64Array): void {
  const { originLonDeg, originLatDeg, metresPerDegLon, metresPerDegLat } = frame;
  for (let i = 0; i < count; i++) {
    let d = lonDeg[i] - originLonDeg;
    if (d >= 180 || d < -180) d = ((((d + 180) % 360) + 360) % 360) - 180;
    outXM[i] = d * metresPerDegLon;
    outYM[i] = (latDeg[i] - originLatDeg) * metresPerDegLat;
  }
}
