import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { SqliteStore } from '../../io/storage/index.js';
import { buildApp, type SarbridgeApp } from './app.js';
import { ServerBusyError } from './errors.js';
import { DEFAULT_LOGIN_POLICY, FairGate, sourceOf, type LoginPolicy } from './login_throttle.js';
import { hashPassword, needsRehash, SCRYPT_PARAMETERS, verifyPassword } from './passwords.js';
import { createAccount } from './accounts.js';
import { createTestUsers, TEST_PASSWORD, TEST_SCRYPT } from './server_test_support.js';

const dir = mkdtempSync(join(tmpdir(), 'sarbridge-throttle-'));
const opened: { app: SarbridgeApp; store: SqliteStore }[] = [];
afterAll(async () => {
  for (const { app, store } of opened) { await app.close(); await store.close(); }
  rmSync(dir, { recursive: true, force: true });
});

let files = 0;
/** An app on a fresh SQLite file (or on `path`, a second instance sharing it), with the test users. */
async function instance(policy: Partial<LoginPolicy> = {}, path?: string): Promise<{ app: SarbridgeApp; store: SqliteStore; path: string }> {
  const file = path ?? join(dir, `t${files++}.sqlite`);
  const store = new SqliteStore(file);
  if (!path) await createTestUsers(store);
  const app = await buildApp({ store, webRoot: '/nonexistent', limits: { login: { ...DEFAULT_LOGIN_POLICY, refusalDelayMs: 0, ...policy } } });
  opened.push({ app, store });
  return { app, store, path: file };
}
const signIn = (app: SarbridgeApp, userName: string, password: string, remoteAddress: string) =>
  app.inject({ method: 'POST', url: '/api/session', payload: { userName, password }, remoteAddress });

describe('sign-in throttling by name and by source', () => {
  test("five wrong passwords from one address lock that address out of the account, not the user elsewhere", async () => {
    const { app } = await instance();
    for (let i = 0; i < 5; i++) expect((await signIn(app, 'kim', `guess number ${i}`, '203.0.113.9')).statusCode).toBe(401);
    const locked = await signIn(app, 'kim', TEST_PASSWORD, '203.0.113.9');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().message).toMatch(/too many failed sign-ins for 'kim' from this address; retry in \d+ s/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    expect((await signIn(app, 'kim', TEST_PASSWORD, '198.51.100.7')).statusCode).toBe(200);
  });

  test('password spraying: many names tried once each from one address are stopped at the source limit', async () => {
    const { app } = await instance();
    // (a first sign-in shows the server what the accounts' hashes cost, so the unknown names' decoy costs as little here)
    expect((await signIn(app, 'ito', TEST_PASSWORD, '198.51.100.1')).statusCode).toBe(200);
    for (let i = 0; i < DEFAULT_LOGIN_POLICY.failuresPerSource; i++) expect((await signIn(app, `name${i}`, 'a common password', '203.0.113.20')).statusCode).toBe(401);
    const refused = await signIn(app, 'kim', TEST_PASSWORD, '203.0.113.20');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().message).toMatch(/from this address;/);
    expect((await signIn(app, 'kim', TEST_PASSWORD, '203.0.113.21')).statusCode).toBe(200);
  });

  test('a name guessed from many addresses is locked everywhere at the per-name limit; its admin unlocks it', async () => {
    const { app } = await instance({ failuresPerUser: 6 });
    for (let i = 0; i < 6; i++) expect((await signIn(app, 'park', 'not the password', `192.0.2.${i + 1}`)).statusCode).toBe(401);
    const refused = await signIn(app, 'park', TEST_PASSWORD, '198.51.100.50');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().message).toMatch(/for 'park';/);
    const admin = (await signIn(app, 'kr-admin', TEST_PASSWORD, '198.51.100.51')).json().token;
    const jpAdmin = await app.inject({ method: 'POST', url: '/api/users/park/unlock', headers: { authorization: `Bearer ${admin}x` } });
    expect(jpAdmin.statusCode).toBe(401);
    const unlock = await app.inject({ method: 'POST', url: '/api/users/park/unlock', headers: { authorization: `Bearer ${admin}` } });
    expect(unlock.json()).toMatchObject({ user: { userName: 'park' }, scopesCleared: 7 });
    expect((await signIn(app, 'park', TEST_PASSWORD, '198.51.100.50')).statusCode).toBe(200);
  });

  test('the counts are in the store: two instances on one database share them', async () => {
    const a = await instance();
    const b = await instance({}, a.path);
    for (let i = 0; i < 5; i++) expect((await signIn(i % 2 ? a.app : b.app, 'han', `guess number ${i}`, '203.0.113.30')).statusCode).toBe(401);
    expect((await signIn(a.app, 'han', TEST_PASSWORD, '203.0.113.30')).statusCode).toBe(429);
    expect((await signIn(b.app, 'han', TEST_PASSWORD, '203.0.113.30')).statusCode).toBe(429);
  });

  test('every refused sign-in is in the audit log with the name, the address and why', async () => {
    const { app, store } = await instance({ failuresPerUserAndSource: 1 });
    await signIn(app, 'sato', 'wrong wrong wrong', '203.0.113.40');
    await signIn(app, 'sato', TEST_PASSWORD, '203.0.113.40');
    await signIn(app, 'sato', TEST_PASSWORD, '203.0.113.41');
    await app.audit.flush();
    expect((await store.readAudit()).map((a) => `${a.statusCode} ${a.userName} ${a.detail}`)).toEqual([
      '200 sato signed in from 203.0.113.41',
      "429 null sign-in refused for 'sato' from 203.0.113.40: SARB_TOO_MANY_LOGINS",
      "401 null sign-in refused for 'sato' from 203.0.113.40: SARB_NOT_AUTHENTICATED",
    ]);
  });

  test("an admin reads the failed sign-ins of their party's accounts in GET /api/audit, and only those", async () => {
    const { app, store } = await instance({ failuresPerUserAndSource: 2 });
    await createAccount(store, { userName: 'jp-admin', party: 'JP', roles: ['admin'], password: TEST_PASSWORD, createdAt: '2026-03-10T00:00:00Z', hashParameters: TEST_SCRYPT });
    await signIn(app, 'kim', 'wrong wrong wrong', '203.0.113.60');          // KR's SMC, a wrong password
    await signIn(app, 'kim', 'wrong again wrong', '203.0.113.60');
    await signIn(app, 'kim', 'wrong a third time', '203.0.113.60');         // 429 now
    await signIn(app, 'sato', 'wrong wrong wrong', '203.0.113.60');         // JP's account
    await signIn(app, 'nobody-here', 'wrong wrong wrong', '203.0.113.60');  // no account: no party's
    const lines = async (admin: string) => {
      const token = (await signIn(app, admin, TEST_PASSWORD, '198.51.100.70')).json().token;
      const res = await app.inject({ method: 'GET', url: '/api/audit', headers: { authorization: `Bearer ${token}` } });
      return (res.json().entries as { action: string; statusCode: number; userName: string | null; detail?: string }[])
        .filter((e) => e.action === 'POST /api/session' && e.statusCode !== 200).map((e) => `${e.statusCode} ${e.userName} ${e.detail}`);
    };
    expect(await lines('kr-admin')).toEqual([
      "429 null sign-in refused for 'kim' from 203.0.113.60: SARB_TOO_MANY_LOGINS",
      "401 null sign-in refused for 'kim' from 203.0.113.60: SARB_NOT_AUTHENTICATED",
      "401 null sign-in refused for 'kim' from 203.0.113.60: SARB_NOT_AUTHENTICATED",
    ]);
    expect(await lines('jp-admin')).toEqual(["401 null sign-in refused for 'sato' from 203.0.113.60: SARB_NOT_AUTHENTICATED"]);
  });

  test('too many sign-ins waiting for a hash: 503 with Retry-After, counted as no failure', async () => {
    const { app } = await instance({ hashConcurrency: 1, queueMax: 0 });
    const answers = await Promise.all(Array.from({ length: 4 }, (_, i) => signIn(app, 'min', `wrong ${i} password`, '203.0.113.50')));
    const busy = answers.filter((r) => r.statusCode === 503);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy[0].json()).toMatchObject({ code: 'SARB_BUSY' });
    expect(Number(busy[0].headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(answers.filter((r) => r.statusCode === 401).length).toBe(4 - busy.length);
  });
});

describe('FairGate', () => {
  test('takes waiting sources in turn, and refuses beyond the per-source and total queues', async () => {
    const gate = new FairGate(1, 3, 2);
    const order: string[] = [];
    let release!: () => void;
    const first = gate.run('a', () => new Promise<void>((r) => { release = r; }));
    const queued: Promise<void>[] = [gate.run('a', async () => { order.push('a1'); }), gate.run('a', async () => { order.push('a2'); }), gate.run('b', async () => { order.push('b1'); })];
    await expect(gate.run('a', async () => undefined)).rejects.toBeInstanceOf(ServerBusyError);
    const full = await gate.run('c', async () => undefined, 5).catch((e: ServerBusyError) => e);
    expect(full).toBeInstanceOf(ServerBusyError);
    expect((full as ServerBusyError).retryAfterS).toBeGreaterThanOrEqual(1);
    expect(gate.waitingCount).toBe(3);
    release();
    await Promise.all([first, ...queued]);
    // b, queued after a's two but with nothing else waiting or running, goes first
    expect(order).toEqual(['b1', 'a1', 'a2']);
    await gate.run('c', async () => undefined);
  });
  test('a full queue gives the place of the highest rank waiting to a newcomer of lower rank', async () => {
    const gate = new FairGate(1, 2, 2);
    let release!: () => void;
    const first = gate.run('x', () => new Promise<void>((r) => { release = r; }));
    const done: string[] = [];
    const low = gate.run('s1', async () => { done.push('s1'); }, 1);
    const high = gate.run('s9', async () => { done.push('s9'); }, 9).catch((e: unknown) => { done.push(`s9 refused: ${(e as Error).constructor.name}`); });
    const clean = gate.run('real', async () => { done.push('real'); }, 0);
    await high;
    await expect(gate.run('s5', async () => undefined, 5)).rejects.toBeInstanceOf(ServerBusyError);
    release();
    await Promise.all([first, low, clean]);
    expect(done).toEqual(['s9 refused: ServerBusyError', 'real', 's1']);
  });

  test('a clean sign-in goes before every suspect one waiting, whatever their sources', async () => {
    const gate = new FairGate(1, 30, 2);  // (ranks: 0 clean, else the source's failures)
    const order: string[] = [];
    let release!: () => void;
    const first = gate.run('x', () => new Promise<void>((r) => { release = r; }));
    const suspects = Array.from({ length: 24 }, (_, k) => gate.run(`s${k}`, async () => { order.push(`s${k}`); }, 1 + (k % 3)));
    const once = gate.run('typo', async () => { order.push('typo'); }, 1);
    const clean = gate.run('real', async () => { order.push('real'); }, 0);
    release();
    await Promise.all([first, clean, once, ...suspects]);
    // clean first; then the rank-1 sources in turn (a user with one typo among them), then ranks 2 and 3
    expect(order[0]).toBe('real');
    expect(order.slice(1, 10).sort()).toEqual(['s0', 's12', 's15', 's18', 's21', 's3', 's6', 's9', 'typo']);
    expect(order.slice(10, 18).every((name) => Number(name.slice(1)) % 3 === 1)).toBe(true);
  });
});

describe('sources and password hashes', () => {
  test('IPv4 as it is, IPv4-mapped as IPv4, IPv6 by its /64', () => {
    expect(sourceOf('203.0.113.9')).toBe('203.0.113.9');
    expect(sourceOf('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(sourceOf('2001:db8:0:1:abcd::5')).toBe('2001:db8:0:1::/64');
    expect(sourceOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(sourceOf('::1')).toBe('0:0:0:0::/64');
    expect(sourceOf(undefined)).toBe('unknown');
  });
  test('new hashes take 32 MiB (N = 2^15, p = 3); an older 128 MiB hash still verifies and is marked for replacement', async () => {
    const hash = await hashPassword('a long enough pass');
    expect(hash).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect(needsRehash(hash)).toBe(false);
    const old = await hashPassword('a long enough pass', { N: 2 ** 17, r: 8, p: 1 });
    expect(await verifyPassword('a long enough pass', old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hashPassword('x', { N: 2 ** 12, r: 8, p: 1 }))).toBe(false);
    expect(128 * SCRYPT_PARAMETERS.N * SCRYPT_PARAMETERS.r).toBe(32 * 2 ** 20);
  });
});
