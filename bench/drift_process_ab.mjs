// The bench case of drift_process.mjs (issue 10) for two builds in alternating processes, so a
// change is compared with its base in the same minutes of a shared machine: each run is
// `sarbridge drift … --timings` under GNU time; printed per run (load average, wall, CPU, peak
// RSS, the --timings phases drift, GeoJSON, summaries as wall/CPU ms of all threads, when this
// thread started drifting, and each drift thread's ns a particle-step on its own CPU, seeding
// included), then the range and median of each build.
// Both builds need `node scripts/build.mjs` first (the base e.g. `git archive main | tar -x -C DIR`,
// node_modules symlinked). Needs /usr/bin/time.
// DRIFT_FLAGS (e.g. '--workers 1') are added to both commands.
// Usage: node bench/drift_process_ab.mjs BASE_ROOT [alternations, default 4] [OTHER_ROOT, default this checkout]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const base = process.argv[2];
if (!base) throw new Error('usage: node bench/drift_process_ab.mjs BASE_ROOT [alternations] [OTHER_ROOT]');
const N = Number(process.argv[3] ?? 4);
const roots = { base: resolve(base), this: resolve(process.argv[4] ?? fileURLToPath(new URL('..', import.meta.url))) };
const dir = mkdtempSync(join(tmpdir(), 'sarb-drift-ab-'));
const args = (root) => {
  const forcing = join(root, 'data/forcing/east-sea-synthetic');
  return [join(root, 'bin/sarbridge.js'), 'drift', '--position', '37 14.0N 131 15.0E', '--time', '2026-03-10T06:00Z',
    '--object', 'PIW-1', '--particles', '100000', '--duration-h', '24', '--step-min', '10',
    '--wind', join(forcing, 'east-sea-wind.nc'), '--current', join(forcing, 'east-sea-currents.nc'),
    '--geojson-times', 'last', '--out', join(dir, 'drift.geojson'), '--timings', ...(process.env.DRIFT_FLAGS ?? '').split(' ').filter(Boolean)];
};
const rows = { base: [], this: [] };
for (let k = 0; k < N; k++) {
  for (const name of k % 2 ? ['this', 'base'] : ['base', 'this']) {
    const load = loadavg()[0];
    const run = spawnSync('/usr/bin/time', ['-f', 'TIME %e %U %S %M', process.execPath, ...args(roots[name])], { cwd: dir, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`${name}: drift exited with ${run.status}: ${run.stderr}`);
    const t = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(run.stderr);
    const phase = (label) => {
      const m = new RegExp(`${label}[^\\n]*?\\s+(\\d+)\\s+(\\d+)\\s+(\\d+|-)\\n`).exec(run.stderr);
      return m ? `${m[1]}/${m[2]}` : '-';
    };
    const started = /drift thread 1 \(this one\): drift started (\d+)/.exec(run.stderr);
    const ns = [...run.stderr.matchAll(/([\d.]+) ns each/g)].map((m) => Number(m[1]));
    const row = { load, wall: Number(t[1]), cpu: Number(t[2]) + Number(t[3]), rssMB: Number(t[4]) / 1024, mainNs: ns[0] ?? NaN, workerNs: ns[1] ?? NaN };
    rows[name].push(row);
    console.log(`${name.padEnd(4)} load ${load.toFixed(1)}  wall ${row.wall.toFixed(2)} s  CPU ${row.cpu.toFixed(2)} s  RSS ${row.rssMB.toFixed(0)} MB | ` +
      `drift ${phase('drift \\(')}  GeoJSON ${phase('writing GeoJSON')}  summaries ${phase('summaries')} (wall/CPU ms) | drifting from ${started?.[1] ?? '-'} ms | ns a particle-step ${ns.join(' / ')}`);
  }
}
rmSync(dir, { recursive: true, force: true });
for (const [name, rs] of Object.entries(rows)) {
  const range = (key, digits) => {
    const v = rs.map((r) => r[key]).sort((a, b) => a - b);
    return `${v[0].toFixed(digits)}-${v.at(-1).toFixed(digits)} (median ${v[Math.floor(v.length / 2)].toFixed(digits)})`;
  };
  console.log(`${name} (${roots[name]}): wall ${range('wall', 2)} s, CPU ${range('cpu', 2)} s, peak RSS ${range('rssMB', 0)} MB; ` +
    `ns a particle-step, this thread ${range('mainNs', 1)}, the worker ${range('workerNs', 1)}`);
}
