import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CaseNotFoundError, DuplicateUserError, VersionConflictError } from './errors.js';
import pg from 'pg';
import { POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS } from './migrations.js';
import { POSTGRES_READ_MARKS_SQL, PostgresStore } from './postgres_store.js';
import { freshPostgresDatabase, PG_SKIP_REASON, TEST_PG_URL } from './postgres_test_support.js';
import { SQLITE_READ_MARKS_SQL, SqliteStore } from './sqlite_store.js';
import type { EventDraft, SarbridgeStore } from './store.js';

const newCase = { kind: 'case', title: 'Fishing boat taking water', parties: ['KR', 'JP'] };
const draft = (caseId: string, basedOnVersion: number, payload: unknown = { text: `event ${basedOnVersion + 1}` }): EventDraft => ({
  caseId, basedOnVersion, type: basedOnVersion === 0 ? 'caseOpened' : 'message', author: 'kim', party: 'KR',
  recordedAt: new Date(Date.UTC(2026, 2, 10, 6, 0, basedOnVersion)).toISOString(), releasability: 'everything', payload,
});

/** A forcing file's row as migration 2 wrote it (before migration 8 added `withheld`). */
const ROW_BEFORE_WITHHELD = ['f'.repeat(64), 'old.nc', 3, 'KR', 'kim', '2026-03-01T00:00:00.000Z', JSON.stringify({ quantities: ['current'], start: null, end: null, bounds: null, description: ['old.nc'] })] as const;

/**
 * The same behaviours on every store: `open` gives a fresh store, `reopen` the same data again,
 * `openAfter7` a store migrated up to migration 7 holding ROW_BEFORE_WITHHELD, then opened (and so migrated on).
 */
function storeSuite(name: string, open: () => Promise<SarbridgeStore>, reopen: () => Promise<SarbridgeStore>, openAfter7: () => Promise<SarbridgeStore>): void {
  describe(`${name}: event log`, () => {
    let store: SarbridgeStore;
    beforeAll(async () => { store = await open(); });
    afterAll(async () => { await store.close(); });

    test('the first event creates the case at version 1 and is read back intact', async () => {
      const payload = { kind: 'case', title: 'x', nested: { lonDeg: 131.25, list: [1, 2.5, null], text: 'ß 日本 한국' } };
      const stored = await store.append(draft('c1', 0, payload), newCase);
      expect(stored.version).toBe(1);
      const [read] = await store.readEvents('c1');
      expect(read).toEqual({ ...draft('c1', 0, payload), version: 1 });
      expect(await store.getCase('c1')).toMatchObject({ caseId: 'c1', kind: 'case', parties: ['KR', 'JP'], version: 1 });
    });

    test('appends based on the current version get the next versions, in order', async () => {
      for (let v = 1; v < 5; v++) expect((await store.append(draft('c1', v))).version).toBe(v + 1);
      expect((await store.readEvents('c1')).map((e) => e.version)).toEqual([1, 2, 3, 4, 5]);
      expect((await store.readEvents('c1', 3)).map((e) => e.version)).toEqual([4, 5]);
      expect((await store.readEvents('c1', 1, 2)).map((e) => e.version)).toEqual([2, 3]);
    });

    test('a write based on an old version is refused, names the current version and writes nothing', async () => {
      const error = await store.append(draft('c1', 3)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(VersionConflictError);
      expect((error as VersionConflictError).currentVersion).toBe(5);
      expect((error as Error).message).toMatch(/version 5.*based on version 3/);
      expect(await store.readEvents('c1')).toHaveLength(5);
    });

    test('of concurrent writes based on the same version exactly one wins', async () => {
      const results = await Promise.allSettled(Array.from({ length: 8 }, () => store.append(draft('c1', 5))));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(VersionConflictError);
      expect((await store.getCase('c1'))!.version).toBe(6);
    });

    test("an event that adds a party names it in the case's row, with the event; a refused one changes nothing", async () => {
      await store.append(draft('c0', 0), { kind: 'case', title: 'one party', parties: ['KR'] });
      await expect(store.append(draft('c0', 0), undefined, ['KR', 'CN'])).rejects.toBeInstanceOf(VersionConflictError);
      expect((await store.getCase('c0'))!.parties).toEqual(['KR']);
      await store.append(draft('c0', 1), undefined, ['KR', 'JP']);
      expect(await store.getCase('c0')).toMatchObject({ parties: ['KR', 'JP'], version: 2 });
    });

    test('an unknown case is refused; opening an existing case again is a conflict', async () => {
      await expect(store.append(draft('nope', 1))).rejects.toBeInstanceOf(CaseNotFoundError);
      await expect(store.append(draft('c1', 0), newCase)).rejects.toBeInstanceOf(VersionConflictError);
      expect(await store.getCase('nope')).toBeNull();
      expect(await store.readEvents('nope')).toEqual([]);
    });

    test('listeners hear every append with its case and version', async () => {
      // PostgreSQL delivers NOTIFY asynchronously: the earlier tests' appends (c0, c1) may still be
      // on their way when the listener starts (seen in CI), so only this case's appends are compared
      const heard: string[] = [];
      const stop = store.onAppended((caseId, version) => { if (caseId === 'c2') heard.push(`${caseId}:${version}`); });
      await store.append(draft('c2', 0), { ...newCase, kind: 'exercise' });
      await store.append(draft('c2', 1));
      for (let i = 0; i < 100 && heard.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
      stop();
      expect(heard).toEqual(['c2:1', 'c2:2']);
      expect((await store.listCases()).map((c) => `${c.caseId}/${c.kind}`)).toEqual(['c0/case', 'c1/case', 'c2/exercise']);
    });

    test('readMarksOf finds the corrections and retractions naming events of a range, and nothing else', async () => {
      await store.append(draft('m1', 0), newCase);
      const kinds: [string, unknown][] = [
        ['message', { text: 'a' }], ['message', { text: 'b', eventVersion: 2 }],   // v2, v3: a message with an eventVersion key is no mark
        ['eventCorrected', { eventVersion: 2, reason: 'r' }], ['eventRetracted', { eventVersion: 3, reason: 'r' }],   // v4, v5
        ['eventCorrected', { eventVersion: '2', reason: 'a string is no version' }], ['eventCorrected', { eventVersion: 4, reason: 'r' }],   // v6, v7
      ];
      for (const [k, [type, payload]] of kinds.entries()) await store.append({ ...draft('m1', k + 1, payload), type });
      await store.append(draft('m2', 0), newCase);
      await store.append({ ...draft('m2', 1, { eventVersion: 2, reason: 'another case' }), type: 'eventCorrected' });
      expect((await store.readMarksOf('m1', 2, 3)).map((e) => e.version)).toEqual([4, 5]);
      expect((await store.readMarksOf('m1', 1, 10)).map((e) => e.version)).toEqual([4, 5, 7]);
      expect((await store.readMarksOf('m1', 4, 4))).toMatchObject([{ version: 7, type: 'eventCorrected', payload: { eventVersion: 4 } }]);
      expect(await store.readMarksOf('m1', 5, 9)).toEqual([]);
    });
  });

  describe(`${name}: accounts, sessions, audit`, () => {
    let store: SarbridgeStore;
    beforeAll(async () => { store = await open(); });
    afterAll(async () => { await store.close(); });
    const user = { userName: 'kim', party: 'KR', roles: ['smc', 'admin'], passwordHash: 'scrypt$x', createdAt: '2026-03-10T06:00:00.000Z' };

    test('users are created once and found by name', async () => {
      await store.createUser(user);
      await expect(store.createUser(user)).rejects.toBeInstanceOf(DuplicateUserError);
      expect(await store.findUser('kim')).toEqual(user);
      expect(await store.findUser('lee')).toBeNull();
      expect((await store.listUsers()).map((u) => u.userName)).toEqual(['kim']);
    });

    test('sessions are found by token hash until deleted', async () => {
      const s = { tokenHash: 'abc', userName: 'kim', createdAt: '2026-03-10T06:00:00.000Z', expiresAt: '2026-03-10T18:00:00.000Z' };
      await store.createSession(s);
      expect(await store.findSession('abc')).toEqual(s);
      await store.deleteSession('abc');
      expect(await store.findSession('abc')).toBeNull();
    });

    test('an account is changed field by field: roles, password hash, disabled and enabled again', async () => {
      expect(await store.updateUser('kim', { roles: ['observer'] })).toBe(true);
      expect(await store.findUser('kim')).toEqual({ ...user, roles: ['observer'] });
      expect(await store.updateUser('kim', { passwordHash: 'scrypt$y', disabledAt: '2026-03-10T07:00:00.000Z' })).toBe(true);
      expect(await store.findUser('kim')).toEqual({ ...user, roles: ['observer'], passwordHash: 'scrypt$y', disabledAt: '2026-03-10T07:00:00.000Z' });
      expect(await store.updateUser('kim', { roles: user.roles, passwordHash: user.passwordHash, disabledAt: null })).toBe(true);
      expect(await store.findUser('kim')).toEqual(user);
      expect(await store.updateUser('nobody', { roles: ['smc'] })).toBe(false);
      expect(await store.updateUser('nobody', {})).toBe(false);
    });

    test('expired sessions are purged, the others kept; old sign-in failures too', async () => {
      const s = (tokenHash: string, expiresAt: string) => ({ tokenHash, userName: 'kim', createdAt: '2026-03-10T06:00:00.000Z', expiresAt });
      await store.createSession(s('old', '2026-03-10T18:00:00.000Z'));
      await store.createSession(s('now', '2026-03-11T06:00:00.000Z'));
      await store.createSession(s('new', '2026-03-11T06:00:00.001Z'));
      expect(await store.deleteExpiredSessions('2026-03-11T06:00:00.000Z')).toBe(2);
      expect(await store.findSession('old')).toBeNull();
      expect(await store.findSession('new')).not.toBeNull();
      await store.deleteSession('new');
      await store.noteLoginFailure([{ userName: 'x', source: 'a' }], 1000, 500);
      await store.noteLoginFailure([{ userName: 'x', source: 'b' }], 3000, 500);
      expect(await store.forgetLoginFailures({ windowStartedBeforeMs: 2000 })).toBe(1);
      expect(await store.forgetLoginFailures({ userName: 'x' })).toBe(1);
    });

    test("a user's sessions end together, but for the one kept", async () => {
      const s = (tokenHash: string) => ({ tokenHash, userName: 'kim', createdAt: '2026-03-10T06:00:00.000Z', expiresAt: '2026-03-10T18:00:00.000Z' });
      for (const h of ['t1', 't2', 't3']) await store.createSession(s(h));
      expect(await store.deleteSessionsOf('kim', 't2')).toBe(2);
      expect(await store.findSession('t1')).toBeNull();
      expect(await store.findSession('t2')).toEqual(s('t2'));
      expect(await store.deleteSessionsOf('kim')).toBe(1);
      expect(await store.findSession('t2')).toBeNull();
    });

    test('failed sign-ins are counted per scope within a window, then start again; forgotten by scope, name or source', async () => {
      const pair = { userName: 'kim', source: '10.0.0.1' };
      const bySource = { userName: '', source: '10.0.0.1' };
      const byName = { userName: 'kim', source: '' };
      const t0 = Date.UTC(2026, 2, 10, 6, 0);
      const window = 15 * 60_000;
      expect(await store.noteLoginFailure([pair, bySource], t0, window)).toEqual([{ failures: 1, windowStartMs: t0 }, { failures: 1, windowStartMs: t0 }]);
      expect(await store.noteLoginFailure([pair, bySource, byName], t0 + 1000, window)).toEqual([
        { failures: 2, windowStartMs: t0 }, { failures: 2, windowStartMs: t0 }, { failures: 1, windowStartMs: t0 + 1000 }]);
      expect(await store.readLoginFailures([pair, byName, { userName: 'lee', source: '' }], t0 + 2000, window)).toEqual([
        { failures: 2, windowStartMs: t0 }, { failures: 1, windowStartMs: t0 + 1000 }, { failures: 0, windowStartMs: 0 }]);
      // the window of `pair` has passed: not counted any more, and the next failure starts it again
      expect((await store.readLoginFailures([pair], t0 + window, window))[0].failures).toBe(0);
      expect(await store.noteLoginFailure([pair], t0 + window, window)).toEqual([{ failures: 1, windowStartMs: t0 + window }]);
      // concurrent failures are each counted
      await Promise.all(Array.from({ length: 10 }, () => store.noteLoginFailure([pair], t0 + window + 1, window)));
      expect((await store.readLoginFailures([pair], t0 + window + 2, window))[0].failures).toBe(11);
      expect(await store.forgetLoginFailures({ scopes: [byName] })).toBe(1);
      expect(await store.forgetLoginFailures({ source: '10.0.0.1' })).toBe(2);
      await store.noteLoginFailure([pair, byName], t0 + window, window);
      expect(await store.forgetLoginFailures({ userName: 'kim' })).toBe(2);
      expect(await store.readLoginFailures([pair, byName, bySource], t0 + window, window)).toEqual(Array(3).fill({ failures: 0, windowStartMs: 0 }));
    });

    test('audit lines come back newest first, filtered by case', async () => {
      const line = (n: number, caseId: string | null) => ({ at: `2026-03-10T06:00:0${n}.000Z`, userName: 'kim', party: 'KR', action: `GET /x${n}`, caseId, statusCode: 200 });
      await store.appendAudit([line(1, 'c1'), line(2, null), { ...line(3, 'c1'), statusCode: 403, detail: 'wrong party' }]);
      expect((await store.readAudit()).map((a) => a.action)).toEqual(['GET /x3', 'GET /x2', 'GET /x1']);
      const forCase = await store.readAudit({ caseId: 'c1', limit: 1 });
      expect(forCase).toEqual([{ ...line(3, 'c1'), statusCode: 403, detail: 'wrong party' }]);
    });
  });

  describe(`${name}: forcing files`, () => {
    let store: SarbridgeStore;
    beforeAll(async () => { store = await open(); });
    afterAll(async () => { await store.close(); });
    const contents = {
      quantities: ['wind'], start: '2026-03-10T00:00:00.000Z', end: '2026-03-12T00:00:00.000Z',
      bounds: { westDeg: 128, southDeg: 35, eastDeg: 134, northDeg: 39 }, description: ['wind.nc: NetCDF4', '  title: SYNTHETIC'],
    };
    // every byte value, so a text column or an encoding step would show
    const bytes = new Uint8Array(3 * 256 + 5).map((_, k) => (k * 7 + 3) % 256);
    const record = (sha256: string, uploadedAt: string, party = 'KR') => ({ sha256, name: `${sha256.slice(0, 4)}.nc`, size: bytes.length, party, uploadedBy: 'kim', uploadedAt, contents, withheld: false });

    test('a file is stored once by its SHA-256; its bytes come back exactly', async () => {
      expect(await store.saveForcingFile(record('a'.repeat(64), '2026-03-10T07:00:00.000Z'), bytes)).toBe(true);
      expect(await store.saveForcingFile({ ...record('a'.repeat(64), '2026-03-10T08:00:00.000Z', 'JP'), name: 'again.nc' }, bytes)).toBe(false);
      expect(await store.findForcingFile('a'.repeat(64))).toEqual(record('a'.repeat(64), '2026-03-10T07:00:00.000Z'));
      expect(await store.readForcingBytes('a'.repeat(64))).toEqual(bytes);
      expect(await store.findForcingFile('b'.repeat(64))).toBeNull();
      expect(await store.readForcingBytes('b'.repeat(64))).toBeNull();
    });
    test('the list is newest first, without the bytes', async () => {
      await store.saveForcingFile(record('c'.repeat(64), '2026-03-10T09:00:00.000Z', 'JP'), bytes.subarray(1, 10));
      const list = await store.listForcingFiles();
      expect(list.map((f) => `${f.sha256.slice(0, 1)} ${f.party}`)).toEqual(['c JP', 'a KR']);
      expect(list[0]).not.toHaveProperty('bytes');
      expect(await store.readForcingBytes('c'.repeat(64))).toEqual(bytes.subarray(1, 10));
    });
    test('a withheld file keeps its flag; a new upload takes it over, record and bytes, and only a withheld one', async () => {
      const sha = 'd'.repeat(64);
      const controller = { ...record(sha, '2026-03-10T10:00:00.000Z'), uploadedBy: 'lee', withheld: true };
      expect(await store.saveForcingFile(controller, bytes)).toBe(true);
      expect(await store.findForcingFile(sha)).toEqual(controller);
      expect((await store.listForcingFiles()).map((f) => `${f.sha256.slice(0, 1)} ${f.withheld}`)).toEqual(['d true', 'c false', 'a false']);
      const player = { ...record(sha, '2026-03-10T11:00:00.000Z', 'JP'), name: 'mine.nc', uploadedBy: 'sato' };
      expect(await store.takeOverWithheldForcingFile(player, bytes)).toBe(true);
      expect(await store.findForcingFile(sha)).toEqual(player);
      expect(await store.readForcingBytes(sha)).toEqual(bytes);
      // no longer withheld: a second take-over changes nothing, nor one of a file never withheld
      expect(await store.takeOverWithheldForcingFile({ ...player, uploadedBy: 'kim', party: 'KR' }, bytes)).toBe(false);
      expect(await store.findForcingFile(sha)).toEqual(player);
      expect(await store.takeOverWithheldForcingFile(record('a'.repeat(64), '2026-03-10T12:00:00.000Z', 'JP'), bytes)).toBe(false);
      expect((await store.findForcingFile('a'.repeat(64)))!.party).toBe('KR');
      expect(await store.takeOverWithheldForcingFile(record('e'.repeat(64), '2026-03-10T12:00:00.000Z'), bytes)).toBe(false);
      expect(await store.findForcingFile('e'.repeat(64))).toBeNull();
    });
  });

  describe(`${name}: migration 8 (withheld forcing files)`, () => {
    test('a file stored before it is not withheld, and otherwise unchanged', async () => {
      const store = await openAfter7();
      const [sha256, fileName, size, party, uploadedBy, uploadedAt, contents] = ROW_BEFORE_WITHHELD;
      expect(await store.findForcingFile(sha256)).toEqual({ sha256, name: fileName, size, party, uploadedBy, uploadedAt, contents: JSON.parse(contents), withheld: false });
      expect(await store.readForcingBytes(sha256)).toEqual(new Uint8Array([1, 2, 3]));
      await store.close();
    });
  });

  describe(`${name}: drift runs`, () => {
    let store: SarbridgeStore;
    beforeAll(async () => { store = await open(); await store.append(draft('d1', 0), newCase); });
    afterAll(async () => { await store.close(); });
    // every byte value, so a text column or an encoding step would show
    const blob = new Uint8Array(4 * 256 + 3).map((_, k) => (k * 11 + 5) % 256);
    const run = (runId: string, finishedAt: string) => ({
      caseId: 'd1', runId, party: 'KR', author: 'kim', requestedAt: '2026-03-10T06:00:00.000Z', finishedAt, eventVersion: null,
      request: { particles: 200, forcing: { source: 'demo' } }, summary: { title: 'PIW-1', times: [{ radius50M: 1000.5 }] }, particleCount: 200, storedTimes: 3,
    });
    test('a run is kept with its particle blob byte for byte; its event version is noted after', async () => {
      await store.saveDriftRun(run('r2', '2026-03-10T06:02:00.000Z'), blob);
      await store.saveDriftRun(run('r1', '2026-03-10T06:01:00.000Z'), blob.subarray(3, 103));
      expect(await store.findDriftRun('d1', 'r2')).toEqual({ ...run('r2', '2026-03-10T06:02:00.000Z'), particleBytes: blob.length });
      expect(await store.readDriftRunParticles('d1', 'r2')).toEqual(blob);
      await store.setDriftRunEvent('d1', 'r2', 7);
      expect((await store.findDriftRun('d1', 'r2'))!.eventVersion).toBe(7);
      expect((await store.listDriftRuns('d1')).map((r) => `${r.runId} ${r.particleBytes} ${r.eventVersion}`)).toEqual(['r1 100 null', 'r2 1027 7']);
      expect(await store.readDriftRunParticles('d1', 'r1')).toEqual(blob.subarray(3, 103));
      expect(await store.findDriftRun('d1', 'nope')).toBeNull();
      expect(await store.readDriftRunParticles('other', 'r1')).toBeNull();
      await expect(store.saveDriftRun(run('r1', '2026-03-10T06:03:00.000Z'), blob)).rejects.toThrow();   // a run id is stored once
      // a blob of several chunks (1 MiB each) comes back whole, in order
      const large = new Uint8Array(2.5 * 1024 * 1024 + 7);
      for (let k = 0; k < large.length; k++) large[k] = (k * 31 + (k >> 20)) % 256;
      await store.saveDriftRun(run('r3', '2026-03-10T06:04:00.000Z'), large);
      const back = await store.readDriftRunParticles('d1', 'r3');
      expect(back!.length).toBe(large.length);
      expect(Buffer.from(back!).equals(Buffer.from(large))).toBe(true);   // (toEqual on 2.5 MB takes seconds)
      expect((await store.findDriftRun('d1', 'r3'))!.particleBytes).toBe(large.length);
    });
  });

  describe(`${name}: migrations`, () => {
    test('reopening keeps the data and does not migrate twice', async () => {
      const store = await open();
      await store.append(draft('m1', 0), newCase);
      await store.close();
      const again = await reopen();
      expect((await again.readEvents('m1')).map((e) => e.version)).toEqual([1]);
      await again.close();
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'sarbridge-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let sqliteCount = 0;
let lastSqlite = '';
storeSuite('SQLite',
  async () => new SqliteStore((lastSqlite = join(dir, `s${sqliteCount++}.sqlite`))),
  async () => new SqliteStore(lastSqlite),
  async () => {
    const path = join(dir, `before-8-${sqliteCount++}.sqlite`);
    const raw = new Database(path);
    raw.exec('CREATE TABLE schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of SQLITE_MIGRATIONS.filter((m) => m.id <= 7)) {
      raw.exec(m.sql);
      raw.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)').run(m.id, m.name, '2026-03-01T00:00:00.000Z');
    }
    raw.prepare('INSERT INTO forcing_files (sha256, name, size, party, uploaded_by, uploaded_at, contents, bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(...ROW_BEFORE_WITHHELD, Buffer.from([1, 2, 3]));
    raw.close();
    return new SqliteStore(path);
  });

/** A case of `count` messages, every 50th event corrected by the event after it. */
async function logWithCorrections(store: SarbridgeStore, caseId: string, count: number): Promise<void> {
  await store.append(draft(caseId, 0), newCase);
  for (let v = 1; v < count; v++) {
    await store.append(v % 50 === 0 ? { ...draft(caseId, v, { eventVersion: v, reason: 'fix' }), type: 'eventCorrected' } : draft(caseId, v));
  }
}

describe('the marks of a page are read through their index, not by reading the log', () => {
  test('SQLite: the plan searches events_marks', async () => {
    const path = join(dir, 'marks.sqlite');
    const store = new SqliteStore(path);
    await logWithCorrections(store, 'big', 2000);
    expect((await store.readMarksOf('big', 1, 60)).map((e) => e.version)).toEqual([51]);
    await store.close();
    const raw = new Database(path);
    raw.exec('ANALYZE');
    const plan = raw.prepare(`EXPLAIN QUERY PLAN ${SQLITE_READ_MARKS_SQL}`).all('big', 1, 60) as { detail: string }[];
    raw.close();
    expect(plan.map((p) => p.detail).join('; ')).toMatch(/^SEARCH events USING INDEX events_marks \(case_id=\? AND <expr>>\? AND <expr><\?\)/);
  });

  test.skipIf(!TEST_PG_URL)(`PostgreSQL: the plan scans events_marks ${TEST_PG_URL ? '' : `(${PG_SKIP_REASON})`}`, async () => {
    const db = await freshPostgresDatabase();
    const store = await PostgresStore.open(db.url);
    const raw = new pg.Client({ connectionString: db.url });
    try {
      await logWithCorrections(store, 'big', 2000);
      expect((await store.readMarksOf('big', 1, 60)).map((e) => e.version)).toEqual([51]);
      await raw.connect();
      await raw.query('ANALYZE events');
      const plan = await raw.query(`EXPLAIN ${POSTGRES_READ_MARKS_SQL.replace('$1', "'big'").replace('$2', '1').replace('$3', '60')}`);
      const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(text).toMatch(/Index Scan using events_marks|Bitmap Index Scan on events_marks/);
      expect(text).not.toMatch(/Seq Scan|events_pkey/);
    } finally {
      await raw.end();
      await store.close();
      await db.drop();
    }
  });
});

describe('SqliteStore durability settings', () => {
  test('the file is in WAL mode (synchronous=FULL is set per connection in the constructor)', async () => {
    const path = join(dir, 'wal.sqlite');
    const store = new SqliteStore(path);
    await store.close();
    const raw = new Database(path);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });
});

describe.skipIf(!TEST_PG_URL)(`PostgreSQL store ${TEST_PG_URL ? '' : `(${PG_SKIP_REASON})`}`, () => {
  const drops: (() => Promise<void>)[] = [];
  let lastUrl = '';
  afterAll(async () => { for (const drop of drops) await drop(); });
  storeSuite('PostgreSQL',
    async () => {
      const db = await freshPostgresDatabase();
      drops.push(db.drop);
      lastUrl = db.url;
      return PostgresStore.open(db.url);
    },
    async () => PostgresStore.open(lastUrl),
    async () => {
      const db = await freshPostgresDatabase();
      drops.push(db.drop);
      const raw = new pg.Client({ connectionString: db.url });
      await raw.connect();
      try {
        await raw.query('CREATE TABLE schema_migrations (id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)');
        for (const m of POSTGRES_MIGRATIONS.filter((m) => m.id <= 7)) {
          await raw.query(m.sql);
          await raw.query('INSERT INTO schema_migrations (id, name, applied_at) VALUES ($1, $2, now())', [m.id, m.name]);
        }
        await raw.query('INSERT INTO forcing_files (sha256, name, size, party, uploaded_by, uploaded_at, contents, bytes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [...ROW_BEFORE_WITHHELD, Buffer.from([1, 2, 3])]);
      } finally {
        await raw.end();
      }
      return PostgresStore.open(db.url);
    });

  test('an append on one instance is heard on another (LISTEN/NOTIFY)', async () => {
    const db = await freshPostgresDatabase();
    drops.push(db.drop);
    const a = await PostgresStore.open(db.url);
    const b = await PostgresStore.open(db.url);
    const heard: string[] = [];
    b.onAppended((caseId, version) => heard.push(`${caseId}:${version}`));
    await a.append(draft('x', 0), newCase);
    for (let i = 0; i < 100 && heard.length < 1; i++) await new Promise((r) => setTimeout(r, 20));
    expect(heard).toEqual(['x:1']);
    await a.close();
    await b.close();
  });
});
