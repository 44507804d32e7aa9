// Browser benchmark: `node bench/web_bench.mjs` (called by bench/run.mjs). Builds the page (Vite,
// into dist/web) when it is missing or stale, starts `sarbridge serve` from the sources (tsx) on a
// free port with a throw-away SQLite file and one KR account, and drives Debian's Chromium headless
// (playwright-core, no browser download) at 640×400, the size the research measured at
// (/work/shared/research/web-app.md §3):
//   1. bundle sizes of dist/web: each file, raw and gzip
//   2. time from opening the demo case (its planning inputs saved with 100,000 particles and 6
//      units) to the first drawn particle cloud: the page drifts a case with inputs when it opens
//   3. the 6-unit plan over those 100,000 particles in the planner Worker
//   4. frames per second of the 100,000-particle cloud animating over the basemap, as a ratio to
//      the basemap alone in the same run (alternating, several rounds)
// Figures only; nothing here asserts a speed. Without a GPU, Chromium draws with SwiftShader (CPU):
// the fps are this machine's, not a ship's.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const WEB = join(REPO, 'dist/web');
const CHROMIUM = process.env.SARBRIDGE_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const USER = { userName: 'bench-kr', party: 'KR', password: 'bench password long enough' };
const line = (text = '') => console.log(text);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const median = (values) => { const s = [...values].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

/** Run one CLI command from source, as `sarbridge <command> …`. */
const cli = (command, args) => ['--import', 'tsx', '--input-type=module', '-e',
  `const m = await import(${JSON.stringify(join(REPO, `src/app/cli/${command}_command.ts`))}); await m.${command}Command().parseAsync(process.argv);`, 'sarbridge', ...args];

/** Newest modification time under `dir`, ms (0 when missing). */
const newest = (dir) => !existsSync(dir) ? 0 : readdirSync(dir, { withFileTypes: true })
  .reduce((m, e) => Math.max(m, e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs), 0);

/** Build dist/web when it is missing or older than what it is built from (npm run bench has just built it). */
function build() {
  const index = join(WEB, 'index.html');
  if (existsSync(index) && !['src/web', 'src/core', 'src/app', 'src/io', 'data'].some((d) => newest(join(REPO, d)) > statSync(index).mtimeMs)) return null;
  const t = performance.now();
  const run = spawnSync(process.execPath, [join(REPO, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(REPO, 'src/web/vite.config.ts'), '--logLevel', 'warn'], { cwd: REPO, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`vite build failed:\n${run.stdout}${run.stderr}`);
  return (performance.now() - t) / 1000;
}

function bundleSizes() {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!entry.name.endsWith('.map')) files.push({ name: relative(WEB, path), raw: statSync(path).size, gzip: gzipSync(readFileSync(path)).length });
    }
  };
  walk(WEB);
  return files.sort((a, b) => b.raw - a.raw);
}

async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'sarbridge-web-bench-'));
  const db = join(dir, 'bench.sqlite');
  const admin = spawnSync(process.execPath, cli('admin', ['create', '--party', USER.party, '--user', USER.userName, '--role', 'smc', '--db', db]), { cwd: REPO, input: `${USER.password}\n`, encoding: 'utf8' });
  if (admin.status !== 0) throw new Error(`admin create failed: ${admin.stdout}${admin.stderr}`);
  const child = spawn(process.execPath, cli('serve', ['--db', db, '--port', '0', '--agreement', join(REPO, 'examples/cooperation/korea-japan.yaml')]), { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => { out += d; const m = /serving on (http:\/\/\S+)/.exec(out); if (m) resolve(m[1]); });
    child.stderr.on('data', (d) => { out += d; });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
  return { url, stop: () => { child.kill('SIGTERM'); rmSync(dir, { recursive: true, force: true }); } };
}

/**
 * Append planning inputs to the demo case: the demo's own with `particles` particles and 6 units
 * (the demo's three, and the agreement's KR helicopter, JP coast-guard ship and a second KR ship
 * with the first one's figures), as a coordinator would save them. Returns the unit count.
 */
async function benchInputs(base, particles) {
  const call = async (method, path, token, body) => {
    const r = await fetch(base + path, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path}: HTTP ${r.status} ${text}`);
    return JSON.parse(text);
  };
  const { token } = await call('POST', '/api/session', null, { userName: USER.userName, password: USER.password });
  const { events } = await call('GET', '/api/cases/demo-east-sea/events', token);
  const last = [...events].reverse().find((e) => e.type === 'planningInputs');
  if (!last) throw new Error('the demo exercise has no planning inputs');
  const inputs = structuredClone(last.payload.inputs);
  const [ship, , helo] = inputs.units;
  inputs.units.push(
    { ...helo, id: 'kr-helo-1', party: 'KR', description: 'KR helicopter (illustrative figures)', startPosition: '37 29.0N 130 54.0E', arrival: helo.arrival },
    { ...ship, id: 'jp-ship-1', party: 'JP', description: 'JP coast-guard ship (illustrative figures)', startPosition: '37 40.0N 131 40.0E' },
    { ...ship, id: 'kr-ship-2', party: 'KR', description: 'second KR patrol ship (illustrative figures)', startPosition: '37 00.0N 131 00.0E' },
  );
  inputs.particles = particles;
  await call('POST', '/api/cases/demo-east-sea/events', token, { type: 'planningInputs', basedOnVersion: events[events.length - 1].version, payload: { inputs } });
  return inputs.units.length;
}

line(`Browser application (bench/web_bench.mjs; headless Chromium, ${existsSync(CHROMIUM) ? CHROMIUM : 'no Chromium'}):`);
const built = build();
line(built === null ? '  dist/web is up to date (not rebuilt)' : `  vite build: ${built.toFixed(1)} s`);
const files = bundleSizes();
const total = files.reduce((s, f) => ({ raw: s.raw + f.raw, gzip: s.gzip + f.gzip }), { raw: 0, gzip: 0 });
line(`  dist/web: ${files.length} files, ${kb(total.raw)} raw, ${kb(total.gzip)} gzip (source maps not counted)`);
for (const f of files) line(`    ${f.name.padEnd(48)} ${kb(f.raw).padStart(12)} raw ${kb(f.gzip).padStart(12)} gzip`);

// ---- in the page
const { chromium } = await import('playwright-core');
const server = await startServer();
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 640, height: 400 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const waitApp = (expression, timeout = 600_000) => page.waitForFunction(`(() => { const app = window.sarbridgeApp; return !!app && (${expression}); })()`, undefined, { timeout, polling: 50 });
  const app = () => page.evaluate(() => window.sarbridgeApp);
  await page.goto(server.url);
  await waitApp('app.ready');
  await page.getByTestId('signin-user').fill(USER.userName);
  await page.getByTestId('signin-password').fill(USER.password);
  await page.getByTestId('signin-submit').click();
  const item = page.locator('[data-testid="case-item"][data-case-id="demo-east-sea"]');
  await item.waitFor();

  // the demo's planning inputs with 100,000 particles and 6 units (the demo's 3 and 3 more), so the
  // case opens on a 100,000-particle drift and its plan has 6 units
  const units = await benchInputs(server.url, 100_000);
  line(`  planning inputs: the demo exercise's, with 100,000 particles and ${units} units`);

  // 2. open the case → the first drawn cloud (the page drifts a case with planning inputs when it opens)
  let t = performance.now();
  await item.click();
  await waitApp('app.driftsDone >= 1 || !!app.lastError');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const firstCloudS = (performance.now() - t) / 1000;
  await waitApp('app.caseReady');
  const caseReadyS = (performance.now() - t) / 1000;
  const opened = await app();
  if (opened.lastError) throw new Error(`the page says: ${opened.lastError}`);
  line(`  page: ${opened.renderer} renderer path, viewport 640×400, load average ${loadavg()[0].toFixed(1)}`);
  line(`  open the demo case → first drawn cloud of 100,000 particles: ${firstCloudS.toFixed(2)} s (click to the second frame after the drift; the page's own openToCloudMs ${opened.timings?.openToCloudMs?.toFixed(0) ?? '-'} ms); case ready (map drawn once) ${caseReadyS.toFixed(2)} s`);

  // 3. the plan in the Worker over those particles
  await page.getByTestId('tab-plan').click();
  t = performance.now();
  await page.getByTestId('plan-run').click();
  await waitApp('app.plansDone >= 1 || !!app.lastError');
  const planS = (performance.now() - t) / 1000;
  const sent = await page.getByTestId('plan-unit-row').count(), held = await page.getByTestId('plan-held-row').count();
  line(`  plan, ${sent + held} units (${sent} sent, ${held} held in reserve) over 100,000 particles in the Worker: ${planS.toFixed(2)} s (click to plan shown; the page's own lastPlanMs ${(await app()).timings?.lastPlanMs?.toFixed(0) ?? '-'} ms)`);
  const placedOn = page.getByTestId('plan-placed-on');
  if (await placedOn.count()) line(`  the page says: "${(await placedOn.textContent())?.trim()}"`);
  const timings = (await app()).timings ?? {};
  if (timings.driftFrameP50Ms !== undefined) line(`  page frame intervals while the 100,000-particle drift ran in the Worker: p50 ${timings.driftFrameP50Ms.toFixed(0)} ms, worst ${timings.driftFrameMaxMs.toFixed(0)} ms`);
  if (Object.keys(timings).length) line(`  the page's own timings (ms): ${Object.entries(timings).map(([k, v]) => `${k} ${typeof v === 'number' ? v.toFixed(0) : v}`).join(', ')}`);

  // 4. fps: the cloud animating over the basemap against the basemap alone, alternating
  const hooks = await page.evaluate(() => !!window.sarbridgeApp.bench?.measureFps);
  if (!hooks) line('  fps: the page has no window.sarbridgeApp.bench.measureFps: not measured');
  else {
    const rounds = [];
    for (let round = 0; round < 3; round++) {
      const base = await page.evaluate(async () => { window.sarbridgeApp.bench.setParticlesVisible(false); return window.sarbridgeApp.bench.measureFps(5000); });
      const cloud = await page.evaluate(async () => { window.sarbridgeApp.bench.setParticlesVisible(true); return window.sarbridgeApp.bench.measureFps(5000); });
      rounds.push({ base, cloud, ratio: cloud.fps / base.fps, load: loadavg()[0] });
    }
    for (const [i, r] of rounds.entries()) {
      line(`  fps round ${i + 1}: basemap alone ${r.base.fps.toFixed(1)}, with the 100,000-particle cloud animating ${r.cloud.fps.toFixed(1)} (js ${r.cloud.jsRenderMsP50.toFixed(1)} ms/frame p50): ratio ${r.ratio.toFixed(2)} (load ${r.load.toFixed(1)})`);
    }
    line(`  fps ratio, median of ${rounds.length}: ${median(rounds.map((r) => r.ratio)).toFixed(2)} (goal ≥ 0.9; SwiftShader here, no GPU)`);
  }
  if (errors.length) line(`  page errors: ${errors.join(' | ')}`);
} finally {
  await browser.close();
  server.stop();
}
