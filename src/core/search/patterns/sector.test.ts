import { describe, expect, test } from 'vitest';
import { InvalidInputError } from '../../errors.js';
import type { SearchRoute } from '../pattern.js';
import { geodesicBetween, normaliseBearingDeg } from './local_plane.js';
import { sector, type SectorInput } from './sector.js';

const CSP = { lonDeg: 131, latDeg: 37 };
const UNIT = { speedKn: 10, startTimeS: 0 };
const ONE_METRE_NM = 1 / 1852;
const base: SectorInput = { csp: CSP, radiusNm: 2, firstLegBearingDeg: 0, turn: 'right', unit: UNIT };

/** Turn at each inner waypoint: outgoing initial course minus incoming final course, in [0, 360). */
const turnsDeg = (route: SearchRoute) => route.legs.slice(1).map((leg, i) =>
  normaliseBearingDeg(leg.bearingDeg - geodesicBetween(route.waypoints[i], route.waypoints[i + 1]).finalBearingDeg));

const distancesFromCspNm = (route: SearchRoute) => route.waypoints.map((w) => geodesicBetween(CSP, w).lengthM / 1852);

describe('sector', () => {
  test('every vertex lies on the 2 NM circle or at the CSP (1 m)', () => {
    const d = distancesFromCspNm(sector(base));
    // IAMSAR VS: out, across, back through the datum, three times; datum passes after legs 3, 6, 9.
    const expected = [0, 2, 2, 0, 2, 2, 0, 2, 2, 0];
    d.forEach((dNm, i) => expect(Math.abs(dNm - expected[i]), `waypoint ${i}`).toBeLessThan(ONE_METRE_NM));
  });

  test('every turn at the circle is 120 degrees right; the datum is passed straight through', () => {
    const turns = turnsDeg(sector(base));
    const expected = [120, 120, 0, 120, 120, 0, 120, 120];
    turns.forEach((t, i) => {
      const diff = Math.min(Math.abs(t - expected[i]), 360 - Math.abs(t - expected[i]));
      expect(diff, `turn ${i + 1}`).toBeLessThan(0.01);
    });
  });

  test('left turns give 240-degree (= 120 left) turns', () => {
    const turns = turnsDeg(sector({ ...base, turn: 'left' }));
    expect(turns[0]).toBeCloseTo(240, 2);
    expect(turns[1]).toBeCloseTo(240, 2);
  });

  test('the six circle vertices sit 60 degrees apart from the datum, starting on the first leg', () => {
    const route = sector({ ...base, firstLegBearingDeg: 10 });
    const bearings = [1, 2, 4, 5, 7, 8].map((i) => geodesicBetween(CSP, route.waypoints[i]).initialBearingDeg);
    // Hand-worked: the triangles' far vertices are at 0, 60, 240, 300, 120, 180 degrees past the first leg.
    [10, 70, 250, 310, 130, 190].forEach((b, i) => expect(bearings[i]).toBeCloseTo(b, 4));
  });

  test('nine legs of R: 18 NM and 6480 s at 10 kn for R = 2 NM', () => {
    const route = sector(base);
    expect(route.legs.length).toBe(9);
    route.legs.forEach((leg) => expect(Math.abs(leg.lengthNm - 2)).toBeLessThan(ONE_METRE_NM));
    expect(route.totalTrackNm).toBeCloseTo(18, 3);
    expect(route.endTimeS).toBeCloseTo(6480, 1);
  });

  test('a second pattern rotated 30 degrees adds nine legs whose vertices fall between the first', () => {
    const route = sector({ ...base, secondPattern: true });
    expect(route.legs.length).toBe(18);
    const second = [10, 11, 13, 14, 16, 17].map((i) => geodesicBetween(CSP, route.waypoints[i]).initialBearingDeg);
    [30, 90, 270, 330, 150, 210].forEach((b, i) => expect(second[i]).toBeCloseTo(b, 4));
    expect(geodesicBetween(CSP, route.waypoints[18]).lengthM).toBeLessThan(1e-6);
  });

  test('endurance cuts the pattern inside a leg', () => {
    // 0.5 h at 10 kn = 5 NM = legs 1-2 (4 NM) and half of leg 3 (back towards the datum).
    const route = sector({ ...base, unit: { ...UNIT, enduranceH: 0.5 } });
    expect(route.legs.length).toBe(3);
    expect(route.cutByEndurance).toBe(true);
    expect(route.endTimeS).toBeCloseTo(1800, 6);
    expect(distancesFromCspNm(route)[3]).toBeCloseTo(1, 3); // leg 3 runs radially back to the datum: half of R
  });

  test.each([
    ['radiusNm', { radiusNm: -2 }],
    ['firstLegBearingDeg', { firstLegBearingDeg: Number.NaN }],
    ['turn', { turn: undefined }],
    ['legCount', { legCount: 0 }],
    ['unit.speedKn', { unit: { ...UNIT, speedKn: Number.POSITIVE_INFINITY } }],
  ])('rejects a bad %s with InvalidInputError naming it', (field, change) => {
    const call = () => sector({ ...base, ...change } as SectorInput);
    expect(call).toThrow(InvalidInputError);
    expect(call).toThrow(new RegExp(`^${field.replace('.', '\\.')}:`));
  });
});
