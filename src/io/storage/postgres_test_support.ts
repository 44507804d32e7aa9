import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server the tests may use (`.ci/run` starts one), or undefined. */
export const TEST_PG_URL = process.env.SARBRIDGE_TEST_PG_URL || undefined;

/** Why the PostgreSQL half is skipped, shown in the test names. */
export const PG_SKIP_REASON = 'SKIPPED: set SARBRIDGE_TEST_PG_URL (e.g. postgres://postgres@127.0.0.1:55432/postgres) to run on PostgreSQL';

// Say it where a plain `vitest run` shows it, not only in the (skipped) test names.
if (!TEST_PG_URL && process.env.VITEST) console.warn(`PostgreSQL tests ${PG_SKIP_REASON}`);

/** Create a fresh, empty database on the test server; returns its URL and a function that drops it. */
export async function freshPostgresDatabase(serverUrl: string | undefined = TEST_PG_URL): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!serverUrl) throw new Error(PG_SKIP_REASON);
  const name = `sarbridge_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
