/**
 * Scoring an exercise from plain data (docs/exercises.md, "Scoring"): time to detection; for each
 * issued plan, whether the truth lay inside the plan's 50 % and 90 % containment at the planning
 * time and the rank of the truth's cell in the probability map; the effort used; the rules kept;
 * the exchanges between the centres; the people aboard. Pure: the server gathers the inputs from
 * the players' case, the control stream and the programme, and the after-action report
 * (core/exercise/report) renders the result.
 *
 * Containment is measured on the project's POC grid (core/probability pocGrid, IAMSAR Vol. II's
 * probability map): the X % containment is the smallest set of cells, most probable first, whose
 * POC reaches X; the truth is inside it when the cells more probable than the truth's own sum to
 * less than X (ties with the truth's cell count in its favour, as the set would take them in
 * either order) and its cell holds some probability.
 */
import { InvalidInputError } from '../errors.js';
import { distanceM, type LonLatDeg } from '../geo/index.js';
import { fromLocal, localFrame, localXM, localYM, NOT_RELEASED_STATUS, pocGrid, type PocGrid, type PocGridOptions, type WeightedCloud } from '../probability/index.js';
import { positionsAt, type PositionSnapshot, type TrackWaypoint } from '../search/index.js';

/** Particle positions and statuses at one drift output time (a DriftSnapshot fits). */
export interface StatusSnapshot extends PositionSnapshot {
  readonly status?: Uint8Array;
}

/** One issued plan as scoring reads it. */
export interface PlanScoreInput {
  /** How the plan is named in the report (e.g. the planIssued version, 'plan 1'). */
  readonly planId: string;
  readonly planningTimeS: number;
  /** The POS the plan promised (its optimal or baseline POS), reported beside what happened. */
  readonly plannedPos?: number;
  /** The plan's drift output (the particle snapshot it was planned on) and the weights it used (after its Bayesian update). */
  readonly snapshots: readonly StatusSnapshot[];
  readonly weight: Float64Array;
  /** Options of the POC grid; default an automatic cell size with about ten particles per cell of the 90 % area (cellsAcross90For). */
  readonly grid?: PocGridOptions;
}

/** One search flown (simulated or uploaded), for the effort. */
export interface SearchEffortInput {
  readonly unitId: string;
  readonly party?: string;
  readonly track: readonly TrackWaypoint[];
  /** The unit's sweep width for the truth's object, NM. */
  readonly sweepWidthNm: number;
}

/** A notification the agreement's rules required, with its due time and its acknowledgement. */
export interface NotificationInput {
  readonly notificationId: string;
  readonly dueTimeS: number;
  /** When the party it went to acknowledged it; null when it never did. */
  readonly ackTimeS: number | null;
}

/**
 * A message between the centres, once per party it is addressed to (a `message` of one party that
 * the other acknowledges with `messageAcknowledged`, or a signal).
 */
export interface ExchangeInput {
  /** Party that sent it (e.g. 'KR', 'JP'). */
  readonly fromParty: string;
  /** Party it went to, the one that acknowledges it. */
  readonly toParty: string;
  readonly timeS: number;
  /** When it was acknowledged; null when it was not. */
  readonly ackTimeS: number | null;
}

/** A liaison officer or observer attached to the exercise (from the programme). */
export interface AboardInput {
  readonly name: string;
  readonly party: string;
  readonly role: 'liaisonOfficer' | 'observer';
  /** Where: a unit id or an RCC id. */
  readonly aboard: string;
}

/** Everything scoring reads. */
export interface ScoringInput {
  /** Exercise time from which time to detection counts (the exercise start, or the first alert). */
  readonly startS: number;
  /** The truth's track (TruthTrack.points fit): positions at times, linear between them. */
  readonly truthPoints: readonly { readonly timeS: number; readonly lonDeg: number; readonly latDeg: number }[];
  /** Every detection drawn (a hit), in any order; the first counts. */
  readonly detections: readonly { readonly unitId: string; readonly timeS: number; readonly position: LonLatDeg }[];
  readonly plans: readonly PlanScoreInput[];
  readonly searches: readonly SearchEffortInput[];
  readonly notifications: readonly NotificationInput[];
  readonly exchanges: readonly ExchangeInput[];
  readonly aboard: readonly AboardInput[];
}

/** The truth against one issued plan. */
export interface PlanScore {
  readonly planId: string;
  readonly planningTimeS: number;
  readonly plannedPos: number | null;
  /** The truth's position at the planning time (null when it was not yet in the water). */
  readonly truthPosition: LonLatDeg | null;
  /** Truth inside the 50 % and the 90 % containment of the plan's map at the planning time. */
  readonly inside50: boolean;
  readonly inside90: boolean;
  /**
   * Rank of the truth's cell among the map's cells by POC (1 = the most probable cell; cells of
   * equal POC share the better rank); null when the truth's cell holds no probability or lies off the grid.
   */
  readonly truthCellRank: number | null;
  /** Cells holding probability (the rank's denominator). */
  readonly cellsWithProbability: number;
  /** POC of the truth's cell (0 off the map). */
  readonly truthCellPoc: number;
  /** POC of the cells more probable than the truth's: the truth lies inside every containment above this level. */
  readonly pocMoreProbable: number;
  /** Cell size of the map, NM. */
  readonly cellSizeNm: number;
  /** Distance from the plan's weighted datum (mean position) to the truth at the planning time, NM. */
  readonly datumErrorNm: number | null;
}

/** The effort of one unit (its searches together). */
export interface UnitEffort {
  readonly unitId: string;
  readonly party: string | null;
  /** Track length flown, NM (great circles between waypoints; jumps excluded). */
  readonly trackNm: number;
  /** Area swept, NM² = Σ track length × W. */
  readonly sweptNm2: number;
  /** Time on its tracks, hours. */
  readonly hours: number;
}

/** How the required notifications were kept. */
export interface RulesScore {
  readonly required: number;
  /** Acknowledged at or before their due time. */
  readonly keptInTime: number;
  /** Acknowledged after their due time, and by how much. */
  readonly late: readonly { readonly notificationId: string; readonly lateByS: number }[];
  /** Never acknowledged. */
  readonly missing: readonly string[];
  /** keptInTime / required (1 when none was required). */
  readonly fractionKept: number;
}

/** The exchanges one way, from one party to another. */
export interface PartyExchanges {
  /** The sending party. */
  readonly party: string;
  readonly toParty: string;
  readonly messages: number;
  readonly acknowledged: number;
  /** acknowledged / messages (0 to 1). */
  readonly acknowledgedShare: number;
  /** Acknowledgement delays, seconds (null when none was acknowledged). */
  readonly meanAckDelayS: number | null;
  readonly medianAckDelayS: number | null;
  readonly maxAckDelayS: number | null;
}

/**
 * The score of an exercise. Times are seconds since 1970-01-01T00:00Z (UTC), durations seconds,
 * distances NM; every list is in a fixed order (plans as given, units and parties by id), so the
 * same inputs give the same score bit for bit.
 */
export interface ExerciseScore {
  readonly detection: {
    readonly detected: boolean;
    /** Time of the first detection, or null. */
    readonly timeS: number | null;
    /** From ScoringInput.startS to the first detection, seconds; null when not detected. */
    readonly timeToDetectionS: number | null;
    readonly unitId: string | null;
    /** Where the unit saw the truth. */
    readonly position: LonLatDeg | null;
    readonly fromS: number;
  };
  readonly plans: readonly PlanScore[];
  readonly effort: {
    readonly units: readonly UnitEffort[];
    readonly totalTrackNm: number;
    readonly totalSweptNm2: number;
    readonly totalUnitHours: number;
  };
  readonly rules: RulesScore;
  /** `parties`: one entry per way (KR → JP, JP → KR); `messages`: every message counted once per party it went to. */
  readonly exchanges: { readonly parties: readonly PartyExchanges[]; readonly messages: number };
  readonly aboard: {
    readonly liaisonOfficers: number;
    readonly observers: number;
    /** As given, sorted by party then name. */
    readonly people: readonly AboardInput[];
  };
}

/** Score an exercise (see the file header). */
export function scoreExercise(input: ScoringInput): ExerciseScore {
  const first = [...input.detections].sort((a, b) => a.timeS - b.timeS || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0))[0];
  return {
    detection: first === undefined
      ? { detected: false, timeS: null, timeToDetectionS: null, unitId: null, position: null, fromS: input.startS }
      : { detected: true, timeS: first.timeS, timeToDetectionS: first.timeS - input.startS, unitId: first.unitId, position: first.position, fromS: input.startS },
    plans: input.plans.map((p) => scorePlan(p, pointAt(input.truthPoints, p.planningTimeS))),
    effort: scoreEffort(input.searches),
    rules: scoreRules(input.notifications),
    exchanges: scoreExchanges(input.exchanges),
    aboard: {
      liaisonOfficers: input.aboard.filter((a) => a.role === 'liaisonOfficer').length,
      observers: input.aboard.filter((a) => a.role === 'observer').length,
      people: [...input.aboard].sort((a, b) => cmp(a.party, b.party) || cmp(a.name, b.name)),
    },
  };
}

/** A plan's probability map at its planning time, ready to place truths on (one map, many truths in a trial). */
export interface PlanMap {
  readonly planId: string;
  readonly planningTimeS: number;
  readonly plannedPos: number | null;
  readonly grid: PocGrid;
  /** Cells' POC, most probable first, and the running sums (prefix[k] = POC of the k most probable cells). */
  readonly sortedPoc: Float64Array;
  readonly prefix: Float64Array;
  readonly cellsWithProbability: number;
  /** Weighted mean position of the cloud (null when nothing is released yet). */
  readonly datum: LonLatDeg | null;
}

/** The probability map of a plan at its planning time (pocGrid of the cloud there). */
export function planMap(plan: PlanScoreInput): PlanMap {
  const cloud = cloudAt(plan.snapshots, plan.weight, plan.planningTimeS);
  const grid = pocGrid(cloud, plan.grid ?? { cellsAcross90: cellsAcross90For(cloud) });
  const sortedPoc = Float64Array.from(grid.poc).sort().reverse();
  const prefix = new Float64Array(sortedPoc.length + 1);
  let cellsWithProbability = 0;
  for (let k = 0; k < sortedPoc.length; k++) {
    prefix[k + 1] = prefix[k] + sortedPoc[k];
    if (sortedPoc[k] > 0) cellsWithProbability++;
  }
  return { planId: plan.planId, planningTimeS: plan.planningTimeS, plannedPos: plan.plannedPos ?? null, grid, sortedPoc, prefix, cellsWithProbability, datum: weightedMean(cloud) };
}

/**
 * Cells across the 90 % area for scoring a truth: about ten particles per cell of that area
 * (sqrt(0.9 N / 10) cells across), at most pocGrid's own 50. With fewer particles per cell a map's
 * most probable cells are those that caught two or three particles by chance, and its 50 %
 * containment shrinks to them: a truth drawn from the very same distribution then fell inside the
 * 50 % containment of a 3,000-particle map in 24 % of 400 runs (automatic 50 cells across), not 50 %.
 */
function cellsAcross90For(cloud: WeightedCloud): number {
  let counted = 0;
  for (let i = 0; i < cloud.count; i++) if ((cloud.status === undefined || cloud.status[i] !== NOT_RELEASED_STATUS) && cloud.weight[i] > 0) counted++;
  return Math.max(3, Math.min(50, Math.sqrt(0.09 * counted)));
}

/** The truth against one plan's map at its planning time (null truth: not yet in the water, scored outside). */
export function scorePlan(plan: PlanScoreInput, truth: LonLatDeg | null): PlanScore {
  return truthOnMap(planMap(plan), truth);
}

/** Place a truth position on a plan's map: containment, rank of its cell, distance from the datum. */
export function truthOnMap(map: PlanMap, truth: LonLatDeg | null): PlanScore {
  const { grid } = map;
  const base = { planId: map.planId, planningTimeS: map.planningTimeS, plannedPos: map.plannedPos, cellsWithProbability: map.cellsWithProbability, cellSizeNm: grid.cellSizeM / 1852 };
  if (truth === null) {
    return { ...base, truthPosition: null, inside50: false, inside90: false, truthCellRank: null, truthCellPoc: 0, pocMoreProbable: 1, datumErrorNm: null };
  }
  const i = Math.floor((localXM(grid.frame, truth.lonDeg) - grid.x0M) / grid.cellSizeM);
  const j = Math.floor((localYM(grid.frame, truth.latDeg) - grid.y0M) / grid.cellSizeM);
  const poc = i >= 0 && i < grid.nx && j >= 0 && j < grid.ny ? grid.poc[j * grid.nx + i] : 0;
  // cells strictly more probable than the truth's: the first `rankAbove` of the sorted list
  let lo = 0, hi = map.sortedPoc.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map.sortedPoc[mid] > poc) lo = mid + 1; else hi = mid;
  }
  const rankAbove = lo, above = map.prefix[rankAbove];
  const datum = map.datum;
  return {
    ...base, truthPosition: truth,
    inside50: poc > 0 && above < 0.5 - 1e-12, inside90: poc > 0 && above < 0.9 - 1e-12,   // sums carry rounding
    truthCellRank: poc > 0 ? rankAbove + 1 : null, truthCellPoc: poc, pocMoreProbable: poc > 0 ? Math.min(1, above) : 1,
    datumErrorNm: datum === null ? null : distanceM(datum.lonDeg, datum.latDeg, truth.lonDeg, truth.latDeg) / 1852,
  };
}

/** Effort per unit: Σ great-circle length of the tracks (jumps, a repeated time, left out), × W, and hours on the tracks. */
export function scoreEffort(searches: readonly SearchEffortInput[]): ExerciseScore['effort'] {
  const byUnit = new Map<string, { party: string | null; trackNm: number; sweptNm2: number; hours: number }>();
  searches.forEach((s, k) => {
    if (!(s.sweepWidthNm > 0)) throw new InvalidInputError(`searches[${k}].sweepWidthNm`, `${s.sweepWidthNm} is not a positive sweep width`);
    let nm = 0, seconds = 0;
    for (let j = 1; j < s.track.length; j++) {
      const a = s.track[j - 1], b = s.track[j];
      if (!(b.timeS > a.timeS)) continue;
      nm += distanceM(a.lonDeg, a.latDeg, b.lonDeg, b.latDeg) / 1852;
      seconds += b.timeS - a.timeS;
    }
    const u = byUnit.get(s.unitId) ?? { party: s.party ?? null, trackNm: 0, sweptNm2: 0, hours: 0 };
    u.trackNm += nm;
    u.sweptNm2 += nm * s.sweepWidthNm;
    u.hours += seconds / 3600;
    byUnit.set(s.unitId, u);
  });
  const units = [...byUnit.entries()].sort(([a], [b]) => cmp(a, b)).map(([unitId, u]) => ({ unitId, ...u }));
  return {
    units,
    totalTrackNm: units.reduce((s, u) => s + u.trackNm, 0),
    totalSweptNm2: units.reduce((s, u) => s + u.sweptNm2, 0),
    totalUnitHours: units.reduce((s, u) => s + u.hours, 0),
  };
}

/** Each required notification acknowledged at or before its due time. */
export function scoreRules(notifications: readonly NotificationInput[]): RulesScore {
  const late: { notificationId: string; lateByS: number }[] = [];
  const missing: string[] = [];
  let kept = 0;
  for (const n of [...notifications].sort((a, b) => cmp(a.notificationId, b.notificationId))) {
    if (n.ackTimeS === null) missing.push(n.notificationId);
    else if (n.ackTimeS <= n.dueTimeS) kept++;
    else late.push({ notificationId: n.notificationId, lateByS: n.ackTimeS - n.dueTimeS });
  }
  return { required: notifications.length, keptInTime: kept, late, missing, fractionKept: notifications.length === 0 ? 1 : kept / notifications.length };
}

/** Messages each way (sending party, then receiving party, by id) and their acknowledgement delays. */
export function scoreExchanges(exchanges: readonly ExchangeInput[]): ExerciseScore['exchanges'] {
  const ways = [...new Map(exchanges.map((e) => [`${e.fromParty}\u0000${e.toParty}`, [e.fromParty, e.toParty] as const])).values()]
    .sort((a, b) => cmp(a[0], b[0]) || cmp(a[1], b[1]));
  return {
    messages: exchanges.length,
    parties: ways.map(([party, toParty]) => {
      const mine = exchanges.filter((e) => e.fromParty === party && e.toParty === toParty);
      const delays = mine.filter((e) => e.ackTimeS !== null).map((e) => e.ackTimeS! - e.timeS).sort((a, b) => a - b);
      const m = delays.length;
      return {
        party, toParty, messages: mine.length, acknowledged: m, acknowledgedShare: m / mine.length,
        meanAckDelayS: m === 0 ? null : delays.reduce((a, b) => a + b, 0) / m,
        medianAckDelayS: m === 0 ? null : m % 2 === 1 ? delays[(m - 1) / 2] : (delays[m / 2 - 1] + delays[m / 2]) / 2,
        maxAckDelayS: m === 0 ? null : delays[m - 1],
      };
    }),
  };
}

/** The weighted cloud at a time: positions linear between snapshots, statuses of the last snapshot at or before it. */
export function cloudAt(snapshots: readonly StatusSnapshot[], weight: Float64Array, timeS: number): WeightedCloud {
  if (snapshots.length === 0) throw new InvalidInputError('snapshots', 'a plan needs its drift output');
  const n = snapshots[0].lonDeg.length;
  if (weight.length !== n) throw new InvalidInputError('weight', `has ${weight.length} entries for ${n} particles`);
  const frame = localFrame({ lonDeg: snapshots[0].lonDeg[0], latDeg: snapshots[0].latDeg[0] });
  const { x, y } = positionsAt(frame, snapshots, timeS, n);
  const lonDeg = new Float64Array(n), latDeg = new Float64Array(n);
  for (let i = 0; i < n; i++) { const p = fromLocal(frame, x[i], y[i]); lonDeg[i] = p.lonDeg; latDeg[i] = p.latDeg; }
  let k = 0;
  while (k + 1 < snapshots.length && snapshots[k + 1].timeS <= timeS) k++;
  const status = snapshots[k].status;
  return { count: n, lonDeg, latDeg, weight, ...(status ? { status } : {}) };
}

/** Position on timed points, linear between them; null outside their span. */
function pointAt(points: ScoringInput['truthPoints'], timeS: number): LonLatDeg | null {
  if (points.length === 0 || timeS < points[0].timeS || timeS > points[points.length - 1].timeS) return null;
  let k = 0;
  while (k + 1 < points.length && points[k + 1].timeS <= timeS) k++;
  const a = points[k], b = points[Math.min(k + 1, points.length - 1)];
  const f = b.timeS > a.timeS ? (timeS - a.timeS) / (b.timeS - a.timeS) : 0;
  return { lonDeg: a.lonDeg + f * (b.lonDeg - a.lonDeg), latDeg: a.latDeg + f * (b.latDeg - a.latDeg) };
}

/** Weighted mean of lon/lat (a datum for a cloud of some tens of NM, away from the antimeridian). */
function weightedMean(cloud: WeightedCloud): LonLatDeg | null {
  let w = 0, lon = 0, lat = 0;
  for (let i = 0; i < cloud.count; i++) {
    if (cloud.status && cloud.status[i] === NOT_RELEASED_STATUS) continue;
    w += cloud.weight[i]; lon += cloud.weight[i] * cloud.lonDeg[i]; lat += cloud.weight[i] * cloud.latDeg[i];
  }
  return w > 0 ? { lonDeg: lon / w, latDeg: lat / w } : null;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
