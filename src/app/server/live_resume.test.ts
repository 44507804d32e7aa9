// Live resume from a version the log has not reached is refused before the upgrade.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { SqliteStore } from '../../io/storage/index.js';
import { buildApp, type SarbridgeApp } from './app.js';
import { createTestUsers, TEST_PASSWORD } from './server_test_support.js';

let app: SarbridgeApp;
let store: SqliteStore;
let headers: Record<string, string> = {};
let caseId = '';

beforeAll(async () => {
  store = new SqliteStore(':memory:');
  await createTestUsers(store);
  app = await buildApp({ store });
  headers = { authorization: `Bearer ${(await app.inject({ method: 'POST', url: '/api/session', payload: { userName: 'kim', password: TEST_PASSWORD } })).json().token}` };
  caseId = (await app.inject({ method: 'POST', url: '/api/cases', headers, payload: { kind: 'case', title: 't', parties: ['KR', 'JP'] } })).json().caseId;
  await app.inject({ method: 'POST', url: `/api/cases/${caseId}/events`, headers, payload: { basedOnVersion: 1, type: 'message', payload: { text: 'hello' } } });
});
afterAll(async () => { await app.close(); await store.close(); });

/** The messages of a live connection up to the live marker. */
async function resume(afterVersion: number): Promise<{ kind: string; version?: number }[]> {
  const messages: { kind: string; version?: number }[] = [];
  let done: () => void = () => undefined;
  const marker = new Promise<void>((resolve) => { done = resolve; });
  const socket = await app.injectWS(`/api/cases/${caseId}/live?afterVersion=${afterVersion}`, { headers }, {
    onInit: (ws) => ws.on('message', (data) => { const m = JSON.parse(String(data)); messages.push(m); if (m.kind === 'live') done(); }),
  });
  await marker;
  socket.terminate();
  return messages;
}

test('a version beyond the current one is refused with 400 before the upgrade', async () => {
  await expect(resume(5)).rejects.toThrow(/Unexpected server response: 400/);
  const res = await app.inject({ method: 'GET', url: `/api/cases/${caseId}/live?afterVersion=5`, headers: { ...headers, connection: 'upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' } });
  expect(res.statusCode).toBe(400);
  expect(res.json()).toMatchObject({ code: 'SARB_INVALID_INPUT', field: 'querystring/afterVersion' });
  expect(res.json().message).toBe("querystring/afterVersion: 5 is beyond the case's current version 2: resume from the last version received from this server (0 to 2), or from 0 to read the log again");
});

test('the current version itself resumes with nothing missed', async () => {
  expect(await resume(2)).toEqual([{ kind: 'live', version: 2 }]);
  expect((await resume(1)).map((m) => m.kind)).toEqual(['event', 'live']);
});
