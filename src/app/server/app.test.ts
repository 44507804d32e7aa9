import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SqliteStore } from '../../io/storage/index.js';
import { buildApp, type SarbridgeApp } from './app.js';
import { verifyPassword } from './passwords.js';
import { createTestUsers, TEST_PASSWORD } from './server_test_support.js';

let app: SarbridgeApp;
let store: SqliteStore;
const tokens: Record<string, string> = {};
const auth = (user: string) => ({ authorization: `Bearer ${tokens[user]}` });

beforeAll(async () => {
  store = new SqliteStore(':memory:');
  await createTestUsers(store);
  app = await buildApp({ store, limits: { driftParticlesMax: 500, driftDurationHMax: 12 }, webRoot: '/nonexistent/sarbridge-web' });
  for (const user of ['kr-admin', 'kim', 'park', 'han', 'min', 'sato', 'ito', 'wang']) {
    const res = await app.inject({ method: 'POST', url: '/api/session', payload: { userName: user, password: TEST_PASSWORD } });
    tokens[user] = res.json().token;
  }
});
afterAll(async () => { await app.close(); await store.close(); });

async function openCase(kind: 'case' | 'exercise' = 'case', by = 'kim'): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/cases', headers: auth(by), payload: { kind, title: 'Raft west of the rocks', parties: ['KR', 'JP'] } });
  expect(res.statusCode).toBe(201);
  return res.json().caseId;
}
const post = (user: string, caseId: string, body: object) => app.inject({ method: 'POST', url: `/api/cases/${caseId}/events`, headers: auth(user), payload: body });

describe('POST /api/session, GET /api/session, DELETE /api/session', () => {
  test('signs in with the right password, sets a secure HttpOnly cookie, and the cookie works', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/session', payload: { userName: 'kim', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toEqual({ userName: 'kim', party: 'KR', roles: ['smc'] });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/sarbridge_session=.+; Path=\/; Max-Age=43200; HttpOnly; Secure; SameSite=Strict/);
    const me = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie: cookie.split(';')[0] } });
    expect(me.json().user.userName).toBe('kim');
  });
  test('refuses a wrong password and an unknown user alike', async () => {
    for (const payload of [{ userName: 'kim', password: 'wrong password!' }, { userName: 'nobody', password: 'whatever123456' }]) {
      const res = await app.inject({ method: 'POST', url: '/api/session', payload });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'SARB_NOT_AUTHENTICATED', message: 'userName/password: unknown user or wrong password' });
    }
  });
  test('refuses further tries after 5 failed logins for a name, even with the right password', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await app.inject({ method: 'POST', url: '/api/session', payload: { userName: 'min', password: `guess number ${i}` } })).statusCode).toBe(401);
    }
    const locked = await app.inject({ method: 'POST', url: '/api/session', payload: { userName: 'min', password: TEST_PASSWORD } });
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'SARB_TOO_MANY_LOGINS' });
    expect(locked.json().message).toMatch(/retry in \d+ s/);
  });
  test('names a missing field', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/session', payload: { userName: 'kim' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'SARB_INVALID_INPUT', field: 'body/password' });
  });
  test('signing out ends the session', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/session', payload: { userName: 'park', password: TEST_PASSWORD } });
    const h = { authorization: `Bearer ${login.json().token}` };
    expect((await app.inject({ method: 'DELETE', url: '/api/session', headers: h })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: h })).statusCode).toBe(401);
  });
});

describe('GET /api/users, POST /api/users', () => {
  test('an admin creates an account of its own party with a hashed password', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/users', headers: auth('kr-admin'), payload: { userName: 'choi', password: 'a long enough pass', party: 'KR', roles: ['osc'] } });
    expect(res.statusCode).toBe(201);
    const stored = await store.findUser('choi');
    expect(stored!.passwordHash).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect(await verifyPassword('a long enough pass', stored!.passwordHash)).toBe(true);
    const list = await app.inject({ method: 'GET', url: '/api/users', headers: auth('kr-admin') });
    expect(list.json().users.map((u: { party: string }) => u.party)).not.toContain('JP');
    expect(list.json().users.map((u: { userName: string }) => u.userName)).toContain('choi');
  });
  test('refuses another party, a non-admin, a short password, a duplicate', async () => {
    const body = { userName: 'tanaka', password: 'a long enough pass', party: 'JP', roles: ['osc'] };
    expect((await app.inject({ method: 'POST', url: '/api/users', headers: auth('kr-admin'), payload: body })).json()).toMatchObject({ statusCode: 403, code: 'SARB_ACCESS_DENIED' });
    expect((await app.inject({ method: 'POST', url: '/api/users', headers: auth('kim'), payload: { ...body, party: 'KR' } })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/users', headers: auth('kim') })).statusCode).toBe(403);
    const short = await app.inject({ method: 'POST', url: '/api/users', headers: auth('kr-admin'), payload: { ...body, party: 'KR', password: 'short' } });
    expect(short.json()).toMatchObject({ statusCode: 400, field: 'body/password' });
    const dup = await app.inject({ method: 'POST', url: '/api/users', headers: auth('kr-admin'), payload: { ...body, userName: 'kim', party: 'KR' } });
    expect(dup.json()).toMatchObject({ statusCode: 409, code: 'SARB_DUPLICATE_USER' });
    expect((await app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
  });
});

describe('POST /api/cases, GET /api/cases', () => {
  test('an SMC opens a case shared with JP; both parties list it, a third does not', async () => {
    const caseId = await openCase();
    const list = async (u: string) => (await app.inject({ method: 'GET', url: '/api/cases', headers: auth(u) })).json().cases.map((c: { caseId: string }) => c.caseId);
    expect(await list('kim')).toContain(caseId);
    expect(await list('sato')).toContain(caseId);
    expect(await list('wang')).not.toContain(caseId);
  });
  test('refuses an OSC (role), a case without the own party, bad input with the field, no session', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/cases', headers: auth('park'), payload: { kind: 'case', title: 'x', parties: ['KR'] } })).statusCode).toBe(403);
    const other = await app.inject({ method: 'POST', url: '/api/cases', headers: auth('kim'), payload: { kind: 'case', title: 'x', parties: ['JP'] } });
    expect(other.json()).toMatchObject({ statusCode: 400, field: 'body/payload/parties' });
    const bad = await app.inject({ method: 'POST', url: '/api/cases', headers: auth('kim'), payload: { kind: 'case', title: 'x', parties: ['korea'] } });
    expect(bad.json()).toMatchObject({ statusCode: 400, field: 'body/parties/0' });
    expect((await app.inject({ method: 'POST', url: '/api/cases', payload: { kind: 'case', title: 'x', parties: ['KR'] } })).statusCode).toBe(401);
  });
});

describe('POST /api/cases/:caseId/events', () => {
  test('appends based on the current version; a stale write gets 409 naming the current version', async () => {
    const caseId = await openCase();
    const first = await post('kim', caseId, { basedOnVersion: 1, type: 'message', payload: { text: 'KR RCC takes SMC' } });
    expect(first.statusCode).toBe(201);
    expect(first.json().event).toMatchObject({ version: 2, author: 'kim', party: 'KR', basedOnVersion: 1 });
    const stale = await post('sato', caseId, { basedOnVersion: 1, type: 'message', payload: { text: 'JP RCC takes SMC' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'SARB_VERSION_CONFLICT', currentVersion: 2 });
    expect(stale.json().message).toMatch(/is at version 2, but this write was based on version 1/);
  });
  test('refuses the wrong party, the wrong role, bad payloads with the field, and own-route types', async () => {
    const caseId = await openCase();
    // another party's case answers as a case that does not exist: its existence and its parties do not leak
    const other = (await post('wang', caseId, { basedOnVersion: 1, type: 'message', payload: { text: 'hi' } })).json();
    expect(other).toEqual({ statusCode: 404, error: 'Not Found', code: 'SARB_CASE_NOT_FOUND', message: `case '${caseId}' does not exist` });
    expect((await post('wang', 'no-such-case', { basedOnVersion: 1, type: 'message', payload: { text: 'hi' } })).json()).toMatchObject({ statusCode: 404, code: 'SARB_CASE_NOT_FOUND' });
    // an unknown type or releasability is answered with the allowed values
    const unknownType = (await post('kim', caseId, { basedOnVersion: 1, type: 'gossip', payload: { text: 'hi' } })).json();
    expect(unknownType).toMatchObject({ statusCode: 400, code: 'SARB_INVALID_INPUT', field: 'body/type' });
    expect(unknownType.message).toBe('body/type: must be one of "caseOpened", "report", "driftRun", "planningInputs", "planIssued", "searchDone", "sighting", "message", "notificationAcknowledged", "unitPosition", "caseClosed", "caseReopened", "statusChangeAgreed", "partyAdded", "eventCorrected", "eventRetracted", "messageAcknowledged", "injectReleased", "exerciseClock", "targetDetected", "exerciseEnded"');
    expect((await post('kim', caseId, { basedOnVersion: 1, type: 'message', releasability: 'some', payload: { text: 'hi' } })).json().message)
      .toBe('body/releasability: must be one of "everything", "position-only", "nothing"');
    expect((await post('han', caseId, { basedOnVersion: 1, type: 'message', payload: { text: 'hi' } })).json()).toMatchObject({ statusCode: 403 });
    expect((await post('ito', caseId, { basedOnVersion: 1, type: 'planIssued', payload: { planId: 'P1', text: 'x' } })).json().message).toMatch(/needs role smc/);
    const lat = await post('park', caseId, { basedOnVersion: 1, type: 'sighting', payload: { position: { lonDeg: 131, latDeg: 97 }, text: 'raft' } });
    expect(lat.json()).toMatchObject({ statusCode: 400, field: 'body/payload/position/latDeg' });
    const version = await post('kim', caseId, { basedOnVersion: 'one', type: 'message', payload: { text: 'x' } });
    expect(version.json()).toMatchObject({ statusCode: 400, field: 'body/basedOnVersion' });
    const type = await post('kim', caseId, { basedOnVersion: 1, type: 'gossip', payload: {} });
    expect(type.json()).toMatchObject({ statusCode: 400, field: 'body/type' });
    expect((await post('kim', caseId, { basedOnVersion: 1, type: 'driftRun', payload: {} })).json()).toMatchObject({ statusCode: 400, field: 'body/type' });
    expect((await post('kim', 'no-such-case', { basedOnVersion: 1, type: 'message', payload: { text: 'x' } })).statusCode).toBe(404);
  });
  test('a closed case takes no more events', async () => {
    const caseId = await openCase();
    // a joint case without an agreement (no coordinating RCC): closed once the other party agreed
    expect((await post('sato', caseId, { basedOnVersion: 1, type: 'statusChangeAgreed', payload: { to: 'closed', reason: 'found' } })).statusCode).toBe(201);
    expect((await post('kim', caseId, { basedOnVersion: 2, type: 'caseClosed', payload: { reason: 'found' } })).statusCode).toBe(201);
    expect((await post('kim', caseId, { basedOnVersion: 3, type: 'message', payload: { text: 'x' } })).json()).toMatchObject({ statusCode: 409, code: 'SARB_CASE_CLOSED' });
  });
  test('refuses a body over the size limit', async () => {
    const caseId = await openCase();
    const res = await post('kim', caseId, { basedOnVersion: 1, type: 'message', payload: { text: 'x'.repeat(300_000) } });
    expect(res.statusCode).toBe(413);
  });
});

describe('GET /api/cases/:caseId, GET /api/cases/:caseId/events (releasability)', () => {
  test('each party sees its own events whole and the other party\'s as released', async () => {
    const caseId = await openCase();
    await post('park', caseId, { basedOnVersion: 1, type: 'unitPosition', releasability: 'position-only', payload: { unitId: 'KR-3001', position: { lonDeg: 131.1, latDeg: 37.3 }, speedKn: 16 } });
    await post('kim', caseId, { basedOnVersion: 2, type: 'message', releasability: 'nothing', payload: { text: 'KR internal: fuel at 40 %' } });
    await post('sato', caseId, { basedOnVersion: 3, type: 'sighting', payload: { position: { lonDeg: 131.3, latDeg: 37.2 }, text: 'orange raft' } });
    const jp = await app.inject({ method: 'GET', url: `/api/cases/${caseId}/events?afterVersion=1`, headers: auth('ito') });
    expect(jp.statusCode).toBe(200);
    const events = jp.json().events;
    expect(events.map((e: { version: number }) => e.version)).toEqual([2, 3, 4]);
    expect(events[0]).toMatchObject({ redacted: true, payload: { unitId: 'KR-3001', position: { lonDeg: 131.1, latDeg: 37.3 } } });
    expect(events[0].payload.speedKn).toBeUndefined();
    expect(events[0].author).toBeUndefined();
    expect(events[1]).toEqual({ caseId, version: 3, withheld: true });
    expect(jp.body).not.toContain('fuel');
    const kr = await app.inject({ method: 'GET', url: `/api/cases/${caseId}/events`, headers: auth('han') });
    expect(kr.json().events[2].payload.text).toMatch(/fuel/);
    const state = (await app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: auth('sato') })).json().state;
    expect(state).toMatchObject({ version: 4, withheldCount: 1, messages: [] });
    expect(state.sightings[0].text).toBe('orange raft');
    expect(JSON.stringify(state)).not.toContain('fuel');
  });
  test('refuses another party, programme staff on a real case, a bad afterVersion', async () => {
    const caseId = await openCase();
    expect((await app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: auth('wang') })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/cases/${caseId}/events`, headers: auth('min') })).statusCode).toBe(403);
    const exercise = await openCase('exercise');
    expect((await app.inject({ method: 'GET', url: `/api/cases/${exercise}`, headers: auth('min') })).statusCode).toBe(200);
    const bad = await app.inject({ method: 'GET', url: `/api/cases/${caseId}/events?afterVersion=-1`, headers: auth('kim') });
    expect(bad.json()).toMatchObject({ statusCode: 400, field: 'querystring/afterVersion' });
    expect((await app.inject({ method: 'GET', url: '/api/cases/nope', headers: auth('kim') })).statusCode).toBe(404);
  });
});

describe('what the browser may keep', () => {
  test("an answer for one user is kept by no browser (its next user, its back button): no-store, unless a route says what may be kept", async () => {
    const caseId = await openCase();
    await post('kim', caseId, { basedOnVersion: 1, type: 'message', releasability: 'nothing', payload: { text: 'KR internal' } });
    for (const url of [`/api/cases/${caseId}`, `/api/cases/${caseId}/events`, '/api/cases', '/api/session', '/api/users', '/api/audit']) {
      const res = await app.inject({ method: 'GET', url, headers: auth(url === '/api/users' || url === '/api/audit' ? 'kr-admin' : 'kim') });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
    const signIn = await app.inject({ method: 'POST', url: '/api/session', payload: { userName: 'kim', password: TEST_PASSWORD } });
    expect(signIn.headers['cache-control']).toBe('no-store');
    // a refusal too, and a forcing file keeps its own (its bytes never change under one name)
    expect((await app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: auth('wang') })).headers['cache-control']).toBe('no-store');
    expect((await app.inject({ method: 'GET', url: '/api/forcing/demo:east-sea-wind.nc', headers: auth('kim') })).headers['cache-control']).toBe('private, max-age=31536000, immutable');
  });
});

describe('POST /api/cases/:caseId/drift-runs', () => {
  const body = (basedOnVersion: number) => ({
    basedOnVersion, lkp: { position: { lonDeg: 131.25, latDeg: 37.2333 }, time: '2026-03-10T06:00:00Z' },
    objectClass: 'PIW-1', durationH: 3, particles: 200,
    forcing: { source: 'constant', windSpeedMps: 10, windFromDeg: 270, currentSpeedMps: 0.2, currentTowardDeg: 90 },
  });
  test('runs a small drift and appends its summary (not the particles)', async () => {
    const caseId = await openCase();
    const res = await app.inject({ method: 'POST', url: `/api/cases/${caseId}/drift-runs?wait=true`, headers: auth('kim'), payload: body(1) });
    expect(res.statusCode).toBe(201);
    const event = res.json().event;
    expect(event).toMatchObject({ type: 'driftRun', version: 2, author: 'kim' });
    const times = event.payload.summary.times;
    expect(times.map((t: { time: string }) => t.time)).toEqual(['2026-03-10T06:00Z', '2026-03-10T07:00Z', '2026-03-10T08:00Z', '2026-03-10T09:00Z']);
    // wind from the west and an eastward current both push the cloud east
    expect(times[3].centroid.lonDeg).toBeGreaterThan(131.27);
    expect(res.body.length).toBeLessThan(5000);
  });
  test('runs on the bundled SYNTHETIC demo forcing with the bundled coastline', async () => {
    const caseId = await openCase();
    const res = await app.inject({ method: 'POST', url: `/api/cases/${caseId}/drift-runs?wait=true`, headers: auth('kim'),
      payload: { ...body(1), durationH: 2, forcing: { source: 'demo' }, coastline: 'bundled' } });
    expect(res.statusCode).toBe(201);
    const summary = res.json().event.payload.summary;
    expect(summary.title).toMatch(/SYNTHETIC/);
    expect(summary.forcing.wind).toMatch(/east-sea-wind\.nc/);
    expect(summary.times).toHaveLength(3);
    expect(summary.times[2].counts.active).toBe(200);   // 30 NM off the islets: nothing strands within 2 h
  });
  test('refuses too many particles and too long a run with the field, an OSC, a stale version, another party', async () => {
    const caseId = await openCase();
    const drift = (user: string, payload: object) => app.inject({ method: 'POST', url: `/api/cases/${caseId}/drift-runs?wait=true`, headers: auth(user), payload });
    expect((await drift('kim', { ...body(1), particles: 501 })).json()).toMatchObject({ statusCode: 400, field: 'body/particles' });
    expect((await drift('kim', { ...body(1), durationH: 13 })).json()).toMatchObject({ statusCode: 400, field: 'body/durationH' });
    expect((await drift('park', body(1))).statusCode).toBe(403);
    expect((await drift('wang', body(1))).statusCode).toBe(404);
    expect((await drift('kim', body(7))).json()).toMatchObject({ statusCode: 409, currentVersion: 1 });
    const outside = await drift('kim', { ...body(1), forcing: { source: 'demo' }, lkp: { position: { lonDeg: 10, latDeg: 10 }, time: '2026-03-10T06:00:00Z' } });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().code).toMatch(/^SARB_.*NOT_COVERED$/);
  });
});

describe('GET /api/audit', () => {
  test('records who read and changed what, shows an admin its own party only', async () => {
    const caseId = await openCase();
    await app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: auth('sato') });
    await app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: auth('wang') });
    await app.inject({ method: 'GET', url: `/api/cases/${caseId}/events`, headers: auth('han') });
    const res = await app.inject({ method: 'GET', url: `/api/audit?caseId=${caseId}`, headers: auth('kr-admin') });
    expect(res.statusCode).toBe(200);
    const entries = res.json().entries;
    expect(entries.map((e: { userName: string; action: string }) => `${e.userName} ${e.action}`)).toEqual(['han GET /api/cases/:caseId/events']);
    const all = await store.readAudit({ caseId });
    expect(all.map((e) => `${e.userName} ${e.action} ${e.statusCode}`)).toEqual(['han GET /api/cases/:caseId/events 200', 'wang GET /api/cases/:caseId 404', 'sato GET /api/cases/:caseId 200']);
    expect(entries.every((e: { party: string }) => e.party === 'KR')).toBe(true);
    expect((await app.inject({ method: 'GET', url: '/api/audit', headers: auth('kim') })).statusCode).toBe(403);
  });
});

describe('GET /openapi.json, GET /api/health', () => {
  test('the OpenAPI document lists every route with its schemas', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/agreement/', '/api/audit/', '/api/cases/', '/api/cases/{caseId}', '/api/cases/{caseId}/drift-runs', '/api/cases/{caseId}/drift-runs/{runId}', '/api/cases/{caseId}/drift-runs/{runId}/particles', '/api/cases/{caseId}/events',
      '/api/exercises/', '/api/exercises/{caseId}/control', '/api/exercises/{caseId}/report', '/api/exercises/{caseId}/score', '/api/exercises/{caseId}/simulated-searches',
      '/api/forcing/', '/api/forcing/{ref}', '/api/health', '/api/programme/', '/api/programme/events', '/api/session/', '/api/setup/', '/api/users/',
      '/api/users/{userName}/disable', '/api/users/{userName}/enable', '/api/users/{userName}/password', '/api/users/{userName}/roles', '/api/users/{userName}/unlock',
    ]);
    // the exercise and programme payloads are documented beside the case events'
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['ControlEventPayload_truthSet', 'ControlEventPayload_injectScheduled', 'ProgrammeEventPayload_exerciseAdded', 'EventPayload_injectReleased']));
    expect(doc.info.description).toMatch(/GET \/api\/cases\/\{caseId\}\/live\?afterVersion=N/);
    expect(doc.paths['/api/cases/{caseId}/drift-runs'].post.requestBody.content['application/json'].schema.properties.particles.maximum).toBe(500);
  });
  test('without a built browser application the address the server prints answers with a page that says so and where the API is', async () => {
    const reply = await app.inject({ method: 'GET', url: '/' });
    expect(reply.statusCode).toBe(200);
    expect(reply.body).toContain('npm run build:web');
    expect(reply.headers['content-type']).toMatch(/text\/html/);
    expect(reply.body).toContain('/openapi.json');
    expect(reply.body).toContain('sarbridge admin create');
  });

  test('health answers without a session; the count of live feeds only to an administrator', async () => {
    // a count that moves when a controller opens the control stream would tell a player when exercise control is at work
    const health = { status: 'ok', storage: 'sqlite', database: 'ok', auditLinesFailed: 0, auditLinesWaiting: 0 };
    expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual(health);
    expect((await app.inject({ method: 'GET', url: '/api/health', headers: auth('kim') })).json()).toEqual(health);
    expect((await app.inject({ method: 'GET', url: '/api/health', headers: auth('kr-admin') })).json()).toEqual({ ...health, liveSubscribers: 0 });
  });
});

describe('planning inputs over HTTP', () => {
  test('POST …/events takes planningInputs and names a wrong field under body/payload/inputs; the OpenAPI document has each payload', async () => {
    const caseId = await openCase();
    const inputs = {
      forcing: { wind: [{ file: 'demo:east-sea-wind.nc' }], current: [{ file: 'demo:east-sea-currents.nc' }] },
      scenarios: [{ name: 'raft', weight: 1, object: 'LIFE-RAFT-DB-10', position: '37 14N 131 15E', time: '2026-03-10T06:00Z' }],
      planningTime: '2026-03-10T09:00Z',
      units: [{ id: 'kr-ship-1', speedKn: 12, enduranceH: 6, arrival: '2026-03-10T09:00Z', patterns: ['PS'], sweepWidthNm: 2 }],
    };
    const bad = await post('kim', caseId, { basedOnVersion: 1, type: 'planningInputs', payload: { inputs: { ...inputs, scenarios: [{ ...inputs.scenarios[0], position: '97 14N 131 15E' }] } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'SARB_INVALID_INPUT', field: 'body/payload/inputs/scenarios/0/position' });
    expect(bad.json().message).toMatch(/^payload\/inputs\/scenarios\/0\/position: /);
    const file = await post('kim', caseId, { basedOnVersion: 1, type: 'planningInputs', payload: { inputs: { ...inputs, forcing: { ...inputs.forcing, wind: [{ file: 'wind.nc' }] } } } });
    expect(file.statusCode).toBe(400);
    expect(file.json().field).toBe('body/payload/inputs/forcing/wind/0/file');
    const ok = await post('kim', caseId, { basedOnVersion: 1, type: 'planningInputs', payload: { inputs } });
    expect(ok.statusCode).toBe(201);
    const state = (await app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: auth('sato') })).json().state;
    expect(state.planningInputs.inputs).toEqual(inputs);
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(doc.components.schemas.EventPayload_planningInputs.properties.inputs.properties.scenarios.type).toBe('array');
    expect(Object.keys(doc.components.schemas.EventPayload_searchDone.properties)).toEqual(expect.arrayContaining(['track', 'sweepWidthNm', 'speedKn']));
  });
});
