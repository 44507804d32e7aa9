import { describe, expect, test } from 'vitest';
import { coastlineFromRings } from '../../coastline/index.js';
import { METRES_PER_NM } from '../../geo/units.js';
import { localFrame } from '../../probability/local_frame.js';
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
