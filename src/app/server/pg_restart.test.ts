/**
 * PostgreSQL stopped and started again under load (issue 11): while it is down every write gets a
 * clear 503 SARB_STORAGE and health says degraded; nothing acknowledged is lost; the server
 * recovers by itself (writes, LISTEN, the audit lines kept meanwhile), with no restart of its own.
 *
 * It needs a PostgreSQL server of its own that it may stop and start, never the one the other
 * PostgreSQL tests use at the same time (they would fail while it is down):
 * SARBRIDGE_TEST_PG_RESTART_URL and the two shell commands SARBRIDGE_TEST_PG_STOP and
 * SARBRIDGE_TEST_PG_START (.ci/run starts such a second server and sets all three), e.g.
 *   SARBRIDGE_TEST_PG_STOP='runuser -u postgres -- pg_ctl -D /tmp/pg/data stop -m fast'
 *   SARBRIDGE_TEST_PG_START='runuser -u postgres -- pg_ctl -D /tmp/pg/data -o "-p 55442 -k /tmp/pg" -l /tmp/pg/log start'
 * Skipped otherwise (the reason is printed).
 */
import { execSync } from 'node:child_process';
import { afterAll, describe, expect, test } from 'vitest';
import { PostgresStore } from '../../io/storage/index.js';
import { freshPostgresDatabase } from '../../io/storage/postgres_test_support.js';
import { buildApp } from './app.js';
import { createTestUsers, TEST_PASSWORD } from './server_test_support.js';

const STOP = process.env.SARBRIDGE_TEST_PG_STOP;
const START = process.env.SARBRIDGE_TEST_PG_START;
const RESTART_URL = process.env.SARBRIDGE_TEST_PG_RESTART_URL || undefined;
const RUNS = Boolean(RESTART_URL && STOP && START);
const SKIP = 'SKIPPED: set SARBRIDGE_TEST_PG_RESTART_URL, SARBRIDGE_TEST_PG_STOP and SARBRIDGE_TEST_PG_START to stop and start a PostgreSQL server of your own';
if (!RUNS && process.env.VITEST) console.warn(`PostgreSQL restart test ${SKIP}`);

const drops: (() => Promise<void>)[] = [];
afterAll(async () => { for (const d of drops) await d(); });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!RUNS)(`PostgreSQL stopped and started under load ${RUNS ? '' : `(${SKIP})`}`, () => {
  test('writes get 503 SARB_STORAGE while it is down, nothing acknowledged is lost, the server recovers by itself', async () => {
    const db = await freshPostgresDatabase(RESTART_URL);
    drops.push(db.drop);
    const store = await PostgresStore.open(db.url, { poolSize: 4 });
    await createTestUsers(store);
    const app = await buildApp({ store, webRoot: '/nonexistent' });
    const heard: string[] = [];
    store.onAppended((caseId, version) => heard.push(`${caseId}:${version}`));
    try {
      const headers = { authorization: `Bearer ${(await app.inject({ method: 'POST', url: '/api/session', payload: { userName: 'kim', password: TEST_PASSWORD } })).json().token}` };
      const caseIds: string[] = [];
      for (let i = 0; i < 4; i++) caseIds.push((await app.inject({ method: 'POST', url: '/api/cases', headers, payload: { kind: 'case', title: `load ${i}`, parties: ['KR'] } })).json().caseId);

      const acked: { caseId: string; version: number; text: string }[] = [];
      const refusals: { status: number; code: string; message: string }[] = [];
      let phase: 'before' | 'down' | 'after' = 'before';
      let ackedAfter = 0;
      let stop = false;
      const writer = async (caseId: string) => {
        let version = 1;
        let n = 0;
        while (!stop) {
          const text = `${caseId} write ${n++}`;
          const res = await app.inject({ method: 'POST', url: `/api/cases/${caseId}/events`, headers, payload: { basedOnVersion: version, type: 'message', payload: { text } } });
          if (res.statusCode === 201) {
            version = res.json().event.version;
            acked.push({ caseId, version, text });
            if (phase === 'after') ackedAfter++;
            continue;
          }
          refusals.push({ status: res.statusCode, code: res.json().code, message: res.json().message });
          if (res.statusCode === 409) { version = res.json().currentVersion; continue; }   // a write answered 503 may have been stored: go on from the current version
          await sleep(50);
        }
      };
      const writers = Promise.all(caseIds.map(writer));
      while (acked.length < 100) await sleep(10);

      execSync(STOP!, { stdio: 'ignore' });
      phase = 'down';
      const ackedBeforeDown = acked.length;
      await sleep(1500);
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toMatchObject({ status: 'degraded', database: 'unreachable' });
      const during = refusals.length;
      expect(during, 'writes refused while PostgreSQL is down').toBeGreaterThan(0);
      // a client is told clearly that the database is down and to retry, with no cause it cannot use
      for (const r of refusals.filter((x) => x.status !== 409)) {
        expect(r).toEqual({ status: 503, code: 'SARB_STORAGE', message: 'the database is not available now; nothing was written unless acknowledged; retry shortly (the cause is in the server log)' });
      }
      // at most the writes in flight when it stopped were acknowledged after
      expect(acked.length - ackedBeforeDown).toBeLessThanOrEqual(caseIds.length);

      execSync(START!, { stdio: 'ignore' });
      phase = 'after';
      const upBy = Date.now() + 30_000;
      while (ackedAfter < 100 && Date.now() < upBy) await sleep(20);
      stop = true;
      await writers;
      expect(ackedAfter, 'writes acknowledged again after the restart, with no restart of the server').toBeGreaterThanOrEqual(100);

      // nothing acknowledged is lost: every one is in the log at its version, intact
      for (const caseId of caseIds) {
        const events = (await app.inject({ method: 'GET', url: `/api/cases/${caseId}/events`, headers })).json().events as { version: number; payload: { text: string } }[];
        expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
        for (const a of acked.filter((x) => x.caseId === caseId)) expect(events[a.version - 1]?.payload.text, `${caseId} v${a.version}`).toBe(a.text);
      }
      // LISTEN comes back by itself: a new append is heard
      while ((await store.health()).notifications !== 'listening') await sleep(100);
      const before = heard.length;
      const last = acked.filter((x) => x.caseId === caseIds[0]).at(-1)!.version;
      const version = Math.max(last, ...heard.filter((h) => h.startsWith(`${caseIds[0]}:`)).map((h) => Number(h.split(':')[1])));
      const res = await app.inject({ method: 'POST', url: `/api/cases/${caseIds[0]}/events`, headers, payload: { basedOnVersion: version, type: 'message', payload: { text: 'after' } } });
      expect(res.statusCode).toBe(201);
      while (heard.length === before) await sleep(20);
      expect(heard.at(-1)).toBe(`${caseIds[0]}:${res.json().event.version}`);
      // the audit lines of the outage were kept and written when the database came back
      while ((await app.inject({ method: 'GET', url: '/api/health' })).json().auditLinesWaiting > 0) await sleep(100);
      const healthAfter = (await app.inject({ method: 'GET', url: '/api/health' })).json();
      expect(healthAfter).toMatchObject({ status: 'ok', database: 'ok', notifications: 'listening', auditLinesFailed: 0, auditLinesWaiting: 0 });
      // (read from the store: a request refused before its session was read carries no party, so no admin's view lists it)
      const audit = await store.readAudit({ limit: 100_000 });
      const refusedWrites = audit.filter((e) => e.action === 'POST /api/cases/:caseId/events' && e.statusCode === 503).length;
      expect(refusedWrites, 'the audit lines of the writes refused while the database was down').toBe(refusals.filter((r) => r.status === 503).length);
      console.log(`PostgreSQL restart under load: ${ackedBeforeDown} acknowledged before the stop, ${during} writes refused with 503 while down, ` +
        `${ackedAfter} acknowledged after the start, ${acked.length} in all, none lost`);
    } finally {
      await app.close();
      await store.close();
    }
  }, 90_000);
});
