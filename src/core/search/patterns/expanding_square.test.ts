import { describe, expect, test } from 'vitest';
import { InvalidInputError } from '../../errors.js';
import { expandingSquare, type ExpandingSquareInput } from './expanding_square.js';
import { geodesicBetween, lonLatToPlane, normaliseBearingDeg } from './local_plane.js';

const CSP = { lonDeg: 131, latDeg: 37 };
const UNIT = { speedKn: 10, startTimeS: 1_773_100_800 }; // 2026-03-10T00:00:00Z
const ONE_METRE_NM = 1 / 1852;
const base: ExpandingSquareInput = { csp: CSP, trackSpacingNm: 1, firstLegBearingDeg: 0, turn: 'right', legCount: 8, unit: UNIT };

/** Waypoints as (east, north) NM from the CSP, by the geodesic inverse (distance, azimuth). */
const offsets = (route: ReturnType<typeof expandingSquare>) =>
  route.waypoints.map((w) => { const p = lonLatToPlane(CSP, w); return [p.eastNm, p.northNm]; });

const expectOffsets = (actual: number[][], expected: number[][]) => {
  expect(actual.length).toBe(expected.length);
  actual.forEach(([e, n], i) => {
    expect(Math.abs(e - expected[i][0]), `waypoint ${i} east`).toBeLessThan(ONE_METRE_NM);
    expect(Math.abs(n - expected[i][1]), `waypoint ${i} north`).toBeLessThan(ONE_METRE_NM);
  });
};

describe('expandingSquare', () => {
  test('S = 1 NM, first leg north, right turns: turns at the hand-worked IAMSAR offsets (1 m)', () => {
    // IAMSAR Vol. II SS: legs S, S, 2S, 2S, 3S, 3S, 4S, 4S with 90-degree right turns, worked by hand.
    expectOffsets(offsets(expandingSquare(base)), [
      [0, 0], [0, 1], [1, 1], [1, -1], [-1, -1], [-1, 2], [2, 2], [2, -2], [-2, -2],
    ]);
  });

  test('left turns mirror the pattern about the first leg', () => {
    expectOffsets(offsets(expandingSquare({ ...base, turn: 'left', legCount: 5 })), [
      [0, 0], [0, 1], [-1, 1], [-1, -1], [1, -1], [1, 2],
    ]);
  });

  test('the first leg bearing rotates the pattern: first leg 090, right turns', () => {
    // Rotating the north pattern by 90 degrees clockwise maps (e, n) to (n, -e).
    expectOffsets(offsets(expandingSquare({ ...base, firstLegBearingDeg: 90, legCount: 4 })), [
      [0, 0], [1, 0], [1, -1], [-1, -1], [-1, 1],
    ]);
  });

  test('leg lengths are S, S, 2S, 2S, ... within 1 m and every turn is 90 degrees right', () => {
    const route = expandingSquare({ ...base, trackSpacingNm: 2, legCount: 20 });
    route.legs.forEach((leg, i) => {
      expect(Math.abs(leg.lengthNm - Math.ceil((i + 1) / 2) * 2), `leg ${i + 1}`).toBeLessThan(ONE_METRE_NM);
    });
    for (let i = 1; i < route.legs.length; i++) {
      const incoming = geodesicBetween(route.waypoints[i - 1], route.waypoints[i]).finalBearingDeg;
      const turn = normaliseBearingDeg(route.legs[i].bearingDeg - incoming);
      expect(turn, `turn at waypoint ${i}`).toBeCloseTo(90, 2);
    }
  });

  test('times at 10 kn: a 1 NM leg takes 360 s, a 2 NM leg 720 s', () => {
    const route = expandingSquare(base);
    expect(route.waypoints[0].timeS).toBe(UNIT.startTimeS);
    expect(route.legs[0].durationS).toBeCloseTo(360, 3);
    expect(route.legs[2].durationS).toBeCloseTo(720, 3);
    // 1+1+2+2+3+3+4+4 = 20 NM at 10 kn = 2 h
    expect(route.endTimeS - route.startTimeS).toBeCloseTo(7200, 1);
    expect(route.totalTrackNm).toBeCloseTo(20, 3);
  });

  test('endurance cuts the last leg at the endurance time', () => {
    // 1 h at 10 kn = 10 NM: legs 1+1+2+2+3 = 9 NM, then 1 NM of the 3 NM leg 6 (east from (-1, 2)).
    const route = expandingSquare({ ...base, legCount: undefined, unit: { ...UNIT, enduranceH: 1 } });
    expect(route.cutByEndurance).toBe(true);
    expect(route.legs.length).toBe(6);
    expect(route.endTimeS - route.startTimeS).toBeCloseTo(3600, 6);
    expect(route.totalTrackNm).toBeCloseTo(10, 6);
    expectOffsets(offsets(route).slice(-1), [[0, 2]]);
  });

  test('with legCount and endurance the tighter bound wins', () => {
    expect(expandingSquare({ ...base, legCount: 3, unit: { ...UNIT, enduranceH: 5 } }).legs.length).toBe(3);
    expect(expandingSquare({ ...base, legCount: 3, unit: { ...UNIT, enduranceH: 5 } }).cutByEndurance).toBe(false);
    expect(expandingSquare({ ...base, legCount: 8, unit: { ...UNIT, enduranceH: 0.25 } }).totalTrackNm).toBeCloseTo(2.5, 6);
  });

  test('the GeoJSON feature is a LineString through the waypoints, lon first', () => {
    const route = expandingSquare(base);
    expect(route.feature.geometry.type).toBe('LineString');
    expect(route.feature.geometry.coordinates).toEqual(route.waypoints.map((w) => [w.lonDeg, w.latDeg]));
    expect(route.feature.properties.pattern).toBe('SS');
    expect(route.parameters.legCount).toBe(8);
  });

  test.each([
    ['trackSpacingNm', { trackSpacingNm: 0 }],
    ['trackSpacingNm', { trackSpacingNm: Number.NaN }],
    ['legCount', { legCount: 0 }],
    ['legCount', { legCount: 2.5 }],
    ['legCount', { legCount: undefined }],
    ['firstLegBearingDeg', { firstLegBearingDeg: Number.POSITIVE_INFINITY }],
    ['turn', { turn: 'up' }],
    ['csp', { csp: { lonDeg: 131, latDeg: 95 } }],
    ['unit.speedKn', { unit: { ...UNIT, speedKn: 0 } }],
    ['unit.enduranceH', { unit: { ...UNIT, enduranceH: -1 } }],
    ['unit.startTimeS', { unit: { ...UNIT, startTimeS: Number.NaN } }],
  ])('rejects a bad %s with InvalidInputError naming it', (field, change) => {
    const call = () => expandingSquare({ ...base, ...change } as ExpandingSquareInput);
    expect(call).toThrow(InvalidInputError);
    expect(call).toThrow(new RegExp(`^${field.replace('.', '\\.')}:`));
  });
});
