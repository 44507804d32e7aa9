import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SqliteStore } from '../../io/storage/index.js';
import type { SarbridgeApp } from './app.js';
import { appWithSessions, TEST_PASSWORD, TEST_SCRYPT } from './server_test_support.js';
import { hashPassword } from './passwords.js';

let app: SarbridgeApp;
let store: SqliteStore;
let tokens: Record<string, string>;
const auth = (user: string) => ({ authorization: `Bearer ${tokens[user]}` });
const signIn = (userName: string, password = TEST_PASSWORD) => app.inject({ method: 'POST', url: '/api/session', payload: { userName, password } });

beforeAll(async () => {
  ({ app, store, tokens } = await appWithSessions({ webRoot: '/nonexistent' }, ['kr-admin', 'kim', 'park', 'sato']));
  await store.createUser({ userName: 'jp-admin', party: 'JP', roles: ['admin'], passwordHash: await hashPassword(TEST_PASSWORD, TEST_SCRYPT), createdAt: '2026-03-10T00:00:00.000Z' });
  tokens['jp-admin'] = (await signIn('jp-admin')).json().token;
});
afterAll(async () => { await app.close(); await store.close(); });

describe('account names do not leak across parties', () => {
  test("creating a name taken in another party answers as a name taken in one's own party, or a reserved one", async () => {
    const create = (userName: string) => app.inject({ method: 'POST', url: '/api/users', headers: auth('kr-admin'), payload: { userName, password: 'a long enough pass', party: 'KR', roles: ['osc'] } });
    const answers = await Promise.all(['sato', 'kim', 'system'].map(async (name) => {
      const res = await create(name);
      return { status: res.statusCode, ...res.json(), message: res.json().message.replace(`'${name}'`, "'X'") };
    }));
    expect(answers[0]).toMatchObject({ status: 409, code: 'SARB_DUPLICATE_USER', field: 'body/userName' });
    expect(answers[0].message).not.toMatch(/JP|exists/);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });
  test("changing another party's account answers as a name that does not exist", async () => {
    for (const [method, suffix, payload] of [['POST', 'disable', undefined], ['POST', 'enable', undefined], ['PUT', 'roles', { roles: ['smc'] }], ['PUT', 'password', { newPassword: 'a long enough pass' }]] as const) {
      const other = await app.inject({ method, url: `/api/users/sato/${suffix}`, headers: auth('kr-admin'), payload });
      const none = await app.inject({ method, url: `/api/users/nobody/${suffix}`, headers: auth('kr-admin'), payload });
      expect(other.statusCode).toBe(404);
      expect(other.json()).toEqual({ ...none.json(), message: none.json().message.replace('nobody', 'sato') });
      expect(other.json()).toMatchObject({ code: 'SARB_ACCOUNT_NOT_FOUND', field: 'params/userName' });
    }
    expect((await store.findUser('sato'))!.disabledAt).toBeUndefined();
  });
});

describe('roles, disable and enable (admin of the party)', () => {
  test('a role change takes effect on the next request of an open session, and is audited', async () => {
    const res = await app.inject({ method: 'PUT', url: '/api/users/kim/roles', headers: auth('kr-admin'), payload: { roles: ['smc', 'observer'] } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toEqual({ userName: 'kim', party: 'KR', roles: ['smc', 'observer'] });
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: auth('kim') })).json().user.roles).toEqual(['smc', 'observer']);
    await app.audit.flush();
    expect((await store.readAudit({ limit: 5 })).map((a) => a.detail)).toContain("roles of 'kim' changed from smc to smc, observer");
  });
  test('unknown roles are refused with the allowed values', async () => {
    const res = await app.inject({ method: 'PUT', url: '/api/users/kim/roles', headers: auth('kr-admin'), payload: { roles: ['captain'] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/body\/roles\/0: must be one of "smc", "osc"/);
  });
  test('a disabled account loses its sessions and cannot sign in; enabled again, it can', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/users/park/disable', headers: auth('kr-admin') });
    expect(res.json()).toEqual({ user: { userName: 'park', party: 'KR', roles: ['osc'], disabled: true }, sessionsEnded: 1 });
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: auth('park') })).statusCode).toBe(401);
    const refused = await signIn('park');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toMatch(/'park' is disabled/);
    // a wrong password does not learn that the account is disabled
    expect((await signIn('park', 'a wrong password')).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/users', headers: auth('kr-admin') })).json().users).toContainEqual({ userName: 'park', party: 'KR', roles: ['osc'], disabled: true });
    expect((await app.inject({ method: 'POST', url: '/api/users/park/enable', headers: auth('kr-admin') })).json().user).toEqual({ userName: 'park', party: 'KR', roles: ['osc'] });
    expect((await signIn('park')).statusCode).toBe(200);
  });
  test('an admin cannot lock themselves out; a non-admin changes nothing', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/users/kr-admin/disable', headers: auth('kr-admin') })).statusCode).toBe(403);
    expect((await app.inject({ method: 'PUT', url: '/api/users/kr-admin/roles', headers: auth('kr-admin'), payload: { roles: ['smc'] } })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/users/park/disable', headers: auth('kim') })).json()).toMatchObject({ statusCode: 403, code: 'SARB_ACCESS_DENIED' });
    expect((await app.inject({ method: 'PUT', url: '/api/users/park/password', headers: auth('kim'), payload: { newPassword: 'a long enough pass' } })).statusCode).toBe(403);
    expect((await store.findUser('kr-admin'))!.roles).toEqual(['admin']);
  });
});

describe('password change', () => {
  test('own: needs the current password; the other sessions end, this one stays', async () => {
    const second = (await signIn('sato')).json().token;
    const wrong = await app.inject({ method: 'PUT', url: '/api/users/sato/password', headers: auth('sato'), payload: { newPassword: 'the new sato password', currentPassword: 'not it at all' } });
    expect(wrong.json()).toMatchObject({ statusCode: 400, field: 'body/currentPassword' });
    const missing = await app.inject({ method: 'PUT', url: '/api/users/sato/password', headers: auth('sato'), payload: { newPassword: 'the new sato password' } });
    expect(missing.json()).toMatchObject({ statusCode: 400, field: 'body/currentPassword' });
    const ok = await app.inject({ method: 'PUT', url: '/api/users/sato/password', headers: auth('sato'), payload: { newPassword: 'the new sato password', currentPassword: TEST_PASSWORD } });
    expect(ok.json()).toEqual({ sessionsEnded: 1 });
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: { authorization: `Bearer ${second}` } })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: auth('sato') })).statusCode).toBe(200);
    expect((await signIn('sato')).statusCode).toBe(401);
    expect((await signIn('sato', 'the new sato password')).statusCode).toBe(200);
  });
  test("by the party's admin: no current password, every session of the account ends", async () => {
    const res = await app.inject({ method: 'PUT', url: '/api/users/sato/password', headers: auth('jp-admin'), payload: { newPassword: 'reset by the jp admin' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().sessionsEnded).toBeGreaterThanOrEqual(2);
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: auth('sato') })).statusCode).toBe(401);
    expect((await signIn('sato', 'reset by the jp admin')).statusCode).toBe(200);
    await app.audit.flush();
    expect((await store.readAudit({ limit: 10 })).find((a) => a.action === 'PUT /api/users/:userName/password' && a.party === 'JP' && a.userName === 'jp-admin')?.detail)
      .toMatch(/password of 'sato' changed; \d other session\(s\) ended/);
  });
});
