/**
 * The track spacing that lets a unit search a whole area with the track it can run: the effort
 * Z = W·V·T of IAMSAR Vol. II spent on an area A gives coverage C = Z / A; here the pattern's
 * exact track length (with its cross legs and the S/2 margins of IAMSAR's layout) is fitted to
 * the distance V·T, so the planned pattern ends inside the endurance and reaches the far edge.
 */
import type { PatternCode } from '../pattern.js';

/** Area patterns the allocation lays out. */
export type AreaPattern = Extract<PatternCode, 'PS' | 'CS' | 'SS'>;

/** The spacing and the number of tracks (PS, CS) or of squares (SS) of a fitted pattern. */
export interface FittedSpacing {
  readonly trackSpacingNm: number;
  /** PS, CS: tracks; SS: k, the legs being S, S, 2S, 2S, ..., kS, kS. */
  readonly count: number;
  /** Length of the whole pattern, NM (<= the distance available). */
  readonly patternNm: number;
}

/**
 * The tightest spacing at which the pattern covers the area within `trackNm` of track, or null
 * when not even one track fits.
 * - PS over length L (along the tracks) and width B: n tracks at S = B / n (the last one S/2 inside
 *   the far edge) are n (L - S) + (n - 1) S = n L - S long: n is the largest with n L - B / n <= D
 *   and L > S.
 * - CS: the same with L and B exchanged (tracks across the length).
 * - SS over a square of side a: legs S, S, 2S, 2S, ..., kS, kS (k (k + 1) S long) span about k S,
 *   so S = a / k with the largest k for which a (k + 1) <= D.
 * - With `minSpacingNm`, the count is at most extent / minSpacingNm (at least 1), so S >= minSpacingNm
 *   whenever there is more than one track (or square); the pattern is then shorter than trackNm.
 * @example fitTrackSpacing('PS', 10, 6, 40) // { trackSpacingNm: 1.5, count: 4, patternNm: 38.5 }: 4 tracks, 4 x 10 - 1.5 NM
 */
export function fitTrackSpacing(pattern: AreaPattern, lengthNm: number, widthNm: number, trackNm: number, minSpacingNm = 0): FittedSpacing | null {
  if (!(lengthNm > 0 && widthNm > 0 && trackNm > 0)) return null;
  // no closer than minSpacingNm (the unit's turns, allocation_unit.ts): fewer tracks, endurance to spare
  const most = (extentNm: number): number => (minSpacingNm > 0 ? Math.max(1, Math.floor(extentNm / minSpacingNm + 1e-9)) : Infinity);
  if (pattern === 'SS') {
    const k = Math.min(Math.floor(trackNm / lengthNm - 1 + 1e-9), most(lengthNm));
    if (k < 1) return null;
    const s = lengthNm / k;
    if (s < minSpacingNm * (1 - 1e-9)) return null;   // even one square turns tighter than the unit can
    return { trackSpacingNm: s, count: k, patternNm: k * (k + 1) * s };
  }
  const along = pattern === 'PS' ? lengthNm : widthNm;
  const across = pattern === 'PS' ? widthNm : lengthNm;
  // n^2 L - D n - B <= 0
  let n = Math.floor((trackNm + Math.sqrt(trackNm * trackNm + 4 * along * across)) / (2 * along) + 1e-9);
  while (n >= 1 && n * along - across / n > trackNm * (1 + 1e-12)) n--;
  n = Math.min(n, most(across));
  if (n < 1) return null;
  const s = across / n;
  if (!(along > s * (1 + 1e-9))) return null;
  return { trackSpacingNm: s, count: n, patternNm: n * along - s };
}
