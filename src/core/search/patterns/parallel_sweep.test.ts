import { describe, expect, test } from 'vitest';
import { InvalidInputError } from '../../errors.js';
import type { SearchRoute } from '../pattern.js';
import { lonLatToPlane, planeToLonLat } from './local_plane.js';
import { parallelSweep, type RectanglePatternInput } from './parallel_sweep.js';

const CENTRE = { lonDeg: 131, latDeg: 37 };
const UNIT = { speedKn: 10, startTimeS: 0 };
const ONE_METRE_NM = 1 / 1852;
const base: RectanglePatternInput = {
  area: { centre: CENTRE, lengthNm: 10, widthNm: 6, orientationDeg: 0 },
  trackSpacingNm: 2, turn: 'right', unit: UNIT,
};

const offsets = (route: SearchRoute, origin = CENTRE) =>
  route.waypoints.map((w) => { const p = lonLatToPlane(origin, w); return [p.eastNm, p.northNm]; });
const expectOffsets = (actual: number[][], expected: number[][]) => {
  expect(actual.length).toBe(expected.length);
  actual.forEach(([e, n], i) => {
    expect(Math.abs(e - expected[i][0]), `waypoint ${i} east`).toBeLessThan(ONE_METRE_NM);
    expect(Math.abs(n - expected[i][1]), `waypoint ${i} north`).toBeLessThan(ONE_METRE_NM);
  });
};

describe('parallelSweep', () => {
  test('10 x 6 NM, S = 2 NM: CSP 1 NM inside the corner, 3 tracks of 8 NM, 2 NM apart', () => {
    // IAMSAR Vol. II PS: CSP S/2 inside the corner, tracks along the major axis S apart, first
    // S/2 from the edge, ending S/2 from each end. Area centred on the sheet origin, major axis
    // north, first leg north, first turn right: start at the south-west corner (-3, -5) + (1, 1).
    expectOffsets(offsets(parallelSweep(base)), [[-2, -4], [-2, 4], [0, 4], [0, -4], [2, -4], [2, 4]]);
  });

  test('track and cross leg lengths, total 28 NM, 10080 s at 10 kn', () => {
    const route = parallelSweep(base);
    expect(route.legs.map((l) => l.role)).toEqual(['search', 'crossLeg', 'search', 'crossLeg', 'search']);
    [8, 2, 8, 2, 8].forEach((len, i) => expect(Math.abs(route.legs[i].lengthNm - len)).toBeLessThan(ONE_METRE_NM));
    expect(route.totalTrackNm).toBeCloseTo(28, 3);
    expect(route.endTimeS).toBeCloseTo(10080, 0);
    expect(route.parameters.trackCount).toBe(3);
    expect(route.parameters.trackLengthNm).toBe(8);
  });

  test('a corner-given area: CSP S/2 inside that corner, tracks along the first leg (1 m)', () => {
    const corner = planeToLonLat(CENTRE, { eastNm: -3, northNm: -5 });
    const fromCorner = parallelSweep({ ...base, area: { corner, lengthNm: 10, widthNm: 6, orientationDeg: 0 } });
    expectOffsets(offsets(fromCorner, corner), [[1, 1], [1, 9], [3, 9], [3, 1], [5, 1], [5, 9]]);
  });

  test('the same rectangle given by corner or centre gives tracks within 15 m', () => {
    // Not identical: orientation is true at the given point, and the meridians of the corner and
    // of the centre (3 NM apart in longitude at 37N) converge by 3/(60 cos 37) x sin 37 = 0.038
    // degrees, i.e. 0.00066 rad x 9 NM (CSP to waypoint 1) = 11 m at most here.
    const corner = planeToLonLat(CENTRE, { eastNm: -3, northNm: -5 });
    const fromCorner = parallelSweep({ ...base, area: { corner, lengthNm: 10, widthNm: 6, orientationDeg: 0 } });
    const fromCentre = parallelSweep(base);
    fromCorner.waypoints.forEach((w, i) => {
      const p = lonLatToPlane(fromCentre.waypoints[i], w);
      expect(Math.hypot(p.eastNm, p.northNm) * 1852, `waypoint ${i}`).toBeLessThan(15);
    });
  });

  test('first leg on the reciprocal (180): a right turn starts in the north-east corner, a left turn in the north-west', () => {
    expectOffsets(offsets(parallelSweep({ ...base, firstLegBearingDeg: 180 })), [[2, 4], [2, -4], [0, -4], [0, 4], [-2, 4], [-2, -4]]);
    expectOffsets(offsets(parallelSweep({ ...base, firstLegBearingDeg: 180, turn: 'left' })), [[-2, 4], [-2, -4], [0, -4], [0, 4], [2, 4], [2, -4]]);
  });

  test('an oriented area: tracks run along the major axis (030/210)', () => {
    // Courses are true at the area's centre; a few NM away the local true course differs by the
    // meridian convergence (about dLon x sin(lat): under 0.1 degree within 6 NM at 37N).
    const route = parallelSweep({ ...base, area: { ...base.area, orientationDeg: 30 } });
    const near = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(0.1);
    route.legs.filter((l) => l.role === 'search').forEach((l, i) => near(l.bearingDeg, i % 2 === 0 ? 30 : 210));
    route.legs.filter((l) => l.role === 'crossLeg').forEach((l) => near(l.bearingDeg, 120));
  });

  test('a width that is not a multiple of S gets ceil(width / S) tracks', () => {
    const route = parallelSweep({ ...base, area: { ...base.area, widthNm: 7 } });
    expect(route.parameters.trackCount).toBe(4);
    expect(route.legs.length).toBe(7);
  });

  test('legCount keeps the first legs; endurance cuts inside a track', () => {
    expect(parallelSweep({ ...base, legCount: 2 }).legs.length).toBe(2);
    const cut = parallelSweep({ ...base, unit: { ...UNIT, enduranceH: 1.5 } }); // 15 NM: 8 + 2 + 5 of track 2
    expect(cut.legs.length).toBe(3);
    expectOffsets(offsets(cut).slice(-1), [[0, -1]]);
  });

  test.each([
    ['firstLegBearingDeg', { firstLegBearingDeg: 90 }],
    ['area.lengthNm', { area: { centre: CENTRE, lengthNm: 2, widthNm: 6, orientationDeg: 0 } }],
    ['area', { area: { centre: CENTRE, corner: CENTRE, lengthNm: 10, widthNm: 6, orientationDeg: 0 } }],
    ['area.widthNm', { area: { centre: CENTRE, lengthNm: 10, widthNm: 0, orientationDeg: 0 } }],
    ['area.orientationDeg', { area: { centre: CENTRE, lengthNm: 10, widthNm: 6, orientationDeg: Number.NaN } }],
    ['area.centre', { area: { centre: { lonDeg: 500, latDeg: 0 }, lengthNm: 10, widthNm: 6, orientationDeg: 0 } }],
    ['trackSpacingNm', { trackSpacingNm: -1 }],
  ])('rejects a bad %s with InvalidInputError naming it', (field, change) => {
    const call = () => parallelSweep({ ...base, ...change } as RectanglePatternInput);
    expect(call).toThrow(InvalidInputError);
    expect(call).toThrow(new RegExp(`^${field.replace('.', '\\.')}:`));
  });
});
