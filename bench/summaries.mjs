// The per-output summaries of a drift (summariseCloud: centroid, 50 % / 90 % radii, counts), as the
// CLI makes them for every output time: T summaries of a 100,000-particle cloud (a made-up cloud
// of 0.3° drifting east, 2 % stranded) in one process, the time of each (the first ones cold).
// Needs `npm run build` first. Usage: node bench/summaries.mjs [T, default 25]
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { summariseCloud } = await import(root + 'dist/core/drift/index.js');
const N = 100_000, T = Number(process.argv[2] ?? 25);
let state = 1;
const uniform = () => (state = (state * 16807) % 2147483647) / 2147483647;
const snapshots = [];
for (let t = 0; t < T; t++) {
  const lonDeg = new Float64Array(N), latDeg = new Float64Array(N), status = new Uint8Array(N);
  for (let i = 0; i < N; i++) {
    lonDeg[i] = 131.25 + (uniform() - 0.5) * 0.3 + t * 0.01;
    latDeg[i] = 37.2 + (uniform() - 0.5) * 0.3;
    status[i] = uniform() < 0.02 ? 2 : 1;
  }
  snapshots.push({ timeS: t, lonDeg, latDeg, status });
}
const weight = new Float64Array(N).fill(1 / N);
const ms = snapshots.map((s) => { const t0 = performance.now(); summariseCloud(s, weight); return performance.now() - t0; });
const steady = [...ms.slice(2)].sort((a, b) => a - b);
console.log(`${T} summaries of ${N.toLocaleString('en')} particles: ${ms.reduce((a, b) => a + b, 0).toFixed(0)} ms in all; ` +
  `first two ${ms[0].toFixed(1)} and ${ms[1].toFixed(1)} ms (cold), then median ${steady[Math.floor(steady.length / 2)].toFixed(2)} ms`);
