import { PostgresStore } from './postgres_store.js';
import { SqliteStore } from './sqlite_store.js';
import { DEFAULT_SQLITE_PATH } from './default_location.js';
import type { SarbridgeStore } from './store.js';

/**
 * Open the store a location names: a `postgres://` or `postgresql://` URL opens PostgreSQL,
 * anything else is a SQLite file path (`sqlite:` prefix optional; ':memory:' for tests).
 */
export async function openStore(location: string = DEFAULT_SQLITE_PATH): Promise<SarbridgeStore> {
  if (/^postgres(ql)?:\/\//i.test(location)) return PostgresStore.open(location);
  return new SqliteStore(location.replace(/^sqlite:/i, ''));
}
