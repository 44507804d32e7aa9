/**
 * An exercise's truth forcing withheld from the players (issue 9): exercise control uploads it with
 * `POST /api/forcing?withheld=true`; to every player role of both parties, and to exercise control
 * of another exercise, it does not exist (not listed, 404, refused in planning inputs and drift runs
 * in exactly the words of a SHA-256 no upload has); a player who uploads the same bytes gets what a
 * fresh upload gets, and the file is theirs and shared from then on. The expected answers are
 * those of an unknown reference, asked for in the same test, not written from the code under test.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { PostgresStore, SqliteStore, type SarbridgeStore } from '../../io/storage/index.js';
import { freshPostgresDatabase, PG_SKIP_REASON, TEST_PG_URL } from '../../io/storage/postgres_test_support.js';
import { TruthTracks } from '../exercise_control/index.js';
import type { SarbridgeApp } from './app.js';
import { DEMO_PLANNING_INPUTS } from './demo_data.js';
import { EXERCISE_USERS, exerciseApp, TRUTH, truthForcingFile } from './exercise_test_support.js';

const truthForcing = truthForcingFile;

// the upload route's reader, counted: an identical upload by a player is read as a fresh one is
const reads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../io/netcdf/index.js', async (original) => {
  const module = await original<typeof import('../../io/netcdf/index.js')>();
  return { ...module, openForcingBytesGuarded: (...args: Parameters<typeof module.openForcingBytesGuarded>) => { reads.count++; return module.openForcingBytesGuarded(...args); } };
});
const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const CASE = 'sarex-1';
const TRUTH_FILE = 'truth-secret-forcing.nc';
const truthBytes = truthForcing('exercise truth forcing');
const SHA = sha256Of(truthBytes);
/** A SHA-256 no upload has: what a withheld file must look like. */
const UNKNOWN = 'e'.repeat(64);
/** Every role that is not exercise control, both parties; and exercise control of another exercise. */
const PLAYERS = ['kim', 'park', 'choi', 'han', 'min', 'kr-admin', 'sato', 'suzuki', 'ito', 'kato', 'mori', 'jp-admin', 'yoon'];
/** The named controllers of the exercise: its director (who uploads the file) and a controller of the other party. */
const CONTROLLERS = ['lee', 'tanaka'];

function withheldSuite(name: string, openStore: () => Promise<SarbridgeStore>): void {
  let app: SarbridgeApp;
  let store: SarbridgeStore;
  let auth: (user: string) => { authorization: string };
  let clock: { nowMs: number };
  const upload = (user: string, fileName: string, bytes: Uint8Array, withheld?: boolean) => app.inject({
    method: 'POST', url: `/api/forcing?name=${encodeURIComponent(fileName)}${withheld === undefined ? '' : `&withheld=${withheld}`}`,
    headers: { ...auth(user), 'content-type': 'application/octet-stream' }, payload: Buffer.from(bytes),
  });
  const controlVersion = async (caseId = CASE) => (await app.inject({ method: 'GET', url: `/api/exercises/${caseId}/control`, headers: auth(caseId === CASE ? 'lee' : 'yoon') })).json().state.version as number;
  const command = async (user: string, type: string, payload: object, caseId = CASE) => {
    const res = await app.inject({ method: 'POST', url: `/api/exercises/${caseId}/control`, headers: auth(user), payload: { basedOnVersion: await controlVersion(caseId), type, payload } });
    expect(res.statusCode, res.body).toBe(201);
  };
  const caseVersion = async () => (await app.inject({ method: 'GET', url: `/api/cases/${CASE}/events`, headers: auth('lee') })).json().events.at(-1).version as number;
  const inputsNaming = (sha: string) => ({ ...DEMO_PLANNING_INPUTS, forcing: { wind: [{ file: `upload:${sha}` }], current: [{ file: 'demo:east-sea-currents.nc' }] } });
  const planningInputs = async (user: string, sha: string) => app.inject({ method: 'POST', url: `/api/cases/${CASE}/events`, headers: auth(user),
    payload: { basedOnVersion: await caseVersion(), type: 'planningInputs', payload: { inputs: inputsNaming(sha) } } });
  const driftRun = async (user: string, sha: string) => app.inject({ method: 'POST', url: `/api/cases/${CASE}/drift-runs?wait=true`, headers: auth(user), payload: {
    lkp: { position: { lonDeg: 131.25, latDeg: 37.2 }, time: '2026-03-10T06:00Z' }, durationH: 1, particles: 20,
    forcing: { source: 'files', wind: [`upload:${sha}`], current: [`upload:${sha}`] } } });
  /** An answer as text with the SHA-256 asked for written as UNKNOWN's, to compare with the answer for UNKNOWN. */
  const asUnknown = (res: { statusCode: number; body: string }, sha: string) => ({ status: res.statusCode, body: res.body.replaceAll(sha, UNKNOWN) });
  const listed = async (user: string) => (await app.inject({ method: 'GET', url: '/api/forcing', headers: auth(user) })).json().files as { sha256: string; name: string; party: string | null; uploadedBy: string | null; withheld: boolean }[];

  beforeAll(async () => {
    ({ app, store, auth, clock } = await exerciseApp('2026-03-10T07:30:00.000Z', await openStore()));
    // the exercise, its controllers; another exercise of the same programme entry, yoon its director
    expect((await app.inject({ method: 'POST', url: '/api/exercises', headers: auth('lee'), payload: { programmeItemId: 'sarex-1' } })).statusCode).toBe(201);
    await command('lee', 'controllersSet', { controllers: ['tanaka'] });
    expect((await app.inject({ method: 'POST', url: '/api/exercises', headers: auth('yoon'), payload: { programmeItemId: 'sarex-1', caseId: 'other' } })).statusCode).toBe(201);
    // the truth forcing, withheld, and the truth on it
    const res = await upload('lee', TRUTH_FILE, truthBytes, true);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().file).toMatchObject({ ref: `upload:${SHA}`, name: TRUTH_FILE, party: 'KR', uploadedBy: 'lee', withheld: true });
    await command('lee', 'truthSet', { ...TRUTH, forcing: { wind: `upload:${SHA}`, current: `upload:${SHA}` } });
  }, 60_000);
  afterAll(async () => { await app.close(); await store.close(); });

  describe(`an exercise's truth forcing withheld from the players (${name})`, () => {
    test('only exercise control may upload withheld: any other role gets 403, and nothing is stored', async () => {
      const other = truthForcing('another try');
      for (const user of PLAYERS.filter((u) => !EXERCISE_USERS[u].roles.includes('exercise-control'))) {
        const res = await upload(user, 'mine.nc', other, true);
        expect(res.statusCode, `${user}: ${res.body}`).toBe(403);
        expect(res.json()).toMatchObject({ code: 'SARB_ACCESS_DENIED' });
        expect(res.json().message).toBe(`a withheld upload (an exercise's truth forcing, kept from the players) needs role exercise-control; ${user} holds ${EXERCISE_USERS[user].roles.join(', ')}`);
      }
      expect(await store.findForcingFile(sha256Of(other))).toBeNull();
    });

    test('to every player role of both parties, and to exercise control of another exercise, it does not exist', async () => {
      for (const user of PLAYERS) {
        const files = await listed(user);
        expect(files.map((f) => f.sha256), `${user} lists`).not.toContain(SHA);
        expect(JSON.stringify(files), `${user} lists`).not.toMatch(new RegExp(`${SHA}|${TRUTH_FILE}`));
        for (const ref of [`upload:${SHA}`, SHA]) {
          const got = await app.inject({ method: 'GET', url: `/api/forcing/${ref}`, headers: auth(user) });
          const unknown = await app.inject({ method: 'GET', url: `/api/forcing/${ref.replace(SHA, UNKNOWN)}`, headers: auth(user) });
          expect(got.statusCode, `${user} GET ${ref}`).toBe(404);
          expect(asUnknown(got, SHA), `${user} GET ${ref}`).toEqual(asUnknown(unknown, UNKNOWN));
          expect(got.headers['cache-control']).toBe(unknown.headers['cache-control']);
        }
        // planning inputs and a drift run naming it: whatever the role, the answer to an unknown SHA-256
        for (const write of [planningInputs, driftRun]) {
          const got = await write(user, SHA);
          const unknown = await write(user, UNKNOWN);
          expect(asUnknown(got, SHA), `${user} ${write === planningInputs ? 'planning inputs' : 'drift run'}`).toEqual(asUnknown(unknown, UNKNOWN));
          expect(got.statusCode).not.toBe(201);
        }
      }
      // the words of the refusals that reached a writer: those of a SHA-256 no upload has
      const kim = (await planningInputs('kim', SHA)).json();
      expect(kim).toMatchObject({ code: 'SARB_INVALID_INPUT', message: `payload/inputs/forcing/wind/0/file: no uploaded forcing file has SHA-256 ${SHA} (GET /api/forcing lists them)` });
      expect((await driftRun('sato', SHA)).json().message).toBe(`body/forcing/wind/0: no uploaded forcing file has SHA-256 ${SHA} (GET /api/forcing lists them)`);
    });

    test('exercise control of another exercise naming it in that exercise\'s truth is answered as for a file that does not exist, and still does not see it', async () => {
      const truthOn = async (sha: string) => app.inject({ method: 'POST', url: '/api/exercises/other/control', headers: auth('yoon'),
        payload: { basedOnVersion: await controlVersion('other'), type: 'truthSet', payload: { ...TRUTH, forcing: { wind: `upload:${sha}`, current: `upload:${sha}` } } } });
      const got = await truthOn(SHA);
      const unknown = await truthOn(UNKNOWN);
      expect(got.statusCode, got.body).toBe(422);
      expect(asUnknown(got, SHA)).toEqual(asUnknown(unknown, UNKNOWN));
      expect(got.json().message).toContain(`no forcing file 'upload:${SHA}' on this server`);
      expect((await listed('yoon')).map((f) => f.sha256)).not.toContain(SHA);
    });

    test('the named controllers list it and read it, never cached; the players\' inputs and drift runs may not name it, which they are told', async () => {
      for (const user of CONTROLLERS) {
        const file = (await listed(user)).find((f) => f.sha256 === SHA);
        expect(file, `${user} lists`).toMatchObject({ name: TRUTH_FILE, party: 'KR', uploadedBy: 'lee', withheld: true });
        const got = await app.inject({ method: 'GET', url: `/api/forcing/upload:${SHA}`, headers: auth(user) });
        expect(got.statusCode, user).toBe(200);
        expect(sha256Of(got.rawPayload)).toBe(SHA);
        expect(got.headers['cache-control']).toBe('no-store');
        const inputs = await planningInputs(user, SHA);
        expect(inputs.statusCode, inputs.body).toBe(400);
        expect(inputs.json().message).toBe(`payload/inputs/forcing/wind/0/file: upload:${SHA} is withheld from the players (an exercise's truth forcing): planning inputs, which the players read, may not name it`);
        const run = await driftRun(user, SHA);
        expect(run.json().message, run.body).toMatch(/withheld from the players/);
      }
    });

    test("the truth's track is computed from it", async () => {
      const control = (await app.exercises.controlOf(CASE))!;
      const track = (await app.exercises.truthTrackOf(CASE, control.state))!;
      const first = track.points[0];
      const last = track.points.at(-1)!;
      // 30 h on this current (0.5 m/s toward the north, the truth's perturbation 0.9 and -5 degrees: 0.45 m/s) and the leeway of an
      // east wind: about 48 km north, 0.44 degrees, less where the wind's crosswind leeway turns it; on the demo forcing it goes elsewhere
      const onDemo = await new TruthTracks(store).track('demo', TRUTH, null);
      expect(last.latDeg - first.latDeg).toBeGreaterThan(0.3);
      expect(Math.abs(onDemo.points.at(-1)!.latDeg - last.latDeg) + Math.abs(onDemo.points.at(-1)!.lonDeg - last.lonDeg)).toBeGreaterThan(0.1);
      expect(last.timeS - first.timeS).toBe(TRUTH.durationH * 3600);
    });

    test("the audit log an admin of the uploader's party reads names neither the file nor its SHA-256", async () => {
      await app.audit.flush();
      const audit = await app.inject({ method: 'GET', url: '/api/audit?limit=1000', headers: auth('kr-admin') });
      expect(audit.statusCode).toBe(200);
      expect(audit.body).toContain('a forcing file withheld from the players');
      expect(audit.body).not.toMatch(new RegExp(`${SHA}|${TRUTH_FILE}`));
    });

    test('exercise control of another exercise uploading the same bytes withheld gets a fresh upload of its own; the exercise\'s controllers still read it', async () => {
      clock.nowMs = Date.parse('2026-03-10T08:00:00.000Z');
      const res = await upload('yoon', 'yoon-wind.nc', truthBytes, true);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().file).toMatchObject({ name: 'yoon-wind.nc', party: 'KR', uploadedBy: 'yoon', uploadedAt: '2026-03-10T08:00:00.000Z', withheld: true });
      expect((await listed('yoon')).find((f) => f.sha256 === SHA)).toMatchObject({ uploadedBy: 'yoon' });
      for (const user of CONTROLLERS) expect((await app.inject({ method: 'GET', url: `/api/forcing/${SHA}`, headers: auth(user) })).statusCode, user).toBe(200);   // the truth names it
      for (const user of PLAYERS.filter((u) => u !== 'yoon')) expect((await listed(user)).map((f) => f.sha256), user).not.toContain(SHA);
    });

    test('a player who uploads the same bytes gets what a fresh upload gets, and the file is theirs and shared from then on', async () => {
      clock.nowMs = Date.parse('2026-03-10T09:00:00.000Z');
      // a fresh upload, for the shape of the answer
      const freshBytes = truthForcing('a forecast of my own');
      const before = reads.count;
      const fresh = await upload('sato', 'my-forecast.nc', freshBytes);
      expect(fresh.statusCode).toBe(201);
      expect(reads.count - before, 'a fresh upload is read').toBe(1);
      const same = await upload('sato', 'jma-forecast.nc', truthBytes);
      expect(same.statusCode, same.body).toBe(201);
      expect(reads.count - before, 'the same bytes as the withheld file are read as a fresh upload is').toBe(2);
      const mine = { name: 'jma-forecast.nc', party: 'JP', uploadedBy: 'sato', uploadedAt: '2026-03-10T09:00:00.000Z', withheld: false };
      expect(same.json().file).toMatchObject({ ref: `upload:${SHA}`, sha256: SHA, size: truthBytes.length, synthetic: false, ...mine });
      expect(Object.keys(same.json().file).sort()).toEqual(Object.keys(fresh.json().file).sort());
      expect(same.body).not.toMatch(/lee|yoon|truth-secret|KR/);
      // every user, controllers included, now sees sato's shared file
      for (const user of [...PLAYERS, ...CONTROLLERS]) {
        expect((await listed(user)).find((f) => f.sha256 === SHA), user).toMatchObject(mine);
        const got = await app.inject({ method: 'GET', url: `/api/forcing/upload:${SHA}`, headers: auth(user) });
        expect(got.statusCode, user).toBe(200);
        expect(got.headers['cache-control']).toBe('private, max-age=31536000, immutable');
      }
      // the same bytes once more: the first upload's record, as for any shared file
      const again = await upload('kim', 'again.nc', truthBytes);
      expect(again.statusCode).toBe(200);
      expect(reads.count - before, 'a shared file uploaded again is not read again').toBe(2);
      expect(again.json().file).toMatchObject(mine);
      // the audit line of sato's upload is a fresh upload's
      await app.audit.flush();
      const lines = (await app.inject({ method: 'GET', url: '/api/audit?limit=1000', headers: auth('jp-admin') })).json().entries as { action: string; detail?: string }[];
      expect(lines.map((l) => l.detail)).toContain(`forcing 'jma-forecast.nc' (${truthBytes.length} bytes, sha256 ${SHA})`);
      // the players plan and drift on it; the truth's track still opens it
      expect((await planningInputs('kim', SHA)).statusCode).toBe(201);
      expect((await driftRun('sato', SHA)).statusCode).toBe(201);
      const control = (await app.exercises.controlOf(CASE))!;
      expect((await app.exercises.truthTrackOf(CASE, control.state))!.points.length).toBeGreaterThan(1);
    }, 60_000);
  });
}

withheldSuite('SQLite', async () => new SqliteStore(':memory:'));
describe.skipIf(!TEST_PG_URL)(`PostgreSQL ${TEST_PG_URL ? '' : `(${PG_SKIP_REASON})`}`, () => {
  let drop: () => Promise<void> = async () => undefined;
  afterAll(async () => { await drop(); });
  withheldSuite('PostgreSQL', async () => {
    const db = await freshPostgresDatabase();
    drop = db.drop;
    return PostgresStore.open(db.url);
  });
});
