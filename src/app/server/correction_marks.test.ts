/**
 * "Corrected" and "retracted" on the original event (issue 11): GET …/events marks each original
 * with `correctedBy` / `retractedBy` (who, when, why) at read time, the live feed sends the same
 * marks as `eventMarked` after each correction, the log keeps the event as written, and a reader
 * learns nothing of a correction withheld from it. On SQLite, and on PostgreSQL when
 * SARBRIDGE_TEST_PG_URL is set.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PostgresStore, SqliteStore, type SarbridgeStore } from '../../io/storage/index.js';
import { freshPostgresDatabase, PG_SKIP_REASON, TEST_PG_URL } from '../../io/storage/postgres_test_support.js';
import { buildApp, type SarbridgeApp } from './app.js';
import { createTestUsers, TEST_PASSWORD } from './server_test_support.js';

const at = { lonDeg: 131.25, latDeg: 37.25 };

function marksSuite(name: string, open: () => Promise<{ store: SarbridgeStore; close: () => Promise<void> }>, skipReason?: string): void {
  describe.skipIf(skipReason !== undefined)(`${name}: corrections marked on the original${skipReason ? ` (${skipReason})` : ''}`, () => {
    let store: SarbridgeStore; let closeStore: () => Promise<void>; let app: SarbridgeApp;
    const tokens: Record<string, string> = {};
    beforeAll(async () => {
      ({ store, close: closeStore } = await open());
      await createTestUsers(store);
      app = await buildApp({ store, clock: () => new Date('2026-03-10T12:00:00Z') });
      for (const u of ['kim', 'sato']) tokens[u] = (await app.inject({ method: 'POST', url: '/api/session', payload: { userName: u, password: TEST_PASSWORD } })).json().token;
    });
    afterAll(async () => { await app.close(); await closeStore(); });

    test('GET …/events and the live feed mark the corrected and the retracted original alike, as releasability allows; the log keeps what was written', async () => {
      const as = (user: string, method: 'GET' | 'POST', url: string, payload?: object) => app.inject({ method, url, headers: { authorization: `Bearer ${tokens[user]}` }, ...(payload ? { payload } : {}) });
      const caseId = (await as('kim', 'POST', '/api/cases', { kind: 'case', title: 'raft', parties: ['KR', 'JP'] })).json().caseId as string;
      const live: Record<string, { kind: string; eventVersion?: number }[]> = { KR: [], JP: [] };
      const stops = await Promise.all(['KR', 'JP'].map((party) => app.hub.subscribe(caseId, 0, { party, send: (text) => live[party].push(JSON.parse(text)) })));
      let version = 1;
      const post = async (type: string, payload: object, releasability: string) => {
        const res = await as('kim', 'POST', `/api/cases/${caseId}/events`, { basedOnVersion: version, type, payload, releasability });
        expect(res.statusCode, res.body).toBe(201);
        version++;
      };
      await post('report', { text: 'raft sighted', position: at }, 'everything');                       // v2
      await post('report', { text: 'SECRET second raft', position: at }, 'nothing');                    // v3
      await post('report', { text: 'smoke seen', position: at }, 'position-only');                     // v4
      await post('eventCorrected', { eventVersion: 2, reason: 'latitude misread', replacement: { text: 'raft sighted', position: { ...at, latDeg: 37.3 } } }, 'everything');   // v5
      await post('eventRetracted', { eventVersion: 3, reason: 'SECRET duplicate of v2' }, 'nothing');  // v6
      await post('eventCorrected', { eventVersion: 4, reason: 'PRIVATE time was wrong', replacement: { text: 'smoke seen', position: at } }, 'position-only');   // v7
      await post('eventCorrected', { eventVersion: 2, reason: 'second fix', replacement: { text: 'raft sighted', position: { ...at, latDeg: 37.31 } } }, 'everything');   // v8
      const mark = (v: number, reason?: string) => ({ version: v, party: 'KR', recordedAt: '2026-03-10T12:00:00.000Z', ...(reason ? { author: 'kim', reason } : {}) });

      const kr = (await as('kim', 'GET', `/api/cases/${caseId}/events`)).json().events;
      expect(kr[1].correctedBy).toEqual([mark(5, 'latitude misread'), mark(8, 'second fix')]);
      expect(kr[2].retractedBy).toEqual(mark(6, 'SECRET duplicate of v2'));
      expect(kr[3].correctedBy).toEqual([mark(7, 'PRIVATE time was wrong')]);
      expect(kr[1].payload.position).toEqual(at);   // the original as written
      expect(kr.filter((e: object) => 'correctedBy' in e || 'retractedBy' in e).map((e: { version: number }) => e.version)).toEqual([2, 3, 4]);

      const jpRes = await as('sato', 'GET', `/api/cases/${caseId}/events`);
      const jp = jpRes.json().events;
      expect(jp[1].correctedBy).toEqual([mark(5, 'latitude misread'), mark(8, 'second fix')]);
      expect(jp[2]).toEqual({ caseId, version: 3, withheld: true });    // withheld, and so is its retraction: no mark
      expect(jp[3]).toMatchObject({ redacted: true, correctedBy: [mark(7)] });   // seen positions only: who and why left out
      expect(jpRes.body).not.toMatch(/SECRET|PRIVATE/);
      // a page marks its events from the rest of the log
      expect((await as('sato', 'GET', `/api/cases/${caseId}/events?afterVersion=1&limit=1`)).json().events).toEqual([jp[1]]);

      // live: the events as written, each correction followed by the mark it puts on the original, the same as GET gives
      for (const party of ['KR', 'JP']) {
        for (let i = 0; i < 200 && live[party].filter((m) => m.kind === 'event').length < version; i++) await new Promise((r) => setTimeout(r, 10));
      }
      const marks = (party: string) => live[party].filter((m) => m.kind === 'eventMarked');
      expect(marks('KR')).toEqual([
        { kind: 'eventMarked', eventVersion: 2, correctedBy: kr[1].correctedBy[0] }, { kind: 'eventMarked', eventVersion: 3, retractedBy: kr[2].retractedBy },
        { kind: 'eventMarked', eventVersion: 4, correctedBy: kr[3].correctedBy[0] }, { kind: 'eventMarked', eventVersion: 2, correctedBy: kr[1].correctedBy[1] },
      ]);
      expect(marks('JP')).toEqual([
        { kind: 'eventMarked', eventVersion: 2, correctedBy: jp[1].correctedBy[0] }, { kind: 'eventMarked', eventVersion: 4, correctedBy: jp[3].correctedBy[0] },
        { kind: 'eventMarked', eventVersion: 2, correctedBy: jp[1].correctedBy[1] },
      ]);
      // each mark right after the correction's own event
      const k = live.JP.findIndex((m) => m.kind === 'eventMarked');
      expect(live.JP[k - 1]).toMatchObject({ kind: 'event', event: { version: 5, type: 'eventCorrected' } });
      expect(JSON.stringify(live.JP)).not.toMatch(/SECRET|PRIVATE/);
      // the log is append-only: the stored original carries no mark
      const [stored] = await store.readEvents(caseId, 1, 1);
      expect(stored).not.toHaveProperty('correctedBy');
      for (const stop of stops) stop();
    });

    test('a page of GET …/events reads its own events and the marks that name them, never the rest of the log', async () => {
      // the same store behind a spy that counts the event rows each read returns
      let rowsRead = 0;
      const spy = new Proxy(store, {
        get(target, prop) {
          const value = Reflect.get(target, prop, target);
          if (prop !== 'readEvents' && prop !== 'readMarksOf') return typeof value === 'function' ? value.bind(target) : value;
          return async (...args: unknown[]) => {
            const rows = await (value as (...a: unknown[]) => Promise<unknown[]>).apply(target, args);
            rowsRead += rows.length;
            return rows;
          };
        },
      });
      const paged = await buildApp({ store: spy, clock: () => new Date('2026-03-10T12:00:00Z') });
      try {
        const token = (await paged.inject({ method: 'POST', url: '/api/session', payload: { userName: 'kim', password: TEST_PASSWORD } })).json().token;
        const as = (method: 'GET' | 'POST', url: string, payload?: object) => paged.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
        const caseId = (await as('POST', '/api/cases', { kind: 'case', title: 'a long log', parties: ['KR', 'JP'] })).json().caseId as string;
        // reports; every 40th event corrects the report 30 before it, every 40th + 20 retracts the one 5 before it
        const targets = new Map<number, number>();   // marked version → marking version
        for (let v = 2; v <= 400; v++) {
          const [type, payload] = v % 40 === 0 ? ['eventCorrected', { eventVersion: v - 30, reason: `fix ${v}`, replacement: { text: `report ${v - 30}, fixed`, position: at } }]
            : v % 40 === 20 ? ['eventRetracted', { eventVersion: v - 5, reason: `duplicate ${v}` }]
              : ['report', { text: `report ${v}`, position: at }];
          if (type !== 'report') targets.set((payload as unknown as { eventVersion: number }).eventVersion, v);
          const res = await as('POST', `/api/cases/${caseId}/events`, { basedOnVersion: v - 1, type, payload });
          expect(res.statusCode, res.body).toBe(201);
        }
        const whole = (await as('GET', `/api/cases/${caseId}/events`)).json().events as { version: number; correctedBy?: { version: number }[]; retractedBy?: { version: number } }[];
        expect(whole).toHaveLength(400);
        let marksSeen = 0;
        for (const afterVersion of [0, 200, 360, 380]) {
          rowsRead = 0;
          const page = (await as('GET', `/api/cases/${caseId}/events?afterVersion=${afterVersion}&limit=20`)).json().events;
          const marks = [...targets.keys()].filter((v) => v > afterVersion && v <= afterVersion + 20).length;
          marksSeen += marks;
          // its 20 events and its marks' events (made by events after the page), nothing more
          expect(rowsRead).toBe(20 + marks);
          expect(page).toEqual(whole.slice(afterVersion, afterVersion + 20));
          for (const [marked, by] of targets) {
            if (marked <= afterVersion || marked > afterVersion + 20) continue;
            const e = page[marked - afterVersion - 1];
            expect(by % 40 === 0 ? e.correctedBy.map((m: { version: number }) => m.version) : [e.retractedBy.version]).toEqual([by]);
          }
        }
        expect(marksSeen).toBe(6);   // v10, v15, v210, v215, v370, v375
      } finally {
        await paged.close();
      }
    }, 120_000);
  });
}

marksSuite('SQLite', async () => {
  const store = new SqliteStore(':memory:');
  return { store, close: () => store.close() };
});
marksSuite('PostgreSQL', async () => {
  const db = await freshPostgresDatabase();
  const store = await PostgresStore.open(db.url);
  return { store, close: async () => { await store.close(); await db.drop(); } };
}, TEST_PG_URL ? undefined : PG_SKIP_REASON);
