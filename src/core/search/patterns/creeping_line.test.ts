import { describe, expect, test } from 'vitest';
import { InvalidInputError } from '../../errors.js';
import { creepingLine } from './creeping_line.js';
import { lonLatToPlane } from './local_plane.js';
import type { RectanglePatternInput } from './parallel_sweep.js';

const CENTRE = { lonDeg: 131, latDeg: 37 };
const ONE_METRE_NM = 1 / 1852;
const base: RectanglePatternInput = {
  area: { centre: CENTRE, lengthNm: 10, widthNm: 6, orientationDeg: 0 },
  trackSpacingNm: 2, turn: 'right', unit: { speedKn: 10, startTimeS: 0 },
};

describe('creepingLine', () => {
  test('10 x 6 NM, S = 2 NM: 5 tracks of 4 NM across the minor axis, creeping along the major axis', () => {
    // IAMSAR Vol. II CS: tracks parallel to the minor axis (east-west here), S apart, first S/2
    // from the north edge (first leg 090, right turn: progress south), S/2 inside each side.
    const route = creepingLine(base);
    const expected = [[-2, 4], [2, 4], [2, 2], [-2, 2], [-2, 0], [2, 0], [2, -2], [-2, -2], [-2, -4], [2, -4]];
    route.waypoints.forEach((w, i) => {
      const p = lonLatToPlane(CENTRE, w);
      expect(Math.abs(p.eastNm - expected[i][0]), `waypoint ${i} east`).toBeLessThan(ONE_METRE_NM);
      expect(Math.abs(p.northNm - expected[i][1]), `waypoint ${i} north`).toBeLessThan(ONE_METRE_NM);
    });
    expect(route.pattern).toBe('CS');
    expect(route.parameters.trackCount).toBe(5);
    expect(route.totalTrackNm).toBeCloseTo(5 * 4 + 4 * 2, 3);
  });

  test('tracks are parallel to the minor axis of an oriented area', () => {
    // Courses are true at the area's centre; elsewhere they differ by the meridian convergence
    // (about dLon x sin(lat): under 0.1 degree within 6 NM at 37N).
    const route = creepingLine({ ...base, area: { ...base.area, orientationDeg: 45 }, firstLegBearingDeg: 315 });
    route.legs.filter((l) => l.role === 'search').forEach((l, i) =>
      expect(Math.abs(l.bearingDeg - (i % 2 === 0 ? 315 : 135))).toBeLessThan(0.1));
  });

  test('a first leg along the major axis is refused', () => {
    expect(() => creepingLine({ ...base, firstLegBearingDeg: 0 })).toThrow(InvalidInputError);
    expect(() => creepingLine({ ...base, firstLegBearingDeg: 0 })).toThrow(/^firstLegBearingDeg:.*minor axis/);
  });

  test('a width not exceeding S is refused, naming area.widthNm', () => {
    expect(() => creepingLine({ ...base, area: { ...base.area, widthNm: 2 } })).toThrow(/^area\.widthNm:/);
  });
});
