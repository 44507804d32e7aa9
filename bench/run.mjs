// `npm run bench`: every benchmark of the project, figures printed. Needs `npm run build` first
// (the npm script does it). Keep the printed figures in bench/RESULTS.md when they change.
import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const line = (text = '') => console.log(text);

line(`sarbridge benchmarks — ${new Date().toISOString().slice(0, 16)}Z, node ${process.version}, ${availableParallelism()} × ${cpus()[0]?.model ?? 'cpu'}`);
line();
line('Drift: 100,000 particles × 24 h at 10-min steps = 14.4 M particle-steps (hourly output kept)');
const cases = [
  ['constant', 0, '(a) constant wind and current, one core'],
  ['east-sea', 0, '(b) east-sea NetCDF pair, one core'],
  ['east-sea-coast', 0, '(b) east-sea NetCDF pair + GSHHG coastline, one core'],
  ['east-sea-coast', availableParallelism(), `(b) east-sea + coastline, ${availableParallelism()} worker threads, files loaded per worker`],
];
for (const [kind, workers, label] of cases) {
  const out = execFileSync(process.execPath, [here + 'drift_case.mjs', kind, String(workers)], { encoding: 'utf8' });
  const r = JSON.parse(out.trim().split('\n').pop());
  line(`  ${label}: ${r.seconds.toFixed(2)} s, ${r.mStepsPerS.toFixed(1)} M particle-steps/s, peak RSS ${r.peakRssMB.toFixed(0)} MB, ${r.threads} thread(s)`);
}
line('  reference: a widely used Python drift model takes about 26 s for (a) on this kind of machine (issue 2).');

const components = [
  ['forcing sampling', '../dist/core/environment/gridded_field.bench.js', 'benchGriddedField'],
  ['coastline', '../dist/core/coastline/coastline.bench.js', 'benchCoastline'],
  ['POD / POS', '../dist/core/search/pod.bench.js', 'benchPod'],
  ['Optimal allocation against the IAMSAR baseline', '../dist/core/search/allocation/allocation.bench.js', 'benchAllocation'],
];
for (const [title, path, name] of components) {
  line();
  line(`${title}:`);
  try {
    const module = await import(new URL(path, import.meta.url));
    for (const text of await module[name]()) line(`  ${text}`);
  } catch (error) {
    line(`  not available: ${error.message}`);
  }
}
