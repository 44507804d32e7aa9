// A joint log both parties can trust (issue 11): closing and reopening by the coordinating RCC or
// by every party, corrections and retractions that keep the original, a party added to an open case.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { loadCooperationConfig } from '../../io/cooperation/index.js';
import { projectPath } from '../../io/project_files.js';
import type { SqliteStore } from '../../io/storage/index.js';
import type { SarbridgeApp } from './app.js';
import { appWithSessions } from './server_test_support.js';

const agreement = loadCooperationConfig(projectPath('examples/cooperation/korea-japan.yaml'));
const USERS = ['kim', 'park', 'sato', 'ito', 'wang'];

/** Two apps: one under the KR-JP agreement, one without. */
const under: { app?: SarbridgeApp; store?: SqliteStore; tokens?: Record<string, string> } = {};
const bare: typeof under = {};
beforeAll(async () => {
  Object.assign(under, await appWithSessions({ agreement, clock: () => new Date('2026-03-10T12:00:00Z') }, USERS));
  Object.assign(bare, await appWithSessions({}, USERS));
});
afterAll(async () => { for (const s of [under, bare]) { await s.app!.close(); await s.store!.close(); } });

function client(s: typeof under) {
  const auth = (user: string) => ({ authorization: `Bearer ${s.tokens![user]}` });
  const version = async (caseId: string) => (await s.app!.inject({ method: 'GET', url: `/api/cases/${caseId}/events`, headers: auth('kim') })).json().events.at(-1).version as number;
  return {
    open: async (parties: string[], by = 'kim') => (await s.app!.inject({ method: 'POST', url: '/api/cases', headers: auth(by), payload: { kind: 'case', title: 'raft', parties } })).json().caseId as string,
    /** Append based on the current version; the response. */
    post: async (user: string, caseId: string, type: string, payload: object, releasability?: string) => s.app!.inject({ method: 'POST', url: `/api/cases/${caseId}/events`, headers: auth(user),
      payload: { basedOnVersion: await version(caseId), type, payload, ...(releasability ? { releasability } : {}) } }),
    state: async (user: string, caseId: string) => (await s.app!.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: auth(user) })).json().state,
    events: async (user: string, caseId: string) => (await s.app!.inject({ method: 'GET', url: `/api/cases/${caseId}/events`, headers: auth(user) })).json().events,
    read: async (user: string, caseId: string) => (await s.app!.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: auth(user) })).statusCode,
  };
}
const hour = (h: number) => Date.parse('2026-03-10T00:00Z') / 1000 + h * 3600;
/** A plan with no unit (no notification to wait for) whose datum lies in JP's SRR (examples/cooperation/korea-japan.yaml: 135°E 37°N). */
const planInJpSrr = { planId: 'P1', text: 'PLAN P1', plan: { datumTrack: [{ timeS: hour(0), lonDeg: 135, latDeg: 37 }, { timeS: hour(24), lonDeg: 135.5, latDeg: 37.2 }], units: [] } };

describe('closing and reopening a joint case', () => {
  test("under the agreement the coordinating RCC's SMC closes and reopens alone; the other party needs its agreement", async () => {
    const c = client(under);
    const caseId = await c.open(['KR', 'JP']);
    expect((await c.post('kim', caseId, 'planIssued', planInJpSrr)).statusCode).toBe(201);
    const refused = await c.post('kim', caseId, 'caseClosed', { reason: 'survivors found' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'SARB_ACCESS_DENIED' });
    expect(refused.json().message).toBe("closing a joint case needs the SMC of the coordinating RCC (jp-rcc of JP: rule R1, the datum of plan 'P1' lies in its SRR), or every party's agreement: " +
      "JP has not agreed (statusChangeAgreed with to 'closed', since the status last changed)");
    expect((await c.post('sato', caseId, 'caseClosed', { reason: 'survivors found' })).statusCode).toBe(201);
    expect((await c.post('kim', caseId, 'message', { text: 'late news' })).json()).toMatchObject({ statusCode: 409, code: 'SARB_CASE_CLOSED' });
    expect((await c.post('kim', caseId, 'caseReopened', { reason: 'second raft' })).statusCode).toBe(403);
    // KR asks, JP agrees... or JP reopens alone: here KR reopens once JP agreed
    expect((await c.post('sato', caseId, 'statusChangeAgreed', { to: 'open', reason: 'second raft reported' })).statusCode).toBe(201);
    expect((await c.state('kim', caseId)).status).toBe('closed');
    expect((await c.post('kim', caseId, 'caseReopened', { reason: 'second raft' })).statusCode).toBe(201);
    const state = await c.state('kim', caseId);
    expect(state.status).toBe('open');
    expect(state.statusHistory).toEqual([
      { version: 3, status: 'closed', party: 'JP', author: 'sato', recordedAt: '2026-03-10T12:00:00.000Z', reason: 'survivors found' },
      { version: 5, status: 'open', party: 'KR', author: 'kim', recordedAt: '2026-03-10T12:00:00.000Z', reason: 'second raft' },
    ]);
    expect(state.pendingStatusChange).toBeNull();
    // the agreement counted once: closing again needs it again
    expect((await c.post('kim', caseId, 'caseClosed', { reason: 'x' })).statusCode).toBe(403);
    expect((await c.post('kim', caseId, 'message', { text: 'searching again' })).statusCode).toBe(201);
  });

  test('without a coordinating RCC (no plan, or no agreement) every party agrees; a one-party case is closed by its SMC', async () => {
    for (const s of [under, bare]) {
      const c = client(s);
      const caseId = await c.open(['KR', 'JP']);
      const alone = await c.post('kim', caseId, 'caseClosed', { reason: 'found' });
      expect(alone.statusCode).toBe(403);
      expect(alone.json().message).toMatch(/^closing a joint case needs every party's agreement \(no coordinating RCC is known: (no plan with its datum has been issued in the case|this server runs without a cooperation agreement \(serve --agreement\), which names it)\)/);
      expect((await c.post('sato', caseId, 'statusChangeAgreed', { to: 'closed', reason: 'found' })).statusCode).toBe(201);
      expect((await c.state('kim', caseId)).pendingStatusChange).toEqual({ to: 'closed', parties: ['JP'] });
      expect((await c.post('kim', caseId, 'caseClosed', { reason: 'found' })).statusCode).toBe(201);
      const own = await c.open(['KR']);
      expect((await c.post('kim', own, 'caseClosed', { reason: 'false alarm' })).statusCode).toBe(201);
      expect((await c.post('kim', own, 'caseReopened', { reason: 'not a false alarm' })).statusCode).toBe(201);
    }
  });

  test("an agreement whose coordinating-RCC rule says 'every-party' has even the coordinating RCC wait for the others", async () => {
    const strict = { ...agreement, rules: agreement.rules.map((r) => (r.kind === 'coordinating-rcc' ? { ...r, closedBy: 'every-party' as const } : r)) };
    const s = await appWithSessions({ agreement: strict }, USERS);
    try {
      const c = client(s);
      const caseId = await c.open(['KR', 'JP']);
      expect((await c.post('kim', caseId, 'planIssued', planInJpSrr)).statusCode).toBe(201);
      expect((await c.post('sato', caseId, 'caseClosed', { reason: 'found' })).json().message)
        .toBe("closing a joint case needs every party's agreement (the agreement's rule R1 has a joint case closed and reopened by every party): KR has not agreed (statusChangeAgreed with to 'closed', since the status last changed)");
      expect((await c.post('kim', caseId, 'statusChangeAgreed', { to: 'closed', reason: 'found' })).statusCode).toBe(201);
      expect((await c.post('sato', caseId, 'caseClosed', { reason: 'found' })).statusCode).toBe(201);
    } finally { await s.app.close(); await s.store.close(); }
  });

  test("a refusal names no plan the refused party may not see, nor where its datum lies", async () => {
    const c = client(under);
    const caseId = await c.open(['KR', 'JP']);
    // KR's own plan, withheld from JP, its datum in KR's SRR (128°E 36°N), then one whose datum lies in no SRR (150°E 20°N)
    const kept = { planId: 'KR-ONLY-P7', text: 'PLAN KR-ONLY-P7', plan: { datumTrack: [{ timeS: hour(0), lonDeg: 128, latDeg: 36 }], units: [] } };
    expect((await c.post('kim', caseId, 'planIssued', kept, 'nothing')).statusCode).toBe(201);
    const refused = await c.post('sato', caseId, 'caseClosed', { reason: 'found' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toBe("closing a joint case needs the SMC of the coordinating RCC (kr-rcc of KR: rule R1, the datum of a plan not released to JP lies in its SRR), or every party's agreement: " +
      "KR has not agreed (statusChangeAgreed with to 'closed', since the status last changed)");
    const far = { planId: 'KR-ONLY-P8', text: 'PLAN KR-ONLY-P8', plan: { datumTrack: [{ timeS: hour(0), lonDeg: 150.123, latDeg: 20.456 }], units: [] } };
    expect((await c.post('kim', caseId, 'planIssued', far, 'nothing')).statusCode).toBe(201);
    const nowhere = (await c.post('sato', caseId, 'caseClosed', { reason: 'found' })).json().message;
    expect(nowhere).toMatch(/^closing a joint case needs every party's agreement \(no coordinating RCC is known/);
    expect(nowhere).not.toMatch(/KR-ONLY|150\.1|20\.4/);
    // KR, which sees its plan, is told which and where
    expect((await c.post('kim', caseId, 'caseClosed', { reason: 'found' })).json().message).toMatch(/plan 'KR-ONLY-P8': the datum \(20\.456°N 150\.123°E\) lies in no party's SRR/);
  });

  test('a status the case has already, a role that may not, a releasability other than everything are refused', async () => {
    const c = client(bare);
    const caseId = await c.open(['KR']);
    expect((await c.post('kim', caseId, 'caseReopened', { reason: 'x' })).json()).toMatchObject({ statusCode: 400, field: 'body/type', message: 'body/type: the case is open: there is nothing to reopen' });
    expect((await c.post('kim', caseId, 'statusChangeAgreed', { to: 'open', reason: 'x' })).json()).toMatchObject({ statusCode: 400, field: 'body/payload/to' });
    expect((await c.post('park', caseId, 'caseClosed', { reason: 'x' })).json()).toMatchObject({ statusCode: 403, message: expect.stringMatching(/needs role smc/) });
    expect((await c.post('kim', caseId, 'caseClosed', { reason: 'x' }, 'nothing')).json()).toMatchObject({ statusCode: 400, field: 'releasability' });
    expect((await c.post('kim', caseId, 'caseClosed', { reason: 'x' })).statusCode).toBe(201);
    expect((await c.post('kim', caseId, 'caseClosed', { reason: 'x' })).json()).toMatchObject({ statusCode: 409, code: 'SARB_CASE_CLOSED' });
  });
});

describe('corrections and retractions', () => {
  test('a corrected report keeps its original in the log; the picture shows the correction with who and why', async () => {
    const c = client(bare);
    const caseId = await c.open(['KR', 'JP']);
    const report = { text: 'raft sighted', position: { lonDeg: 131.2, latDeg: 37.1 }, time: '2026-03-10T16:00+09:00' };
    expect((await c.post('kim', caseId, 'report', report)).statusCode).toBe(201);
    const fixed = await c.post('kim', caseId, 'eventCorrected', { eventVersion: 2, reason: 'latitude misread from the radio log',
      replacement: { ...report, position: { lonDeg: 131.2, latDeg: 37.4 } } });
    expect(fixed.statusCode).toBe(201);
    expect(fixed.json().event.payload.replacement.time).toBe('2026-03-10T07:00Z');   // times as every payload's: UTC
    const events = await c.events('sato', caseId);
    expect(events[1].payload).toEqual({ ...report, time: '2026-03-10T07:00Z' });   // the original, as written
    for (const viewer of ['kim', 'sato']) {
      const [entry] = (await c.state(viewer, caseId)).reports;
      expect(entry.position).toEqual({ lonDeg: 131.2, latDeg: 37.4 });
      expect(entry.original.position).toEqual({ lonDeg: 131.2, latDeg: 37.1 });
      expect(entry.corrections).toEqual([{ version: 3, party: 'KR', author: 'kim', recordedAt: expect.any(String), reason: 'latitude misread from the radio log' }]);
    }
  });

  test("only the author's party corrects or retracts, only reports, sightings, positions and messages, each field checked", async () => {
    const c = client(bare);
    const caseId = await c.open(['KR', 'JP']);
    await c.post('kim', caseId, 'report', { text: 'raft' });
    await c.post('kim', caseId, 'planIssued', { planId: 'P1', text: 'PLAN' });
    const other = await c.post('sato', caseId, 'eventRetracted', { eventVersion: 2, reason: 'we doubt it' });
    expect(other.json()).toMatchObject({ statusCode: 403, code: 'SARB_ACCESS_DENIED', message: "event 2 is not JP's: only the party that wrote an event corrects or retracts it (write a report or message instead)" });
    expect((await c.post('kim', caseId, 'eventRetracted', { eventVersion: 3, reason: 'x' })).json())
      .toMatchObject({ statusCode: 400, field: 'body/payload/eventVersion', message: "payload/eventVersion: event 3 is a 'planIssued': only report, sighting, unitPosition, message events are corrected or retracted" });
    expect((await c.post('kim', caseId, 'eventRetracted', { eventVersion: 9, reason: 'x' })).json()).toMatchObject({ statusCode: 400, message: 'payload/eventVersion: the case has no event 9 (it is at version 3)' });
    const bad = await c.post('kim', caseId, 'eventCorrected', { eventVersion: 2, reason: 'x', replacement: { text: 'raft', position: { lonDeg: 131, latDeg: 97 } } });
    expect(bad.json()).toMatchObject({ statusCode: 400, field: 'body/payload/replacement/position/latDeg' });
    const hidden = await c.post('kim', caseId, 'eventRetracted', { eventVersion: 2, reason: 'x' }, 'nothing');
    expect(hidden.json()).toMatchObject({ statusCode: 400, field: 'releasability', message: "releasability: a retraction is released as the event it names (everything), so every party that saw it sees it; not 'nothing'" });
    const badTime = await c.post('kim', caseId, 'eventCorrected', { eventVersion: 2, reason: 'x', replacement: { text: 'raft', time: '2026-02-30T10:00Z' } });
    expect(badTime.json()).toMatchObject({ statusCode: 400, field: 'body/payload/replacement/time' });
  });

  test("a refusal to correct another party's event says nothing of an event withheld from the writer", async () => {
    const c = client(bare);
    const caseId = await c.open(['KR', 'JP']);
    await c.post('kim', caseId, 'report', { text: 'crew fatigue' }, 'nothing');
    await c.post('kim', caseId, 'planIssued', { planId: 'P1', text: 'PLAN' }, 'nothing');
    for (const [version, type] of [[2, 'eventRetracted'], [3, 'eventCorrected']] as const) {
      const refused = await c.post('sato', caseId, type, { eventVersion: version, reason: 'x', ...(type === 'eventCorrected' ? { replacement: { text: 'y' } } : {}) });
      expect(refused.json()).toMatchObject({ statusCode: 403, code: 'SARB_ACCESS_DENIED',
        message: `event ${version} is not JP's: only the party that wrote an event corrects or retracts it (write a report or message instead)` });
    }
  });

  test("a retracted position is no unit's last position; a retracted event takes no further correction", async () => {
    const c = client(bare);
    const caseId = await c.open(['KR']);
    await c.post('park', caseId, 'unitPosition', { unitId: 'kr-ship-1', position: { lonDeg: 131.0, latDeg: 37.0 } });
    await c.post('park', caseId, 'unitPosition', { unitId: 'kr-ship-1', position: { lonDeg: 139.0, latDeg: 37.0 } });
    expect((await c.post('park', caseId, 'eventRetracted', { eventVersion: 3, reason: 'GPS fault' })).statusCode).toBe(201);
    const state = await c.state('kim', caseId);
    expect(state.units['kr-ship-1'].position).toEqual({ lonDeg: 131.0, latDeg: 37.0 });
    expect(state.units['kr-ship-1'].version).toBe(2);
    expect((await c.post('kim', caseId, 'eventCorrected', { eventVersion: 3, reason: 'y', replacement: { unitId: 'kr-ship-1', position: { lonDeg: 131.1, latDeg: 37 } } })).json())
      .toMatchObject({ statusCode: 400, message: 'payload/eventVersion: event 3 was retracted at version 4: write a new unitPosition instead' });
  });

  test("under the agreement a correction is released no further than the unit's releasability, and its unit must be known", async () => {
    const c = client(under);
    const caseId = await c.open(['KR', 'JP']);
    // kr-ship-1: position-only; kr-helo-1: nothing
    await c.post('kim', caseId, 'unitPosition', { unitId: 'kr-ship-1', position: { lonDeg: 131.0, latDeg: 37.0 }, courseDeg: 90 });
    await c.post('kim', caseId, 'unitPosition', { unitId: 'kr-helo-1', position: { lonDeg: 131.5, latDeg: 37.5 } });
    expect((await c.post('kim', caseId, 'eventCorrected', { eventVersion: 2, reason: 'wrong fix', replacement: { unitId: 'kr-ship-1', position: { lonDeg: 131.1, latDeg: 37.0 }, courseDeg: 95 } })).statusCode).toBe(201);
    expect((await c.post('kim', caseId, 'eventCorrected', { eventVersion: 3, reason: 'wrong fix', replacement: { unitId: 'kr-helo-1', position: { lonDeg: 131.6, latDeg: 37.5 } } })).statusCode).toBe(201);
    const unknown = await c.post('kim', caseId, 'eventCorrected', { eventVersion: 2, reason: 'x', replacement: { unitId: 'KR-SHIP-1', position: { lonDeg: 131, latDeg: 37 } } });
    expect(unknown.json()).toMatchObject({ statusCode: 400, field: 'body/payload/replacement/unitId', message: expect.stringMatching(/kr-ship-1/) });
    const seen = await c.events('sato', caseId);
    expect(seen[3]).toMatchObject({ redacted: true, payload: { eventVersion: 2, replacement: { unitId: 'kr-ship-1', position: { lonDeg: 131.1, latDeg: 37.0 } } } });
    expect(JSON.stringify(seen[3])).not.toMatch(/wrong fix|courseDeg|kim/);
    expect(seen[4]).toEqual({ caseId, version: 5, withheld: true });
    const jp = await c.state('sato', caseId);
    expect(jp.units['kr-ship-1'].position).toEqual({ lonDeg: 131.1, latDeg: 37.0 });
    expect(jp.units['kr-helo-1']).toBeUndefined();
    expect(jp.units['kr-ship-1'].corrections).toEqual([{ version: 4, party: 'KR', recordedAt: '2026-03-10T12:00:00.000Z' }]);
  });
});

describe('adding a party to an open case', () => {
  test('the case becomes joint: the new party reads the log as released and writes to it', async () => {
    const c = client(bare);
    const caseId = await c.open(['KR']);
    await c.post('kim', caseId, 'report', { text: 'raft near the boundary' });
    await c.post('kim', caseId, 'message', { text: 'KR eyes only' }, 'nothing');
    expect(await c.read('sato', caseId)).toBe(404);
    expect((await c.post('park', caseId, 'partyAdded', { party: 'JP', reason: 'x' })).statusCode).toBe(403);
    expect((await c.post('kim', caseId, 'partyAdded', { party: 'JP', reason: 'the raft drifts into the JP SRR' })).statusCode).toBe(201);
    expect((await c.post('kim', caseId, 'partyAdded', { party: 'JP', reason: 'again' })).json())
      .toMatchObject({ statusCode: 400, field: 'body/payload/party', message: 'payload/party: JP takes part in the case already (KR, JP)' });
    const state = await c.state('sato', caseId);
    expect(state.parties).toEqual(['KR', 'JP']);
    expect(state.partiesAdded).toMatchObject([{ version: 4, party: 'KR', author: 'kim', addedParty: 'JP', text: 'the raft drifts into the JP SRR' }]);
    expect(state.reports.map((r: { text: string }) => r.text)).toEqual(['raft near the boundary']);
    expect(state.withheldCount).toBe(1);
    expect((await c.post('sato', caseId, 'message', { text: 'JP RCC joins' })).statusCode).toBe(201);
    const exercise = (await bare.app!.inject({ method: 'POST', url: '/api/cases', headers: { authorization: `Bearer ${bare.tokens!.kim}` }, payload: { kind: 'exercise', title: 'x', parties: ['KR'] } })).json().caseId;
    expect((await c.post('kim', exercise, 'partyAdded', { party: 'JP', reason: 'x' })).json()).toMatchObject({ statusCode: 400, field: 'body/type' });
    expect(await c.read('wang', caseId)).toBe(404);
  });

  test('live: the new party opens the feed once added and receives the log as released; a feed already open hears the joining', async () => {
    const c = client(bare);
    const app = bare.app!;
    if (!app.server.listening) await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const open = (user: string, caseId: string) => new Promise<{ status: number; events: { version: number; type?: string; withheld?: boolean }[]; socket?: WebSocket }>((resolve) => {
      const socket = new WebSocket(`ws://${base}/api/cases/${caseId}/live?afterVersion=0`, { headers: { authorization: `Bearer ${bare.tokens![user]}` } });
      const feed = { status: 101, events: [] as { version: number }[], socket };
      socket.on('message', (data) => { const m = JSON.parse(String(data)); if (m.kind === 'event') feed.events.push(m.event); });
      socket.once('open', () => resolve(feed));
      socket.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0, events: [] }));
    });
    const caseId = await c.open(['KR']);
    await c.post('kim', caseId, 'message', { text: 'KR eyes only' }, 'nothing');
    expect((await open('sato', caseId)).status).toBe(404);
    const kr = await open('kim', caseId);
    await c.post('kim', caseId, 'partyAdded', { party: 'JP', reason: 'joint now' });
    const jp = await open('sato', caseId);
    while (kr.events.length < 3 || jp.events.length < 3) await new Promise((r) => setTimeout(r, 10));
    expect(kr.events[2]).toMatchObject({ version: 3, type: 'partyAdded' });
    expect(jp.events.map((e) => e.withheld ?? e.type)).toEqual(['caseOpened', true, 'partyAdded']);
    kr.socket!.close(); jp.socket!.close();
  });

  test('under the agreement only a party of the agreement is added', async () => {
    const c = client(under);
    const caseId = await c.open(['KR']);
    expect((await c.post('kim', caseId, 'partyAdded', { party: 'CN', reason: 'x' })).json())
      .toMatchObject({ statusCode: 400, field: 'body/payload/party', message: 'payload/party: CN is not a party of the agreement (KR, JP)' });
  });
});

describe('refusals say what a field must hold in words', () => {
  test('a pattern is described, never quoted as a regular expression (payloads and Fastify schemas alike)', async () => {
    const c = client(bare);
    const caseId = await c.open(['KR']);
    const unit = (await c.post('kim', caseId, 'unitPosition', { unitId: 'kr ship', position: { lonDeg: 131, latDeg: 37 } })).json();
    expect(unit).toMatchObject({ field: 'body/payload/unitId', message: 'payload/unitId: may hold only letters, digits and . _ : -' });
    const ack = (await c.post('kim', caseId, 'notificationAcknowledged', { notificationId: 'R3 kr' })).json();
    expect(ack.message).toBe('payload/notificationId: may hold only letters, digits and . _ : / -');
    const party = (await c.post('kim', caseId, 'partyAdded', { party: 'jp', reason: 'x' })).json();
    expect(party.message).toBe("payload/party: must be a party code of two or three capital letters, such as 'KR'");
    const params = (await bare.app!.inject({ method: 'GET', url: '/api/cases/bad%20id', headers: { authorization: `Bearer ${bare.tokens!.kim}` } })).json();
    expect(params.message).toBe('params/caseId: may hold only letters, digits and . _ -');
    const opened = (await bare.app!.inject({ method: 'POST', url: '/api/cases', headers: { authorization: `Bearer ${bare.tokens!.kim}` }, payload: { kind: 'case', title: 't', parties: ['kr'] } })).json();
    expect(opened.message).toBe("body/parties/0: must be a party code of two or three capital letters, such as 'KR'");
    for (const m of [unit.message, ack.message, party.message, params.message, opened.message]) expect(m).not.toMatch(/[\\^$]|\[[a-z]/);
  });
  test('the OpenAPI document has the payload schema of every new event type', async () => {
    const doc = (await bare.app!.inject({ method: 'GET', url: '/openapi.json' })).json();
    for (const type of ['caseReopened', 'statusChangeAgreed', 'partyAdded', 'eventCorrected', 'eventRetracted']) expect(doc.components.schemas[`EventPayload_${type}`], type).toBeDefined();
    expect(doc.components.schemas.EventPayload_eventCorrected.required).toEqual(['eventVersion', 'reason', 'replacement']);
  });
});
