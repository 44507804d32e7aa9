import { SqliteStore, type SarbridgeStore } from '../../io/storage/index.js';
import type { Role } from '../case_log/index.js';
import { buildApp, type AppDeps, type SarbridgeApp } from './app.js';
import { hashPassword } from './passwords.js';

/** scrypt parameters cheap enough for tests (the hash records them; production uses SCRYPT_PARAMETERS). */
export const TEST_SCRYPT = { N: 2 ** 12, r: 8, p: 1 };
/** The password of every test user. */
export const TEST_PASSWORD = 'correct horse battery';

/** Test users: name → party and roles. */
export const TEST_USERS: Record<string, { party: string; roles: Role[] }> = {
  'kr-admin': { party: 'KR', roles: ['admin'] },
  kim: { party: 'KR', roles: ['smc'] },
  park: { party: 'KR', roles: ['osc'] },
  han: { party: 'KR', roles: ['observer'] },
  min: { party: 'KR', roles: ['programme-staff'] },
  sato: { party: 'JP', roles: ['smc'] },
  ito: { party: 'JP', roles: ['liaison-officer'] },
  wang: { party: 'CN', roles: ['smc'] },
};

/** Create the test users in a store. */
export async function createTestUsers(store: SarbridgeStore): Promise<void> {
  const hash = await hashPassword(TEST_PASSWORD, TEST_SCRYPT);
  for (const [userName, u] of Object.entries(TEST_USERS)) {
    await store.createUser({ userName, party: u.party, roles: u.roles, passwordHash: hash, createdAt: '2026-03-10T00:00:00.000Z' });
  }
}

/** A fresh app on an in-memory SQLite store holding the test users, signed in as each of `users`. */
export async function appWithSessions(deps: Omit<AppDeps, 'store'>, users: readonly string[]): Promise<{ app: SarbridgeApp; store: SqliteStore; tokens: Record<string, string> }> {
  const store = new SqliteStore(':memory:');
  await createTestUsers(store);
  const app = await buildApp({ store, ...deps });
  const tokens: Record<string, string> = {};
  for (const user of users) {
    tokens[user] = (await app.inject({ method: 'POST', url: '/api/session', payload: { userName: user, password: TEST_PASSWORD } })).json().token;
  }
  return { app, store, tokens };
}
