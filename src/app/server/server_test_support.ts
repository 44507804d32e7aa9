import type { SarbridgeStore } from '../../io/storage/index.js';
import type { Role } from '../case_log/index.js';
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
