import { describe, expect, test } from 'vitest';
import { ConstantField } from '../environment/index.js';
import { objectClass } from '../../test_support/leeway_table.js';
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
});
