import { describe, expect, test } from 'vitest';
import { ConstantField } from '../environment/index.js';
import { objectClass } from '../../test_support/leeway_table.js';
import { distanceM, weightedCentroid } from '../geo/sphere.js';
import { EARTH_RADIUS_M } from '../geo/units.js';
import { ParticleStatus } from './particles.js';
import { runDrift } from './run.js';
import { summariseCloud } from './summary.js';

describe('summariseCloud', () => {
  const calm = { wind: new ConstantField('wind', 0, 0), current: new ConstantField('current', 0, 0) };
  const request = (radiusM: number) => ({
    scenarios: [{ name: 'disc', weight: 1, objectClass: objectClass('PIW-1'), seeding: { kind: 'point' as const, position: { lonDeg: 131.5, latDeg: 37.2 }, radiusM, spread: 'uniform-disc' as const } }],
    startS: 0, durationS: 600, direction: 'forward' as const, timeStepS: 600, outputEverySteps: 1,
    particleCount: 100_000, seed: 2, jibeProbabilityPerHour: 0,
  });

  test('a uniform disc of radius R holds half its weight within R/√2 and 90 % within R√0.9', () => {
    const result = runDrift(request(10_000), calm);
    const s = summariseCloud(result.snapshots[0], result.particles.weight);
    // uniform disc: P(r < x) = x² / R²; statistical error of a quantile of 100,000 ≈ 0.2 %
    expect(s.radius50M / (10_000 / Math.SQRT2)).toBeCloseTo(1, 2);
    expect(s.radius90M / (10_000 * Math.sqrt(0.9))).toBeCloseTo(1, 2);
    expect(s.centroid!.latDeg).toBeCloseTo(37.2, 3);
    expect(s.counts.active).toBe(100_000);
  });

  test('weights count: a heavy scenario pulls the centroid and the radii', () => {
    const r = request(100);
    const two = { ...r, particleCount: 2000, scenarios: [
      { ...r.scenarios[0], name: 'west', weight: 9 },
      { ...r.scenarios[0], name: 'east', weight: 1, seeding: { ...r.scenarios[0].seeding, position: { lonDeg: 131.6, latDeg: 37.2 } } },
    ] };
    const result = runDrift(two, calm);
    const s = summariseCloud(result.snapshots[0], result.particles.weight);
    // 90 % of the weight at 131.5E, 10 % at 131.6E: the centroid sits a tenth of the way east
    expect(s.centroid!.lonDeg).toBeCloseTo(131.51, 3);
    expect(s.radius50M).toBeLessThan(1500);        // the heavy group, ~0.9 km from the centroid
    expect(s.radius90M).toBeLessThan(1500);
  });

  test('equals the haversine centroid and sorted weighted quantiles, across the antimeridian, skipping the unreleased', () => {
    const n = 5000;
    let seed = 7;
    const next = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const lonDeg = Float64Array.from({ length: n }, () => 179.5 + next() * 1.2 - (next() < 0.5 ? 360 : 0));   // both sides of 180°
    const latDeg = Float64Array.from({ length: n }, () => -20 + next() * 0.8);
    const weight = Float64Array.from({ length: n }, () => next());
    const status = Uint8Array.from({ length: n }, (_, i) => (i % 10 === 0 ? ParticleStatus.notReleased : i % 7 === 0 ? ParticleStatus.stranded : ParticleStatus.active));
    const s = summariseCloud({ timeS: 0, lonDeg, latDeg, status }, weight);
    const released = (i: number): boolean => status[i] !== ParticleStatus.notReleased;
    const c = weightedCentroid(lonDeg, latDeg, weight, n, released)!;
    expect(s.centroid!.lonDeg).toBeCloseTo(c.lonDeg, 9);
    expect(s.centroid!.latDeg).toBeCloseTo(c.latDeg, 9);
    const pairs = [...Array(n).keys()].filter(released).map((i) => [distanceM(c.lonDeg, c.latDeg, lonDeg[i], latDeg[i]), weight[i]]).sort((a, b) => a[0] - b[0]);
    const total = pairs.reduce((a, p) => a + p[1], 0);
    const quantile = (q: number): number => { let acc = 0; for (const [d, w] of pairs) { acc += w; if (acc >= q * total) return d; } return pairs[pairs.length - 1][0]; };
    const maxM = pairs[pairs.length - 1][0];
    expect(Math.abs(s.radius50M - quantile(0.5))).toBeLessThan(maxM / 16384 + 1e-6);
    expect(Math.abs(s.radius90M - quantile(0.9))).toBeLessThan(maxM / 16384 + 1e-6);
    expect(s.counts['not released']).toBe(500);
  });

  test('its short series give the centroid (within 1e-10°) and radii (within a histogram bin) of exact trigonometry, near the antimeridian and a pole too', () => {
    const RAD = Math.PI / 180;
    for (const [lonDeg, latDeg, radiusM] of [[131.5, 37.2, 20_000], [179.95, -60, 30_000], [-0.02, 0.01, 60_000], [10, 89.7, 5_000], [40, 10, 400_000]]) {
      const r = runDrift({ ...request(radiusM), scenarios: [{ ...request(radiusM).scenarios[0], seeding: { kind: 'point', position: { lonDeg, latDeg }, radiusM, spread: 'uniform-disc' } }], particleCount: 5000 }, calm);
      const snap = r.snapshots[0];
      const s = summariseCloud(snap, r.particles.weight);
      // the definition, with Math.cos/sin/asin for every particle
      let sx = 0, sy = 0, sz = 0;
      const unit = (i: number) => [Math.cos(snap.latDeg[i] * RAD) * Math.cos(snap.lonDeg[i] * RAD), Math.cos(snap.latDeg[i] * RAD) * Math.sin(snap.lonDeg[i] * RAD), Math.sin(snap.latDeg[i] * RAD)];
      for (let i = 0; i < 5000; i++) { const [x, y, z] = unit(i); sx += x * r.particles.weight[i]; sy += y * r.particles.weight[i]; sz += z * r.particles.weight[i]; }
      const norm = Math.hypot(sx, sy, sz);
      expect(Math.abs(s.centroid!.lonDeg - Math.atan2(sy, sx) / RAD)).toBeLessThan(1e-10);
      expect(Math.abs(s.centroid!.latDeg - Math.atan2(sz, Math.hypot(sx, sy)) / RAD)).toBeLessThan(1e-10);
      const d = Array.from({ length: 5000 }, (_, i) => { const [x, y, z] = unit(i); return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.hypot(x - sx / norm, y - sy / norm, z - sz / norm) / 2)); }).sort((a, b) => a - b);
      // the radii come from a 16384-bin histogram of these distances: within a bin of the sorted quantile
      expect(Math.abs(s.radius50M - d[2499])).toBeLessThan(d[4999] / 16384 + 1e-6 * d[2499]);
      expect(Math.abs(s.radius90M - d[4499])).toBeLessThan(d[4999] / 16384 + 1e-6 * d[4499]);
    }
  });
});
