import type { SarbridgeStore } from '../../io/storage/index.js';
import { CaseLog, isStreamKind, type Actor, type CaseEventPayload } from '../case_log/index.js';

/** The demo case's id. */
export const DEMO_CASE_ID = 'demo-east-sea';

/**
 * The demo's planning inputs: the report's life raft as the scenario, the bundled SYNTHETIC forcing,
 * and one unit of each of two navies with the illustrative figures of
 * examples/plans/liancourt-joint-sarex.yaml (ids as in examples/cooperation/korea-japan.yaml),
 * arriving three hours after the raft was last heard from. A newcomer can drift and plan at once.
 */
export const DEMO_PLANNING_INPUTS: CaseEventPayload<'planningInputs'>['inputs'] = {
  title: 'Demo exercise: life raft west of the Liancourt Rocks, SYNTHETIC forcing',
  durationH: 24,
  timeStepMin: 10,
  outputEverySteps: 3,
  particles: 5000,
  seed: 20260310,
  forcing: { wind: [{ file: 'demo:east-sea-wind.nc' }], current: [{ file: 'demo:east-sea-currents.nc' }] },
  coastline: 'bundled',
  scenarios: [{ name: 'life raft (report)', weight: 1, object: 'LIFE-RAFT-DB-10', position: '37.2333N 131.25E', time: '2026-03-10T06:00Z', radiusNm: 1 }],
  planningTime: '2026-03-10T09:00Z',
  weather: { visibilityNm: 10, windKn: 12, seaHeightM: 1 },
  units: [
    {
      id: 'kr-ship-1', party: 'KR', description: 'patrol ship (illustrative figures)', speedKn: 12, enduranceH: 6,
      arrival: '2026-03-10T09:00Z', startPosition: '37 05.0N 131 30.0E', patterns: ['PS', 'CS', 'SS'], platform: { kind: 'vessel', eyeHeightFt: 14 },
    },
    {
      id: 'jp-navy-ship-1', party: 'JP', description: 'destroyer (illustrative figures)', speedKn: 14, enduranceH: 6,
      arrival: '2026-03-10T09:30Z', startPosition: '37 30.0N 132 05.0E', patterns: ['PS', 'CS'], platform: { kind: 'vessel', eyeHeightFt: 14 },
    },
    {
      id: 'jp-navy-helo-1', party: 'JP', description: "the destroyer's embarked helicopter (illustrative figures)", speedKn: 90, enduranceH: 2,
      arrival: '2026-03-10T10:00Z', startPosition: '37 30.0N 132 05.0E', patterns: ['PS', 'CS', 'SS'], platform: { kind: 'helicopter', altitudeFt: 500 },
    },
  ],
};

/**
 * Put the demo case in an empty store: the README's demo (a fishing boat taking water 30 NM west
 * of the Liancourt Rocks, 10 March 2026), shared by KR and JP, written by the `system` author,
 * with the planning inputs to drift and plan from. Does nothing when the store already holds cases.
 */
export async function seedDemoData(store: SarbridgeStore, clock: () => Date = () => new Date()): Promise<boolean> {
  if ((await store.listCases()).some((c) => !isStreamKind(c.kind))) return false;   // the programme stream is no case
  const system: Actor = { userName: 'system', party: 'KR', roles: ['smc'] };
  const log = new CaseLog(store, clock);
  await log.open(system, { kind: 'exercise', title: 'Demo exercise — life raft west of the Liancourt Rocks (SYNTHETIC)', parties: ['KR', 'JP'] }, DEMO_CASE_ID);
  await log.append(system, DEMO_CASE_ID, {
    type: 'report', basedOnVersion: 1, payload: {
      text: 'Fishing boat reports taking water, 4 persons on board, then silent. Exercise scenario; forcing is SYNTHETIC.',
      position: { lonDeg: 131.25, latDeg: 37.2333 }, time: '2026-03-10T06:00:00Z', objectClass: 'LIFE-RAFT-DB-10',
    },
  });
  // checked on append as every planningInputs event is (planning_inputs.ts)
  await log.append(system, DEMO_CASE_ID, { type: 'planningInputs', basedOnVersion: 2, payload: { inputs: DEMO_PLANNING_INPUTS } });
  return true;
}
