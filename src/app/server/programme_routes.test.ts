import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SarbridgeApp } from './app.js';
import { exerciseApp } from './exercise_test_support.js';

let app: SarbridgeApp;
let auth: (user: string) => { authorization: string };
let clock: { nowMs: number };
beforeAll(async () => ({ app, auth, clock } = await exerciseApp('2026-02-01T03:00:00.000Z')));
afterAll(async () => { await app.close(); });

const get = async (user: string) => app.inject({ method: 'GET', url: '/api/programme', headers: auth(user) });
const post = async (user: string, body: object) => app.inject({ method: 'POST', url: '/api/programme/events', headers: auth(user), payload: body });
const version = async () => (await get('min')).json().version as number;

describe('the programme kept in the server', () => {
  test('is seeded once from the config and read by every role of both parties, units as the agreement releases them', async () => {
    for (const user of ['kim', 'park', 'choi', 'han', 'min', 'kr-admin', 'lee', 'sato', 'ito', 'kato', 'mori', 'jp-admin', 'tanaka']) {
      expect((await get(user)).statusCode).toBe(200);
    }
    const kr = (await get('kim')).json();
    expect(kr.version).toBe(1);
    expect(kr.programmes[0].exercises[0]).toMatchObject({ id: 'sarex-1', units: ['kr-ship-1', 'kr-helo-1', 'jp-navy-ship-1'], state: 'planned' });
    const jp = (await get('sato')).json();
    // kr-helo-1 is released `nothing` to JP: left out of the unit list and named by its owner only where it hosts the liaison officer
    expect(jp.programmes[0].exercises[0].units).toEqual(['kr-ship-1', 'jp-navy-ship-1']);
    expect(jp.programmes[0].exchanges[0].hostedBy).toBe('KR unit (not released)');
    expect(JSON.stringify(jp)).not.toContain('kr-helo-1');
    expect(kr.history.find((h: { itemId: string }) => h.itemId === 'sarex-1').revisions.at(-1).summary).toBe('seeded from the cooperation config');
    expect((await get('wang')).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/programme' })).statusCode).toBe(401);
  });

  test('programme staff add and change exercises and exchanges, attach personnel, mark items, record results; each change keeps who and when', async () => {
    const added = await post('min', { basedOnVersion: await version(), type: 'exerciseAdded', payload: {
      year: 2026, id: 'sarex-2', name: 'SAREX 2026-2', host: 'JP', area: 'east-sea', date: '2026-10', units: ['jp-ship-1', 'kr-ship-1'] } });
    expect(added.statusCode).toBe(201);
    clock.nowMs += 3600_000;
    expect((await post('mori', { basedOnVersion: await version(), type: 'exerciseChanged', payload: { id: 'sarex-2', date: '2026-11-04', units: ['jp-ship-1'] } })).statusCode).toBe(201);
    expect((await post('mori', { basedOnVersion: await version(), type: 'exchangeAdded', payload: {
      year: 2026, id: 'lo-2', kind: 'liaison-officer', rankOrRole: 'Lieutenant Commander', fromParty: 'KR', fromService: 'kr-navy', hostedBy: 'jp-ship-1', from: '2026-11-01', to: 'not set' } })).statusCode).toBe(201);
    expect((await post('min', { basedOnVersion: await version(), type: 'personnelAttached', payload: { exchangeId: 'lo-2', exerciseId: 'sarex-2', hostedBy: 'jp-rcc' } })).statusCode).toBe(201);
    expect((await post('min', { basedOnVersion: await version(), type: 'itemStateSet', payload: { id: 'ob-1', state: 'postponed', note: 'to 2027' } })).statusCode).toBe(201);
    expect((await post('min', { basedOnVersion: await version(), type: 'exerciseResult', payload: { id: 'sarex-2', result: 'held as a table-top exercise' } })).statusCode).toBe(201);
    const body = (await get('sato')).json();
    const sarex2 = body.programmes[0].exercises.find((e: { id: string }) => e.id === 'sarex-2');
    expect(sarex2).toMatchObject({ host: 'JP', date: { kind: 'day', iso: '2026-11-04' }, units: ['jp-ship-1'], result: 'held as a table-top exercise' });
    expect(body.programmes[0].exchanges.find((x: { id: string }) => x.id === 'lo-2')).toMatchObject({ exercise: 'sarex-2', hostedBy: 'jp-rcc', from: { kind: 'day', iso: '2026-11-01' } });
    expect(body.programmes[0].exchanges.find((x: { id: string }) => x.id === 'ob-1').state).toBe('postponed');
    const history = body.history.find((h: { itemId: string }) => h.itemId === 'sarex-2').revisions;
    expect(history.map((r: { by: string; summary: string }) => `${r.by}: ${r.summary}`)).toEqual([
      'min (KR): exercise added', 'mori (JP): changed date, units', 'min (KR): result recorded: held as a table-top exercise',
    ]);
    // UTC and each party's zone
    expect(history[1].time).toBe('2026-02-01T04:00:00.000Z');
    expect(history[1].times).toEqual(['2026-02-01 13:00 Asia/Seoul (UTC+09:00)', '2026-02-01 13:00 Asia/Tokyo (UTC+09:00)', '2026-02-01 04:00 UTC']);
  });

  test('bad input is refused with the field named; only programme staff write; a stale version is a conflict', async () => {
    const v = await version();
    const bad = async (payload: object, type = 'exerciseAdded') => (await post('min', { basedOnVersion: v, type, payload })).json();
    const base = { year: 2026, id: 'sarex-9', name: 'x', host: 'KR', area: 'east-sea', date: '2026-05', units: [] };
    expect(await bad({ ...base, host: 'CN' })).toMatchObject({ statusCode: 400, field: 'body/payload/host' });
    expect(await bad({ ...base, units: ['kr-ship-1', 'KR-HELO-1'] })).toMatchObject({ statusCode: 400, field: 'body/payload/units/1', message: expect.stringMatching(/did you mean 'kr-helo-1'/) });
    expect(await bad({ ...base, date: '2027-05' })).toMatchObject({ statusCode: 400, field: 'body/payload/date', message: expect.stringMatching(/not in the programme's year 2026/) });
    expect(await bad({ ...base, date: '2026-13' })).toMatchObject({ statusCode: 400, field: 'body/payload/date' });
    expect(await bad({ ...base, id: 'sarex-1' })).toMatchObject({ statusCode: 400, field: 'body/payload/id' });
    expect(await bad({ ...base, nam: 'typo' })).toMatchObject({ statusCode: 400, field: 'body/payload/nam' });
    expect(await bad({ id: 'nope', state: 'done' }, 'itemStateSet')).toMatchObject({ statusCode: 400, field: 'body/payload/id' });
    expect(await bad({ exchangeId: 'lo-1', hostedBy: 'tokyo' }, 'personnelAttached')).toMatchObject({ statusCode: 400, field: 'body/payload/hostedBy' });
    expect(await bad({ year: 2026, id: 'x-1', kind: 'observer', rankOrRole: 'Captain', fromParty: 'JP', fromService: 'kr-navy', hostedBy: 'kr-rcc', from: '2026', to: '2026' }, 'exchangeAdded'))
      .toMatchObject({ statusCode: 400, field: 'body/payload/fromService' });
    expect(await bad({ id: 'sarex-1', caseId: 'c' }, 'exerciseCreated')).toMatchObject({ statusCode: 400, field: 'body/type' });
    expect((await post('min', { basedOnVersion: v, type: 'gossip', payload: {} })).json()).toMatchObject({ statusCode: 400, field: 'body/type' });
    for (const user of ['kim', 'lee', 'han', 'kr-admin', 'sato']) {
      expect((await post(user, { basedOnVersion: v, type: 'itemStateSet', payload: { id: 'sarex-1', state: 'done' } })).statusCode).toBe(403);
    }
    expect((await post('min', { basedOnVersion: v - 1, type: 'itemStateSet', payload: { id: 'sarex-1', state: 'done' } })).json()).toMatchObject({ statusCode: 409, currentVersion: v });
    expect(await version()).toBe(v);
  });

  test('the stream is no case: absent from case lists, 404 on the case routes, written only here', async () => {
    const cases = (await app.inject({ method: 'GET', url: '/api/cases', headers: auth('min') })).json().cases;
    expect(cases.map((c: { caseId: string }) => c.caseId)).not.toContain('programme');
    for (const url of ['/api/cases/programme', '/api/cases/programme/events']) {
      expect((await app.inject({ method: 'GET', url, headers: auth('kim') })).json()).toMatchObject({ statusCode: 404, code: 'SARB_CASE_NOT_FOUND' });
    }
    expect((await app.inject({ method: 'POST', url: '/api/cases/programme/events', headers: auth('kim'), payload: { basedOnVersion: 1, type: 'message', payload: { text: 'x' } } })).statusCode).toBe(404);
  });
});
