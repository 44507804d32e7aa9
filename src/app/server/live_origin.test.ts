import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { SqliteStore } from '../../io/storage/index.js';
import { buildApp, type SarbridgeApp } from './app.js';
import { appWithSessions } from './server_test_support.js';

let app: SarbridgeApp;
let store: SqliteStore;
let tokens: Record<string, string>;
let base: string;
let caseId: string;

beforeAll(async () => {
  ({ app, store, tokens } = await appWithSessions({ webRoot: '/nonexistent' }, ['kim']));
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const opened = await app.inject({ method: 'POST', url: '/api/cases', headers: { authorization: `Bearer ${tokens.kim}` }, payload: { kind: 'case', title: 'origin', parties: ['KR', 'JP'] } });
  caseId = opened.json().caseId;
});
afterAll(async () => { await app.close(); await store.close(); });

/** The HTTP status of the upgrade (101 when it opened). */
function upgrade(headers: Record<string, string>): Promise<number> {
  const socket = new WebSocket(`ws://${base}/api/cases/${caseId}/live?afterVersion=0`, { headers: { authorization: `Bearer ${tokens.kim}`, ...headers } });
  return new Promise((resolve, reject) => {
    socket.once('open', () => { socket.close(); resolve(101); });
    socket.once('unexpected-response', (_req, res) => { resolve(res.statusCode ?? 0); socket.terminate(); });
    socket.once('error', reject);
  });
}

describe('the live WebSocket checks Origin', () => {
  test("a page of another site is refused before the upgrade, even with the user's session", async () => {
    expect(await upgrade({ origin: 'http://evil.example' })).toBe(403);
    expect(await upgrade({ origin: `http://${base.replace('127.0.0.1', '127.0.0.2')}` })).toBe(403);
    expect(await upgrade({ origin: 'null' })).toBe(403);
    await app.audit.flush();
    expect((await store.readAudit({ limit: 3 })).map((a) => a.detail)).toContain(`live refused: Origin null is not this server (${base})`);
  });
  test("a page of this server, and a client that sends no Origin (not a browser), are let through", async () => {
    expect(await upgrade({ origin: `http://${base}` })).toBe(101);
    expect(await upgrade({})).toBe(101);
  });
});

describe('expired sessions', () => {
  test('are deleted when the server starts (and every 15 minutes); live ones stay', async () => {
    const db = new SqliteStore(':memory:');
    await db.createUser({ userName: 'kim', party: 'KR', roles: ['smc'], passwordHash: 'scrypt$x', createdAt: '2026-03-10T00:00:00.000Z' });
    await db.createSession({ tokenHash: 'gone', userName: 'kim', createdAt: '2026-03-10T00:00:00.000Z', expiresAt: '2026-03-10T12:00:00.000Z' });
    await db.createSession({ tokenHash: 'kept', userName: 'kim', createdAt: '2026-03-10T06:00:00.000Z', expiresAt: '2026-03-10T18:00:00.000Z' });
    const started = await buildApp({ store: db, clock: () => new Date('2026-03-10T13:00:00Z'), webRoot: '/nonexistent' });
    expect(await db.findSession('gone')).toBeNull();
    expect(await db.findSession('kept')).not.toBeNull();
    await started.close();
    await db.close();
  });
});
