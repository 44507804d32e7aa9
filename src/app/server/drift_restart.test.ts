import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { openStore } from '../../io/storage/index.js';
import { freshPostgresDatabase, PG_SKIP_REASON, TEST_PG_URL } from '../../io/storage/postgres_test_support.js';
import { createTestUsers, TEST_PASSWORD } from './server_test_support.js';

// A real `sarbridge serve` killed with SIGKILL in the middle of an accepted drift run: the next
// server on the same store resumes the run (drift_runs_accepted, migration 6) and finishes it with
// the result an uninterrupted run gives, and no event acknowledged before the kill is lost.

const SERVE = fileURLToPath(new URL('../cli/serve_command.ts', import.meta.url));
/** The largest run the server allows by default: 20,000 particles, 72 h, 1-min step, demo forcing. */
const MAXIMUM = { lkp: { position: { lonDeg: 131.25, latDeg: 37.2333 }, time: '2026-03-10T06:00Z' }, particles: 20_000, durationH: 72, timeStepMin: 1, forcing: { source: 'demo' } };
/** Seconds a claim lasts (`serve --drift-claim-s`; 30 by default): the dead server's run is taken over after this. */
const CLAIM_S = '3';

/** `sarbridge serve` (the command alone, as the CLI runs it) in a child process; resolves with its base URL. */
function serve(db: string, workers: number): Promise<{ child: ChildProcess; base: string }> {
  const args = ['--db', db, '--port', '0', '--no-demo', '--drift-workers', String(workers), '--drift-claim-s', CLAIM_S];
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e',
    `const m = await import(${JSON.stringify(SERVE)}); await m.serveCommand().parseAsync(process.argv);`, 'sarbridge', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /serving on (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, base: match[1] });
    });
    child.once('exit', (code, signal) => reject(new Error(`sarbridge serve ended (${code ?? signal}) before listening: ${out}`)));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A signed-in client of `base` as `userName`. */
async function client(base: string, userName: string) {
  const res = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userName, password: TEST_PASSWORD }) });
  const headers = { authorization: `Bearer ${(await res.json()).token}`, 'content-type': 'application/json' };
  return {
    call: async (method: string, path: string, body?: unknown) => {
      const r = await fetch(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      return { status: r.status, json: await r.json() };
    },
    bytes: async (path: string) => new Uint8Array(await (await fetch(`${base}${path}`, { headers })).arrayBuffer()),
  };
}

/** A summary with the run's own wall time left out (it differs from run to run; nothing else may). */
const computed = (summary: { seconds: number }) => ({ ...summary, seconds: 0 });

async function killMidRun(db: string): Promise<void> {
  const setup = await openStore(db);
  await createTestUsers(setup);
  await setup.close();

  const first = await serve(db, 1);
  const killed = new Promise((resolve) => first.child.once('exit', (_code, signal) => resolve(signal)));
  const kim = await client(first.base, 'kim');
  const opened = await kim.call('POST', '/api/cases', { kind: 'case', title: 'killed mid-run', parties: ['KR'] });
  const caseId = opened.json.caseId as string;
  const accepted = await kim.call('POST', `/api/cases/${caseId}/drift-runs`, MAXIMUM);
  expect(accepted.status).toBe(202);
  const runId = accepted.json.run.runId as string;

  // events posted (and acknowledged) while the run computes
  const acked: { version: number; text: string }[] = [];
  for (let version = 1; version <= 20; version++) {
    const text = `while drifting ${version}`;
    const res = await kim.call('POST', `/api/cases/${caseId}/events`, { basedOnVersion: version, type: 'message', payload: { text } });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    acked.push({ version: res.json.event.version, text });
  }
  // killed once the run is a tenth of the way through, well before its end
  let fraction = 0;
  for (;;) {
    const run = (await kim.call('GET', `/api/cases/${caseId}/drift-runs/${runId}`)).json.run;
    expect(run.state, 'the run ended before the server could be killed in the middle of it').not.toMatch(/done|failed|cancelled/);
    fraction = run.fraction ?? 0;
    if (run.state === 'running' && fraction >= 0.1) break;
    await sleep(50);
  }
  first.child.kill('SIGKILL');
  expect(await killed).toBe('SIGKILL');
  expect(fraction).toBeLessThan(0.9);

  // the dead server left the run accepted, claimed by it, and nothing of it stored
  const between = await openStore(db);
  try {
    expect((await between.listAcceptedDriftRuns(caseId)).map((r) => r.runId)).toEqual([runId]);
    expect(await between.listDriftRuns(caseId)).toEqual([]);
  } finally {
    await between.close();
  }

  const second = await serve(db, 2);
  try {
    const kim2 = await client(second.base, 'kim');
    // the same request run from start to end without a kill, on the second server's other worker
    const reference = await kim2.call('POST', `/api/cases/${caseId}/drift-runs?wait=true`, MAXIMUM);
    expect(reference.status, JSON.stringify(reference.json)).toBe(201);
    // the killed run, taken over once the dead server's claim expired
    let resumed: { state: string; eventVersion?: number } | undefined;
    const giveUp = Date.now() + 400_000;
    for (;;) {
      if (Date.now() > giveUp) throw new Error(`the killed run ${runId} was not resumed (last seen: ${JSON.stringify(resumed)})`);
      const res = await kim2.call('GET', `/api/cases/${caseId}/drift-runs/${runId}`);
      resumed = res.status === 200 ? res.json.run : undefined;
      if (resumed && resumed.state !== 'queued' && resumed.state !== 'running') break;
      await sleep(200);
    }
    expect(resumed.state).toBe('done');

    const events = (await kim2.call('GET', `/api/cases/${caseId}/events`)).json.events as { version: number; type: string; author: string; payload: { text?: string; runId?: string; summary?: { seconds: number } } }[];
    expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
    for (const a of acked) expect(events[a.version - 1], `acknowledged v${a.version} lost`).toMatchObject({ version: a.version, type: 'message', author: 'kim', payload: { text: a.text } });
    const drifts = events.filter((e) => e.type === 'driftRun');
    expect(drifts.map((e) => e.payload.runId).sort()).toEqual([runId, reference.json.run.runId].sort());   // each run once
    const resumedEvent = drifts.find((e) => e.payload.runId === runId)!;
    expect(resumedEvent).toMatchObject({ version: resumed.eventVersion, author: 'kim' });
    // the same result as the uninterrupted run: every summarised time, and every particle
    expect(computed(resumedEvent.payload.summary!)).toEqual(computed(reference.json.event.payload.summary));
    const resumedParticles = await kim2.bytes(`/api/cases/${caseId}/drift-runs/${runId}/particles`);
    const referenceParticles = await kim2.bytes(`/api/cases/${caseId}/drift-runs/${reference.json.run.runId}/particles`);
    expect(resumedParticles.byteLength).toBeGreaterThan(1_000_000);
    expect(Buffer.from(resumedParticles).equals(Buffer.from(referenceParticles))).toBe(true);

    const after = await openStore(db);
    try {
      expect(await after.listAcceptedDriftRuns(caseId)).toEqual([]);
    } finally {
      await after.close();
    }
  } finally {
    second.child.kill('SIGTERM');
    await new Promise((resolve) => second.child.once('exit', resolve));
  }
}

describe('a drift run accepted by a server killed with SIGKILL is resumed by the next and ends as an uninterrupted run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sarbridge-drift-kill-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('SQLite', async () => {
    await killMidRun(join(dir, 'kill.sqlite'));
  }, 600_000);

  test.skipIf(!TEST_PG_URL)(`PostgreSQL ${TEST_PG_URL ? '' : `(${PG_SKIP_REASON})`}`, async () => {
    const db = await freshPostgresDatabase();
    try {
      await killMidRun(db.url);
    } finally {
      await db.drop();
    }
  }, 600_000);
});
