// What a plan reveals: under an agreement, each unit's releasability applies to every place an
// event names a unit, over HTTP and live, not only to the payload's top-level unitId.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Value } from '@sinclair/typebox/value';
import { loadCooperationConfig } from '../../io/cooperation/index.js';
import { projectPath } from '../../io/project_files.js';
import type { SqliteStore } from '../../io/storage/index.js';
import { PlanFileSchema } from '../plan/plan_file.js';
import type { SarbridgeApp } from './app.js';
import { DEMO_PLANNING_INPUTS } from './demo_data.js';
import { appWithSessions } from './server_test_support.js';

// kr-helo-1: nothing; kr-ship-1: position-only; jp-ship-1: everything (examples/cooperation/korea-japan.yaml)
const agreement = loadCooperationConfig(projectPath('examples/cooperation/korea-japan.yaml'));
// routes well inside the KR SRR and far from the islets: the plan raises one notification, jp-ship-1 entering the KR SRR
const areaAt = (lonDeg: number, lengthNm = 6) => ({ centre: { lonDeg, latDeg: 36.1 }, lengthNm, widthNm: 3, orientationDeg: 10 });
const route = (lonDeg: number) => [{ timeS: 1773122400, lonDeg, latDeg: 36.0 }, { timeS: 1773129600, lonDeg, latDeg: 36.2 }];
const planPayload = {
  planId: 'P1',
  text: ['SAR SEARCH PLAN TEST', 'PLANNING TIME 100600Z MAR 26 (2026-03-10T06:00Z)', 'DATUM 36 00.0N 130 00.0E',
    'UNIT 1 kr-helo-1 (KR)', ' PATTERN PS PARALLEL SWEEP', ' POS 40.0 PCT',
    'UNIT 2 kr-ship-1 (KR)', ' PATTERN CS CREEPING LINE', ' TRACK SPACING 1.00 NM SPEED 12 KN',
    'UNIT 3 jp-ship-1 (JP)', ' PATTERN SS EXPANDING SQUARE', ' POS 20.0 PCT',
    'TOTAL POS 60.0 PCT IAMSAR BASELINE POS 50.0 PCT', ''].join('\n'),
  // each unit's area as the page issues it (a re-plan keeps it): the position-only unit's is not its position
  units: [{ unitId: 'kr-helo-1', pattern: 'PS', note: 'hover at 500 ft', area: areaAt(129.9) }, { unitId: 'kr-ship-1', pattern: 'CS', area: areaAt(130.0, 7.25) },
    { unitId: 'jp-ship-1', pattern: 'SS', area: areaAt(130.1) }],
  plan: {
    datumTrack: [{ timeS: 1773122400, lonDeg: 130.0, latDeg: 36.0 }],
    units: [{ unitId: 'kr-helo-1', party: 'KR', waypoints: route(129.9) }, { unitId: 'kr-ship-1', party: 'KR', waypoints: route(130.0) }, { unitId: 'jp-ship-1', party: 'JP', waypoints: route(130.1) }],
  },
};
const inputs = {
  ...DEMO_PLANNING_INPUTS,
  units: [
    ...DEMO_PLANNING_INPUTS.units,
    { id: 'kr-helo-1', party: 'KR', speedKn: 90, enduranceH: 2, arrival: '2026-03-10T09:00Z', patterns: ['PS' as const], platform: { kind: 'helicopter' as const, altitudeFt: 500 } },
  ],
  searchesDone: [
    { unit: 'kr-helo-1', sweepWidthNm: 2, track: [{ position: '37 10N 131 10E', time: '2026-03-10T07:00Z' }, { position: '37 10N 131 20E', time: '2026-03-10T07:30Z' }] },
    { unit: 'fishing boat', sweepWidthNm: 0.3, track: [{ position: '37 12N 131 10E', time: '2026-03-10T06:30Z' }, { position: '37 12N 131 14E', time: '2026-03-10T07:30Z' }] },
  ],
};

let app: SarbridgeApp;
let store: SqliteStore;
let caseId: string;
let tokens: Record<string, string> = {};
const auth = (user: string) => ({ authorization: `Bearer ${tokens[user]}` });
const post = (user: string, body: object) => app.inject({ method: 'POST', url: `/api/cases/${caseId}/events`, headers: auth(user), payload: body });
const eventsFor = async (user: string) => (await app.inject({ method: 'GET', url: `/api/cases/${caseId}/events`, headers: auth(user) })).json().events;

/** The events a live connection of `user` receives up to the live marker. */
async function liveEventsFor(user: string): Promise<Record<string, unknown>[]> {
  const events: Record<string, unknown>[] = [];
  let done: () => void = () => undefined;
  const marker = new Promise<void>((resolve) => { done = resolve; });
  // the listener is attached on init: the server sends the log as soon as the upgrade completes
  const socket = await app.injectWS(`/api/cases/${caseId}/live?afterVersion=0`, { headers: auth(user) }, {
    onInit: (ws) => ws.on('message', (data) => {
      const m = JSON.parse(String(data));
      if (m.kind === 'event') events.push(m.event); else done();
    }),
  });
  await marker;
  socket.terminate();
  return events;
}

beforeAll(async () => {
  ({ app, store, tokens } = await appWithSessions({ agreement }, ['kim', 'sato']));
  caseId = (await app.inject({ method: 'POST', url: '/api/cases', headers: auth('kim'), payload: { kind: 'case', title: 'leak', parties: ['KR', 'JP'] } })).json().caseId;
  expect((await post('kim', { basedOnVersion: 1, type: 'notificationAcknowledged', payload: { notificationId: 'R2/jp-ship-1/srr:kr-rcc/kr-rcc' } })).statusCode).toBe(201);
  expect((await post('kim', { basedOnVersion: 2, type: 'planIssued', payload: planPayload })).statusCode).toBe(201);
  expect((await post('kim', { basedOnVersion: 3, type: 'planningInputs', payload: { inputs } })).statusCode).toBe(201);
  expect((await post('kim', { basedOnVersion: 4, type: 'searchDone', payload: { unitId: 'kr-helo-1', podPercent: 35, sweepWidthNm: 2, track: [
    { lonDeg: 131.1, latDeg: 37.1, time: '2026-03-10T07:00Z' }, { lonDeg: 131.2, latDeg: 37.1, time: '2026-03-10T07:30Z' }] } })).statusCode).toBe(201);
  expect((await post('kim', { basedOnVersion: 5, type: 'searchDone', payload: { unitId: 'kr-ship-1', podPercent: 20, text: 'searched area B' } })).statusCode).toBe(201);
});
afterAll(async () => { await app.close(); await store.close(); });

describe.each(['HTTP', 'live'])('a KR plan with a hidden unit, as JP sees it (%s)', (channel) => {
  let jp: Record<string, any>[];
  beforeAll(async () => { jp = channel === 'HTTP' ? await eventsFor('sato') : await liveEventsFor('sato'); });

  test('planIssued: the nothing unit is gone from units, routes and the message; the position-only unit keeps its route only', () => {
    const plan = jp[2];
    expect(plan.withheldUnits).toBe(1);
    expect(JSON.stringify(plan)).not.toMatch(/kr-helo-1|hover|129\.9/);
    expect(plan.payload.units).toEqual([{ unitId: 'kr-ship-1' }, { unitId: 'jp-ship-1', pattern: 'SS', area: areaAt(130.1) }]);
    expect(JSON.stringify(plan.payload.units)).not.toMatch(/"lengthNm":7\.25/);   // kr-ship-1's area (its sides)
    expect(plan.payload.plan.units).toEqual([planPayload.plan.units[1], planPayload.plan.units[2]]);
    expect(plan.payload.text).not.toMatch(/kr-ship-1|CREEPING/);
    expect(plan.payload.text).toContain('UNIT 3 jp-ship-1 (JP)\n PATTERN SS EXPANDING SQUARE');
    expect(plan.payload.text).toContain('TOTAL POS 60.0 PCT');
  });

  test('planningInputs: only units released everything stay, each whole, and the inputs still read as a plan file', () => {
    const { payload, withheldUnits } = jp[3];
    expect(withheldUnits).toBe(2);   // kr-ship-1 (position-only) and kr-helo-1 (nothing)
    expect(payload.inputs.units.map((u: { id: string }) => u.id)).toEqual(['jp-navy-ship-1', 'jp-navy-helo-1']);
    expect(payload.inputs.units).toEqual(inputs.units.slice(1, 3));
    expect(payload.inputs.searchesDone.map((d: { unit: string }) => d.unit)).toEqual(['fishing boat']);
    expect(Value.Check(PlanFileSchema, payload.inputs)).toBe(true);
  });

  test('searchDone: a nothing unit\'s search is withheld, a position-only unit\'s keeps only its id', () => {
    expect(jp[4]).toEqual({ caseId, version: 5, withheld: true });
    expect(jp[5]).toMatchObject({ version: 6, redacted: true, payload: { unitId: 'kr-ship-1' } });
    expect(jp[5].payload.text).toBeUndefined();
  });
});

test('KR sees its own plan and inputs whole', async () => {
  const kr = await eventsFor('kim');
  expect(kr[2].payload).toEqual(planPayload);
  expect(kr[2].withheldUnits).toBeUndefined();
  expect(kr[3].payload.inputs.units).toHaveLength(4);
});

test('the shared picture JP rebuilds holds no trace of the hidden unit', async () => {
  const state = (await app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: auth('sato') })).json().state;
  expect(JSON.stringify(state)).not.toMatch(/kr-helo-1|hover/);
  expect(state.planningInputs.inputs.units).toHaveLength(2);
});

test('JP saving its view of the inputs keeps the KR units it cannot see; each party still sees only its own share', async () => {
  const jpView = (await eventsFor('sato'))[3].payload.inputs;
  const edited = { ...jpView, particles: 4000, units: jpView.units.map((u: { id: string; enduranceH: number }) => (u.id === 'jp-navy-ship-1' ? { ...u, enduranceH: 5 } : u)) };
  const before = (await eventsFor('sato')).length;
  const answer = await post('sato', { basedOnVersion: before, type: 'planningInputs', payload: { inputs: edited } });
  expect(answer.statusCode).toBe(201);
  // the author's answer is its view too: the page adds it to its log as it is
  expect(answer.body).not.toMatch(/kr-helo-1|kr-ship-1|keptUnseen/);
  expect(answer.json().event.withheldUnits).toBe(2);
  const kr = (await eventsFor('kim')).at(-1);
  // KR's ship and helicopter, and the helicopter's search, as KR saved them; JP's edit of its own ship
  expect(kr.payload.inputs.units.map((u: { id: string }) => u.id)).toEqual(['jp-navy-ship-1', 'jp-navy-helo-1', 'kr-ship-1', 'kr-helo-1'].filter((id) => id.startsWith('kr') || agreement.units.find((u) => u.id === id)!.releasability === 'everything'));
  expect(kr.payload.inputs.units.find((u: { id: string }) => u.id === 'kr-ship-1')).toEqual(inputs.units.find((u) => u.id === 'kr-ship-1'));
  expect(kr.payload.inputs.searchesDone.map((d: { unit: string }) => d.unit)).toEqual(['fishing boat', 'kr-helo-1']);
  expect(kr.payload.inputs.particles).toBe(4000);
  const jp = (await eventsFor('sato')).at(-1);
  expect(JSON.stringify(jp)).not.toMatch(/kr-helo-1|kr-ship-1/);
  expect(jp.withheldUnits).toBe(2);
  expect(jp.payload.inputs.units.find((u: { id: string }) => u.id === 'jp-navy-ship-1').enduranceH).toBe(5);
  const state = (await app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: auth('kim') })).json().state;
  expect(state.planningInputs.inputs.units.map((u: { id: string }) => u.id)).toContain('kr-ship-1');
});

test('the owner removes a kept unit; a keptUnseen in a request is not taken', async () => {
  const krView = (await eventsFor('kim')).at(-1).payload.inputs;
  const without = { ...krView, units: krView.units.filter((u: { id: string }) => u.id !== 'kr-ship-1') };
  let version = (await eventsFor('kim')).length;
  expect((await post('kim', { basedOnVersion: version, type: 'planningInputs', payload: { inputs: without } })).statusCode).toBe(201);
  expect((await eventsFor('kim')).at(-1).payload.inputs.units.map((u: { id: string }) => u.id)).not.toContain('kr-ship-1');
  // KR cannot hide its own helicopter from itself by naming it
  version = (await eventsFor('kim')).length;
  expect((await post('kim', { basedOnVersion: version, type: 'planningInputs', payload: { inputs: without, keptUnseen: ['kr-helo-1'] } })).statusCode).toBe(201);
  const kr = (await eventsFor('kim')).at(-1);
  expect(kr.payload.keptUnseen).toBeUndefined();
  expect(kr.payload.inputs.units.map((u: { id: string }) => u.id)).toContain('kr-helo-1');
});
