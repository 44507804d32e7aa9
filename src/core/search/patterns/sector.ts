/**
 * Sector search (VS), IAMSAR Manual Vol. II, chapter 5 (search patterns): from the datum (the
 * CSP) out along the first leg to the circle of radius R, then every turn 120 degrees in the same
 * direction; each leg is R long, so the pattern is three equilateral triangles with a common
 * vertex at the datum (9 legs, 9R of track) and it ends back at the datum. A second pattern may be
 * run rotated 30 degrees, which puts its radials between those of the first.
 */
import type { LonLatDeg } from '../../geo/lon_lat.js';
import type { SearchRoute, TurnDirection, UnitMotion } from '../pattern.js';
import { addOffsets, offsetAlongHeading, type PlaneOffsetNm } from './local_plane.js';
import {
  optionalLegCount,
  requireBearing,
  requireMotion,
  requirePosition,
  requirePositive,
  requireTurn,
} from './pattern_inputs.js';
import { layOutRoute, type PlannedLeg } from './route_layout.js';

/** Inputs of a sector search. */
export interface SectorInput {
  /** Commence search point: the datum, the centre of the circle. */
  readonly csp: LonLatDeg;
  /** Radius R of the searched circle, NM: every leg is R long. */
  readonly radiusNm: number;
  /** True course of the first leg, degrees. */
  readonly firstLegBearingDeg: number;
  /** Direction of every turn (IAMSAR draws right turns). */
  readonly turn: TurnDirection;
  /** Append a second pattern rotated 30 degrees in the turn direction (18 legs in all). */
  readonly secondPattern?: boolean;
  /** Keep only the first `legCount` legs. */
  readonly legCount?: number;
  readonly unit: UnitMotion;
}

/**
 * Course of each of the nine legs, as multiples of 120 degrees of turn after the first leg. Legs
 * 3-4 and 6-7 meet at the datum and are run straight on through it (a turn of 0 degrees there).
 */
const TURNS_OF_120 = [0, 1, 2, 2, 3, 4, 4, 5, 6] as const;

/**
 * Sector search (VS): nine legs of length R with 120-degree turns at the circle; with
 * `secondPattern`, nine more rotated 30 degrees.
 * @example
 * sector({ csp: { lonDeg: 131, latDeg: 37 }, radiusNm: 2, firstLegBearingDeg: 0, turn: 'right',
 *   unit: { speedKn: 10, startTimeS: 0 } });   // 18 NM, 6480 s at 10 kn
 */
export function sector(input: SectorInput): SearchRoute {
  const csp = requirePosition('csp', input.csp);
  const radiusNm = requirePositive('radiusNm', input.radiusNm);
  const firstLegBearingDeg = requireBearing('firstLegBearingDeg', input.firstLegBearingDeg);
  const turn = requireTurn('turn', input.turn);
  const legCount = optionalLegCount('legCount', input.legCount);
  const motion = requireMotion('unit', input.unit);
  const secondPattern = input.secondPattern === true;
  const turnSign = turn === 'right' ? 1 : -1;

  const legs: PlannedLeg[] = [];
  let at: PlaneOffsetNm = { eastNm: 0, northNm: 0 };
  const rotations = secondPattern ? [0, 30] : [0];
  for (const rotationDeg of rotations) {
    for (const turns of TURNS_OF_120) {
      const courseDeg = firstLegBearingDeg + turnSign * (rotationDeg + 120 * turns);
      at = addOffsets(at, offsetAlongHeading(courseDeg, radiusNm, 0));
      // Legs 3, 6 and 9 end on the datum: snap away the float residue (~1e-16 NM).
      if (Math.hypot(at.eastNm, at.northNm) < 1e-9 * radiusNm) at = { eastNm: 0, northNm: 0 };
      legs.push({ to: at, role: 'search' });
    }
  }

  return layOutRoute({
    pattern: 'VS',
    sheetOrigin: csp,
    start: { eastNm: 0, northNm: 0 },
    legs,
    trackSpacingNm: radiusNm,
    motion,
    ...(legCount === undefined ? {} : { legCount }),
    parameters: {
      cspLonDeg: csp.lonDeg,
      cspLatDeg: csp.latDeg,
      radiusNm,
      firstLegBearingDeg,
      turn,
      secondPattern,
    },
  });
}
