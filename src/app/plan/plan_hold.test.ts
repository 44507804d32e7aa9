/**
 * The demo plan's oddity (issue 12): the Liancourt example's helicopter, with a sweep width of
 * 0.1 NM for a person in the water at 500 ft and a closest spacing of 0.95 NM (its turns), was sent
 * to 150 NM² of empty water for 0.2 % of POS. It is held in reserve instead ("hold: no useful
 * area", core/search/allocation/hold_units.ts), and the plan's report, its message and its files
 * say so; the ships' areas are what they were.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { HOLD_POS } from '../../core/search/index.js';
import { loadLeewayTable } from '../../io/leeway/index.js';
import { findRepoRoot } from '../../io/project_files.js';
import { loadPlanCase, planOutputFiles, planReport, runPlan, type PlanRun } from './index.js';

describe('the Liancourt example holds its helicopter in reserve', () => {
  let run: PlanRun;
  beforeAll(async () => {
    run = await runPlan(loadPlanCase(`${findRepoRoot()}/examples/plans/liancourt-joint-sarex.yaml`, loadLeewayTable()), { workers: 1 });
  }, 120_000);

  test('the helicopter is held: its search would add under a point of POS; the ships are sent', () => {
    expect(run.optimal.held.map((h) => h.unitId)).toEqual(['jp-navy-helo-1']);
    const h = run.optimal.held[0];
    expect(h.party).toBe('JP');
    expect(h.marginalPos).toBeGreaterThan(0);
    expect(h.marginalPos).toBeLessThan(HOLD_POS);
    expect(h.thresholdPos).toBeGreaterThanOrEqual(HOLD_POS);
    expect(run.optimal.assignments.map((a) => a.unitId)).toEqual(['kr-ship-1', 'jp-navy-ship-1']);
    expect(run.optimal.unitPos).toHaveLength(2);
    // its marginal POS is what the plan loses by it, and the plan stays above the IAMSAR baseline
    expect(run.optimal.pos + h.marginalPos).toBeCloseTo(run.optimal.optimiserPos, 9);
    expect(run.optimal.pos).toBeGreaterThan(run.baseline.pos);
    // the baseline (IAMSAR's method, every unit used) still sends it
    expect(run.baseline.assignments.map((a) => a.unitId)).toContain('jp-navy-helo-1');
  });

  test('the report, the plan message and the exports say so, and give the helicopter no route', () => {
    const report = planReport(run, []);
    expect(report).toMatch(/jp-navy-helo-1 \(JP\)\s+HOLD: no useful area, kept in reserve \(its search would add 0\.\d %/);
    expect(report).toMatch(/Total POS: [\d.]+ %, the optimiser's layout, jp-navy-helo-1 held in reserve/);
    const files = planOutputFiles(run);
    expect(files['plan-message.txt']).toContain('UNIT 3 jp-navy-helo-1 (JP)\n HOLD NO USEFUL AREA, IN RESERVE\n ITS SEARCH WOULD ADD 0.');
    // the message gives a pattern to the units sent only
    expect(files['plan-message.txt'].match(/^ PATTERN /gm)).toHaveLength(2);
    for (const name of ['plan.gpx', 'plan.kml']) expect(files[name]).not.toContain('jp-navy-helo-1');
    expect(JSON.parse(files['plan-for-rules.json']).units.map((u: { unitId: string }) => u.unitId)).toEqual(['kr-ship-1', 'jp-navy-ship-1']);
  });
});

describe('at 20,000 particles the Liancourt helicopter is in the ships\' way', () => {
  // the search on these particles ends with the helicopter (C <= 0.10) on a strip the ships must keep
  // out of: its search adds a point of POS, but the ships refined without it find about four more
  // (optimal_allocation.ts, step 6b)
  let run: PlanRun;
  beforeAll(async () => {
    const c = loadPlanCase(`${findRepoRoot()}/examples/plans/liancourt-joint-sarex.yaml`, loadLeewayTable());
    run = await runPlan({ ...c, drift: { ...c.drift, request: { ...c.drift.request, particleCount: 20_000 } } }, { workers: 1 });
  }, 120_000);

  test('it is held as such, and the plan with the ships alone finds more than with every unit', () => {
    expect(run.optimal.held.map((h) => [h.unitId, h.inTheWay])).toEqual([['jp-navy-helo-1', true]]);
    const h = run.optimal.held[0];
    expect(h.marginalPos).toBeGreaterThan(0);
    expect(h.lossPos).toBeLessThan(-0.01);
    expect(run.optimal.pos).toBeGreaterThan(run.optimal.optimiserPos + 0.01);
    expect(run.optimal.assignments.map((a) => a.unitId)).toEqual(['kr-ship-1', 'jp-navy-ship-1']);
    expect(planReport(run, [])).toMatch(/jp-navy-helo-1 \(JP\)\s+HOLD: kept in reserve, in the other units' way \(its search would add [\d.]+ % of POS where they are; without it they search its water and the plan finds [\d.]+ % more\)/);
    expect(planOutputFiles(run)['plan-message.txt']).toMatch(/UNIT 3 jp-navy-helo-1 \(JP\)\n HOLD IN RESERVE, OTHER UNITS SEARCH ITS WATER\n PLAN FINDS [\d.]+ PCT MORE WITHOUT IT/);
  });
});

describe('a plan file can send every unit (reserveBelowPosPct: 0)', () => {
  test('the Liancourt helicopter is sent when the plan file says 0, and the setting is checked', async () => {
    const root = findRepoRoot();
    const file = `${root}/examples/plans/liancourt-joint-sarex.yaml`;
    // a copy elsewhere: its forcing paths made absolute (they are relative to the example's folder)
    const text = readFileSync(file, 'utf8').replaceAll('file: ../../data/', `file: ${root}/data/`);
    const dir = mkdtempSync(join(tmpdir(), 'sarb-reserve-'));
    try {
      const copy = join(dir, 'send-all.yaml');
      writeFileSync(copy, `${text}\nreserveBelowPosPct: 0\n`);
      const planCase = loadPlanCase(copy, loadLeewayTable());
      expect(planCase.reserveBelowPos).toBe(0);
      const sent = await runPlan(planCase, { workers: 1 });
      expect(sent.optimal.held).toEqual([]);
      expect(sent.optimal.assignments.map((a) => a.unitId)).toContain('jp-navy-helo-1');
      const bad = join(dir, 'bad.yaml');
      writeFileSync(bad, `${text}\nreserveBelowPosPct: 40\n`);
      expect(() => loadPlanCase(bad, loadLeewayTable())).toThrow(/reserveBelowPosPct/);
    } finally { rmSync(dir, { recursive: true, force: true }); }
  }, 120_000);
});

describe('a plan file may let aircraft search over the ships\' areas (airOverSurface: true)', () => {
  test('the Liancourt helicopter then searches over the ships\' water instead of being held, and the plan finds more', async () => {
    const root = findRepoRoot();
    const text = readFileSync(`${root}/examples/plans/liancourt-joint-sarex.yaml`, 'utf8').replaceAll('file: ../../data/', `file: ${root}/data/`);
    const dir = mkdtempSync(join(tmpdir(), 'sarb-air-'));
    try {
      const copy = join(dir, 'air-over-surface.yaml');
      writeFileSync(copy, `${text}\nairOverSurface: true\n`);
      const planCase = loadPlanCase(copy, loadLeewayTable());
      expect(planCase.airOverSurface).toBe(true);
      const [apart, over] = [await runPlan(loadPlanCase(`${root}/examples/plans/liancourt-joint-sarex.yaml`, loadLeewayTable()), { workers: 1 }), await runPlan(planCase, { workers: 1 })];
      expect(over.optimal.held).toEqual([]);
      const k = over.optimal.assignments.findIndex((a) => a.unitId === 'jp-navy-helo-1');
      expect(over.optimal.unitPos[k]).toBeGreaterThan(HOLD_POS);
      expect(over.optimal.pos).toBeGreaterThan(apart.optimal.pos);
    } finally { rmSync(dir, { recursive: true, force: true }); }
  }, 180_000);
});

describe('a unit no area fits is held with the reason, not the whole plan refused', () => {
  // the Japanese destroyer asked to keep 40 NM off land: every area near the Liancourt cloud is within
  // 40 NM of the islets or Ulleungdo, so no area fits it; before, the whole plan was refused for it
  let run: PlanRun;
  beforeAll(async () => {
    const planCase = loadPlanCase(`${findRepoRoot()}/examples/plans/liancourt-joint-sarex.yaml`, loadLeewayTable());
    run = await runPlan({ ...planCase, units: planCase.units.map((u) => (u.unitId === 'jp-navy-ship-1' ? { ...u, clearanceNm: 40 } : u)) }, { workers: 1 });
  }, 120_000);

  test('the destroyer is held for it, the others planned, and the baseline is that of the same units', () => {
    const h = run.optimal.held.find((x) => x.unitId === 'jp-navy-ship-1');
    expect(h).toMatchObject({ party: 'JP', noArea: { clearanceNm: 40 } });
    expect(run.optimal.assignments.map((a) => a.unitId)).toContain('kr-ship-1');
    expect(run.optimal.assignments.map((a) => a.unitId)).not.toContain('jp-navy-ship-1');
    expect(run.baseline.assignments.map((a) => a.unitId)).not.toContain('jp-navy-ship-1');
    expect(run.optimal.baselinePos).toBe(run.baseline.pos);
    expect(run.optimal.pos).toBeGreaterThanOrEqual(run.baseline.clearOfLand ? run.baseline.pos : 0);
  });

  test('the report and the plan message say why, and what may let it search', () => {
    expect(planReport(run, [])).toMatch(/jp-navy-ship-1 \(JP\) +HOLD: no area fits it: every area tried near the probability brings it within its clearance of land \(40\.00 NM\), or its endurance is too short for a single track; a smaller clearance \(clearanceNm\) or another task \(a track line, a sector\) may let it search; the other units are planned without it/);
    expect(planOutputFiles(run)['plan-message.txt']).toMatch(/UNIT \d jp-navy-ship-1 \(JP\)\n HOLD NO AREA FITS OUTSIDE ITS 40\.0 NM CLEARANCE FROM LAND/);
  });
});
