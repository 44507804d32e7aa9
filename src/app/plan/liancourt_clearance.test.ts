/**
 * The flagship example as issue 12 found it: the destroyer's track passed 11 m from the Liancourt
 * Rocks and the helicopter was given 0.07 NM spacing with 179 legs at 90 kn. Here every unit's
 * track as flown (turns included) must keep its clearance from the islets' GSHHG polygon, measured
 * in this test on its own (geodesics on WGS 84 from each track segment to each edge of the
 * polygon, not the planner's cell index), and no unit's spacing may be under 2 x its turn radius.
 */
import geodesicLib from 'geographiclib-geodesic';
import { beforeAll, describe, expect, test } from 'vitest';
import type { LonLatDeg } from '../../core/geo/index.js';
import { METRES_PER_NM } from '../../core/geo/index.js';
import { closestSpacingOf, minimumSpacingOf, rateOneTurnRadiusNm, unitClearanceNm, type SearchPlan } from '../../core/search/index.js';
import { loadBundledCoastline } from '../../io/coastline/index.js';
import { loadLeewayTable } from '../../io/leeway/index.js';
import { findRepoRoot } from '../../io/project_files.js';
import { loadPlanCase, runPlan, type PlanRun } from './index.js';

const WGS84 = geodesicLib.Geodesic.WGS84;
const GOLDEN = (Math.sqrt(5) - 1) / 2;

/** Geodesic distance from p to the geodesic segment a-b, metres: golden-section search along it to 0.1 m. */
function pointToSegmentM(p: LonLatDeg, a: LonLatDeg, b: LonLatDeg): number {
  const line = WGS84.InverseLine(a.latDeg, a.lonDeg, b.latDeg, b.lonDeg);
  const d = (s: number): number => { const q = line.Position(s); return WGS84.Inverse(p.latDeg, p.lonDeg, q.lat2 as number, q.lon2 as number).s12 as number; };
  let lo = 0, hi = line.s13 as number;
  let x1 = hi - GOLDEN * (hi - lo), x2 = lo + GOLDEN * (hi - lo), d1 = d(x1), d2 = d(x2);
  while (hi - lo > 0.1) {
    if (d1 < d2) { hi = x2; x2 = x1; d2 = d1; x1 = hi - GOLDEN * (hi - lo); d1 = d(x1); }
    else { lo = x1; x1 = x2; d1 = d2; x2 = lo + GOLDEN * (hi - lo); d2 = d(x2); }
  }
  return Math.min(d(0), d(line.s13 as number), d((lo + hi) / 2));
}

/** Two short geodesic segments that do not cross are closest at an end of one of them. */
function segmentToSegmentM(a: LonLatDeg, b: LonLatDeg, c: LonLatDeg, e: LonLatDeg): number {
  return Math.min(pointToSegmentM(a, c, e), pointToSegmentM(b, c, e), pointToSegmentM(c, a, b), pointToSegmentM(e, a, b));
}

describe('the Liancourt example keeps its units clear of the islets and flies their turns', () => {
  const coast = loadBundledCoastline();
  // the islets' polygons: every GSHHG polyline with a point within 131.85-131.89E, 37.23-37.26N
  const islets: LonLatDeg[][] = [];
  for (let k = 0; k < coast.shorelineCount; k++) {
    const ring = coast.shoreline(k);
    if (ring.some(([lon, lat]) => lon > 131.85 && lon < 131.89 && lat > 37.23 && lat < 37.26)) islets.push(ring.map(([lonDeg, latDeg]) => ({ lonDeg, latDeg })));
  }
  let run: PlanRun;
  beforeAll(async () => {
    const planCase = loadPlanCase(`${findRepoRoot()}/examples/plans/liancourt-joint-sarex.yaml`, loadLeewayTable());
    run = await runPlan(planCase, { workers: 1 });
  }, 120_000);

  /** The least distance of a plan's tracks as flown from the islets, per unit, NM (brute force, geodesic). */
  const closestToIslets = (plan: SearchPlan): number[] => plan.assignments.map((a) => {
    const track = a.route.flown ?? a.route.waypoints;
    let bestM = Infinity;
    for (let k = 0; k + 1 < track.length; k++) {
      for (const ring of islets) {
        for (let j = 0; j + 1 < ring.length; j++) {
          // skip pairs whose boxes are more than 3 NM apart (0.06 degrees is more)
          const lonLo = Math.min(track[k].lonDeg, track[k + 1].lonDeg) - 0.06, lonHi = Math.max(track[k].lonDeg, track[k + 1].lonDeg) + 0.06;
          const latLo = Math.min(track[k].latDeg, track[k + 1].latDeg) - 0.05, latHi = Math.max(track[k].latDeg, track[k + 1].latDeg) + 0.05;
          if (ring[j].lonDeg < lonLo || ring[j].lonDeg > lonHi || ring[j].latDeg < latLo || ring[j].latDeg > latHi) continue;
          bestM = Math.min(bestM, segmentToSegmentM(track[k], track[k + 1], ring[j], ring[j + 1]));
        }
      }
    }
    return bestM / METRES_PER_NM;
  });

  test('the islets are in the bundled coastline', () => {
    expect(islets.length).toBeGreaterThanOrEqual(2);   // the east and west islets (GSHHG f)
  });

  test('every unit of the plan keeps at least its clearance from the islets, turns included', () => {
    const closest = closestToIslets(run.optimal);
    run.optimal.assignments.forEach((a, k) => {
      const unit = run.planCase.units.find((u) => u.unitId === a.unitId)!;
      expect(closest[k], `${a.unitId}: ${closest[k].toFixed(3)} NM`).toBeGreaterThanOrEqual(unitClearanceNm(unit));
      // the planner's own figure agrees with this measurement where the islets are the nearest land
      const planned = run.clearances.optimal[k].closest;
      if (planned) expect(planned.distanceNm).toBeLessThanOrEqual(closest[k] + 1e-3);
    });
  });

  test('the IAMSAR baseline is held to the same clearance', () => {
    const closest = closestToIslets(run.baseline);
    run.baseline.assignments.forEach((a, k) => {
      const unit = run.planCase.units.find((u) => u.unitId === a.unitId)!;
      expect(closest[k], `${a.unitId}: ${closest[k].toFixed(3)} NM`).toBeGreaterThanOrEqual(unitClearanceNm(unit));
    });
  });

  test("no unit's spacing is under twice its rate-one turn radius (once it, legs interleaved); the helicopter's is at least 0.477 NM", () => {
    for (const plan of [run.optimal, run.baseline]) {
      for (const a of plan.assignments) {
        const unit = run.planCase.units.find((u) => u.unitId === a.unitId)!;
        const closest = a.route.parameters.legOrder === 'interleaved' ? closestSpacingOf(unit, a.pattern) : minimumSpacingOf(unit, a.pattern);
        expect(a.trackSpacingNm).toBeGreaterThanOrEqual(closest * (1 - 1e-9));
        expect(a.route.tightTurns ?? 0).toBe(0);
      }
    }
    // the helicopter as the IAMSAR baseline sends it (the optimiser may hold it in reserve: plan_hold.test.ts)
    const helo = [...run.optimal.assignments, ...run.baseline.assignments].find((a) => a.unitId === 'jp-navy-helo-1')!;
    expect(rateOneTurnRadiusNm(90)).toBeCloseTo(0.477, 3);
    expect(helo.trackSpacingNm).toBeGreaterThanOrEqual(helo.route.parameters.legOrder === 'interleaved' ? 0.477 : 0.954);
    expect(helo.route.turnRadiusNm).toBeCloseTo(0.477, 3);
    // the route includes its turns and its times follow them: the flown track fits the endurance
    expect(helo.route.flownTrackNm!).toBeLessThanOrEqual(90 * 2 + 1e-6);
    expect(helo.route.turnTrackNm!).toBeGreaterThan(0);
  });
});
