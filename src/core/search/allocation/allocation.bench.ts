/**
 * Benchmark of the allocation: a full optimal allocation of 6 units over 100,000 drifting
 * particles (one thread), the exact POD and POS of the resulting plan, and on each of the three
 * benchmark scenarios the optimiser's own layout's POS against the IAMSAR baseline's (iamsar_baseline.ts:
 * the optimum area for the effort, strips by effort) and which of the two the plan is.
 * Run: `npx tsx -e "import('./src/core/search/allocation/allocation.bench.ts').then(m => m.benchAllocation()).then(l => console.log(l.join('\n')))"`.
 */
import { allocationScenarios } from './allocation_scenarios.testkit.js';
import { iamsarBaseline } from './iamsar_baseline.js';
import { optimalAllocation } from './optimal_allocation.js';
import { evaluateAssignments } from './search_plan.js';

function timed<T>(run: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = run();
  return { value, ms: performance.now() - t0 };
}

/** Run the benchmark; returns printable lines. */
export async function benchAllocation(): Promise<string[]> {
  const n = 100_000;
  const scenarios = allocationScenarios(n);
  const lines = [`allocation: ${n} particles, one thread`];
  // warm-up on a small case so the first timing is not the compiler's
  const warm = allocationScenarios(5_000)[0];
  optimalAllocation(warm.particles, warm.snapshots, warm.units);
  scenarios.forEach((s, k) => {
    const opt = timed(() => optimalAllocation(s.particles, s.snapshots, s.units));
    const base = timed(() => iamsarBaseline(s.particles, s.snapshots, s.units));
    const own = opt.value.optimiserPos, b = base.value;
    lines.push(`  ${s.name}: optimal allocation ${opt.ms.toFixed(0)} ms (${opt.value.evaluations} areas scored), ` +
      `plan POS ${opt.value.pos.toFixed(4)} (${opt.value.chosen}); optimiser's own ${own.toFixed(4)} vs IAMSAR ${b.pos.toFixed(4)} ` +
      `(fs_o ${b.safetyFactor.toFixed(2)} from Z/E^2 ${b.relativeEffort.toFixed(1)}, E ${b.probableErrorNm.toFixed(2)} NM, C ${b.coverage.toFixed(2)}): ` +
      `${own >= b.pos ? '+' : ''}${(own - b.pos).toFixed(4)} (x${(own / b.pos).toFixed(2)})`);
    if (k === 0) {
      let best = Infinity;
      for (let r = 0; r < 5; r++) best = Math.min(best, timed(() => evaluateAssignments(s.particles, s.snapshots, opt.value.assignments)).ms);
      lines.push(`    POD + POS of the ${s.units.length}-unit plan (searchPod, exact): ${best.toFixed(0)} ms (best of 5)`);
    }
  });
  return lines;
}
