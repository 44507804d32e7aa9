import { describe, expect, test } from 'vitest';
import { coastlineFromRings } from '../../coastline/index.js';
import { METRES_PER_NM } from '../../geo/units.js';
import { localFrame } from '../../probability/local_frame.js';
import { tracksMeetLand } from './tracks_on_land.js';

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
});
