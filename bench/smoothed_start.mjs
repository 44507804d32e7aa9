// What the smoothed start (step 3b) and the smoothed polish (4d) give at a particle count (issue 9):
// the six allocation and quality scenarios planned by default, without 3b, and without 3b and 4d;
// POS and the optimiser's CPU seconds. Usage: node bench/smoothed_start.mjs [particles, default 20000]
import { qualityScenarios, allocationScenarios } from '../dist/core/search/allocation/allocation_scenarios.testkit.js';
import { iamsarBaseline, optimalAllocation } from '../dist/core/search/allocation/index.js';
const N = Number(process.argv[2] ?? 20000);
for (const s of [...allocationScenarios(N), ...qualityScenarios(N)]) {
  const base = iamsarBaseline(s.particles, s.snapshots, s.units);
  const row = [];
  for (const [name, o] of [['default', {}], ['no 3b', { smoothedStart: false }], ['no 3b/4d', { smoothedStart: false, polish: false }]]) {
    const t = process.cpuUsage();
    const p = optimalAllocation(s.particles, s.snapshots, s.units, { baseline: base, ...o });
    const c = process.cpuUsage(t);
    row.push(`${name} ${(100 * p.pos).toFixed(2)} ${((c.user + c.system) / 1e6).toFixed(1)}s`);
  }
  console.log(s.name.slice(0, 28).padEnd(28), row.join(' | '));
}
