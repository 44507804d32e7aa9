/**
 * Test and benchmark support (not exported from the module): three synthetic planning scenarios
 * with drifting particle clouds and search units, seeded so every run is the same.
 * Random numbers: mulberry32 and Box-Muller, as in core/probability/gaussian_cloud.testkit.ts.
 */
import { METRES_PER_NM, SECONDS_PER_HOUR } from '../../geo/units.js';
import { fromLocal, localFrame } from '../../probability/local_frame.js';
import { seededUniform } from '../../probability/gaussian_cloud.testkit.js';
import type { ParticleWeights, PositionSnapshot } from '../pod.js';
import type { AllocationUnit } from './allocation_unit.js';
import { rateOneTurnRadiusNm } from '../turns.js';

/** A planning problem: particles, their drift, and the units. */
export interface AllocationScenario {
  readonly name: string;
  readonly particles: ParticleWeights;
  readonly snapshots: PositionSnapshot[];
  readonly units: AllocationUnit[];
}

const CENTRE = { lonDeg: 131.5, latDeg: 37.5 };
const T0 = Date.UTC(2026, 2, 11, 0) / 1000;

/** A Gaussian lobe: weight, centre (NM east, north), sigma along/across (NM), axis bearing (deg), drift (kn, toward deg). */
interface Lobe { weight: number; xNm: number; yNm: number; majorNm: number; minorNm: number; axisDeg: number; driftKn: number; towardDeg: number }

function cloud(n: number, lobes: readonly Lobe[], hours: number, seed: number): { particles: ParticleWeights; snapshots: PositionSnapshot[] } {
  const rand = seededUniform(seed);
  const frame = localFrame(CENTRE);
  const x0 = new Float64Array(n), y0 = new Float64Array(n), vx = new Float64Array(n), vy = new Float64Array(n);
  const weight = new Float64Array(n);
  const total = lobes.reduce((a, l) => a + l.weight, 0);
  let i = 0;
  lobes.forEach((l, k) => {
    const count = k === lobes.length - 1 ? n - i : Math.round((n * l.weight) / total);
    const s = Math.sin((l.axisDeg * Math.PI) / 180), c = Math.cos((l.axisDeg * Math.PI) / 180);
    for (let j = 0; j < count; j++, i++) {
      const r = Math.sqrt(-2 * Math.log(1 - rand())), a = 2 * Math.PI * rand();
      const u = r * Math.cos(a) * l.majorNm, v = r * Math.sin(a) * l.minorNm;
      x0[i] = (l.xNm + u * s + v * c) * METRES_PER_NM;
      y0[i] = (l.yNm + u * c - v * s) * METRES_PER_NM;
      const speed = l.driftKn * (0.7 + 0.6 * rand()) * (METRES_PER_NM / SECONDS_PER_HOUR);
      const dir = ((l.towardDeg + 30 * (rand() - 0.5)) * Math.PI) / 180;
      vx[i] = speed * Math.sin(dir);
      vy[i] = speed * Math.cos(dir);
      weight[i] = l.weight / total / count;
    }
  });
  const snapshots: PositionSnapshot[] = [];
  for (let s = 0; s <= 2 * hours; s++) {
    const t = s * 1800;
    const lonDeg = new Float64Array(n), latDeg = new Float64Array(n);
    for (let p = 0; p < n; p++) {
      const q = fromLocal(frame, x0[p] + vx[p] * t, y0[p] + vy[p] * t);
      lonDeg[p] = q.lonDeg;
      latDeg[p] = q.latDeg;
    }
    snapshots.push({ timeS: T0 + t, lonDeg, latDeg });
  }
  return { particles: { count: n, weight, status: new Uint8Array(n) }, snapshots };
}

const vessel = (id: string, speedKn: number, enduranceH: number, arriveH: number, sweepWidthNm: number): AllocationUnit =>
  ({ unitId: id, party: 'A', speedKn, enduranceH, arrivalTimeS: T0 + arriveH * 3600, sweepWidthNm, patterns: ['PS', 'CS', 'SS'] });
const helicopter = (id: string, arriveH: number): AllocationUnit =>
  ({ unitId: id, party: 'B', speedKn: 90, enduranceH: 2, arrivalTimeS: T0 + arriveH * 3600, sweepWidthNm: 0.9, patterns: ['PS', 'CS'] });

/** The three benchmark scenarios, n particles each. */
export function allocationScenarios(n: number): AllocationScenario[] {
  return [
    {
      name: 'one cloud, 6 units (4 ships, 2 helicopters)',
      ...cloud(n, [{ weight: 1, xNm: 0, yNm: 0, majorNm: 8, minorNm: 5, axisDeg: 60, driftKn: 1, towardDeg: 70 }], 8, 11),
      units: [vessel('SHIP-1', 12, 5, 1, 2.5), vessel('SHIP-2', 12, 5, 1, 2.5), vessel('SHIP-3', 10, 5, 1.5, 2),
        vessel('SHIP-4', 14, 4, 2, 3), helicopter('HELO-1', 1), helicopter('HELO-2', 2)],
    },
    {
      name: 'two lobes (raft 70 %, person in water 30 %), 3 units',
      ...cloud(n, [
        { weight: 0.7, xNm: 6, yNm: 2, majorNm: 3, minorNm: 2, axisDeg: 90, driftKn: 1.2, towardDeg: 100 },
        { weight: 0.3, xNm: -4, yNm: -1, majorNm: 2, minorNm: 1.5, axisDeg: 20, driftKn: 0.5, towardDeg: 60 },
      ], 8, 12),
      units: [vessel('SHIP-1', 12, 4, 1, 1.5), vessel('SHIP-2', 10, 4, 1, 1.2), helicopter('HELO-1', 1.5)],
    },
    {
      name: 'long cloud along a track, 4 units, one arriving later',
      ...cloud(n, [{ weight: 1, xNm: 0, yNm: 0, majorNm: 14, minorNm: 2.5, axisDeg: 30, driftKn: 0.8, towardDeg: 120 }], 10, 13),
      units: [vessel('SHIP-1', 15, 5, 1, 3), vessel('SHIP-2', 12, 5, 1, 2.5), helicopter('HELO-1', 1), vessel('SHIP-3', 12, 4, 5.5, 2.5)],
    },
  ];
}

const withTurns = (u: AllocationUnit, craft: NonNullable<AllocationUnit['craft']>): AllocationUnit => ({ ...u, craft, turnRadiusNm: rateOneTurnRadiusNm(u.speedKn) });
const aircraft = (id: string, speedKn: number, enduranceH: number, arriveH: number, sweepWidthNm: number): AllocationUnit =>
  withTurns({ unitId: id, party: 'B', speedKn, enduranceH, arrivalTimeS: T0 + arriveH * 3600, sweepWidthNm, patterns: ['PS', 'CS'] }, 'aircraft');

/**
 * The plan-quality bench's own three scenarios (bench/plan_quality.mjs), every unit turning at
 * rate one (its spacing at least 2 r): one ship on a person in the water, four units on a large
 * uncertain area, a long track-line case.
 */
export function qualityScenarios(n: number): AllocationScenario[] {
  return [
    {
      name: 'one ship on a person in the water',
      ...cloud(n, [{ weight: 1, xNm: 0, yNm: 0, majorNm: 1.4, minorNm: 1.1, axisDeg: 40, driftKn: 0.6, towardDeg: 50 }], 8, 21),
      units: [withTurns(vessel('SHIP-1', 12, 6, 1, 0.5), 'ship')],
    },
    {
      name: 'four units on a large uncertain area',
      ...cloud(n, [{ weight: 1, xNm: 0, yNm: 0, majorNm: 18, minorNm: 12, axisDeg: 110, driftKn: 0.8, towardDeg: 200 }], 10, 22),
      units: [withTurns(vessel('SHIP-1', 14, 8, 1, 2.5), 'ship'), withTurns(vessel('SHIP-2', 12, 8, 2, 2.5), 'ship'),
        withTurns(helicopter('HELO-1', 1.5), 'helicopter'), aircraft('MPA-1', 150, 4, 2, 2)],
    },
    {
      name: 'long track-line case (sigma 12 x 1.5 NM along the intended track)',
      ...cloud(n, [{ weight: 1, xNm: 0, yNm: 0, majorNm: 12, minorNm: 1.5, axisDeg: 60, driftKn: 0.5, towardDeg: 150 }], 10, 23),
      units: [withTurns(vessel('SHIP-1', 14, 6, 1, 2), 'ship'), withTurns(vessel('SHIP-2', 12, 6, 1.5, 2), 'ship'), aircraft('MPA-1', 150, 3, 2, 1.5)],
    },
  ];
}
