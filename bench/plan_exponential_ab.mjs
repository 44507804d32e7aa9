// A/B of the optimiser under the exponential law (issue 12): the three allocation and three quality
// scenarios at 10,000 particles, twice each, every ROOT's dist/ in turn in one process; prints each
// root's CPU seconds and the plans' POS. Usage: node bench/plan_exponential_ab.mjs ROOT_A ROOT_B
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const roots = process.argv.slice(2).map((r) => resolve(r));
if (roots.length < 1) throw new Error('usage: node bench/plan_exponential_ab.mjs ROOT_A [ROOT_B]');
const mods = await Promise.all(roots.map(async (r) => ({
  sc: await import(pathToFileURL(`${r}/dist/core/search/allocation/allocation_scenarios.testkit.js`).href),
  al: await import(pathToFileURL(`${r}/dist/core/search/allocation/index.js`).href) })));
const cases = mods[0].sc.qualityScenarios(10000).concat(mods[0].sc.allocationScenarios(10000));
const cpu = roots.map(() => 0), pos = roots.map(() => []);
for (let rep = 0; rep < 2; rep++) for (const s of cases) for (const [m, { al }] of mods.entries()) {
  const t = process.cpuUsage();
  const base = al.iamsarBaseline(s.particles, s.snapshots, s.units, { law: 'exponential' });
  const p = al.optimalAllocation(s.particles, s.snapshots, s.units, { law: 'exponential', baseline: base });
  const c = process.cpuUsage(t); cpu[m] += (c.user + c.system) / 1e6;
  if (rep === 0) pos[m].push((100 * p.pos).toFixed(1));
}
roots.forEach((r, m) => console.log(r, 'CPU s', cpu[m].toFixed(1), 'POS', pos[m].join(' ')));
