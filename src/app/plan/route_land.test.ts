import { describe, expect, test } from 'vitest';
import { loadBundledCoastline } from '../../io/coastline/index.js';
import { routesOverLand } from './run_plan.js';

describe('routesOverLand', () => {
  const coast = loadBundledCoastline();
  // the west islet of the Liancourt Rocks spans 131.8712-131.8746E, 37.2462-37.2496N (GSHHG f)
  const route = (latDeg: number) => ({ waypoints: [{ lonDeg: 131.85, latDeg }, { lonDeg: 131.88, latDeg }, { lonDeg: 131.88, latDeg: latDeg - 0.05 }] });

  test('a leg over the islets is reported with the unit, the leg and where it meets land', () => {
    const warnings = routesOverLand([{ unitId: 'kr-ship-1', route: route(37.2479) }], coast);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^kr-ship-1: leg 1 \(waypoint 1 to 2\) meets land at 37°14\.\d\d'N 131°52\.\d\d'E \(GSHHG/);
  });

  test('legs a kilometre off the islets pass without a word', () => {
    expect(routesOverLand([{ unitId: 'jp-navy-ship-1', route: route(37.2479 - 0.012) }], coast)).toEqual([]);
  });
});
