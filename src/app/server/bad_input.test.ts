import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PostgresStore, SqliteStore, type AuditEntry, type SarbridgeStore } from '../../io/storage/index.js';
import { freshPostgresDatabase, PG_SKIP_REASON, TEST_PG_URL } from '../../io/storage/postgres_test_support.js';
import { AuditWriter } from './audit_writer.js';
import { buildApp, type SarbridgeApp } from './app.js';
import { createTestUsers, TEST_PASSWORD } from './server_test_support.js';

/** The same bad inputs on each store: the same answers (400 naming the field), nothing lost from the audit log. */
function badInputSuite(name: string, open: () => Promise<SarbridgeStore>): void {
  describe(`bad input on ${name}`, () => {
    let app: SarbridgeApp;
    let store: SarbridgeStore;
    let auth: Record<string, string>;
    let caseId: string;
    beforeAll(async () => {
      store = await open();
      await createTestUsers(store);
      app = await buildApp({ store, webRoot: '/nonexistent', limits: { bodyLimitBytes: 4096 } });
      const token = (await app.inject({ method: 'POST', url: '/api/session', payload: { userName: 'kr-admin', password: TEST_PASSWORD } })).json().token;
      auth = { authorization: `Bearer ${(await app.inject({ method: 'POST', url: '/api/session', payload: { userName: 'kim', password: TEST_PASSWORD } })).json().token}` };
      auth.admin = token;
      caseId = (await app.inject({ method: 'POST', url: '/api/cases', headers: { authorization: auth.authorization }, payload: { kind: 'case', title: 'bad input', parties: ['KR', 'JP'] } })).json().caseId;
    });
    afterAll(async () => { await app.close(); await store.close(); });
    const headers = () => ({ authorization: auth.authorization });

    test.each([
      ['a NUL in a title', 'POST', '/api/cases', { kind: 'case', title: 'raft\u0000', parties: ['KR'] }, 'body/title', /NUL/],
      ['a lone surrogate in a title', 'POST', '/api/cases', { kind: 'case', title: 'raft \ud800 west', parties: ['KR'] }, 'body/title', /lone UTF-16 surrogate \(U\+D800\) at 5/],
      ['a NUL in a payload text', 'POST', `/api/cases/{case}/events`, { basedOnVersion: 1, type: 'message', payload: { text: 'a\u0000b' } }, 'body/payload/text', /NUL/],
      ['a lone low surrogate in a key', 'POST', `/api/cases/{case}/events`, { basedOnVersion: 1, type: 'message', payload: { text: 'ok', ['k\udc00']: 1 } }, 'body/payload/k\\udc00', /the key contains a lone/],
      ['a NUL in a user name at sign-in', 'POST', '/api/session', { userName: 'kim\u0000', password: 'whatever it is' }, 'body/userName', /NUL/],
      ['a NUL in an audit filter', 'GET', '/api/audit?caseId=a%00b', undefined, 'querystring/caseId', /NUL/],
      ['afterVersion 2^31', 'GET', `/api/cases/{case}/events?afterVersion=2147483648`, undefined, 'querystring/afterVersion', /must be <= 2147483647/],
      ['basedOnVersion 2^31', 'POST', `/api/cases/{case}/events`, { basedOnVersion: 2 ** 31, type: 'message', payload: { text: 'x' } }, 'body/basedOnVersion', /must be <= 2147483647/],
    ] as const)('%s: 400 naming the field', async (_what, method, url, payload, field, message) => {
      const res = await app.inject({ method, url: url.replace('{case}', caseId), payload, headers: url.startsWith('/api/audit') ? { authorization: `Bearer ${auth.admin}` } : headers() });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'SARB_INVALID_INPUT', field });
      expect(res.json().message).toMatch(message);
    });

    test("Fastify's own refusals come with documented codes; __proto__ is named, not 'not valid JSON'", async () => {
      const json = { ...headers(), 'content-type': 'application/json' };
      const answers = await Promise.all([
        app.inject({ method: 'POST', url: '/api/cases', headers: json, payload: '{"__proto__": {"admin": true}, "kind": "case", "title": "t", "parties": ["KR"]}' }),
        app.inject({ method: 'POST', url: '/api/cases', headers: json, payload: '{"kind": ' }),
        app.inject({ method: 'POST', url: '/api/cases', headers: json, payload: '' }),
        app.inject({ method: 'POST', url: '/api/cases', headers: json, payload: JSON.stringify({ kind: 'case', title: 'x'.repeat(5000), parties: ['KR'] }) }),
        app.inject({ method: 'POST', url: '/api/cases', headers: { ...headers(), 'content-type': 'application/xml' }, payload: '<case/>' }),
        app.inject({ method: 'GET', url: '/api/cases/%E0%A4%A', headers: headers() }),
        app.inject({ method: 'GET', url: '/api/no-such-route', headers: headers() }),
      ]);
      expect(answers.map((r) => `${r.statusCode} ${r.json().code}`)).toEqual([
        '400 SARB_INVALID_JSON', '400 SARB_INVALID_JSON', '400 SARB_INVALID_JSON', '413 SARB_BODY_TOO_LARGE', '415 SARB_UNSUPPORTED_MEDIA_TYPE', '400 SARB_BAD_URL', '404 SARB_NOT_FOUND',
      ]);
      expect(answers[0].json().message).toBe('body: the key "__proto__" is not accepted (in JavaScript it names an object\'s prototype); rename it');
      expect(answers[1].json().message).toMatch(/^body: is not valid JSON \(/);
      for (const r of answers) expect(r.json().code).toMatch(/^SARB_/);
    });

    test('a request with a NUL in its path loses no audit line, its own or others in the same batch', async () => {
      await app.audit.flush();
      const before = (await store.readAudit({ limit: 1000 })).length;
      await Promise.all([
        app.inject({ method: 'GET', url: '/api/cases/a%00b' }),
        app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: headers() }),
        app.inject({ method: 'GET', url: '/api/nothing%00here' }),
        app.inject({ method: 'GET', url: '/api/cases', headers: headers() }),
      ]);
      await app.audit.flush();
      const lines = (await store.readAudit({ limit: 1000 })).slice(0, (await store.readAudit({ limit: 1000 })).length - before);
      // (a path no route has is not audited, as before)
      expect(lines.map((l) => `${l.statusCode} ${l.action}`).sort()).toEqual(['200 GET /api/cases', '200 GET /api/cases/:caseId', '400 GET /api/cases/:caseId']);
      expect(app.audit.failedLines).toBe(0);
    });

    test('health says the database answers', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'ok', database: 'ok', auditLinesFailed: 0 });
    });
  });
}

badInputSuite('SQLite', async () => new SqliteStore(':memory:'));
const drops: (() => Promise<void>)[] = [];
afterAll(async () => { for (const drop of drops) await drop(); });
describe.skipIf(!TEST_PG_URL)(`PostgreSQL ${TEST_PG_URL ? '' : `(${PG_SKIP_REASON})`}`, () => {
  badInputSuite('PostgreSQL', async () => {
    const db = await freshPostgresDatabase();
    drops.push(db.drop);
    return PostgresStore.open(db.url);
  });

  test('after the LISTEN connection is cut (as by a restart), the store listens again and hears appends', async () => {
    const db = await freshPostgresDatabase();
    drops.push(db.drop);
    const a = await PostgresStore.open(db.url);
    const b = await PostgresStore.open(db.url);
    const heard: string[] = [];
    b.onAppended((caseId, version) => heard.push(`${caseId}:${version}`));
    const pg = (await import('pg')).default;
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    // cut every LISTEN connection (both instances'), twice, as a restart would
    for (let round = 0; round < 2; round++) {
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()");
      // the drop is seen first (reconnecting), then the new LISTEN (the retry waits 0.5 s, so the poll sees both)
      while ((await b.health()).notifications === 'listening') await new Promise((r) => setTimeout(r, 20));
      while ((await b.health()).notifications !== 'listening') await new Promise((r) => setTimeout(r, 50));
    }
    await admin.end();
    const draft = { caseId: 'x', basedOnVersion: 0, type: 'caseOpened', author: 'kim', party: 'KR', recordedAt: new Date().toISOString(), releasability: 'everything', payload: {} };
    await a.append(draft, { kind: 'case', title: 't', parties: ['KR'] });
    while (heard.length < 1) await new Promise((r) => setTimeout(r, 20));
    expect(heard).toEqual(['x:1']);
    await a.close();
    await b.close();
  });
});

describe('when the database fails', () => {
  test('requests answer SARB_STORAGE (503), health says degraded, and the cause is logged, not sent', async () => {
    const store = new SqliteStore(':memory:');
    await createTestUsers(store);
    let log = '';
    const stream = new Writable({ write(chunk, _enc, done) { log += String(chunk); done(); } });
    const app = await buildApp({ store, webRoot: '/nonexistent', logger: { level: 'error', stream } });
    const token = (await app.inject({ method: 'POST', url: '/api/session', payload: { userName: 'kim', password: TEST_PASSWORD } })).json().token;
    await store.close();
    const res = await app.inject({ method: 'GET', url: '/api/cases', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'SARB_STORAGE' });
    expect(res.body).not.toMatch(/connection is not open/);
    expect(log).toMatch(/request failed.*database failure: The database connection is not open/);
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ status: 'degraded', database: 'unreachable' });
    await app.close();
  });

  test('an audit batch that fails is written line by line; a line that still fails is counted and logged', async () => {
    const written: AuditEntry[] = [];
    const store = { appendAudit: async (entries: readonly AuditEntry[]) => {
      if (entries.length > 1 || entries[0].action === 'poison') throw new Error('refused');
      written.push(...entries);
    } } as unknown as SarbridgeStore;
    const writer = new AuditWriter(store, 10_000);
    const line = (action: string) => ({ at: '2026-03-10T06:00:00.000Z', userName: null, party: null, action, caseId: null, statusCode: 200 });
    writer.record(line('GET /a'));
    writer.record(line('poison'));
    writer.record(line('GET /b\u0000'));
    await writer.flush();
    expect(written.map((e) => e.action)).toEqual(['GET /a', 'GET /b\\u0000']);
    expect(writer.failedLines).toBe(1);
  });

  test('while the database is down the lines are kept, and written when it answers again', async () => {
    const written: AuditEntry[] = [];
    let down = true;
    const store = {
      appendAudit: async (entries: readonly AuditEntry[]) => { if (down) throw new Error('connection refused'); written.push(...entries); },
      health: async () => ({ database: down ? 'unreachable' : 'ok' }),
    } as unknown as SarbridgeStore;
    const writer = new AuditWriter(store, 10_000);
    const line = (action: string) => ({ at: '2026-03-10T06:00:00.000Z', userName: null, party: null, action, caseId: null, statusCode: 503 });
    writer.record(line('POST /1'));
    writer.record(line('POST /2'));
    await writer.flush();
    writer.record(line('POST /3'));
    await writer.flush();
    expect(written).toEqual([]);
    expect(writer.backlog).toBe(3);
    expect(writer.failedLines).toBe(0);
    down = false;
    // while the kept lines are being written they still count as waiting
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const appendAudit = store.appendAudit.bind(store);
    store.appendAudit = async (entries) => { await gate; return appendAudit(entries); };
    const closing = writer.close();
    await new Promise((r) => setTimeout(r, 10));
    expect(writer.backlog).toBe(3);
    release();
    await closing;
    expect(written.map((e) => e.action)).toEqual(['POST /1', 'POST /2', 'POST /3']);
    expect(writer.backlog).toBe(0);
  });
});
