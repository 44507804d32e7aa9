import { describe, expect, test } from 'vitest';
import { distanceM } from '../../core/geo/index.js';
import { areaCorners } from '../../core/search/index.js';
import { parsePreviousPlan } from './previous_plan.js';

const area = { centre: { lonDeg: 131.8721, latDeg: 37.2415 }, lengthNm: 12.5, widthNm: 4.25, orientationDeg: 33 };
const summary = JSON.stringify({ pos: 0.8, units: [{ unitId: 'SHIP-A', pattern: 'PS', area, pos: 0.5 }, { unitId: 'HELO-1', area: { ...area, orientationDeg: 123 } }] });
const ring = areaCorners(area).map((p) => [p.lonDeg, p.latDeg]);
const geojson = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] }, properties: { kind: 'area', unit: 'SHIP-A', pattern: 'PS', lengthNm: 12.5, widthNm: 4.25, orientationDeg: 33 } },
    { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] }, properties: { kind: 'iamsarBaselineArea', unit: 'SHIP-A', lengthNm: 1, widthNm: 1, orientationDeg: 0 } },
    { type: 'Feature', geometry: { type: 'LineString', coordinates: [[131, 37], [132, 37]] }, properties: { kind: 'route', unit: 'SHIP-A' } },
  ],
});

describe('parsePreviousPlan', () => {
  test('reads the units\' areas from the JSON summary `sarbridge plan --json` prints', () => {
    const areas = parsePreviousPlan(summary, 'plan.json');
    expect(areas.map((a) => a.unitId)).toEqual(['SHIP-A', 'HELO-1']);
    expect(areas[0].area).toEqual(area);
    expect(areas[0].pattern).toBe('PS');
    expect(areas[1].pattern).toBeUndefined();
  });

  test('reads them from plan.geojson: the sides and orientation as written, the centre from the corners', () => {
    const areas = parsePreviousPlan(geojson, 'plan.geojson');
    expect(areas.map((a) => a.unitId)).toEqual(['SHIP-A']);   // the baseline's areas and the routes are not the plan's areas
    const c = areas[0].area.centre;
    expect(distanceM(c.lonDeg, c.latDeg, area.centre.lonDeg, area.centre.latDeg)).toBeLessThan(1);
    expect(areas[0].area.lengthNm).toBe(12.5);
    expect(areas[0].area.orientationDeg).toBe(33);
    expect(areas[0].pattern).toBe('PS');
  });

  test('says what is wrong with a file that is not a previous plan, and where', () => {
    expect(() => parsePreviousPlan('{"pos": 1}', 'p.json')).toThrow(/p\.json: neither a plan's JSON summary .* nor its plan\.geojson/);
    expect(() => parsePreviousPlan('{"units": [{"unitId": "A", "area": {"centre": {"lonDeg": 200, "latDeg": 37}, "lengthNm": 2, "widthNm": 1, "orientationDeg": 0}}]}', 'p.json'))
      .toThrow(/p\.json: units\/0\/area\/centre\/lonDeg: /);
    expect(() => parsePreviousPlan('{"units": [{"unitId": "A"}]}', 'p.json')).toThrow(/units\/0\/area: is required but missing/);
    const twice = JSON.parse(summary) as { units: unknown[] };
    twice.units.push(twice.units[0]);
    expect(() => parsePreviousPlan(JSON.stringify(twice), 'p.json')).toThrow(/p\.json: unit SHIP-A has two areas/);
    const bad = JSON.parse(geojson) as { features: { properties: Record<string, unknown> }[] };
    bad.features[0].properties.lengthNm = -3;
    expect(() => parsePreviousPlan(JSON.stringify(bad), 'plan.geojson')).toThrow(/plan\.geojson: features\/0\/properties\/lengthNm: /);
    expect(() => parsePreviousPlan('{"type": "FeatureCollection", "features": []}', 'plan.geojson')).toThrow(/without any search area/);
    expect(() => parsePreviousPlan('{ not json', 'p.json')).toThrow(/p\.json/);
  });
});
