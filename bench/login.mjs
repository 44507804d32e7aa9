// Sign-in under attack: `node bench/login.mjs` (no build needed: loads the TypeScript sources through tsx).
// A server in a child process (SQLite, production scrypt parameters for the real user). First a
// real user signs in alone; then 24 wrong sign-ins are kept in flight at all times (unknown names,
// so no account is needed) while the real user signs in again, from another source address
// (127.0.0.1; the attack from 127.0.0.2, or from 24 addresses 127.0.1.x). Prints the real user's
// sign-in latency p50/p99 (until it succeeds, retrying after Retry-After as a client does on 503)
// and the server's resident memory (VmRSS) before and its peak during.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const src = (path) => new URL(`../src/${path}`, import.meta.url).href;
const { SqliteStore } = await import(src('io/storage/index.ts'));
const { hashPassword } = await import(src('app/server/passwords.ts'));
const dir = mkdtempSync(join(tmpdir(), 'sarbridge-login-bench-'));
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const PASSWORD = 'the real password of kim';
const REAL_LOGINS = Number(process.env.SARBRIDGE_BENCH_LOGINS ?? 10);
const IN_FLIGHT = 24;

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

const rssMiB = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

/** A real user's client: retries after Retry-After on 503 (busy) or 429, as the web application does; the time to success. */
async function realLogin(base, localAddress) {
  const t = performance.now();
  const answers = [];
  for (;;) {
    const r = await login(base, 'kim', PASSWORD, localAddress);
    answers.push(r.status);
    if (r.status === 200 || answers.length > 20) return { ms: performance.now() - t, answers };
    await new Promise((resolve) => setTimeout(resolve, 1000 * Number(r.retryAfter ?? 1)));
  }
}

function login(base, userName, password, localAddress) {
  const body = JSON.stringify({ userName, password });
  const url = new URL('/api/session', base);
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress, agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, ms: performance.now() - t, retryAfter: res.headers['retry-after'] }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function scenario(label, attackSources) {
  const db = join(dir, `${label.replace(/\W+/g, '-')}.sqlite`);
  const store = new SqliteStore(db);
  await store.createUser({ userName: 'kim', party: 'KR', roles: ['smc'], passwordHash: await hashPassword(PASSWORD), createdAt: new Date().toISOString() });
  await store.close();
  const { child, base } = await startServer(db);
  try {
    const alone = [];
    for (let i = 0; i < 3; i++) alone.push((await login(base, 'kim', PASSWORD, '127.0.0.1')).ms);
    const rssBefore = rssMiB(child.pid);
    let peak = rssBefore;
    const sampler = setInterval(() => { peak = Math.max(peak, rssMiB(child.pid)); }, 25);
    let stop = false;
    const statuses = new Map();
    const attackers = Array.from({ length: IN_FLIGHT }, async (_, k) => {
      for (let n = 0; !stop; n++) {
        const r = await login(base, `nobody${k}x${n}`, 'a wrong password!', attackSources[k % attackSources.length]).catch(() => ({ status: 'error' }));
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      }
    });
    await new Promise((r) => setTimeout(r, 1000));
    const real = [];
    const realStatus = new Map();
    for (let i = 0; i < REAL_LOGINS; i++) {
      const r = await realLogin(base, '127.0.0.1');
      real.push(r.ms);
      const key = r.answers.join('→');
      realStatus.set(key, (realStatus.get(key) ?? 0) + 1);
    }
    stop = true;
    await Promise.all(attackers);
    clearInterval(sampler);
    real.sort((a, b) => a - b);
    alone.sort((a, b) => a - b);
    const fmt = (m) => [...m].map(([k, v]) => `${k}×${v}`).join(' ');
    console.log(`${label}`);
    console.log(`  real sign-in alone: median ${quantile(alone, 0.5).toFixed(0)} ms`);
    console.log(`  real sign-in under ${IN_FLIGHT} concurrent wrong sign-ins (${REAL_LOGINS} tries): p50 ${quantile(real, 0.5).toFixed(0)} ms, p99 ${quantile(real, 0.99).toFixed(0)} ms  (answers ${fmt(realStatus)})`);
    console.log(`  server RSS ${rssBefore.toFixed(0)} MiB before, peak ${peak.toFixed(0)} MiB during (+${(peak - rssBefore).toFixed(0)} MiB); attack answers ${fmt(statuses)}`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

try {
  await scenario('attack from one source (127.0.0.2)', ['127.0.0.2']);
  await scenario('attack from 24 sources (127.0.1.1-24)', Array.from({ length: 24 }, (_, k) => `127.0.1.${k + 1}`));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
