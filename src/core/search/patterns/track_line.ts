/**
 * Track line search (TS), IAMSAR Manual Vol. II, chapter 5 (search patterns): along the intended
 * track of the missing craft. Non-return (TSN, here 'single'): one leg along the track itself.
 * Return (TSR): out along one side of the track at S/2, a cross leg of S, and back in the
 * opposite direction along the other side at S/2, ending abreast of the start.
 */
import { InvalidInputError } from '../../errors.js';
import type { LonLatDeg } from '../../geo/lon_lat.js';
import type { SearchRoute, TurnDirection, UnitMotion } from '../pattern.js';
import { geodesicBetween, offsetAlongHeading } from './local_plane.js';
import {
  optionalLegCount,
  requireBearing,
  requireMotion,
  requirePosition,
  requirePositive,
  requireTurn,
} from './pattern_inputs.js';
import { METRES_PER_NM } from '../../geo/units.js';
import { layOutRoute, type PlannedLeg } from './route_layout.js';

/** The missing craft's intended track: a start and either an end or a course and a length. */
export type IntendedTrack =
  | { readonly start: LonLatDeg; readonly end: LonLatDeg }
  | { readonly start: LonLatDeg; readonly bearingDeg: number; readonly lengthNm: number };

/** Inputs of a track line search. */
export interface TrackLineInput {
  readonly track: IntendedTrack;
  /** 'single' (TSN): once along the track; 'return' (TSR): out and back S apart. */
  readonly mode: 'single' | 'return';
  /** Track spacing S, NM: distance between the outbound and the return legs (TSR). */
  readonly trackSpacingNm: number;
  /** TSR only: side of the turn at the far end (the return leg lies on this side). */
  readonly turn?: TurnDirection;
  readonly legCount?: number;
  readonly unit: UnitMotion;
}

/**
 * Track line search, single (TSN) or return (TSR).
 * @example
 * // 20 NM track due east, S = 2 NM, return: 20 + 2 + 20 = 42 NM
 * trackLine({ track: { start: { lonDeg: 131, latDeg: 37 }, bearingDeg: 90, lengthNm: 20 },
 *   mode: 'return', trackSpacingNm: 2, turn: 'right', unit: { speedKn: 10, startTimeS: 0 } });
 */
export function trackLine(input: TrackLineInput): SearchRoute {
  if (typeof input.track !== 'object' || input.track === null) {
    throw new InvalidInputError('track', 'must give start and either end or bearingDeg and lengthNm');
  }
  const start = requirePosition('track.start', input.track.start);
  let bearingDeg: number;
  let lengthNm: number;
  if ('end' in input.track && input.track.end !== undefined) {
    const end = requirePosition('track.end', input.track.end);
    const geodesic = geodesicBetween(start, end);
    if (geodesic.lengthM === 0) throw new InvalidInputError('track.end', 'is the same point as track.start');
    bearingDeg = geodesic.initialBearingDeg;
    lengthNm = geodesic.lengthM / METRES_PER_NM;
  } else {
    const t = input.track as { bearingDeg?: unknown; lengthNm?: unknown };
    bearingDeg = requireBearing('track.bearingDeg', t.bearingDeg);
    lengthNm = requirePositive('track.lengthNm', t.lengthNm);
  }
  if (input.mode !== 'single' && input.mode !== 'return') {
    throw new InvalidInputError('mode', `must be 'single' or 'return', got ${String(input.mode)}`);
  }
  const trackSpacingNm = requirePositive('trackSpacingNm', input.trackSpacingNm);
  const turn = input.mode === 'return' ? requireTurn('turn', input.turn ?? 'right') : undefined;
  const legCount = optionalLegCount('legCount', input.legCount);
  const motion = requireMotion('unit', input.unit);

  // Sheet origin: the track's start; "right" is to the right of the track's course.
  const side = turn === 'left' ? -1 : 1;
  const half = trackSpacingNm / 2;
  const startOffset = turn === undefined ? offsetAlongHeading(bearingDeg, 0, 0) : offsetAlongHeading(bearingDeg, 0, -side * half);
  const legs: PlannedLeg[] = turn === undefined
    ? [{ to: offsetAlongHeading(bearingDeg, lengthNm, 0), role: 'search' }]
    : [
        { to: offsetAlongHeading(bearingDeg, lengthNm, -side * half), role: 'search' },
        { to: offsetAlongHeading(bearingDeg, lengthNm, side * half), role: 'crossLeg' },
        { to: offsetAlongHeading(bearingDeg, 0, side * half), role: 'search' },
      ];
  return layOutRoute({
    pattern: turn === undefined ? 'TSN' : 'TSR',
    sheetOrigin: start,
    start: startOffset,
    legs,
    trackSpacingNm,
    motion,
    ...(legCount === undefined ? {} : { legCount }),
    parameters: {
      trackStartLonDeg: start.lonDeg,
      trackStartLatDeg: start.latDeg,
      trackBearingDeg: bearingDeg,
      trackLengthNm: lengthNm,
      trackSpacingNm,
      mode: input.mode,
      ...(turn === undefined ? {} : { turn }),
    },
  });
}
