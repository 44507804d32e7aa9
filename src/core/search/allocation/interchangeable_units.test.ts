import { describe, expect, test } from 'vitest';
import type { AllocationUnit } from './allocation_unit.js';
import type { HeldUnit } from './hold_units.js';
import { canonicalUnits, interchangeableKey } from './interchangeable_units.js';
import type { SearchPlan, UnitAssignment } from './search_plan.js';

const ship = (unitId: string, extra: Partial<AllocationUnit> = {}): AllocationUnit =>
  ({ unitId, party: 'A', speedKn: 12, enduranceH: 6, arrivalTimeS: 1000, sweepWidthNm: 2, patterns: ['PS', 'CS'], ...extra });
const at = (unitId: string, latDeg: number, lonDeg: number, pattern = 'PS'): UnitAssignment =>
  ({ unitId, pattern, area: { centre: { latDeg, lonDeg }, lengthNm: 4, widthNm: 3, orientationDeg: 0 } }) as unknown as UnitAssignment;
const plan = (assignments: UnitAssignment[], held: HeldUnit[] = []): SearchPlan & { held: HeldUnit[] } => ({
  assignments, unitPos: assignments.map((_, k) => 0.1 * (k + 1)), unitPod: assignments.map((_, k) => Float64Array.of(k)),
  pos: 0.5, pod: Float64Array.of(0.5), held,
});

describe('canonicalUnits', () => {
  test('units alike but for their ids share a key; any difference a route uses (arrival, party, start) parts them; the patterns they may fly do not', () => {
    expect(interchangeableKey(ship('a'))).toBe(interchangeableKey(ship('b')));
    expect(interchangeableKey(ship('a'))).toBe(interchangeableKey(ship('b', { patterns: ['CS', 'PS'] })));
    expect(interchangeableKey(ship('a'))).toBe(interchangeableKey(ship('b', { patterns: ['PS', 'CS', 'SS'] })));
    for (const other of [{ arrivalTimeS: 1060 }, { party: 'B' }, { startPosition: { lonDeg: 131, latDeg: 37 } }, { sweepWidthByScenarioNm: [2, 0.5] }]) {
      expect(interchangeableKey(ship('a'))).not.toBe(interchangeableKey(ship('b', other)));
    }
  });

  test('the northernmost area goes to the first listed of two twins, with its POD and POS; the other unit keeps its own', () => {
    const units = [ship('S1'), ship('X', { speedKn: 20 }), ship('S2')];
    const p = plan([at('S1', 37.0, 131.0), at('X', 37.5, 131.5), at('S2', 37.2, 131.2)]);
    const { plan: c, renamed } = canonicalUnits(p, units);
    expect(c.assignments.map((a) => [a.unitId, a.area.centre.latDeg])).toEqual([['S1', 37.2], ['X', 37.5], ['S2', 37.0]]);
    expect(c.unitPos).toEqual([0.30000000000000004, 0.2, 0.1]);
    expect(c.unitPod[0]).toBe(p.unitPod[2]);
    expect(c.pos).toBe(p.pos);
    expect([...renamed]).toEqual([['S2', 'S1'], ['S1', 'S2']]);
    // already in that order: nothing renamed, the same areas
    const again = canonicalUnits(c, units);
    expect(again.renamed.size).toBe(0);
    expect(again.plan.assignments.map((a) => a.unitId)).toEqual(['S1', 'X', 'S2']);
  });

  test('of twins one held in reserve, the first listed is the one sent', () => {
    const units = [ship('S1'), ship('S2')];
    const held: HeldUnit = { unitId: 'S1', marginalPos: 0.002, lossPos: 0.002, standardErrorPos: 0.0003, thresholdPos: 0.01 };
    const { plan: c } = canonicalUnits(plan([at('S2', 37.2, 131.2)], [held]), units);
    expect(c.assignments.map((a) => a.unitId)).toEqual(['S1']);
    expect(c.held.map((h) => [h.unitId, h.marginalPos])).toEqual([['S2', 0.002]]);
  });

  test('a ship that may also fly an expanding square and one that may not: swapped for parallel sweeps, not for the square', () => {
    const units = [ship('S1', { patterns: ['PS', 'CS', 'SS'] }), ship('S2')];
    // both on parallel sweeps: the northernmost to the first listed
    const swapped = canonicalUnits(plan([at('S1', 37.0, 131.0), at('S2', 37.2, 131.2)]), units).plan;
    expect(swapped.assignments.map((a) => [a.unitId, a.area.centre.latDeg])).toEqual([['S1', 37.2], ['S2', 37.0]]);
    // S1's expanding square is its own, though further south: S2 may not fly it
    const square = canonicalUnits(plan([at('S1', 37.0, 131.0, 'SS'), at('S2', 37.2, 131.2)]), units).plan;
    expect(square.assignments.map((a) => [a.unitId, a.pattern, a.area.centre.latDeg])).toEqual([['S1', 'SS', 37.0], ['S2', 'PS', 37.2]]);
    // the first listed of the two is sent and the other held, whichever the search held
    const held: HeldUnit = { unitId: 'S1', marginalPos: 0.002, lossPos: 0.002, standardErrorPos: 0.0003, thresholdPos: 0.01 };
    const one = canonicalUnits(plan([at('S2', 37.2, 131.2)], [held]), units).plan;
    expect(one.assignments.map((a) => a.unitId)).toEqual(['S1']);
    expect(one.held.map((h) => h.unitId)).toEqual(['S2']);
  });

  test('no twins: the plan itself', () => {
    const p = plan([at('A', 37, 131), at('B', 38, 131)]);
    expect(canonicalUnits(p, [ship('A'), ship('B', { enduranceH: 5 })]).plan).toBe(p);
  });
});
