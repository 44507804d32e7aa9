// Server benchmark: `node bench/server.mjs` (no build needed: loads the TypeScript sources through tsx).
//   1. events appended per second (durable: SQLite WAL + synchronous=FULL; PostgreSQL when
//      SARBRIDGE_BENCH_PG_URL or SARBRIDGE_TEST_PG_URL names a server)
//   2. live-update latency p50/p99 with 200 WebSocket subscribers on loopback: from the start of the
//      HTTP POST of an event to its arrival at each subscriber (server in a child process)
//   3. drift-run requests per second (POST /api/cases/:id/drift-runs, constant forcing, 500 particles x 6 h)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import WebSocket from 'ws';

register();
const src = (path) => new URL(`../src/${path}`, import.meta.url).href;
const { SqliteStore, PostgresStore } = await import(src('io/storage/index.ts'));
const { createTestUsers, TEST_PASSWORD } = await import(src('app/server/server_test_support.ts'));
const pgUrl = process.env.SARBRIDGE_BENCH_PG_URL || process.env.SARBRIDGE_TEST_PG_URL;
const dir = mkdtempSync(join(tmpdir(), 'sarbridge-bench-'));
const line = (text = '') => console.log(text);
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function freshPg() {
  const { freshPostgresDatabase } = await import(src('io/storage/postgres_test_support.ts'));
  return freshPostgresDatabase(pgUrl);
}

const draft = (caseId, basedOnVersion) => ({
  caseId, basedOnVersion, type: basedOnVersion === 0 ? 'caseOpened' : 'message', author: 'bench', party: 'KR',
  recordedAt: new Date().toISOString(), releasability: 'everything',
  payload: basedOnVersion === 0 ? { kind: 'case', title: 'bench', parties: ['KR'] } : { text: `message ${basedOnVersion}` },
});

/** Appends per second: one writer on one case, and `writers` writers on their own cases. */
async function appendRate(store, count, writers) {
  await store.append(draft('one', 0), { kind: 'case', title: 'bench', parties: ['KR'] });
  let t = performance.now();
  for (let v = 1; v <= count; v++) await store.append(draft('one', v));
  const sequential = count / ((performance.now() - t) / 1000);
  for (let w = 0; w < writers; w++) await store.append(draft(`w${w}`, 0), { kind: 'case', title: 'bench', parties: ['KR'] });
  t = performance.now();
  await Promise.all(Array.from({ length: writers }, async (_, w) => {
    for (let v = 1; v <= count / writers; v++) await store.append(draft(`w${w}`, v));
  }));
  const parallel = count / ((performance.now() - t) / 1000);
  return { sequential, parallel };
}

function startServer(db) {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../src/app/server/main.ts', import.meta.url))], {
    env: { ...process.env, SARBRIDGE_DB: db, SARBRIDGE_PORT: '0', SARBRIDGE_DEMO: '0' }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => { out += d; const m = /listening on (http:\/\/\S+)/.exec(out); if (m) resolve({ child, base: m[1] }); });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

async function serverFigures(label, db, setupStore) {
  await createTestUsers(setupStore);
  await setupStore.close();
  const { child, base } = await startServer(db);
  try {
    const login = async (userName) => `Bearer ${(await (await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userName, password: TEST_PASSWORD }) })).json()).token}`;
    const kim = { authorization: await login('kim'), 'content-type': 'application/json' };
    const sato = await login('sato');
    const caseId = (await (await fetch(`${base}/api/cases`, { method: 'POST', headers: kim, body: JSON.stringify({ kind: 'case', title: 'bench', parties: ['KR', 'JP'] }) })).json()).caseId;

    // appends over HTTP: one client, one after another (session check, validation, version check, durable write)
    {
      const count = 500;
      const t = performance.now();
      for (let v = 1; v <= count; v++) {
        const res = await fetch(`${base}/api/cases/${caseId}/events`, { method: 'POST', headers: kim, body: JSON.stringify({ basedOnVersion: v, type: 'message', payload: { text: `http ${v}` } }) });
        if (res.status !== 201) throw new Error(`append: HTTP ${res.status} ${await res.text()}`);
      }
      line(`  ${label}: POST …/events, one client in sequence: ${(count / ((performance.now() - t) / 1000)).toFixed(0)} events/s`);
    }
    const start = 501;

    // live latency: 200 subscribers (half KR, half JP), 200 events posted one after another
    const subscribers = 200, events = 200;
    const sentAt = new Map();
    const latencies = [];
    let received = 0;
    const sockets = await Promise.all(Array.from({ length: subscribers }, (_, i) => new Promise((resolve, reject) => {
      const ws = new WebSocket(`${base.replace('http', 'ws')}/api/cases/${caseId}/live?afterVersion=${start}`, { headers: { authorization: i % 2 ? sato : kim.authorization } });
      ws.on('message', (data) => {
        const now = performance.now();
        const m = JSON.parse(String(data));
        if (m.kind === 'live') resolve(ws);
        if (m.kind === 'event' && sentAt.has(m.event.version)) { latencies.push(now - sentAt.get(m.event.version)); received++; }
      });
      ws.once('error', reject);
    })));
    for (let v = start; v < start + events; v++) {
      sentAt.set(v + 1, performance.now());
      const res = await fetch(`${base}/api/cases/${caseId}/events`, { method: 'POST', headers: kim, body: JSON.stringify({ basedOnVersion: v, type: 'message', payload: { text: `live ${v}` } }) });
      if (res.status !== 201) throw new Error(`append: HTTP ${res.status} ${await res.text()}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    const deadline = Date.now() + 10_000;
    while (received < subscribers * events && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    for (const ws of sockets) ws.close();
    latencies.sort((a, b) => a - b);
    line(`  ${label}: live-update latency, ${subscribers} subscribers × ${events} events (POST start → message at subscriber): ` +
      `p50 ${quantile(latencies, 0.5).toFixed(1)} ms, p99 ${quantile(latencies, 0.99).toFixed(1)} ms, delivered ${received}/${subscribers * events}`);

    // drift requests per second: 2 clients (the server's default limit of concurrent runs), 4 s
    let version = start + events;
    let done = 0;
    const body = () => JSON.stringify({
      basedOnVersion: version, lkp: { position: { lonDeg: 131.25, latDeg: 37.23 }, time: '2026-03-10T06:00:00Z' }, objectClass: 'PIW-1',
      durationH: 6, particles: 500, forcing: { source: 'constant', windSpeedMps: 10, windFromDeg: 270, currentSpeedMps: 0.2, currentTowardDeg: 90 },
    });
    await fetch(`${base}/api/cases/${caseId}/drift-runs`, { method: 'POST', headers: kim, body: body() }).then((r) => { if (r.status === 201) version++; });   // warm-up (loads the drift engine)
    const t = performance.now();
    const until = t + 4000;
    await Promise.all([0, 1].map(async () => {
      while (performance.now() < until) {
        const res = await fetch(`${base}/api/cases/${caseId}/drift-runs`, { method: 'POST', headers: kim, body: body() });
        if (res.status === 201) { version++; done++; } else if (res.status !== 409) throw new Error(`drift: HTTP ${res.status} ${await res.text()}`);
      }
    }));
    line(`  ${label}: drift-run requests (500 particles × 6 h, 10-min steps, summary appended): ${(done / ((performance.now() - t) / 1000)).toFixed(1)} /s ` +
      '(2 clients; a 409 on a stale version is retried and not counted)');
  } finally {
    child.kill('SIGTERM');
  }
}

line(`sarbridge server benchmark — ${new Date().toISOString().slice(0, 16)}Z, node ${process.version}, ${availableParallelism()} × ${cpus()[0]?.model ?? 'cpu'}`);
line();
line('Events appended per second (each durable before it is acknowledged):');
{
  const store = new SqliteStore(join(dir, 'append.sqlite'));
  const r = await appendRate(store, 2000, 8);
  line(`  SQLite (WAL, synchronous=FULL, file in ${tmpdir()}): ${r.sequential.toFixed(0)} /s one writer; ${r.parallel.toFixed(0)} /s 8 writers on 8 cases`);
  await store.close();
}
if (pgUrl) {
  const db = await freshPg();
  const store = await PostgresStore.open(db.url);
  const r = await appendRate(store, 2000, 8);
  line(`  PostgreSQL (default fsync, pool of 10): ${r.sequential.toFixed(0)} /s one writer; ${r.parallel.toFixed(0)} /s 8 writers on 8 cases`);
  await store.close();
  await db.drop();
} else {
  line('  PostgreSQL: not measured (set SARBRIDGE_BENCH_PG_URL or SARBRIDGE_TEST_PG_URL)');
}
line();
line('HTTP + WebSocket server on loopback (server in its own process):');
await serverFigures('SQLite', join(dir, 'server.sqlite'), new SqliteStore(join(dir, 'server.sqlite')));
if (pgUrl) {
  const db = await freshPg();
  await serverFigures('PostgreSQL', db.url, await PostgresStore.open(db.url));
  await db.drop();
}
rmSync(dir, { recursive: true, force: true });
