import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { truthPositionAt } from '../../core/exercise/index.js';
import { PostgresStore, type SarbridgeStore } from '../../io/storage/index.js';
import { freshPostgresDatabase, PG_SKIP_REASON, TEST_PG_URL } from '../../io/storage/postgres_test_support.js';
import type { SarbridgeApp } from './app.js';
import { DEMO_PLANNING_INPUTS } from './demo_data.js';
import { pdftotext, pdftotextAvailable } from '../../test_support/pdftotext.js';
import { exerciseApp, TRUTH } from './exercise_test_support.js';

let app: SarbridgeApp;
let store: SarbridgeStore;
let auth: (user: string) => { authorization: string };
let clock: { nowMs: number };
beforeAll(async () => ({ app, store, auth, clock } = await exerciseApp('2026-03-10T07:30:00.000Z')));
afterAll(async () => { await app.close(); await store.close(); });

const CASE = 'sarex-1';
const control = async (user: string) => app.inject({ method: 'GET', url: `/api/exercises/${CASE}/control`, headers: auth(user) });
const controlVersion = async () => (await control('lee')).json().state.version as number;
const command = async (user: string, type: string, payload: object, basedOnVersion?: number) => app.inject({
  method: 'POST', url: `/api/exercises/${CASE}/control`, headers: auth(user), payload: { basedOnVersion: basedOnVersion ?? await controlVersion(), type, payload },
});
const players = async (user = 'kim') => (await app.inject({ method: 'GET', url: `/api/cases/${CASE}/events`, headers: auth(user) })).json().events as { version: number; type: string; payload: Record<string, unknown> }[];
const playersVersion = async () => (await players()).at(-1)!.version;
const append = async (user: string, type: string, payload: object) => app.inject({
  method: 'POST', url: `/api/cases/${CASE}/events`, headers: auth(user), payload: { basedOnVersion: await playersVersion(), type, payload },
});

describe('a joint exercise through HTTP', () => {
  test('exercise control creates it from the programme and becomes its director; the director names the controllers', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/exercises', headers: auth('kim'), payload: { programmeItemId: 'sarex-1' } })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/exercises', headers: auth('lee'), payload: { programmeItemId: 'sarex-7' } })).json())
      .toMatchObject({ statusCode: 400, field: 'body/programmeItemId' });
    const created = await app.inject({ method: 'POST', url: '/api/exercises', headers: auth('lee'), payload: { programmeItemId: 'sarex-1' } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ caseId: CASE, controlStreamId: `${CASE}.control` });
    // the players' case: both parties of the programme
    const kimCases = (await app.inject({ method: 'GET', url: '/api/cases', headers: auth('kim') })).json().cases;
    expect(kimCases.find((c: { caseId: string }) => c.caseId === CASE)).toMatchObject({ kind: 'exercise', parties: ['KR', 'JP'] });
    expect(kimCases.map((c: { caseId: string }) => c.caseId)).not.toContain(`${CASE}.control`);
    expect((await app.inject({ method: 'GET', url: `/api/cases/${CASE}`, headers: auth('sato') })).statusCode).toBe(200);
    // the programme records the case
    expect((await app.inject({ method: 'GET', url: '/api/programme', headers: auth('sato') })).json().exerciseCases).toEqual({ 'sarex-1': [CASE] });

    expect((await control('lee')).json().state).toMatchObject({ director: { userName: 'lee', party: 'KR' }, controllers: ['lee'] });
    for (const user of ['tanaka', 'kim', 'sato', 'yoon', 'min']) expect((await control(user)).statusCode).toBe(404);
    expect((await command('lee', 'controllersSet', { controllers: ['kim'] })).json()).toMatchObject({ statusCode: 400, field: 'body/payload/controllers/0', message: expect.stringMatching(/exercise-control role/) });
    expect((await command('lee', 'controllersSet', { controllers: ['tanaka'] })).statusCode).toBe(201);
    expect((await control('tanaka')).json().state.controllers).toEqual(['lee', 'tanaka']);
    expect((await command('tanaka', 'controllersSet', { controllers: [] })).json()).toMatchObject({ statusCode: 403, message: expect.stringMatching(/only the director/) });
    // the case routes read the control stream for its controllers only
    expect((await app.inject({ method: 'GET', url: `/api/cases/${CASE}.control/events`, headers: auth('tanaka') })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/api/cases/${CASE}.control/events`, headers: auth('yoon') })).statusCode).toBe(404);
  });

  test('a truth outside the truth forcing is refused to the controller with the reason; a possible one is set', async () => {
    const early = await command('lee', 'truthSet', { ...TRUTH, time: '2026-03-09T06:00Z' });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'SARB_EXERCISE_TRUTH' });
    expect(early.json().message).toMatch(/^truth: forcing: /);
    const outside = await command('lee', 'truthSet', { ...TRUTH, position: { lonDeg: 140.5, latDeg: 37.2 } });
    expect(outside.json()).toMatchObject({ statusCode: 422, code: 'SARB_EXERCISE_TRUTH' });
    expect((await command('lee', 'truthSet', { ...TRUTH, objectClass: 'RAFT-XYZ' })).json()).toMatchObject({ statusCode: 400, field: 'body/payload/objectClass' });
    expect((await command('lee', 'truthSet', TRUTH)).statusCode).toBe(201);
    const read = (await control('tanaka')).json();
    expect(read.state.truth).toMatchObject({ objectClass: 'OVATEK-CRAFT-3', time: '2026-03-10T06:00Z', seed: TRUTH.seed });
    // the track every 10 minutes over 30 h, from the release position
    expect(read.truthTrack).toHaveLength(181);
    expect(read.truthTrack[0]).toEqual({ time: '2026-03-10T06:00:00.000Z', ...TRUTH.position, status: 'active' });
  });

  test('the stepped clock and injects: one in the past refused, the due ones released by the ticker, the others kept back', async () => {
    expect((await append('kim', 'planningInputs', { inputs: DEMO_PLANNING_INPUTS })).statusCode).toBe(201);
    // a value outside a set of words is answered with the words
    expect((await command('lee', 'clockSet', { mode: 'fast', exerciseTime: '2026-03-10T17:00+09:00' })).json())
      .toMatchObject({ statusCode: 400, field: 'body/payload/mode', message: 'payload/mode: must be one of "real", "accelerated", "stepped"' });
    expect((await command('lee', 'clockSet', { mode: 'stepped', exerciseTime: '2026-03-10T17:00+09:00' })).statusCode).toBe(201);
    const past = await command('lee', 'injectScheduled', { injectId: 'late-1', kind: 'sighting', at: '2026-03-10T07:59Z', text: 'too late', position: { lonDeg: 131.3, latDeg: 37.3 } });
    expect(past.json()).toMatchObject({ statusCode: 400, field: 'body/payload/at', code: 'SARB_EXERCISE_INJECT', message: expect.stringMatching(/in the past/) });
    expect((await command('lee', 'injectScheduled', { injectId: 'call-1', kind: 'distressCall', at: '2026-03-10T09:00Z', text: 'MAYDAY, raft, position approximate', positionError: { kind: 'bearingDistance', bearingDeg: 40, distanceNm: 2 } })).statusCode).toBe(201);
    expect((await command('tanaka', 'injectScheduled', { injectId: 'wx-1', kind: 'weatherChange', at: '2026-03-10T12:00Z', text: 'CANARY-INJECT-ZK9 gale', weather: { windKn: 35 } })).statusCode).toBe(201);
    expect((await command('lee', 'injectScheduled', { injectId: 'late-2', kind: 'unitLate', at: '2026-03-10T10:00Z', text: 'kr-ship-1 late', unitId: 'kr-ship-1' })).json()).toMatchObject({ field: 'body/payload/delayH' });
    await app.ticker.tick();
    let events = await players('sato');
    expect(events.filter((e) => e.type === 'exerciseClock').map((e) => e.payload)).toEqual([{ mode: 'stepped', rate: 0, exerciseTime: '2026-03-10T08:00Z', wallTime: '2026-03-10T07:30Z' }]);
    expect(events.filter((e) => e.type === 'injectReleased')).toEqual([]);
    expect((await command('lee', 'clockStepped', { toTime: '2026-03-10T07:00Z' })).json()).toMatchObject({ field: 'body/payload/toTime' });
    expect((await command('lee', 'clockStepped', { toTime: '2026-03-10T09:30Z' })).statusCode).toBe(201);
    await app.ticker.tick();
    events = await players('sato');
    const released = events.filter((e) => e.type === 'injectReleased');
    expect(released.map((e) => e.payload.injectId)).toEqual(['call-1']);
    // the distress call is reported 2 NM from where the truth was at 09:00
    const track = (await app.exercises.truthTrackOf(CASE, (await app.exercises.controlOf(CASE))!.state))!;
    const at = truthPositionAt(track, Date.parse('2026-03-10T09:00Z') / 1000)!;
    const reported = released[0].payload.position as { lonDeg: number; latDeg: number };
    const offNm = Math.hypot((reported.lonDeg - at.lonDeg) * 60 * Math.cos(at.latDeg * Math.PI / 180), (reported.latDeg - at.latDeg) * 60);
    expect(offNm).toBeGreaterThan(1.95);
    expect(offNm).toBeLessThan(2.05);
    expect(events.filter((e) => e.type === 'exerciseClock').at(-1)!.payload.exerciseTime).toBe('2026-03-10T09:30Z');
    // a tick again releases nothing twice
    await app.ticker.tick();
    expect((await players()).filter((e) => e.type === 'injectReleased')).toHaveLength(1);
    // the players may not write these events themselves
    expect((await append('kim', 'injectReleased', { injectId: 'x', kind: 'debris', at: '2026-03-10T09:00Z', text: 'fake' })).json()).toMatchObject({ statusCode: 400, field: 'body/type' });
  });

  test('a searchDone with a track over the truth gets a detection drawn after it is acknowledged: detectionDrawn for control, targetDetected for the players', async () => {
    const track = (await app.exercises.truthTrackOf(CASE, (await app.exercises.controlOf(CASE))!.state))!;
    const at = (iso: string) => truthPositionAt(track, Date.parse(iso) / 1000)!;
    // a slow pass straight across the truth at 09:00-09:20, 2 NM either side of it
    const a = at('2026-03-10T09:00Z'), b = at('2026-03-10T09:20Z');
    const searchTrack = [
      { lonDeg: a.lonDeg - 0.04, latDeg: a.latDeg, time: '2026-03-10T09:00Z' },
      { lonDeg: b.lonDeg + 0.04, latDeg: b.latDeg, time: '2026-03-10T09:20Z' },
    ];
    const done = await append('kim', 'searchDone', { unitId: 'kr-ship-1', track: searchTrack, sweepWidthNm: 4, speedKn: 12 });
    expect(done.statusCode).toBe(201);
    const searchVersion = done.json().event.version;
    await app.ticker.tick();
    const drawn = (await control('lee')).json().state.detections;
    expect(drawn).toHaveLength(1);
    expect(drawn[0]).toMatchObject({ searchVersion, unitId: 'kr-ship-1', hit: true, seed: TRUTH.seed + searchVersion });
    expect(drawn[0].expectedDetections).toBeGreaterThan(5);   // the pass is right over the truth: POD above 99 %
    const detected = (await players('kim')).filter((e) => e.type === 'targetDetected');
    expect(detected.map((e) => e.payload)).toEqual([{ unitId: 'kr-ship-1', time: drawn[0].time, position: drawn[0].position, searchVersion, searchPhaseEnded: true }]);
    // kr-ship-1 is released position-only to JP: JP's players see who saw the target, where and when, as for its other reports
    expect((await players('sato')).filter((e) => e.type === 'targetDetected').map((e) => e.payload)).toEqual([{ unitId: 'kr-ship-1', time: drawn[0].time, position: drawn[0].position, searchPhaseEnded: true }]);
    // a controller of the other party reads the control stream whole (no unit's releasability applies to it)
    const raw = (await app.inject({ method: 'GET', url: `/api/cases/${CASE}.control/events`, headers: auth('tanaka') })).json().events;
    expect(raw.find((e: { type: string }) => e.type === 'detectionDrawn').payload).toMatchObject({ hit: true, unitId: 'kr-ship-1', seed: TRUTH.seed + searchVersion });
    // a miss draws too, and appends nothing for the players
    const far = await append('sato', 'searchDone', { unitId: 'jp-navy-ship-1', sweepWidthNm: 1, track: [
      { lonDeg: 133.5, latDeg: 39.5, time: '2026-03-10T09:00Z' }, { lonDeg: 133.6, latDeg: 39.5, time: '2026-03-10T09:30Z' }] });
    expect(far.json()).toMatchObject({ event: { type: 'searchDone' } });
    await app.ticker.tick();
    const all = (await control('lee')).json().state.detections;
    expect(all.map((d: { searchVersion: number; hit: boolean }) => [d.searchVersion, d.hit])).toEqual([[searchVersion, true], [far.json().event.version, false]]);
    expect((await players()).filter((e) => e.type === 'targetDetected')).toHaveLength(1);
  });

  test('a simulated search flies the unit\'s route of an issued plan at its speed up to the exercise time', async () => {
    const route = [
      { timeS: Date.parse('2026-03-10T09:00Z') / 1000, lonDeg: 131.0, latDeg: 37.0 },
      { timeS: Date.parse('2026-03-10T10:00Z') / 1000, lonDeg: 131.0, latDeg: 37.2 },
      { timeS: Date.parse('2026-03-10T11:00Z') / 1000, lonDeg: 131.1, latDeg: 37.2 },
    ];
    const issued = await append('kim', 'planIssued', { planId: 'P1', text: 'PLAN P1', units: [{ unitId: 'kr-ship-1', pattern: 'PS' }],
      plan: { datumTrack: [{ timeS: route[0].timeS, lonDeg: 131.05, latDeg: 37.1 }], units: [{ unitId: 'kr-ship-1', party: 'KR', waypoints: route }] } });
    expect(issued.statusCode).toBe(201);
    const planVersion = issued.json().event.version;
    const simulate = (user: string, body: object) => app.inject({ method: 'POST', url: `/api/exercises/${CASE}/simulated-searches`, headers: auth(user), payload: body });
    expect((await simulate('han', { unitId: 'kr-ship-1', planVersion })).statusCode).toBe(403);
    expect((await simulate('wang', { unitId: 'kr-ship-1', planVersion })).statusCode).toBe(404);
    expect((await simulate('kim', { unitId: 'kr-ship-1', planVersion: planVersion - 1 })).json()).toMatchObject({ statusCode: 400, field: 'body/planVersion' });
    const first = await simulate('park', { unitId: 'kr-ship-1', planVersion });
    expect(first.statusCode).toBe(201);
    const p = first.json().event.payload;
    // exercise time 09:30: half the first leg, at 12 kn (the planning inputs' speed)
    expect(p).toMatchObject({ unitId: 'kr-ship-1', planId: 'P1', speedKn: 12 });
    expect(p.track.map((w: { time: string }) => w.time)).toEqual(['2026-03-10T09:00Z', '2026-03-10T09:30Z']);
    expect(p.track[1].latDeg).toBeCloseTo(37.1, 6);
    expect(p.sweepWidthNm).toBeGreaterThan(0);
    // nothing more is flown until the clock moves
    expect((await simulate('kim', { unitId: 'kr-ship-1', planVersion })).json()).toMatchObject({ statusCode: 400, field: 'body/unitId' });
    expect((await command('lee', 'clockStepped', { toTime: '2026-03-10T10:30Z' })).statusCode).toBe(201);
    await app.ticker.tick();
    const second = (await simulate('kim', { unitId: 'kr-ship-1', planVersion })).json().event.payload;
    expect(second.track.map((w: { time: string }) => w.time)).toEqual(['2026-03-10T09:30Z', '2026-03-10T10:00Z', '2026-03-10T10:30Z']);
    await app.ticker.tick();
    expect((await control('lee')).json().state.detections).toHaveLength(4);
    // a unit that breaks down stops there
    expect((await command('lee', 'injectScheduled', { injectId: 'bd-1', kind: 'unitBreakdown', at: '2026-03-10T10:45Z', text: 'kr-ship-1: engine failure', unitId: 'kr-ship-1' })).statusCode).toBe(201);
    expect((await command('lee', 'clockStepped', { toTime: '2026-03-10T11:00Z' })).statusCode).toBe(201);
    await app.ticker.tick();
    const third = (await simulate('kim', { unitId: 'kr-ship-1', planVersion })).json().event.payload;
    expect(third.track.map((w: { time: string }) => w.time)).toEqual(['2026-03-10T10:30Z', '2026-03-10T10:45Z']);
    expect((await simulate('kim', { unitId: 'kr-ship-1', planVersion })).json().message).toMatch(/its breakdown at 2026-03-10T10:45Z/);
    await app.ticker.tick();
    expect((await control('lee')).json().state.detections).toHaveLength(5);
  });

  test('the score is for controllers until the end; the end reaches the players and the programme records the result', async () => {
    expect((await app.inject({ method: 'GET', url: `/api/exercises/${CASE}/score`, headers: auth('kim') })).statusCode).toBe(404);
    const score = (await app.inject({ method: 'GET', url: `/api/exercises/${CASE}/score`, headers: auth('tanaka') })).json().score;
    expect(score.score.detection).toMatchObject({ detected: true, unitId: 'kr-ship-1', fromS: Date.parse('2026-03-10T08:00Z') / 1000 });
    expect(score.score.detection.timeToDetectionS).toBeGreaterThan(0);
    // the plan scored on the players' cloud re-run from the planning inputs in force: the truth went in 0.1 NM from the reported position
    expect(score.score.plans).toHaveLength(1);
    expect(score.score.plans[0]).toMatchObject({ planId: 'P1 (v9)', inside90: true });
    expect(score.score.plans[0].truthCellRank).toBeGreaterThanOrEqual(1);
    expect(score.planProblems).toEqual([]);
    expect(score.score.effort.units.map((u: { unitId: string }) => u.unitId)).toEqual(['jp-navy-ship-1', 'kr-ship-1']);
    expect(score.score.effort.totalSweptNm2).toBeGreaterThan(0);
    expect(score.score.aboard).toMatchObject({ liaisonOfficers: 1, observers: 0, people: [{ name: 'Lieutenant', party: 'JP', role: 'liaisonOfficer', aboard: 'kr-helo-1' }] });
    expect(score.draws).toHaveLength(5);
    expect(score.injects.map((i: { injectId: string; releasedAt: string | null }) => [i.injectId, i.releasedAt !== null])).toEqual([['call-1', true], ['wx-1', false], ['bd-1', true]]);
    expect((await command('lee', 'lessonEntered', { text: 'CANARY-LESSON-QX7 the relay through the liaison officer was slow' })).statusCode).toBe(201);
    expect((await command('tanaka', 'exerciseEnded', { text: 'ENDEX' })).statusCode).toBe(201);
    await app.ticker.tick();
    const ended = (await players('sato')).filter((e) => e.type === 'exerciseEnded');
    expect(ended.map((e) => e.payload)).toEqual([{ exerciseTime: '2026-03-10T11:00Z', text: 'ENDEX' }]);
    // the injects not yet due are never released after the end
    expect((await players()).filter((e) => e.type === 'injectReleased').map((e) => e.payload.injectId)).toEqual(['call-1', 'bd-1']);
    const programme = (await app.inject({ method: 'GET', url: '/api/programme', headers: auth('kim') })).json();
    expect(programme.outcomes['sarex-1']).toMatchObject({ caseId: CASE, detected: true });
    expect(programme.programmes[0].exercises[0].result).toMatch(/^Exercise sarex-1: target detected by kr-ship-1 at 2026-03-10T09:\d\dZ, [\d.]+ h after it went into the water\.$/);
    expect((await app.inject({ method: 'GET', url: `/api/exercises/${CASE}/score`, headers: auth('sato') })).json().score.lessons).toHaveLength(1);
    // the after-action report: each party's copy in its names, the shared copy in neutral ones; HTML and PDF
    const report = (await app.inject({ method: 'GET', url: `/api/exercises/${CASE}/report?copy=KR&format=json`, headers: auth('kim') })).json().report;
    expect(report).toMatchObject({ exerciseId: CASE, parties: ['KR', 'JP'], truth: { objectClass: 'OVATEK-CRAFT-3' }, detection: { unitId: 'kr-ship-1' } });
    expect(report.plans).toHaveLength(1);
    expect(report.plans[0].cells.length).toBeGreaterThan(0);
    expect(report.searches.map((x: { source: string }) => x.source)).toEqual(['uploaded', 'uploaded', 'simulated', 'simulated', 'simulated']);
    expect(report.lessons.map((l: { by: string }) => l.by)).toEqual(['lee']);
    // each party's readers read its copy (and the shared one)
    const html = (copy: string) => app.inject({ method: 'GET', url: `/api/exercises/${CASE}/report?copy=${copy}`, headers: auth(copy === 'KR' ? 'kim' : 'sato') });
    const kr = await html('KR');
    expect(kr.headers['content-type']).toMatch(/^text\/html/);
    // each party's copy in its own names and script, the shared copy neutral
    expect(kr.body).toContain('동해');
    expect(kr.body).not.toMatch(/East Sea|Sea of Japan|日本海/);
    expect((await html('JP')).body).toContain('日本海');
    expect((await html('shared')).body).toContain('sea between Korea and Japan');
    expect((await html('CN')).json()).toMatchObject({ statusCode: 400, field: 'querystring/copy' });
    const pdf = await app.inject({ method: 'GET', url: `/api/exercises/${CASE}/report?copy=KR&format=pdf`, headers: auth('kim') });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (pdftotextAvailable) expect(pdftotext(pdf.rawPayload)).toContain('OVATEK-CRAFT-3');
    expect((await app.inject({ method: 'GET', url: `/api/exercises/${CASE}/score`, headers: auth('wang') })).statusCode).toBe(404);
    // after the end: lessons still, nothing else
    expect((await command('lee', 'lessonEntered', { text: 'a later lesson' })).statusCode).toBe(201);
    expect((await command('lee', 'clockStepped', { toTime: '2026-03-10T11:30Z' })).statusCode).toBe(409);
    clock.nowMs += 1000;
  });

  test("a party's copy of the report is for its own readers and the controllers: it names that party's units", async () => {
    const copy = (user: string, c: string, format = 'html') => app.inject({ method: 'GET', url: `/api/exercises/${CASE}/report?copy=${c}&format=${format}`, headers: auth(user) });
    // KR's copy names the helicopter the liaison officer is aboard, which the agreement releases nothing of to JP
    expect((await copy('kim', 'KR')).body).toContain('KR illustrative helicopter');
    for (const format of ['html', 'json', 'pdf']) {
      const refused = await copy('sato', 'KR', format);
      expect(refused.json()).toMatchObject({ statusCode: 403, code: 'SARB_ACCESS_DENIED' });
      expect(refused.body).not.toContain('illustrative helicopter');
    }
    expect((await copy('kim', 'JP')).statusCode).toBe(403);
    for (const own of [await copy('sato', 'JP'), await copy('sato', 'shared')]) {
      expect(own.statusCode).toBe(200);
      expect(own.body).not.toContain('KR illustrative helicopter');
    }
    // a controller reads every copy
    expect((await copy('tanaka', 'KR')).statusCode).toBe(200);
  });
});

describe.skipIf(!TEST_PG_URL)(`the same exercise on PostgreSQL${TEST_PG_URL ? '' : ` (${PG_SKIP_REASON})`}`, () => {
  test('created from the programme, truth set, an inject released, a search drawn, the end recorded', async () => {
    const db = await freshPostgresDatabase();
    const pg = await exerciseApp('2026-03-10T07:30:00.000Z', await PostgresStore.open(db.url));
    try {
      const as = (user: string) => pg.auth(user);
      const controlOf = async () => (await pg.app.inject({ method: 'GET', url: `/api/exercises/${CASE}/control`, headers: as('lee') })).json().state;
      const post = async (type: string, payload: object) => pg.app.inject({ method: 'POST', url: `/api/exercises/${CASE}/control`, headers: as('lee'), payload: { basedOnVersion: (await controlOf()).version, type, payload } });
      const events = async () => (await pg.app.inject({ method: 'GET', url: `/api/cases/${CASE}/events`, headers: as('kim') })).json().events as { version: number; type: string; payload: Record<string, unknown> }[];
      expect((await pg.app.inject({ method: 'POST', url: '/api/exercises', headers: as('lee'), payload: { programmeItemId: 'sarex-1' } })).statusCode).toBe(201);
      expect((await post('truthSet', TRUTH)).statusCode).toBe(201);
      expect((await post('clockSet', { mode: 'stepped', exerciseTime: '2026-03-10T08:00Z' })).statusCode).toBe(201);
      expect((await post('injectScheduled', { injectId: 'd-1', kind: 'debris', at: '2026-03-10T08:30Z', text: 'a lifejacket', position: { lonDeg: 131.3, latDeg: 37.2 } })).statusCode).toBe(201);
      expect((await post('clockStepped', { toTime: '2026-03-10T09:00Z' })).statusCode).toBe(201);
      await pg.app.ticker.tick();   // what the ticker appends first (else the players' write below may meet it: a 409, retried by a client)
      const version = (await events()).at(-1)!.version;
      expect((await pg.app.inject({ method: 'POST', url: `/api/cases/${CASE}/events`, headers: as('sato'), payload: { basedOnVersion: version, type: 'searchDone', payload: {
        unitId: 'jp-navy-ship-1', sweepWidthNm: 1, track: [{ lonDeg: 133.5, latDeg: 39.5, time: '2026-03-10T08:00Z' }, { lonDeg: 133.6, latDeg: 39.5, time: '2026-03-10T08:30Z' }] } } })).statusCode).toBe(201);
      await pg.app.ticker.tick();
      expect((await events()).map((e) => e.type)).toEqual(['caseOpened', 'exerciseClock', 'exerciseClock', 'injectReleased', 'searchDone']);
      expect((await controlOf()).detections.map((d: { hit: boolean }) => d.hit)).toEqual([false]);
      expect((await post('exerciseEnded', {})).statusCode).toBe(201);
      await pg.app.ticker.tick();
      expect((await events()).at(-1)!.type).toBe('exerciseEnded');
      expect((await pg.app.inject({ method: 'GET', url: '/api/programme', headers: as('sato') })).json().outcomes['sarex-1']).toEqual({ caseId: CASE, detected: false });
    } finally {
      await pg.app.close();
      await pg.store.close();
      await db.drop();
    }
  });
});

describe('a detection reaches both centres', () => {
  // an exercise of its own (the one above counts its events' versions)
  let own: Awaited<ReturnType<typeof exerciseApp>>;
  const ownPlayers = async (user = 'kim') => (await own.app.inject({ method: 'GET', url: `/api/cases/${CASE}/events`, headers: own.auth(user) })).json().events as { version: number; type: string; payload: Record<string, unknown> }[];
  const ownAppend = async (user: string, type: string, payload: object) => own.app.inject({
    method: 'POST', url: `/api/cases/${CASE}/events`, headers: own.auth(user), payload: { basedOnVersion: (await ownPlayers()).at(-1)!.version, type, payload },
  });
  const ownControl = async () => own.app.inject({ method: 'GET', url: `/api/exercises/${CASE}/control`, headers: own.auth('lee') });
  const ownCommand = async (type: string, payload: object) => {
    const res = await own.app.inject({ method: 'POST', url: `/api/exercises/${CASE}/control`, headers: own.auth('lee'), payload: { basedOnVersion: (await ownControl()).json().state.version, type, payload } });
    expect(res.statusCode).toBe(201);
  };
  beforeAll(async () => {
    own = await exerciseApp('2026-03-10T07:30:00.000Z');
    expect((await own.app.inject({ method: 'POST', url: '/api/exercises', headers: own.auth('lee'), payload: { programmeItemId: 'sarex-1' } })).statusCode).toBe(201);
    expect((await ownAppend('kim', 'planningInputs', { inputs: DEMO_PLANNING_INPUTS })).statusCode).toBe(201);
    await ownCommand('truthSet', TRUTH);
    await ownCommand('clockSet', { mode: 'stepped', exerciseTime: '2026-03-10T08:00Z' });
  });
  afterAll(async () => { await own.app.close(); await own.store.close(); });

  test('a detection by a unit released nothing to the other party still reaches both centres, the unit reduced to its party', async () => {
    const track = (await own.app.exercises.truthTrackOf(CASE, (await own.app.exercises.controlOf(CASE))!.state))!;
    const a = truthPositionAt(track, Date.parse('2026-03-10T09:40Z') / 1000)!, b = truthPositionAt(track, Date.parse('2026-03-10T09:50Z') / 1000)!;
    // kr-helo-1 is released nothing to JP: its search is withheld from JP
    const done = await ownAppend('kim', 'searchDone', { unitId: 'kr-helo-1', sweepWidthNm: 5, speedKn: 90, track: [
      { lonDeg: a.lonDeg - 0.05, latDeg: a.latDeg, time: '2026-03-10T09:40Z' }, { lonDeg: b.lonDeg + 0.05, latDeg: b.latDeg, time: '2026-03-10T09:50Z' }] });
    expect(done.statusCode).toBe(201);
    const searchVersion = done.json().event.version;
    await own.app.ticker.tick();
    const drawn = (await ownControl()).json().state.detections.find((d: { searchVersion: number }) => d.searchVersion === searchVersion);
    expect(drawn).toMatchObject({ unitId: 'kr-helo-1', hit: true });
    const kr = (await ownPlayers('kim')).filter((e) => e.type === 'targetDetected').at(-1)!;
    // the first detection: it ended the search phase
    expect(kr.payload).toEqual({ unitId: 'kr-helo-1', time: drawn.time, position: drawn.position, searchVersion, searchPhaseEnded: true });
    const jpEvents = await ownPlayers('sato');
    expect(jpEvents.find((e) => e.version === searchVersion)).toEqual({ caseId: CASE, version: searchVersion, withheld: true });
    const jp = jpEvents.filter((e) => e.type === 'targetDetected').at(-1)!;
    expect(jp.version).toBe(kr.version);
    expect(jp.payload).toEqual({ unitParty: 'KR', time: drawn.time, position: drawn.position, searchPhaseEnded: true });
    expect(JSON.stringify(jp)).not.toContain('kr-helo-1');
    // the JP picture holds the detection, and a KR unit as its finder
    const picture = (await own.app.inject({ method: 'GET', url: `/api/cases/${CASE}`, headers: own.auth('sato') })).json();
    expect(picture.state.detections.at(-1)).toMatchObject({ unitParty: 'KR', time: drawn.time, position: drawn.position, redacted: true });
    expect(picture.state.detections.at(-1).unitId).toBeUndefined();
  });

  test('messages between the centres and their acknowledgement delays are scored, each way, in the score and the report', async () => {
    const at = async (minutes: number, user: string, type: string, payload: object) => {
      own.clock.nowMs = Date.parse('2026-03-10T08:00:00Z') + minutes * 60_000;
      const res = await ownAppend(user, type, payload);
      return res;
    };
    const m1 = (await at(0, 'kim', 'message', { text: 'KR takes SMC', to: 'JP' })).json().event.version;
    // the sender's own party may not acknowledge it, nor a version that is no message
    expect((await at(1, 'choi', 'messageAcknowledged', { messageVersion: m1 })).json()).toMatchObject({ statusCode: 403, code: 'SARB_ACCESS_DENIED' });
    expect((await at(1, 'sato', 'messageAcknowledged', { messageVersion: 1 })).json()).toMatchObject({ statusCode: 400, field: 'body/payload/messageVersion' });
    expect((await at(3, 'sato', 'messageAcknowledged', { messageVersion: m1 })).statusCode).toBe(201);
    const m2 = (await at(5, 'park', 'message', { text: 'datum moved 2 NM east' })).json().event.version;
    expect((await at(15, 'ito', 'messageAcknowledged', { messageVersion: m2 })).statusCode).toBe(201);
    expect((await at(20, 'sato', 'message', { text: 'JP helicopter on scene 10:30' })).statusCode).toBe(201);
    const score = (await own.app.inject({ method: 'GET', url: `/api/exercises/${CASE}/score`, headers: own.auth('lee') })).json().score;
    // the control view gives the same figures while the exercise runs (the control panel shows them live)
    expect((await own.app.inject({ method: 'GET', url: `/api/exercises/${CASE}/control`, headers: own.auth('lee') })).json().exchanges).toEqual(score.score.exchanges);
    expect(score.score.exchanges).toEqual({ messages: 3, parties: [
      { party: 'JP', toParty: 'KR', messages: 1, acknowledged: 0, acknowledgedShare: 0, meanAckDelayS: null, medianAckDelayS: null, maxAckDelayS: null },
      { party: 'KR', toParty: 'JP', messages: 2, acknowledged: 2, acknowledgedShare: 1, meanAckDelayS: 390, medianAckDelayS: 390, maxAckDelayS: 600 },
    ] });
    const json = (await own.app.inject({ method: 'GET', url: `/api/exercises/${CASE}/report?copy=shared&format=json`, headers: own.auth('lee') })).json().report;
    expect(json.score.exchanges.parties.map((p: { party: string; toParty: string; medianAckDelayS: number | null }) => [p.party, p.toParty, p.medianAckDelayS])).toEqual([['JP', 'KR', null], ['KR', 'JP', 390]]);
    const html = (await own.app.inject({ method: 'GET', url: `/api/exercises/${CASE}/report?copy=KR`, headers: own.auth('lee') })).body;
    expect(html).toContain('Messages from → to');
    expect(html).toMatch(/South Korea → Japan<\/td><td>2<\/td><td>2 \(100(\.0)? %\)<\/td><td>6\.5 min<\/td><td>6\.5 min<\/td><td>10\.0 min<\/td>/);
    const pdf = await own.app.inject({ method: 'GET', url: `/api/exercises/${CASE}/report?copy=KR&format=pdf`, headers: own.auth('lee') });
    if (pdftotextAvailable) expect(pdftotext(pdf.rawPayload).replace(/\s+/g, ' ')).toMatch(/Messages from → to: South Korea → Japan Messages: 2 Acknowledged: 2 \(100\.0 %\) Mean delay: 6\.5 min Median delay: 6\.5 min Longest delay: 10\.0 min/);
  });

  test('the result the programme records names the detecting unit as every party may see it', async () => {
    // (for the next test: a report KR releases to no one, and a message to JP)
    expect((await own.app.inject({ method: 'POST', url: `/api/cases/${CASE}/events`, headers: own.auth('kim'), payload: {
      basedOnVersion: (await ownPlayers()).at(-1)!.version, type: 'report', payload: { text: 'KR-ONLY crew fatigue on the helicopter' }, releasability: 'nothing' } })).statusCode).toBe(201);
    await ownCommand('exerciseEnded', { text: 'ENDEX' });
    await own.app.ticker.tick();
    for (const user of ['sato', 'kim', 'mori']) {
      const programme = (await own.app.inject({ method: 'GET', url: '/api/programme', headers: own.auth(user) })).json();
      expect(programme.programmes[0].exercises[0].result).toMatch(/^Exercise sarex-1: target detected by a KR unit at 2026-03-10T09:\d\dZ, [\d.]+ h after it went into the water\.$/);
      expect(JSON.stringify(programme)).not.toContain('kr-helo-1 at');
    }
  });

  test("the report's timeline holds the events as the reader's party may see them", async () => {
    const report = (user: string, copy: string, format: string) => own.app.inject({ method: 'GET', url: `/api/exercises/${CASE}/report?copy=${copy}&format=${format}`, headers: own.auth(user) });
    const timeline = async (user: string, copy: string) => ((await report(user, copy, 'json')).json().report.timeline as { text: string }[]).map((e) => e.text);
    expect(await timeline('kim', 'KR')).toContain('report: KR-ONLY crew fatigue on the helicopter');
    expect(await timeline('lee', 'JP')).toContain('report: KR-ONLY crew fatigue on the helicopter');   // a controller reads the whole log
    for (const copy of ['JP', 'shared']) {
      const seen = await timeline('sato', copy);
      expect(seen.join('\n')).not.toMatch(/KR-ONLY|kr-helo-1/);
      // the detection by the helicopter is there, as JP's players saw it
      expect(seen).toContain('target detected by a KR unit');
      for (const format of ['html', 'json']) expect((await report('sato', copy, format)).body).not.toContain('KR-ONLY');
      if (pdftotextAvailable) expect(pdftotext((await report('sato', copy, 'pdf')).rawPayload)).not.toContain('KR-ONLY');
    }
  });
});
