import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadCooperationConfig } from '../../io/cooperation/index.js';
import { projectPath } from '../../io/project_files.js';
import { SqliteStore } from '../../io/storage/index.js';
import { buildApp, type SarbridgeApp } from './app.js';
import { verifyPassword } from './passwords.js';
import { isLoopbackAddress } from './setup_routes.js';

const agreement = loadCooperationConfig(projectPath('examples/cooperation/korea-japan.yaml'));
const PASSWORD = 'a first long password';
let app: SarbridgeApp;
let store: SqliteStore;

beforeEach(async () => {
  store = new SqliteStore(':memory:');
  app = await buildApp({ store, agreement, webRoot: '/nonexistent/sarbridge-web' });
});
afterEach(async () => { await app.close(); await store.close(); });

const setup = (payload: object, options: { remoteAddress?: string; headers?: Record<string, string> } = {}) =>
  app.inject({ method: 'POST', url: '/api/setup', payload, remoteAddress: options.remoteAddress ?? '127.0.0.1', headers: { host: '127.0.0.1:8080', ...options.headers } });
const status = (options: { remoteAddress?: string; headers?: Record<string, string> } = {}) =>
  app.inject({ method: 'GET', url: '/api/setup', remoteAddress: options.remoteAddress ?? '127.0.0.1', headers: { host: 'localhost:8080', ...options.headers } });

describe('isLoopbackAddress', () => {
  test('knows 127.0.0.0/8, ::1 and IPv4-mapped loopback, and nothing else', () => {
    for (const a of ['127.0.0.1', '127.3.2.1', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(a), a).toBe(true);
    for (const a of ['10.0.0.1', '192.168.1.127', '::ffff:10.1.1.1', '128.0.0.1', 'fe80::1', '', undefined]) expect(isLoopbackAddress(a), String(a)).toBe(false);
  });
});

describe('GET /api/setup, POST /api/setup', () => {
  test("creates a party's first account (admin + smc), which can sign in; the setup then says which parties have accounts", async () => {
    expect((await status()).json()).toEqual({
      open: true, partiesWithAccounts: [], firstAccountRoles: ['admin', 'smc'], minPasswordLength: 12,
      parties: [{ party: 'KR', hasAccounts: false, inAgreement: true }, { party: 'JP', hasAccounts: false, inAgreement: true }],
    });
    const res = await setup({ party: 'KR', userName: 'kr-admin', password: PASSWORD });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ user: { userName: 'kr-admin', party: 'KR', roles: ['admin', 'smc'] } });
    expect(await verifyPassword(PASSWORD, (await store.findUser('kr-admin'))!.passwordHash)).toBe(true);
    const login = await app.inject({ method: 'POST', url: '/api/session', payload: { userName: 'kr-admin', password: PASSWORD } });
    expect(login.statusCode).toBe(200);
    expect((await status()).json()).toMatchObject({ open: true, partiesWithAccounts: ['KR'], parties: [{ party: 'KR', hasAccounts: true }, { party: 'JP', hasAccounts: false }] });
    expect((await setup({ party: 'JP', userName: 'jp-admin', password: PASSWORD })).statusCode).toBe(201);
    expect((await status()).json().open).toBe(false);
    await app.audit.flush();
    const lines = await store.readAudit();
    expect(lines.filter((l) => l.action === 'POST /api/setup' && l.statusCode === 201).map((l) => l.detail)).toEqual([
      "setup: first account 'jp-admin' of JP (roles admin, smc) created from 127.0.0.1",
      "setup: first account 'kr-admin' of KR (roles admin, smc) created from 127.0.0.1",
    ]);
  });
  test('refuses a party that has accounts already (409), and two requests at once create one account', async () => {
    const both = await Promise.all([setup({ party: 'JP', userName: 'sato', password: PASSWORD }), setup({ party: 'JP', userName: 'ito', password: PASSWORD })]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const again = await setup({ party: 'JP', userName: 'third', password: PASSWORD });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'SARB_SETUP_CLOSED' });
    expect(again.json().message).toMatch(/JP has 1 account\(s\) already.*POST \/api\/users/);
    expect((await store.listUsers()).filter((u) => u.party === 'JP')).toHaveLength(1);
  });
  test('refuses a request from another machine, through a proxy, or addressed to another name, and audits the refusal', async () => {
    for (const remoteAddress of ['10.0.0.7', '::ffff:192.168.1.20']) {
      const res = await setup({ party: 'KR', userName: 'intruder', password: PASSWORD }, { remoteAddress });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'SARB_ACCESS_DENIED' });
      expect(res.json().message).toContain(`open only from the server's own machine`);
      expect(res.json().message).toContain(remoteAddress);
      expect((await status({ remoteAddress })).statusCode).toBe(403);
    }
    expect((await setup({ party: 'KR', userName: 'intruder', password: PASSWORD }, { headers: { 'x-forwarded-for': '203.0.113.9' } })).json().message).toMatch(/forwarded by a proxy/);
    expect((await setup({ party: 'KR', userName: 'intruder', password: PASSWORD }, { headers: { host: 'evil.example:8080' } })).json().message).toMatch(/addressed to 'evil\.example:8080'/);
    expect((await setup({ party: 'KR', userName: 'intruder', password: PASSWORD }, { headers: { origin: 'http://evil.example' } })).json().message).toMatch(/from a page at http:\/\/evil\.example/);
    expect(await store.listUsers()).toEqual([]);
    // the page served from the loopback itself passes
    expect((await setup({ party: 'KR', userName: 'kr-admin', password: PASSWORD }, { headers: { origin: 'http://127.0.0.1:8080' }, remoteAddress: '::1' })).statusCode).toBe(201);
    await app.audit.flush();
    expect((await store.readAudit()).some((l) => l.statusCode === 403 && /setup refused: this request came from 10\.0\.0\.7/.test(l.detail ?? ''))).toBe(true);
  });
  test('names a bad field: a short password, a bad party code', async () => {
    const short = await setup({ party: 'KR', userName: 'kr-admin', password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().field).toBe('body/password');
    expect((await setup({ party: 'korea', userName: 'kr-admin', password: PASSWORD })).json().field).toBe('body/party');
  });
  test('without an agreement the setup is open while there is no account at all', async () => {
    const bare = await buildApp({ store, webRoot: '/nonexistent/sarbridge-web' });
    const get = () => bare.inject({ method: 'GET', url: '/api/setup', headers: { host: '127.0.0.1' } });
    expect((await get()).json()).toMatchObject({ open: true, parties: [] });
    expect((await bare.inject({ method: 'POST', url: '/api/setup', headers: { host: '127.0.0.1' }, payload: { party: 'CN', userName: 'wang', password: PASSWORD } })).statusCode).toBe(201);
    expect((await get()).json()).toMatchObject({ open: false, parties: [{ party: 'CN', hasAccounts: true, inAgreement: false }] });
    await bare.close();
  });
  test('/setup shows the page saying the browser application is not built, with the setup API', async () => {
    const res = await app.inject({ method: 'GET', url: '/setup' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('npm run build:web');
    expect(res.body).toContain('POST /api/setup');
  });
});
