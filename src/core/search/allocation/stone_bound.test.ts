import { describe, expect, test } from 'vitest';
import { allocationScenarios } from './allocation_scenarios.testkit.js';
import { iamsarBaseline } from './iamsar_baseline.js';
import { optimalAllocation } from './optimal_allocation.js';
import { stoneBound } from './stone_bound.js';

// particles placed at given cell centres (cells of 1 NM about a frame origin at 131.5E 37.5N), still
function still(points: [number, number, number][]) {
  const nmLat = 1 / 60, nmLon = 1 / (60 * Math.cos((37.5 * Math.PI) / 180));
  const n = points.length;
  const lonDeg = Float64Array.from(points, ([x]) => 131.5 + (x + 0.5) * nmLon), latDeg = Float64Array.from(points, ([, y]) => 37.5 + (y + 0.5) * nmLat);
  return { particles: { count: n, weight: Float64Array.from(points, ([, , w]) => w) }, snapshots: [{ timeS: 0, lonDeg, latDeg }] };
}

describe('stoneBound (Koopman/Stone water-filling, exponential detection)', () => {
  test('two cells: effort goes to the denser until the marginal gains match, then to both', () => {
    // p = 0.8 and 0.2 in 1 NM^2 cells: the second gets effort once 0.8 e^-z1 = 0.2, i.e. z1 = ln 4 = 1.386
    const { particles, snapshots } = still([[0, 0, 0.8], [3, 0, 0.2]]);
    const small = stoneBound(particles, snapshots, 0, 1, { cellNm: 1 });
    expect(small.cellsSearched).toBe(1);
    expect(small.pos).toBeCloseTo(0.8 * (1 - Math.exp(-1)), 9);
    const large = stoneBound(particles, snapshots, 0, 3, { cellNm: 1 });
    // z1 - z2 = ln 4, z1 + z2 = 3
    const z1 = (3 + Math.log(4)) / 2, z2 = 3 - z1;
    expect(large.cellsSearched).toBe(2);
    expect(large.pos).toBeCloseTo(0.8 * (1 - Math.exp(-z1)) + 0.2 * (1 - Math.exp(-z2)), 9);
    expect(large.effortNm2).toBeCloseTo(3, 6);
  });
  test('detection groups: a cell of a hard-to-see object gets the effort that pays as much at the margin', () => {
    // one cell holding two objects, seen at rates 1 and 0.25: POS = 0.5 (1 - e^-z) + 0.5 (1 - e^-z/4) at z = Z
    const { particles, snapshots } = still([[0, 0, 0.5], [0, 0, 0.5]]);
    const b = stoneBound({ ...particles, scenario: Uint16Array.of(0, 1) }, snapshots, 0, 2, { cellNm: 1, rateByScenario: [1, 0.25] });
    expect(b.pos).toBeCloseTo(0.5 * (1 - Math.exp(-2)) + 0.5 * (1 - Math.exp(-0.5)), 6);
  });
  test('maxCoverage caps each cell: the rest of the effort goes to the next cell, or is left when every cell is full', () => {
    // p = 0.8 and 0.2, Z = 3, cap 1: z1 = 1 (uncapped 2.19), z2 = 1, one unit of effort left over
    const { particles, snapshots } = still([[0, 0, 0.8], [3, 0, 0.2]]);
    const b = stoneBound(particles, snapshots, 0, 3, { cellNm: 1, maxCoverage: 1 });
    expect(b.pos).toBeCloseTo(1 - Math.exp(-1), 6);
    expect(b.effortNm2).toBeCloseTo(2, 6);
    // cap 1.2 with Z = 2: uncapped z1 = (2 + ln 4) / 2 = 1.69 > 1.2, so z1 = 1.2 and z2 = 0.8
    const c = stoneBound(particles, snapshots, 0, 2, { cellNm: 1, maxCoverage: 1.2 });
    expect(c.pos).toBeCloseTo(0.8 * (1 - Math.exp(-1.2)) + 0.2 * (1 - Math.exp(-0.8)), 6);
  });
  test('scoreWith scores the allocation on other weights: on the same ones it is the bound, on disjoint ones far less', () => {
    const { particles, snapshots } = still([[0, 0, 0.5], [3, 0, 0.5]]);
    const same = stoneBound(particles, snapshots, 0, 1, { cellNm: 1, scoreWith: particles });
    expect(same.heldOutPos).toBeCloseTo(same.pos, 12);
    // the allocation is fitted to particle 0 only; particle 1 alone is scored: no effort where it is
    const fit = { count: 2, weight: Float64Array.of(1, 0) }, other = { count: 2, weight: Float64Array.of(0, 1) };
    const b = stoneBound(fit, snapshots, 0, 1, { cellNm: 1, scoreWith: other });
    expect(b.pos).toBeCloseTo(1 - Math.exp(-1), 9);
    expect(b.heldOutPos).toBe(0);
  });
  test('no plan of the optimiser or of IAMSAR beats it on a still cloud', () => {
    const s = allocationScenarios(6000)[1];
    const snapshots = [s.snapshots[0], { ...s.snapshots[0], timeS: s.snapshots[s.snapshots.length - 1].timeS }];   // the cloud does not drift
    const base = iamsarBaseline(s.particles, snapshots, s.units, { law: 'exponential' });
    const plan = optimalAllocation(s.particles, snapshots, s.units, { law: 'exponential', baseline: base });
    const effort = s.units.reduce((sum, u) => sum + u.sweepWidthNm * u.speedKn * u.enduranceH, 0);
    const bound = stoneBound(s.particles, snapshots, base.datumTimeS, effort, { cellNm: base.probableErrorNm / 5 });
    expect(plan.pos).toBeLessThan(bound.pos);
    expect(base.pos).toBeLessThan(bound.pos);
    // and the bound is not loose beyond reason: the plan reaches most of it
    expect(plan.pos).toBeGreaterThan(0.6 * bound.pos);
  });
  test('refuses an effort or a cell that is not a positive number', () => {
    const { particles, snapshots } = still([[0, 0, 1]]);
    expect(() => stoneBound(particles, snapshots, 0, 0, { cellNm: 1 })).toThrow(/effortNm2/);
    expect(() => stoneBound(particles, snapshots, 0, 1, { cellNm: -1 })).toThrow(/cellNm/);
  });
});
