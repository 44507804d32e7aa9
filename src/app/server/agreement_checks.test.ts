// Under an agreement, the joint log refuses what one party could write but the other could not trust.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkPlan, requiredNotifications } from '../../core/cooperation/index.js';
import { loadCooperationConfig, loadPlanFile } from '../../io/cooperation/index.js';
import { projectPath } from '../../io/project_files.js';
import type { SqliteStore } from '../../io/storage/index.js';
import type { SarbridgeApp } from './app.js';
import { DEMO_PLANNING_INPUTS } from './demo_data.js';
import { appWithSessions } from './server_test_support.js';

const agreement = loadCooperationConfig(projectPath('examples/cooperation/korea-japan.yaml'));
// the example plan raises R2 and R3 notifications to JP and one to KR
const { plan } = loadPlanFile(projectPath('examples/cooperation/plan-example.json'));
const required = requiredNotifications(checkPlan(agreement, plan));
const toJp = required.filter((n) => n.toParty === 'JP');
const toKr = required.find((n) => n.toParty === 'KR')!;

let app: SarbridgeApp;
let store: SqliteStore;
let tokens: Record<string, string> = {};
const auth = (user: string) => ({ authorization: `Bearer ${tokens[user]}` });
const post = (user: string, caseId: string, body: object) => app.inject({ method: 'POST', url: `/api/cases/${caseId}/events`, headers: auth(user), payload: body });
const openCase = async () => (await app.inject({ method: 'POST', url: '/api/cases', headers: auth('kim'), payload: { kind: 'case', title: 'joint', parties: ['KR', 'JP'] } })).json().caseId as string;
const ack = (user: string, caseId: string, basedOnVersion: number, notificationId: string, releasability?: string) =>
  post(user, caseId, { basedOnVersion, type: 'notificationAcknowledged', payload: { notificationId }, ...(releasability ? { releasability } : {}) });

beforeAll(async () => {
  ({ app, store, tokens } = await appWithSessions({ agreement }, ['kim', 'sato']));
});
afterAll(async () => { await app.close(); await store.close(); });

describe('acknowledgements, with an agreement', () => {
  test('only the party a notification goes to may acknowledge it', async () => {
    expect(toJp.length).toBeGreaterThan(0);
    const caseId = await openCase();
    const refused = await ack('kim', caseId, 1, toJp[0].id);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'SARB_ACCESS_DENIED' });
    expect(refused.json().message).toBe(`notification '${toJp[0].id}' goes to jp-rcc of JP: only JP may acknowledge it, not KR`);
    expect((await ack('sato', caseId, 1, toJp[0].id)).statusCode).toBe(201);
    expect((await ack('sato', caseId, 2, toKr.id)).statusCode).toBe(403);
    expect((await ack('kim', caseId, 2, toKr.id)).statusCode).toBe(201);
  });

  test('ids no rule of the agreement can raise are refused with the part that is wrong', async () => {
    const caseId = await openCase();
    const cases: [string, RegExp][] = [
      ['N-1', /is not a notification id/],
      ['R9/kr-ship-1/place:liancourt/jp-rcc', /no rule 'R9'/],
      ['R3/KR-SHIP-1/place:liancourt/jp-rcc', /did you mean 'kr-ship-1'/],
      ['R3/kr-ship-1/place:east-sea/jp-rcc', /contested features/],
      ['R3/kr-ship-1/place:liancourt/nowhere-rcc', /no RCC 'nowhere-rcc'/],
      ['R2/kr-ship-1/srr:kr-rcc/kr-rcc', /own SRR 'kr-rcc' needs no notification/],
    ];
    for (const [id, problem] of cases) {
      const res = await ack('sato', caseId, 1, id);
      expect(res.statusCode, id).toBe(400);
      expect(res.json(), id).toMatchObject({ code: 'SARB_INVALID_INPUT', field: 'body/payload/notificationId' });
      expect(res.json().message, id).toMatch(problem);
    }
    expect((await ack('sato', caseId, 1, 'R3/kr-ship-1/place:liancourt/jp-rcc', 'nothing')).json()).toMatchObject({ statusCode: 400, field: 'releasability' });
    const state = (await app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: auth('kim') })).json().state;
    expect(state.version).toBe(1);   // nothing was stored
  });

  test('the shared picture shows as acknowledged exactly what the plan check counts', async () => {
    const caseId = await openCase();
    // an acknowledgement written before the server checked them (straight into the store): KR "acknowledging" for JP
    const last = (await store.readEvents(caseId, 0)).at(-1)!;
    await store.append({ caseId, basedOnVersion: last.version, type: 'notificationAcknowledged', author: 'kim', party: 'KR', recordedAt: '2026-03-10T07:00:00.000Z',
      releasability: 'everything', payload: { notificationId: toJp[0].id } });
    for (const user of ['kim', 'sato']) {
      const state = (await app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: auth(user) })).json().state;
      expect(state.acknowledgedNotifications, user).toEqual([]);
    }
    let version = 2;
    for (const n of toJp) expect((await ack('sato', caseId, version++, n.id)).statusCode).toBe(201);
    const state = (await app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: auth('kim') })).json().state;
    expect(state.acknowledgedNotifications).toEqual(toJp.map((n) => n.id));
    // and the plan check agrees: only the one to KR is missing
    const held = await post('kim', caseId, { basedOnVersion: version, type: 'planIssued', payload: { planId: 'P1', text: 'plan', plan } });
    expect(held.json().message).toMatch(/^plan 'P1' may not be issued yet under the agreement's rules: 1 notification\(s\) lack/);
    expect(held.json().message).toContain(toKr.id);
  });
});

describe('units, with an agreement', () => {
  const at = { lonDeg: 131.5, latDeg: 37.3 };
  test('a unit the agreement does not know is refused, ids matching exactly', async () => {
    const caseId = await openCase();
    const attempts: [string, object, string, RegExp][] = [
      ['kim', { type: 'unitPosition', payload: { unitId: 'KR-SHIP-1', position: at } }, 'body/payload/unitId', /unit 'KR-SHIP-1' is not in the agreement; ids match exactly: did you mean 'kr-ship-1'\?/],
      ['kim', { type: 'unitPosition', payload: { unitId: 'kr-ship-9', position: at } }, 'body/payload/unitId', /unit 'kr-ship-9' is not in the agreement \(its units: kr-ship-1, kr-helo-1/],
      ['kim', { type: 'sighting', payload: { unitId: 'ghost', position: at, text: 'seen' } }, 'body/payload/unitId', /unit 'ghost' is not in the agreement/],
      ['sato', { type: 'searchDone', payload: { unitId: 'JP-SHIP-1', podPercent: 40 } }, 'body/payload/unitId', /did you mean 'jp-ship-1'/],
      ['kim', { type: 'planIssued', payload: { planId: 'P1', text: 'x', units: [{ unitId: 'Kr-Helo-1' }], plan: { datumTrack: [{ timeS: 0, ...at }], units: [] } } },
        'body/payload/units/0/unitId', /did you mean 'kr-helo-1'/],
    ];
    for (const [user, body, field, problem] of attempts) {
      const res = await post(user, caseId, { basedOnVersion: 1, ...body });
      expect(res.statusCode, field).toBe(400);
      expect(res.json(), field).toMatchObject({ code: 'SARB_INVALID_INPUT', field });
      expect(res.json().message).toMatch(problem);
    }
    // planning inputs may plan with a unit outside the agreement, but not with an agreement unit misspelt
    const misspelt = { ...DEMO_PLANNING_INPUTS, units: [{ ...DEMO_PLANNING_INPUTS.units[0], id: 'KR-SHIP-1' }] };
    const inputs = await post('kim', caseId, { basedOnVersion: 1, type: 'planningInputs', payload: { inputs: misspelt } });
    expect(inputs.json()).toMatchObject({ statusCode: 400, field: 'body/payload/inputs/units/0/id' });
    expect(inputs.json().message).toMatch(/did you mean 'kr-ship-1'/);
    expect((await post('kim', caseId, { basedOnVersion: 1, type: 'sighting', payload: { unitId: 'jp-ship-1', position: at, text: 'JP ship seen' } })).statusCode).toBe(201);
    expect((await post('sato', caseId, { basedOnVersion: 2, type: 'searchDone', payload: { unitId: 'jp-ship-1', podPercent: 40 } })).statusCode).toBe(201);
    expect((await post('kim', caseId, { basedOnVersion: 3, type: 'sighting', payload: { position: at, text: 'debris, no unit' } })).statusCode).toBe(201);
  });

  test('a refusal names no unit the agreement releases nothing of to the writer', async () => {
    const caseId = await openCase();
    // kr-helo-1 is released nothing to JP: GET /api/agreement leaves it out of JP's units
    const attempts: [object, string][] = [
      [{ type: 'sighting', payload: { unitId: 'ghost', position: at, text: 'seen' } }, 'body/payload/unitId'],
      [{ type: 'sighting', payload: { unitId: 'KR-HELO-1', position: at, text: 'seen' } }, 'body/payload/unitId'],
      [{ type: 'notificationAcknowledged', payload: { notificationId: 'R3/ghost/place:liancourt/jp-rcc' } }, 'body/payload/notificationId'],
    ];
    for (const [body, field] of attempts) {
      const res = await post('sato', caseId, { basedOnVersion: 1, ...body });
      expect(res.json(), field).toMatchObject({ statusCode: 400, field, message: expect.stringMatching(/is not in the agreement \(its units: kr-ship-1, jp-ship-1, jp-navy-ship-1, jp-navy-helo-1\)/) });
      expect(res.body).not.toMatch(/helo-1'|kr-helo-1/);
    }
    // KR is told of its own helicopter
    expect((await post('kim', caseId, { basedOnVersion: 1, type: 'sighting', payload: { unitId: 'KR-HELO-1', position: at, text: 'seen' } })).json().message).toMatch(/did you mean 'kr-helo-1'/);
  });

  test('only the owning party reports its unit\'s position', async () => {
    const caseId = await openCase();
    const res = await post('kim', caseId, { basedOnVersion: 1, type: 'unitPosition', payload: { unitId: 'jp-ship-1', position: at } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'SARB_ACCESS_DENIED' });
    expect(res.json().message).toMatch(/^unit 'jp-ship-1' belongs to JP: only JP reports its position, not KR/);
    expect((await post('sato', caseId, { basedOnVersion: 1, type: 'unitPosition', payload: { unitId: 'jp-ship-1', position: at } })).statusCode).toBe(201);
    expect((await post('kim', caseId, { basedOnVersion: 2, type: 'unitPosition', payload: { unitId: 'kr-ship-1', position: at } })).statusCode).toBe(201);
  });
});
