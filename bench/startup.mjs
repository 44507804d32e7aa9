// Whole-process start-up: `sarbridge --help`, `sarbridge objects` and `sarbridge drift --help` run
// as processes (node bin/sarbridge.js …, so after `npm run build`), with `node -e ''` as the floor
// no command can go below. Each runs RUNS times, alternating; best and median wall time printed.
// Usage: node bench/startup.mjs [project root, default: this checkout]
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.argv[2] ?? fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'sarbridge.js');
const RUNS = 9;
const cases = [
  ['node alone (the floor)', ['-e', '']],
  ['sarbridge --help', [bin, '--help']],
  ['sarbridge objects', [bin, 'objects']],
  ['sarbridge drift --help', [bin, 'drift', '--help']],
];
const times = cases.map(() => []);
for (let k = 0; k < RUNS; k++) {
  cases.forEach(([label, args], c) => {
    const t0 = performance.now();
    const run = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    const ms = performance.now() - t0;
    if (run.status !== 0) throw new Error(`${label} exited with ${run.status}: ${run.stderr}`);
    times[c].push(ms);
  });
}
cases.forEach(([label], c) => {
  const sorted = times[c].sort((a, b) => a - b);
  console.log(`${label}: best ${sorted[0].toFixed(0)} ms, median ${sorted[Math.floor(RUNS / 2)].toFixed(0)} ms (${RUNS} runs)`);
});
