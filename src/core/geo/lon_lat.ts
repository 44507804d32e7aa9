import { InvalidInputError } from '../errors.js';

/** A position in decimal degrees on WGS 84: longitude east positive, latitude north positive. */
export interface LonLatDeg {
  readonly lonDeg: number;
  readonly latDeg: number;
}

/** Wrap a longitude into [-180, 180). */
export function wrapLonDeg(lonDeg: number): number {
  const wrapped = ((((lonDeg + 180) % 360) + 360) % 360) - 180;
  return wrapped === -180 && lonDeg > 0 ? 180 : wrapped;
}

/**
 * Check a position a user gave; throws InvalidInputError naming `field` when it is impossible
 * (not a number, latitude beyond ±90, longitude beyond ±360).
 */
export function checkLonLat(position: LonLatDeg, field = 'position'): LonLatDeg {
  const { lonDeg, latDeg } = position;
  if (!Number.isFinite(latDeg) || Math.abs(latDeg) > 90) {
    throw new InvalidInputError(field, `latitude ${latDeg} is not between -90 and 90 degrees`);
  }
  if (!Number.isFinite(lonDeg) || Math.abs(lonDeg) > 360) {
    throw new InvalidInputError(field, `longitude ${lonDeg} is not between -360 and 360 degrees`);
  }
  return { lonDeg: wrapLonDeg(lonDeg), latDeg };
}
