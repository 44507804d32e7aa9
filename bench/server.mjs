// Server benchmark: `node bench/server.mjs` (no build needed: loads the TypeScript sources through tsx;
// `--under-load` runs section 4 only).
//   1. events appended per second (durable: SQLite WAL + synchronous=FULL; PostgreSQL when
//      SARBRIDGE_BENCH_PG_URL or SARBRIDGE_TEST_PG_URL names a server)
//   2. live-update latency p50/p99 with 200 WebSocket subscribers on loopback: from the start of the
//      HTTP POST of an event to its arrival at each subscriber (server in a child process)
//   3. drift-run requests per second (POST /api/cases/:id/drift-runs?wait=true, constant forcing, 500 particles x 6 h)
//   4. while 4 maximum-size drift runs execute (20,000 particles x 72 h, 1-min steps, demo forcing;
//      issue 11 goals): GET /api/health p99 (goal < 50 ms) and live-update p99 with 200 subscribers
//      (goal < 100 ms), with the pool at its default size (one worker per core but one), one per core
//      and 4 workers, after a window without drift runs (what the machine gives);
//      the load average is printed beside them (the machine may be shared)
//   5. GET …/events pages of 1000 (the route's largest) from a log of 100,000 events (2 % of them
//      corrections of an earlier report): the first page, a middle one and the last, on SQLite and
//      PostgreSQL (`--paging` runs this section only)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { Worker } from 'node:worker_threads';
import WebSocket from 'ws';
import Database from 'better-sqlite3';
import pg from 'pg';

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

function startServer(db, env = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../src/app/server/main.ts', import.meta.url))], {
    env: { ...process.env, SARBRIDGE_DB: db, SARBRIDGE_PORT: '0', SARBRIDGE_DEMO: '0', ...env }, stdio: ['ignore', 'pipe', 'inherit'],
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

    // drift requests per second: 2 clients, each waiting for its run's end (?wait=true), 4 s
    let done = 0;
    const body = () => JSON.stringify({
      lkp: { position: { lonDeg: 131.25, latDeg: 37.23 }, time: '2026-03-10T06:00:00Z' }, objectClass: 'PIW-1', coastline: 'none',
      durationH: 6, particles: 500, forcing: { source: 'constant', windSpeedMps: 10, windFromDeg: 270, currentSpeedMps: 0.2, currentTowardDeg: 90 },
    });
    const driftUrl = `${base}/api/cases/${caseId}/drift-runs?wait=true`;
    await fetch(driftUrl, { method: 'POST', headers: kim, body: body() });   // warm-up (starts a pool worker, loads the drift engine there)
    const t = performance.now();
    const until = t + 4000;
    await Promise.all([0, 1].map(async () => {
      while (performance.now() < until) {
        const res = await fetch(driftUrl, { method: 'POST', headers: kim, body: body() });
        if (res.status === 201) done++; else throw new Error(`drift: HTTP ${res.status} ${await res.text()}`);
      }
    }));
    line(`  ${label}: drift-run requests (500 particles × 6 h, 10-min steps, summary appended, particles stored): ${(done / ((performance.now() - t) / 1000)).toFixed(1)} /s ` +
      '(2 clients, each waiting for its run)');
  } finally {
    child.kill('SIGTERM');
  }
}

/**
 * GET /api/health and live-update latency while 4 maximum-size drift runs (2 per party) are on
 * the server's pool: sampled for `windowMs` once every run has started or waits, then the runs
 * are cancelled (a whole run takes minutes of CPU on a shared machine; what is measured is the
 * server's answer while they compute, not their end).
 */
async function underLoad(label, db, setupStore, workers, windowMs = 20_000, runCount = 4) {
  await createTestUsers(setupStore);
  await setupStore.close();
  const { child, base } = await startServer(db, { SARBRIDGE_DRIFT_WORKERS: String(workers) });
  try {
    const login = async (userName) => `Bearer ${(await (await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userName, password: TEST_PASSWORD }) })).json()).token}`;
    const kim = { authorization: await login('kim'), 'content-type': 'application/json' };
    const sato = { authorization: await login('sato'), 'content-type': 'application/json' };
    const caseId = (await (await fetch(`${base}/api/cases`, { method: 'POST', headers: kim, body: JSON.stringify({ kind: 'case', title: 'bench under load', parties: ['KR', 'JP'] }) })).json()).caseId;
    const subscribers = 200;
    const sentAt = new Map();
    const latencies = [];
    const sockets = await Promise.all(Array.from({ length: subscribers }, (_, i) => new Promise((resolve, reject) => {
      const ws = new WebSocket(`${base.replace('http', 'ws')}/api/cases/${caseId}/live?afterVersion=1`, { headers: { authorization: i % 2 ? sato.authorization : kim.authorization } });
      ws.on('message', (data) => {
        const now = performance.now();
        const m = JSON.parse(String(data));
        if (m.kind === 'live') resolve(ws);
        if (m.kind === 'event' && m.event.type === 'message' && sentAt.has(m.event.version)) latencies.push(now - sentAt.get(m.event.version));
      });
      ws.once('error', reject);
    })));
    const maximum = JSON.stringify({ lkp: { position: { lonDeg: 131.25, latDeg: 37.23 }, time: '2026-03-10T06:00:00Z' }, particles: 20_000, durationH: 72, timeStepMin: 1, forcing: { source: 'demo' } });
    const runs = [];
    for (const who of [kim, sato, kim, sato].slice(0, runCount)) {
      const res = await fetch(`${base}/api/cases/${caseId}/drift-runs`, { method: 'POST', headers: who, body: maximum });
      if (res.status !== 202) throw new Error(`drift: HTTP ${res.status} ${await res.text()}`);
      runs.push({ who, runId: (await res.json()).run.runId });
    }
    const states = async () => Promise.all(runs.map(async (r) => (await (await fetch(`${base}/api/cases/${caseId}/drift-runs/${r.runId}`, { headers: r.who })).json()).run));
    // wait until the pool is drifting (its workers have read the files and started), 3 min at most:
    // on a busy shared machine the workers (nice 10) may take that long to get their share
    for (const giveUp = performance.now() + 180_000; performance.now() < giveUp;) {
      const s = await states();
      const ended = s.find((r) => r.state !== 'queued' && r.state !== 'running');
      if (ended) throw new Error(`a drift run ended before the window: ${JSON.stringify(ended)}`);
      if (s.filter((r) => r.state === 'running' && r.fraction > 0).length >= Math.min(workers, runCount)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const loadBefore = loadavg()[0];
    const health = [];
    let version = (await (await fetch(`${base}/api/cases/${caseId}`, { headers: kim })).json()).state.version;
    const end = performance.now() + windowMs;
    await Promise.all([
      // health, one client, every 20 ms, on a thread of its own: the 200 subscribers of this process
      // parse every live message (a finished maximum-size run's event is ~150 kB, 200 copies), and
      // that client-side work must not be counted as the server's answer time
      new Promise((resolve, reject) => {
        const prober = new Worker(`
          const { parentPort, workerData } = require('node:worker_threads');
          (async () => {
            const health = [];
            const end = performance.now() + workerData.windowMs;
            while (performance.now() < end) {
              const t = performance.now();
              const res = await fetch(workerData.url);
              await res.arrayBuffer();
              health.push(performance.now() - t);
              await new Promise((r) => setTimeout(r, 20));
            }
            parentPort.postMessage(health);
          })();`, { eval: true, workerData: { url: `${base}/api/health`, windowMs: end - performance.now() } });
        prober.once('message', (h) => { health.push(...h); resolve(); });
        prober.once('error', reject);
      }),
      (async () => {   // an event every 100 ms to 200 subscribers
        while (performance.now() < end) {
          sentAt.set(version + 1, performance.now());
          const res = await fetch(`${base}/api/cases/${caseId}/events`, { method: 'POST', headers: kim, body: JSON.stringify({ basedOnVersion: version, type: 'message', payload: { text: `under load ${version}` } }) });
          if (res.status === 201) version++; else if (res.status === 409) version = (await res.json()).currentVersion;
          await new Promise((r) => setTimeout(r, 100));
        }
      })(),
    ]);
    await new Promise((r) => setTimeout(r, 500));   // the last events' arrival
    const during = await states();
    const loadAfter = loadavg()[0];
    for (const r of runs) await fetch(`${base}/api/cases/${caseId}/drift-runs/${r.runId}`, { method: 'DELETE', headers: { authorization: r.who.authorization } });
    for (const ws of sockets) ws.close();
    health.sort((a, b) => a - b);
    latencies.sort((a, b) => a - b);
    const progress = during.map((r) => (r.state === 'running' ? `${(r.fraction * 100).toFixed(0)} %` : r.state)).join(', ');
    line(runCount === 0 ? `  ${label}: no drift run, ${(windowMs / 1000).toFixed(0)} s window (what the machine gives without the drifts):`
      : `  ${label}, ${workers} drift worker(s), ${runCount} maximum-size runs (${progress} when the window closed), ${(windowMs / 1000).toFixed(0)} s window:`);
    line(`    GET /api/health: p50 ${quantile(health, 0.5).toFixed(1)} ms, p99 ${quantile(health, 0.99).toFixed(1)} ms, max ${health.at(-1).toFixed(1)} ms over ${health.length} requests (goal p99 < 50 ms)`);
    line(`    live update, ${subscribers} subscribers: p50 ${quantile(latencies, 0.5).toFixed(1)} ms, p99 ${quantile(latencies, 0.99).toFixed(1)} ms over ${latencies.length} deliveries (goal p99 < 100 ms)`);
    line(`    load average (1 min) ${loadBefore.toFixed(2)} before the window, ${loadAfter.toFixed(2)} after, on ${availableParallelism()} cores`);
  } finally {
    child.kill('SIGTERM');
  }
}

/**
 * A log of `count` events written straight into the events table (an append each, durable, would
 * take minutes): reports, every 50th from v100 a correction of the report 75 before it (so some
 * pages hold originals whose corrections are on the next page).
 */
function* pagingRows(caseId, count) {
  const at = Date.parse('2026-03-10T06:00:00Z');
  for (let v = 2; v <= count; v++) {
    const correction = v % 50 === 0 && v >= 100;
    const payload = correction
      ? { eventVersion: v - 75, reason: `position misread in ${v - 75}`, replacement: { text: `report ${v - 75}, fixed`, position: { lonDeg: 131.3, latDeg: 37.2 } } }
      : { text: `report ${v}: debris sighted, drifting north-east`, position: { lonDeg: 131.25 + (v % 100) / 1000, latDeg: 37.2 + (v % 77) / 1000 } };
    yield [caseId, v, correction ? 'eventCorrected' : 'report', 'kim', 'KR', new Date(at + v * 1000).toISOString(), v - 1, 'everything', JSON.stringify(payload)];
  }
}

/** Time GET …/events?afterVersion=…&limit=1000 at the first, a middle and the last page of a `count`-event log. */
async function pagingFigures(label, db, count, fill) {
  const { child, base } = await startServer(db);
  try {
    const kim = { authorization: `Bearer ${(await (await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userName: 'kim', password: TEST_PASSWORD }) })).json()).token}` };
    const caseId = (await (await fetch(`${base}/api/cases`, { method: 'POST', headers: { ...kim, 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'case', title: 'paging bench', parties: ['KR', 'JP'] }) })).json()).caseId;
    await fill(caseId);
    const limit = 1000;
    const pages = [['first', 0], ['middle', count / 2], ['last', count - limit]];
    const parts = [];
    for (const [name, afterVersion] of pages) {
      const times = [];
      let events = 0, bytes = 0, marked = 0;
      for (let k = 0; k < 11; k++) {
        const t = performance.now();
        const res = await fetch(`${base}/api/cases/${caseId}/events?afterVersion=${afterVersion}&limit=${limit}`, { headers: kim });
        const text = await res.text();
        times.push(performance.now() - t);
        if (res.status !== 200) throw new Error(`paging: HTTP ${res.status} ${text}`);
        const body = JSON.parse(text);
        events = body.events.length; bytes = text.length; marked = body.events.filter((e) => e.correctedBy).length;
        if (body.events[0].version !== afterVersion + 1) throw new Error(`paging: page after ${afterVersion} starts at ${body.events[0].version}`);
      }
      times.sort((a, b) => a - b);
      parts.push(`${name} (after ${afterVersion}) median ${quantile(times, 0.5).toFixed(1)} ms, best ${times[0].toFixed(1)} ms [${events} events, ${marked} marked corrected, ${(bytes / 1024).toFixed(0)} KiB]`);
    }
    line(`  ${label}, ${count.toLocaleString('en')} events, pages of ${limit}, 11 requests each (the first a warm-up counted in): ${parts.join('; ')}; load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

async function pagingSection() {
  const count = 100_000;
  line();
  line(`GET …/events pages from a log of ${count.toLocaleString('en')} events (server in its own process):`);
  {
    const path = join(dir, 'paging.sqlite');
    const setup = new SqliteStore(path);
    await createTestUsers(setup);
    await setup.close();
    await pagingFigures('SQLite', path, count, async (caseId) => {
      // a second connection, as another process would write (WAL)
      const raw = new Database(path);
      raw.pragma('busy_timeout = 10000');
      const insert = raw.prepare('INSERT INTO events (case_id, version, type, author, party, recorded_at, based_on_version, releasability, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
      raw.transaction(() => {
        for (const row of pagingRows(caseId, count)) insert.run(...row);
        raw.prepare('UPDATE cases SET version = ? WHERE case_id = ?').run(count, caseId);
      })();
      raw.close();
    });
  }
  if (pgUrl) {
    const db = await freshPg();
    const setup = await PostgresStore.open(db.url);
    await createTestUsers(setup);
    await setup.close();
    await pagingFigures('PostgreSQL', db.url, count, async (caseId) => {
      const raw = new pg.Client({ connectionString: db.url });
      await raw.connect();
      await raw.query('BEGIN');
      const rows = [...pagingRows(caseId, count)];
      for (let i = 0; i < rows.length; i += 1000) {
        const chunk = rows.slice(i, i + 1000);
        await raw.query(`INSERT INTO events (case_id, version, type, author, party, recorded_at, based_on_version, releasability, payload) VALUES ${chunk.map((_, j) => `(${Array.from({ length: 9 }, (_, c) => `$${j * 9 + c + 1}`).join(', ')})`).join(', ')}`, chunk.flat());
      }
      await raw.query('UPDATE cases SET version = $1 WHERE case_id = $2', [count, caseId]);
      await raw.query('COMMIT');
      await raw.query('ANALYZE events');
      await raw.end();
    });
    await db.drop();
  } else {
    line('  PostgreSQL: not measured (set SARBRIDGE_BENCH_PG_URL or SARBRIDGE_TEST_PG_URL)');
  }
}

line(`sarbridge server benchmark — ${new Date().toISOString().slice(0, 16)}Z, node ${process.version}, ${availableParallelism()} × ${cpus()[0]?.model ?? 'cpu'}`);
// `node bench/server.mjs --under-load`: only section 4; `--paging`: only section 5
if (process.argv.includes('--paging')) {
  await pagingSection();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}
if (!process.argv.includes('--under-load')) {
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
}
line();
line('While 4 maximum-size drift runs execute (20,000 particles × 72 h, 1-min steps, demo forcing; SQLite):');
await underLoad('SQLite, baseline', join(dir, 'load-0.sqlite'), new SqliteStore(join(dir, 'load-0.sqlite')), 1, 20_000, 0);
for (const workers of [...new Set([Math.max(1, availableParallelism() - 1), availableParallelism(), 4])]) {
  await underLoad('SQLite', join(dir, `load-${workers}.sqlite`), new SqliteStore(join(dir, `load-${workers}.sqlite`)), workers);
}
if (!process.argv.includes('--under-load')) await pagingSection();
rmSync(dir, { recursive: true, force: true });
