import { describe, expect, test } from 'vitest';
import { scoreExercise, type ScoringInput } from './scoring.js';

const T0 = Date.UTC(2026, 2, 12, 0, 0) / 1000;
const P1 = { lonDeg: 132.0, latDeg: 38.0 }, P2 = { lonDeg: 132.1, latDeg: 38.0 }, P3 = { lonDeg: 132.2, latDeg: 38.1 };

/** Ten particles of weight 0.1 each: five at P1 (POC 0.5), three at P2 (0.3), two at P3 (0.2); they keep still. */
function plan(planId: string) {
  const at = [P1, P1, P1, P1, P1, P2, P2, P2, P3, P3];
  const lonDeg = Float64Array.from(at, (p) => p.lonDeg), latDeg = Float64Array.from(at, (p) => p.latDeg);
  return {
    planId, planningTimeS: T0 + 3600, plannedPos: 0.6, weight: new Float64Array(10).fill(0.1), grid: { cellSizeNm: 1 },
    snapshots: [{ timeS: T0, lonDeg, latDeg, status: new Uint8Array(10) }, { timeS: T0 + 7200, lonDeg, latDeg, status: new Uint8Array(10) }],
  };
}

const truthAt = (p: { lonDeg: number; latDeg: number }) => [{ ...p, timeS: T0 }, { ...p, timeS: T0 + 86_400 }];

const base: ScoringInput = {
  startS: T0 + 1800,
  truthPoints: truthAt(P2),
  detections: [
    { unitId: 'JP-2', timeS: T0 + 9000, position: P2 },
    { unitId: 'KR-1', timeS: T0 + 5400, position: P2 },
  ],
  plans: [plan('plan 1')],
  searches: [
    // 10' of latitude north in an hour, W 2 NM: 10.006 NM on the mean sphere
    { unitId: 'KR-1', party: 'KR', sweepWidthNm: 2, track: [{ lonDeg: 132, latDeg: 38, timeS: T0 }, { lonDeg: 132, latDeg: 38 + 10 / 60, timeS: T0 + 3600 }] },
    // a jump (repeated time) is not searched; then 30 min of the same 10'
    { unitId: 'KR-1', party: 'KR', sweepWidthNm: 2, track: [
      { lonDeg: 131, latDeg: 37, timeS: T0 + 7200 }, { lonDeg: 132, latDeg: 38, timeS: T0 + 7200 }, { lonDeg: 132, latDeg: 38 + 10 / 60, timeS: T0 + 9000 }] },
    { unitId: 'JP-2', party: 'JP', sweepWidthNm: 0.5, track: [{ lonDeg: 132, latDeg: 38, timeS: T0 }, { lonDeg: 132, latDeg: 38 + 10 / 60, timeS: T0 + 7200 }] },
  ],
  notifications: [
    { notificationId: 'n/b', dueTimeS: T0 + 600, ackTimeS: T0 + 900 },
    { notificationId: 'n/a', dueTimeS: T0 + 600, ackTimeS: T0 + 600 },
    { notificationId: 'n/c', dueTimeS: T0 + 600, ackTimeS: null },
    { notificationId: 'n/d', dueTimeS: T0 + 600, ackTimeS: T0 + 100 },
  ],
  exchanges: [
    { fromParty: 'KR', toParty: 'JP', timeS: T0, ackTimeS: T0 + 60 },
    { fromParty: 'KR', toParty: 'JP', timeS: T0, ackTimeS: T0 + 180 },
    { fromParty: 'KR', toParty: 'JP', timeS: T0, ackTimeS: null },
    { fromParty: 'JP', toParty: 'KR', timeS: T0, ackTimeS: T0 + 30 },
  ],
  aboard: [
    { name: 'Sato', party: 'JP', role: 'liaisonOfficer', aboard: 'KR-1' },
    { name: 'Kim', party: 'KR', role: 'observer', aboard: 'jp-rcc' },
    { name: 'Lee', party: 'KR', role: 'liaisonOfficer', aboard: 'JP-2' },
  ],
};

describe('scoreExercise', () => {
  test('time to detection is from the start to the first detection', () => {
    const s = scoreExercise(base);
    expect(s.detection).toEqual({ detected: true, timeS: T0 + 5400, timeToDetectionS: 3600, unitId: 'KR-1', position: P2, fromS: T0 + 1800 });
    expect(scoreExercise({ ...base, detections: [] }).detection).toMatchObject({ detected: false, timeToDetectionS: null });
  });

  test('containment and rank of the truth cell: 0.5 / 0.3 / 0.2 clusters', () => {
    const rank = (p: typeof P1) => scoreExercise({ ...base, truthPoints: truthAt(p) }).plans[0];
    // at P1: no cell more probable -> inside both, rank 1
    expect(rank(P1)).toMatchObject({ inside50: true, inside90: true, truthCellRank: 1, pocMoreProbable: 0, cellsWithProbability: 3, plannedPos: 0.6 });
    expect(rank(P1).truthCellPoc).toBeCloseTo(0.5, 12);
    // at P2: 0.5 more probable -> not inside the 50 % (it is reached without it), inside the 90 %
    expect(rank(P2)).toMatchObject({ inside50: false, inside90: true, truthCellRank: 2 });
    expect(rank(P2).truthCellPoc).toBeCloseTo(0.3, 12);
    // at P3: 0.8 more probable -> inside the 90 % only
    expect(rank(P3)).toMatchObject({ inside50: false, inside90: true, truthCellRank: 3 });
    // far away: in no containment, no rank
    expect(rank({ lonDeg: 133, latDeg: 39 })).toMatchObject({ inside50: false, inside90: false, truthCellRank: null, truthCellPoc: 0 });
    expect(rank(P1).cellSizeNm).toBeCloseTo(1, 9);
    // P1 is 0.1° of longitude from P2 at 38°N: 4.73 NM; the datum is their weighted mean
    expect(rank(P1).datumErrorNm).toBeGreaterThan(0);
  });

  test('a plan issued before the truth is in the water scores outside', () => {
    const s = scoreExercise({ ...base, truthPoints: [{ ...P2, timeS: T0 + 7200 }, { ...P2, timeS: T0 + 9000 }] });
    expect(s.plans[0]).toMatchObject({ truthPosition: null, inside50: false, inside90: false, truthCellRank: null });
  });

  test('effort: NM² = Σ length × W, hours on track, jumps excluded', () => {
    const e = scoreExercise(base).effort;
    expect(e.units.map((u) => u.unitId)).toEqual(['JP-2', 'KR-1']);
    const [jp, kr] = e.units;
    expect(kr.trackNm).toBeCloseTo(20.012, 2);
    expect(kr.sweptNm2).toBeCloseTo(40.02, 1);
    expect(kr.hours).toBeCloseTo(1.5, 12);
    expect(jp).toMatchObject({ party: 'JP', hours: 2 });
    expect(jp.sweptNm2).toBeCloseTo(5.003, 2);
    expect(e.totalUnitHours).toBeCloseTo(3.5, 12);
    expect(e.totalSweptNm2).toBeCloseTo(kr.sweptNm2 + jp.sweptNm2, 12);
  });

  test('rules: in time, late by how much, missing', () => {
    expect(scoreExercise(base).rules).toEqual({
      required: 4, keptInTime: 2, late: [{ notificationId: 'n/b', lateByS: 300 }], missing: ['n/c'], fractionKept: 0.5,
    });
    expect(scoreExercise({ ...base, notifications: [] }).rules.fractionKept).toBe(1);
  });

  test('exchanges per party with acknowledgement delays; people aboard', () => {
    const s = scoreExercise(base);
    expect(s.exchanges).toEqual({
      messages: 4,
      parties: [
        { party: 'JP', toParty: 'KR', messages: 1, acknowledged: 1, acknowledgedShare: 1, meanAckDelayS: 30, medianAckDelayS: 30, maxAckDelayS: 30 },
        { party: 'KR', toParty: 'JP', messages: 3, acknowledged: 2, acknowledgedShare: 2 / 3, meanAckDelayS: 120, medianAckDelayS: 120, maxAckDelayS: 180 },
      ],
    });
    expect(s.aboard.liaisonOfficers).toBe(2);
    expect(s.aboard.observers).toBe(1);
    expect(s.aboard.people.map((p) => p.name)).toEqual(['Sato', 'Kim', 'Lee']);
  });
});
