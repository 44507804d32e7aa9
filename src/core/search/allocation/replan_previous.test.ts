import { describe, expect, test } from 'vitest';
import { distanceM, metresToNm } from '../../geo/index.js';
import { allocationScenarios, qualityScenarios } from './allocation_scenarios.testkit.js';
import { iamsarBaseline } from './iamsar_baseline.js';
import { optimalAllocation, type OptimalPlan } from './optimal_allocation.js';

// A re-plan of the same case on other particles (one cloud, six units: 3,000 particles, then
// 6,000 drawn again): with the first plan's areas as `previousAreas` they are kept while no layout
// is better beyond the particles' noise (optimal_allocation.ts, step 8).
const first = allocationScenarios(3000)[0];
const again = allocationScenarios(6000)[0];
const plan = optimalAllocation(first.particles, first.snapshots, first.units);
const previousAreas = plan.assignments.map((a) => ({ unitId: a.unitId, area: a.area, pattern: a.pattern }));
const fresh = optimalAllocation(again.particles, again.snapshots, again.units);

/** Largest distance between a unit's area centre in two plans, NM. */
function largestShiftNm(a: OptimalPlan, b: readonly { unitId: string; area: { centre: { lonDeg: number; latDeg: number } } }[]): number {
  return Math.max(...a.assignments.map((x) => {
    const y = b.find((p) => p.unitId === x.unitId)!;
    return metresToNm(distanceM(x.area.centre.lonDeg, x.area.centre.latDeg, y.area.centre.lonDeg, y.area.centre.latDeg));
  }));
}

describe('optimalAllocation re-planning from the previous plan', () => {
  test('keeps the previous areas while the best layout found is within the noise, and says so', () => {
    // without them the search on the new particles ends elsewhere (what a coordinator would see as re-tasking)
    expect(largestShiftNm(fresh, previousAreas)).toBeGreaterThan(0.05);
    const re = optimalAllocation(again.particles, again.snapshots, again.units, { previousAreas });
    expect(re.chosen).toBe('optimiser');
    expect(re.previous?.kept).toBe(true);
    expect(re.previous?.note).toMatch(/^previous areas kept/);
    expect(largestShiftNm(re, previousAreas)).toBeLessThan(1e-6);
    for (const a of re.assignments) {
      const p = previousAreas.find((x) => x.unitId === a.unitId)!.area;
      expect(a.area.lengthNm).toBeCloseTo(p.lengthNm, 6);
      expect(a.area.widthNm).toBeCloseTo(p.widthNm, 6);
    }
    // the POS reported is the previous areas' on these particles, and not far below the fresh plan's
    expect(re.pos).toBeCloseTo(re.previous!.pos!, 12);
    expect(re.pos).toBeGreaterThan(fresh.pos - 0.02);
  }, 60_000);

  test('one ship: its previous area is kept over a better one within the noise (the capability order cannot choose for one unit)', () => {
    const [a, b] = [qualityScenarios(3000)[0], qualityScenarios(6000)[0]];
    const before = optimalAllocation(a.particles, a.snapshots, a.units);
    const areas = before.assignments.map((x) => ({ unitId: x.unitId, area: x.area, pattern: x.pattern }));
    const now = optimalAllocation(b.particles, b.snapshots, b.units);
    const re = optimalAllocation(b.particles, b.snapshots, b.units, { previousAreas: areas });
    // measured: 80.8 % for the previous area against 81.5 % for the best found, a tie
    expect(now.pos).toBeGreaterThan(re.pos);
    expect(largestShiftNm(now, areas)).toBeGreaterThan(0.05);
    expect(re.previous?.kept).toBe(true);
    expect(largestShiftNm(re, areas)).toBeLessThan(1e-6);
  }, 60_000);

  test('replaces previous areas that are clearly worse, and names both POS', () => {
    const away = previousAreas.map((p) => ({ ...p, area: { ...p.area, centre: { ...p.area.centre, lonDeg: p.area.centre.lonDeg + 0.3 } } }));
    const re = optimalAllocation(again.particles, again.snapshots, again.units, { previousAreas: away });
    expect(re.previous?.kept).toBe(false);
    expect(re.previous?.note).toMatch(/^previous areas replaced: the new layout is better beyond the particles' noise \(previous areas \d+\.\d % here, best \d+\.\d %\)/);
    expect(re.pos).toBeGreaterThan(re.previous!.pos! + 0.05);
    expect(largestShiftNm(re, away)).toBeGreaterThan(5);
  }, 60_000);

  test('the IAMSAR baseline issued before (strips side by side, each a PS or CS) is laid out again and weighed, not refused', () => {
    // its strips touch: in this plan's frame, about another datum, they overlap by metres; and a
    // parallel sweep issued as a creeping line is the same rectangle turned
    // (the toy frames here sit close together, so the strips are widened by 4 m, 2 m into each neighbour, to show it)
    const base = iamsarBaseline(first.particles, first.snapshots, first.units);
    const widened = base.assignments.map((a) => ({ unitId: a.unitId, area: { ...a.area, widthNm: a.area.widthNm + 4 / 1852 }, pattern: a.pattern }));
    const re = optimalAllocation(again.particles, again.snapshots, again.units, { previousAreas: widened });
    expect(re.previous?.pos).not.toBeNull();
    expect(re.previous?.note).toMatch(/^previous areas (kept|replaced)/);
  }, 60_000);

  test('a unit gone since leaves its area; the others are weighed as before, and the plan names it', () => {
    const re = optimalAllocation(again.particles, again.snapshots, again.units, {
      previousAreas: [...previousAreas, { unitId: 'GHOST-9', area: previousAreas[0].area }],
    });
    expect(re.previous?.kept).toBe(true);
    expect(re.previous?.note).toMatch(/^previous areas kept: .*; units no longer in the case: GHOST-9$/);
    expect(largestShiftNm(re, previousAreas)).toBeLessThan(1e-6);
    const none = optimalAllocation(again.particles, again.snapshots, again.units, { previousAreas: [{ unitId: 'GHOST-9', area: previousAreas[0].area }] });
    expect(none.previous).toEqual({ kept: false, pos: null, note: 'previous areas not used: none of its units is in the case now (GHOST-9)' });
    expect(none.assignments.length).toBeGreaterThan(0);
  }, 60_000);

  test('a unit that broke down: the others keep their areas only while that is still as good as any layout without it', () => {
    const [gone, ...rest] = [...again.units].sort((a, b) => b.sweepWidthNm * b.speedKn * b.enduranceH - a.sweepWidthNm * a.speedKn * a.enduranceH);
    const re = optimalAllocation(again.particles, again.snapshots, rest, { previousAreas });
    expect(re.previous?.note).toContain(`units no longer in the case: ${gone.unitId}`);
    expect(re.assignments.some((a) => a.unitId === gone.unitId)).toBe(false);
    // without the unit of most effort its part is uncovered: the others move to it
    expect(re.previous?.kept).toBe(false);
    expect(re.pos).toBeGreaterThan(re.previous!.pos!);
  }, 60_000);
});
