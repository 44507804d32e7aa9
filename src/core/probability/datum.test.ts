import { describe, expect, test } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { weightedDatum } from './datum.js';
import { gaussianCloud } from './gaussian_cloud.testkit.js';

describe('weightedDatum', () => {
  test('a symmetric cloud has its datum at the centre', () => {
    // four particles symmetric about (132E, 37N) in longitude and latitude
    const cloud = { count: 4, lonDeg: Float64Array.of(131, 133, 132, 132), latDeg: Float64Array.of(37, 37, 36, 38),
      weight: Float64Array.of(0.25, 0.25, 0.25, 0.25) };
    const d = weightedDatum(cloud);
    expect(d.lonDeg).toBeCloseTo(132, 9);
    // 36N and 38N average to 37N; the chord between 131E and 133E at 37N passes poleward of the
    // parallel, so the spherical centroid sits 0.002 deg north of 37N (a plain mean of degrees would not)
    expect(d.latDeg).toBeGreaterThan(37.001);
    expect(d.latDeg).toBeLessThan(37.004);
    expect(d.weight).toBeCloseTo(1, 12);
  });
  test('a Gaussian cloud of 20,000 particles has its datum within 0.02 sigma of the centre', () => {
    const cloud = gaussianCloud(20_000, { lonDeg: 131.5, latDeg: 37.2 }, 5000, 5000, 0, 7);
    const d = weightedDatum(cloud);
    // standard error of the mean: sigma / sqrt(20000) = 0.007 sigma = 35 m ~ 0.0003 deg
    expect(d.lonDeg).toBeCloseTo(131.5, 2);
    expect(d.latDeg).toBeCloseTo(37.2, 2);
  });
  test('weights are respected: 3/4 of the weight on one of two nearby points', () => {
    const cloud = { count: 2, lonDeg: Float64Array.of(0, 0.4), latDeg: Float64Array.of(0, 0), weight: Float64Array.of(0.75, 0.25) };
    // on the equator the unit-vector mean of two close points is the weighted mean of longitudes to 1e-6
    expect(weightedDatum(cloud).lonDeg).toBeCloseTo(0.1, 5);
  });
  test('the antimeridian does not break the mean', () => {
    const cloud = { count: 2, lonDeg: Float64Array.of(179, -179), latDeg: Float64Array.of(10, 10), weight: Float64Array.of(0.5, 0.5) };
    expect(Math.abs(weightedDatum(cloud).lonDeg)).toBeCloseTo(180, 9);
  });
  test('particles not yet released (status 3) are left out by default', () => {
    const cloud = { count: 2, lonDeg: Float64Array.of(10, 20), latDeg: Float64Array.of(0, 0), weight: Float64Array.of(0.5, 0.5),
      status: Uint8Array.of(1, 3) };
    const d = weightedDatum(cloud);
    expect(d.lonDeg).toBeCloseTo(10, 9);
    expect(d.weight).toBeCloseTo(0.5, 12);
    expect(weightedDatum(cloud, () => true).lonDeg).toBeCloseTo(15, 9);
  });
  test('no counted weight is an InvalidInputError', () => {
    const cloud = { count: 1, lonDeg: Float64Array.of(0), latDeg: Float64Array.of(0), weight: Float64Array.of(0) };
    expect(() => weightedDatum(cloud)).toThrow(InvalidInputError);
  });
});
