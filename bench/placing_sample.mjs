// Plans of many particles placed on a sample (issue 12; core/search/allocation/placing_sample.ts),
// against the same plans placed on every particle (a build from before the sample, BASE):
//   node bench/placing_sample.mjs BASE [N ...]     (default N: 50000 100000; BASE as for exercise_ab.mjs:
//   git archive REV | tar -x -C BASE; ln -s $PWD/node_modules BASE/; (cd BASE && node scripts/build.mjs))
// Each example is drifted once at N (one thread) and planned with both builds on that drift (the CPU
// of planAfterDrift: the Bayesian update, the baseline and the optimiser); each plan's POS is its
// own (on all N particles) and on a reference drift of N particles with another seed (the
// reference's weights after the same searches done).
const BASE = process.argv[2];
if (!BASE) throw new Error('usage: node bench/placing_sample.mjs BASE [N ...]');
const counts = process.argv.length > 3 ? process.argv.slice(3).map(Number) : [50_000, 100_000];
const here = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const load = async (root) => ({
  plan: await import(`${root}/dist/app/plan/index.js`),
  job: await import(`${root}/dist/app/drift_job/index.js`),
  search: await import(`${root}/dist/core/search/index.js`),
});
const main = await load(here), base = await load(BASE);
const { loadLeewayTable } = await import(`${here}/dist/io/leeway/index.js`);
const { projectPath } = await import(`${here}/dist/io/project_files.js`);
const objects = loadLeewayTable();
const pct = (p) => (100 * p).toFixed(2);
const cpuOf = (f) => { const c0 = process.cpuUsage(); const v = f(); const c = process.cpuUsage(c0); return { v, s: (c.user + c.system) / 1e6 }; };
for (const file of ['east-sea-raft-or-piw.yaml', 'constant-forcing-six-units.yaml', 'liancourt-joint-sarex.yaml']) {
  const c = main.plan.loadPlanCase(projectPath(`examples/plans/${file}`), objects);
  for (const n of counts) {
    const withCount = (seed) => ({ ...c, drift: { ...c.drift, request: { ...c.drift.request, particleCount: n, seed } } });
    const seed = c.drift.request.seed ?? 1;
    const shoreline = await main.job.openJobCoastline(c.drift.coastline);
    const drift = await main.job.runDriftJob(withCount(seed).drift, { workers: 1 });
    const refDrift = await main.job.runDriftJob(withCount(seed + 1000).drift, { workers: 1 });
    // the reference's weights after the searches done (the Bayesian update planAfterDrift makes)
    const refSnap = refDrift.result.snapshots;
    const refStatus = refSnap[refSnap.length - 1].status;
    let refWeight = refDrift.result.particles.weight;
    if (c.searchesDone.length > 0) {
      const prior = { count: refDrift.result.particles.count, weight: refWeight, status: refStatus, scenario: refDrift.result.particles.scenario };
      const done = main.search.searchPod({ particles: prior, snapshots: refSnap, tracks: c.searchesDone, law: c.law });
      refWeight = main.search.afterUnsuccessfulSearch(refWeight, done.pod).weight;
    }
    const ref = { count: refDrift.result.particles.count, weight: refWeight, status: refStatus, scenario: refDrift.result.particles.scenario };
    const row = [];
    for (const [name, build] of [['every particle (base)', base], ['placed on the sample', main]]) {
      const { v: run, s } = cpuOf(() => build.plan.planAfterDrift(withCount(seed), drift.result, shoreline));
      const onRef = main.search.evaluateAssignments(ref, refSnap, run.optimal.assignments, { law: c.law }).pos;
      const placed = run.optimal.placedOn ? ` (placed on ${run.optimal.placedOn.particles.toLocaleString('en')})` : '';
      row.push(`${name}${placed}: ${pct(run.optimal.pos)} % (${run.optimal.chosen}, baseline ${pct(run.baseline.pos)}), on the reference ${pct(onRef)} %, ${s.toFixed(1)} CPU s`);
    }
    console.log(`${file} at ${n.toLocaleString('en')} particles:\n  ${row.join('\n  ')}`);
  }
}
