/**
 * Parallel sweep search (PS; "parallel track search"), IAMSAR Manual Vol. II, chapter 5 (search
 * patterns): tracks parallel to the major axis (the long sides) of the rectangle, S apart,
 * progressing across the minor axis; the CSP is S/2 inside a corner. See parallel_tracks.ts for
 * the layout convention.
 */
import { InvalidInputError } from '../../errors.js';
import type { LegOrder, SearchRoute, TurnDirection, UnitMotion } from '../pattern.js';
import { ladder } from './parallel_tracks.js';
import {
  optionalLegCount,
  optionalLegOrder,
  requireBearing,
  requireMotion,
  requirePositive,
  requireTurn,
  sameBearing,
} from './pattern_inputs.js';
import { layOutRoute } from './route_layout.js';
import { checkSearchRectangle, type SearchRectangle } from './search_rectangle.js';

/** Inputs of a parallel sweep or creeping line search. */
export interface RectanglePatternInput {
  readonly area: SearchRectangle;
  /** Track spacing S, NM. */
  readonly trackSpacingNm: number;
  /**
   * Course of the first track, degrees true. PS: along the major axis (orientation or its
   * reciprocal; default orientation). CS: along the minor axis (orientation ± 90; default +90).
   */
  readonly firstLegBearingDeg?: number;
  /** Side of the first turn: the side across which the tracks progress. */
  readonly turn: TurnDirection;
  /** Keep only the first `legCount` legs (tracks and cross legs both count). */
  readonly legCount?: number;
  /** Order the tracks are flown in (parallel_tracks.ts, trackOrder); default 'sequential'. */
  readonly legOrder?: LegOrder;
  readonly unit: UnitMotion;
}

/**
 * Parallel sweep (PS) over a rectangle: ceil(width / S) tracks of (length - S) NM joined by cross
 * legs of S NM.
 * @example
 * // 10 x 6 NM, S = 2 NM: 3 tracks of 8 NM, 2 cross legs of 2 NM: 28 NM of track
 * parallelSweep({ area: { centre: { lonDeg: 131, latDeg: 37 }, lengthNm: 10, widthNm: 6, orientationDeg: 0 },
 *   trackSpacingNm: 2, turn: 'right', unit: { speedKn: 10, startTimeS: 0 } });
 */
export function parallelSweep(input: RectanglePatternInput): SearchRoute {
  return rectanglePattern('PS', input);
}

/** Shared body of parallelSweep and creepingLine (CS tracks run along the minor axis). */
export function rectanglePattern(pattern: 'PS' | 'CS', input: RectanglePatternInput): SearchRoute {
  const area = checkSearchRectangle('area', input.area);
  const trackSpacingNm = requirePositive('trackSpacingNm', input.trackSpacingNm);
  const turn = requireTurn('turn', input.turn);
  const legCount = optionalLegCount('legCount', input.legCount);
  const legOrder = optionalLegOrder('legOrder', input.legOrder);
  const motion = requireMotion('unit', input.unit);
  const axisDeg = pattern === 'PS' ? area.orientationDeg : area.orientationDeg + 90;
  const firstLegBearingDeg = requireBearing('firstLegBearingDeg', input.firstLegBearingDeg ?? axisDeg);
  if (!sameBearing(firstLegBearingDeg, axisDeg) && !sameBearing(firstLegBearingDeg, axisDeg + 180)) {
    const axisName = pattern === 'PS' ? 'major' : 'minor';
    throw new InvalidInputError('firstLegBearingDeg',
      `${firstLegBearingDeg} degrees is not along the ${axisName} axis (${axisDeg % 360} or ${(axisDeg + 180) % 360} degrees); ${pattern} tracks run along the ${axisName} axis`);
  }
  const alongMajor = pattern === 'PS';
  const laid = ladder({
    area,
    trackSpacingNm,
    firstLegBearingDeg,
    turn,
    alongTrackExtentNm: alongMajor ? area.lengthNm : area.widthNm,
    acrossTrackExtentNm: alongMajor ? area.widthNm : area.lengthNm,
    alongTrackField: alongMajor ? 'area.lengthNm' : 'area.widthNm',
    legOrder,
  });
  return layOutRoute({
    pattern,
    sheetOrigin: laid.sheetOrigin,
    start: laid.start,
    legs: laid.legs,
    trackSpacingNm,
    motion,
    ...(legCount === undefined ? {} : { legCount }),
    parameters: {
      [area.reference === 'centre' ? 'areaCentreLonDeg' : 'areaCornerLonDeg']: area.position.lonDeg,
      [area.reference === 'centre' ? 'areaCentreLatDeg' : 'areaCornerLatDeg']: area.position.latDeg,
      areaLengthNm: area.lengthNm,
      areaWidthNm: area.widthNm,
      areaOrientationDeg: area.orientationDeg,
      trackSpacingNm,
      firstLegBearingDeg,
      turn,
      trackCount: laid.trackCount,
      trackLengthNm: laid.trackLengthNm,
      ...(legOrder === 'interleaved' ? { legOrder } : {}),
    },
  });
}
