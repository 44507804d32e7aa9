import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { CaseNotFoundError, DuplicateUserError, StorageError, VersionConflictError, withStorageErrors } from './errors.js';
import { chunksOf, joinChunks } from './drift_run_chunks.js';
import { SQLITE_MIGRATIONS } from './migrations.js';
import type {
  AcceptedDriftRun, AppendListener, AuditEntry, CaseRow, DriftRunRecord, EventDraft, ForcingFileRecord, SarbridgeStore, SessionRecord, StoredEvent, UserChanges, UserRecord, LoginFailureCount, LoginScope,
} from './store.js';

interface EventRow {
  case_id: string; version: number; type: string; author: string; party: string; recorded_at: string;
  based_on_version: number; releasability: string; payload: string;
}
interface CaseDbRow { case_id: string; kind: string; title: string; parties: string; version: number; opened_at: string }
interface UserRow { user_name: string; party: string; roles: string; password_hash: string; created_at: string; disabled_at: string | null }

const toEvent = (r: EventRow): StoredEvent => ({
  caseId: r.case_id, version: r.version, type: r.type, author: r.author, party: r.party, recordedAt: r.recorded_at,
  basedOnVersion: r.based_on_version, releasability: r.releasability, payload: JSON.parse(r.payload),
});
const toCase = (r: CaseDbRow): CaseRow => ({
  caseId: r.case_id, kind: r.kind, title: r.title, parties: JSON.parse(r.parties), version: r.version, openedAt: r.opened_at,
});
const toUser = (r: UserRow): UserRecord => ({
  userName: r.user_name, party: r.party, roles: JSON.parse(r.roles), passwordHash: r.password_hash, createdAt: r.created_at,
  ...(r.disabled_at === null ? {} : { disabledAt: r.disabled_at }),
});

/**
 * `readMarksOf`: the terms of the partial index events_marks (migration 7) as it writes them, which
 * is when SQLite uses it (store.test.ts checks the plan).
 */
export const SQLITE_READ_MARKS_SQL = `SELECT * FROM events WHERE case_id = ? AND type IN ('eventCorrected', 'eventRetracted')
  AND json_extract(payload, '$.eventVersion') BETWEEN ? AND ? ORDER BY version`;

/**
 * The embedded store (better-sqlite3, one file). WAL journal with `synchronous = FULL`: each
 * commit fsyncs the WAL before append() resolves, so an acknowledged event survives a SIGKILL or
 * a power cut. One process owns the file (SQLite serialises writers; the version check and the
 * insert share one transaction).
 */
export class SqliteStore implements SarbridgeStore {
  readonly dialect = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly listeners = new Set<AppendListener>();
  private readonly appendTx: (draft: EventDraft, newCase?: { kind: string; title: string; parties: readonly string[] }, parties?: readonly string[]) => StoredEvent;

  /** Open (creating when missing) and migrate the database at `path` (':memory:' for tests). */
  constructor(readonly path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    try {
      this.db = new Database(path);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      this.db.pragma('foreign_keys = ON');
      this.db.pragma('busy_timeout = 5000');
      this.migrate();
    } catch (error) {
      throw new StorageError(path, `cannot open the SQLite database: ${(error as Error).message}`);
    }
    const selectVersion = this.db.prepare<[string], { version: number }>('SELECT version FROM cases WHERE case_id = ?');
    const insertCase = this.db.prepare('INSERT INTO cases (case_id, kind, title, parties, version, opened_at) VALUES (?, ?, ?, ?, 0, ?)');
    const insertEvent = this.db.prepare(
      'INSERT INTO events (case_id, version, type, author, party, recorded_at, based_on_version, releasability, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const bumpVersion = this.db.prepare('UPDATE cases SET version = ? WHERE case_id = ?');
    const setParties = this.db.prepare('UPDATE cases SET parties = ? WHERE case_id = ?');
    this.appendTx = this.db.transaction((draft: EventDraft, newCase?: { kind: string; title: string; parties: readonly string[] }, parties?: readonly string[]) => {
      const current = selectVersion.get(draft.caseId)?.version;
      if (current === undefined) {
        if (!newCase) throw new CaseNotFoundError(draft.caseId);
        if (draft.basedOnVersion !== 0) throw new VersionConflictError(draft.caseId, draft.basedOnVersion, 0);
        insertCase.run(draft.caseId, newCase.kind, newCase.title, JSON.stringify(newCase.parties), draft.recordedAt);
      } else if (current !== draft.basedOnVersion) {
        throw new VersionConflictError(draft.caseId, draft.basedOnVersion, current);
      }
      const version = draft.basedOnVersion + 1;
      insertEvent.run(draft.caseId, version, draft.type, draft.author, draft.party, draft.recordedAt, draft.basedOnVersion,
        draft.releasability, JSON.stringify(draft.payload ?? null));
      bumpVersion.run(version, draft.caseId);
      if (parties) setParties.run(JSON.stringify(parties), draft.caseId);
      return { ...draft, version };
    }).immediate;
    // a failure of the database (disk full, I/O error) answers SARB_STORAGE
    return withStorageErrors(this, path);
  }

  private migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const done = new Set(this.db.prepare<[], { id: number }>('SELECT id FROM schema_migrations').all().map((r) => r.id));
    for (const m of SQLITE_MIGRATIONS) {
      if (done.has(m.id)) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)').run(m.id, m.name, new Date().toISOString());
      }).immediate();
    }
  }

  async append(draft: EventDraft, newCase?: { kind: string; title: string; parties: readonly string[] }, parties?: readonly string[]): Promise<StoredEvent> {
    const event = this.appendTx(draft, newCase, parties);
    for (const listener of this.listeners) listener(event.caseId, event.version);
    return event;
  }

  async readEvents(caseId: string, afterVersion = 0, limit = 1_000_000): Promise<StoredEvent[]> {
    return this.db.prepare<[string, number, number], EventRow>(
      'SELECT * FROM events WHERE case_id = ? AND version > ? ORDER BY version LIMIT ?').all(caseId, afterVersion, limit).map(toEvent);
  }

  async readMarksOf(caseId: string, fromVersion: number, toVersion: number): Promise<StoredEvent[]> {
    return this.db.prepare<[string, number, number], EventRow>(SQLITE_READ_MARKS_SQL).all(caseId, fromVersion, toVersion).map(toEvent);
  }

  async getCase(caseId: string): Promise<CaseRow | null> {
    const row = this.db.prepare<[string], CaseDbRow>('SELECT * FROM cases WHERE case_id = ?').get(caseId);
    return row ? toCase(row) : null;
  }

  async listCases(): Promise<CaseRow[]> {
    return this.db.prepare<[], CaseDbRow>('SELECT * FROM cases ORDER BY opened_at, case_id').all().map(toCase);
  }

  onAppended(listener: AppendListener): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  async createUser(user: UserRecord): Promise<void> {
    try {
      this.db.prepare('INSERT INTO users (user_name, party, roles, password_hash, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(user.userName, user.party, JSON.stringify(user.roles), user.passwordHash, user.createdAt);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new DuplicateUserError(user.userName);
      throw error;
    }
  }

  async findUser(userName: string): Promise<UserRecord | null> {
    const row = this.db.prepare<[string], UserRow>('SELECT * FROM users WHERE user_name = ?').get(userName);
    return row ? toUser(row) : null;
  }

  async listUsers(): Promise<UserRecord[]> {
    return this.db.prepare<[], UserRow>('SELECT * FROM users ORDER BY user_name').all().map(toUser);
  }

  async updateUser(userName: string, changes: UserChanges): Promise<boolean> {
    const sets: string[] = [];
    const values: unknown[] = [];
    if (changes.roles !== undefined) { sets.push('roles = ?'); values.push(JSON.stringify(changes.roles)); }
    if (changes.passwordHash !== undefined) { sets.push('password_hash = ?'); values.push(changes.passwordHash); }
    if (changes.disabledAt !== undefined) { sets.push('disabled_at = ?'); values.push(changes.disabledAt); }
    if (sets.length === 0) return (await this.findUser(userName)) !== null;
    return this.db.prepare(`UPDATE users SET ${sets.join(', ')} WHERE user_name = ?`).run(...values, userName).changes === 1;
  }

  async deleteSessionsOf(userName: string, except = ''): Promise<number> {
    return this.db.prepare('DELETE FROM sessions WHERE user_name = ? AND token_hash <> ?').run(userName, except).changes;
  }

  async createSession(s: SessionRecord): Promise<void> {
    this.db.prepare('INSERT INTO sessions (token_hash, user_name, created_at, expires_at) VALUES (?, ?, ?, ?)')
      .run(s.tokenHash, s.userName, s.createdAt, s.expiresAt);
  }

  async findSession(tokenHash: string): Promise<SessionRecord | null> {
    const r = this.db.prepare<[string], { token_hash: string; user_name: string; created_at: string; expires_at: string }>(
      'SELECT * FROM sessions WHERE token_hash = ?').get(tokenHash);
    return r ? { tokenHash: r.token_hash, userName: r.user_name, createdAt: r.created_at, expiresAt: r.expires_at } : null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
  }

  async noteLoginFailure(scopes: readonly LoginScope[], atMs: number, windowMs: number): Promise<LoginFailureCount[]> {
    // SET sees the row as it was, so both CASEs test the old window (a window that began at `cutoff` or before has passed)
    const upsert = this.db.prepare<[{ user: string; source: string; at: number; cutoff: number }], { failures: number; window_start_ms: number }>(`
      INSERT INTO login_failures (user_name, source, failures, window_start_ms) VALUES (@user, @source, 1, @at)
      ON CONFLICT (user_name, source) DO UPDATE SET
        failures = CASE WHEN login_failures.window_start_ms <= @cutoff THEN 1 ELSE login_failures.failures + 1 END,
        window_start_ms = CASE WHEN login_failures.window_start_ms <= @cutoff THEN excluded.window_start_ms ELSE login_failures.window_start_ms END
      RETURNING failures, window_start_ms`);
    return this.db.transaction(() => scopes.map((sc) => {
      const row = upsert.get({ user: sc.userName, source: sc.source, at: atMs, cutoff: atMs - windowMs })!;
      return { failures: row.failures, windowStartMs: row.window_start_ms };
    })).immediate();
  }

  async readLoginFailures(scopes: readonly LoginScope[], atMs: number, windowMs: number): Promise<LoginFailureCount[]> {
    const select = this.db.prepare<[string, string], { failures: number; window_start_ms: number }>(
      'SELECT failures, window_start_ms FROM login_failures WHERE user_name = ? AND source = ?');
    return scopes.map((sc) => {
      const row = select.get(sc.userName, sc.source);
      return row && row.window_start_ms > atMs - windowMs ? { failures: row.failures, windowStartMs: row.window_start_ms } : { failures: 0, windowStartMs: 0 };
    });
  }

  async forgetLoginFailures(what: { scopes: readonly LoginScope[] } | { userName: string } | { source: string } | { windowStartedBeforeMs: number }): Promise<number> {
    if ('scopes' in what) {
      const remove = this.db.prepare('DELETE FROM login_failures WHERE user_name = ? AND source = ?');
      return this.db.transaction(() => what.scopes.reduce((n, sc) => n + remove.run(sc.userName, sc.source).changes, 0))();
    }
    if ('windowStartedBeforeMs' in what) return this.db.prepare('DELETE FROM login_failures WHERE window_start_ms < ?').run(what.windowStartedBeforeMs).changes;
    if ('userName' in what) return this.db.prepare('DELETE FROM login_failures WHERE user_name = ?').run(what.userName).changes;
    return this.db.prepare('DELETE FROM login_failures WHERE source = ?').run(what.source).changes;
  }

  async deleteExpiredSessions(now: string): Promise<number> {
    // ISO 8601 UTC texts of one form (toISOString) sort as the times they name
    return this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(new Date(now).toISOString()).changes;
  }

  async appendAudit(entries: readonly AuditEntry[]): Promise<void> {
    const insert = this.db.prepare('INSERT INTO audit (at, user_name, party, action, case_id, status_code, detail) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const e of entries) insert.run(e.at, e.userName, e.party, e.action, e.caseId, e.statusCode, e.detail ?? null);
    })();
  }

  async readAudit(options: { limit?: number; caseId?: string } = {}): Promise<AuditEntry[]> {
    const limit = options.limit ?? 100;
    const rows = options.caseId === undefined
      ? this.db.prepare<[number], AuditDbRow>('SELECT * FROM audit ORDER BY id DESC LIMIT ?').all(limit)
      : this.db.prepare<[string, number], AuditDbRow>('SELECT * FROM audit WHERE case_id = ? ORDER BY id DESC LIMIT ?').all(options.caseId, limit);
    return rows.map(toAudit);
  }

  async saveForcingFile(r: ForcingFileRecord, bytes: Uint8Array): Promise<boolean> {
    const result = this.db.prepare(
      'INSERT INTO forcing_files (sha256, name, size, party, uploaded_by, uploaded_at, contents, withheld, bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING')
      .run(r.sha256, r.name, r.size, r.party, r.uploadedBy, r.uploadedAt, JSON.stringify(r.contents), r.withheld ? 1 : 0, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return result.changes === 1;
  }

  async takeOverWithheldForcingFile(r: ForcingFileRecord, bytes: Uint8Array): Promise<boolean> {
    const result = this.db.prepare(
      'UPDATE forcing_files SET name = ?, size = ?, party = ?, uploaded_by = ?, uploaded_at = ?, contents = ?, withheld = ?, bytes = ? WHERE sha256 = ? AND withheld = 1')
      .run(r.name, r.size, r.party, r.uploadedBy, r.uploadedAt, JSON.stringify(r.contents), r.withheld ? 1 : 0, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), r.sha256);
    return result.changes === 1;
  }

  async findForcingFile(sha256: string): Promise<ForcingFileRecord | null> {
    const row = this.db.prepare<[string], ForcingDbRow>(`SELECT ${FORCING_COLUMNS} FROM forcing_files WHERE sha256 = ?`).get(sha256);
    return row ? toForcing(row) : null;
  }

  async listForcingFiles(): Promise<ForcingFileRecord[]> {
    return this.db.prepare<[], ForcingDbRow>(`SELECT ${FORCING_COLUMNS} FROM forcing_files ORDER BY uploaded_at DESC, sha256`).all().map(toForcing);
  }

  async readForcingBytes(sha256: string): Promise<Uint8Array | null> {
    const row = this.db.prepare<[string], { bytes: Buffer }>('SELECT bytes FROM forcing_files WHERE sha256 = ?').get(sha256);
    return row ? new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) : null;
  }

  async saveDriftRun(r: Omit<DriftRunRecord, 'particleBytes'>, particles: Uint8Array): Promise<void> {
    if (this.db.prepare('SELECT 1 FROM drift_runs WHERE case_id = ? AND run_id = ?').get(r.caseId, r.runId)) {
      throw new Error(`drift run ${r.runId} of case ${r.caseId} is stored already`);
    }
    const insertChunk = this.db.prepare('INSERT OR REPLACE INTO drift_run_particles (case_id, run_id, chunk, bytes) VALUES (?, ?, ?, ?)');
    for (const [k, chunk] of chunksOf(particles).entries()) {
      insertChunk.run(r.caseId, r.runId, k, Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      await new Promise((resolve) => setImmediate(resolve));   // requests and live updates between the chunks
    }
    this.db.prepare(`INSERT INTO drift_runs (case_id, run_id, party, author, requested_at, finished_at, event_version, request, summary, particle_count, stored_times, particle_bytes)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(r.caseId, r.runId, r.party, r.author, r.requestedAt, r.finishedAt, r.eventVersion, JSON.stringify(r.request), JSON.stringify(r.summary),
        r.particleCount, r.storedTimes, particles.byteLength);
  }

  async setDriftRunEvent(caseId: string, runId: string, eventVersion: number): Promise<void> {
    this.db.prepare('UPDATE drift_runs SET event_version = ? WHERE case_id = ? AND run_id = ?').run(eventVersion, caseId, runId);
  }

  async findDriftRun(caseId: string, runId: string): Promise<DriftRunRecord | null> {
    const row = this.db.prepare<[string, string], DriftRunDbRow>(`SELECT ${DRIFT_RUN_COLUMNS} FROM drift_runs WHERE case_id = ? AND run_id = ?`).get(caseId, runId);
    return row ? toDriftRun(row) : null;
  }

  async listDriftRuns(caseId: string): Promise<DriftRunRecord[]> {
    return this.db.prepare<[string], DriftRunDbRow>(`SELECT ${DRIFT_RUN_COLUMNS} FROM drift_runs WHERE case_id = ? ORDER BY finished_at, run_id`).all(caseId).map(toDriftRun);
  }

  async readDriftRunParticles(caseId: string, runId: string): Promise<Uint8Array | null> {
    const run = this.db.prepare<[string, string], { particle_bytes: number }>('SELECT particle_bytes FROM drift_runs WHERE case_id = ? AND run_id = ?').get(caseId, runId);
    if (!run) return null;
    const chunks = this.db.prepare<[string, string], { bytes: Buffer }>('SELECT bytes FROM drift_run_particles WHERE case_id = ? AND run_id = ? ORDER BY chunk').all(caseId, runId);
    return joinChunks(chunks.map((c) => c.bytes), run.particle_bytes);
  }

  async acceptDriftRun(r: AcceptedDriftRun, instance: string, expiresMs: number): Promise<void> {
    this.db.prepare('INSERT INTO drift_runs_accepted (case_id, run_id, party, author, requested_at, request, instance, claim_expires_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(r.caseId, r.runId, r.party, r.author, r.requestedAt, JSON.stringify(r.request), instance, expiresMs);
  }

  async claimDriftRuns(instance: string, nowMs: number, expiresMs: number): Promise<AcceptedDriftRun[]> {
    // one statement: SQLite runs it alone, so two instances never claim the same row
    return this.db.prepare<[string, number, number], AcceptedDbRow>(`UPDATE drift_runs_accepted SET instance = ?, claim_expires_ms = ?
      WHERE instance IS NULL OR claim_expires_ms < ? RETURNING ${ACCEPTED_COLUMNS}`).all(instance, expiresMs, nowMs)
      .map(toAccepted).sort(byRequest);
  }

  async renewDriftRunClaims(instance: string, expiresMs: number, release = false): Promise<void> {
    this.db.prepare('UPDATE drift_runs_accepted SET instance = ?, claim_expires_ms = ? WHERE instance = ?').run(release ? null : instance, expiresMs, instance);
  }

  async forgetAcceptedDriftRun(caseId: string, runId: string): Promise<void> {
    this.db.prepare('DELETE FROM drift_runs_accepted WHERE case_id = ? AND run_id = ?').run(caseId, runId);
  }

  async listAcceptedDriftRuns(caseId: string): Promise<AcceptedDriftRun[]> {
    return this.db.prepare<[string], AcceptedDbRow>(`SELECT ${ACCEPTED_COLUMNS} FROM drift_runs_accepted WHERE case_id = ? ORDER BY requested_at, run_id`).all(caseId).map(toAccepted);
  }

  async health(): Promise<{ database: 'ok' | 'unreachable'; problem?: string }> {
    try {
      this.db.prepare('SELECT 1').get();
      return { database: 'ok' };
    } catch (error) {
      return { database: 'unreachable', problem: (error as Error).message };
    }
  }

  async close(): Promise<void> {
    this.listeners.clear();
    if (this.db.open) this.db.close();
  }
}

interface AuditDbRow { at: string; user_name: string | null; party: string | null; action: string; case_id: string | null; status_code: number; detail: string | null }
const toAudit = (r: AuditDbRow): AuditEntry => ({
  at: r.at, userName: r.user_name, party: r.party, action: r.action, caseId: r.case_id, statusCode: r.status_code,
  ...(r.detail === null ? {} : { detail: r.detail }),
});

const FORCING_COLUMNS = 'sha256, name, size, party, uploaded_by, uploaded_at, contents, withheld';
interface ForcingDbRow { sha256: string; name: string; size: number; party: string; uploaded_by: string; uploaded_at: string; contents: string; withheld: number }
const toForcing = (r: ForcingDbRow): ForcingFileRecord => ({
  sha256: r.sha256, name: r.name, size: r.size, party: r.party, uploadedBy: r.uploaded_by, uploadedAt: r.uploaded_at, contents: JSON.parse(r.contents), withheld: r.withheld === 1,
});

const ACCEPTED_COLUMNS = 'case_id, run_id, party, author, requested_at, request';
interface AcceptedDbRow { case_id: string; run_id: string; party: string; author: string; requested_at: string; request: string }
const toAccepted = (r: AcceptedDbRow): AcceptedDriftRun => ({ caseId: r.case_id, runId: r.run_id, party: r.party, author: r.author, requestedAt: r.requested_at, request: JSON.parse(r.request) });
const byRequest = (a: AcceptedDriftRun, b: AcceptedDriftRun) => (a.requestedAt < b.requestedAt ? -1 : a.requestedAt > b.requestedAt ? 1 : a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : 0);
const DRIFT_RUN_COLUMNS = 'case_id, run_id, party, author, requested_at, finished_at, event_version, request, summary, particle_count, stored_times, particle_bytes';
interface DriftRunDbRow {
  case_id: string; run_id: string; party: string; author: string; requested_at: string; finished_at: string; event_version: number | null;
  request: string; summary: string; particle_count: number; stored_times: number; particle_bytes: number;
}
const toDriftRun = (r: DriftRunDbRow): DriftRunRecord => ({
  caseId: r.case_id, runId: r.run_id, party: r.party, author: r.author, requestedAt: r.requested_at, finishedAt: r.finished_at, eventVersion: r.event_version,
  request: JSON.parse(r.request), summary: JSON.parse(r.summary), particleCount: r.particle_count, storedTimes: r.stored_times, particleBytes: r.particle_bytes,
});
