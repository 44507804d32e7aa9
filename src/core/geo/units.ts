/**
 * Unit conversions, named for both ends. Every length, speed and angle in sarbridge carries its
 * unit in its name (…M, …Nm, …S, …Deg, …Rad, …Mps, …Kn); this file is the one place they meet.
 */

/** Metres in one international nautical mile (exact, by definition). */
export const METRES_PER_NM = 1852;
/** Seconds in one hour. */
export const SECONDS_PER_HOUR = 3600;
/**
 * Mean Earth radius in metres: IUGG mean radius R1 = (2a + b) / 3 of WGS 84 (Moritz 2000).
 * The drift loop and the summaries work on this sphere (distances within 0.5 % of the ellipsoid's);
 * routes a ship will sail use ellipsoidal geodesics (geographiclib).
 */
export const EARTH_RADIUS_M = 6_371_008.8;

export const nmToMetres = (nm: number): number => nm * METRES_PER_NM;
export const metresToNm = (m: number): number => m / METRES_PER_NM;
export const knotsToMps = (kn: number): number => (kn * METRES_PER_NM) / SECONDS_PER_HOUR;
export const mpsToKnots = (mps: number): number => (mps * SECONDS_PER_HOUR) / METRES_PER_NM;
export const degToRad = (deg: number): number => (deg * Math.PI) / 180;
export const radToDeg = (rad: number): number => (rad * 180) / Math.PI;
/** Leeway tables give slopes in % of wind speed: 1 % is a fraction of 0.01. */
export const percentToFraction = (percent: number): number => percent / 100;
/** Leeway tables give offsets and standard deviations in cm/s. */
export const cmpsToMps = (cmps: number): number => cmps / 100;
