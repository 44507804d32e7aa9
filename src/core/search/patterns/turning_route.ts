/**
 * A pattern flown with its turns: every turn "fly-by", an arc of the unit's turn radius tangent to
 * the leg before and the leg after (turns.ts says why), the arc sampled every 10 degrees or less.
 * The waypoints stay the pattern's corners as drawn (what a chart and an ECDIS route show); each
 * is timed when the unit is abeam of it, at the middle of its arc. The times follow the track as
 * flown, and the endurance cuts it there.
 */
import type { LonLatDeg } from '../../geo/lon_lat.js';
import { METRES_PER_NM, SECONDS_PER_HOUR, knotsToMps } from '../../geo/units.js';
import type { RouteLeg, RouteWaypoint, TimedPoint } from '../pattern.js';
import { geodesicBetween, planeToLonLat, pointAlongGeodesic, type PlaneOffsetNm } from './local_plane.js';
import type { PlannedLeg } from './route_layout.js';

/** Arcs are sampled at least this often, degrees of heading. */
const ARC_STEP_DEG = 10;
const TIME_EPSILON_S = 1e-6;

/** The turning layout's result, before layOutRoute wraps it as a SearchRoute. */
export interface TurningLayout {
  readonly waypoints: RouteWaypoint[];
  readonly legs: RouteLeg[];
  readonly flown: TimedPoint[];
  readonly flownTrackNm: number;
  readonly turnTrackNm: number;
  readonly tightTurns: number;
  readonly elapsedS: number;
  readonly cutByEndurance: boolean;
}

/** A point of the track on the sheet; `inTurn`: the way to it from the point before is part of a turn. */
interface SheetPoint { readonly p: PlaneOffsetNm; readonly inTurn: boolean }

/**
 * Lay out `legs` from `start` on the sheet at `origin` with fly-by turns of `turnRadiusNm`.
 * A turn whose lead (r tan(θ/2) for a heading change θ) does not fit the legs either side (the
 * first leg wholly, the others half each) is flown on the radius that fits, and counted.
 */
export function layOutTurningRoute(origin: LonLatDeg, start: PlaneOffsetNm, legs: readonly PlannedLeg[], pattern: string,
  motion: { speedKn: number; startTimeS: number; enduranceH?: number }, turnRadiusNm: number): TurningLayout {
  const corners: PlaneOffsetNm[] = [start, ...legs.map((l) => l.to)];
  const n = legs.length;
  const sheet: SheetPoint[] = [{ p: start, inTurn: false }];
  /** Index in `sheet` of the point abeam each corner (0 for the CSP; the last for the end). */
  const abeam: number[] = [0];
  let tightTurns = 0;
  let previousLeadNm = 0;
  for (let k = 1; k < n; k++) {
    const p0 = corners[k - 1], p1 = corners[k], p2 = corners[k + 1];
    const inE = p1.eastNm - p0.eastNm, inN = p1.northNm - p0.northNm, inLen = Math.hypot(inE, inN);
    const outE = p2.eastNm - p1.eastNm, outN = p2.northNm - p1.northNm, outLen = Math.hypot(outE, outN);
    if (inLen === 0 || outLen === 0) { abeam.push(sheet.length); sheet.push({ p: p1, inTurn: false }); previousLeadNm = 0; continue; }
    const ae = inE / inLen, an = inN / inLen, be = outE / outLen, bn = outN / outLen;
    // signed heading change, counter-clockwise positive on the (east, north) sheet (a left turn)
    const theta = Math.atan2(ae * bn - an * be, ae * be + an * bn);
    const half = Math.abs(theta) / 2;
    if (half < 1e-9) { abeam.push(sheet.length); sheet.push({ p: p1, inTurn: false }); previousLeadNm = 0; continue; }
    const wantedLeadNm = turnRadiusNm * Math.tan(half);
    const roomNm = Math.min(inLen - previousLeadNm, k + 1 === n ? outLen : outLen / 2);
    const leadNm = Math.max(0, Math.min(wantedLeadNm, roomNm));
    if (leadNm < wantedLeadNm * (1 - 1e-9)) tightTurns++;
    const radiusNm = leadNm / Math.tan(half);
    const tIn = { eastNm: p1.eastNm - leadNm * ae, northNm: p1.northNm - leadNm * an };
    sheet.push({ p: tIn, inTurn: false });
    // centre: to the left of the incoming leg for a left turn, to its right for a right turn
    const side = theta > 0 ? 1 : -1;
    const ce = tIn.eastNm - side * radiusNm * an, cn = tIn.northNm + side * radiusNm * ae;
    const phi0 = Math.atan2(tIn.northNm - cn, tIn.eastNm - ce);
    let steps = Math.max(2, Math.ceil((Math.abs(theta) * 180) / Math.PI / ARC_STEP_DEG));
    if (steps % 2 === 1) steps++;   // an even count puts a sample at the middle of the arc
    for (let j = 1; j <= steps; j++) {
      const phi = phi0 + (theta * j) / steps;
      if (j === steps / 2) abeam.push(sheet.length);
      sheet.push({ p: { eastNm: ce + radiusNm * Math.cos(phi), northNm: cn + radiusNm * Math.sin(phi) }, inTurn: true });
    }
    previousLeadNm = leadNm;
  }
  abeam.push(sheet.length);
  sheet.push({ p: corners[n], inTurn: false });

  // on the Earth, timed, cut at the endurance
  const speedMps = knotsToMps(motion.speedKn);
  const enduranceS = motion.enduranceH === undefined ? Infinity : motion.enduranceH * SECONDS_PER_HOUR;
  const flown: TimedPoint[] = [];
  let elapsedS = 0, turnM = 0, cutByEndurance = false;
  let previous = planeToLonLat(origin, sheet[0].p);
  flown.push({ ...previous, timeS: motion.startTimeS });
  let reached = 0;   // last sheet index reached
  for (let q = 1; q < sheet.length; q++) {
    const next = planeToLonLat(origin, sheet[q].p);
    const g = geodesicBetween(previous, next);
    const durationS = g.lengthM / speedMps;
    if (elapsedS + durationS > enduranceS + TIME_EPSILON_S) {
      cutByEndurance = true;
      const remainingS = enduranceS - elapsedS;
      if (remainingS > TIME_EPSILON_S) {
        const end = pointAlongGeodesic(previous, next, remainingS * speedMps);
        flown.push({ ...end, timeS: motion.startTimeS + enduranceS });
        if (sheet[q].inTurn) turnM += remainingS * speedMps;
      }
      elapsedS = enduranceS;
      break;
    }
    elapsedS += durationS;
    if (sheet[q].inTurn) turnM += g.lengthM;
    flown.push({ ...next, timeS: motion.startTimeS + elapsedS });
    previous = next;
    reached = q;
  }

  // waypoints: the corners reached, each at the time the unit is abeam of it; then the cut point
  const waypoints: RouteWaypoint[] = [];
  const times: number[] = [];
  // flown[i] is sheet point i for i <= reached
  for (let k = 0; k <= n; k++) {
    if (abeam[k] > reached) break;
    const at = k === 0 ? flown[0] : planeToLonLat(origin, corners[k]);
    const timeS = flown[abeam[k]].timeS;
    waypoints.push({ lonDeg: at.lonDeg, latDeg: at.latDeg, name: k === 0 ? 'CSP' : `${pattern} ${k}`, timeS });
    times.push(timeS);
  }
  if (cutByEndurance && flown.length > 0) {
    const last = flown[flown.length - 1];
    if (last.timeS > times[times.length - 1] + TIME_EPSILON_S) {
      waypoints.push({ lonDeg: last.lonDeg, latDeg: last.latDeg, name: `${pattern} ${waypoints.length}`, timeS: last.timeS });
    }
  }
  const routeLegs: RouteLeg[] = [];
  for (let k = 0; k + 1 < waypoints.length; k++) {
    const g = geodesicBetween(waypoints[k], waypoints[k + 1]);
    routeLegs.push({ fromIndex: k, role: legs[k].role, lengthNm: g.lengthM / METRES_PER_NM, bearingDeg: g.initialBearingDeg, durationS: waypoints[k + 1].timeS - waypoints[k].timeS });
  }
  return {
    waypoints, legs: routeLegs, flown, flownTrackNm: (elapsedS * speedMps) / METRES_PER_NM, turnTrackNm: turnM / METRES_PER_NM,
    tightTurns, elapsedS, cutByEndurance,
  };
}
