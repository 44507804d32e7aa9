// The drift kernel's first run in a fresh process (issue 10: a CLI drift is one cold run per
// thread), repeated in fresh processes, each pinned to one vCPU with `taskset -c 0` when there is
// one (the compiler's thread then waits for the drift's: a loaded machine), else unpinned; prints
// each process's ns a particle-step (wall, seeding included) and the time per output interval of
// the first, so a kernel thrown back to its on-stack-replacement code (about 49-51 ns instead of
// 38-41; src/core/drift/particles.ts, primeKernel) shows as a run apart. 100,000 PIW-1 particles,
// 24 h at 10 min, the east-sea pair and the bundled coastline, runDrift from dist/.
// Needs `npm run build`. Usage: node bench/drift_cold_start.mjs [processes, default 6] [ROOT]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

if (process.argv[2] === '--child') {
  const root = process.argv[3];
  const { runDrift } = await import(root + '/dist/core/drift/index.js');
  const { openJobForcingFiles, openJobCoastline } = await import(root + '/dist/app/drift_job/index.js');
  const { loadLeewayTable } = await import(root + '/dist/io/leeway/index.js');
  const { findObjectClass } = await import(root + '/dist/core/objects/index.js');
  const N = 100_000;
  const request = { scenarios: [{ name: 'p', weight: 1, objectClass: findObjectClass(loadLeewayTable(), 'PIW-1'), seeding: { kind: 'point', position: { lonDeg: 131.25, latDeg: 37.2333 }, radiusM: 926, spread: 'gaussian' } }],
    startS: Date.UTC(2026, 2, 10, 6) / 1000, durationS: 86400, direction: 'forward', timeStepS: 600, outputEverySteps: 6, particleCount: N, seed: 1, jibeProbabilityPerHour: 0.04 };
  const e = root + '/data/forcing/east-sea-synthetic/';
  const job = { request, forcing: { wind: [{ kind: 'file', path: e + 'east-sea-wind.nc' }], current: [{ kind: 'file', path: e + 'east-sea-currents.nc' }] }, coastline: { kind: 'bundled' } };
  const forcing = await openJobForcingFiles(job);
  const shoreline = await openJobCoastline(job.coastline);
  const t0 = performance.now();
  let last = t0;
  const intervals = [];
  runDrift(request, forcing, { shoreline, onSnapshot: () => { const t = performance.now(); intervals.push(Math.round(t - last)); last = t; } });
  console.log(JSON.stringify({ nsPerStep: ((performance.now() - t0) * 1e6) / (N * 144), intervals }));
} else {
  const runs = Number(process.argv[2] ?? 6);
  const root = resolve(process.argv[3] ?? fileURLToPath(new URL('..', import.meta.url)));
  const pin = existsSync('/usr/bin/taskset');
  const script = fileURLToPath(import.meta.url);
  const out = [];
  for (let k = 0; k < runs; k++) {
    const argv = [process.execPath, script, '--child', root];
    const r = pin ? spawnSync('/usr/bin/taskset', ['-c', '0', ...argv], { encoding: 'utf8' }) : spawnSync(argv[0], argv.slice(1), { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`child exited with ${r.status}: ${r.stderr}`);
    out.push(JSON.parse(r.stdout.trim().split('\n').pop()));
  }
  console.log(`${root}: ${runs} fresh processes${pin ? ' pinned to vCPU 0' : ''} (load ${loadavg()[0].toFixed(1)}): ns a particle-step ${out.map((o) => o.nsPerStep.toFixed(1)).join(' ')}`);
  console.log(`  ms per output interval (6 steps; the first with the seeding), first process: ${out[0].intervals.join(' ')}`);
}
