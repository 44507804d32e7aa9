/**
 * The truth never reaches a player (docs/exercises.md, "What players never see"): during an
 * exercise with a truth set (on a truth forcing uploaded withheld), injects scheduled and lessons entered, EVERY route of the app is
 * called as every player role of both parties (and as an exercise-control user who is not a named
 * controller), and every live WebSocket feed is read; no response, header or live message may
 * hold a canary of the truth. A route this test does not know fails it: a new route must be added
 * to CALLS below.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import type { SarbridgeApp } from './app.js';
import { DEMO_PLANNING_INPUTS } from './demo_data.js';
import { createHash } from 'node:crypto';
import { CANARIES, EXERCISE_USERS, exerciseApp, TRUTH, truthForcingFile } from './exercise_test_support.js';
import { TEST_PASSWORD } from './server_test_support.js';

const CASE = 'sarex-1';
const CONTROL = `${CASE}.control`;
/** A drift run of the players' case (made in beforeAll), and an id no run has. */
let runId = '';
const NO_RUN = '00000000-0000-4000-8000-000000000000';
/** The truth forcing, uploaded withheld: its name and title are canaries too (in a list, the audit log, a refusal). */
const TRUTH_FORCING_NAME = 'CANARY-FORCING-TW4.nc';
const truthForcing = truthForcingFile('CANARY-FORCING-TITLE-JM2');
const TRUTH_FORCING_REF = `upload:${createHash('sha256').update(truthForcing).digest('hex')}`;
const FORCING_CANARIES = [TRUTH_FORCING_NAME, 'CANARY-FORCING-TITLE-JM2'];
/** Players: every role but exercise control, both parties; and exercise control not named a controller. */
const PLAYERS = ['kim', 'park', 'choi', 'han', 'min', 'kr-admin', 'sato', 'suzuki', 'ito', 'kato', 'mori', 'jp-admin', 'yoon'];

interface Call { readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE'; readonly url: string; readonly payload?: unknown; readonly headers?: Record<string, string>; readonly fresh?: boolean }
interface Context { readonly user: string; readonly party: string; readonly caseVersion: number; readonly planVersion: number }

/** How the test calls each route (as each player); a route missing here fails the test. */
const CALLS: Record<string, (c: Context) => Call[]> = {
  'GET /openapi.json': () => [{ method: 'GET', url: '/openapi.json' }],
  'GET /api/health': () => [{ method: 'GET', url: '/api/health' }],
  'POST /api/session': (c) => [{ method: 'POST', url: '/api/session', payload: { userName: c.user, password: TEST_PASSWORD } }, { method: 'POST', url: '/api/session', payload: { userName: c.user, password: 'wrong password!' } }],
  'GET /api/session': () => [{ method: 'GET', url: '/api/session' }],
  'DELETE /api/session': () => [{ method: 'DELETE', url: '/api/session', fresh: true }],
  'GET /api/users': () => [{ method: 'GET', url: '/api/users' }],
  'POST /api/users': (c) => [{ method: 'POST', url: '/api/users', payload: { userName: `new-${c.user}`, password: 'a long enough password', roles: ['observer'] } }],
  // account changes: on the caller itself with a wrong current password, and on a name no one has (never on a real account, so later calls still sign in)
  'PUT /api/users/:userName/password': (c) => [{ method: 'PUT', url: `/api/users/${c.user}/password`, payload: { newPassword: 'another long password', currentPassword: 'not the password' } }],
  'PUT /api/users/:userName/roles': (c) => [{ method: 'PUT', url: `/api/users/nobody-${c.user}/roles`, payload: { roles: ['observer'] } }],
  'POST /api/users/:userName/unlock': (c) => [{ method: 'POST', url: `/api/users/nobody-${c.user}/unlock` }],
  'POST /api/users/:userName/disable': (c) => [{ method: 'POST', url: `/api/users/nobody-${c.user}/disable` }],
  'POST /api/users/:userName/enable': (c) => [{ method: 'POST', url: `/api/users/nobody-${c.user}/enable` }],
  'GET /api/setup': () => [{ method: 'GET', url: '/api/setup' }],
  'POST /api/setup': (c) => [{ method: 'POST', url: '/api/setup', payload: { party: c.party, userName: `setup-${c.user}`, password: 'a long enough password' } }],
  'GET /api/cases': () => [{ method: 'GET', url: '/api/cases' }],
  'POST /api/cases': (c) => [{ method: 'POST', url: '/api/cases', payload: { kind: 'exercise', title: `own ${c.user}`, parties: [c.party] } }],
  'GET /api/cases/:caseId': () => [CASE, CONTROL, 'programme'].map((id) => ({ method: 'GET', url: `/api/cases/${id}` })),
  'GET /api/cases/:caseId/events': () => [CASE, CONTROL, 'programme'].map((id) => ({ method: 'GET', url: `/api/cases/${id}/events?afterVersion=0` })),
  'POST /api/cases/:caseId/events': (c) => [
    ...[CASE, CONTROL, 'programme'].map((id) => ({ method: 'POST' as const, url: `/api/cases/${id}/events`, payload: { basedOnVersion: c.caseVersion, type: 'message', payload: { text: `hello from ${c.user}` } } })),
    // errors a player causes: a stale version, a bad track, an event only the server writes
    { method: 'POST', url: `/api/cases/${CASE}/events`, payload: { basedOnVersion: 1, type: 'message', payload: { text: 'stale' } } },
    { method: 'POST', url: `/api/cases/${CASE}/events`, payload: { basedOnVersion: c.caseVersion, type: 'searchDone', payload: { unitId: 'kr-ship-1', sweepWidthNm: 2,
      track: [{ lonDeg: 131.2, latDeg: 37.2, time: '2026-03-10T09:00Z' }, { lonDeg: 131.3, latDeg: 37.2, time: '2026-03-10T08:00Z' }] } } },
    { method: 'POST', url: `/api/cases/${CASE}/events`, payload: { basedOnVersion: c.caseVersion, type: 'targetDetected', payload: { unitId: 'kr-ship-1', time: '2026-03-10T09:00Z', position: { lonDeg: 131, latDeg: 37 }, searchVersion: 1 } } },
    // planning inputs naming the withheld truth forcing: refused as a SHA-256 no upload has
    { method: 'POST', url: `/api/cases/${CASE}/events`, payload: { basedOnVersion: c.caseVersion, type: 'planningInputs', payload: { inputs: { ...DEMO_PLANNING_INPUTS, forcing: { ...DEMO_PLANNING_INPUTS.forcing, wind: [{ file: TRUTH_FORCING_REF }] } } } } },
  ],
  'GET /api/cases/:caseId/live': () => [],   // the WebSocket: read below, as every player
  'POST /api/cases/:caseId/drift-runs': (c) => [CASE, CONTROL].flatMap((id): Call[] => [true, false].map((wait) => ({ method: 'POST' as const, url: `/api/cases/${id}/drift-runs?wait=${wait}`, payload: {
    basedOnVersion: c.caseVersion, lkp: { position: { lonDeg: 131.25, latDeg: 37.2 }, time: '2026-03-10T06:00Z' }, durationH: 1, particles: 20,
    forcing: { source: 'constant', windSpeedMps: 5, windFromDeg: 270, currentSpeedMps: 0, currentTowardDeg: 0 } } }))).concat([{ method: 'POST' as const, url: `/api/cases/${CASE}/drift-runs?wait=true`, payload: {
    lkp: { position: { lonDeg: 131.25, latDeg: 37.2 }, time: '2026-03-10T06:00Z' }, durationH: 1, particles: 20, forcing: { source: 'files', wind: [TRUTH_FORCING_REF], current: [TRUTH_FORCING_REF] } } }]),
  'GET /api/cases/:caseId/drift-runs': () => [CASE, CONTROL].map((id) => ({ method: 'GET', url: `/api/cases/${id}/drift-runs` })),
  'GET /api/cases/:caseId/drift-runs/:runId': () => [CASE, CONTROL].flatMap((id) => [runId, NO_RUN].map((run) => ({ method: 'GET' as const, url: `/api/cases/${id}/drift-runs/${run}` }))),
  'GET /api/cases/:caseId/drift-runs/:runId/particles': () => [CASE, CONTROL].flatMap((id) => [runId, NO_RUN].map((run) => ({ method: 'GET' as const, url: `/api/cases/${id}/drift-runs/${run}/particles` }))),
  'DELETE /api/cases/:caseId/drift-runs/:runId': () => [CASE, CONTROL].flatMap((id) => [runId, NO_RUN].map((run) => ({ method: 'DELETE' as const, url: `/api/cases/${id}/drift-runs/${run}` }))),
  'GET /api/audit': () => [{ method: 'GET', url: '/api/audit?limit=1000' }],
  'POST /api/forcing': () => [{ method: 'POST', url: '/api/forcing?name=bad.nc', payload: Buffer.from('not a netcdf file'), headers: { 'content-type': 'application/octet-stream' } }],
  'GET /api/forcing': () => [{ method: 'GET', url: '/api/forcing' }],
  'GET /api/forcing/:ref': () => [{ method: 'GET', url: '/api/forcing/demo:east-sea-currents.nc' }, { method: 'GET', url: '/api/forcing/upload:0000' },
    { method: 'GET', url: `/api/forcing/${TRUTH_FORCING_REF}` }, { method: 'GET', url: `/api/forcing/${TRUTH_FORCING_REF.slice('upload:'.length)}` }],
  'GET /api/agreement': () => [{ method: 'GET', url: '/api/agreement' }],
  'GET /api/programme': () => [{ method: 'GET', url: '/api/programme' }],
  'POST /api/programme/events': () => [{ method: 'POST', url: '/api/programme/events', payload: { basedOnVersion: 0, type: 'itemStateSet', payload: { id: 'sarex-1', state: 'planned' } } }],
  'GET /api/exercises': () => [{ method: 'GET', url: '/api/exercises' }],
  'POST /api/exercises': (c) => [{ method: 'POST', url: '/api/exercises', payload: { programmeItemId: 'sarex-1', caseId: `x-${c.user}` } }],
  'GET /api/exercises/:caseId/control': () => [{ method: 'GET', url: `/api/exercises/${CASE}/control` }],
  'POST /api/exercises/:caseId/control': () => [
    { method: 'POST', url: `/api/exercises/${CASE}/control`, payload: { basedOnVersion: 1, type: 'lessonEntered', payload: { text: 'x' } } },
    { method: 'POST', url: `/api/exercises/${CASE}/control`, payload: { basedOnVersion: 1, type: 'truthSet', payload: { ...TRUTH, time: '2030-01-01T00:00Z' } } },
    { method: 'POST', url: `/api/exercises/${CASE}/control`, payload: { nonsense: true } },
  ],
  'POST /api/exercises/:caseId/simulated-searches': (c) => [{ method: 'POST', url: `/api/exercises/${CASE}/simulated-searches`, payload: { unitId: 'kr-ship-1', planVersion: c.planVersion } }],
  'GET /api/exercises/:caseId/score': () => [{ method: 'GET', url: `/api/exercises/${CASE}/score` }],
  'GET /api/exercises/:caseId/report': () => [{ method: 'GET', url: `/api/exercises/${CASE}/report?copy=shared` }, { method: 'GET', url: `/api/exercises/${CASE}/report?format=pdf` }],
  'GET /*': () => [{ method: 'GET', url: '/cases/sarex-1' }, { method: 'GET', url: '/api/nothing-here' }],
  'GET /': () => [{ method: 'GET', url: '/' }],
};
/** Routes whose answer to a player must be 404 (as a case that does not exist). */
const HIDDEN = [/^\/api\/exercises\/sarex-1\/(control|score|report)/, /^\/api\/cases\/sarex-1\.control/, new RegExp(`^/api/forcing/(upload:)?${TRUTH_FORCING_REF.slice('upload:'.length)}$`)];

let app: SarbridgeApp;
let auth: (user: string) => { authorization: string };
let tokens: Record<string, string>;
let base: string;

const controlVersion = async () => (await app.inject({ method: 'GET', url: `/api/exercises/${CASE}/control`, headers: auth('lee') })).json().state.version as number;
const command = async (user: string, type: string, payload: object) => {
  const res = await app.inject({ method: 'POST', url: `/api/exercises/${CASE}/control`, headers: auth(user), payload: { basedOnVersion: await controlVersion(), type, payload } });
  expect(res.statusCode).toBe(201);
};
const caseVersion = async () => (await app.inject({ method: 'GET', url: `/api/cases/${CASE}/events`, headers: auth('kim') })).json().events.at(-1).version as number;
const append = async (user: string, type: string, payload: object) => {
  const res = await app.inject({ method: 'POST', url: `/api/cases/${CASE}/events`, headers: auth(user), payload: { basedOnVersion: await caseVersion(), type, payload } });
  expect(res.statusCode).toBe(201);
  return res.json().event.version as number;
};
/** The first canary found in `text`, or null. */
const canaryIn = (text: string) => [...CANARIES, ...FORCING_CANARIES].find((c) => text.includes(c)) ?? null;

let planVersion = 0;
beforeAll(async () => {
  ({ app, auth, tokens } = await exerciseApp('2026-03-10T07:30:00.000Z'));
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `127.0.0.1:${(app.server.address() as { port: number }).port}`;
  // an exercise in play: truth set, injects scheduled (one released), a plan, searches drawn (a hit and a miss), a lesson
  expect((await app.inject({ method: 'POST', url: '/api/exercises', headers: auth('lee'), payload: { programmeItemId: 'sarex-1' } })).statusCode).toBe(201);
  await command('lee', 'controllersSet', { controllers: ['tanaka'] });
  await append('kim', 'planningInputs', { inputs: DEMO_PLANNING_INPUTS });
  const uploaded = await app.inject({ method: 'POST', url: `/api/forcing?name=${TRUTH_FORCING_NAME}&withheld=true`, headers: { ...auth('lee'), 'content-type': 'application/octet-stream' }, payload: Buffer.from(truthForcing) });
  expect(uploaded.statusCode).toBe(201);
  await command('lee', 'truthSet', { ...TRUTH, forcing: { wind: TRUTH_FORCING_REF, current: TRUTH_FORCING_REF } });
  await command('lee', 'clockSet', { mode: 'stepped', exerciseTime: '2026-03-10T08:00Z' });
  await command('lee', 'injectScheduled', { injectId: 'call-1', kind: 'distressCall', at: '2026-03-10T08:30Z', text: 'MAYDAY relayed by a fishing vessel', positionError: { kind: 'random', radiusNm: 3, seed: 11 } });
  await command('tanaka', 'injectScheduled', { injectId: 'wx-1', kind: 'weatherChange', at: '2026-03-10T14:00Z', text: 'CANARY-INJECT-ZK9 gale warning', weather: { windKn: 40 } });
  await command('lee', 'lessonEntered', { text: 'CANARY-LESSON-QX7 too slow to relay' });
  await command('lee', 'clockStepped', { toTime: '2026-03-10T09:30Z' });
  await app.ticker.tick();
  const route = [
    { timeS: Date.parse('2026-03-10T09:00Z') / 1000, lonDeg: 131.0, latDeg: 37.0 },
    { timeS: Date.parse('2026-03-10T10:00Z') / 1000, lonDeg: 131.0, latDeg: 37.2 },
  ];
  planVersion = await append('kim', 'planIssued', { planId: 'P1', text: 'PLAN P1', plan: { datumTrack: [{ timeS: route[0].timeS, lonDeg: 131.1, latDeg: 37.1 }], units: [{ unitId: 'kr-ship-1', party: 'KR', waypoints: route }] } });
  const control = (await app.exercises.controlOf(CASE))!;
  const track = (await app.exercises.truthTrackOf(CASE, control.state))!;
  const near = track.points.find((p) => p.timeS === Date.parse('2026-03-10T09:00Z') / 1000)!;
  await append('park', 'searchDone', { unitId: 'kr-ship-1', sweepWidthNm: 4, speedKn: 10, track: [
    { lonDeg: near.lonDeg - 0.05, latDeg: near.latDeg, time: '2026-03-10T09:00Z' }, { lonDeg: near.lonDeg + 0.05, latDeg: near.latDeg, time: '2026-03-10T09:30Z' }] });
  await append('sato', 'searchDone', { unitId: 'jp-navy-ship-1', sweepWidthNm: 1, track: [
    { lonDeg: 133.5, latDeg: 39.5, time: '2026-03-10T09:00Z' }, { lonDeg: 133.6, latDeg: 39.5, time: '2026-03-10T09:30Z' }] });
  await app.ticker.tick();
  const run = await app.inject({ method: 'POST', url: `/api/cases/${CASE}/drift-runs?wait=true`, headers: auth('kim'), payload: {
    lkp: { position: { lonDeg: 131.25, latDeg: 37.2 }, time: '2026-03-10T06:00Z' }, durationH: 1, particles: 20,
    forcing: { source: 'constant', windSpeedMps: 5, windFromDeg: 270, currentSpeedMps: 0, currentTowardDeg: 0 } } });
  expect(run.statusCode).toBe(201);
  runId = run.json().run.runId;
  const drawn = (await app.exercises.controlOf(CASE))!.state.detections;
  expect(drawn.map((d) => d.hit)).toEqual([true, false]);
});
afterAll(async () => { await app.close(); });

describe('the truth never leaks to a player', () => {
  test('every route, as every player role of both parties', async () => {
    const known = new Set(Object.keys(CALLS));
    const unknown = app.routeList.map((r) => `${r.method} ${r.url}`).filter((k) => !known.has(k));
    expect(unknown, 'routes the leak test does not call: add them to CALLS').toEqual([]);
    let calls = 0;
    for (const user of PLAYERS) {
      for (const route of app.routeList) {
        const context: Context = { user, party: EXERCISE_USERS[user].party, caseVersion: await caseVersion(), planVersion };
        for (const call of CALLS[`${route.method} ${route.url}`](context)) {
          let token = tokens[user];
          if (call.fresh) token = (await app.inject({ method: 'POST', url: '/api/session', payload: { userName: user, password: TEST_PASSWORD } })).json().token;
          const res = await app.inject({ method: call.method, url: call.url, headers: { authorization: `Bearer ${token}`, ...call.headers }, ...(call.payload !== undefined ? { payload: call.payload as string } : {}) });
          calls++;
          const binary = /^application\/(x-netcdf|octet-stream)/.test(String(res.headers['content-type'] ?? ''));
          const seen = `${JSON.stringify(res.headers)}\n${binary ? '' : res.body}`;
          expect(canaryIn(seen), `${user} ${call.method} ${call.url} answered ${res.statusCode}: ${seen.slice(0, 400)}`).toBeNull();
          if (HIDDEN.some((h) => h.test(call.url))) expect(res.statusCode, `${user} ${call.method} ${call.url}`).toBe(404);
        }
      }
    }
    // the audit log an admin reads holds every one of those calls and none of the truth
    await app.audit.flush();
    for (const admin of ['kr-admin', 'jp-admin']) {
      const audit = await app.inject({ method: 'GET', url: '/api/audit?limit=1000', headers: auth(admin) });
      expect(audit.statusCode).toBe(200);
      expect(canaryIn(audit.body)).toBeNull();
    }
    expect(calls).toBeGreaterThan(PLAYERS.length * app.routeList.length);
    console.log(`leak test: ${calls} requests, ${app.routeList.length} routes x ${PLAYERS.length} players (every role of both parties, and exercise control not named a controller)`);
    // the canaries are there to be found: a controller reads every one of them
    const control = (await app.inject({ method: 'GET', url: `/api/exercises/${CASE}/control`, headers: auth('tanaka') })).body;
    expect(CANARIES.filter((c) => !control.includes(c))).toEqual([]);
    const forcing = (await app.inject({ method: 'GET', url: '/api/forcing', headers: auth('tanaka') })).body;
    expect(FORCING_CANARIES.filter((c) => !forcing.includes(c))).toEqual([]);
  });

  test('every live feed, as every player, while control keeps working', async () => {
    const clients: { user: string; messages: string[]; socket: WebSocket }[] = [];
    const connect = (user: string, caseId: string) => new Promise<{ status: number; socket?: WebSocket; messages: string[] }>((resolve) => {
      const socket = new WebSocket(`ws://${base}/api/cases/${caseId}/live?afterVersion=0`, { headers: { authorization: `Bearer ${tokens[user]}` } });
      const messages: string[] = [];
      socket.on('message', (data) => messages.push(String(data)));
      socket.once('open', () => resolve({ status: 101, socket, messages }));
      socket.once('unexpected-response', (_req, res) => { let body = ''; res.on('data', (d) => { body += String(d); }); res.on('end', () => { messages.push(body); resolve({ status: res.statusCode ?? 0, messages }); }); });
    });
    for (const user of PLAYERS) {
      const control = await connect(user, CONTROL);
      expect(control.status, `${user} live on the control stream`).toBe(404);
      expect(canaryIn(control.messages.join('\n'))).toBeNull();
      const players = await connect(user, CASE);
      expect(canaryIn(players.messages.join('\n'))).toBeNull();
      if (players.socket) clients.push({ user, messages: players.messages, socket: players.socket });
      else expect(['kr-admin', 'jp-admin'], `${user} refused the players' case live`).toContain(user);
    }
    expect(clients.map((c) => c.user).sort()).toEqual(PLAYERS.filter((u) => !u.endsWith('-admin')).sort());
    // control goes on: a new truth, another inject, lessons, the clock; the ticker releases what is due
    await command('tanaka', 'truthSet', { ...TRUTH, seed: TRUTH.seed });
    await command('lee', 'injectScheduled', { injectId: 'debris-1', kind: 'debris', at: '2026-03-10T10:00Z', text: 'an oil slick and a lifejacket', position: { lonDeg: 131.4, latDeg: 37.3 } });
    await command('lee', 'injectScheduled', { injectId: 'wx-2', kind: 'weatherChange', at: '2026-03-10T15:00Z', text: 'CANARY-INJECT-ZK9 fog', weather: { visibilityNm: 0.5 } });
    await command('lee', 'lessonEntered', { text: 'CANARY-LESSON-QX7 again' });
    await command('lee', 'clockStepped', { toTime: '2026-03-10T10:15Z' });
    await app.ticker.tick();
    const last = await caseVersion();
    const lastOf = (messages: string[]) => Math.max(0, ...messages.map((m) => JSON.parse(m)).filter((m) => m.kind === 'event').map((m) => m.event.version as number));
    for (const c of clients) {
      while (lastOf(c.messages) < last) await new Promise((r) => setTimeout(r, 10));
      expect(canaryIn(c.messages.join('\n')), `live to ${c.user}`).toBeNull();
      c.socket.close();
    }
    // what the players did get: the released injects, the clock, the detection, and nothing of the truth
    const kinds = clients[0].messages.map((m) => JSON.parse(m)).filter((m) => m.kind === 'event').map((m) => m.event.type);
    expect(kinds).toEqual(expect.arrayContaining(['injectReleased', 'exerciseClock', 'targetDetected']));
  });
});
