/**
 * Schema migrations, one list per dialect, applied in order and recorded in `schema_migrations`.
 * Never edit a migration once released: add the next one.
 */
export interface Migration {
  readonly id: number;
  readonly name: string;
  readonly sql: string;
}

/** SQLite: JSON kept as TEXT; times as ISO 8601 text. */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    id: 1, name: 'event log, accounts, sessions, audit',
    sql: `
      CREATE TABLE cases (
        case_id TEXT PRIMARY KEY, kind TEXT NOT NULL, title TEXT NOT NULL, parties TEXT NOT NULL,
        version INTEGER NOT NULL, opened_at TEXT NOT NULL);
      CREATE TABLE events (
        case_id TEXT NOT NULL REFERENCES cases(case_id), version INTEGER NOT NULL, type TEXT NOT NULL,
        author TEXT NOT NULL, party TEXT NOT NULL, recorded_at TEXT NOT NULL, based_on_version INTEGER NOT NULL,
        releasability TEXT NOT NULL, payload TEXT NOT NULL,
        PRIMARY KEY (case_id, version)) WITHOUT ROWID;
      CREATE TABLE users (
        user_name TEXT PRIMARY KEY, party TEXT NOT NULL, roles TEXT NOT NULL,
        password_hash TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY, user_name TEXT NOT NULL REFERENCES users(user_name),
        created_at TEXT NOT NULL, expires_at TEXT NOT NULL);
      CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, user_name TEXT, party TEXT,
        action TEXT NOT NULL, case_id TEXT, status_code INTEGER NOT NULL, detail TEXT);
      CREATE INDEX audit_case ON audit(case_id, id);`,
  },
  {
    id: 2, name: 'uploaded forcing files',
    sql: `
      CREATE TABLE forcing_files (
        sha256 TEXT PRIMARY KEY, name TEXT NOT NULL, size INTEGER NOT NULL, party TEXT NOT NULL, uploaded_by TEXT NOT NULL,
        uploaded_at TEXT NOT NULL, contents TEXT NOT NULL, bytes BLOB NOT NULL);`,
  },
  {
    id: 3, name: 'accounts can be disabled',
    sql: 'ALTER TABLE users ADD COLUMN disabled_at TEXT; CREATE INDEX sessions_user ON sessions(user_name);',
  },
  {
    id: 4, name: 'failed sign-ins by user name and source, shared by every instance',
    sql: `
      CREATE TABLE login_failures (
        user_name TEXT NOT NULL, source TEXT NOT NULL, failures INTEGER NOT NULL, window_start_ms INTEGER NOT NULL,
        PRIMARY KEY (user_name, source)) WITHOUT ROWID;
      CREATE INDEX login_failures_source ON login_failures(source);`,
  },
  {
    id: 5, name: 'drift runs: summary, and particles packed in a blob (app/drift_job/particle_blob.ts) kept in 1 MiB chunks',
    sql: `
      CREATE TABLE drift_runs (
        case_id TEXT NOT NULL REFERENCES cases(case_id), run_id TEXT NOT NULL, party TEXT NOT NULL, author TEXT NOT NULL,
        requested_at TEXT NOT NULL, finished_at TEXT NOT NULL, event_version INTEGER, request TEXT NOT NULL, summary TEXT NOT NULL,
        particle_count INTEGER NOT NULL, stored_times INTEGER NOT NULL, particle_bytes INTEGER NOT NULL,
        PRIMARY KEY (case_id, run_id)) WITHOUT ROWID;
      CREATE TABLE drift_run_particles (
        case_id TEXT NOT NULL, run_id TEXT NOT NULL, chunk INTEGER NOT NULL, bytes BLOB NOT NULL,
        PRIMARY KEY (case_id, run_id, chunk));`,
  },
  {
    id: 6, name: 'drift runs accepted and not yet finished, claimed by the instance running them (a restart resumes them)',
    sql: `
      CREATE TABLE drift_runs_accepted (
        case_id TEXT NOT NULL REFERENCES cases(case_id), run_id TEXT NOT NULL, party TEXT NOT NULL, author TEXT NOT NULL,
        requested_at TEXT NOT NULL, request TEXT NOT NULL, instance TEXT, claim_expires_ms INTEGER NOT NULL,
        PRIMARY KEY (case_id, run_id)) WITHOUT ROWID;`,
  },
  {
    id: 7, name: 'corrections and retractions by the event they name, so a page of events reads only its own marks',
    sql: `
      CREATE INDEX events_marks ON events(case_id, json_extract(payload, '$.eventVersion'))
        WHERE type IN ('eventCorrected', 'eventRetracted');`,
  },
  {
    id: 8, name: "forcing files withheld from the players (an exercise's truth forcing, uploaded by exercise control); every file before is not",
    sql: 'ALTER TABLE forcing_files ADD COLUMN withheld INTEGER NOT NULL DEFAULT 0;',
  },
];

/** PostgreSQL: JSON as jsonb; times as timestamptz. */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    id: 1, name: 'event log, accounts, sessions, audit',
    sql: `
      CREATE TABLE cases (
        case_id text PRIMARY KEY, kind text NOT NULL, title text NOT NULL, parties jsonb NOT NULL,
        version integer NOT NULL, opened_at timestamptz NOT NULL);
      CREATE TABLE events (
        case_id text NOT NULL REFERENCES cases(case_id), version integer NOT NULL, type text NOT NULL,
        author text NOT NULL, party text NOT NULL, recorded_at timestamptz NOT NULL, based_on_version integer NOT NULL,
        releasability text NOT NULL, payload jsonb NOT NULL,
        PRIMARY KEY (case_id, version));
      CREATE TABLE users (
        user_name text PRIMARY KEY, party text NOT NULL, roles jsonb NOT NULL,
        password_hash text NOT NULL, created_at timestamptz NOT NULL);
      CREATE TABLE sessions (
        token_hash text PRIMARY KEY, user_name text NOT NULL REFERENCES users(user_name),
        created_at timestamptz NOT NULL, expires_at timestamptz NOT NULL);
      CREATE TABLE audit (
        id bigserial PRIMARY KEY, at timestamptz NOT NULL, user_name text, party text,
        action text NOT NULL, case_id text, status_code integer NOT NULL, detail text);
      CREATE INDEX audit_case ON audit(case_id, id);`,
  },
  {
    id: 2, name: 'uploaded forcing files',
    sql: `
      CREATE TABLE forcing_files (
        sha256 text PRIMARY KEY, name text NOT NULL, size bigint NOT NULL, party text NOT NULL, uploaded_by text NOT NULL,
        uploaded_at timestamptz NOT NULL, contents jsonb NOT NULL, bytes bytea NOT NULL);`,
  },
  {
    id: 3, name: 'accounts can be disabled',
    sql: 'ALTER TABLE users ADD COLUMN disabled_at timestamptz; CREATE INDEX sessions_user ON sessions(user_name);',
  },
  {
    id: 4, name: 'failed sign-ins by user name and source, shared by every instance',
    sql: `
      CREATE TABLE login_failures (
        user_name text NOT NULL, source text NOT NULL, failures integer NOT NULL, window_start_ms bigint NOT NULL,
        PRIMARY KEY (user_name, source));
      CREATE INDEX login_failures_source ON login_failures(source);`,
  },
  {
    id: 5, name: 'drift runs: summary, and particles packed in a blob (app/drift_job/particle_blob.ts) kept in 1 MiB chunks',
    sql: `
      CREATE TABLE drift_runs (
        case_id text NOT NULL REFERENCES cases(case_id), run_id text NOT NULL, party text NOT NULL, author text NOT NULL,
        requested_at timestamptz NOT NULL, finished_at timestamptz NOT NULL, event_version integer, request jsonb NOT NULL, summary jsonb NOT NULL,
        particle_count integer NOT NULL, stored_times integer NOT NULL, particle_bytes bigint NOT NULL,
        PRIMARY KEY (case_id, run_id));
      CREATE TABLE drift_run_particles (
        case_id text NOT NULL, run_id text NOT NULL, chunk integer NOT NULL, bytes bytea NOT NULL,
        PRIMARY KEY (case_id, run_id, chunk));`,
  },
  {
    id: 6, name: 'drift runs accepted and not yet finished, claimed by the instance running them (a restart resumes them)',
    sql: `
      CREATE TABLE drift_runs_accepted (
        case_id text NOT NULL REFERENCES cases(case_id), run_id text NOT NULL, party text NOT NULL, author text NOT NULL,
        requested_at timestamptz NOT NULL, request jsonb NOT NULL, instance text, claim_expires_ms bigint NOT NULL,
        PRIMARY KEY (case_id, run_id));`,
  },
  {
    id: 7, name: 'corrections and retractions by the event they name, so a page of events reads only its own marks',
    sql: `
      CREATE INDEX events_marks ON events (case_id, (payload->'eventVersion'))
        WHERE type IN ('eventCorrected', 'eventRetracted');`,
  },
  {
    id: 8, name: "forcing files withheld from the players (an exercise's truth forcing, uploaded by exercise control); every file before is not",
    sql: 'ALTER TABLE forcing_files ADD COLUMN withheld boolean NOT NULL DEFAULT false;',
  },
];
