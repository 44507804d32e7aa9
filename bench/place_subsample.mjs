// The optimiser placing with fewer particles than the cloud has (issues 9 and 12): each scenario at
// 20,000 particles, planned on every particle, every 2nd and every 4th (weights scaled to the same
// total), the layout scored on all 20,000; POS and CPU seconds. Usage: node bench/place_subsample.mjs
import { qualityScenarios, allocationScenarios } from '../dist/core/search/allocation/allocation_scenarios.testkit.js';
import { iamsarBaseline, optimalAllocation, evaluateAssignments } from '../dist/core/search/allocation/index.js';
const N = 20000;
const full = [...allocationScenarios(N), ...qualityScenarios(N)];
for (const [si, s] of full.entries()) {
  const row = [];
  for (const m of [N, 10000, 5000]) {
    // stride subsample, weights scaled to the same total
    const idx = Array.from({ length: m }, (_, j) => Math.floor(j * N / m));
    const w = Float64Array.from(idx, (i) => s.particles.weight[i] * N / m);
    const p = { count: m, weight: w, status: Uint8Array.from(idx, (i) => s.particles.status[i]) };
    const snaps = s.snapshots.map((q) => ({ timeS: q.timeS, lonDeg: Float64Array.from(idx, (i) => q.lonDeg[i]), latDeg: Float64Array.from(idx, (i) => q.latDeg[i]) }));
    const t0 = process.cpuUsage();
    const base = iamsarBaseline(p, snaps, s.units);
    const plan = optimalAllocation(p, snaps, s.units, { baseline: base });
    const cpu = process.cpuUsage(t0); 
    const onFull = evaluateAssignments(s.particles, s.snapshots, plan.assignments).pos;
    row.push(`${m}: ${(100*onFull).toFixed(2)} in ${((cpu.user+cpu.system)/1e6).toFixed(1)} s`);
  }
  console.log(s.name.slice(0, 30), '|', row.join(' | '));
}
