import { describe, expect, test } from 'vitest';
import { coastlineFromRings } from '../coastline/index.js';
import { routeShoreClearance } from './route_clearance.js';

// A square islet 132.00-132.02E, 37.00-37.02N; a track due north 0.01 degree (about 889 m at 37N) east of its east side.
const coast = coastlineFromRings([[[132.0, 37.0], [132.02, 37.0], [132.02, 37.02], [132.0, 37.02]]], { westDeg: 131, southDeg: 36, eastDeg: 133, northDeg: 38 });

describe('routeShoreClearance', () => {
  test('the closest approach is abeam the middle of the east side, measured on WGS 84', () => {
    const waypoints = [{ lonDeg: 132.03, latDeg: 36.95, timeS: 0, name: 'W' }, { lonDeg: 132.03, latDeg: 37.07, timeS: 1200, name: 'W' }];
    const c = routeShoreClearance({ waypoints }, coast, 5)!;
    // 0.01 degree of longitude at 37.01N on WGS 84: N cos(lat) pi/180 x 0.01 = 889.6 m = 0.4804 NM
    expect(c.distanceNm).toBeCloseTo(0.4804, 3);
    expect(c.shore.lonDeg).toBeCloseTo(132.02, 9);
    expect(c.at.latDeg).toBeGreaterThanOrEqual(37.0);
    expect(c.at.latDeg).toBeLessThanOrEqual(37.02);
    expect(c.at.timeS).toBeGreaterThan(0);
  });

  test('a track over the islet is at 0; a track far off finds nothing within the search radius', () => {
    expect(routeShoreClearance({ waypoints: [{ lonDeg: 131.9, latDeg: 37.01, timeS: 0, name: 'W' }, { lonDeg: 132.1, latDeg: 37.01, timeS: 1, name: 'W' }] }, coast, 1)!.distanceNm).toBe(0);
    expect(routeShoreClearance({ waypoints: [{ lonDeg: 132.5, latDeg: 37.5, timeS: 0, name: 'W' }, { lonDeg: 132.6, latDeg: 37.5, timeS: 1, name: 'W' }] }, coast, 5)).toBeNull();
  });
});
