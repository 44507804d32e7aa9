import { describe, expect, test } from 'vitest';
import { HOLD_POS, holdUnitsOfNoUse } from './hold_units.js';
import type { SearchPlan, UnitAssignment } from './search_plan.js';

/** A plan of the given per-particle PODs (one row per unit), POS by the factorised POD. */
function planOf(weight: Float64Array, pods: readonly number[][]): SearchPlan {
  const unitPod = pods.map((p) => Float64Array.from(p));
  const pod = Float64Array.from(weight, (_, i) => 1 - unitPod.reduce((miss, p) => miss * (1 - p[i]), 1));
  const pos = weight.reduce((s, w, i) => s + w * pod[i], 0);
  const unitPos = unitPod.map((p) => weight.reduce((s, w, i) => s + w * p[i], 0));
  const assignments = pods.map((_, k) => ({ unitId: `U${k}`, party: k % 2 ? 'B' : 'A' }) as unknown as UnitAssignment);
  return { assignments, unitPos, unitPod, pod, pos };
}

describe('holdUnitsOfNoUse', () => {
  // 1,000 particles of equal weight: unit 0 finds half of the first 600, unit 1 a tenth of the next 50
  // (0.5 %), unit 2 the last 100 at 0.9 (9 %)
  const n = 1000;
  const weight = new Float64Array(n).fill(1 / n);
  const row = (f: (i: number) => number): number[] => Array.from({ length: n }, (_, i) => f(i));
  const pods = [row((i) => (i < 600 ? 0.5 : 0)), row((i) => (i >= 600 && i < 650 ? 0.1 : 0)), row((i) => (i >= 900 ? 0.9 : 0))];

  test('a unit adding under a point of POS is held, the others keep their areas and the POS drops by its marginal POS', () => {
    const plan = planOf(weight, pods);
    const { plan: sent, held } = holdUnitsOfNoUse(plan, { count: n, weight });
    expect(held.map((h) => h.unitId)).toEqual(['U1']);
    expect(held[0].party).toBe('B');
    expect(held[0].marginalPos).toBeCloseTo(0.005, 12);   // 50 particles x 0.1 / 1000, nobody else there
    expect(held[0].lossPos).toBeCloseTo(0.005, 12);
    expect(held[0].thresholdPos).toBe(HOLD_POS);          // its standard error, about 0.07 %, is far under half a point
    expect(held[0].standardErrorPos).toBeCloseTo(Math.sqrt(50 * (0.1 - 0.005) ** 2 + 950 * 0.005 ** 2) / n, 12);
    expect(sent.assignments.map((a) => a.unitId)).toEqual(['U0', 'U2']);
    expect(sent.unitPod[1]).toBe(plan.unitPod[2]);
    expect(sent.unitPos).toEqual([plan.unitPos[0], plan.unitPos[2]]);
    expect(sent.pos).toBeCloseTo(plan.pos - 0.005, 12);
    expect(sent.pos).toBeCloseTo(0.3 + 0.09, 12);
  });

  test('the marginal POS counts only what the others miss: a unit on the same particles as another is held though its own POS is high', () => {
    // unit 1 searches unit 0's particles again with POD 0.02: alone it finds 1.2 %, with unit 0 there 0.6 %
    const again = [pods[0], row((i) => (i < 600 ? 0.02 : 0)), pods[2]];
    const plan = planOf(weight, again);
    expect(plan.unitPos[1]).toBeGreaterThan(HOLD_POS);
    const { held } = holdUnitsOfNoUse(plan, { count: n, weight });
    expect(held.map((h) => h.unitId)).toEqual(['U1']);
    expect(held[0].marginalPos).toBeCloseTo(600 * 0.02 * 0.5 / n, 12);
  });

  test('a contribution within twice its standard error of none is held even above a point; one of 2 % on many particles is kept', () => {
    // one particle of 1,000 weighs 3 % and unit 1 finds it with POD 0.5: 1.5 %, but resting on a single particle
    const w = new Float64Array(n).fill(0.97 / (n - 1));
    w[999] = 0.03;
    const lone = [pods[0], row((i) => (i === 999 ? 0.5 : 0))];
    const { held } = holdUnitsOfNoUse(planOf(w, lone), { count: n, weight: w });
    expect(held.map((h) => h.unitId)).toEqual(['U1']);
    expect(held[0].marginalPos).toBeGreaterThan(HOLD_POS);
    expect(held[0].thresholdPos).toBeGreaterThan(held[0].marginalPos);
    // the same 1.5 % spread over 300 particles (POD 0.05 each) is well resolved: kept
    const spread = [pods[0], row((i) => (i >= 600 && i < 900 ? 0.05 : 0))];
    expect(holdUnitsOfNoUse(planOf(weight, spread), { count: n, weight }).held).toEqual([]);
  });

  test('the units held lose under a point together: of two units adding 0.6 % each, one is held', () => {
    // U1 and U3 each find 0.6 % on particles nobody else searches
    const two = [pods[0], row((i) => (i >= 600 && i < 660 ? 0.1 : 0)), pods[2], row((i) => (i >= 700 && i < 760 ? 0.1 : 0))];
    const plan = planOf(weight, two);
    const { plan: sent, held } = holdUnitsOfNoUse(plan, { count: n, weight });
    expect(held).toHaveLength(1);
    expect(['U1', 'U3']).toContain(held[0].unitId);
    expect(held[0].lossPos).toBeCloseTo(0.006, 12);
    expect(sent.assignments).toHaveLength(3);
    expect(plan.pos - sent.pos).toBeLessThan(HOLD_POS);
  });

  test('never below the floor (the IAMSAR baseline\'s POS), never the last unit, and particles not counted do not count', () => {
    const plan = planOf(weight, pods);
    // holding U1 would leave 0.39, under this floor: nothing held
    expect(holdUnitsOfNoUse(plan, { count: n, weight }, { floorPos: plan.pos - 0.001 }).held).toEqual([]);
    // a single unit worth nothing is still sent
    const one = planOf(weight, [pods[1]]);
    expect(holdUnitsOfNoUse(one, { count: n, weight }).held).toEqual([]);
    // U2's particles stranded (status 2) are not counted: U2 is worth nothing and held, then U1 too (0.5 %)
    const status = Uint8Array.from({ length: n }, (_, i) => (i >= 900 ? 2 : 1));
    const { plan: sent, held } = holdUnitsOfNoUse(plan, { count: n, weight, status }, { include: (s) => s === 1 });
    expect(held.map((h) => h.unitId)).toEqual(['U2', 'U1']);
    expect(held[1].lossPos).toBeCloseTo(0.005, 12);   // U2 lost nothing counted
    expect(sent.pos).toBeCloseTo(0.3, 12);
  });
});
