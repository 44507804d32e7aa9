/**
 * The last guard of each unit's clearance from land, on the routes a plan issues.
 *
 * The optimiser and the IAMSAR baseline keep their areas off land with a quick test on the lines
 * the patterns' legs lie on, laid in the allocation's frame (tracks_on_land.ts). That frame parts
 * from the area's own plotting sheet, on which the route is laid, by a few parts in a thousand of
 * the distance from the area's centre, so a route can come out inside its clearance by up to a
 * tenth of a mile on an area tens of miles long (`bench/plan_fuzz.mjs`: a 70 NM parallel sweep
 * 0.096 NM from Ulleungdo against a 0.2 NM clearance). Each issued route is therefore measured
 * as flown (route_clearance.ts, geodesic, to the shoreline's edges) and, when it is inside its
 * clearance, its area is moved straight away from the closest shore point by the shortfall and
 * MARGIN_NM, on the area's own sheet, and the route laid again with the same pattern, spacing,
 * first leg and legs (area_route.ts, areaRouteMovedTo), until it keeps its clearance, at most
 * MOVES times. A route still inside then stays as it was, and the plan's land warnings name it.
 * Where the move would push a PS or CS area into one it must be kept apart from (its neighbour
 * across a shared side, the IAMSAR baseline's next strip), it is moved along one of its own axes
 * instead, or failing that the side toward the shore is cut back and the same tracks laid closer
 * (not closer than its turns allow), which keeps the area inside its old outline.
 *
 * A move is the shortfall, a fraction of a mile: the unit's effort and coverage stay, the plan is
 * scored again exactly by the caller. A route over land (distance 0) is no frame's parting but an
 * area the quick test let through, and is left to the land warnings. Routes that keep their
 * clearance are not touched, so a plan that was clear is the same plan, bit for bit.
 */
import type { Shoreline } from '../../drift/request.js';
import type { LocalFrame } from '../../probability/local_frame.js';
import { lonLatToPlane, planeToLonLat, type PlaneOffsetNm } from '../patterns/local_plane.js';
import { routeShoreClearance } from '../route_clearance.js';
import { interleavedSpacingOf, minimumSpacingOf, unitClearanceNm, type AllocationUnit } from './allocation_unit.js';
import { areaRouteMovedTo } from './area_route.js';
import { rectangleInFrame, rectanglesOverlap, type AreaOnEarth } from './frame_rectangle.js';
import type { UnitAssignment } from './search_plan.js';
import type { AreaPattern } from './track_spacing_fit.js';

/** Inside its clearance by less than this is kept (the plan's land warnings use the same), NM. */
export const CLEARANCE_TOLERANCE_NM = 1e-3;
/** A moved route is put this much beyond its clearance, NM (9 m: the closest point can change as it moves). */
export const MARGIN_NM = 0.005;
/** Moves tried before a route is left as it was. */
export const MOVES = 6;

/**
 * `assignment` with its route kept `clearanceNm` from land as flown: itself when it already is,
 * else its area moved off the closest shore (file header), or itself when no move clears it.
 * @example keptClearOfLand(unit, plan.assignments[0], coastline).route
 */
export function keptClearOfLand(unit: AllocationUnit, assignment: UnitAssignment, shoreline: Shoreline,
  blocked: (area: AreaOnEarth) => boolean = () => false, clearanceNm = unitClearanceNm(unit)): UnitAssignment {
  if (!(clearanceNm > 0)) return assignment;
  const searchNm = clearanceNm + 1;
  const isClear = (c: ReturnType<typeof routeShoreClearance>): boolean => c === null || c.distanceNm >= clearanceNm - CLEARANCE_TOLERANCE_NM;
  let current = assignment;
  let closest = routeShoreClearance(current.route, shoreline, searchNm);
  for (let step = 0; step < MOVES && !isClear(closest); step++) {
    const away = lonLatToPlane(closest!.shore, closest!.at);
    const d = Math.hypot(away.eastNm, away.northNm);
    if (!(closest!.distanceNm > 0) || !(d > 0)) return assignment;
    const shiftNm = clearanceNm - closest!.distanceNm + MARGIN_NM;
    const move = { eastNm: (away.eastNm / d) * shiftNm, northNm: (away.northNm / d) * shiftNm };
    const next = movedClear(unit, current, move, blocked);
    if (next === null) return assignment;
    current = next;
    closest = routeShoreClearance(current.route, shoreline, searchNm);
  }
  return isClear(closest) ? current : assignment;
}

/**
 * `current` moved by `move` on its area's sheet, or where that is `blocked`, along one of
 * its area's axes, or cut back (file header); null when none is possible (an SS, or a cut that
 * would lay its tracks closer than its turns allow).
 */
function movedClear(unit: AllocationUnit, current: UnitAssignment, move: PlaneOffsetNm, blocked: (area: AreaOnEarth) => boolean): UnitAssignment | null {
  const moved = (m: PlaneOffsetNm): AreaOnEarth => ({ ...current.area, centre: planeToLonLat(current.area.centre, m) });
  const straight = moved(move);
  if (!blocked(straight)) return { ...current, area: straight, route: areaRouteMovedTo(unit, current.route, straight) };
  // straight away is blocked: along either of the area's axes instead, by as much as takes it the
  // shortfall off the shore (a move along a long side clears a neighbour a slanted one meets)
  const shiftNm = Math.hypot(move.eastNm, move.northNm);
  const b = (current.area.orientationDeg * Math.PI) / 180;
  for (const u of [{ eastNm: Math.sin(b), northNm: Math.cos(b) }, { eastNm: Math.cos(b), northNm: -Math.sin(b) }]) {
    const cos = (u.eastNm * move.eastNm + u.northNm * move.northNm) / shiftNm;
    if (Math.abs(cos) < 0.3) continue;
    const area = moved({ eastNm: (u.eastNm * shiftNm) / cos, northNm: (u.northNm * shiftNm) / cos });
    if (!blocked(area)) return { ...current, area, route: areaRouteMovedTo(unit, current.route, area) };
  }
  if (current.pattern === 'SS') return null;
  // the far side stays; cut across the tracks, the same tracks are laid closer (the near one moves
  // by the cut less half a spacing's change: half of it for one track), so twice the shortfall is
  // cut; no closer than the unit's turns allow
  const cut = cutBack(current.area, { eastNm: 2 * move.eastNm, northNm: 2 * move.northNm }, current.pattern);
  const spacingNm = current.trackSpacingNm * cut.spacingScale;
  const closestNm = current.route.parameters.legOrder === 'interleaved' ? interleavedSpacingOf(unit, current.pattern) : minimumSpacingOf(unit, current.pattern);
  if (spacingNm < closestNm * (1 - 1e-9)) return null;
  return { ...current, area: cut.area, trackSpacingNm: spacingNm, coverage: current.sweepWidthNm / spacingNm,
    route: areaRouteMovedTo(unit, current.route, cut.area, spacingNm) };
}

/**
 * `area` with the side that `move` (on the area's sheet) points away from cut back by the move's
 * part along the axis it is most along: the far side stays, the area shrinks toward it.
 */
function cutBack(area: AreaOnEarth, move: PlaneOffsetNm, pattern: AreaPattern): { area: AreaOnEarth; spacingScale: number } {
  const b = (area.orientationDeg * Math.PI) / 180;
  const along = move.eastNm * Math.sin(b) + move.northNm * Math.cos(b);
  const across = move.eastNm * Math.cos(b) - move.northNm * Math.sin(b);
  const alongAxis = Math.abs(along) >= Math.abs(across);
  const cutNm = Math.min(Math.abs(alongAxis ? along : across), 0.5 * (alongAxis ? area.lengthNm : area.widthNm));
  const half = 0.5 * cutNm * Math.sign(alongAxis ? along : across);
  const centre = planeToLonLat(area.centre, alongAxis
    ? { eastNm: half * Math.sin(b), northNm: half * Math.cos(b) }
    : { eastNm: half * Math.cos(b), northNm: -half * Math.sin(b) });
  const cutArea = alongAxis ? { ...area, centre, lengthNm: area.lengthNm - cutNm } : { ...area, centre, widthNm: area.widthNm - cutNm };
  // a PS's tracks lie along the length, S apart across it; a CS's across it, S apart along it
  const acrossTracks = pattern === 'CS' ? alongAxis : !alongAxis;
  return { area: cutArea, spacingScale: acrossTracks ? (alongAxis ? cutArea.lengthNm / area.lengthNm : cutArea.widthNm / area.widthNm) : 1 };
}

/**
 * Every assignment kept clear of land (keptClearOfLand), and the ids of the units moved; the same
 * array when none was. `apart(a, b)`: areas a and b must not overlap (a move that would make them
 * is a cut instead); by default every pair.
 */
export function assignmentsClearOfLand(assignments: readonly UnitAssignment[], units: readonly AllocationUnit[],
  shoreline: Shoreline, frame: LocalFrame, apart: (a: AllocationUnit, b: AllocationUnit) => boolean = () => true,
): { readonly assignments: readonly UnitAssignment[]; readonly moved: readonly string[] } {
  const moved: string[] = [];
  const out = assignments.slice();
  out.forEach((a, k) => {
    const unit = units.find((u) => u.unitId === a.unitId);
    if (!unit) return;
    const others = out.filter((b, j) => {
      const other = units.find((u) => u.unitId === b.unitId);
      return j !== k && other !== undefined && apart(unit, other)
        && !rectanglesOverlap(rectangleInFrame(frame, a.area), rectangleInFrame(frame, b.area));
    }).map((b) => rectangleInFrame(frame, b.area));
    const blocked = (area: AreaOnEarth): boolean => others.some((r) => rectanglesOverlap(rectangleInFrame(frame, area), r));
    const kept = keptClearOfLand(unit, a, shoreline, blocked);
    if (kept !== a) { moved.push(a.unitId); out[k] = kept; }
  });
  return moved.length === 0 ? { assignments, moved } : { assignments: out, moved };
}
