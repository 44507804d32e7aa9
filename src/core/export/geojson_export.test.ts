import { describe, expect, test } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { routesToGeoJson } from './geojson_export.js';
import { AWKWARD_UNIT, AWKWARD_WAYPOINT, testRoutes } from './routes_test_support.js';

interface Feature { geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> }

describe('routesToGeoJson', () => {
  const routes = testRoutes();
  const parsed = JSON.parse(routesToGeoJson(routes)) as { type: string; features: Feature[] };

  test('a FeatureCollection with, per unit, one LineString then one Point per waypoint', () => {
    expect(parsed.type).toBe('FeatureCollection');
    const expectedCount = routes.reduce((n, r) => n + 1 + r.route.waypoints.length, 0);
    expect(parsed.features.length).toBe(expectedCount);
    expect(parsed.features.filter((f) => f.geometry.type === 'LineString').map((f) => f.properties.unit))
      .toEqual(routes.map((r) => r.unitName));
  });

  test('coordinates round-trip as [lon, lat] to 1e-6 degree', () => {
    let at = 0;
    for (const { route } of routes) {
      const line = parsed.features[at].geometry.coordinates as number[][];
      route.waypoints.forEach((w, i) => {
        expect(Math.abs(line[i][0] - w.lonDeg)).toBeLessThan(1e-6);
        expect(Math.abs(line[i][1] - w.latDeg)).toBeLessThan(1e-6);
        const point = parsed.features[at + 1 + i].geometry.coordinates as number[];
        expect(Math.abs(point[0] - w.lonDeg) + Math.abs(point[1] - w.latDeg)).toBeLessThan(1e-6);
      });
      at += 1 + route.waypoints.length;
    }
  });

  test('properties: unit, pattern, S and ISO 8601 UTC times', () => {
    const line = parsed.features[0].properties;
    expect(line.unit).toBe(AWKWARD_UNIT);
    expect(line.pattern).toBe('SS');
    expect(line.trackSpacingNm).toBe(1);
    expect(line.startTime).toBe('2026-03-10T00:00:00Z');
    expect((line.times as string[])[1]).toBe('2026-03-10T00:06:00Z'); // 1 NM at 10 kn = 360 s
    const point = parsed.features[3].properties;
    expect(point).toMatchObject({ unit: AWKWARD_UNIT, pattern: 'SS', trackSpacingNm: 1, index: 2, name: AWKWARD_WAYPOINT });
    expect(Date.parse(point.time as string) / 1000).toBeCloseTo(routes[0].route.waypoints[2].timeS, 3);
  });

  test('a route without a unit name is refused, naming the field', () => {
    expect(() => routesToGeoJson([{ ...routes[0], unitName: ' ' }])).toThrow(InvalidInputError);
    expect(() => routesToGeoJson([{ ...routes[0], unitName: '' }])).toThrow(/^routes\[0\]\.unitName:/);
  });
});
