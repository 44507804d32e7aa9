// Plans issued in a shared case are checked against the cooperation agreement's rules.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkPlan, requiredNotifications } from '../../core/cooperation/index.js';
import { loadCooperationConfig, loadPlanFile } from '../../io/cooperation/index.js';
import { projectPath } from '../../io/project_files.js';
import type { SqliteStore } from '../../io/storage/index.js';
import type { SarbridgeApp } from './app.js';
import { appWithSessions } from './server_test_support.js';

const agreement = loadCooperationConfig(projectPath('examples/cooperation/korea-japan.yaml'));
// the example plan: the KR ship passes about 11 NM from the islets and enters the JP SRR; the JP ship enters the KR SRR
const { plan } = loadPlanFile(projectPath('examples/cooperation/plan-example.json'));
const required = requiredNotifications(checkPlan(agreement, plan));

let app: SarbridgeApp;
let store: SqliteStore;
let tokens: Record<string, string> = {};
const auth = (user: string) => ({ authorization: `Bearer ${tokens[user]}` });
const post = (user: string, caseId: string, body: object) => app.inject({ method: 'POST', url: `/api/cases/${caseId}/events`, headers: auth(user), payload: body });

beforeAll(async () => {
  ({ app, store, tokens } = await appWithSessions({ agreement }, ['kim', 'sato']));
});
afterAll(async () => { await app.close(); await store.close(); });

describe('unit events, with an agreement', () => {
  test('are released no further than the unit\'s releasability, whatever the author chose', async () => {
    const caseId = (await app.inject({ method: 'POST', url: '/api/cases', headers: auth('kim'), payload: { kind: 'case', title: 'z', parties: ['KR', 'JP'] } })).json().caseId;
    const at = { lonDeg: 131.5, latDeg: 37.3 };
    // kr-helo-1: releasability 'nothing'; kr-ship-1: 'position-only' (examples/cooperation/korea-japan.yaml)
    expect((await post('kim', caseId, { basedOnVersion: 1, type: 'unitPosition', releasability: 'everything', payload: { unitId: 'kr-helo-1', position: at, courseDeg: 90 } })).statusCode).toBe(201);
    expect((await post('kim', caseId, { basedOnVersion: 2, type: 'unitPosition', payload: { unitId: 'kr-ship-1', position: at, courseDeg: 45 } })).statusCode).toBe(201);
    const seenByJp = (await app.inject({ method: 'GET', url: `/api/cases/${caseId}/events`, headers: auth('sato') })).json().events;
    expect(seenByJp[1]).toEqual({ caseId, version: 2, withheld: true });
    expect(seenByJp[2].payload).toEqual({ unitId: 'kr-ship-1', position: at });   // no course: position only
    const seenByKr = (await app.inject({ method: 'GET', url: `/api/cases/${caseId}/events`, headers: auth('kim') })).json().events;
    expect(seenByKr[1].payload.courseDeg).toBe(90);   // the own party sees everything
  });
});

describe('POST /api/cases/:caseId/events planIssued, with an agreement', () => {
  test('a plan is held back until the party each notification goes to has acknowledged it', async () => {
    expect(required.map((n) => n.toParty).sort()).toEqual(['JP', 'JP', 'KR']);   // what the example must raise
    const caseId = (await app.inject({ method: 'POST', url: '/api/cases', headers: auth('kim'), payload: { kind: 'case', title: 'Raft near the rocks', parties: ['KR', 'JP'] } })).json().caseId;
    let version = 1;

    const refused = await post('kim', caseId, { basedOnVersion: version, type: 'planIssued', payload: { planId: 'P1', text: 'first plan', plan } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('SARB_PLAN_NOT_ISSUABLE');
    for (const n of required) expect(refused.json().message).toContain(`${n.id} (to ${n.toParty}): NOT acknowledged; notify by `);
    expect(refused.json().message).not.toMatch(/OVERDUE/);   // the example plan gives no incident or planning time

    // JP acknowledges what goes to JP; KR "acknowledging" a notification to JP does not count
    for (const n of required.filter((r) => r.toParty === 'JP')) {
      expect((await post('sato', caseId, { basedOnVersion: version++, type: 'notificationAcknowledged', payload: { notificationId: n.id } })).statusCode).toBe(201);
    }
    const toKr = required.find((r) => r.toParty === 'KR')!;
    const stillHeld = await post('kim', caseId, { basedOnVersion: version, type: 'planIssued', payload: { planId: 'P1', text: 'first plan', plan } });
    expect(stillHeld.statusCode).toBe(409);
    expect(stillHeld.json().message).toMatch(/1 notification\(s\) lack an acknowledgement/);
    expect(stillHeld.json().message).toContain(toKr.id);

    expect((await post('kim', caseId, { basedOnVersion: version++, type: 'notificationAcknowledged', payload: { notificationId: toKr.id } })).statusCode).toBe(201);
    const issued = await post('kim', caseId, { basedOnVersion: version, type: 'planIssued', payload: { planId: 'P1', text: 'first plan', plan } });
    expect(issued.statusCode).toBe(201);
  });

  test('a notification due before the incident began is OVERDUE in the refusal', async () => {
    const caseId = (await app.inject({ method: 'POST', url: '/api/cases', headers: auth('kim'), payload: { kind: 'case', title: 'late', parties: ['KR', 'JP'] } })).json().caseId;
    // R3's notification falls due at 03:29 UTC (6 h before the KR ship comes within 12 NM), R2's at 06:25 and 06:57
    const incidentTimeS = Date.UTC(2026, 2, 10, 4) / 1000;
    const refused = await post('kim', caseId, { basedOnVersion: 1, type: 'planIssued', payload: { planId: 'P3', text: 'late plan', plan: { ...plan, incidentTimeS } } });
    expect(refused.statusCode).toBe(409);
    const message: string = refused.json().message;
    expect(message).toMatch(/R3\/kr-ship-1\/place:liancourt\/jp-rcc \(to JP\): NOT acknowledged; notify at once: OVERDUE, it was due by 2026-03-10 03:29 UTC \(6 h before\), before the incident began at 2026-03-10 04:00 UTC/);
    expect(message).toMatch(/R2\/kr-ship-1\/srr:jp-rcc\/jp-rcc \(to JP\): NOT acknowledged; notify by 2026-03-10 06:25 UTC/);
    expect(message).toMatch(/1 of them OVERDUE/);
  });

  test('a plan without its geometry cannot be checked, and is refused with the field named', async () => {
    const caseId = (await app.inject({ method: 'POST', url: '/api/cases', headers: auth('kim'), payload: { kind: 'case', title: 'x', parties: ['KR', 'JP'] } })).json().caseId;
    const res = await post('kim', caseId, { basedOnVersion: 1, type: 'planIssued', payload: { planId: 'P2', text: 'no geometry' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'SARB_INVALID_INPUT', field: 'body/payload/plan' });
  });

  test('a plan sending a unit the agreement does not know is refused', async () => {
    const caseId = (await app.inject({ method: 'POST', url: '/api/cases', headers: auth('kim'), payload: { kind: 'case', title: 'y', parties: ['KR', 'JP'] } })).json().caseId;
    const stranger = { ...plan, units: [{ ...plan.units[0], unitId: 'unknown-ship' }] };
    const res = await post('kim', caseId, { basedOnVersion: 1, type: 'planIssued', payload: { planId: 'P3', text: 'x', plan: stranger } });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/unknown-ship/);
  });
});
