/**
 * Creeping line search (CS), IAMSAR Manual Vol. II, chapter 5 (search patterns): like a parallel
 * sweep, but the tracks run parallel to the minor axis (the short sides) of the rectangle and the
 * pattern creeps along the major axis, so the most probable end can be searched first. CSP S/2
 * inside a corner; see parallel_tracks.ts for the layout convention.
 */
import type { SearchRoute } from '../pattern.js';
import { rectanglePattern, type RectanglePatternInput } from './parallel_sweep.js';

/**
 * Creeping line (CS) over a rectangle: ceil(length / S) tracks of (width - S) NM joined by cross
 * legs of S NM, progressing along the major axis.
 * @example
 * // 10 x 6 NM, S = 2 NM: 5 tracks of 4 NM, 4 cross legs of 2 NM: 28 NM of track
 * creepingLine({ area: { centre: { lonDeg: 131, latDeg: 37 }, lengthNm: 10, widthNm: 6, orientationDeg: 0 },
 *   trackSpacingNm: 2, turn: 'right', unit: { speedKn: 10, startTimeS: 0 } });
 */
export function creepingLine(input: RectanglePatternInput): SearchRoute {
  return rectanglePattern('CS', input);
}
