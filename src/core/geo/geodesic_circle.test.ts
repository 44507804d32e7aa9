import geodesicLib from 'geographiclib-geodesic';
import { describe, expect, test } from 'vitest';
import { geodesicCircle } from './geodesic_circle.js';

const WGS84 = geodesicLib.Geodesic.WGS84;

describe('geodesicCircle', () => {
  test('every vertex is at the radius from the centre, the ring is closed', () => {
    const centre = { lonDeg: 131.8669, latDeg: 37.2411 };   // the Liancourt Rocks
    const ring = geodesicCircle(centre, 12 * 1852, 48);
    expect(ring).toHaveLength(49);
    expect(ring[48]).toEqual(ring[0]);
    for (const [lon, lat] of ring) expect(WGS84.Inverse(centre.latDeg, centre.lonDeg, lat, lon).s12 as number).toBeCloseTo(12 * 1852, 3);
    // the first vertex is due north: 12 NM = 12 arc-minutes of latitude, give or take the ellipsoid (~0.2 %)
    expect(ring[0][1] - centre.latDeg).toBeCloseTo(0.2, 2);
  });
  test('refuses a radius that is not positive', () => {
    expect(() => geodesicCircle({ lonDeg: 0, latDeg: 0 }, 0)).toThrow(/positive radius/);
  });
});
