// Every time in every payload is read with the core's parser and stored as UTC.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { SqliteStore } from '../../io/storage/index.js';
import { buildApp, type SarbridgeApp } from './app.js';
import { DEMO_PLANNING_INPUTS } from './demo_data.js';
import { createTestUsers, TEST_PASSWORD } from './server_test_support.js';

let app: SarbridgeApp;
let store: SqliteStore;
let token = '';
let caseId = '';
const post = (body: object) => app.inject({ method: 'POST', url: `/api/cases/${caseId}/events`, headers: { authorization: `Bearer ${token}` }, payload: body });

beforeAll(async () => {
  store = new SqliteStore(':memory:');
  await createTestUsers(store);
  app = await buildApp({ store });
  token = (await app.inject({ method: 'POST', url: '/api/session', payload: { userName: 'kim', password: TEST_PASSWORD } })).json().token;
  caseId = (await app.inject({ method: 'POST', url: '/api/cases', headers: { authorization: `Bearer ${token}` }, payload: { kind: 'case', title: 't', parties: ['KR', 'JP'] } })).json().caseId;
});
afterAll(async () => { await app.close(); await store.close(); });

test('an impossible time is refused with its field; nothing is stored', async () => {
  for (const [body, field] of [
    [{ type: 'report', payload: { text: 'x', time: '2026-02-30T99:99Z' } }, 'body/payload/time'],
    [{ type: 'unitPosition', payload: { unitId: 'u', position: { lonDeg: 131, latDeg: 37 }, time: '2026-02-30T10:00Z' } }, 'body/payload/time'],
    [{ type: 'searchDone', payload: { unitId: 'u', sweepWidthNm: 1, track: [{ lonDeg: 131, latDeg: 37, time: '2026-03-11T07:00Z' }, { lonDeg: 131.1, latDeg: 37, time: '2026-03-11T07:61Z' }] } }, 'body/payload/track/1/time'],
    [{ type: 'planningInputs', payload: { inputs: { ...DEMO_PLANNING_INPUTS, planningTime: '2026-03-10T25:00Z' } } }, 'body/payload/inputs/planningTime'],
  ] as const) {
    const res = await post({ basedOnVersion: 1, ...body });
    expect(res.statusCode, field).toBe(400);
    expect(res.json(), field).toMatchObject({ code: 'SARB_INVALID_INPUT', field });
    expect(res.json().message).toMatch(/is not a valid date and time/);
  }
  expect((await store.getCase(caseId))!.version).toBe(1);
});

test('a time with an offset or as a date-time group is accepted as the CLI accepts it, and stored as UTC', async () => {
  const report = await post({ basedOnVersion: 1, type: 'report', payload: { text: 'x', time: '2026-03-11T16:00+09:00' } });
  expect(report.statusCode).toBe(201);
  expect(report.json().event.payload.time).toBe('2026-03-11T07:00Z');
  const search = await post({ basedOnVersion: 2, type: 'searchDone', payload: { unitId: 'u', sweepWidthNm: 1, track: [
    { lonDeg: 131, latDeg: 37, time: '110700Z MAR 26' }, { lonDeg: 131.1, latDeg: 37, time: '2026-03-11T16:30:15+09:00' }] } });
  expect(search.statusCode).toBe(201);
  expect(search.json().event.payload.track.map((p: { time: string }) => p.time)).toEqual(['2026-03-11T07:00Z', '2026-03-11T07:30:15Z']);
  const inputs = await post({ basedOnVersion: 3, type: 'planningInputs', payload: { inputs: { ...DEMO_PLANNING_INPUTS, planningTime: '2026-03-10T18:00+09:00' } } });
  expect(inputs.statusCode).toBe(201);
  expect(inputs.json().event.payload.inputs.planningTime).toBe('2026-03-10T09:00Z');
  const stored = await store.readEvents(caseId, 1);
  expect((stored[0].payload as { time: string }).time).toBe('2026-03-11T07:00Z');
});
