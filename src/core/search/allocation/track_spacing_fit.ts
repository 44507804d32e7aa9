/**
 * The track spacing that lets a unit search a whole area with the track it can run: the effort
 * Z = W·V·T of IAMSAR Vol. II spent on an area A gives coverage C = Z / A; here the pattern's
 * exact track length (with its cross legs and the S/2 margins of IAMSAR's layout) is fitted to
 * the distance V·T, so the planned pattern ends inside the endurance and reaches the far edge.
 */
import type { LegOrder, PatternCode } from '../pattern.js';
import { INTERLEAVED_MIN_TRACKS } from '../turns.js';

/** Area patterns the allocation lays out. */
export type AreaPattern = Extract<PatternCode, 'PS' | 'CS' | 'SS'>;

/** The spacing and the number of tracks (PS, CS) or of squares (SS) of a fitted pattern. */
export interface FittedSpacing {
  readonly trackSpacingNm: number;
  /** PS, CS: tracks; SS: k, the legs being S, S, 2S, 2S, ..., kS, kS. */
  readonly count: number;
  /** Length of the whole pattern, NM (<= the distance available). */
  readonly patternNm: number;
  /** PS, CS: the order its tracks are flown in (interleaved only below minSpacingNm); SS: 'sequential'. */
  readonly legOrder: LegOrder;
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
 * - With `interleavedMinNm` as well (PS, CS: the spacing a unit reaches with its legs interleaved,
 *   turns.ts), when that cap held the count down: the most tracks m >= 4, S = B / m >= interleavedMinNm,
 *   whose interleaved pattern, m (L - S) + X(m) S with X(m) the crossings in spacings
 *   (interleavedCrossings), fits D; taken when it has more tracks than the sequential one.
 * @example fitTrackSpacing('PS', 10, 6, 40) // { trackSpacingNm: 1.5, count: 4, patternNm: 38.5 }: 4 tracks, 4 x 10 - 1.5 NM
 */
export function fitTrackSpacing(pattern: AreaPattern, lengthNm: number, widthNm: number, trackNm: number, minSpacingNm = 0,
  interleavedMinNm = 0): FittedSpacing | null {
  if (!(lengthNm > 0 && widthNm > 0 && trackNm > 0)) return null;
  // no closer than minSpacingNm (the unit's turns, allocation_unit.ts): fewer tracks, endurance to spare
  const most = (extentNm: number): number => (minSpacingNm > 0 ? Math.max(1, Math.floor(extentNm / minSpacingNm + 1e-9)) : Infinity);
  if (pattern === 'SS') {
    const k = Math.min(Math.floor(trackNm / lengthNm - 1 + 1e-9), most(lengthNm));
    if (k < 1) return null;
    const s = lengthNm / k;
    if (s < minSpacingNm * (1 - 1e-9)) return null;   // even one square turns tighter than the unit can
    return { trackSpacingNm: s, count: k, patternNm: k * (k + 1) * s, legOrder: 'sequential' };
  }
  const along = pattern === 'PS' ? lengthNm : widthNm;
  const across = pattern === 'PS' ? widthNm : lengthNm;
  // n^2 L - D n - B <= 0
  let n = Math.floor((trackNm + Math.sqrt(trackNm * trackNm + 4 * along * across)) / (2 * along) + 1e-9);
  while (n >= 1 && n * along - across / n > trackNm * (1 + 1e-12)) n--;
  const byLength = n;
  n = Math.min(n, most(across));
  if (n < 1) return null;
  if (interleavedMinNm > 0 && interleavedMinNm < minSpacingNm && byLength > n) {
    // interleaved: more tracks than the turns allow one after the other, if the longer crossings still fit
    let m = Math.min(byLength, Math.floor(across / interleavedMinNm + 1e-9));
    const lengthOf = (c: number): number => c * along - across + (interleavedCrossings(c) * across) / c;
    while (m > n && m >= INTERLEAVED_MIN_TRACKS && lengthOf(m) > trackNm * (1 + 1e-12)) m--;
    if (m > n && m >= INTERLEAVED_MIN_TRACKS && along > (across / m) * (1 + 1e-9)) {
      return { trackSpacingNm: across / m, count: m, patternNm: lengthOf(m), legOrder: 'interleaved' };
    }
  }
  const s = across / n;
  if (!(along > s * (1 + 1e-9))) return null;
  return { trackSpacingNm: s, count: n, patternNm: n * along - s, legOrder: 'sequential' };
}

/**
 * The cross legs of `trackCount` interleaved tracks, in spacings (parallel_tracks.ts, trackOrder):
 * 2 + 3 + 2 = 7 for four; for five or more, the first pass's gaps of 2, the way back to the second
 * track and the second pass's gaps of 2: 3 m - 6 (m odd), 3 m - 7 (m even). A closed form, as the
 * optimiser fits spacings thousands of times a plan; a test checks it against trackOrder.
 */
export function interleavedCrossings(trackCount: number): number {
  if (trackCount === INTERLEAVED_MIN_TRACKS) return 7;
  return trackCount % 2 === 1 ? 3 * trackCount - 6 : 3 * trackCount - 7;
}
