/**
 * Expanding square search (SS), IAMSAR Manual Vol. II, chapter 5 (search patterns): starts at
 * the datum (the CSP), legs of length S, S, 2S, 2S, 3S, 3S, ... with every turn 90 degrees in the
 * same direction, so the unit spirals outwards on squares S apart.
 */
import { InvalidInputError } from '../../errors.js';
import type { LonLatDeg } from '../../geo/lon_lat.js';
import type { SearchRoute, TurnDirection, UnitMotion } from '../pattern.js';
import { addOffsets, offsetAlongHeading, type PlaneOffsetNm } from './local_plane.js';
import {
  MAX_LEG_COUNT,
  optionalLegCount,
  requireBearing,
  requireMotion,
  requirePosition,
  requirePositive,
  requireTurn,
} from './pattern_inputs.js';
import { layOutRoute, type PlannedLeg } from './route_layout.js';

/** Inputs of an expanding square search. Give `legCount`, `unit.enduranceH`, or both. */
export interface ExpandingSquareInput {
  /** Commence search point: the datum. */
  readonly csp: LonLatDeg;
  /** Track spacing S, NM: the first leg's length and the growth of every second leg. */
  readonly trackSpacingNm: number;
  /** True course of the first leg, degrees (IAMSAR: often into the wind). */
  readonly firstLegBearingDeg: number;
  /** Direction of every turn. */
  readonly turn: TurnDirection;
  /** Number of legs; when absent, legs are laid until the unit's endurance runs out. */
  readonly legCount?: number;
  readonly unit: UnitMotion;
}

/**
 * Expanding square (SS): leg k (1-based) has length ceil(k/2)·S and true course
 * firstLegBearingDeg ± 90·(k-1) (+ for right turns).
 * @example
 * // S = 1 NM, first leg north, right turns: turns at (0,1), (1,1), (1,-1), (-1,-1), (-1,2) NM (east, north)
 * expandingSquare({ csp: { lonDeg: 131, latDeg: 37 }, trackSpacingNm: 1, firstLegBearingDeg: 0,
 *   turn: 'right', legCount: 5, unit: { speedKn: 10, startTimeS: 0 } });
 */
export function expandingSquare(input: ExpandingSquareInput): SearchRoute {
  const csp = requirePosition('csp', input.csp);
  const trackSpacingNm = requirePositive('trackSpacingNm', input.trackSpacingNm);
  const firstLegBearingDeg = requireBearing('firstLegBearingDeg', input.firstLegBearingDeg);
  const turn = requireTurn('turn', input.turn);
  const legCount = optionalLegCount('legCount', input.legCount);
  const motion = requireMotion('unit', input.unit);
  if (legCount === undefined && motion.enduranceH === undefined) {
    throw new InvalidInputError('legCount', 'give legCount or unit.enduranceH to bound an expanding square');
  }
  // Enough legs to outlast the endurance: the legs' nominal total exceeds the distance the unit
  // can run by more than one track spacing (geodesic lengths differ from nominal by < 1e-5).
  const reachNm = motion.enduranceH === undefined ? Infinity : motion.speedKn * motion.enduranceH * (1 + 1e-5);
  const turnSign = turn === 'right' ? 1 : -1;
  const legs: PlannedLeg[] = [];
  let at: PlaneOffsetNm = { eastNm: 0, northNm: 0 };
  let nominalNm = 0;
  for (let k = 1; legCount === undefined || k <= legCount; k++) {
    if (legCount === undefined && nominalNm > reachNm + trackSpacingNm) break;
    if (k > MAX_LEG_COUNT) {
      throw new InvalidInputError('unit.enduranceH', `the endurance needs more than ${MAX_LEG_COUNT} legs at this track spacing`);
    }
    const lengthNm = Math.ceil(k / 2) * trackSpacingNm;
    at = addOffsets(at, offsetAlongHeading(firstLegBearingDeg + turnSign * 90 * (k - 1), lengthNm, 0));
    legs.push({ to: at, role: 'search' });
    nominalNm += lengthNm;
  }
  return layOutRoute({
    pattern: 'SS',
    sheetOrigin: csp,
    start: { eastNm: 0, northNm: 0 },
    legs,
    trackSpacingNm,
    motion,
    ...(legCount === undefined ? {} : { legCount }),
    parameters: {
      cspLonDeg: csp.lonDeg,
      cspLatDeg: csp.latDeg,
      trackSpacingNm,
      firstLegBearingDeg,
      turn,
    },
  });
}
