/**
 * Lay out a pattern drawn on its plotting sheet (see local_plane.ts) as a timed route on WGS 84:
 * waypoints from the sheet, legs along geodesics between them, times at the unit's speed, the
 * legs limited to `legCount` and the last leg cut where the unit's endurance runs out.
 */
import { InvalidInputError } from '../../errors.js';
import type { LonLatDeg } from '../../geo/lon_lat.js';
import { METRES_PER_NM, SECONDS_PER_HOUR, knotsToMps } from '../../geo/units.js';
import type {
  LegRole,
  PatternCode,
  PatternParameterValue,
  RouteLeg,
  RouteWaypoint,
  SearchRoute,
  UnitMotion,
} from '../pattern.js';
import { geodesicBetween, planeToLonLat, pointAlongGeodesic, type PlaneOffsetNm } from './local_plane.js';
import { layOutTurningRoute } from './turning_route.js';

/** One planned leg: where it ends on the plotting sheet, and its role. */
export interface PlannedLeg {
  readonly to: PlaneOffsetNm;
  readonly role: LegRole;
}

/** A pattern as its generator drew it, before it is put on the Earth and timed. */
export interface RoutePlan {
  readonly pattern: PatternCode;
  /** Origin of the plotting sheet (CSP, datum, area centre or area corner). */
  readonly sheetOrigin: LonLatDeg;
  /** Commence search point on the sheet. */
  readonly start: PlaneOffsetNm;
  readonly legs: readonly PlannedLeg[];
  readonly trackSpacingNm: number;
  readonly motion: UnitMotion;
  /** Keep at most this many legs (already checked). */
  readonly legCount?: number;
  readonly parameters: Readonly<Record<string, PatternParameterValue>>;
}

/** Remaining times below this are taken as zero (seconds): float noise, not a leg. */
const TIME_EPSILON_S = 1e-6;

/** Put a planned pattern on WGS 84 and time it; see the file comment. */
export function layOutRoute(plan: RoutePlan): SearchRoute {
  const planned = plan.legCount === undefined ? plan.legs : plan.legs.slice(0, plan.legCount);
  if (planned.length === 0) throw new InvalidInputError('legCount', 'the pattern has no legs to lay out');
  const speedMps = knotsToMps(plan.motion.speedKn);
  const enduranceS = plan.motion.enduranceH === undefined ? Infinity : plan.motion.enduranceH * SECONDS_PER_HOUR;

  const turnRadiusNm = plan.motion.turnRadiusNm;
  if (turnRadiusNm !== undefined && turnRadiusNm > 0) return turningRoute(plan, planned, turnRadiusNm);
  const csp = planeToLonLat(plan.sheetOrigin, plan.start);
  const waypoints: RouteWaypoint[] = [{ ...csp, name: 'CSP', timeS: plan.motion.startTimeS }];
  const legs: RouteLeg[] = [];
  let elapsedS = 0;
  let from = csp;
  let cutByEndurance = false;

  for (const leg of planned) {
    const to = planeToLonLat(plan.sheetOrigin, leg.to);
    const geodesic = geodesicBetween(from, to);
    const durationS = geodesic.lengthM / speedMps;
    const name = `${plan.pattern} ${legs.length + 1}`;
    if (elapsedS + durationS > enduranceS + TIME_EPSILON_S) {
      cutByEndurance = true;
      const remainingS = enduranceS - elapsedS;
      if (remainingS <= TIME_EPSILON_S) break;
      const lengthM = remainingS * speedMps;
      const end = pointAlongGeodesic(from, to, lengthM);
      legs.push({ fromIndex: legs.length, role: leg.role, lengthNm: lengthM / METRES_PER_NM, bearingDeg: geodesic.initialBearingDeg, durationS: remainingS });
      waypoints.push({ ...end, name, timeS: plan.motion.startTimeS + enduranceS });
      elapsedS = enduranceS;
      break;
    }
    legs.push({ fromIndex: legs.length, role: leg.role, lengthNm: geodesic.lengthM / METRES_PER_NM, bearingDeg: geodesic.initialBearingDeg, durationS });
    elapsedS += durationS;
    waypoints.push({ ...to, name, timeS: plan.motion.startTimeS + elapsedS });
    from = to;
  }

  return finishRoute(plan, waypoints, legs, elapsedS, cutByEndurance, {});
}

/** The route with fly-by turns (turning_route.ts). */
function turningRoute(plan: RoutePlan, planned: readonly PlannedLeg[], turnRadiusNm: number): SearchRoute {
  const t = layOutTurningRoute(plan.sheetOrigin, plan.start, planned, plan.pattern, plan.motion, turnRadiusNm);
  return finishRoute(plan, t.waypoints, t.legs, t.elapsedS, t.cutByEndurance, {
    turnRadiusNm, flown: t.flown, flownTrackNm: t.flownTrackNm, turnTrackNm: t.turnTrackNm, tightTurns: t.tightTurns,
  });
}

/** The SearchRoute of laid-out waypoints and legs. */
function finishRoute(plan: RoutePlan, waypoints: RouteWaypoint[], legs: RouteLeg[], elapsedS: number, cutByEndurance: boolean,
  turns: Pick<SearchRoute, 'turnRadiusNm' | 'flown' | 'flownTrackNm' | 'turnTrackNm' | 'tightTurns'>): SearchRoute {
  const csp = waypoints[0];
  const totalTrackNm = legs.reduce((sum, l) => sum + l.lengthNm, 0);
  const endTimeS = plan.motion.startTimeS + elapsedS;
  const parameters = { ...plan.parameters, legCount: legs.length };
  return {
    pattern: plan.pattern,
    parameters,
    csp: { lonDeg: csp.lonDeg, latDeg: csp.latDeg },
    trackSpacingNm: plan.trackSpacingNm,
    speedKn: plan.motion.speedKn,
    waypoints,
    legs,
    totalTrackNm,
    startTimeS: plan.motion.startTimeS,
    endTimeS,
    cutByEndurance,
    feature: {
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: waypoints.map((w) => [w.lonDeg, w.latDeg] as const) },
      properties: {
        ...parameters,
        pattern: plan.pattern,
        trackSpacingNm: plan.trackSpacingNm,
        speedKn: plan.motion.speedKn,
        totalTrackNm,
        startTimeS: plan.motion.startTimeS,
        endTimeS,
        cutByEndurance,
        waypointNames: waypoints.map((w) => w.name),
        timesS: waypoints.map((w) => w.timeS),
        legLengthsNm: legs.map((l) => l.lengthNm),
        ...(turns.turnRadiusNm === undefined ? {} : { turnRadiusNm: turns.turnRadiusNm, flownTrackNm: turns.flownTrackNm, turnTrackNm: turns.turnTrackNm }),
      },
    },
    ...turns,
  };
}
