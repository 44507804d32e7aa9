/**
 * A plan bench/plan_fuzz.mjs found issued inside a unit's clearance (seed 5, case 17): a ship's
 * 70 NM single-track sweep passed 0.096 NM from Ulleungdo against its 0.2 NM clearance, the optimiser's
 * quick land test being laid in a frame that parts from the route's sheet by that much. Every issued
 * route, the optimiser's and the baseline's, must now keep its clearance as flown.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadLeewayTable } from '../../io/leeway/index.js';
import { projectPath } from '../../io/project_files.js';
import { loadPlanCase, runPlan, type PlanRun } from './index.js';

const forcing = projectPath('data/forcing/east-sea-synthetic');
const planFile = {
  title: 'a long sweep past Ulleungdo', timeStepMin: 10, outputEverySteps: 3, particles: 3000, seed: 379340,
  forcing: { wind: [{ file: join(forcing, 'east-sea-wind.nc') }], current: [{ file: join(forcing, 'east-sea-currents.nc') }] },
  coastline: 'bundled',
  scenarios: [
    { name: 's0', weight: 0.5, object: 'PIW-4', position: '37.2448 131.8851', time: '2026-03-10T17:00Z', radiusNm: 2.8699076848104594 },
    { name: 's1', weight: 0.5, object: 'PIW-1', position: '37.4968 130.8658', time: '2026-03-10T17:00Z', radiusNm: 5.1960805509705095 },
  ],
  planningTime: '2026-03-11T09:00Z',
  units: [
    { id: 'BOAT-1', party: 'B', speedKn: 19, enduranceH: 6, arrival: '2026-03-11T11:30Z', patterns: ['CS', 'PS'], craft: 'boat', sweepWidthNm: { 'PIW-4': 1.96, 'PIW-1': 2.59 } },
    { id: 'SHIP-2', party: 'A', speedKn: 11, enduranceH: 6.25, arrival: '2026-03-11T11:30Z', patterns: ['PS', 'SS', 'VS'], craft: 'ship', sweepWidthNm: { 'PIW-4': 3.4, 'PIW-1': 3.89 }, clearanceNm: 0.2 },
    { id: 'HELICOPTER-3', party: 'B', speedKn: 88, enduranceH: 3.5, arrival: '2026-03-11T09:30Z', patterns: ['SS', 'PS'], craft: 'helicopter', sweepWidthNm: { 'PIW-4': 3.98, 'PIW-1': 1.08 } },
  ],
  weather: { visibilityNm: 1, windKn: 2, seaHeightM: 1.6 },
};

describe('a route the quick land test let inside its clearance', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sarbridge-issued-clearance-'));
  let run: PlanRun;
  beforeAll(async () => {
    const file = join(dir, 'plan.json');
    writeFileSync(file, JSON.stringify(planFile));
    run = await runPlan(loadPlanCase(file, loadLeewayTable()), { workers: 1 });
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('is issued moved off the island: every unit keeps its clearance as flown, and no land warning is left', () => {
    expect(run.optimal.assignments.some((a) => a.unitId === 'SHIP-2')).toBe(true);
    for (const c of [...run.clearances.optimal, ...run.clearances.baseline]) {
      if (c.closest !== null) expect(c.closest.distanceNm, c.unitId).toBeGreaterThanOrEqual(c.clearanceNm - 1e-3);
    }
    expect(run.landWarnings).toEqual([]);
  });

  test('the plan is scored on the routes issued, and never below the baseline', () => {
    const { optimal } = run;
    expect(optimal.unitPos.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(optimal.pos - 1e-12);
    expect(optimal.pos).toBeGreaterThanOrEqual(run.baseline.clearOfLand ? run.baseline.pos : 0);
    let found = 0, total = 0;
    for (let i = 0; i < run.particles.count; i++) { total += run.particles.weight[i]; found += run.particles.weight[i] * optimal.pod[i]; }
    expect(found / total).toBeCloseTo(optimal.pos, 6);
  });
});
