/**
 * Turns of a search unit: the radius it turns on and the closest track spacing it can fly.
 *
 * - Rate-one turn: 3 degrees of heading per second, a turn of 360 degrees in two minutes (the
 *   "standard rate turn" of instrument flying: FAA-H-8083-15B, Instrument Flying Handbook, ch. 3;
 *   ICAO Doc 8168, PANS-OPS, Vol. I, rate of turn 3°/s). At a true airspeed v the radius is
 *   r = v / ω (uniform circular motion), ω = 3°/s = π/60 rad/s, so r (NM) = v (kn) / (3600 ω) =
 *   v / 188.5: 90 kn turns on 0.48 NM, 12 kn on 0.064 NM. A ship turns on its own tactical
 *   diameter (IMO MSC.137(76): at most 5 ship lengths); give the unit's `turnRadiusNm` for it.
 * - Minimum track spacing: sarbridge flies every turn "fly-by" (the turn is led so that the arc is
 *   tangent to both legs, as a flight management system flies a fly-by waypoint, ICAO Doc 8168
 *   Vol. II, RNAV), and plans no racetrack or teardrop turns. The two 90-degree turns at the end of
 *   a parallel-sweep or creeping-line track then need a cross leg of at least 2 r (each turn takes
 *   r of it), and an expanding square's legs S, S, 2S, ... the same; so S >= 2 r: the U-turn
 *   becomes a half circle whose diameter is the spacing.
 * - Interleaved legs (parallel sweep and creeping line, sarbridge's layout, parallel_tracks.ts): a
 *   closer spacing S < 2 r is flown by taking the tracks out of order, every other one on a first
 *   pass and the ones between on a second (4 tracks: 2, 4, 1, 3; 5 or more: 1, 3, 5, ... then
 *   2, 4, ...), so that consecutive tracks lie at least 2 S apart and each U-turn still has a cross
 *   leg of at least 2 r: S >= r. It costs track (the crossings add up to about three widths of the
 *   area instead of one), which the spacing fit counts (track_spacing_fit.ts); three tracks or
 *   fewer cannot be interleaved. Racetrack and teardrop (procedure) turns are not planned.
 */
import { InvalidInputError } from '../errors.js';

/** Rate of a rate-one (standard-rate) turn, degrees per second (FAA-H-8083-15B; ICAO Doc 8168). */
export const RATE_ONE_TURN_DEG_PER_S = 3;

/**
 * The radius of a rate-one turn at `speedKn`, NM: r = v / ω.
 * @example rateOneTurnRadiusNm(90) // 0.477 NM
 */
export function rateOneTurnRadiusNm(speedKn: number): number {
  if (!(speedKn > 0 && Number.isFinite(speedKn))) throw new InvalidInputError('speedKn', `${speedKn} is not a speed > 0`);
  const omegaRadPerS = (RATE_ONE_TURN_DEG_PER_S * Math.PI) / 180;
  return speedKn / 3600 / omegaRadPerS;
}

/**
 * The closest track spacing a unit turning on `turnRadiusNm` flies with fly-by turns and no
 * racetrack turns: 2 r (see the file comment).
 * @example minimumTrackSpacingNm(rateOneTurnRadiusNm(90)) // 0.955 NM
 */
export function minimumTrackSpacingNm(turnRadiusNm: number): number {
  return 2 * turnRadiusNm;
}

/** Fewest tracks that can be flown interleaved: with three, two consecutive tracks are always S apart. */
export const INTERLEAVED_MIN_TRACKS = 4;

/**
 * The closest track spacing a unit turning on `turnRadiusNm` flies with its legs interleaved
 * (see the file comment): r, each U-turn spanning two spacings.
 * @example interleavedTrackSpacingNm(rateOneTurnRadiusNm(90)) // 0.477 NM
 */
export function interleavedTrackSpacingNm(turnRadiusNm: number): number {
  return turnRadiusNm;
}

/**
 * True when a ladder of `trackCount` tracks at `trackSpacingNm` must be flown interleaved by a
 * unit turning on `turnRadiusNm`: its spacing is under 2 r, and it has the tracks to do it.
 */
export function needsInterleavedLegs(trackSpacingNm: number, turnRadiusNm: number, trackCount: number): boolean {
  return trackSpacingNm < minimumTrackSpacingNm(turnRadiusNm) * (1 - 1e-9) && trackCount >= INTERLEAVED_MIN_TRACKS;
}
