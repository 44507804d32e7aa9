import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { openStore } from '../../io/storage/index.js';
import { freshPostgresDatabase, PG_SKIP_REASON, TEST_PG_URL } from '../../io/storage/postgres_test_support.js';
import { createTestUsers, TEST_PASSWORD } from './server_test_support.js';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

/** Start `main.ts` as a child process on a free loopback port; resolves with its base URL. */
function startChild(db: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, SARBRIDGE_DB: db, SARBRIDGE_PORT: '0', SARBRIDGE_HOST: '127.0.0.1', SARBRIDGE_DEMO: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, base: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening: ${out}`)));
  });
}

async function login(base: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userName: 'kim', password: TEST_PASSWORD }) });
  return { authorization: `Bearer ${(await res.json()).token}`, 'content-type': 'application/json' };
}

interface Acked { caseId: string; version: number; text: string; order: number }

/**
 * Kill the server (SIGKILL) in the middle of a burst of writes to four cases, restart it on the same
 * database, and check that every acknowledged event is there, intact, at its version, in order.
 */
async function killDuringBurst(db: string): Promise<{ acked: number; stored: number }> {
  const setup = await openStore(db);
  await createTestUsers(setup);
  await setup.close();

  const first = await startChild(db);
  const killed = new Promise((resolve) => first.child.once('exit', (_code, signal) => resolve(signal)));
  const headers = await login(first.base);
  const caseIds: string[] = [];
  for (let i = 0; i < 4; i++) {
    const res = await fetch(`${first.base}/api/cases`, { method: 'POST', headers, body: JSON.stringify({ kind: 'case', title: `burst ${i}`, parties: ['KR'] }) });
    caseIds.push((await res.json()).caseId);
  }
  const acked: Acked[] = [];
  let order = 0;
  const killAfter = 120;
  const writer = async (caseId: string) => {
    for (let version = 1; ; version++) {
      const text = `${caseId} write ${version} ${'x'.repeat(version % 50)}`;
      try {
        const res = await fetch(`${first.base}/api/cases/${caseId}/events`, {
          method: 'POST', headers, body: JSON.stringify({ basedOnVersion: version, type: 'message', payload: { text } }),
        });
        if (res.status !== 201) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
        const event = (await res.json()).event;
        acked.push({ caseId, version: event.version, text, order: order++ });
        if (acked.length === killAfter) first.child.kill('SIGKILL');
      } catch (error) {
        if (acked.length >= killAfter) return;   // the server was killed under this write
        throw error;
      }
    }
  };
  await Promise.all(caseIds.map(writer));
  expect(await killed).toBe('SIGKILL');

  const second = await startChild(db);
  try {
    const h2 = await login(second.base);
    let stored = 0;
    for (const caseId of caseIds) {
      const events = (await (await fetch(`${second.base}/api/cases/${caseId}/events`, { headers: h2 })).json()).events as { version: number; type: string; author: string; payload: { text: string } }[];
      stored += events.length;
      expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));   // gap-free, in order
      const mine = acked.filter((a) => a.caseId === caseId);
      for (const a of mine) {
        const e = events[a.version - 1];
        expect(e, `acknowledged ${caseId} v${a.version} lost`).toBeDefined();
        expect(e).toMatchObject({ version: a.version, type: 'message', author: 'kim', payload: { text: a.text } });
      }
      // acknowledged in the order they were stored
      expect(mine.map((a) => a.version)).toEqual([...mine].sort((x, y) => x.order - y.order).map((a) => a.version));
    }
    return { acked: acked.length, stored };
  } finally {
    second.child.kill('SIGTERM');
  }
}

describe('an acknowledged event survives SIGKILL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sarbridge-kill-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('SQLite (WAL, synchronous=FULL)', async () => {
    const { acked, stored } = await killDuringBurst(join(dir, 'kill.sqlite'));
    expect(acked).toBeGreaterThanOrEqual(120);
    expect(stored).toBeGreaterThanOrEqual(acked + 4);   // + the four caseOpened events
  });

  test.skipIf(!TEST_PG_URL)(`PostgreSQL ${TEST_PG_URL ? '' : `(${PG_SKIP_REASON})`}`, async () => {
    const db = await freshPostgresDatabase();
    try {
      const { acked, stored } = await killDuringBurst(db.url);
      expect(acked).toBeGreaterThanOrEqual(120);
      expect(stored).toBeGreaterThanOrEqual(acked + 4);
    } finally {
      await db.drop();
    }
  });
});
