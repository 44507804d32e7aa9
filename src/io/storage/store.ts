/**
 * The storage contract of sarbridge: an append-only event log per case (with optimistic version
 * checks), accounts, sessions and the audit log. SQLite (embedded default) and PostgreSQL
 * (several server instances) implement it; the same test suite runs on both.
 */

/** An event as stored: the storage knows its envelope, not the meaning of its payload. */
export interface StoredEvent {
  readonly caseId: string;
  /** Position in the case's log, 1-based and gap-free; also the event's id within the case. */
  readonly version: number;
  readonly type: string;
  /** User name of the author ('system' for events the server wrote itself). */
  readonly author: string;
  /** Party of the author, e.g. 'KR'. */
  readonly party: string;
  /** When the server recorded it, ISO 8601 UTC. */
  readonly recordedAt: string;
  /** The case version the author saw when writing (always version - 1 once stored). */
  readonly basedOnVersion: number;
  /** What other parties may see of it: 'everything' | 'position-only' | 'nothing'. */
  readonly releasability: string;
  readonly payload: unknown;
}

/** An event to append: the store gives it `version = basedOnVersion + 1` or refuses it. */
export type EventDraft = Omit<StoredEvent, 'version'>;

/** What the store keeps about a case besides its events (written with its first event). */
export interface CaseRow {
  readonly caseId: string;
  /** 'case' (a real SAR case) or 'exercise'. */
  readonly kind: string;
  readonly title: string;
  /** Parties taking part, e.g. ['KR', 'JP']. */
  readonly parties: readonly string[];
  readonly version: number;
  readonly openedAt: string;
}

/** A user account; the password is kept only as an scrypt hash (see app/server/passwords.ts). */
export interface UserRecord {
  readonly userName: string;
  readonly party: string;
  readonly roles: readonly string[];
  /** `scrypt$N$r$p$saltBase64$hashBase64` */
  readonly passwordHash: string;
  readonly createdAt: string;
  /** When an administrator disabled the account (absent while it is enabled): it cannot sign in, its sessions end. */
  readonly disabledAt?: string;
}

/** What an administrator may change of an account (only the fields given). */
export interface UserChanges {
  readonly roles?: readonly string[];
  readonly passwordHash?: string;
  /** A time disables the account, null enables it again. */
  readonly disabledAt?: string | null;
}

/** A login session; only the SHA-256 of its token is stored. */
export interface SessionRecord {
  readonly tokenHash: string;
  readonly userName: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

/** One line of the audit log: who read or changed what, and how it ended. */
export interface AuditEntry {
  readonly at: string;
  readonly userName: string | null;
  readonly party: string | null;
  /** e.g. 'POST /api/cases/:caseId/events' */
  readonly action: string;
  readonly caseId: string | null;
  readonly statusCode: number;
  readonly detail?: string;
}

/** What a stored forcing file holds, read from it when it was uploaded (io/netcdf ForcingFile). */
export interface ForcingFileContents {
  /** The quantities found, e.g. ['wind'] or ['current']. */
  readonly quantities: readonly string[];
  /** First and last time covered, ISO 8601 UTC (null for a file without a time axis). */
  readonly start: string | null;
  readonly end: string | null;
  /** Where the grids lie, degrees (null when unknown). */
  readonly bounds: { readonly westDeg: number; readonly southDeg: number; readonly eastDeg: number; readonly northDeg: number } | null;
  /** The reader's description: format, the file's own title and source, variables, grid, times, size. */
  readonly description: readonly string[];
}

/** An uploaded forcing file, stored once by the SHA-256 of its bytes. */
export interface ForcingFileRecord {
  /** Lower-case hex SHA-256 of the bytes: the file's identity (`upload:<sha256>` in planning inputs). */
  readonly sha256: string;
  /** The name it was uploaded under, e.g. 'ecmwf-wind-20260310.nc'. */
  readonly name: string;
  readonly size: number;
  /** Party and user who uploaded it first (or who took over a withheld file: `takeOverWithheldForcingFile`). */
  readonly party: string;
  readonly uploadedBy: string;
  readonly uploadedAt: string;
  readonly contents: ForcingFileContents;
  /**
   * Withheld from the players: exercise control uploaded it as an exercise's truth forcing
   * (`POST /api/forcing?withheld=true`), and the routes answer it as a file that does not exist to
   * anyone but exercise control (app/server/forcing_routes.ts). False for every file stored before.
   */
  readonly withheld: boolean;
}

/**
 * What failed sign-ins are counted under: a user name, a source address, or both ('' for "any").
 * The throttle (app/server/login_throttle.ts) counts each failure under (name, source), ('',
 * source) and (name, ''); the counts live in the store, so every server instance sees them.
 */
export interface LoginScope {
  readonly userName: string;
  readonly source: string;
}

/** The failures counted under one scope in the current window. */
export interface LoginFailureCount {
  readonly failures: number;
  /** When the window began (its first failure), ms since 1970; 0 when there is none. */
  readonly windowStartMs: number;
}

/**
 * A finished drift run as the server keeps it: its request and summary, and its particles packed
 * in a blob (app/drift_job/particle_blob.ts), stored before its `driftRun` event is appended.
 */
export interface DriftRunRecord {
  readonly caseId: string;
  /** A UUID, named by the run's `driftRun` event. */
  readonly runId: string;
  /** Party and user who asked for it. */
  readonly party: string;
  readonly author: string;
  readonly requestedAt: string;
  readonly finishedAt: string;
  /** The version of its `driftRun` event in the case's log (null until that event is stored). */
  readonly eventVersion: number | null;
  /** The run's parameters as the server ran them (the request body, defaults filled in). */
  readonly request: unknown;
  /** The `driftRun` event's summary. */
  readonly summary: unknown;
  readonly particleCount: number;
  /** Output times kept in the blob (all of them, or an even selection for large runs). */
  readonly storedTimes: number;
  /** Size of the particle blob, bytes. */
  readonly particleBytes: number;
}

/**
 * A drift run the server accepted (answered 202) and has not finished: kept until it is stored
 * (saveDriftRun), fails or is cancelled, so that a server that stops does not lose it. The instance
 * running it claims it until a time and renews the claim before then; a run whose claim is released
 * (a server that stopped cleanly) or has expired (one that died) is claimed and run by another.
 */
export interface AcceptedDriftRun {
  readonly caseId: string;
  readonly runId: string;
  readonly party: string;
  readonly author: string;
  readonly requestedAt: string;
  /** The request as accepted (the checked body, defaults filled in, its time in UTC). */
  readonly request: unknown;
}

/** Called after an event is durably stored (on every instance, for PostgreSQL). */
export type AppendListener = (caseId: string, version: number) => void;

/** The storage sarbridge runs on. Every method is safe to call concurrently. */
export interface SarbridgeStore {
  readonly dialect: 'sqlite' | 'postgres';
  /**
   * Append one event atomically: refused with VersionConflictError unless the case is at
   * `draft.basedOnVersion` (0 for a new case, whose first event must carry `newCase`), with
   * CaseNotFoundError when the case does not exist. Resolves once the event is durable.
   * `parties`, for an event that adds a party, are the case's parties from this event on (written
   * in the same transaction).
   */
  append(draft: EventDraft, newCase?: { kind: string; title: string; parties: readonly string[] }, parties?: readonly string[]): Promise<StoredEvent>;
  /** Events of a case with version > afterVersion, in order (at most `limit`). */
  readEvents(caseId: string, afterVersion?: number, limit?: number): Promise<StoredEvent[]>;
  /**
   * The corrections and retractions (`eventCorrected`, `eventRetracted`) of a case that name an
   * event from `fromVersion` to `toVersion` (their `payload.eventVersion`), in order: the marks of
   * a page of events, read through an index (migration 7), not by reading the rest of the log.
   */
  readMarksOf(caseId: string, fromVersion: number, toVersion: number): Promise<StoredEvent[]>;
  /** The case's row, or null. */
  getCase(caseId: string): Promise<CaseRow | null>;
  listCases(): Promise<CaseRow[]>;
  /**
   * Listen for appended events; returns the function that stops listening. A listener may also
   * hear appends committed just before it started (PostgreSQL delivers NOTIFY asynchronously):
   * callers read the events from the version they hold, so a notice is a prompt, not the data.
   */
  onAppended(listener: AppendListener): () => void;

  /** Refused with DuplicateUserError when the name is taken. */
  createUser(user: UserRecord): Promise<void>;
  findUser(userName: string): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;
  /** Change an account; false when there is no account of that name. */
  updateUser(userName: string, changes: UserChanges): Promise<boolean>;
  /** End every session of a user except the one whose token hash is `except`; returns how many ended. */
  deleteSessionsOf(userName: string, except?: string): Promise<number>;
  createSession(session: SessionRecord): Promise<void>;
  findSession(tokenHash: string): Promise<SessionRecord | null>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Delete every session that expired at or before `now` (ISO 8601); returns how many. */
  deleteExpiredSessions(now: string): Promise<number>;

  /**
   * Count one failed sign-in under each scope: a scope whose window (of `windowMs`, from its first
   * failure) has passed starts again at 1. Atomic per scope; returns the counts after it.
   */
  noteLoginFailure(scopes: readonly LoginScope[], atMs: number, windowMs: number): Promise<LoginFailureCount[]>;
  /** The counts of these scopes whose window has not passed at `atMs` (0 failures otherwise). */
  readLoginFailures(scopes: readonly LoginScope[], atMs: number, windowMs: number): Promise<LoginFailureCount[]>;
  /**
   * Forget failures: of exactly these scopes (`scopes`), every scope of a user name or of a
   * source (an administrator's unlock), or those whose window began before a time (a purge).
   * Returns how many scopes were forgotten.
   */
  forgetLoginFailures(what: { scopes: readonly LoginScope[] } | { userName: string } | { source: string } | { windowStartedBeforeMs: number }): Promise<number>;

  /** Append audit lines in one transaction (the server batches them). */
  appendAudit(entries: readonly AuditEntry[]): Promise<void>;
  /** Newest first. */
  readAudit(options?: { limit?: number; caseId?: string }): Promise<AuditEntry[]>;

  /**
   * Store a forcing file once: returns true when stored now, false when a file with the same
   * SHA-256 was stored before (the first upload's record is kept).
   */
  saveForcingFile(record: ForcingFileRecord, bytes: Uint8Array): Promise<boolean>;
  /**
   * A new upload of a withheld file's bytes by someone the file is withheld from: their record (its
   * name, party, user, time and withheld flag) replaces the withheld one, and the bytes are written
   * again as a first upload writes them (so the answer takes as long as a fresh upload's). Returns
   * false, changing nothing, when no withheld file has this SHA-256 (a file not withheld keeps its
   * first upload's record).
   */
  takeOverWithheldForcingFile(record: ForcingFileRecord, bytes: Uint8Array): Promise<boolean>;
  /** The record of the file with this SHA-256, or null. */
  findForcingFile(sha256: string): Promise<ForcingFileRecord | null>;
  /** Every stored forcing file, newest first (without the bytes). */
  listForcingFiles(): Promise<ForcingFileRecord[]>;
  /** The bytes of the file with this SHA-256, or null. */
  readForcingBytes(sha256: string): Promise<Uint8Array | null>;

  /**
   * Keep a finished drift run and its particle blob; a run id is stored once. The blob is written
   * in chunks of 1 MiB (drift_run_chunks.ts), each its own statement (an 18 MB blob in one write
   * held SQLite's synchronous API for a fifth of a second), and the run's row last, so a run that
   * is found has all its chunks.
   */
  saveDriftRun(record: Omit<DriftRunRecord, 'particleBytes'>, particles: Uint8Array): Promise<void>;
  /** Note the version of the run's `driftRun` event once it is appended. */
  setDriftRunEvent(caseId: string, runId: string, eventVersion: number): Promise<void>;
  /** The run's record (without its particles), or null. */
  findDriftRun(caseId: string, runId: string): Promise<DriftRunRecord | null>;
  /** A case's runs, oldest first (without their particles). */
  listDriftRuns(caseId: string): Promise<DriftRunRecord[]>;
  /** The run's particle blob, or null. */
  readDriftRunParticles(caseId: string, runId: string): Promise<Uint8Array | null>;

  /** Keep an accepted drift run until it ends, claimed by `instance` until `expiresMs` (ms since 1970). */
  acceptDriftRun(run: AcceptedDriftRun, instance: string, expiresMs: number): Promise<void>;
  /**
   * Claim for `instance`, until `expiresMs`, every accepted run whose claim was released or had
   * expired at `nowMs` (each row claimed by one instance only); returns them, oldest request first.
   */
  claimDriftRuns(instance: string, nowMs: number, expiresMs: number): Promise<AcceptedDriftRun[]>;
  /** Renew `instance`'s claims until `expiresMs`; with `release`, give them up instead (a server stopping cleanly). */
  renewDriftRunClaims(instance: string, expiresMs: number, release?: boolean): Promise<void>;
  /** Forget an accepted run: it is stored, failed or cancelled. */
  forgetAcceptedDriftRun(caseId: string, runId: string): Promise<void>;
  /** A case's accepted runs not yet ended, on any instance, oldest first. */
  listAcceptedDriftRuns(caseId: string): Promise<AcceptedDriftRun[]>;

  /**
   * Is the database answering (a `SELECT 1`)? For PostgreSQL also whether live notifications
   * are being received (LISTEN) or are being re-established.
   */
  health(): Promise<{ readonly database: 'ok' | 'unreachable'; readonly problem?: string; readonly notifications?: 'listening' | 'reconnecting' }>;

  close(): Promise<void>;
}
