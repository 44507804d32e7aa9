import type { SarbridgeStore } from '../../io/storage/index.js';
import { CaseLog, type Actor } from '../case_log/index.js';

/** The demo case's id. */
export const DEMO_CASE_ID = 'demo-east-sea';

/**
 * Put the demo case in an empty store: the README's demo (a fishing boat taking water 30 NM west
 * of the Liancourt Rocks, 10 March 2026), shared by KR and JP, written by the `system` author.
 * Does nothing when the store already holds cases.
 */
export async function seedDemoData(store: SarbridgeStore, clock: () => Date = () => new Date()): Promise<boolean> {
  if ((await store.listCases()).length > 0) return false;
  const system: Actor = { userName: 'system', party: 'KR', roles: ['smc'] };
  const log = new CaseLog(store, clock);
  await log.open(system, { kind: 'exercise', title: 'Demo exercise — life raft west of the Liancourt Rocks (SYNTHETIC)', parties: ['KR', 'JP'] }, DEMO_CASE_ID);
  await log.append(system, DEMO_CASE_ID, {
    type: 'report', basedOnVersion: 1, payload: {
      text: 'Fishing boat reports taking water, 4 persons on board, then silent. Exercise scenario; forcing is SYNTHETIC.',
      position: { lonDeg: 131.25, latDeg: 37.2333 }, time: '2026-03-10T06:00:00Z', objectClass: 'LIFE-RAFT-DB-10',
    },
  });
  return true;
}
