import { describe, expect, test } from 'vitest';
import { coastlineFromRings } from '../../coastline/index.js';
import { routeShoreClearance } from '../route_clearance.js';
import type { AllocationUnit } from './allocation_unit.js';
import { areaRoute, areaRouteMovedTo } from './area_route.js';
import { localFrame } from '../../probability/local_frame.js';
import { rectangleInFrame, rectanglesOverlap, type AreaOnEarth } from './frame_rectangle.js';
import { assignmentsClearOfLand, keptClearOfLand, MARGIN_NM } from './issued_clearance.js';
import type { AreaPattern } from './track_spacing_fit.js';
import type { UnitAssignment } from './search_plan.js';

// a small square island at 37.30N 131.50E, ±0.01° (±0.48 NM east-west, ±0.6 NM north-south)
const island = coastlineFromRings(
  [[[131.49, 37.29], [131.51, 37.29], [131.51, 37.31], [131.49, 37.31], [131.49, 37.29]]],
  { westDeg: 131, southDeg: 37, eastDeg: 132, northDeg: 38 },
);
const ship: AllocationUnit = { unitId: 'SHIP', speedKn: 12, enduranceH: 6, arrivalTimeS: 0, sweepWidthNm: 1, patterns: ['PS', 'CS', 'SS'], craft: 'ship', clearanceNm: 1, turnRadiusNm: 0.3 };
/** An area whose centre is `eastNm` east of the island's centre (negative: west), on the same parallel. */
const areaAt = (eastNm: number, lengthNm = 8, widthNm = 4, orientationDeg = 0): AreaOnEarth =>
  ({ centre: { lonDeg: 131.5 + eastNm / (60 * Math.cos((37.3 * Math.PI) / 180)), latDeg: 37.3 }, lengthNm, widthNm, orientationDeg });
const assignmentOf = (unit: AllocationUnit, pattern: AreaPattern, area: AreaOnEarth, spacingNm: number, squareCount = 1): UnitAssignment => ({
  unitId: unit.unitId, pattern, area, trackSpacingNm: spacingNm, coverage: unit.sweepWidthNm / spacingNm, sweepWidthNm: unit.sweepWidthNm,
  route: areaRoute(unit, pattern, area, spacingNm, squareCount),
});
const frame = localFrame({ lonDeg: 131.5, latDeg: 37.3 });
const closestNm = (a: UnitAssignment) => routeShoreClearance(a.route, island, 10)!.distanceNm;

describe('areaRouteMovedTo', () => {
  test('on the same area it lays the same route, for every pattern', () => {
    for (const [pattern, count] of [['PS', 1], ['CS', 1], ['SS', 3]] as const) {
      const a = assignmentOf(ship, pattern, areaAt(-4), 1, count);
      expect(areaRouteMovedTo(ship, a.route, a.area)).toEqual(a.route);
    }
  });
});

describe('keptClearOfLand', () => {
  test('a parallel sweep a little inside its 1 NM clearance is moved off the island until it keeps it', () => {
    // 4 NM wide at S = 1, tracks north-south: its eastern track 0.5 NM inside the east side; the
    // area's centre 2.6 NM west of the island's centre puts that track 1.1 NM west of it, 0.62 NM off its west side
    const a = assignmentOf(ship, 'PS', areaAt(-2.6), 1);
    expect(closestNm(a)).toBeLessThan(0.7);
    const kept = keptClearOfLand(ship, a, island);
    expect(kept).not.toBe(a);
    expect(closestNm(kept)).toBeGreaterThanOrEqual(1 - 1e-3);
    expect(closestNm(kept)).toBeLessThan(1 + 2 * MARGIN_NM + 0.01);
    // moved, not reshaped: the same size, spacing, legs and time on task
    expect(kept.area).toMatchObject({ lengthNm: a.area.lengthNm, widthNm: a.area.widthNm, orientationDeg: a.area.orientationDeg });
    expect(kept.route.legs.length).toBe(a.route.legs.length);
    expect(kept.route.trackSpacingNm).toBe(1);
    expect(kept.route.endTimeS - kept.route.startTimeS).toBeCloseTo(a.route.endTimeS - a.route.startTimeS, 0);
    expect(kept.area.centre.lonDeg).toBeLessThan(a.area.centre.lonDeg);   // westward, away from the island
  });

  test('an expanding square too close has its CSP moved off, and stays a square of the same legs', () => {
    const a = assignmentOf(ship, 'SS', areaAt(-2.2), 1, 2);
    expect(closestNm(a)).toBeLessThan(1);
    const kept = keptClearOfLand(ship, a, island);
    expect(closestNm(kept)).toBeGreaterThanOrEqual(1 - 1e-3);
    expect(kept.route.legs.map((l) => l.lengthNm)).toEqual(a.route.legs.map((l) => expect.closeTo(l.lengthNm, 6)));
  });

  test('a route that keeps its clearance, a unit without one and a route over land are left as they were', () => {
    const clear = assignmentOf(ship, 'PS', areaAt(-6), 1);
    expect(keptClearOfLand(ship, clear, island)).toBe(clear);
    const aircraft = { ...ship, unitId: 'AC', craft: 'aircraft' as const, clearanceNm: 0 };
    const over = assignmentOf(aircraft, 'PS', areaAt(0), 1);
    expect(keptClearOfLand(aircraft, over, island)).toBe(over);
    // over land is not the frame's small parting: the plan's land warnings say it
    const shipOver = assignmentOf(ship, 'PS', areaAt(0.5), 1);   // its second track over the island
    expect(closestNm(shipOver)).toBe(0);
    expect(keptClearOfLand(ship, shipOver, island)).toBe(shipOver);
  });

  test('assignmentsClearOfLand names the units moved, and hands back the same array when none was', () => {
    const far = assignmentOf(ship, 'PS', areaAt(-6), 1);
    expect(assignmentsClearOfLand([far], [ship], island, frame)).toEqual({ assignments: [far], moved: [] });
    const same = [far];
    expect(assignmentsClearOfLand(same, [ship], island, frame).assignments).toBe(same);
    const near = assignmentOf(ship, 'PS', areaAt(-2.6), 1);
    const r = assignmentsClearOfLand([near], [ship], island, frame);
    expect(r.moved).toEqual(['SHIP']);
    expect(closestNm(r.assignments[0])).toBeGreaterThanOrEqual(1 - 1e-3);
  });

  test('a move into the area of a unit it must be kept apart from is a cut of the side toward the island instead', () => {
    // the area 2.6 NM west of the island spans 4.6-0.6 NM west of it; its neighbour shares its west side
    const near = assignmentOf(ship, 'PS', areaAt(-2.6), 1);
    const other: AllocationUnit = { ...ship, unitId: 'OTHER' };
    const neighbour = assignmentOf(other, 'PS', areaAt(-6.6), 1);
    const inFrame = (a: UnitAssignment) => rectangleInFrame(frame, a.area);
    expect(rectanglesOverlap(inFrame(near), inFrame(neighbour))).toBe(false);
    const r = assignmentsClearOfLand([near, neighbour], [ship, other], island, frame);
    expect(r.moved).toEqual(['SHIP']);
    const kept = r.assignments[0];
    expect(closestNm(kept)).toBeGreaterThanOrEqual(1 - 1e-3);
    expect(rectanglesOverlap(inFrame(kept), inFrame(neighbour))).toBe(false);
    expect(kept.area.widthNm).toBeLessThan(near.area.widthNm);
    expect(kept.area.lengthNm).toBe(near.area.lengthNm);
    expect(r.assignments[1]).toBe(neighbour);
    // units that may overlap (an aircraft over a ship, airOverSurface) are simply moved
    const moved = assignmentsClearOfLand([near, neighbour], [ship, other], island, frame, () => false).assignments[0];
    expect(moved.area.widthNm).toBe(near.area.widthNm);
    expect(rectanglesOverlap(inFrame(moved), inFrame(neighbour))).toBe(true);
  });
});
