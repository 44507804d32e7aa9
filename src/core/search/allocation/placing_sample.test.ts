import { describe, expect, it } from 'vitest';
import type { ParticleWeights, PositionSnapshot } from '../pod.js';
import { allocationScenarios, qualityScenarios } from './allocation_scenarios.testkit.js';
import { iamsarBaseline } from './iamsar_baseline.js';
import { optimalAllocation } from './optimal_allocation.js';
import { placingSample } from './placing_sample.js';
import { evaluateAssignments } from './search_plan.js';

/** n particles in index order, the way the drift makes them: scenario 0 then 1 (70 / 30 %), sides alternating within each. */
function driftOrdered(n: number): { particles: ParticleWeights; snapshots: PositionSnapshot[] } {
  const first = Math.round(0.7 * n);
  const weight = new Float64Array(n), scenario = new Uint16Array(n), status = new Uint8Array(n);
  const lonDeg = new Float64Array(n), latDeg = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = i < first ? 0 : 1, k = s === 0 ? i : i - first;
    scenario[i] = s;
    weight[i] = s === 0 ? 0.7 / first : 0.3 / (n - first);
    lonDeg[i] = 131 + i * 1e-6;
    latDeg[i] = 37 + (k % 2) * 0.01;   // right of downwind to the north
  }
  return { particles: { count: n, weight, scenario, status }, snapshots: [{ timeS: 0, lonDeg, latDeg }] };
}

describe('placingSample', () => {
  it('is null when the cloud has no more counted particles than asked for', () => {
    const { particles, snapshots } = driftOrdered(1000);
    expect(placingSample(particles, snapshots, 1000)).toBeNull();
    // particles not released do not count
    const status = Uint8Array.from({ length: 1000 }, (_, i) => (i < 600 ? 0 : 3));
    expect(placingSample({ ...particles, status }, snapshots, 600, (s) => s !== 3)).toBeNull();
  });

  it('takes one particle from each run, keeps the counted weight and both sides of downwind', () => {
    const { particles, snapshots } = driftOrdered(10_000);
    const s = placingSample(particles, snapshots, 2500)!;
    expect(s.particles.count).toBe(2500);
    expect(s.countedParticles).toBe(10_000);
    const total = s.particles.weight.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 12);
    // the scenarios in proportion: 70 % of the runs lie in the first scenario's particles
    const first = s.particles.scenario!.filter((x) => x === 0).length;
    expect(first).toBeGreaterThanOrEqual(1749);
    expect(first).toBeLessThanOrEqual(1751);
    // a stride of 4 would take one side only; the random draw in each run takes both, about half each
    const right = Array.from(s.snapshots[0].latDeg).filter((lat) => lat > 37.005).length;
    expect(right).toBeGreaterThan(1100);
    expect(right).toBeLessThan(1400);
    // the same sample every time (a plan must not change from run to run)
    expect(placingSample(particles, snapshots, 2500)!.snapshots[0].lonDeg).toEqual(s.snapshots[0].lonDeg);
  });

  it('leaves out particles that are not counted', () => {
    const { particles, snapshots } = driftOrdered(4000);
    const status = Uint8Array.from({ length: 4000 }, (_, i) => (i % 3 === 0 ? 3 : 0));
    const s = placingSample({ ...particles, status }, snapshots, 1000, (x) => x !== 3)!;
    expect(s.countedParticles).toBe(4000 - 1334);
    expect(Array.from(s.particles.status!).every((x) => x === 0)).toBe(true);
  });
});

describe('a plan placed on the sample', () => {
  // two scenarios of the allocation benchmark at 6,000 particles, placed on 2,000 of them
  const cases = [allocationScenarios(6000)[1], qualityScenarios(6000)[0]];
  for (const c of cases) {
    it(`reports POS on every particle and is never worse than the baseline there: ${c.name}`, () => {
      const baseline = iamsarBaseline(c.particles, c.snapshots, c.units, { placingParticles: 2000 });
      expect(baseline.pos).toBeCloseTo(evaluateAssignments(c.particles, c.snapshots, baseline.assignments).pos, 12);
      const plan = optimalAllocation(c.particles, c.snapshots, c.units, { baseline, placingParticles: 2000 });
      expect(plan.placedOn).toEqual({ particles: 2000, of: 6000 });
      const exact = evaluateAssignments(c.particles, c.snapshots, plan.assignments);
      expect(plan.pos).toBeCloseTo(exact.pos, 12);
      expect(plan.unitPos).toEqual(exact.unitPos);
      expect(plan.pod.length).toBe(6000);
      expect(plan.baselinePos).toBe(baseline.pos);
      expect(plan.pos).toBeGreaterThanOrEqual(baseline.pos);
      if (plan.chosen === 'optimiser' && plan.held.length === 0) expect(plan.optimiserPos).toBe(plan.pos);
    });
  }

  it('is the plan on every particle when the cloud is no larger than the sample', () => {
    const c = qualityScenarios(1500)[0];
    const plan = optimalAllocation(c.particles, c.snapshots, c.units, { placingParticles: 2000 });
    expect(plan.placedOn).toBeUndefined();
    expect(plan).toEqual(optimalAllocation(c.particles, c.snapshots, c.units, { placingParticles: Infinity }));
  });
});

describe('a re-plan placed on the sample', () => {
  it('keeps the areas it issued on the same particles, with its figures on every particle', () => {
    const c = allocationScenarios(6000)[1];
    const first = optimalAllocation(c.particles, c.snapshots, c.units, { placingParticles: 2000 });
    const previousAreas = first.assignments.map((a) => ({ unitId: a.unitId, area: a.area, pattern: a.pattern }));
    const again = optimalAllocation(c.particles, c.snapshots, c.units, { placingParticles: 2000, previousAreas });
    expect(again.previous?.kept).toBe(true);
    expect(again.previous?.pos).toBe(again.pos);
    expect(again.pos).toBeCloseTo(first.pos, 9);
    expect(again.assignments.map((a) => a.area)).toEqual(first.assignments.map((a) => a.area));
  });
});
