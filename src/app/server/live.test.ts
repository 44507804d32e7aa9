import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { PostgresStore, SqliteStore, type SarbridgeStore } from '../../io/storage/index.js';
import { freshPostgresDatabase, PG_SKIP_REASON, TEST_PG_URL } from '../../io/storage/postgres_test_support.js';
import { buildApp, type SarbridgeApp } from './app.js';
import { createTestUsers, TEST_PASSWORD } from './server_test_support.js';

interface Client { messages: { kind: string; version?: number; event?: Record<string, unknown> }[]; socket: WebSocket }

/** A running app on a loopback port with signed-in users. */
async function serve(store: SarbridgeStore): Promise<{ app: SarbridgeApp; base: string; tokens: Record<string, string> }> {
  const app = await buildApp({ store });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address() as { port: number };
  const base = `127.0.0.1:${address.port}`;
  const tokens: Record<string, string> = {};
  for (const user of ['kim', 'sato', 'wang']) {
    const res = await app.inject({ method: 'POST', url: '/api/session', payload: { userName: user, password: TEST_PASSWORD } });
    tokens[user] = res.json().token;
  }
  return { app, base, tokens };
}

function connect(base: string, token: string | null, caseId: string, afterVersion: number): Promise<Client> {
  const socket = new WebSocket(`ws://${base}/api/cases/${caseId}/live?afterVersion=${afterVersion}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  const client: Client = { messages: [], socket };
  socket.on('message', (data) => client.messages.push(JSON.parse(String(data))));
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(client));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    socket.once('error', reject);
  });
}

/** Wait until the client holds an event of `version` (polling; the test timeout bounds it). */
async function until(client: Client, predicate: (c: Client) => boolean): Promise<void> {
  while (!predicate(client)) await new Promise((r) => setTimeout(r, 10));
}
const versions = (c: Client) => c.messages.filter((m) => m.kind === 'event').map((m) => (m.event as { version: number }).version);
const hasVersion = (v: number) => (c: Client) => versions(c).includes(v);

function liveSuite(name: string, openStores: () => Promise<[SarbridgeStore, SarbridgeStore]>): void {
  describe(`live updates over WebSocket (${name})`, () => {
    let a: Awaited<ReturnType<typeof serve>>;
    let b: Awaited<ReturnType<typeof serve>>;
    let stores: SarbridgeStore[];
    let caseId: string;
    const append = async (user: string, basedOnVersion: number, body: object) => {
      const res = await a.app.inject({ method: 'POST', url: `/api/cases/${caseId}/events`, headers: { authorization: `Bearer ${a.tokens[user]}` }, payload: { basedOnVersion, ...body } });
      expect(res.statusCode).toBe(201);
    };

    beforeAll(async () => {
      stores = await openStores();
      await createTestUsers(stores[0]);
      a = await serve(stores[0]);
      b = stores[1] === stores[0] ? a : await serve(stores[1]);
      const opened = await a.app.inject({ method: 'POST', url: '/api/cases', headers: { authorization: `Bearer ${a.tokens.kim}` }, payload: { kind: 'case', title: 'live', parties: ['KR', 'JP'] } });
      caseId = opened.json().caseId;
    });
    afterAll(async () => {
      await a.app.close();
      if (b !== a) await b.app.close();
      for (const s of new Set(stores)) await s.close();
    });

    test('every client receives every new event in order, filtered for its party (also from another instance)', async () => {
      const kr = await connect(a.base, a.tokens.kim, caseId, 0);
      const jp = await connect(b.base, b.tokens.sato, caseId, 0);
      await until(kr, (c) => c.messages.some((m) => m.kind === 'live'));
      await until(jp, (c) => c.messages.some((m) => m.kind === 'live'));
      await append('kim', 1, { type: 'message', payload: { text: 'KR takes SMC' } });
      await append('kim', 2, { type: 'message', releasability: 'nothing', payload: { text: 'KR internal' } });
      await append('sato', 3, { type: 'sighting', payload: { position: { lonDeg: 131.3, latDeg: 37.2 }, text: 'raft' } });
      await until(kr, hasVersion(4));
      await until(jp, hasVersion(4));
      expect(versions(kr)).toEqual([1, 2, 3, 4]);
      expect(versions(jp)).toEqual([1, 2, 3, 4]);
      expect(jp.messages.find((m) => m.event?.version === 3)!.event).toEqual({ caseId, version: 3, withheld: true });
      expect(JSON.stringify(jp.messages)).not.toContain('KR internal');
      expect((kr.messages.find((m) => m.event?.version === 3)!.event!.payload as { text: string }).text).toBe('KR internal');
      kr.socket.close();
      jp.socket.close();
    });

    test('a client that reconnects with its last version receives exactly what it missed', async () => {
      const first = await connect(b.base, b.tokens.sato, caseId, 0);
      await until(first, hasVersion(4));
      const last = Math.max(...versions(first));
      first.socket.close();
      await append('kim', 4, { type: 'message', payload: { text: 'while you were away 1' } });
      await append('kim', 5, { type: 'message', payload: { text: 'while you were away 2' } });
      const again = await connect(b.base, b.tokens.sato, caseId, last);
      await until(again, hasVersion(6));
      await append('kim', 6, { type: 'message', payload: { text: 'after reconnect' } });
      await until(again, hasVersion(7));
      expect(versions(again)).toEqual([5, 6, 7]);
      expect(again.messages[2]).toEqual({ kind: 'live', version: 6 });
      again.socket.close();
      await b.app.audit.flush();
      const audit = (await stores[1].readAudit({ caseId })).filter((e) => e.userName === 'sato' && e.action.startsWith('WS '));
      expect(audit.map((e) => `${e.action} ${e.statusCode} ${e.detail}`).slice(0, 2)).toEqual(['WS /api/cases/:caseId/live 101 afterVersion 4', 'WS /api/cases/:caseId/live 101 afterVersion 0']);
    });

    test('a burst of writes reaches a subscriber complete and in order', async () => {
      const c = await connect(b.base, b.tokens.kim, caseId, 7);
      for (let v = 7; v < 57; v++) await append('kim', v, { type: 'message', payload: { text: `burst ${v}` } });
      await until(c, hasVersion(57));
      expect(versions(c)).toEqual(Array.from({ length: 50 }, (_, i) => 8 + i));
      c.socket.close();
    });

    test('signing out closes the live connections of that session (code 4401)', async () => {
      const login = await a.app.inject({ method: 'POST', url: '/api/session', payload: { userName: 'kim', password: TEST_PASSWORD } });
      const token = login.json().token as string;
      const client = await connect(a.base, token, caseId, 0);
      await until(client, (c) => c.messages.some((m) => m.kind === 'live'));
      const closed = new Promise<[number, string]>((resolve) => client.socket.once('close', (code, reason) => resolve([code, String(reason)])));
      expect((await a.app.inject({ method: 'DELETE', url: '/api/session', headers: { authorization: `Bearer ${token}` } })).statusCode).toBeLessThan(300);
      expect(await closed).toEqual([4401, 'signed out']);
    });

    test('refuses another party and a client without a session before the upgrade', async () => {
      await expect(connect(a.base, a.tokens.wang, caseId, 0)).rejects.toThrow('HTTP 404');
      await expect(connect(a.base, null, caseId, 0)).rejects.toThrow('HTTP 401');
      await expect(connect(a.base, a.tokens.kim, 'no-such-case', 0)).rejects.toThrow('HTTP 404');
    });
  });
}

liveSuite('SQLite, one instance', async () => { const s = new SqliteStore(':memory:'); return [s, s]; });

describe.skipIf(!TEST_PG_URL)(`PostgreSQL, two instances ${TEST_PG_URL ? '' : `(${PG_SKIP_REASON})`}`, () => {
  let drop: () => Promise<void> = async () => undefined;
  afterAll(async () => { await drop(); });
  liveSuite('PostgreSQL, two instances sharing one database', async () => {
    const db = await freshPostgresDatabase();
    drop = db.drop;
    return [await PostgresStore.open(db.url), await PostgresStore.open(db.url)];
  });
});

describe('live connection and session lifetime', () => {
  test('a live connection is closed (4401) when the session that opened it expires', async () => {
    const store = new SqliteStore(':memory:');
    await createTestUsers(store);
    let offsetMs = 0;
    const app = await buildApp({ store, clock: () => new Date(Date.now() + offsetMs) });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const token = (await app.inject({ method: 'POST', url: '/api/session', payload: { userName: 'kim', password: TEST_PASSWORD } })).json().token;
    const caseId = (await app.inject({ method: 'POST', url: '/api/cases', headers: { authorization: `Bearer ${token}` }, payload: { kind: 'case', title: 'x', parties: ['KR'] } })).json().caseId;
    offsetMs = 12 * 3600 * 1000 - 300;   // 0.3 s before the 12-hour session ends
    const client = await connect(base, token, caseId, 0);
    const closed = await new Promise<{ code: number; reason: string }>((resolve) => client.socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
    expect(closed.code).toBe(4401);
    expect(closed.reason).toMatch(/session expired/);
    await app.close();
    await store.close();
  });

  test('a live connection is closed (4403) once its user holds no role that reads the case, and hears nothing after', async () => {
    const store = new SqliteStore(':memory:');
    await createTestUsers(store);
    const app = await buildApp({ store, limits: { liveSessionCheckMs: 50 } });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const token = async (userName: string) => (await app.inject({ method: 'POST', url: '/api/session', payload: { userName, password: TEST_PASSWORD } })).json().token as string;
    const [kim, park, admin] = [await token('kim'), await token('park'), await token('kr-admin')];
    const caseId = (await app.inject({ method: 'POST', url: '/api/cases', headers: { authorization: `Bearer ${kim}` }, payload: { kind: 'case', title: 'x', parties: ['KR'] } })).json().caseId;
    const client = await connect(base, park, caseId, 0);
    const closed = new Promise<{ code: number; reason: string }>((resolve) => client.socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
    // park's admin makes them programme staff, who read no real case (HTTP refuses them at once)
    expect((await app.inject({ method: 'PUT', url: '/api/users/park/roles', headers: { authorization: `Bearer ${admin}` }, payload: { roles: ['programme-staff'] } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/api/cases/${caseId}/events`, headers: { authorization: `Bearer ${park}` } })).statusCode).toBe(403);
    const outcome = await Promise.race([closed, new Promise<'still open'>((resolve) => setTimeout(() => resolve('still open'), 2000))]);
    expect(outcome).toEqual({ code: 4403, reason: 'roles changed: park may no longer read this case' });
    expect((await app.inject({ method: 'POST', url: `/api/cases/${caseId}/events`, headers: { authorization: `Bearer ${kim}` }, payload: { basedOnVersion: 1, type: 'message', payload: { text: 'after' } } })).statusCode).toBe(201);
    await new Promise((r) => setTimeout(r, 100));
    expect(versions(client)).toEqual([1]);
    client.socket.terminate();
    await app.close();
    await store.close();
  });
});
