/**
 * The authorisation matrix of a shared case (issue 11): every case route, as every role of both
 * parties and of a party outside the case, for events written at every releasability level, over
 * HTTP and live, and the drift-run routes (POST, GET one and the list, particles, DELETE of a run
 * running and of one finished, the runs' states on the live feed) as every user at every level. The expected answers come from the rules as docs/architecture.md and
 * docs/errors.md state them, written out here (WRITERS, READERS, expectedView), not from the
 * code under test. The test prints how many combinations it checked and asserts the count.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { checkPlan, requiredNotifications } from '../../core/cooperation/index.js';
import { loadCooperationConfig, loadPlanFile } from '../../io/cooperation/index.js';
import { projectPath } from '../../io/project_files.js';
import { PostgresStore, SqliteStore, type SarbridgeStore } from '../../io/storage/index.js';
import { freshPostgresDatabase, PG_SKIP_REASON, TEST_PG_URL } from '../../io/storage/postgres_test_support.js';
import type { SarbridgeApp } from './app.js';
import { buildApp } from './app.js';
import { hashPassword } from './passwords.js';
import { TEST_PASSWORD, TEST_SCRYPT } from './server_test_support.js';

const agreement = loadCooperationConfig(projectPath('examples/cooperation/korea-japan.yaml'));
const required = requiredNotifications(checkPlan(agreement, loadPlanFile(projectPath('examples/cooperation/plan-example.json')).plan));

const PARTIES = ['KR', 'JP', 'CN'] as const;   // CN takes no part in the case
const ROLES = ['smc', 'osc', 'exercise-control', 'liaison-officer', 'observer', 'programme-staff', 'admin'] as const;
const LEVELS = ['everything', 'position-only', 'nothing'] as const;
type Party = (typeof PARTIES)[number]; type Role = (typeof ROLES)[number]; type Level = (typeof LEVELS)[number];
const STRICTNESS: Record<Level, number> = { everything: 0, 'position-only': 1, nothing: 2 };

/** Who may write each type in a real case (docs/architecture.md, the case log's roles). */
const WRITERS: Record<string, readonly Role[]> = {
  report: ['smc', 'osc', 'liaison-officer'], message: ['smc', 'osc', 'liaison-officer'], sighting: ['smc', 'osc'], unitPosition: ['smc', 'osc'],
  searchDone: ['smc', 'osc'], planIssued: ['smc'], notificationAcknowledged: ['smc', 'liaison-officer'], statusChangeAgreed: ['smc'],
};
/** Types released to every party whatever the author asks (another level is refused). */
const ALWAYS_EVERYTHING = new Set(['notificationAcknowledged', 'statusChangeAgreed']);
/** Roles that read a real case. */
const READERS: readonly Role[] = ['smc', 'osc', 'exercise-control', 'liaison-officer', 'observer'];
/** Each party's own unit and its releasability to the other (examples/cooperation/korea-japan.yaml). */
const OWN_UNIT: Record<string, { id: string; level: Level }> = { KR: { id: 'kr-ship-1', level: 'position-only' }, JP: { id: 'jp-ship-1', level: 'everything' }, CN: { id: 'kr-ship-1', level: 'everything' } };
const at = { lonDeg: 127.5, latDeg: 36.5 };   // in KR's SRR, no contested feature near: a plan here raises no notification

function payloadOf(type: string, party: Party, canary: string): Record<string, unknown> {
  const unitId = OWN_UNIT[party].id;
  switch (type) {
    case 'report': return { text: canary, position: at };
    case 'message': return { text: canary };
    case 'sighting': return { text: canary, position: at };
    case 'unitPosition': return { unitId, position: at, courseDeg: 90 };
    case 'searchDone': return { unitId, podPercent: 40, text: canary };
    case 'planIssued': return { planId: canary, text: canary, plan: { datumTrack: [{ timeS: Date.parse('2026-03-10T06:00Z') / 1000, ...at }], units: [] } };
    case 'notificationAcknowledged': return { notificationId: required.find((n) => n.toParty === party)?.id ?? required[0].id, note: canary };
    case 'statusChangeAgreed': return { to: 'closed', reason: canary };
    default: throw new Error(type);
  }
}

interface Written { version: number; type: string; party: Party; author: string; level: Level; payload: Record<string, unknown> }
/** What a viewer of `viewer` must receive of an event (docs/architecture.md, releasability). */
function expectedView(e: Written, caseId: string, viewer: Party): Record<string, unknown> | 'whole' {
  if (e.party === viewer || e.level === 'everything') return 'whole';
  if (e.level === 'nothing') return { caseId, version: e.version, withheld: true };
  const kept: Record<string, unknown> = {};
  for (const f of ['unitId', 'position', 'time']) if (e.payload[f] !== undefined) kept[f] = e.payload[f];
  return { caseId, version: e.version, type: e.type, party: e.party, recordedAt: expect.any(String), releasability: 'position-only', payload: kept, redacted: true };
}

const users: { name: string; party: Party; role: Role }[] = PARTIES.flatMap((party) => ROLES.map((role) => ({ name: `${party.toLowerCase()}-${role}`, party, role })));
/** The same matrix on each store. */
function matrixSuite(name: string, openStore: () => Promise<SarbridgeStore>): void {
  let store: SarbridgeStore;
  let app: SarbridgeApp;
  let base: string;
  const tokens: Record<string, string> = {};
  const auth = (user: string) => ({ authorization: `Bearer ${tokens[user]}` });
  let caseId: string;
  const sockets: Record<string, { socket?: WebSocket; status?: number; events: Record<string, unknown>[] }> = {};
  const written: Written[] = [];
  const counts = { writes: 0, reads: 0, live: 0, pictures: 0, lists: 0, upgrades: 0, driftPosts: 0, driftReads: 0, driftParticles: 0, driftCancels: 0, driftLists: 0, driftLive: 0 };
  const driftMessages: Record<string, { runId: string; state: string; party: string }[]> = {};

  beforeAll(async () => {
    store = await openStore();
    const hash = await hashPassword(TEST_PASSWORD, TEST_SCRYPT);
    for (const u of users) await store.createUser({ userName: u.name, party: u.party, roles: [u.role], passwordHash: hash, createdAt: '2026-03-01T00:00:00.000Z' });
    app = await buildApp({ store, agreement, clock: () => new Date('2026-03-10T08:00:00Z'), exerciseTickMs: 0 });
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `127.0.0.1:${(app.server.address() as { port: number }).port}`;
    for (const u of users) tokens[u.name] = (await app.inject({ method: 'POST', url: '/api/session', payload: { userName: u.name, password: TEST_PASSWORD } })).json().token;
    caseId = (await app.inject({ method: 'POST', url: '/api/cases', headers: auth('kr-smc'), payload: { kind: 'case', title: 'matrix', parties: ['KR', 'JP'] } })).json().caseId;
    written.push({ version: 1, type: 'caseOpened', party: 'KR', author: 'kr-smc', level: 'everything', payload: { kind: 'case', title: 'matrix', parties: ['KR', 'JP'] } });
    // every user opens the live feed before the writes: the readers receive them as they come
    await Promise.all(users.map((u) => new Promise<void>((resolve) => {
      const entry: (typeof sockets)[string] = { events: [] };
      sockets[u.name] = entry;
      const socket = new WebSocket(`ws://${base}/api/cases/${caseId}/live?afterVersion=0`, { headers: auth(u.name) });
      driftMessages[u.name] = [];
      socket.on('message', (data) => {
        const m = JSON.parse(String(data));
        if (m.kind === 'event') entry.events.push(m.event);
        if (m.kind === 'driftRun') driftMessages[u.name].push(m.run);
      });
      socket.once('open', () => { entry.socket = socket; resolve(); });
      socket.once('unexpected-response', (_req, res) => { entry.status = res.statusCode; resolve(); });
    })));
  }, 60_000);
  afterAll(async () => { for (const s of Object.values(sockets)) s.socket?.close(); await app.close(); await store.close(); });

  describe(`the authorisation matrix of a shared case (${name})`, () => {
    test('live upgrades: readers of both parties in, other roles 403, the party outside 404', () => {
      for (const u of users) {
        const expected = u.party === 'CN' ? 404 : READERS.includes(u.role) ? undefined : 403;
        expect(sockets[u.name].status, u.name).toBe(expected);
        counts.upgrades++;
      }
    });

    test('POST events: every type, as every role of each party, at every level', async () => {
      for (const u of users) {
        for (const type of Object.keys(WRITERS)) {
          for (const level of LEVELS) {
            const canary = `CANARY-${u.name}-${type}-${level}`;
            const payload = payloadOf(type, u.party, canary);
            const version = written.length;
            const res = await app.inject({ method: 'POST', url: `/api/cases/${caseId}/events`, headers: auth(u.name), payload: { basedOnVersion: version, type, payload, releasability: level } });
            const expected = u.party === 'CN' ? 404 : !WRITERS[type].includes(u.role) ? 403 : ALWAYS_EVERYTHING.has(type) && level !== 'everything' ? 400 : 201;
            expect(res.statusCode, `${u.name} ${type} ${level}: ${res.body}`).toBe(expected);
            if (expected === 403) expect(res.json().code).toBe('SARB_ACCESS_DENIED');
            if (expected === 404) expect(res.json()).toMatchObject({ code: 'SARB_CASE_NOT_FOUND', message: `case '${caseId}' does not exist` });
            counts.writes++;
            if (res.statusCode !== 201) continue;
            // an event about a unit is released no further than the unit
            const unitLevel = typeof payload.unitId === 'string' ? OWN_UNIT[u.party].level : 'everything';
            const effective = STRICTNESS[unitLevel] > STRICTNESS[level] ? unitLevel : level;
            written.push({ version: version + 1, type, party: u.party, author: u.name, level: effective, payload });
          }
        }
      }
    }, 120_000);

    /** The drift runs written: finished ones (with their event) and cancelled ones, with who may see them. */
    const runs: { runId: string; party: Party; level: Level; finished: boolean }[] = [];
    /** A run is seen by its party, and by the other party of the case when it is released `everything` (docs/architecture.md). */
    const maySeeRun = (r: (typeof runs)[number], u: (typeof users)[number]) => u.party !== 'CN' && READERS.includes(u.role) && (r.party === u.party || r.level === 'everything');
    /** The answer a user gets on a route of one run: 404 outside the case or when the run is not theirs to see, 403 for a role that reads no case. */
    const runStatus = (r: (typeof runs)[number], u: (typeof users)[number]) => (u.party === 'CN' ? 404 : !READERS.includes(u.role) ? 403 : maySeeRun(r, u) ? 200 : 404);

    test('drift runs: POST, GET one, the list, particles, DELETE, as every role of each party, at every level; the live feed tells no one of a run they may not see', async () => {
      const small = { lkp: { position: at, time: '2026-03-10T06:00Z' }, particles: 50, durationH: 1, coastline: 'none', forcing: { source: 'constant', windSpeedMps: 10, windFromDeg: 270, currentSpeedMps: 0.2, currentTowardDeg: 90 } };
      for (const u of users) {
        for (const level of LEVELS) {
          const res = await app.inject({ method: 'POST', url: `/api/cases/${caseId}/drift-runs?wait=true`, headers: auth(u.name), payload: { ...small, releasability: level } });
          const expected = u.party === 'CN' ? 404 : u.role !== 'smc' ? 403 : 201;
          expect(res.statusCode, `${u.name} drift run ${level}: ${res.body}`).toBe(expected);
          if (expected === 403) expect(res.json().code).toBe('SARB_ACCESS_DENIED');
          if (expected === 404) expect(res.json().code).toBe('SARB_CASE_NOT_FOUND');
          counts.driftPosts++;
          if (res.statusCode !== 201) continue;
          const { run, event } = res.json();
          expect(event.version).toBe(written.length + 1);
          runs.push({ runId: run.runId, party: u.party, level, finished: true });
          written.push({ version: event.version, type: 'driftRun', party: u.party, author: u.name, level, payload: event.payload });
        }
      }
      // a run still going, of each party: KR's released to both, JP's to no one else; every user tries to cancel both, the SMC of its party last
      const long = { ...small, particles: 20_000, durationH: 72, timeStepMin: 1, outputEverySteps: 60 };
      for (const [party, level] of [['KR', 'everything'], ['JP', 'nothing']] as const) {
        const posted = await app.inject({ method: 'POST', url: `/api/cases/${caseId}/drift-runs`, headers: auth(`${party.toLowerCase()}-smc`), payload: { ...long, releasability: level } });
        expect(posted.statusCode, posted.body).toBe(202);
        const run = { runId: posted.json().run.runId as string, party: party as Party, level: level as Level, finished: false };
        runs.push(run);
        for (const u of [...users.filter((v) => v.name !== `${party.toLowerCase()}-smc`), users.find((v) => v.name === `${party.toLowerCase()}-smc`)!]) {
          const res = await app.inject({ method: 'DELETE', url: `/api/cases/${caseId}/drift-runs/${run.runId}`, headers: auth(u.name) });
          const seen = runStatus(run, u);
          const expected = seen !== 200 ? seen : u.party === party && u.role === 'smc' ? 200 : 403;
          expect(res.statusCode, `${u.name} cancels ${party}'s running run (${level}): ${res.body}`).toBe(expected);
          if (expected === 200) expect(res.json().run).toMatchObject({ runId: run.runId, state: 'cancelled' });
          if (expected === 404) expect(res.body).not.toContain('"state"');
          counts.driftCancels++;
        }
      }
      for (const r of runs) {
        for (const u of users) {
          const one = await app.inject({ method: 'GET', url: `/api/cases/${caseId}/drift-runs/${r.runId}`, headers: auth(u.name) });
          const particles = await app.inject({ method: 'GET', url: `/api/cases/${caseId}/drift-runs/${r.runId}/particles`, headers: auth(u.name) });
          const seen = runStatus(r, u);
          expect(one.statusCode, `${u.name} GET ${r.party}'s run (${r.level})`).toBe(seen);
          if (seen === 200) expect(one.json().run).toMatchObject({ runId: r.runId, party: r.party, state: r.finished ? 'done' : 'cancelled' });
          else expect(one.body).not.toContain('"state"');
          // the particles of a cancelled run do not exist; of a finished one, whoever may see the run reads them
          expect(particles.statusCode, `${u.name} GET ${r.party}'s particles (${r.level})`).toBe(seen === 200 && !r.finished ? 404 : seen);
          if (particles.statusCode === 200) expect(particles.headers['content-type']).toBe('application/octet-stream');
          else expect(particles.json().code).toMatch(/^SARB_(CASE_NOT_FOUND|DRIFT_RUN_NOT_FOUND|ACCESS_DENIED)$/);
          counts.driftReads++; counts.driftParticles++;
          if (!r.finished) continue;
          // a finished run is not cancelled: 409 to an SMC of its party, 403 to any other who sees it
          const cancel = await app.inject({ method: 'DELETE', url: `/api/cases/${caseId}/drift-runs/${r.runId}`, headers: auth(u.name) });
          expect(cancel.statusCode, `${u.name} cancels ${r.party}'s finished run (${r.level})`).toBe(seen !== 200 ? seen : u.party === r.party && u.role === 'smc' ? 409 : 403);
          counts.driftCancels++;
        }
      }
      for (const u of users) {
        const list = await app.inject({ method: 'GET', url: `/api/cases/${caseId}/drift-runs`, headers: auth(u.name) });
        expect(list.statusCode, u.name).toBe(u.party === 'CN' ? 404 : READERS.includes(u.role) ? 200 : 403);
        counts.driftLists++;
        if (list.statusCode !== 200) { expect(list.body).not.toContain('runId'); continue; }
        const listed = (list.json().runs as { runId: string }[]).map((r) => r.runId).sort();
        expect(listed, `${u.name} lists`).toEqual(runs.filter((r) => maySeeRun(r, u)).map((r) => r.runId).sort());
      }
      // live: a run's state reaches exactly those who may see the run, and its end reaches each of them
      for (const u of users) {
        if (!sockets[u.name].socket) { expect(driftMessages[u.name]).toEqual([]); continue; }
        const visible = runs.filter((r) => maySeeRun(r, u));
        const ended = () => visible.every((r) => driftMessages[u.name].some((m) => m.runId === r.runId && m.state === (r.finished ? 'done' : 'cancelled')));
        for (let i = 0; i < 500 && !ended(); i++) await new Promise((r) => setTimeout(r, 20));
        expect(ended(), `${u.name} live: every run it may see ends on its feed`).toBe(true);
        const told = new Set(driftMessages[u.name].map((m) => m.runId));
        for (const r of runs) {
          expect(told.has(r.runId), `${u.name} live: ${r.party}'s run (${r.level})`).toBe(maySeeRun(r, u));
          counts.driftLive++;
        }
      }
    }, 180_000);

    test('GET events, the picture and the list, as every user; the live feeds hold exactly what HTTP gives', async () => {
      const last = written.length;
      for (const u of users) {
        const res = await app.inject({ method: 'GET', url: `/api/cases/${caseId}/events`, headers: auth(u.name) });
        const picture = await app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: auth(u.name) });
        const listed = (await app.inject({ method: 'GET', url: '/api/cases', headers: auth(u.name) })).json().cases.map((c: { caseId: string }) => c.caseId);
        const reads = u.party !== 'CN' && READERS.includes(u.role);
        expect(listed.includes(caseId), u.name).toBe(reads);
        counts.lists++;
        if (!reads) {
          const status = u.party === 'CN' ? 404 : 403;
          expect(res.statusCode, u.name).toBe(status);
          expect(picture.statusCode, u.name).toBe(status);
          expect(res.body + picture.body).not.toMatch(/CANARY/);
          counts.reads++; counts.pictures++;
          continue;
        }
        const events = res.json().events as Record<string, unknown>[];
        expect(events).toHaveLength(last);
        for (const e of written) {
          const seen = events[e.version - 1];
          const view = expectedView(e, caseId, u.party);
          if (view === 'whole') expect(seen, `${u.name} v${e.version}`).toMatchObject({ version: e.version, type: e.type, party: e.party, author: e.author, payload: e.payload });
          else expect(seen, `${u.name} v${e.version}`).toEqual(view);
          counts.reads++;
        }
        // the picture holds no text the viewer may not see
        const hidden = written.filter((e) => expectedView(e, caseId, u.party) !== 'whole').map((e) => String(e.payload.text ?? e.payload.reason ?? e.payload.note ?? e.payload.planId ?? e.payload.runId ?? ''));
        const pictureText = picture.body;
        for (const text of hidden.filter(Boolean)) expect(pictureText.includes(text), `${u.name} picture holds ${text}`).toBe(false);
        counts.pictures++;
        // live: the same views, in order, none missing
        const live = sockets[u.name];
        for (let i = 0; i < 500 && live.events.length < last; i++) await new Promise((r) => setTimeout(r, 20));
        expect(live.events, `${u.name} live`).toEqual(events);
        counts.live += live.events.length;
      }
    }, 120_000);

    test('says how many combinations it checked', () => {
      const readers = users.filter((u) => u.party !== 'CN' && READERS.includes(u.role)).length;   // 10
      const combos = { ...counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
      // route × role × party × level: 21 users × 8 types × 3 levels writes; each reader × every event over HTTP and live
      expect(counts.writes).toBe(users.length * Object.keys(WRITERS).length * LEVELS.length);
      expect(counts.reads).toBe(readers * written.length + (users.length - readers));
      expect(counts.live).toBe(readers * written.length);
      expect(counts.upgrades).toBe(users.length);
      // drift runs: 21 users x 3 levels posted; each run x each user read, its particles read, cancelled (finished ones too) and live; each user lists
      expect(counts.driftPosts).toBe(users.length * LEVELS.length);
      expect(counts.driftReads).toBe(runs.length * users.length);
      expect(counts.driftParticles).toBe(runs.length * users.length);
      expect(counts.driftCancels).toBe(runs.length * users.length);
      expect(counts.driftLive).toBe(readers * runs.length);
      expect(counts.driftLists).toBe(users.length);
      console.log(`authorisation matrix (${name}): ${combos.total} combinations checked (POST events ${counts.writes} = ${users.length} users x ${Object.keys(WRITERS).length} types x ${LEVELS.length} levels; ` +
        `GET events ${counts.reads} and live ${counts.live} event views for ${readers} readers of ${written.length} events; pictures ${counts.pictures}, lists ${counts.lists}, live upgrades ${counts.upgrades}; ` +
        `drift runs: POST ${counts.driftPosts} = ${users.length} users x ${LEVELS.length} levels, GET ${counts.driftReads} and particles ${counts.driftParticles} and DELETE ${counts.driftCancels} = ${runs.length} runs x ${users.length} users, lists ${counts.driftLists}, live ${counts.driftLive})`);
    });
  });
}

matrixSuite('SQLite', async () => new SqliteStore(':memory:'));
describe.skipIf(!TEST_PG_URL)(`PostgreSQL ${TEST_PG_URL ? '' : `(${PG_SKIP_REASON})`}`, () => {
  let drop: () => Promise<void> = async () => undefined;
  afterAll(async () => { await drop(); });
  matrixSuite('PostgreSQL', async () => {
    const db = await freshPostgresDatabase();
    drop = db.drop;
    return PostgresStore.open(db.url);
  });
});
