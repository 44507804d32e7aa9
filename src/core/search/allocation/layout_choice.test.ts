import { describe, expect, test } from 'vitest';
import type { AllocationUnit } from './allocation_unit.js';
import { capabilityOrderScore, chooseLayout, pairedStandardError, TIE_POS, unitEffortNm2 } from './layout_choice.js';
import type { SearchPlan, UnitAssignment } from './search_plan.js';

/** A plan of the given per-particle PODs (one row per unit), POS by the factorised POD. */
function planOf(weight: Float64Array, pods: readonly number[][]): SearchPlan {
  const unitPod = pods.map((p) => Float64Array.from(p));
  const pod = Float64Array.from(weight, (_, i) => 1 - unitPod.reduce((miss, p) => miss * (1 - p[i]), 1));
  const pos = weight.reduce((s, w, i) => s + w * pod[i], 0);
  const unitPos = unitPod.map((p) => weight.reduce((s, w, i) => s + w * p[i], 0));
  const assignments = pods.map((_, k) => ({ unitId: `U${k}` }) as unknown as UnitAssignment);
  return { assignments, unitPos, unitPod, pod, pos };
}

const unit = (unitId: string, speedKn: number, arrivalTimeS = 0): AllocationUnit =>
  ({ unitId, speedKn, enduranceH: 6, arrivalTimeS, sweepWidthNm: 2, patterns: ['PS'] });

describe('layout choice', () => {
  // 1,000 particles of equal weight in two lobes: 600 (the dense one) and 400
  const n = 1000;
  const weight = new Float64Array(n).fill(1 / n);
  const counted = new Uint8Array(n).fill(1);
  const row = (f: (i: number) => number): number[] => Array.from({ length: n }, (_, i) => f(i));
  const dense = (p: number) => row((i) => (i < 600 ? p : 0)), sparse = (p: number) => row((i) => (i >= 600 ? p : 0));
  // U0 the faster ship (more effort): in `ordered` it takes the dense lobe, in `swapped` the sparse one
  const units = [unit('U0', 15), unit('U1', 10)];

  test('the paired standard error is that of the weighted mean of the PODs\' differences', () => {
    const a = planOf(weight, [dense(0.5), sparse(0.5)]), b = planOf(weight, [dense(0.5), sparse(0.4)]);
    // d_i = 0.1 on 400 particles, 0 on 600: mean 0.04, variance of the mean sum (1/n)^2 (d_i - 0.04)^2
    const expected = Math.sqrt(400 * 0.06 ** 2 + 600 * 0.04 ** 2) / n;
    expect(pairedStandardError(a, b, weight, counted)).toBeCloseTo(expected, 12);
    expect(pairedStandardError(a, a, weight, counted)).toBe(0);
  });

  test('most capable unit on the most probable lobe scores higher', () => {
    const ordered = planOf(weight, [dense(0.8), sparse(0.8)]), swapped = planOf(weight, [sparse(0.8), dense(0.8)]);
    expect(capabilityOrderScore(ordered, units)).toBeGreaterThan(capabilityOrderScore(swapped, units));
    // equal efforts: the earlier arrival counts as the more capable
    const alike = [unit('U0', 10, 3600), unit('U1', 10, 0)];
    expect(capabilityOrderScore(swapped, alike)).toBeGreaterThan(capabilityOrderScore(ordered, alike));
  });

  test('effort on scene ranks before arrival: the demo\'s helicopter, an hour later, before the patrol ship', () => {
    // the demo's figures (demo_data.ts): the helicopter W 2.2 NM, 90 kn, 2 h on scene from 10:00Z;
    // the ship 12 kn, 6 h on scene from 09:00Z, W 4 NM (what the baseline's Z of the demo implies); U0 and U1 as planOf names them
    const helo: AllocationUnit = { unitId: 'U0', speedKn: 90, enduranceH: 2, arrivalTimeS: 36000, sweepWidthNm: 2.2, patterns: ['PS'] };
    const ship: AllocationUnit = { unitId: 'U1', speedKn: 12, enduranceH: 6, arrivalTimeS: 32400, sweepWidthNm: 4, patterns: ['PS'] };
    expect(unitEffortNm2(helo)).toBeCloseTo(396, 9);
    expect(unitEffortNm2(ship)).toBeCloseTo(288, 9);
    const heloDense = planOf(weight, [dense(0.8), sparse(0.8)]), shipDense = planOf(weight, [sparse(0.8), dense(0.8)]);
    expect(capabilityOrderScore(heloDense, [helo, ship])).toBeGreaterThan(capabilityOrderScore(shipDense, [helo, ship]));
  });

  test('two layouts within a point: the one following the capability order is issued, whichever is higher', () => {
    const ordered = planOf(weight, [dense(0.8), sparse(0.79)]), swapped = planOf(weight, [sparse(0.8), dense(0.8)]);
    expect(swapped.pos - ordered.pos).toBeGreaterThan(0);
    expect(swapped.pos - ordered.pos).toBeLessThan(TIE_POS);
    const choice = chooseLayout([swapped, ordered], units, { count: n, weight }, counted);
    expect(choice.plan).toBe(ordered);
    expect(choice.tied).toBe(2);
    expect(chooseLayout([ordered, swapped], units, { count: n, weight }, counted).plan).toBe(ordered);
  });

  test('a layout clearly worse (beyond a point and twice the standard error) is not chosen for its order', () => {
    const ordered = planOf(weight, [dense(0.6), sparse(0.6)]), swapped = planOf(weight, [sparse(0.8), dense(0.8)]);
    const se = pairedStandardError(swapped, ordered, weight, counted);
    expect(swapped.pos - ordered.pos).toBeGreaterThan(Math.max(TIE_POS, 2 * se));
    expect(chooseLayout([ordered, swapped], units, { count: n, weight }, counted).plan).toBe(swapped);
  });
});
