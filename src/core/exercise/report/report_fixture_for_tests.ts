/**
 * A small exercise for the report's tests (not exported from the module): a cloud around a datum
 * near the Liancourt Rocks, its POC map and contours from core/probability, a truth drifting
 * east, one simulated and one uploaded search, a detection, and the score from scoreExercise.
 * Parties and units are given, so the same exercise serves the core's test config and the example
 * config (io/pdf's test).
 */
import type { JointExercise } from '../../cooperation/index.js';
import { pocGrid } from '../../probability/index.js';
import { scoreExercise } from '../scoring.js';
import type { AfterActionReport } from './model.js';
import { reportCellsOfGrid, reportContoursOfGrid } from './poc_cells.js';

export interface FixtureParties {
  readonly parties: readonly [string, string];
  /** A unit of the first party and one of the second. */
  readonly units: readonly [string, string];
  /** The place the exercise is held at (a place id), mentioned in texts as `{place:id}`. */
  readonly placeId: string;
  /** An RCC a liaison officer sits in. */
  readonly rccId: string;
}

const T0 = Date.UTC(2027, 4, 20, 0, 0) / 1000;

/** The fixture exercise for the given parties. */
export function afterActionFixture(f: FixtureParties): AfterActionReport {
  const [pa, pb] = f.parties, [ua, ub] = f.units;
  // 400 particles on a deterministic spiral about 37.30N 131.95E, equal weights, still
  const n = 400;
  const lonDeg = new Float64Array(n), latDeg = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = 0.08 * Math.sqrt((i + 0.5) / n), a = i * 2.399963;   // golden-angle spiral: an even disc
    lonDeg[i] = 131.95 + (r * Math.cos(a)) / Math.cos((37.3 * Math.PI) / 180);
    latDeg[i] = 37.3 + r * Math.sin(a) * (1 + 0.3 * Math.cos(a));
  }
  const weight = new Float64Array(n).fill(1 / n);
  const snapshots = [{ timeS: T0, lonDeg, latDeg, status: new Uint8Array(n) }, { timeS: T0 + 12 * 3600, lonDeg, latDeg, status: new Uint8Array(n) }];
  const grid = pocGrid({ count: n, lonDeg, latDeg, weight }, { cellSizeNm: 1 });
  const truth = [0, 1, 2, 3, 4, 5, 6].map((h) => ({ timeS: T0 + h * 3600, lonDeg: 131.9 + 0.02 * h, latDeg: 37.27 + 0.005 * h }));
  const sweep = (lon0: number, startS: number) => [0, 1, 2, 3, 4].map((k) => ({ timeS: startS + k * 900, lonDeg: lon0 + (k % 2) * 0.08, latDeg: 37.26 + 0.02 * Math.floor((k + 1) / 2) }));
  const simulated = sweep(131.92, T0 + 3 * 3600);
  const uploaded = sweep(131.96, T0 + 3.5 * 3600);
  const detection = { unitId: ub, timeS: T0 + 4 * 3600, position: { lonDeg: 131.98, latDeg: 37.29 } };
  const score = scoreExercise({
    startS: T0 + 1800, truthPoints: truth, detections: [detection],
    plans: [{ planId: '1', planningTimeS: T0 + 2 * 3600, plannedPos: 0.62, snapshots, weight, grid: { cellSizeNm: 1 } }],
    searches: [{ unitId: ua, party: pa, track: simulated, sweepWidthNm: 2 }, { unitId: ub, party: pb, track: uploaded, sweepWidthNm: 1.5 }],
    notifications: [{ notificationId: `R3/${ua}/place:${f.placeId}/x`, dueTimeS: T0 + 3600, ackTimeS: T0 + 1800 }],
    exchanges: [{ fromParty: pa, toParty: pb, timeS: T0 + 600, ackTimeS: T0 + 780 }, { fromParty: pb, toParty: pa, timeS: T0 + 900, ackTimeS: T0 + 960 }, { fromParty: pb, toParty: pa, timeS: T0 + 1200, ackTimeS: null }],
    aboard: [{ name: 'Sato Kenji', party: pb, role: 'liaisonOfficer', aboard: ua }, { name: 'Kim Min-jun', party: pa, role: 'observer', aboard: f.rccId }],
  });
  const programmeEntry: JointExercise = {
    id: 'sarex-2027-1', name: 'Joint SAREX 2027-1 near {place:' + f.placeId + '}', host: pa, area: f.placeId,
    date: { kind: 'month', iso: '2027-05' }, units: [ua, ub], state: 'done',
    record: { revisions: [{ timeS: T0 - 86_400, by: 'programme staff', summary: 'entered' }] },
  };
  return {
    exerciseId: 'sarex-2027-1', programmeEntry, parties: [pa, pb], startS: T0 + 1800, endS: T0 + 6 * 3600,
    truth: { objectClass: 'LIFE-RAFT-DB-10', releaseTimeS: T0, releasePosition: { lonDeg: truth[0].lonDeg, latDeg: truth[0].latDeg }, track: truth },
    plans: [{ planId: '1', planningTimeS: T0 + 2 * 3600, cells: reportCellsOfGrid(grid), contours: reportContoursOfGrid(grid),
      searchAreas: [{ unitId: ua, corners: [{ lonDeg: 131.91, latDeg: 37.25 }, { lonDeg: 132.01, latDeg: 37.25 }, { lonDeg: 132.01, latDeg: 37.31 }, { lonDeg: 131.91, latDeg: 37.31 }] }] }],
    searches: [{ unitId: ua, party: pa, source: 'simulated', points: simulated }, { unitId: ub, party: pb, source: 'uploaded', points: uploaded }],
    detection,
    timeline: [
      { timeS: T0 + 1800, party: null, text: 'Distress call released: a life raft 5 NM west of {place:' + f.placeId + '}' },
      { timeS: T0 + 2 * 3600, party: pa, text: 'Plan 1 issued' },
      { timeS: T0 + 4 * 3600, party: pb, text: 'Target detected' },
    ],
    score,
    lessons: [{ text: 'The notification for the search near {place:' + f.placeId + '} was made in time; keep the 6 h lead.', by: 'exercise director', timeS: T0 + 7 * 3600 }],
  };
}
