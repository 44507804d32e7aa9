import geodesicLib from 'geographiclib-geodesic';
import { describe, expect, test } from 'vitest';
import { checkPlan } from './check_plan.js';
import { testConfig } from './fixture_for_tests.js';
import type { CooperationPlan, PlanUnit } from './plan_input.js';

const WGS84 = geodesicLib.Geodesic.WGS84;
const NM = 1852;
const config = testConfig();

/** A north-going A ship whose track passes `offsetNm` west of the islets (stays in A's SRR, west of 132E). */
function aShipPassingWest(offsetNm: number): PlanUnit {
  const c = WGS84.Direct(37.24, 131.87, 270, offsetNm * NM);
  const heading = (c.azi2 as number) + 90;   // perpendicular to the geodesic from the islets
  const s = WGS84.Direct(c.lat2 as number, c.lon2 as number, heading + 180, 30 * NM);
  const e = WGS84.Direct(c.lat2 as number, c.lon2 as number, heading, 30 * NM);
  return { unitId: 'a-ship', party: 'A', waypoints: [
    { lonDeg: s.lon2 as number, latDeg: s.lat2 as number, timeS: 0 },
    { lonDeg: e.lon2 as number, latDeg: e.lat2 as number, timeS: 4 * 3600 },
  ] };
}

const plan = (units: PlanUnit[], datumTrack: CooperationPlan['datumTrack'] = []): CooperationPlan => ({ datumTrack, units });

describe('checkPlan: coordinating RCC', () => {
  test('a datum west of the boundary is coordinated by RCC A, east of it by RCC B', () => {
    const west = checkPlan(config, plan([], [{ timeS: 0, lonDeg: 131.9, latDeg: 37 }]));
    expect(west).toEqual([{ kind: 'coordinating-rcc', ruleId: 'R1', rccId: 'rcc-a', at: { timeS: 0, lonDeg: 131.9, latDeg: 37 } }]);
    const east = checkPlan(config, plan([], [{ timeS: 0, lonDeg: 132.1, latDeg: 37 }]));
    expect(east[0]).toMatchObject({ kind: 'coordinating-rcc', rccId: 'rcc-b' });
  });

  test('a datum drifting across the boundary gives a hand-over at the time of crossing', () => {
    // 131.9E at 00:00 to 132.3E at 04:00: 132E is a quarter of the way, at 01:00 (3600 s).
    const found = checkPlan(config, plan([], [{ timeS: 0, lonDeg: 131.9, latDeg: 37 }, { timeS: 14400, lonDeg: 132.3, latDeg: 37 }]));
    const handOver = found.find((f) => f.kind === 'hand-over');
    expect(handOver).toMatchObject({ ruleId: 'R1', fromRccId: 'rcc-a', toRccId: 'rcc-b' });
    expect(handOver!.kind === 'hand-over' && handOver!.at.timeS).toBeCloseTo(3600, 2);
  });

  test('a datum outside every SRR is reported, not silently coordinated', () => {
    expect(checkPlan(config, plan([], [{ timeS: 0, lonDeg: 150, latDeg: 37 }]))[0].kind).toBe('datum-outside-srr');
  });
});

describe('checkPlan: SRR entry', () => {
  test("a unit sent into the other party's SRR requires notifying that RCC, lead time before entry", () => {
    const found = checkPlan(config, plan([{ unitId: 'a-ship', party: 'A', waypoints: [
      { lonDeg: 131.5, latDeg: 36, timeS: 0 }, { lonDeg: 132.5, latDeg: 36, timeS: 7200 }] }]));
    const entry = found.find((f) => f.kind === 'srr-entry');
    expect(entry).toMatchObject({ ruleId: 'R2', unitId: 'a-ship', rccId: 'rcc-b' });
    if (entry?.kind !== 'srr-entry') throw new Error('no entry');
    expect(entry.at.timeS).toBeCloseTo(3600, 2);   // 132E is half way along the 2 h leg
    expect(entry.notifications).toHaveLength(1);
    expect(entry.notifications[0]).toMatchObject({ toRccId: 'rcc-b', toParty: 'B', leadTimeH: 2 });
    expect(entry.notifications[0].notifyByS).toBeCloseTo(3600 - 7200, 2);
  });

  test('a unit that stays in its own SRR raises nothing', () => {
    expect(checkPlan(config, plan([{ unitId: 'b-ship', party: 'B', waypoints: [{ lonDeg: 135, latDeg: 36, timeS: 0 }, { lonDeg: 136, latDeg: 36, timeS: 60 }] }]))).toEqual([]);
  });
});

describe('checkPlan: contested feature', () => {
  test('a track passing 11 NM from the islets raises the 12 NM notification to the other claimant', () => {
    const found = checkPlan(config, plan([aShipPassingWest(11)]));
    const near = found.filter((f) => f.kind === 'near-contested-feature');
    expect(near).toHaveLength(1);
    if (near[0].kind !== 'near-contested-feature') throw new Error('kind');
    expect(near[0].ruleId).toBe('R3');
    expect(near[0].closestNm).toBeCloseTo(11, 2);
    expect(near[0].notifications.map((n) => n.toRccId)).toEqual(['rcc-b']);   // A's own RCC is not notified
    expect(near[0].notifications[0].notifyByS).toBeCloseTo(near[0].firstWithinAt.timeS - 6 * 3600, 3);
    expect(found.some((f) => f.kind === 'srr-entry')).toBe(false);   // stays west of 132E
  });

  test('a track passing 13 NM raises nothing', () => {
    expect(checkPlan(config, plan([aShipPassingWest(13)]))).toEqual([]);
  });
});

describe('checkPlan: plan problems', () => {
  test('a unit unknown to the config, or under the wrong party, is named with its field', () => {
    const found = checkPlan(config, plan([{ unitId: 'ghost', party: 'A', waypoints: [] }, { unitId: 'b-ship', party: 'A', waypoints: [] }]));
    expect(found).toEqual([
      { kind: 'plan-problem', ruleId: 'plan', field: 'units/0/unitId', problem: "unit 'ghost' is not in the config" },
      { kind: 'plan-problem', ruleId: 'plan', field: 'units/1/party', problem: "unit 'b-ship' belongs to 'B' in the config, not 'A'" },
    ]);
  });
});
