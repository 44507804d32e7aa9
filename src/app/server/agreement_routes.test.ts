import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CooperationConfig, YearlyProgramme } from '../../core/cooperation/index.js';
import { loadCooperationConfig } from '../../io/cooperation/index.js';
import { projectPath } from '../../io/project_files.js';
import { SqliteStore } from '../../io/storage/index.js';
import { agreementViewFor } from './agreement_view.js';
import { buildApp, type SarbridgeApp } from './app.js';
import { createTestUsers, TEST_PASSWORD } from './server_test_support.js';

const example = loadCooperationConfig(projectPath('examples/cooperation/korea-japan.yaml'));
const record = example.agreement.record;
// the example has no programme yet: one with an exercise and an exchange hosted by a unit JP may not see (kr-helo-1: nothing)
const programme: YearlyProgramme = {
  year: 2027, exerciseFrequency: 'twice a year', hostRotation: ['KR', 'JP'], record,
  exercises: [{ id: 'sarex-1', name: 'SAREX 1', host: 'KR', area: 'liancourt', date: { kind: 'month', iso: '2027-05' }, units: ['kr-ship-1', 'kr-helo-1', 'jp-ship-1'], state: 'planned', record }],
  exchanges: [
    { id: 'lo-1', kind: 'liaison-officer', rankOrRole: 'Lieutenant', fromParty: 'JP', fromService: 'jp-navy', hostedBy: 'kr-helo-1', from: { kind: 'day', iso: '2027-05-01' }, to: { kind: 'day', iso: '2027-05-10' }, exercise: 'sarex-1', state: 'planned', record },
    { id: 'ob-1', kind: 'observer', rankOrRole: 'Commander', fromParty: 'KR', fromService: 'kr-navy', hostedBy: 'jp-ship-1', from: { kind: 'not-set' }, to: { kind: 'phrase', text: 'within the year', statedOn: '2026-11-29' }, state: 'planned', record },
  ],
};
const config: CooperationConfig = { ...example, programmes: [programme] };

let app: SarbridgeApp;
let bare: SarbridgeApp;
let store: SqliteStore;
const tokens: Record<string, string> = {};
const auth = (user: string) => ({ authorization: `Bearer ${tokens[user]}` });

beforeAll(async () => {
  store = new SqliteStore(':memory:');
  await createTestUsers(store);
  app = await buildApp({ store, agreement: config });
  bare = await buildApp({ store });
  for (const user of ['kim', 'sato', 'wang']) {
    tokens[user] = (await app.inject({ method: 'POST', url: '/api/session', payload: { userName: user, password: TEST_PASSWORD } })).json().token;
  }
});
afterAll(async () => { await app.close(); await bare.close(); await store.close(); });

describe('agreementViewFor', () => {
  test("a party sees its own units whole and the other party's as their releasability says", () => {
    const jp = agreementViewFor(config, 'JP');
    expect(jp.units.map((u) => u.id)).toEqual(['kr-ship-1', 'jp-ship-1', 'jp-navy-ship-1', 'jp-navy-helo-1']);
    expect(jp.units[0]).toEqual({ id: 'kr-ship-1', party: 'KR', releasability: 'position-only', label: 'KR unit' });
    expect(jp.units[1]).toMatchObject({ id: 'jp-ship-1', name: 'JP illustrative ship', speedKn: 15, eyeHeightM: 10 });
    expect(jp.unitsWithheld).toBe(1);
    expect(jp.programmes[0].exercises[0].units).toEqual(['kr-ship-1', 'jp-ship-1']);
    expect(jp.programmes[0].exchanges[0].hostedBy).toBe('KR unit (not released)');
    expect(JSON.stringify(jp)).not.toContain('kr-helo-1');
    const kr = agreementViewFor(config, 'KR');
    expect(kr.units.map((u) => u.id)).toEqual(['kr-ship-1', 'kr-helo-1', 'jp-ship-1', 'jp-navy-ship-1', 'jp-navy-helo-1']);
    expect(kr.units[3]).toEqual({ id: 'jp-navy-ship-1', party: 'JP', releasability: 'position-only', label: 'JP unit' });
    expect(kr.units[1]).toMatchObject({ name: 'KR illustrative helicopter', altitudeFt: 500 });
    expect(kr.programmes[0].exercises[0].units).toEqual(['kr-ship-1', 'kr-helo-1', 'jp-ship-1']);
    expect(kr.unitsWithheld).toBe(0);
  });
  test('places keep every party\'s names and the neutral name; the map features carry the viewer\'s', () => {
    const liancourt = agreementViewFor(config, 'KR').places.find((p) => p.id === 'liancourt')!;
    expect(liancourt.contested).toBe(true);
    expect(Object.keys(liancourt.names).sort()).toEqual(['JP', 'KR']);
    const name = (party: string) => agreementViewFor(config, party).mapFeatures.features.find((f) => f.properties.placeId === 'liancourt')!.properties.name;
    expect(name('KR')).toBe(liancourt.names.KR);
    expect(name('JP')).toBe(liancourt.names.JP);
  });
});

describe('GET /api/agreement', () => {
  test("answers the whole view for the caller's party: nothing dropped by the response schema", async () => {
    for (const user of ['kim', 'sato']) {
      const res = await app.inject({ method: 'GET', url: '/api/agreement', headers: auth(user) });
      expect(res.statusCode).toBe(200);
      const party = user === 'kim' ? 'KR' : 'JP';
      expect(res.json()).toEqual(JSON.parse(JSON.stringify(agreementViewFor(config, party))));
    }
  });
  test('the rules come with their lead times; the SRRs with their polygons', async () => {
    const body = (await app.inject({ method: 'GET', url: '/api/agreement', headers: auth('sato') })).json();
    expect(body.rules.filter((r: { leadTimeH?: number }) => r.leadTimeH !== undefined).length).toBeGreaterThan(0);
    expect(body.parties.flatMap((p: { rccs: { srr: { polygons: unknown[] } }[] }) => p.rccs.map((r) => r.srr.polygons.length)).every((n: number) => n > 0)).toBe(true);
    expect(body.agreement.statusHistory.length).toBeGreaterThan(0);
  });
  test('needs a session; a party outside the agreement is refused', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/agreement' })).statusCode).toBe(401);
    const cn = await app.inject({ method: 'GET', url: '/api/agreement', headers: auth('wang') });
    expect(cn.statusCode).toBe(403);
    expect(cn.json()).toMatchObject({ code: 'SARB_ACCESS_DENIED' });
    expect(cn.json().message).toMatch(/CN is not a party to the agreement \(KR, JP\)/);
  });
  test('a server without an agreement answers 404 SARB_NO_AGREEMENT', async () => {
    const res = await bare.inject({ method: 'GET', url: '/api/agreement', headers: auth('kim') });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'SARB_NO_AGREEMENT', statusCode: 404 });
    expect(res.json().message).toMatch(/--agreement/);
  });
});
