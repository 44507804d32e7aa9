/**
 * Server drift runs on the worker pool (drift_routes.ts, app/drift_job/drift_pool.ts): the server
 * answers while a maximum-size run computes, concurrent runs all land, a party's full queue gets
 * 503 with Retry-After, cancel, the fair share's order, uploaded forcing, particles read back.
 * On SQLite, and on PostgreSQL when SARBRIDGE_TEST_PG_URL is set. No assertion on time: the
 * tests wait for states (running, done) and check what was true meanwhile.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PostgresStore, SqliteStore, type SarbridgeStore } from '../../io/storage/index.js';
import { freshPostgresDatabase, PG_SKIP_REASON, TEST_PG_URL } from '../../io/storage/postgres_test_support.js';
import { projectPath } from '../../io/project_files.js';
import { readParticleBlob } from '../drift_job/particle_blob.js';
import { buildApp, type SarbridgeApp, type ServerLimits } from './app.js';
import { createTestUsers, TEST_PASSWORD } from './server_test_support.js';

const LKP = { position: { lonDeg: 131.25, latDeg: 37.2333 }, time: '2026-03-10T06:00Z' };
const CONSTANT = { source: 'constant', windSpeedMps: 10, windFromDeg: 270, currentSpeedMps: 0.2, currentTowardDeg: 90 };
/** The largest run the server allows by default: 20,000 particles, 72 h, 1-min step, demo forcing. */
const MAXIMUM = { lkp: LKP, particles: 20_000, durationH: 72, timeStepMin: 1, forcing: { source: 'demo' } };
/** A run that keeps a worker busy for seconds (cancelled by the tests that start it). */
const LONG = { lkp: LKP, particles: 20_000, durationH: 72, timeStepMin: 1, outputEverySteps: 60, coastline: 'none', forcing: CONSTANT };
const SMALL = { lkp: LKP, particles: 100, durationH: 1, coastline: 'none', forcing: CONSTANT };

interface Live { readonly messages: { kind: string; run?: { runId: string; state: string; fraction?: number }; event?: { type?: string } }[]; stop: () => void }

/** Wait until `check` holds (polled; the test's own timeout bounds it). */
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 25));
}

function driftSuite(name: string, open: () => Promise<{ store: SarbridgeStore; close: () => Promise<void> }>, skipReason?: string): void {
  describe.skipIf(skipReason !== undefined)(`${name}: drift runs on the worker pool${skipReason ? ` (${skipReason})` : ''}`, () => {
    let store: SarbridgeStore;
    let closeStore: () => Promise<void>;
    const apps: SarbridgeApp[] = [];
    beforeAll(async () => { ({ store, close: closeStore } = await open()); await createTestUsers(store); });
    afterAll(async () => { for (const app of apps) await app.close(); await closeStore(); });

    /** An app on the suite's store with these pool limits, and a helper to call it as a user. */
    async function server(limits: Partial<ServerLimits>) {
      const app = await buildApp({ store, limits, webRoot: '/nonexistent/sarbridge-web' });
      apps.push(app);
      const tokens: Record<string, string> = {};
      for (const user of ['kim', 'park', 'sato', 'wang']) {
        tokens[user] = (await app.inject({ method: 'POST', url: '/api/session', payload: { userName: user, password: TEST_PASSWORD } })).json().token;
      }
      const as = (user: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
        app.inject({ method, url, headers: { authorization: `Bearer ${tokens[user]}` }, ...(payload ? { payload } : {}) });
      const openCase = async () => (await as('kim', 'POST', '/api/cases', { kind: 'case', title: 'Raft west of the rocks', parties: ['KR', 'JP'] })).json().caseId as string;
      const live = async (caseId: string, party: string): Promise<Live> => {
        const messages: Live['messages'] = [];
        const stop = await app.hub.subscribe(caseId, 0, { party, send: (text) => messages.push(JSON.parse(text)) });
        return { messages, stop };
      };
      const runState = async (caseId: string, runId: string) => (await as('kim', 'GET', `/api/cases/${caseId}/drift-runs/${runId}`)).json().run.state as string;
      const eventsOf = async (caseId: string) => (await as('kim', 'GET', `/api/cases/${caseId}/events`)).json().events as { type: string; version: number; author: string; payload: { runId?: string } }[];
      return { app, as, openCase, live, runState, eventsOf };
    }

    test('health and the live feed answer while a maximum-size run computes; its progress is on the feed; cancelled, nothing of it is kept', async () => {
      const { as, openCase, live, runState, eventsOf } = await server({ driftWorkers: 1 });
      const caseId = await openCase();
      const feed = await live(caseId, 'JP');
      const posted = await as('kim', 'POST', `/api/cases/${caseId}/drift-runs`, MAXIMUM);
      expect(posted.statusCode).toBe(202);
      const { runId } = posted.json().run;
      await until(() => feed.messages.some((m) => m.kind === 'driftRun' && m.run!.state === 'running' && m.run!.fraction! > 0));
      // the run is drifting on its worker: the server answers health, a read and a write meanwhile
      const health = await as('kim', 'GET', '/api/health');
      expect(health.statusCode).toBe(200);
      const message = await as('sato', 'POST', `/api/cases/${caseId}/events`, { basedOnVersion: 1, type: 'message', payload: { text: 'JP RCC: standing by' } });
      expect(message.statusCode).toBe(201);
      await until(() => feed.messages.some((m) => m.kind === 'event' && m.event!.type === 'message'));
      // …all before the run's result exists
      expect(await runState(caseId, runId)).toBe('running');
      expect((await eventsOf(caseId)).map((e) => e.type)).toEqual(['caseOpened', 'message']);
      const cancelled = await as('kim', 'DELETE', `/api/cases/${caseId}/drift-runs/${runId}`);
      expect(cancelled.statusCode).toBe(200);
      expect(cancelled.json().run).toMatchObject({ state: 'cancelled', error: { code: 'SARB_DRIFT_RUN_CANCELLED' } });
      expect(feed.messages.filter((m) => m.kind === 'driftRun').at(-1)!.run!.state).toBe('cancelled');
      expect(await store.listDriftRuns(caseId)).toEqual([]);
      expect((await eventsOf(caseId)).map((e) => e.type)).toEqual(['caseOpened', 'message']);
      feed.stop();
    }, 120_000);

    test('six runs at once, all on the same version, with messages appended while they compute: all six land, none refused', async () => {
      const { as, openCase, runState, eventsOf } = await server({ driftWorkers: 2, driftQueuePerParty: 8 });
      const caseId = await openCase();
      // all six are accepted on version 1 first (a message that lands before a run's check makes that
      // run's basedOnVersion stale, and 409 is then the right answer), then messages are appended
      // while they queue and compute: each run's event lands at whatever version the case has by then
      const posted = await Promise.all([...['kim', 'sato', 'kim', 'sato', 'kim', 'sato'].entries()].map(([k, user]) =>
        as(user, 'POST', `/api/cases/${caseId}/drift-runs`, { ...SMALL, basedOnVersion: 1, seed: k + 1 })));
      expect(posted.map((a) => a.statusCode)).toEqual([202, 202, 202, 202, 202, 202]);
      const runIds = posted.map((a) => a.json().run.runId as string);
      // a message is sent on the version last seen, and again on the new one after a 409, as the page does
      const message = async (text: string) => {
        for (;;) {
          const answer = await as('kim', 'POST', `/api/cases/${caseId}/events`, { basedOnVersion: (await eventsOf(caseId)).length, type: 'message', payload: { text } });
          if (answer.statusCode !== 409) return answer.statusCode;
        }
      };
      const messages = Promise.all(['note 1', 'note 2', 'note 3'].map(message));
      await until(async () => (await Promise.all(runIds.map((runId) => runState(caseId, runId)))).every((state) => state === 'done'));
      expect(await messages).toEqual([201, 201, 201]);
      const events = await eventsOf(caseId);
      expect(events.filter((e) => e.type === 'message')).toHaveLength(3);
      const drifts = events.filter((e) => e.type === 'driftRun');
      expect(drifts).toHaveLength(6);
      expect(new Set(drifts.map((e) => e.payload.runId))).toEqual(new Set(runIds));
      expect(events.map((e) => e.version)).toEqual(events.map((_, k) => k + 1));   // gap-free
      expect((await store.listDriftRuns(caseId)).map((r) => r.eventVersion).sort()).toEqual(drifts.map((e) => e.version).sort());
    }, 120_000);

    test("a party's full queue answers 503 with Retry-After; the other party still queues, ahead of it; cancel as the rules say", async () => {
      const { as, openCase, runState } = await server({ driftWorkers: 1, driftQueuePerParty: 1 });
      const caseId = await openCase();
      const url = `/api/cases/${caseId}/drift-runs`;
      const long = (await as('kim', 'POST', url, LONG)).json().run.runId as string;
      await until(async () => (await runState(caseId, long)) === 'running');
      const queued = await as('kim', 'POST', url, SMALL);
      expect(queued.statusCode).toBe(202);
      expect(queued.json().run).toMatchObject({ state: 'queued', ahead: 0 });
      const full = await as('kim', 'POST', url, SMALL);
      expect(full.statusCode).toBe(503);
      expect(full.json()).toMatchObject({ code: 'SARB_DRIFT_QUEUE_FULL' });
      expect(Number(full.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number.isInteger(Number(full.headers['retry-after']))).toBe(true);
      // JP's room is its own, and JP (nothing running) goes before KR's second run
      const jp = await as('sato', 'POST', url, SMALL);
      expect(jp.statusCode).toBe(202);
      expect(jp.json().run).toMatchObject({ state: 'queued', ahead: 0 });
      expect((await as('kim', 'GET', `${url}/${queued.json().run.runId}`)).json().run.ahead).toBe(1);
      // who may cancel: an SMC of the run's party
      expect((await as('sato', 'DELETE', `${url}/${long}`)).statusCode).toBe(403);
      expect((await as('park', 'DELETE', `${url}/${long}`)).statusCode).toBe(403);
      expect((await as('wang', 'DELETE', `${url}/${long}`)).statusCode).toBe(404);
      expect((await as('kim', 'DELETE', `${url}/00000000-0000-4000-8000-000000000000`)).json()).toMatchObject({ statusCode: 404, code: 'SARB_DRIFT_RUN_NOT_FOUND' });
      // a queued run leaves the queue, a running one stops
      for (const [user, runId] of [['sato', jp.json().run.runId], ['kim', queued.json().run.runId], ['kim', long]]) {
        const res = await as(user, 'DELETE', `${url}/${runId}`);
        expect(res.statusCode).toBe(200);
        expect(res.json().run.state).toBe('cancelled');
      }
      expect((await as('kim', 'DELETE', `${url}/${long}`)).json()).toMatchObject({ statusCode: 409, code: 'SARB_DRIFT_RUN_FINISHED' });
      // room again: the next one is taken and runs to the end
      const again = await as('kim', 'POST', `${url}?wait=true`, SMALL);
      expect(again.statusCode).toBe(201);
      expect(again.json().run.state).toBe('done');
    }, 120_000);

    test("fair share: behind a busy worker, JP's one run goes before KR's burst, and they run in that order", async () => {
      const { as, openCase, runState, eventsOf, live } = await server({ driftWorkers: 1, driftQueuePerParty: 8 });
      const caseId = await openCase();
      const feed = await live(caseId, 'KR');
      const url = `/api/cases/${caseId}/drift-runs`;
      const blocker = (await as('kim', 'POST', url, LONG)).json().run.runId as string;
      await until(async () => (await runState(caseId, blocker)) === 'running');
      const burst = [];
      for (let k = 0; k < 3; k++) burst.push((await as('kim', 'POST', url, { ...SMALL, seed: k + 10 })).json().run);
      const jp = (await as('sato', 'POST', url, SMALL)).json().run;
      expect(burst.map((r) => r.ahead)).toEqual([0, 1, 2]);   // when each was queued
      expect(jp.ahead).toBe(0);
      const aheadNow = await Promise.all(burst.map(async (r) => (await as('kim', 'GET', `${url}/${r.runId}`)).json().run.ahead));
      expect(aheadNow).toEqual([1, 2, 3]);
      expect((await as('kim', 'DELETE', `${url}/${blocker}`)).statusCode).toBe(200);
      await until(async () => (await eventsOf(caseId)).filter((e) => e.type === 'driftRun').length === 4);
      // the order the worker took them in (their events may land in another order: a run's append can overtake the one before it)
      const started = [...new Set(feed.messages.filter((m) => m.kind === 'driftRun' && m.run!.state === 'running').map((m) => m.run!.runId))];
      expect(started).toEqual([blocker, jp.runId, ...burst.map((r) => r.runId)]);
      feed.stop();
    }, 120_000);

    test('uploaded forcing files of a party of the case drift as the same constants do; the particles come back for the map, as releasability allows', async () => {
      const { as, openCase, app } = await server({ driftWorkers: 2 });
      const caseId = await openCase();
      const upload = async (user: string, file: string) => {
        const bytes = readFileSync(projectPath(`data/forcing/uniform/${file}`));
        const tokens = (await app.inject({ method: 'POST', url: '/api/session', payload: { userName: user, password: TEST_PASSWORD } })).json().token;
        const res = await app.inject({ method: 'POST', url: `/api/forcing?name=${file}`, headers: { authorization: `Bearer ${tokens}`, 'content-type': 'application/octet-stream' }, payload: bytes });
        expect(res.statusCode).toBeLessThan(300);
        return res.json().file.ref as string;
      };
      const wind = await upload('kim', 'wind_uniform_u10_v0.nc');
      const current = await upload('sato', 'current_uniform_u0_v0.2.nc');
      // the files: a uniform 10 m/s westerly and a 0.2 m/s northward current, 2024-01-01 00Z for 30 h
      const base = { lkp: { position: { lonDeg: 131.87, latDeg: 37.49 }, time: '2024-01-01T02:00Z' }, particles: 400, durationH: 6, coastline: 'none', seed: 5 };
      const url = `/api/cases/${caseId}/drift-runs?wait=true`;
      const fromFiles = await as('kim', 'POST', url, { ...base, forcing: { source: 'files', wind: [wind], current: [current] } });
      expect(fromFiles.statusCode).toBe(201);
      const fromConstants = await as('kim', 'POST', url, { ...base, forcing: { source: 'constant', windSpeedMps: 10, windFromDeg: 270, currentSpeedMps: 0.2, currentTowardDeg: 0 } });
      const a = fromFiles.json().event.payload.summary, b = fromConstants.json().event.payload.summary;
      expect(a.forcing.wind).toMatch(/^wind_uniform_u10_v0\.nc \(upload:[0-9a-f]{64}\)/);
      expect(a.forcing.current).toMatch(/^current_uniform_u0_v0\.2\.nc \(upload:/);
      expect(a.times).toHaveLength(b.times.length);
      for (let k = 0; k < a.times.length; k++) {
        expect(a.times[k].centroid.lonDeg).toBeCloseTo(b.times[k].centroid.lonDeg, 5);
        expect(a.times[k].centroid.latDeg).toBeCloseTo(b.times[k].centroid.latDeg, 5);
      }
      expect(a.times.at(-1).centroid.lonDeg).toBeGreaterThan(base.lkp.position.lonDeg + 0.01);   // blown east, as the file says

      // the particles, read back by the other party (released whole), agree with the summary
      const runId = fromFiles.json().run.runId;
      const blob = await as('sato', 'GET', `/api/cases/${caseId}/drift-runs/${runId}/particles`);
      expect(blob.statusCode).toBe(200);
      expect(blob.headers['content-type']).toBe('application/octet-stream');
      const particles = readParticleBlob(new Uint8Array(blob.rawPayload));
      expect(particles.count).toBe(400);
      expect([...particles.timesS].map((s) => new Date(s * 1000).toISOString().replace(':00.000Z', 'Z'))).toEqual(a.times.map((t: { time: string }) => t.time));
      expect(particles.weight.reduce((x, w) => x + w, 0)).toBeCloseTo(1, 5);
      const last = particles.at(particles.timesS.length - 1);
      let lon = 0, lat = 0;
      for (let i = 0; i < particles.count; i++) { lon += particles.weight[i] * last.lonDeg[i]; lat += particles.weight[i] * last.latDeg[i]; }
      expect(lon).toBeCloseTo(a.times.at(-1).centroid.lonDeg, 3);
      expect(lat).toBeCloseTo(a.times.at(-1).centroid.latDeg, 3);
      expect((await as('sato', 'GET', `/api/cases/${caseId}/drift-runs`)).json().runs.map((r: { runId: string }) => r.runId)).toContain(runId);

      // a run KR keeps to itself: JP sees neither it nor its particles
      for (const releasability of ['nothing', 'position-only']) {
        const own = await as('kim', 'POST', url, { ...SMALL, releasability });
        const ownId = own.json().run.runId;
        expect((await as('kim', 'GET', `/api/cases/${caseId}/drift-runs/${ownId}/particles`)).statusCode).toBe(200);
        expect((await as('sato', 'GET', `/api/cases/${caseId}/drift-runs/${ownId}/particles`)).json()).toMatchObject({ statusCode: 404, code: 'SARB_DRIFT_RUN_NOT_FOUND' });
        expect((await as('sato', 'GET', `/api/cases/${caseId}/drift-runs/${ownId}`)).statusCode).toBe(404);
        expect((await as('sato', 'GET', `/api/cases/${caseId}/drift-runs`)).json().runs.map((r: { runId: string }) => r.runId)).not.toContain(ownId);
      }
      expect((await as('wang', 'GET', `/api/cases/${caseId}/drift-runs/${runId}/particles`)).statusCode).toBe(404);

      // a file of a party not in the case, a wind file given as current, an unknown upload
      const cn = await upload('wang', 'wind_uniform_u10_v0.nc');   // the same bytes: the first upload's record (KR) is kept
      expect(cn).toBe(wind);
      expect((await as('kim', 'POST', url, { ...base, forcing: { source: 'files', wind: [wind], current: [wind] } })).json())
        .toMatchObject({ statusCode: 400, field: 'body/forcing/current/0' });
      expect((await as('kim', 'POST', url, { ...base, forcing: { source: 'files', wind: [`upload:${'0'.repeat(64)}`], current: [current] } })).json())
        .toMatchObject({ statusCode: 400, field: 'body/forcing/wind/0' });
    }, 120_000);

    test("a server that stops leaves its accepted runs in the store and the next one runs them to the end; a dead server's runs are taken over, a live server's are not", async () => {
      const first = await server({ driftWorkers: 1, driftClaimRenewMs: 100 });
      const caseId = await first.openCase();
      const url = `/api/cases/${caseId}/drift-runs`;
      const medium = { ...SMALL, particles: 5000, durationH: 24, timeStepMin: 1, outputEverySteps: 60 };
      const running = (await first.as('kim', 'POST', url, medium)).json().run.runId as string;
      await until(async () => (await first.runState(caseId, running)) === 'running');
      const queued = (await first.as('sato', 'POST', url, { ...SMALL, releasability: 'nothing' })).json().run.runId as string;
      expect((await first.as('sato', 'GET', `${url}/${queued}`)).json().run.state).toBe('queued');
      // the server stops with one run drifting and one waiting: both stay accepted, neither is stored
      apps.splice(apps.indexOf(first.app), 1);
      await first.app.close();
      expect((await store.listAcceptedDriftRuns(caseId)).map((r) => r.runId).sort()).toEqual([running, queued].sort());
      expect(await store.listDriftRuns(caseId)).toEqual([]);
      // two more, as other instances would have left them: one whose server died (its claim expired), one whose server is alive (its claim current)
      const request = (await store.listAcceptedDriftRuns(caseId)).find((r) => r.runId === queued)!.request;
      const [dead, alive] = [randomUUID(), randomUUID()];
      const now = Date.now();
      await store.acceptDriftRun({ caseId, runId: dead, party: 'JP', author: 'sato', requestedAt: new Date(now).toISOString(), request }, 'a-dead-server', now - 30_000);
      await store.acceptDriftRun({ caseId, runId: alive, party: 'JP', author: 'sato', requestedAt: new Date(now).toISOString(), request }, 'a-live-server', now + 3_600_000);

      const second = await server({ driftWorkers: 1, driftClaimRenewMs: 100 });
      const feed = await second.live(caseId, 'JP');
      // JP reads them all (KR's released whole, its own); KR sees JP's as withheld
      const drifts = async () => ((await second.as('sato', 'GET', `/api/cases/${caseId}/events`)).json().events as { type: string; author: string; payload: { runId?: string } }[]).filter((e) => e.type === 'driftRun');
      await until(async () => (await drifts()).length === 3);
      expect((await drifts()).map((e) => e.payload.runId).sort()).toEqual([running, queued, dead].sort());
      expect((await drifts()).find((e) => e.payload.runId === running)!.author).toBe('kim');   // appended as the run's author, in its party
      expect(await second.runState(caseId, running)).toBe('done');
      expect((await second.as('kim', 'GET', `${url}/${running}/particles`)).statusCode).toBe(200);
      // JP's run is JP's alone, as it was accepted (releasability nothing): KR does not see it, resumed or not
      expect((await second.as('kim', 'GET', `${url}/${queued}`)).statusCode).toBe(404);
      expect((await second.as('sato', 'GET', `${url}/${queued}`)).json().run).toMatchObject({ state: 'done', party: 'JP' });
      await until(() => feed.messages.some((m) => m.kind === 'event' && m.event!.type === 'driftRun' && (m.event as { payload?: { runId?: string } }).payload?.runId === queued));
      // only the live server's run is still accepted; it is left to that server
      expect((await store.listAcceptedDriftRuns(caseId)).map((r) => r.runId)).toEqual([alive]);
      expect((await store.listDriftRuns(caseId)).map((r) => r.runId)).not.toContain(alive);
      await store.forgetAcceptedDriftRun(caseId, alive);
      feed.stop();
    }, 180_000);

    test("a constant forcing gives its numbers; the CLI's defaults: 5000 particles, 0.5 NM, the bundled coastline", async () => {
      const { as, openCase } = await server({ driftWorkers: 1 });
      const caseId = await openCase();
      const url = `/api/cases/${caseId}/drift-runs?wait=true`;
      const missing = await as('kim', 'POST', url, { lkp: LKP, durationH: 1, forcing: { source: 'constant', windSpeedMps: 10 } });
      expect(missing.json()).toMatchObject({ statusCode: 400, code: 'SARB_INVALID_INPUT', field: 'body/forcing/windFromDeg' });
      expect(missing.json().message).toMatch(/windFromDeg, currentSpeedMps, currentTowardDeg are missing/);
      expect((await as('kim', 'POST', url, { lkp: LKP, durationH: 1, forcing: { source: 'demo', windSpeedMps: 3 } })).json()).toMatchObject({ statusCode: 400, field: 'body/forcing/windSpeedMps' });
      const res = await as('kim', 'POST', url, { lkp: LKP, durationH: 1, forcing: CONSTANT });
      expect(res.statusCode).toBe(201);
      const summary = res.json().event.payload.summary;
      expect(summary.particles).toBe(5000);
      expect(summary.forcing.shoreline).toMatch(/GSHHG/);
      // a 2-D Gaussian of sigma 0.5 NM (926 m) holds half its mass within sigma·sqrt(2 ln 2) = 1090 m
      expect(summary.times[0].radius50M).toBeGreaterThan(1090 * 0.95);
      expect(summary.times[0].radius50M).toBeLessThan(1090 * 1.05);
    }, 120_000);
  });
}

driftSuite('SQLite', async () => {
  const store = new SqliteStore(':memory:');
  return { store, close: () => store.close() };
});

driftSuite('PostgreSQL', async () => {
  const db = await freshPostgresDatabase();
  const store = await PostgresStore.open(db.url);
  return { store, close: async () => { await store.close(); await db.drop(); } };
}, TEST_PG_URL ? undefined : PG_SKIP_REASON);
