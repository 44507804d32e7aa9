import geodesicLib from 'geographiclib-geodesic';
import { describe, expect, test } from 'vitest';
import { EARTH_RADIUS_M, degToRad } from '../geo/units.js';
import { closestApproach, firstWithin, geodesicDistanceM } from './track_distance.js';

const WGS84 = geodesicLib.Geodesic.WGS84;
const ISLETS = { lonDeg: 131.87, latDeg: 37.24 };
const NM = 1852;

/**
 * A straight (geodesic) track whose closest approach to the islets is `offsetNm`, constructed
 * independently: go `offsetNm` due east of the islets, then lay the track perpendicular to the
 * geodesic there, 30 NM each way. The waypoints themselves are far (about 32 NM) from the islets.
 */
function trackPassing(offsetNm: number) {
  const c = WGS84.Direct(ISLETS.latDeg, ISLETS.lonDeg, 90, offsetNm * NM);
  const heading = (c.azi2 as number) - 90;
  const a = WGS84.Direct(c.lat2 as number, c.lon2 as number, heading, 30 * NM);
  const b = WGS84.Direct(c.lat2 as number, c.lon2 as number, heading + 180, 30 * NM);
  return [
    { lonDeg: a.lon2 as number, latDeg: a.lat2 as number, timeS: 0 },
    { lonDeg: b.lon2 as number, latDeg: b.lat2 as number, timeS: 4 * 3600 },
  ];
}

/** Spherical cross-track distance (the textbook formula on the mean sphere), for an independent check. */
function crossTrackM(a: { lonDeg: number; latDeg: number }, b: { lonDeg: number; latDeg: number }, p: { lonDeg: number; latDeg: number }): number {
  const toVec = (q: { lonDeg: number; latDeg: number }) => [Math.cos(degToRad(q.latDeg)) * Math.cos(degToRad(q.lonDeg)), Math.cos(degToRad(q.latDeg)) * Math.sin(degToRad(q.lonDeg)), Math.sin(degToRad(q.latDeg))];
  const [va, vb, vp] = [toVec(a), toVec(b), toVec(p)];
  const n = [va[1] * vb[2] - va[2] * vb[1], va[2] * vb[0] - va[0] * vb[2], va[0] * vb[1] - va[1] * vb[0]];
  const len = Math.hypot(n[0], n[1], n[2]);
  return Math.abs(Math.asin((n[0] * vp[0] + n[1] * vp[1] + n[2] * vp[2]) / len)) * EARTH_RADIUS_M;
}

describe('closestApproach', () => {
  test('a track built to pass 11 NM from the islets passes 11 NM (ellipsoid), at mid-leg', () => {
    const track = trackPassing(11);
    const ca = closestApproach(track, ISLETS)!;
    expect(ca.distanceM / NM).toBeCloseTo(11, 3);           // by construction (geodesic perpendicular)
    expect(ca.at.timeS).toBeGreaterThan(1.9 * 3600);           // symmetric track: closest near t = 2 h
    expect(ca.at.timeS).toBeLessThan(2.1 * 3600);
    expect(geodesicDistanceM(track[0], ISLETS) / NM).toBeGreaterThan(30);   // waypoints alone would say "far"
    // The spherical cross-track formula on the mean sphere agrees within 0.5 %.
    expect(Math.abs(crossTrackM(track[0], track[1], ISLETS) / NM - 11)).toBeLessThan(0.055);
  });

  test('a track built to pass 13 NM passes 13 NM', () => {
    expect(closestApproach(trackPassing(13), ISLETS)!.distanceM / NM).toBeCloseTo(13, 3);
  });

  test('a single waypoint is its own closest approach; an empty route has none', () => {
    expect(closestApproach([{ ...ISLETS, timeS: 5 }], ISLETS)!.distanceM).toBe(0);
    expect(closestApproach([], ISLETS)).toBeUndefined();
  });
});

describe('firstWithin', () => {
  test('the 11 NM track enters the 12 NM circle before its closest point; the 13 NM track never does', () => {
    const entry = firstWithin(trackPassing(11), ISLETS, 12 * NM)!;
    expect(geodesicDistanceM(entry, ISLETS) / NM).toBeCloseTo(12, 2);
    // Half-chord sqrt(12² - 11²) = 4.80 NM before mid-track; 60 NM in 4 h is 15 kn, so 0.32 h early.
    expect((2 * 3600 - entry.timeS) / 3600).toBeCloseTo(Math.sqrt(12 ** 2 - 11 ** 2) / 15, 2);
    expect(firstWithin(trackPassing(13), ISLETS, 12 * NM)).toBeUndefined();
  });
});
