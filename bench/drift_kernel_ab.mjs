// The drift kernel alone, the one-pass step (fusedLeewayStep) against the three passes it replaces
// (sampleBatch × 2 + leewayStep), alternating in one process on the east-sea pair with the bundled
// coastline; CPU time per particle-step (process.cpuUsage), so a loaded machine inflates both
// alike. Needs `npm run build` first.
// Usage: node bench/drift_kernel_ab.mjs [particles, default 50000] [nocoast]
import { runDrift } from '../dist/core/drift/index.js';
import { GriddedField } from '../dist/core/environment/index.js';
import { loadLeewayTable } from '../dist/io/leeway/index.js';
import { findObjectClass } from '../dist/core/objects/index.js';
import { openJobForcingFiles, openJobCoastline } from '../dist/app/drift_job/index.js';
const objects = loadLeewayTable();
const T0 = Date.UTC(2026, 2, 10, 6) / 1000;
const N = Number(process.argv[2] ?? 50000);
const coast = process.argv[3] !== 'nocoast';
const request = { scenarios: [{ name: 'p', weight: 1, objectClass: findObjectClass(objects, 'PIW-1'), seeding: { kind: 'point', position: { lonDeg: 131.25, latDeg: 37.2333 }, radiusM: 926, spread: 'gaussian' } }],
  startS: T0, durationS: 86400, direction: 'forward', timeStepS: 600, outputEverySteps: 6, particleCount: N, seed: 1, jibeProbabilityPerHour: 0.04 };
const e = new URL('../data/forcing/east-sea-synthetic/', import.meta.url).pathname;
const job = { request, forcing: { wind: [{ kind: 'file', path: e + 'east-sea-wind.nc' }], current: [{ kind: 'file', path: e + 'east-sea-currents.nc' }] }, coastline: { kind: coast ? 'bundled' : 'none' } };
const forcing = await openJobForcingFiles(job);
const shoreline = await openJobCoastline(job.coastline);
const fused = GriddedField.prototype.uniformSlice;
const res = { fused: [], generic: [] };
for (let rep = 0; rep < 8; rep++) {
  const mode = rep % 2 ? 'generic' : 'fused';
  GriddedField.prototype.uniformSlice = mode === 'fused' ? fused : () => null;
  const c0 = process.cpuUsage();
  runDrift(request, forcing, { shoreline, onSnapshot: () => {} });
  const cc = process.cpuUsage(c0); const ms = (cc.user + cc.system) / 1000;
  res[mode].push(ms * 1e6 / (N * 144));
}
for (const [k, v] of Object.entries(res)) console.log(k, 'ns/particle-step (CPU):', v.map((x) => x.toFixed(1)).join(' '), 'min', Math.min(...v).toFixed(1));
