// The drift kernel of one build, one thread: runDrift on 100,000 PIW-1 particles, 24 h at 10-min
// steps, the east-sea pair and (unless `nocoast`) the bundled coastline; CPU time per particle-step
// (process.cpuUsage, seeding included) of each repetition and a hash of every output time, so two
// builds (e.g. main in a `git archive` copy) compare side by side in alternating processes.
// Needs `npm run build` in ROOT first. With `bundle`, the drift and the forcing readers come from
// the CLI bundle (dist/cli-bundle, what `sarbridge drift` runs: esbuild makes top-level `const`
// a `var`, which changed what V8 compiled, bench/RESULTS.md 2026-12-03 19:30Z), not from dist/.
// SEED_AT='LON LAT RADIUS_M' seeds there instead (e.g. '130.84 37.50 4000': round Ulleungdo, where
// many steps meet the coast).
// Usage: node bench/drift_one_thread.mjs [ROOT, default this checkout] [repetitions, default 4] [nocoast] [bundle]
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
const root = resolve(process.argv[2] ?? fileURLToPath(new URL('..', import.meta.url)));
/** The module of the CLI bundle whose export list names `name`. */
const bundleChunk = (name) => {
  const dir = root + '/dist/cli-bundle/';
  const file = readdirSync(dir).find((f) => f.startsWith('chunk-') && new RegExp(`export \\{[^}]*\\b${name},?\\s`).test(readFileSync(dir + f, 'utf8')));
  if (!file) throw new Error(`no chunk of ${dir} exports ${name}: build first`);
  return import(dir + file);
};
const bundle = process.argv.slice(4).includes('bundle');
const { runDrift } = bundle ? await bundleChunk('runDrift') : await import(root + '/dist/core/drift/index.js');
const { loadLeewayTable } = await import(root + '/dist/io/leeway/index.js');
const { findObjectClass } = await import(root + '/dist/core/objects/index.js');
const { openJobForcingFiles, openJobCoastline } = bundle ? await bundleChunk('openJobForcingFiles') : await import(root + '/dist/app/drift_job/index.js');
const objects = loadLeewayTable();
const T0 = Date.UTC(2026, 2, 10, 6) / 1000;
const seedAt = (process.env.SEED_AT ?? '131.25 37.2333 926').split(' ').map(Number);
const N = 100000, REPS = Number(process.argv[3] ?? 4);
const coast = !process.argv.slice(4).includes('nocoast');
const request = { scenarios: [{ name: 'p', weight: 1, objectClass: findObjectClass(objects, 'PIW-1'), seeding: { kind: 'point', position: { lonDeg: seedAt[0], latDeg: seedAt[1] }, radiusM: seedAt[2], spread: 'gaussian' } }],
  startS: T0, durationS: 86400, direction: 'forward', timeStepS: 600, outputEverySteps: 6, particleCount: N, seed: 1, jibeProbabilityPerHour: 0.04 };
const e = fileURLToPath(new URL('../data/forcing/east-sea-synthetic/', import.meta.url));
const job = { request, forcing: { wind: [{ kind: 'file', path: e + 'east-sea-wind.nc' }], current: [{ kind: 'file', path: e + 'east-sea-currents.nc' }] }, coastline: { kind: coast ? 'bundled' : 'none' } };
const forcing = await openJobForcingFiles(job);
const shoreline = await openJobCoastline(job.coastline);
const out = [];
let h;
for (let rep = 0; rep < REPS; rep++) {
  const c0 = process.cpuUsage();
  const hash = createHash('sha1');
  const r = runDrift(request, forcing, { shoreline, onSnapshot: (k, t, p) => { hash.update(new Uint8Array(p.lonDeg.buffer)); hash.update(new Uint8Array(p.latDeg.buffer)); hash.update(p.status); } });
  const cc = process.cpuUsage(c0); const ms = (cc.user + cc.system) / 1000;
  out.push(ms * 1e6 / (N * 144)); h = hash.digest('hex').slice(0, 12);
}
console.log(root.split('/').pop(), bundle ? 'bundle' : 'dist', coast ? 'coast' : 'nocoast', 'ns/particle-step (CPU, incl. seeding):', out.map((x) => x.toFixed(1)).join(' '), 'min', Math.min(...out).toFixed(1), 'hash', h);
