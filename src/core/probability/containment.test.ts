import { describe, expect, test } from 'vitest';
import { METRES_PER_NM } from '../geo/units.js';
import { containmentContours } from './containment.js';
import { gaussianCloud } from './gaussian_cloud.testkit.js';
import { pocGrid } from './poc_grid.js';

describe('containmentContours', () => {
  // Circular Gaussian, sigma = 2 NM: the p-containment region is the disc of radius
  // sigma sqrt(-2 ln(1 - p)), area pi sigma^2 (-2 ln(1 - p)): 50 % -> pi sigma^2 2 ln 2 = 17.42 NM2,
  // 90 % -> pi sigma^2 2 ln 10 = 57.87 NM2.
  const sigmaNm = 2;
  const cloud = gaussianCloud(400_000, { lonDeg: 131.8, latDeg: 37.4 }, sigmaNm * METRES_PER_NM, sigmaNm * METRES_PER_NM, 0, 11);
  const grid = pocGrid(cloud);
  const fc = containmentContours(grid);

  test('one Feature per default level (50, 90, 95 %), each a MultiPolygon holding at least its level', () => {
    expect(fc.features.map((f) => f.properties.containment)).toEqual([0.5, 0.9, 0.95]);
    for (const f of fc.features) {
      expect(f.geometry.type).toBe('MultiPolygon');
      expect(f.geometry.coordinates.length).toBeGreaterThan(0);
      expect(f.properties.heldPoc).toBeGreaterThanOrEqual(f.properties.containment);
    }
  });
  test('the 50 % contour of a Gaussian cloud encloses pi sigma^2 2 ln 2 within 4 %', () => {
    const expected = Math.PI * sigmaNm ** 2 * 2 * Math.LN2;
    const p = fc.features[0].properties;
    expect(p.polygonAreaNm2 / expected).toBeGreaterThan(0.96);
    expect(p.polygonAreaNm2 / expected).toBeLessThan(1.04);
    expect(p.cellAreaNm2 / expected).toBeGreaterThan(0.96);
    expect(p.cellAreaNm2 / expected).toBeLessThan(1.04);
  });
  test('the 90 % contour encloses pi sigma^2 2 ln 10 within 4 %', () => {
    const expected = Math.PI * sigmaNm ** 2 * 2 * Math.LN10;
    expect(fc.features[1].properties.polygonAreaNm2 / expected).toBeGreaterThan(0.96);
    expect(fc.features[1].properties.polygonAreaNm2 / expected).toBeLessThan(1.04);
  });
  test('the 50 % polygon is centred on the cloud and exterior rings run counter-clockwise', () => {
    // the largest exterior ring (noise may add specks of a cell or two beside it)
    const ring = fc.features[0].geometry.coordinates.map((poly) => poly[0]).sort((a, b) => b.length - a.length)[0];
    const lons = ring.map((q) => q[0]), lats = ring.map((q) => q[1]);
    expect((Math.min(...lons) + Math.max(...lons)) / 2).toBeCloseTo(131.8, 2);
    expect((Math.min(...lats) + Math.max(...lats)) / 2).toBeCloseTo(37.4, 2);
    let s = 0;
    for (let k = 0; k + 1 < ring.length; k++) s += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1];
    expect(s).toBeGreaterThan(0);
  });
  test('a level outside (0, 1] is refused, naming it', () => {
    expect(() => containmentContours(grid, [0.5, 1.5])).toThrow(/levels\[1\]/);
  });
});
