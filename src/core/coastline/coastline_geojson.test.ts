import { describe, expect, test } from 'vitest';
import { coastlineFromRings } from './coastline_from_rings.js';
import { coastlineToGeoJSON } from './coastline_geojson.js';

describe('coastlineToGeoJSON', () => {
  test('a square island becomes one closed line of 5 positions', () => {
    const c = coastlineFromRings([[[132.0, 37.0], [132.1, 37.0], [132.1, 37.1], [132.0, 37.1]]],
      { westDeg: 131, southDeg: 36, eastDeg: 133, northDeg: 38 }, { label: 'sq' });
    const f = coastlineToGeoJSON(c);
    expect(f.type).toBe('Feature');
    expect(f.properties.label).toBe('sq');
    expect(f.geometry.type).toBe('MultiLineString');
    expect(f.geometry.coordinates).toEqual([[[132, 37], [132.1, 37], [132.1, 37.1], [132, 37.1], [132, 37]]]);
  });
});
