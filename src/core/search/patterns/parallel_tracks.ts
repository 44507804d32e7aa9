/**
 * The track ladder shared by parallel sweep (PS) and creeping line (CS) searches, IAMSAR Manual
 * Vol. II, chapter 5 (search patterns): the CSP lies S/2 inside the start corner of the
 * rectangle (S/2 from each of the two sides forming it); tracks run parallel to one side, S apart,
 * the first S/2 from the area's edge, each ending S/2 short of the far edge (so a track over an
 * extent E is E - S long); cross legs of length S join the tracks, turning alternately towards the
 * first turn's side and back. Interleaved (turns.ts: a unit whose turns are too wide for S), the
 * same tracks are flown in trackOrder's order, each joined to the next by a cross leg along the
 * edge where the one before ended.
 */
import { InvalidInputError } from '../../errors.js';
import type { LonLatDeg } from '../../geo/lon_lat.js';
import type { LegOrder, TurnDirection } from '../pattern.js';
import { INTERLEAVED_MIN_TRACKS } from '../turns.js';
import { addOffsets, offsetAlongHeading, type PlaneOffsetNm } from './local_plane.js';
import type { PlannedLeg } from './route_layout.js';
import type { CheckedRectangle } from './search_rectangle.js';

/** Where the ladder's tracks lie within the rectangle. */
export interface LadderRequest {
  readonly area: CheckedRectangle;
  readonly trackSpacingNm: number;
  /** Course of the first track, degrees true (already checked against the axis). */
  readonly firstLegBearingDeg: number;
  readonly turn: TurnDirection;
  /** The rectangle's extent along the tracks and across them, NM. */
  readonly alongTrackExtentNm: number;
  readonly acrossTrackExtentNm: number;
  /** Field named in errors about the extents (e.g. 'area.lengthNm'). */
  readonly alongTrackField: string;
  /** Order the tracks are flown in; default 'sequential'. */
  readonly legOrder?: LegOrder;
}

/** The ladder on its plotting sheet, ready for layOutRoute. */
export interface Ladder {
  readonly sheetOrigin: LonLatDeg;
  readonly start: PlaneOffsetNm;
  readonly legs: readonly PlannedLeg[];
  readonly trackCount: number;
  /** Length of each track, NM: the along-track extent less S. */
  readonly trackLengthNm: number;
}

/**
 * Lay the tracks. The number of tracks is ceil(acrossTrackExtent / S) (at least 1): when the
 * extent is not a multiple of S the last track still lies S apart from the one before, so it may
 * fall up to S/2 outside the far edge rather than leave an unsearched strip.
 */
export function ladder(request: LadderRequest): Ladder {
  const { area, trackSpacingNm: s, firstLegBearingDeg: courseDeg } = request;
  const trackLengthNm = request.alongTrackExtentNm - s;
  if (!(trackLengthNm > 0)) {
    throw new InvalidInputError(request.alongTrackField,
      `${request.alongTrackExtentNm} NM leaves no track: tracks end S/2 inside each edge, so it must exceed the track spacing ${s} NM`);
  }
  const trackCount = Math.max(1, Math.ceil(request.acrossTrackExtentNm / s - 1e-9));
  const order = trackOrder(trackCount, request.legOrder ?? 'sequential');
  const side = request.turn === 'right' ? 1 : -1;
  // Sheet origin: the given point. For a centre, the start corner is half the extents back and
  // to the side away from the first turn.
  const corner: PlaneOffsetNm = area.reference === 'corner'
    ? { eastNm: 0, northNm: 0 }
    : offsetAlongHeading(courseDeg, -request.alongTrackExtentNm / 2, -side * request.acrossTrackExtentNm / 2);
  const at = (alongNm: number, acrossNm: number): PlaneOffsetNm =>
    addOffsets(corner, offsetAlongHeading(courseDeg, alongNm, side * acrossNm));

  const near = s / 2;
  const far = request.alongTrackExtentNm - s / 2;
  const legs: PlannedLeg[] = [];
  // each track flown the other way from the one before, so each starts at the edge where that one ended
  order.forEach((k, j) => {
    const acrossNm = s / 2 + k * s;
    const outbound = j % 2 === 0;
    if (j > 0) legs.push({ to: at(outbound ? near : far, acrossNm), role: 'crossLeg' });
    legs.push({ to: at(outbound ? far : near, acrossNm), role: 'search' });
  });
  return { sheetOrigin: area.position, start: at(near, s / 2 + order[0] * s), legs, trackCount, trackLengthNm };
}

/**
 * The order the tracks (0 nearest the first turn's start side) are flown in. Sequential: 0, 1, 2, ...
 * Interleaved: every other track on a first pass and the rest on a second, consecutive tracks at
 * least two spacings apart (turns.ts): 1, 3, 0, 2 for four tracks; 0, 2, 4, ..., then 1, 3, ... for
 * five or more (the second pass begins 3 spacings or more back from where the first ended).
 * InvalidInputError for fewer than INTERLEAVED_MIN_TRACKS tracks interleaved.
 * @example trackOrder(6, 'interleaved') // [0, 2, 4, 1, 3, 5]
 */
export function trackOrder(trackCount: number, legOrder: LegOrder): number[] {
  const all = Array.from({ length: trackCount }, (_, k) => k);
  if (legOrder === 'sequential') return all;
  if (trackCount < INTERLEAVED_MIN_TRACKS) {
    throw new InvalidInputError('legOrder', `interleaved legs need at least ${INTERLEAVED_MIN_TRACKS} tracks; this area has ${trackCount}`);
  }
  const even = all.filter((k) => k % 2 === 0), odd = all.filter((k) => k % 2 === 1);
  return trackCount === INTERLEAVED_MIN_TRACKS ? [...odd, ...even] : [...even, ...odd];
}

/** The cross legs' total length in spacings: the sum of the gaps between consecutive tracks of `order`. */
export function crossingSpacings(order: readonly number[]): number {
  let sum = 0;
  for (let j = 1; j < order.length; j++) sum += Math.abs(order[j] - order[j - 1]);
  return sum;
}
