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
 *   becomes a half circle whose diameter is the spacing. A tighter spacing would need a racetrack
 *   (procedure) turn outside the area, which is more track than the pattern counts and is not
 *   planned here.
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
