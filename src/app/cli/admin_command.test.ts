import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { SqliteStore } from '../../io/storage/index.js';
import { verifyPassword } from '../server/passwords.js';
import { createAdmin, manageAccount, unlockSignIns } from './admin_command.js';
import { main } from './main.js';

const dir = mkdtempSync(join(tmpdir(), 'sarbridge-admin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'accounts.sqlite');

describe('sarbridge admin', () => {
  test('create refuses a role sarbridge does not know, naming the roles, and creates nothing', async () => {
    const errors: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => { errors.push(String(chunk)); return true; });
    const code = await main(['node', 'sarbridge', 'admin', 'create', '--party', 'KR', '--user', 'kim', '--role', 'captain', '--db', db]);
    spy.mockRestore();
    expect(code).toBe(2);
    expect(errors.join('')).toMatch(/'captain' is not a role; the roles are smc, osc/);
    await expect(createAdmin({ db, party: 'KR', userName: 'kim', password: 'a long enough pass', extraRoles: ['captain'] })).rejects.toThrow(/--role: 'captain' is not a role/);
    const store = new SqliteStore(db);
    expect(await store.listUsers()).toEqual([]);
    await store.close();
  });

  test('password, roles, disable and enable change the account and are audited under its party', async () => {
    await createAdmin({ db, party: 'KR', userName: 'kim', password: 'a long enough pass', extraRoles: ['smc'] });
    expect(await manageAccount(db, 'kim', { kind: 'roles', roles: ['admin', 'observer'] })).toBe("roles of 'kim' changed from admin, smc to admin, observer");
    expect(await manageAccount(db, 'kim', { kind: 'disable' })).toBe("account 'kim' disabled; 0 session(s) ended");
    let store = new SqliteStore(db);
    expect((await store.findUser('kim'))!.disabledAt).toMatch(/^20/);
    await store.close();
    await manageAccount(db, 'kim', { kind: 'enable' });
    await manageAccount(db, 'kim', { kind: 'password', password: 'the second password' });
    await expect(manageAccount(db, 'kim', { kind: 'roles', roles: ['captain'] })).rejects.toThrow(/'captain' is not a role/);
    await expect(manageAccount(db, 'nobody', { kind: 'disable' })).rejects.toThrow(/no account 'nobody'/);
    await expect(manageAccount(db, 'kim', { kind: 'password', password: 'short' })).rejects.toThrow(/at least 12/);
    store = new SqliteStore(db);
    const user = await store.findUser('kim');
    expect(user).toMatchObject({ roles: ['admin', 'observer'] });
    expect(user!.disabledAt).toBeUndefined();
    expect(await verifyPassword('the second password', user!.passwordHash)).toBe(true);
    expect((await store.readAudit()).map((a) => `${a.party} ${a.action}`)).toEqual(['KR CLI admin password', 'KR CLI admin enable', 'KR CLI admin disable', 'KR CLI admin roles', 'KR CLI admin create']);
    await store.close();
  });

  test('unlock forgets the failed sign-ins of a name, or of an address, and is audited', async () => {
    let store = new SqliteStore(db);
    const t = Date.now();
    await store.noteLoginFailure([{ userName: 'kim', source: '203.0.113.9' }, { userName: '', source: '203.0.113.9' }, { userName: 'kim', source: '' }], t, 900_000);
    await store.close();
    expect(await unlockSignIns(db, { user: 'kim' })).toBe("failed sign-ins of 'kim' forgotten (2 scope(s))");
    expect(await unlockSignIns(db, { source: '::ffff:203.0.113.9' })).toBe('failed sign-ins from 203.0.113.9 forgotten (1 scope(s))');
    await expect(unlockSignIns(db, {})).rejects.toThrow(/give one of --user NAME or --source ADDRESS/);
    store = new SqliteStore(db);
    expect((await store.readLoginFailures([{ userName: '', source: '203.0.113.9' }], t, 900_000))[0].failures).toBe(0);
    expect((await store.readAudit({ limit: 2 })).map((a) => `${a.party} ${a.action}`)).toEqual(['null CLI admin unlock', 'KR CLI admin unlock']);
    await store.close();
  });
});
