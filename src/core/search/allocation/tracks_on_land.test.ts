import { describe, expect, test } from 'vitest';
import { coastlineFromRings } from '../../coastline/index.js';
import { METRES_PER_NM } from '../../geo/units.js';
import { localFrame } from '../../probability/local_frame.js';
import { routeShoreClearance } from '../route_clearance.js';
import { areaRoute } from './area_route.js';
import { rectangleOnEarth } from './frame_rectangle.js';
import { clipClearOfLand, lineClearanceM, tracksMeetLand } from './tracks_on_land.js';

// a small square island at 37.30N 131.50E, ±0.01° (±0.48 NM east-west, ±0.6 NM north-south)
const island = coastlineFromRings(
  [[[131.49, 37.29], [131.51, 37.29], [131.51, 37.31], [131.49, 37.31], [131.49, 37.29]]],
  { westDeg: 131, southDeg: 37, eastDeg: 132, northDeg: 38 },
);
const frame = localFrame({ lonDeg: 131.5, latDeg: 37.3 });
const nm = METRES_PER_NM;
const box = (cxNm: number, cyNm: number, bearingDeg = 0) =>
  ({ cxM: cxNm * nm, cyM: cyNm * nm, alongHalfM: 3 * nm, acrossHalfM: 2 * nm, bearingRad: (bearingDeg * Math.PI) / 180 });

describe('tracksMeetLand', () => {
  test('a parallel sweep over the island would cross it', () => {
    expect(tracksMeetLand(box(0, 0), 'PS', 0.5, frame, island)).toBe(true);
    expect(tracksMeetLand(box(0, 0, 30), 'CS', 0.5, frame, island)).toBe(true);
    expect(tracksMeetLand(box(0, 0), 'SS', 0.5, frame, island)).toBe(true);
  });

  test('an area 6 NM away is clear', () => {
    for (const pattern of ['PS', 'CS', 'SS'] as const) expect(tracksMeetLand(box(0, 6), pattern, 0.5, frame, island)).toBe(false);
  });

  test('tracks that pass between the island and the area edge do not count', () => {
    // a 4 NM wide area centred 2 NM west of the island: its easternmost track, S/2 = 0.25 NM inside
    // the east side, runs 0.25 NM west of the island's centre, over the island (±0.48 NM): crossing
    expect(tracksMeetLand(box(-2, 0, 0), 'PS', 0.5, frame, island)).toBe(true);
    // moved 0.6 NM further west, that track passes 0.85 NM west of the centre: every line in water
    expect(tracksMeetLand(box(-2.6, 0, 0), 'PS', 0.5, frame, island)).toBe(false);
  });

  test('with a clearance: a track 0.37 NM off the island meets it at 0.5 NM, not at 0.3 NM', () => {
    // box(-2.6): easternmost track 0.85 NM west of the centre, the island's west side 0.48 NM west of it
    expect(tracksMeetLand(box(-2.6, 0, 0), 'PS', 0.5, frame, island, 0.5 * nm)).toBe(true);
    expect(tracksMeetLand(box(-2.6, 0, 0), 'PS', 0.5, frame, island, 0.3 * nm)).toBe(false);
  });

  test('a spacing that does not divide the width: the last track, past the far side, is tested too', () => {
    // 4 NM wide at S = 1.5: 3 tracks. Started from the west side they lie 0.75, 2.25 and 3.75 NM
    // from it, the last 0.25 NM past the east side: 1.15 NM west of the island's centre, 0.67 NM off
    // its west side. The symmetric lines (S/2 inside each side) would put it 1.17 NM off.
    expect(tracksMeetLand(box(-2.9, 0, 0), 'PS', 1.5, frame, island, 0.7 * nm)).toBe(true);
    expect(tracksMeetLand(box(-2.9, 0, 0), 'PS', 1.5, frame, island, 0.6 * nm)).toBe(false);
  });

  test('the turn bulge: the lines keep clearance + 0.3 r', () => {
    expect(lineClearanceM(1, 0.5)).toBeCloseTo(1.15 * nm, 9);
  });

  test('clipClearOfLand cuts an area back from the side next to the island until it clears', () => {
    const rect = box(-2, 0, 0);
    const clipped = clipClearOfLand(rect, 'PS', () => 0.5, frame, island, 0.2 * nm)!;
    expect(tracksMeetLand(clipped, 'PS', 0.5, frame, island, 0.2 * nm)).toBe(false);
    expect(clipped.alongHalfM * clipped.acrossHalfM).toBeLessThan(rect.alongHalfM * rect.acrossHalfM);
    // the west side stays where it was: the cut is on the east, the island's side
    expect(clipped.cxM - clipped.acrossHalfM).toBeCloseTo(rect.cxM - rect.acrossHalfM, 3);
    expect(clipClearOfLand(box(0, 6), 'PS', () => 0.5, frame, island, 0.2 * nm)).toEqual(box(0, 6));
  });
});

test('clipClearOfLand keeps an expanding square a square, clear as it is flown', () => {
  // a 6 NM square whose east side reaches over the island: cut back from the east, it must stay a
  // square (its route is one: area_route.ts), not become a strip made square again after the test
  const rect = { cxM: -2.5 * nm, cyM: 0, alongHalfM: 3 * nm, acrossHalfM: 3 * nm, bearingRad: 0 };
  expect(tracksMeetLand(rect, 'SS', 1, frame, island, 0.2 * nm)).toBe(true);
  const clipped = clipClearOfLand(rect, 'SS', () => 1, frame, island, 0.2 * nm)!;
  expect(clipped.alongHalfM).toBeCloseTo(clipped.acrossHalfM, 9);
  expect(clipped.alongHalfM).toBeLessThan(rect.alongHalfM);
  const unit = { unitId: 'U', speedKn: 12, enduranceH: 60, arrivalTimeS: 0, sweepWidthNm: 1, patterns: ['SS' as const] };
  const route = areaRoute(unit, 'SS', rectangleOnEarth(frame, clipped), 1, Math.round((2 * clipped.alongHalfM) / nm));
  expect(routeShoreClearance(route, island, 1)?.distanceNm ?? Infinity).toBeGreaterThanOrEqual(0.2 - 1e-3);
});

describe('tracksMeetLand against the route as flown', () => {
  // What the quick test promises: when it says clear, the unit's route over that area (areaRoute,
  // the route the plan issues, turns flown) keeps the clearance. Random areas round the island, every
  // pattern, spacings that do and do not divide the area, odd and even squares.
  const seeded = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  // the frame's origin at the island, or 40 NM north-east of it (the allocation's frame is the
  // cloud's, and areas tens of miles off its origin are where its scale and the sheet's part)
  const cases = (['PS', 'CS', 'SS'] as const).flatMap((pattern) => [[pattern, 0], [pattern, 40]] as const);
  test.each(cases)('%s, frame origin %s NM off: clear by the quick test means clear as flown', (pattern, offNm) => {
    const r = seeded(pattern.charCodeAt(0) * 31 + pattern.charCodeAt(1) + offNm);
    const frame = localFrame({ lonDeg: 131.5 + offNm / Math.SQRT2 / 60 / Math.cos((37.3 * Math.PI) / 180), latDeg: 37.3 + offNm / Math.SQRT2 / 60 });
    const islandX = -(offNm / Math.SQRT2) * nm, islandY = -(offNm / Math.SQRT2) * nm;   // near enough: the frame's own mapping
    let saidClear = 0;
    for (let k = 0; k < 300; k++) {
      const sNm = 0.4 + r() * (offNm ? 3.6 : 1.6);
      const count = 1 + Math.floor(r() * 9);
      const size = offNm ? 24 : 6;
      // the tracks' length more than S (parallel_tracks.ts)
      const lengthNm = pattern === 'SS' ? count * sNm : 1.2 * sNm + r() * size;
      const widthNm = pattern === 'SS' ? lengthNm : pattern === 'PS' ? count * sNm * (r() < 0.5 ? 1 : 0.8 + 0.4 * r()) : 1.2 * sNm + r() * size;
      const spreadNm = 16 + (offNm ? lengthNm : 0);
      const rect = { cxM: islandX + (r() - 0.5) * spreadNm * nm, cyM: islandY + (r() - 0.5) * spreadNm * nm, alongHalfM: (lengthNm / 2) * nm, acrossHalfM: (widthNm / 2) * nm, bearingRad: r() * 2 * Math.PI };
      const turnRadiusNm = r() < 0.5 ? 0 : Math.min(0.4 * sNm, 0.3);
      const clearanceNm = r() * 0.8;
      const unit = { unitId: 'U', speedKn: 12, enduranceH: 60, arrivalTimeS: 0, sweepWidthNm: 1, patterns: [pattern], ...(turnRadiusNm ? { turnRadiusNm } : {}) };
      const squares = pattern === 'SS' ? count : 1;
      if (tracksMeetLand(rect, pattern, sNm, frame, island, lineClearanceM(clearanceNm, turnRadiusNm))) continue;
      saidClear++;
      const route = areaRoute(unit, pattern, rectangleOnEarth(frame, rect), sNm, squares);
      const c = routeShoreClearance(route, island, clearanceNm + 1);
      // the frame's lines part from the route's by a few parts in a thousand of their distance from
      // the area's centre (tracks_on_land.ts): that much, and 0.01 NM, is the promise's tolerance
      const partingNm = 0.004 * (Math.hypot(lengthNm, widthNm) / 2 + sNm);
      expect(c === null || c.distanceNm >= clearanceNm - 0.01 - partingNm, `case ${k}: ${JSON.stringify({ rect, sNm, count, turnRadiusNm, clearanceNm })} flown ${c?.distanceNm} NM`).toBe(true);
    }
    expect(saidClear).toBeGreaterThan(100);   // the test means something: many areas judged clear
  });
});
