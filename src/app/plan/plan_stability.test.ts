/**
 * Issue 12, "never worse than IAMSAR, and stable", on the examples: the plan's POS is never below
 * the IAMSAR baseline's (both scored exactly on the same particles), and the raft-or-person example
 * planned with 2,000, 5,000 and 10,000 particles gives POS within 1 point and areas whose centres
 * differ by less than a tenth of their size. Measured (docs/architecture.md, "Stability"): the
 * six-unit example does not meet the stability figures yet; the Liancourt one does since its units
 * sent are refined again without the helicopter held (bench/RESULTS.md: largest centre shift 0.09).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { distanceM, metresToNm } from '../../core/geo/index.js';
import { loadLeewayTable } from '../../io/leeway/index.js';
import { findRepoRoot } from '../../io/project_files.js';
import { loadPlanCase, runPlan, type PlanRun } from './index.js';

const objects = loadLeewayTable();
const plan = (file: string, particleCount?: number): Promise<PlanRun> => {
  const c = loadPlanCase(`${findRepoRoot()}/examples/plans/${file}`, objects);
  return runPlan(particleCount ? { ...c, drift: { ...c.drift, request: { ...c.drift.request, particleCount } } } : c, { workers: 1 });
};

/** POS within 1 point and area centres within a tenth of their size between every two of `runs`. */
function expectStable(runs: readonly PlanRun[]): void {
  for (let i = 0; i < runs.length; i++) for (let j = i + 1; j < runs.length; j++) {
    const a = runs[i].optimal, b = runs[j].optimal;
    expect(Math.abs(a.pos - b.pos)).toBeLessThan(0.01);
    expect(b.assignments.map((y) => y.unitId)).toEqual(a.assignments.map((x) => x.unitId));
    a.assignments.forEach((x, k) => {
      const y = b.assignments[k];
      const sizeNm = Math.min(Math.sqrt(x.area.lengthNm * x.area.widthNm), Math.sqrt(y.area.lengthNm * y.area.widthNm));
      expect(metresToNm(distanceM(x.area.centre.lonDeg, x.area.centre.latDeg, y.area.centre.lonDeg, y.area.centre.latDeg))).toBeLessThan(0.1 * sizeNm);
    });
  }
}

describe('the raft-or-person example is stable across particle counts and never worse than IAMSAR', () => {
  const runs: PlanRun[] = [];
  beforeAll(async () => {
    for (const n of [2000, 5000, 10_000]) runs.push(await plan('east-sea-raft-or-piw.yaml', n));
  }, 300_000);

  test('never below the IAMSAR baseline, and the layout it names is the one returned', () => {
    for (const r of runs) {
      expect(r.optimal.pos).toBeGreaterThanOrEqual(r.baseline.pos);
      expect(r.optimal.baselinePos).toBe(r.baseline.pos);
      if (r.optimal.chosen === 'iamsar-baseline') expect(r.optimal.assignments).toBe(r.baseline.assignments);
    }
  });
  test('POS within 1 point and area centres within a tenth of their size between 2,000, 5,000 and 10,000 particles', () => {
    expectStable(runs);
  });
});

describe('the Liancourt example is stable across particle counts', () => {
  test('POS within 1 point and area centres within a tenth of their size between 2,000, 5,000 and 10,000 particles', async () => {
    const runs: PlanRun[] = [];
    for (const n of [2000, 5000, 10_000]) runs.push(await plan('liancourt-joint-sarex.yaml', n));
    expectStable(runs);
  }, 300_000);
});

describe('the Liancourt example (helicopter limited to C 0.1 by its turns) is never worse than IAMSAR', () => {
  test('the plan\'s POS is at least the baseline\'s, at the example\'s own particle count', async () => {
    const r = await plan('liancourt-joint-sarex.yaml');
    expect(r.optimal.pos).toBeGreaterThanOrEqual(r.baseline.pos);
    // a unit held in reserve (hold_units.ts) takes its marginal POS with it
    const heldPos = r.optimal.held.reduce((sum, h) => sum + h.marginalPos, 0);
    expect(r.optimal.pos + heldPos).toBeCloseTo(Math.max(r.optimal.optimiserPos, r.baseline.pos), 9);
  }, 120_000);
});
