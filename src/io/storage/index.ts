export type {
  AcceptedDriftRun, AppendListener, AuditEntry, CaseRow, DriftRunRecord, EventDraft, ForcingFileContents, ForcingFileRecord, LoginFailureCount, LoginScope, SarbridgeStore, SessionRecord, StoredEvent,
  UserChanges, UserRecord,
} from './store.js';
export { CaseNotFoundError, DuplicateUserError, StorageError, VersionConflictError } from './errors.js';
export { POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS, type Migration } from './migrations.js';
export { SqliteStore } from './sqlite_store.js';
export { PostgresStore, redactUrl } from './postgres_store.js';
export { DEFAULT_SQLITE_PATH } from './default_location.js';
export { openStore } from './open_store.js';
