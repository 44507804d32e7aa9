// The drift as a user runs it, the whole process timed (issue 10): `node bin/sarbridge.js drift`
// with 100,000 PIW-1 particles, 24 h at 10-min steps, the east-sea NetCDF pair, the bundled
// coastline, only the last output time written to GeoJSON. Needs `npm run build` first.
// Each run is a fresh process; its wall time and peak RSS (GNU time's %M, else not shown) printed,
// with the load average at the start, best and median of RUNS.
// Usage: node bench/drift_process.mjs [runs, default 5] [extra drift flags...]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.argv[2] ?? 5);
const extra = process.argv.slice(3);
const dir = mkdtempSync(join(tmpdir(), 'sarb-drift-process-'));
const forcing = join(root, 'data/forcing/east-sea-synthetic');
const args = [join(root, 'bin/sarbridge.js'), 'drift', '--position', '37 14.0N 131 15.0E', '--time', '2026-03-10T06:00Z',
  '--object', 'PIW-1', '--particles', '100000', '--duration-h', '24', '--step-min', '10',
  '--wind', join(forcing, 'east-sea-wind.nc'), '--current', join(forcing, 'east-sea-currents.nc'),
  '--geojson-times', 'last', '--out', join(dir, 'drift.geojson'), ...extra];
const gnuTime = existsSync('/usr/bin/time');
const runs = [];
for (let k = 0; k < RUNS; k++) {
  rmSync(join(dir, 'drift.geojson'), { force: true });
  const load = loadavg()[0];
  const t0 = performance.now();
  const run = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', 'peak-rss-kb %M cpu-s %U %S', process.execPath, ...args], { cwd: dir, encoding: 'utf8' })
    : spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8' });
  const seconds = (performance.now() - t0) / 1000;
  if (run.status !== 0) throw new Error(`drift exited with ${run.status}: ${run.stderr}`);
  const kb = /peak-rss-kb (\d+) cpu-s ([\d.]+) ([\d.]+)/.exec(run.stderr ?? '');
  runs.push({ seconds, peakRssMB: kb ? Number(kb[1]) / 1024 : NaN, cpuS: kb ? Number(kb[2]) + Number(kb[3]) : NaN, load });
}
rmSync(dir, { recursive: true, force: true });
const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
const best = sorted[0], median = sorted[Math.floor(RUNS / 2)];
const rss = runs.map((r) => r.peakRssMB);
console.log(`sarbridge drift, 100,000 PIW-1 × 24 h at 10 min, east-sea pair, last time only (${RUNS} processes): ` +
  `best ${best.seconds.toFixed(2)} s (load ${best.load.toFixed(1)}), median ${median.seconds.toFixed(2)} s; CPU (user + system) best ${Math.min(...runs.map((r) => r.cpuS)).toFixed(2)} s; ` +
  `peak RSS ${gnuTime ? `min ${Math.min(...rss).toFixed(0)} MB, max ${Math.max(...rss).toFixed(0)} MB` : 'not measured (no /usr/bin/time)'}; ` +
  `load averages ${runs.map((r) => r.load.toFixed(1)).join(', ')}`);
