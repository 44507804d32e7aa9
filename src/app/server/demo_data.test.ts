import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadCooperationConfig } from '../../io/cooperation/index.js';
import { openForcingFile } from '../../io/netcdf/index.js';
import { projectPath } from '../../io/project_files.js';
import { SqliteStore } from '../../io/storage/index.js';
import { CaseLog, type Actor } from '../case_log/index.js';
import { DEMO_FORCING_FILES } from '../case_log/planning_inputs.js';
import { parsePlanFile } from '../plan/index.js';
import { DEMO_CASE_ID, DEMO_PLANNING_INPUTS, seedDemoData } from './demo_data.js';

const sato: Actor = { userName: 'sato', party: 'JP', roles: ['smc'] };

describe('the demo exercise', () => {
  test('holds the report and planning inputs that passed the append check; the picture has them', async () => {
    const store = new SqliteStore(':memory:');
    expect(await seedDemoData(store)).toBe(true);
    expect(await seedDemoData(store)).toBe(false);
    const state = await new CaseLog(store).state(sato, DEMO_CASE_ID);
    expect(state.version).toBe(3);
    expect(state.reports[0]).toMatchObject({ position: { lonDeg: 131.25, latDeg: 37.2333 }, time: '2026-03-10T06:00Z' });   // stored as UTC to the minute
    expect(state.planningInputs?.inputs).toEqual(DEMO_PLANNING_INPUTS);
    await store.close();
  });
  test('its units are those of the joint SAREX plan, with the ids and parties of the KR-JP agreement', () => {
    const sarex = parsePlanFile(readFileSync(projectPath('examples/plans/liancourt-joint-sarex.yaml'), 'utf8'), 'liancourt-joint-sarex.yaml');
    const agreement = loadCooperationConfig(projectPath('examples/cooperation/korea-japan.yaml'));
    for (const unit of DEMO_PLANNING_INPUTS.units) {
      const { arrival: _a, ...figures } = sarex.units.find((u) => u.id === unit.id)!;
      const { arrival: _b, ...ours } = unit;
      expect(ours).toEqual(figures);
      expect(agreement.units.find((u) => u.id === unit.id)?.party).toBe(unit.party);
    }
    expect(new Set(DEMO_PLANNING_INPUTS.units.map((u) => u.party))).toEqual(new Set(['KR', 'JP']));
  });
  test('the SYNTHETIC forcing covers the raft and the whole 24 h drift', async () => {
    const startS = Date.parse('2026-03-10T06:00Z') / 1000;
    for (const [ref, path] of Object.entries(DEMO_FORCING_FILES)) {
      const file = await openForcingFile(projectPath(path));
      for (const field of Object.values(file.fields)) {
        expect(field.startS, ref).toBeLessThanOrEqual(startS);
        expect(field.endS, ref).toBeGreaterThanOrEqual(startS + DEMO_PLANNING_INPUTS.durationH! * 3600);
        expect(131.25).toBeGreaterThan(field.bounds!.westDeg);
        expect(131.25).toBeLessThan(field.bounds!.eastDeg);
        expect(37.2333).toBeGreaterThan(field.bounds!.southDeg);
        expect(37.2333).toBeLessThan(field.bounds!.northDeg);
      }
    }
  });
});
