import pg from 'pg';
import { CaseNotFoundError, DuplicateUserError, StorageError, VersionConflictError, withStorageErrors } from './errors.js';
import { chunksOf, joinChunks } from './drift_run_chunks.js';
import { POSTGRES_MIGRATIONS } from './migrations.js';
import type {
  AcceptedDriftRun, AppendListener, AuditEntry, CaseRow, DriftRunRecord, EventDraft, ForcingFileRecord, SarbridgeStore, SessionRecord, StoredEvent, UserChanges, UserRecord, LoginFailureCount, LoginScope,
} from './store.js';

/** The NOTIFY channel: payload `caseId <TAB> version`. */
const CHANNEL = 'sarbridge_events';
/** Advisory lock key taken while migrating, so two instances starting together do not race. */
const MIGRATION_LOCK = 0x5a4b_0001;

const iso = (value: Date | string): string => (value instanceof Date ? value.toISOString() : new Date(value).toISOString());

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres (unparsable URL)';
  }
}

/**
 * `readMarksOf`: the predicate and expression of the partial index events_marks (migration 7) as it
 * writes them (store.test.ts checks the plan). A jsonb number compares with jsonb numbers only, so
 * no other kind of value matches.
 */
export const POSTGRES_READ_MARKS_SQL = `SELECT * FROM events WHERE case_id = $1 AND type IN ('eventCorrected', 'eventRetracted')
  AND payload->'eventVersion' BETWEEN to_jsonb($2::integer) AND to_jsonb($3::integer) ORDER BY version`;

/**
 * The store for deployments with several server instances (node-postgres pool). The version check
 * and the insert share a transaction holding the case row lock (SELECT … FOR UPDATE); the primary
 * key (case_id, version) is the last guard against a double write. Each append sends NOTIFY in its
 * transaction, delivered at commit to every instance's LISTEN connection, which is how live
 * updates cross instances.
 */
export class PostgresStore implements SarbridgeStore {
  readonly dialect = 'postgres' as const;
  private readonly listeners = new Set<AppendListener>();
  private listenClient: pg.Client | null = null;
  private closed = false;

  private constructor(private readonly pool: pg.Pool, private readonly url: string) {}

  /** Connect, migrate and start listening for appends. */
  static async open(url: string, options: { poolSize?: number } = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    // An idle connection that the server ends (restart, failover, admin) must not crash the process:
    // the pool drops it and opens a new one on the next query.
    pool.on('error', () => undefined);
    // ...and so must a connection the server ends while it is checked out (PostgreSQL stopped in the
    // middle of an append's transaction): the pool's own listener covers idle connections only, and
    // an 'error' without a listener is an uncaught exception. The query in flight still fails
    // (answered SARB_STORAGE) and the pool discards the connection when it is released.
    pool.on('connect', (client) => { client.on('error', () => undefined); });
    const store = new PostgresStore(pool, url);
    try {
      await store.migrate();
      await store.listen();
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw new StorageError(redactUrl(url), `cannot open the PostgreSQL database: ${(error as Error).message}`);
    }
    // a database that is down or refuses a statement answers SARB_STORAGE
    return withStorageErrors(store, redactUrl(url));
  }

  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)');
      const done = new Set((await client.query<{ id: number }>('SELECT id FROM schema_migrations')).rows.map((r) => r.id));
      for (const m of POSTGRES_MIGRATIONS) {
        if (done.has(m.id)) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (id, name, applied_at) VALUES ($1, $2, now())', [m.id, m.name]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      client.release();
    }
  }

  /**
   * Keep a LISTEN connection: when it drops (a restart of PostgreSQL, a failover), try again
   * until it works, waiting 0.5 s, then twice as long each time up to 10 s. Live clients catch up
   * from their last version meanwhile (the hub also polls).
   */
  private relisten(delayMs = 500): void {
    if (this.closed || this.relistening) return;
    this.relistening = true;
    setTimeout(() => {
      this.relistening = false;
      if (this.closed) return;
      this.listen().catch(() => this.relisten(Math.min(10_000, delayMs * 2)));
    }, delayMs).unref();
  }
  private relistening = false;

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    // an error before LISTEN is set up must not be unhandled: listen()'s caller retries
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      const [caseId, version] = message.payload.split('\t');
      for (const listener of this.listeners) listener(caseId, Number(version));
    });
    const dropped = () => {
      if (this.closed || this.listenClient !== client) return;
      this.listenClient = null;
      client.end().catch(() => undefined);
      this.relisten();
    };
    client.on('error', dropped);
    client.on('end', dropped);
    try {
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.listenClient = client;
  }

  async health(): Promise<{ database: 'ok' | 'unreachable'; problem?: string; notifications: 'listening' | 'reconnecting' }> {
    const notifications = this.listenClient ? 'listening' as const : 'reconnecting' as const;
    try {
      await this.pool.query('SELECT 1');
      return { database: 'ok', notifications };
    } catch (error) {
      return { database: 'unreachable', problem: (error as Error).message, notifications };
    }
  }

  async append(draft: EventDraft, newCase?: { kind: string; title: string; parties: readonly string[] }, parties?: readonly string[]): Promise<StoredEvent> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      try {
        const found = await client.query<{ version: number }>('SELECT version FROM cases WHERE case_id = $1 FOR UPDATE', [draft.caseId]);
        let current = found.rows[0]?.version;
        if (current === undefined) {
          if (!newCase) throw new CaseNotFoundError(draft.caseId);
          if (draft.basedOnVersion !== 0) throw new VersionConflictError(draft.caseId, draft.basedOnVersion, 0);
          const inserted = await client.query(
            'INSERT INTO cases (case_id, kind, title, parties, version, opened_at) VALUES ($1, $2, $3, $4, 0, $5) ON CONFLICT (case_id) DO NOTHING',
            [draft.caseId, newCase.kind, newCase.title, JSON.stringify(newCase.parties), draft.recordedAt]);
          if (inserted.rowCount === 0) {
            current = (await client.query<{ version: number }>('SELECT version FROM cases WHERE case_id = $1', [draft.caseId])).rows[0].version;
            throw new VersionConflictError(draft.caseId, 0, current);
          }
        } else if (current !== draft.basedOnVersion) {
          throw new VersionConflictError(draft.caseId, draft.basedOnVersion, current);
        }
        const version = draft.basedOnVersion + 1;
        await client.query(
          'INSERT INTO events (case_id, version, type, author, party, recorded_at, based_on_version, releasability, payload) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
          [draft.caseId, version, draft.type, draft.author, draft.party, draft.recordedAt, draft.basedOnVersion, draft.releasability,
            JSON.stringify(draft.payload ?? null)]);
        await client.query('UPDATE cases SET version = $1 WHERE case_id = $2', [version, draft.caseId]);
        if (parties) await client.query('UPDATE cases SET parties = $1 WHERE case_id = $2', [JSON.stringify(parties), draft.caseId]);
        await client.query('SELECT pg_notify($1, $2)', [CHANNEL, `${draft.caseId}\t${version}`]);
        await client.query('COMMIT');
        return { ...draft, version };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        if ((error as { code?: string }).code === '23505') {
          const row = await this.getCase(draft.caseId);
          throw new VersionConflictError(draft.caseId, draft.basedOnVersion, row?.version ?? 0);
        }
        throw error;
      }
    } finally {
      client.release();
    }
  }

  async readEvents(caseId: string, afterVersion = 0, limit = 1_000_000): Promise<StoredEvent[]> {
    const { rows } = await this.pool.query(
      'SELECT * FROM events WHERE case_id = $1 AND version > $2 ORDER BY version LIMIT $3', [caseId, afterVersion, limit]);
    return rows.map(toStoredEvent);
  }

  async readMarksOf(caseId: string, fromVersion: number, toVersion: number): Promise<StoredEvent[]> {
    const { rows } = await this.pool.query(POSTGRES_READ_MARKS_SQL, [caseId, fromVersion, toVersion]);
    return rows.map(toStoredEvent);
  }

  async getCase(caseId: string): Promise<CaseRow | null> {
    const { rows } = await this.pool.query('SELECT * FROM cases WHERE case_id = $1', [caseId]);
    return rows[0] ? toCase(rows[0]) : null;
  }

  async listCases(): Promise<CaseRow[]> {
    const { rows } = await this.pool.query('SELECT * FROM cases ORDER BY opened_at, case_id');
    return rows.map(toCase);
  }

  onAppended(listener: AppendListener): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  async createUser(user: UserRecord): Promise<void> {
    try {
      await this.pool.query('INSERT INTO users (user_name, party, roles, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)',
        [user.userName, user.party, JSON.stringify(user.roles), user.passwordHash, user.createdAt]);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new DuplicateUserError(user.userName);
      throw error;
    }
  }

  async findUser(userName: string): Promise<UserRecord | null> {
    const { rows } = await this.pool.query('SELECT * FROM users WHERE user_name = $1', [userName]);
    return rows[0] ? toUser(rows[0]) : null;
  }

  async listUsers(): Promise<UserRecord[]> {
    return (await this.pool.query('SELECT * FROM users ORDER BY user_name')).rows.map(toUser);
  }

  async updateUser(userName: string, changes: UserChanges): Promise<boolean> {
    const sets: string[] = [];
    const values: unknown[] = [];
    const set = (column: string, value: unknown) => { values.push(value); sets.push(`${column} = $${values.length}`); };
    if (changes.roles !== undefined) set('roles', JSON.stringify(changes.roles));
    if (changes.passwordHash !== undefined) set('password_hash', changes.passwordHash);
    if (changes.disabledAt !== undefined) set('disabled_at', changes.disabledAt);
    if (sets.length === 0) return (await this.findUser(userName)) !== null;
    values.push(userName);
    return ((await this.pool.query(`UPDATE users SET ${sets.join(', ')} WHERE user_name = $${values.length}`, values)).rowCount ?? 0) === 1;
  }

  async deleteSessionsOf(userName: string, except = ''): Promise<number> {
    return (await this.pool.query('DELETE FROM sessions WHERE user_name = $1 AND token_hash <> $2', [userName, except])).rowCount ?? 0;
  }

  async createSession(s: SessionRecord): Promise<void> {
    await this.pool.query('INSERT INTO sessions (token_hash, user_name, created_at, expires_at) VALUES ($1, $2, $3, $4)',
      [s.tokenHash, s.userName, s.createdAt, s.expiresAt]);
  }

  async findSession(tokenHash: string): Promise<SessionRecord | null> {
    const { rows } = await this.pool.query('SELECT * FROM sessions WHERE token_hash = $1', [tokenHash]);
    const r = rows[0];
    return r ? { tokenHash: r.token_hash, userName: r.user_name, createdAt: iso(r.created_at), expiresAt: iso(r.expires_at) } : null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
  }

  async noteLoginFailure(scopes: readonly LoginScope[], atMs: number, windowMs: number): Promise<LoginFailureCount[]> {
    if (scopes.length === 0) return [];
    // one statement, so the scopes count together; SET sees the row as it was, so both CASEs test the old window
    const values: unknown[] = [atMs, atMs - windowMs];
    const tuples = scopes.map((sc) => { values.push(sc.userName, sc.source); return `($${values.length - 1}, $${values.length}, 1, $1::bigint)`; });
    const { rows } = await this.pool.query<{ user_name: string; source: string; failures: number; window_start_ms: string }>(`
      INSERT INTO login_failures (user_name, source, failures, window_start_ms) VALUES ${tuples.join(', ')}
      ON CONFLICT (user_name, source) DO UPDATE SET
        failures = CASE WHEN login_failures.window_start_ms <= $2 THEN 1 ELSE login_failures.failures + 1 END,
        window_start_ms = CASE WHEN login_failures.window_start_ms <= $2 THEN excluded.window_start_ms ELSE login_failures.window_start_ms END
      RETURNING user_name, source, failures, window_start_ms`, values);
    return scopes.map((sc) => {
      const row = rows.find((r) => r.user_name === sc.userName && r.source === sc.source)!;
      return { failures: row.failures, windowStartMs: Number(row.window_start_ms) };
    });
  }

  async readLoginFailures(scopes: readonly LoginScope[], atMs: number, windowMs: number): Promise<LoginFailureCount[]> {
    if (scopes.length === 0) return [];
    const { rows } = await this.pool.query<{ user_name: string; source: string; failures: number; window_start_ms: string }>(
      'SELECT user_name, source, failures, window_start_ms FROM login_failures WHERE (user_name, source) IN (SELECT * FROM unnest($1::text[], $2::text[])) AND window_start_ms > $3',
      [scopes.map((sc) => sc.userName), scopes.map((sc) => sc.source), atMs - windowMs]);
    return scopes.map((sc) => {
      const row = rows.find((r) => r.user_name === sc.userName && r.source === sc.source);
      return row ? { failures: row.failures, windowStartMs: Number(row.window_start_ms) } : { failures: 0, windowStartMs: 0 };
    });
  }

  async forgetLoginFailures(what: { scopes: readonly LoginScope[] } | { userName: string } | { source: string } | { windowStartedBeforeMs: number }): Promise<number> {
    const result = 'scopes' in what
      ? await this.pool.query('DELETE FROM login_failures WHERE (user_name, source) IN (SELECT * FROM unnest($1::text[], $2::text[]))',
        [what.scopes.map((sc) => sc.userName), what.scopes.map((sc) => sc.source)])
      : 'windowStartedBeforeMs' in what
        ? await this.pool.query('DELETE FROM login_failures WHERE window_start_ms < $1', [what.windowStartedBeforeMs])
      : 'userName' in what
        ? await this.pool.query('DELETE FROM login_failures WHERE user_name = $1', [what.userName])
        : await this.pool.query('DELETE FROM login_failures WHERE source = $1', [what.source]);
    return result.rowCount ?? 0;
  }

  async deleteExpiredSessions(now: string): Promise<number> {
    return (await this.pool.query('DELETE FROM sessions WHERE expires_at <= $1', [now])).rowCount ?? 0;
  }

  async appendAudit(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const values: unknown[] = [];
    const tuples = entries.map((e, i) => {
      values.push(e.at, e.userName, e.party, e.action, e.caseId, e.statusCode, e.detail ?? null);
      const b = i * 7;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7})`;
    });
    await this.pool.query(`INSERT INTO audit (at, user_name, party, action, case_id, status_code, detail) VALUES ${tuples.join(', ')}`, values);
  }

  async readAudit(options: { limit?: number; caseId?: string } = {}): Promise<AuditEntry[]> {
    const limit = options.limit ?? 100;
    const { rows } = options.caseId === undefined
      ? await this.pool.query('SELECT * FROM audit ORDER BY id DESC LIMIT $1', [limit])
      : await this.pool.query('SELECT * FROM audit WHERE case_id = $1 ORDER BY id DESC LIMIT $2', [options.caseId, limit]);
    return rows.map((r) => ({
      at: iso(r.at), userName: r.user_name, party: r.party, action: r.action, caseId: r.case_id, statusCode: r.status_code,
      ...(r.detail === null ? {} : { detail: r.detail }),
    }));
  }

  async saveForcingFile(r: ForcingFileRecord, bytes: Uint8Array): Promise<boolean> {
    const result = await this.pool.query(
      'INSERT INTO forcing_files (sha256, name, size, party, uploaded_by, uploaded_at, contents, withheld, bytes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (sha256) DO NOTHING',
      [r.sha256, r.name, r.size, r.party, r.uploadedBy, r.uploadedAt, JSON.stringify(r.contents), r.withheld, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
    return result.rowCount === 1;
  }

  async takeOverWithheldForcingFile(r: ForcingFileRecord, bytes: Uint8Array): Promise<boolean> {
    const result = await this.pool.query(
      'UPDATE forcing_files SET name = $1, size = $2, party = $3, uploaded_by = $4, uploaded_at = $5, contents = $6, withheld = $7, bytes = $8 WHERE sha256 = $9 AND withheld',
      [r.name, r.size, r.party, r.uploadedBy, r.uploadedAt, JSON.stringify(r.contents), r.withheld, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), r.sha256]);
    return result.rowCount === 1;
  }

  async findForcingFile(sha256: string): Promise<ForcingFileRecord | null> {
    const { rows } = await this.pool.query(`SELECT ${FORCING_COLUMNS} FROM forcing_files WHERE sha256 = $1`, [sha256]);
    return rows[0] ? toForcing(rows[0]) : null;
  }

  async listForcingFiles(): Promise<ForcingFileRecord[]> {
    return (await this.pool.query(`SELECT ${FORCING_COLUMNS} FROM forcing_files ORDER BY uploaded_at DESC, sha256`)).rows.map(toForcing);
  }

  async readForcingBytes(sha256: string): Promise<Uint8Array | null> {
    const { rows } = await this.pool.query<{ bytes: Buffer }>('SELECT bytes FROM forcing_files WHERE sha256 = $1', [sha256]);
    return rows[0] ? new Uint8Array(rows[0].bytes.buffer, rows[0].bytes.byteOffset, rows[0].bytes.byteLength) : null;
  }

  async saveDriftRun(r: Omit<DriftRunRecord, 'particleBytes'>, particles: Uint8Array): Promise<void> {
    const known = await this.pool.query('SELECT 1 FROM drift_runs WHERE case_id = $1 AND run_id = $2', [r.caseId, r.runId]);
    if (known.rowCount) throw new Error(`drift run ${r.runId} of case ${r.caseId} is stored already`);
    for (const [k, chunk] of chunksOf(particles).entries()) {
      await this.pool.query('INSERT INTO drift_run_particles (case_id, run_id, chunk, bytes) VALUES ($1, $2, $3, $4) ON CONFLICT (case_id, run_id, chunk) DO UPDATE SET bytes = EXCLUDED.bytes',
        [r.caseId, r.runId, k, Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)]);
    }
    await this.pool.query(`INSERT INTO drift_runs (case_id, run_id, party, author, requested_at, finished_at, event_version, request, summary, particle_count, stored_times, particle_bytes)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [r.caseId, r.runId, r.party, r.author, r.requestedAt, r.finishedAt, r.eventVersion, JSON.stringify(r.request), JSON.stringify(r.summary),
      r.particleCount, r.storedTimes, particles.byteLength]);
  }

  async setDriftRunEvent(caseId: string, runId: string, eventVersion: number): Promise<void> {
    await this.pool.query('UPDATE drift_runs SET event_version = $1 WHERE case_id = $2 AND run_id = $3', [eventVersion, caseId, runId]);
  }

  async findDriftRun(caseId: string, runId: string): Promise<DriftRunRecord | null> {
    const { rows } = await this.pool.query(`SELECT ${DRIFT_RUN_COLUMNS} FROM drift_runs WHERE case_id = $1 AND run_id = $2`, [caseId, runId]);
    return rows[0] ? toDriftRun(rows[0]) : null;
  }

  async listDriftRuns(caseId: string): Promise<DriftRunRecord[]> {
    return (await this.pool.query(`SELECT ${DRIFT_RUN_COLUMNS} FROM drift_runs WHERE case_id = $1 ORDER BY finished_at, run_id`, [caseId])).rows.map(toDriftRun);
  }

  async readDriftRunParticles(caseId: string, runId: string): Promise<Uint8Array | null> {
    const run = await this.pool.query<{ particle_bytes: string }>('SELECT particle_bytes FROM drift_runs WHERE case_id = $1 AND run_id = $2', [caseId, runId]);
    if (!run.rows[0]) return null;
    const { rows } = await this.pool.query<{ bytes: Buffer }>('SELECT bytes FROM drift_run_particles WHERE case_id = $1 AND run_id = $2 ORDER BY chunk', [caseId, runId]);
    return joinChunks(rows.map((c) => c.bytes), Number(run.rows[0].particle_bytes));
  }

  async acceptDriftRun(r: AcceptedDriftRun, instance: string, expiresMs: number): Promise<void> {
    await this.pool.query('INSERT INTO drift_runs_accepted (case_id, run_id, party, author, requested_at, request, instance, claim_expires_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [r.caseId, r.runId, r.party, r.author, r.requestedAt, JSON.stringify(r.request), instance, expiresMs]);
  }

  async claimDriftRuns(instance: string, nowMs: number, expiresMs: number): Promise<AcceptedDriftRun[]> {
    // the rows are locked as they are claimed (SKIP LOCKED: an instance claiming at the same time takes others, never the same)
    const { rows } = await this.pool.query(`UPDATE drift_runs_accepted SET instance = $1, claim_expires_ms = $2
      WHERE (case_id, run_id) IN (SELECT case_id, run_id FROM drift_runs_accepted WHERE instance IS NULL OR claim_expires_ms < $3 FOR UPDATE SKIP LOCKED)
      RETURNING ${ACCEPTED_COLUMNS}`, [instance, expiresMs, nowMs]);
    return rows.map(toAccepted).sort((a, b) => a.requestedAt.localeCompare(b.requestedAt) || a.runId.localeCompare(b.runId));
  }

  async renewDriftRunClaims(instance: string, expiresMs: number, release = false): Promise<void> {
    await this.pool.query('UPDATE drift_runs_accepted SET instance = $1, claim_expires_ms = $2 WHERE instance = $3', [release ? null : instance, expiresMs, instance]);
  }

  async forgetAcceptedDriftRun(caseId: string, runId: string): Promise<void> {
    await this.pool.query('DELETE FROM drift_runs_accepted WHERE case_id = $1 AND run_id = $2', [caseId, runId]);
  }

  async listAcceptedDriftRuns(caseId: string): Promise<AcceptedDriftRun[]> {
    return (await this.pool.query(`SELECT ${ACCEPTED_COLUMNS} FROM drift_runs_accepted WHERE case_id = $1 ORDER BY requested_at, run_id`, [caseId])).rows.map(toAccepted);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    await this.listenClient?.end().catch(() => undefined);
    await this.pool.end();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const toCase = (r: any): CaseRow => ({
  caseId: r.case_id, kind: r.kind, title: r.title, parties: r.parties, version: r.version, openedAt: iso(r.opened_at),
});
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const toUser = (r: any): UserRecord => ({
  userName: r.user_name, party: r.party, roles: r.roles, passwordHash: r.password_hash, createdAt: iso(r.created_at),
  ...(r.disabled_at === null || r.disabled_at === undefined ? {} : { disabledAt: iso(r.disabled_at) }),
});

const FORCING_COLUMNS = 'sha256, name, size, party, uploaded_by, uploaded_at, contents, withheld';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const toForcing = (r: any): ForcingFileRecord => ({
  sha256: r.sha256, name: r.name, size: Number(r.size), party: r.party, uploadedBy: r.uploaded_by, uploadedAt: iso(r.uploaded_at), contents: r.contents, withheld: r.withheld === true,
});

const ACCEPTED_COLUMNS = 'case_id, run_id, party, author, requested_at, request';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const toAccepted = (r: any): AcceptedDriftRun => ({ caseId: r.case_id, runId: r.run_id, party: r.party, author: r.author, requestedAt: iso(r.requested_at), request: r.request });
const DRIFT_RUN_COLUMNS = 'case_id, run_id, party, author, requested_at, finished_at, event_version, request, summary, particle_count, stored_times, particle_bytes';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const toDriftRun = (r: any): DriftRunRecord => ({
  caseId: r.case_id, runId: r.run_id, party: r.party, author: r.author, requestedAt: iso(r.requested_at), finishedAt: iso(r.finished_at), eventVersion: r.event_version,
  request: r.request, summary: r.summary, particleCount: r.particle_count, storedTimes: r.stored_times, particleBytes: Number(r.particle_bytes),
});

/** An events row as the store gives it. */
const toStoredEvent = (r: { case_id: string; version: number; type: string; author: string; party: string; recorded_at: Date; based_on_version: number; releasability: string; payload: unknown }): StoredEvent => ({
  caseId: r.case_id, version: r.version, type: r.type, author: r.author, party: r.party, recordedAt: iso(r.recorded_at),
  basedOnVersion: r.based_on_version, releasability: r.releasability, payload: r.payload,
});
