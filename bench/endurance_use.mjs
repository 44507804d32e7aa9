// How much of each unit's endurance the optimiser's routes use (issue 12), on the quality and
// allocation scenarios at 6,000 particles: area, spacing against the closest the turns allow,
// coverage, share of time and of track length. Usage: node bench/endurance_use.mjs [inverse-cube|exponential]
import { qualityScenarios, allocationScenarios } from '../dist/core/search/allocation/allocation_scenarios.testkit.js';
import { iamsarBaseline, optimalAllocation, minimumSpacingOf } from '../dist/core/search/allocation/index.js';
const law = process.argv[2] ?? 'exponential';
for (const s of [...qualityScenarios(6000), ...allocationScenarios(6000)]) {
  const base = iamsarBaseline(s.particles, s.snapshots, s.units, { law });
  const plan = optimalAllocation(s.particles, s.snapshots, s.units, { law, baseline: base });
  console.log(s.name, plan.chosen, (100*plan.pos).toFixed(1));
  for (const a of plan.assignments) {
    const u = s.units.find(v => v.unitId === a.unitId);
    const used = (a.route.endTimeS - a.route.startTimeS) / (u.enduranceH * 3600);
    const legs = a.route.totalTrackNm / (u.speedKn * u.enduranceH);
    console.log(`   ${a.unitId} ${a.pattern} ${a.area.lengthNm.toFixed(1)}x${a.area.widthNm.toFixed(1)} S ${a.trackSpacingNm.toFixed(2)} Smin ${minimumSpacingOf(u, a.pattern).toFixed(2)} C ${a.coverage.toFixed(2)} time ${(100*used).toFixed(0)}% legs ${(100*legs).toFixed(0)}% wp ${a.route.waypoints.length}`);
  }
}
