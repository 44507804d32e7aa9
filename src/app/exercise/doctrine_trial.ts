/**
 * Doctrine trials, the pure part: scripted players plan an exercise with each method (the optimal
 * allocation, the IAMSAR baseline: same units, same effort), fly the routes at the units' speeds,
 * and the truth of each run is detected or not (core/exercise). No node:* imports: the Node runner
 * (simulate.ts) opens the files and spreads runs over threads.
 *
 * The scripted players are simple on purpose: they plan each phase on the forecast with planAfterDrift
 * (the CLI's and the browser's own path), take the searches of earlier phases as unsuccessful
 * (Bayesian update), and follow their plan. Injects act as a coordinator would take them: a
 * `unitLate` delays the unit's route of the phase in which it comes, a `unitBreakdown` ends the
 * unit's searching at its time; a sighting or debris find is a new datum and a weather change
 * changes the sweep widths (and a constant wind forecast) for the next plan (phaseKnowledge). A
 * distress call heard before the first plan is the datum the players drift from; a later one (a
 * corrected position) is a new datum as a sighting is. A call made from each run's truth (with the
 * stated position error) gives each run its own players' drift and plans.
 */
import { driftSetting, runDrift, seedParticles, type DriftForcing, type DriftRequest, type DriftResult, type Scenario, type Shoreline } from '../../core/drift/index.js';
import { ConstantField } from '../../core/environment/index.js';
import { InvalidInputError } from '../../core/errors.js';
import { hash3, standardNormal, uniform01 } from '../../core/drift/random.js';
import { detectAlongTrack, distressCallPosition, planMap, SwitchedField, type Inject, type PositionError, scoreEffort, simulateTruthTrack, strandedTruthTrack, simulatedSearchTrack, truthOnMap, truthPositionAt, type Detection, type PlanMap, type TruthSpec, type TruthTrack } from '../../core/exercise/index.js';
import { EARTH_RADIUS_M, type LonLatDeg } from '../../core/geo/index.js';
import type { LeewayObjectClass } from '../../core/objects/index.js';
import type { SearchTrack, TrackWaypoint, UnitAssignment } from '../../core/search/index.js';
import { baselineAfterDrift, planAfterDrift } from '../plan/plan_after_drift.js';
import type { PlanCase, PlannedUnit } from '../plan/plan_file.js';
import type { ExerciseCase, ExercisePhase, NewDatum } from './exercise_file.js';

/** The two planning doctrines compared. */
export type TrialMethod = 'optimal' | 'iamsar';
export const TRIAL_METHODS: readonly TrialMethod[] = ['optimal', 'iamsar'];

/** One phase of one method: its plan and what each unit flew. */
export interface PhaseFlight {
  readonly phase: ExercisePhase;
  readonly assignments: readonly UnitAssignment[];
  /** POS the plan promised (its exact searchPod figure). */
  readonly pos: number;
  /** Track flown per assignment, in the same order (fewer than two points: nothing flown). */
  readonly flown: readonly (readonly TrackWaypoint[])[];
  /** The plan's probability map at its planning time (where the truth is scored). */
  readonly map: PlanMap;
  /** The released injects the players planned this phase with (new data, weather changes). */
  readonly injectIds: readonly string[];
}

/** Every phase of one method. */
export interface MethodFlights {
  readonly method: TrialMethod;
  readonly phases: readonly PhaseFlight[];
}

/**
 * What the scripted players know at a phase's planning time besides the plan file: the new data
 * (sightings, debris finds) and weather changes released by then, and what they make of them (the
 * drift they plan on, the units' sweep widths). A coordinator's reading, as IAMSAR Vol. II has it:
 * - a sighting or debris find is a new datum: one more scenario, seeded at the reported position
 *   with its probable error and released at the report's time, weighted with its share of the
 *   probability (exercise_file.ts NewDatum), and the players drift again with it;
 * - a distress call is, per IAMSAR Vol. II ch. 4, a datum: the distress position, with its position
 *   error as the initial position error X. The first call heard by the first plan replaces the plan
 *   file's seeding: every scenario (object and weight kept) starts at the reported position at the
 *   call's time with X. Every later call (a corrected position) is a new datum as a sighting is.
 *   The total probable error E = √(X² + De² + Y²) is not summed by hand: the particles carry X
 *   from their seeding and the drift error De from their own spread of Leeway coefficients, jibes
 *   and forcing; the search facilities' navigational error Y is not modelled by the planner;
 * - a weather change changes the table sweep widths through the weather correction (the units
 *   re-derived with the new weather, exercise_file.ts WeatherUnits; a manual W is the coordinator's
 *   own figure and stays), and when the players' wind forecast is a constant it changes the
 *   constant from the report's time on (wind speed, direction from), so they drift again on it.
 */
export interface PhaseKnowledge {
  /** Ids of the injects taken into account (empty: the plan file's own drift and units). */
  readonly injectIds: readonly string[];
  readonly request: DriftRequest;
  /** The players' wind from the weather changes on (null: the forecast as loaded). */
  readonly wind: readonly { readonly atS: number; readonly eastMps: number; readonly northMps: number }[];
  readonly units: readonly PlannedUnit[];
  /** True when the drift differs from the plan file's (a new datum, a changed constant wind). */
  readonly redrift: boolean;
}

const KN = 1852 / 3600;

/**
 * The gaussian seeding of a reported position with probable error E at its time: E is the radius
 * holding 50 % of a circular normal position (IAMSAR Vol. II ch. 4, "probable error"), so
 * E = σ √(2 ln 2) (Frost 1996; the same relation as optimal_search_factor.ts), and the seeding's
 * radius is σ per axis.
 */
function reportedSeeding(d: NewDatum): Scenario['seeding'] {
  return { kind: 'point', position: d.position, radiusM: d.probableErrorM / Math.sqrt(2 * Math.LN2), spread: 'gaussian', timeS: d.atS };
}

/** True when a distress call's position is made from each run's truth: the players' plans then differ per run. */
export function callsNeedTruth(exercise: ExerciseCase): boolean {
  return exercise.distressCalls.some((c) => c.position === null);
}

/**
 * The distress calls as the players hear them, as data with a position (NewDatum): a call's own
 * position, or the truth's at the call's time with the stated error (core distressCallPosition, as
 * the server releases it). A call made before the object is in the water (the craft still afloat)
 * reports where the craft is: the truth's release position with the error. Calls after the last
 * planning time are left out (no plan hears them). Without a truth track, a call made from the
 * truth is an error: the players' plans cannot be made once for every run.
 */
export function heardCalls(exercise: ExerciseCase, truthTrack: TruthTrack | null, runSeed?: number): NewDatum[] {
  const lastPlanS = exercise.phases[exercise.phases.length - 1].planningTimeS;
  return exercise.distressCalls.filter((c) => c.atS <= lastPlanS).map((c) => {
    let position = c.position;
    if (position === null) {
      if (truthTrack === null) throw new InvalidInputError(`exercise/injects/${c.injectId}`, "the distress call is made from each run's truth: the players' plans are made per run");
      position = distressCallPosition({ injectId: c.injectId, kind: 'distressCall', text: '', atS: Math.max(c.atS, truthTrack.points[0].timeS), positionError: runError(c.positionError!, runSeed) }, truthTrack);
    }
    return { injectId: c.injectId, atS: c.atS, position, probableErrorM: c.probableErrorM, share: c.share };
  });
}

/**
 * A call's random error in run `runSeed` of a trial: drawn again per run (the stated seed mixed
 * with the run's), so that N runs sample the error the file states rather than repeat one draw of
 * it N times; a single exercise (no run seed) and a stated bearing and distance keep it as written.
 */
function runError(e: PositionError, runSeed: number | undefined): PositionError {
  return e.kind === 'random' && runSeed !== undefined ? { ...e, seed: hash3(e.seed >>> 0, runSeed >>> 0, STREAM.callError) } : e;
}

/**
 * What the players know at `planningTimeS` (see PhaseKnowledge); `calls`, the distress calls as
 * they heard them (heardCalls: needed, with the run's truth, when a call is made from the truth).
 */
export function phaseKnowledge(exercise: ExerciseCase, planningTimeS: number, calls: readonly NewDatum[] = heardCalls(exercise, null)): PhaseKnowledge {
  const { plan } = exercise;
  const request = plan.drift.request;
  const heard = calls.filter((c) => c.atS <= planningTimeS).sort((a, b) => a.atS - b.atS);
  // the first call heard by the first plan is the datum itself; every other call is new data
  const datumCall = heard.length > 0 && heard[0].atS <= exercise.phases[0].planningTimeS ? heard[0] : null;
  const datums = [...exercise.newDatums.filter((d) => d.atS <= planningTimeS), ...(datumCall ? heard.slice(1) : heard)].sort((a, b) => a.atS - b.atS);
  const weather = exercise.weatherUnits.filter((w) => w.atS <= planningTimeS);
  const changes = exercise.injects.filter((i) => i.kind === 'weatherChange' && i.atS <= planningTimeS).sort((a, b) => a.atS - b.atS);
  // the scenarios: the plan file's (drifting from the distress position when a call gave it), then each new datum with its share of the total so far
  const scenarios: Scenario[] = datumCall === null ? [...request.scenarios]
    : request.scenarios.map((s) => ({ ...s, name: `${s.name} (from distress call ${datumCall.injectId})`, seeding: reportedSeeding(datumCall) }));
  const planning = request.scenarios[0].objectClass;
  for (const d of datums) {
    const total = scenarios.reduce((sum, x) => sum + x.weight, 0);
    scenarios.push({ name: `new datum: ${d.injectId}`, weight: (d.share / (1 - d.share)) * total, objectClass: planning, seeding: reportedSeeding(d) });
  }
  // a constant wind forecast follows the reported wind
  const windSpec = plan.drift.forcing.wind;
  const wind: { atS: number; eastMps: number; northMps: number }[] = [];
  if (windSpec.length === 1 && windSpec[0].kind === 'constant') {
    let { eastMps, northMps } = windSpec[0];
    for (const c of changes) {
      const w = (c as Extract<Inject, { kind: 'weatherChange' }>).weather;
      if (w.windKn === undefined && w.windFromDeg === undefined) continue;
      const speed = w.windKn !== undefined ? w.windKn * KN : Math.hypot(eastMps, northMps);
      const fromDeg = w.windFromDeg ?? (Math.atan2(-eastMps, -northMps) * 180) / Math.PI;
      const toward = ((fromDeg + 180) * Math.PI) / 180;
      eastMps = speed * Math.sin(toward); northMps = speed * Math.cos(toward);
      wind.push({ atS: c.atS, eastMps, northMps });
    }
  }
  // the units' widths after the last weather change, one more entry per new datum's scenario (the planning object's W)
  const baseUnits = weather.length ? weather[weather.length - 1].units : plan.units;
  const units = baseUnits.map((u) => withScenarioWidths(u, scenarios.length));
  const newDrift = datumCall !== null || datums.length > 0;
  return {
    injectIds: [...(datumCall ? [datumCall.injectId] : []), ...datums.map((d) => d.injectId), ...changes.map((c) => c.injectId)],
    request: newDrift ? { ...request, scenarios } : request,
    wind, units, redrift: newDrift || wind.length > 0,
  };
}

/** Per-scenario widths extended to `count` scenarios, the new ones with the planning object's W (entry 0). */
function withScenarioWidths<T extends { sweepWidthByScenarioNm?: readonly number[] }>(x: T, count: number): T {
  const list = x.sweepWidthByScenarioNm;
  if (list === undefined || list.length >= count) return x;
  return { ...x, sweepWidthByScenarioNm: [...list, ...Array.from({ length: count - list.length }, () => list[0])] };
}

/** The players' forcing with their revised wind (a constant from each weather change on). */
export function revisedForcing(forcing: DriftForcing, wind: PhaseKnowledge['wind']): DriftForcing {
  let field = forcing.wind;
  for (const w of wind) field = new SwitchedField(field, new ConstantField('wind', w.eastMps, w.northMps), w.atS);
  return { wind: field, current: forcing.current };
}

/**
 * The players' plans and flights for both methods from one drift of the players' forecast. Phase 1
 * is planned once for both (planAfterDrift gives the optimal plan and the baseline together); each
 * later phase once per method, with that method's earlier flights as searches done (the IAMSAR
 * players' by baselineAfterDrift, the baseline alone). A phase planned after a released distress
 * call, sighting, debris find or weather change is planned on what the players make of it
 * (phaseKnowledge, `calls` as heard): when that changes the drift, the players drift again
 * (`forcing`, in this thread, with `seed`), once per set of injects known, for both methods.
 * `drift` null: the players' drift of the plan file is made here too when a phase needs it.
 */
export function playersFlights(exercise: ExerciseCase, drift: DriftResult | null, shoreline: Shoreline | null, forcing: DriftForcing | null = null,
  seed: number = exercise.plan.drift.request.seed, calls: readonly NewDatum[] = heardCalls(exercise, null)): Record<TrialMethod, MethodFlights> {
  const { plan, phases } = exercise;
  const known = phases.map((p) => phaseKnowledge(exercise, p.planningTimeS, calls));
  const drifts = new Map<string, DriftResult>();
  const driftOf = (k: PhaseKnowledge): DriftResult => {
    if (!k.redrift && drift !== null) return drift;
    if (forcing === null) throw new InvalidInputError('forcing', 'the players drift again after a distress call, a new datum or a wind change: give their forecast');
    const key = k.injectIds.join('\u0000');
    let d = drifts.get(key);
    if (!d) { d = runDrift({ ...k.request, seed }, revisedForcing(forcing, k.wind), { shoreline }); drifts.set(key, d); }
    return d;
  };
  const phaseCase = (k: number, flights: readonly PhaseFlight[]): PlanCase => {
    const count = known[k].request.scenarios.length;
    const searchesDone: SearchTrack[] = [...plan.searchesDone, ...flights.flatMap((f) => f.assignments.map((a, j) => searchDone(a, f.flown[j])).filter((s): s is SearchTrack => s !== null))]
      .map((x) => withScenarioWidths(x, count));
    const units: PlannedUnit[] = known[k].units.map((u) => ({ ...u, arrivalTimeS: u.arrivalTimeS + phases[k].shiftS }));
    return { ...plan, drift: { ...plan.drift, request: known[k].request }, planningTimeS: phases[k].planningTimeS, units, searchesDone };
  };
  const first = planAfterDrift(known[0].injectIds.length ? phaseCase(0, []) : plan, driftOf(known[0]), shoreline);
  const out = {} as Record<TrialMethod, MethodFlights>;
  let firstMap: PlanMap | null = null;
  for (const method of TRIAL_METHODS) {
    const flights: PhaseFlight[] = [];
    for (let k = 0; k < phases.length; k++) {
      const phase = phases[k];
      const phaseDrift = driftOf(known[k]);
      let chosen, weight: Float64Array;
      if (k === 0) {
        chosen = method === 'optimal' ? first.optimal : first.baseline;
        weight = first.particles.weight;
      } else {
        const c = phaseCase(k, flights);
        if (method === 'optimal') {
          const p = planAfterDrift(c, phaseDrift, shoreline);
          chosen = p.optimal; weight = p.particles.weight;
        } else {   // the IAMSAR players' plan is the baseline alone: the optimiser's layout would be thrown away
          const b = baselineAfterDrift(c, phaseDrift, shoreline);
          chosen = b.baseline; weight = b.particles.weight;
        }
      }
      const nextS = k + 1 < phases.length ? phases[k + 1].planningTimeS : Infinity;
      const flown = chosen.assignments.map((a) => flownTrack(exercise, a, phase, nextS));
      // phase 1's map is the same for both methods (same drift, same searches done): made once
      const map: PlanMap = k === 0 && firstMap !== null ? { ...firstMap, plannedPos: chosen.pos }
        : planMap({ planId: phase.name, planningTimeS: phase.planningTimeS, plannedPos: chosen.pos, snapshots: phaseDrift.snapshots, weight });
      if (k === 0) firstMap = map;
      flights.push({ phase, assignments: chosen.assignments, pos: chosen.pos, flown, map, injectIds: known[k].injectIds });
    }
    out[method] = { method, phases: flights };
  }
  return out;
}

/** What a unit flies of its assignment in a phase: its route at its speed, delayed or cut by injects, until the next phase. */
function flownTrack(exercise: ExerciseCase, a: UnitAssignment, phase: ExercisePhase, nextPhaseS: number): TrackWaypoint[] {
  let delayS = 0, stopS = nextPhaseS;
  for (const i of exercise.injects) {
    if (i.kind === 'unitLate' && i.unitId === a.unitId && i.atS >= phase.planningTimeS && i.atS < nextPhaseS) delayS += i.delayH * 3600;
    if (i.kind === 'unitBreakdown' && i.unitId === a.unitId) stopS = Math.min(stopS, i.atS);
  }
  const route = a.route;
  return simulatedSearchTrack({ waypoints: route.waypoints, speedKn: route.speedKn },
    { startTimeS: route.startTimeS + delayS, fromTimeS: -Infinity, toTimeS: Math.min(stopS, exercise.endS) });
}

/** A flown track as a search done (for the next phase's Bayesian update), or null when nothing was flown. */
function searchDone(a: UnitAssignment, flown: readonly TrackWaypoint[]): SearchTrack | null {
  if (flown.length < 2 || !(flown[flown.length - 1].timeS > flown[0].timeS)) return null;
  return {
    unitId: a.unitId, sweepWidthNm: a.sweepWidthNm, waypoints: flown, searchSpeedKn: a.route.speedKn,
    ...(a.sweepWidthByScenarioNm === undefined ? {} : { sweepWidthByScenarioNm: a.sweepWidthByScenarioNm }),
  };
}

/** Draw streams of the trial (counter-based draws, core/drift/random.ts). */
const STREAM = { runSeed: 0x7a1, pick: 0x7a2, around: 0x7a3, detection: 0x7a4, playersDrift: 0x7a5, callError: 0x7a6 } as const;

/** The seed of run r of a trial with seed `seed`. */
export function runSeedOf(seed: number, run: number): number {
  return hash3(seed >>> 0, run, STREAM.runSeed);
}

/** Run r's truth and the index of its scenario (for the units' sweep widths). */
export interface DrawnTruth {
  readonly truth: TruthSpec;
  readonly scenarioIndex: number;
}

/**
 * Run r's truth: position and release time drawn as the exercise's spread says (for `scenarios`,
 * one particle drawn as the plan's seeding draws particles, with the run's seed), the Leeway
 * coefficients by the truth track from the run's seed.
 */
export function drawTruth(exercise: ExerciseCase, runSeed: number): DrawnTruth {
  const t = exercise.truth;
  const request = exercise.plan.drift.request;
  const scenarios = request.scenarios;
  const objectOf = (s: number): string => t.objectClass ?? scenarios[s].objectClass.key;
  const scenarioFor = (key: string): number => Math.max(0, scenarios.findIndex((s) => s.objectClass.key === key));
  const base = { forcing: null, seed: runSeed, ...(t.perturbation ? { perturbation: t.perturbation } : {}) };
  if (t.spread.kind === 'scenarios') {
    const g = Math.min(request.particleCount - 1, Math.floor(uniform01(runSeed, 0, STREAM.pick) * request.particleCount));
    const p = seedParticles({ ...request, seed: runSeed }, g, 1);
    const s = p.scenario[0];
    const truth: TruthSpec = { ...base, objectClass: objectOf(s), position: { lonDeg: p.lonDeg[0], latDeg: p.latDeg[0] }, timeS: p.releaseS[0] };
    return { truth, scenarioIndex: t.objectClass === null ? s : scenarioFor(t.objectClass) };
  }
  const position = t.position!, timeS = t.timeS!;
  const objectClass = t.objectClass ?? scenarios[0].objectClass.key;
  if (t.spread.kind === 'none') return { truth: { ...base, objectClass, position, timeS }, scenarioIndex: scenarioFor(objectClass) };
  const { radiusM, spread, timeWindowS } = t.spread;
  let eastM: number, northM: number;
  if (spread === 'gaussian') {
    eastM = radiusM * standardNormal(runSeed, 0, STREAM.around);
    northM = radiusM * standardNormal(runSeed, 1, STREAM.around);
  } else {
    const r = radiusM * Math.sqrt(uniform01(runSeed, 0, STREAM.around)), b = 2 * Math.PI * uniform01(runSeed, 1, STREAM.around);
    eastM = r * Math.sin(b); northM = r * Math.cos(b);
  }
  const drawn: LonLatDeg = {
    latDeg: position.latDeg + ((northM / EARTH_RADIUS_M) * 180) / Math.PI,
    lonDeg: position.lonDeg + ((eastM / (EARTH_RADIUS_M * Math.cos((position.latDeg * Math.PI) / 180))) * 180) / Math.PI,
  };
  const dt = (uniform01(runSeed, 2, STREAM.around) - 0.5) * timeWindowS;
  return { truth: { ...base, objectClass, position: drawn, timeS: timeS + dt }, scenarioIndex: scenarioFor(objectClass) };
}

/** One method's outcome in one run. */
export interface MethodOutcome {
  readonly detected: boolean;
  /** From the first planning time to the first detection, seconds; null when not detected. */
  readonly timeToDetectionS: number | null;
  readonly detection: (Detection & { readonly unitId: string; readonly phase: number }) | null;
  /** Exposure of every unit's track to the truth (POD = 1 − e^−exposure); the expected detections follow from it. */
  readonly exposure: number;
  /** Per phase: the truth on the plan's map at its planning time (false, null when not yet in the water). */
  readonly plans: readonly { readonly inside50: boolean; readonly inside90: boolean; readonly truthCellRank: number | null }[];
}

/** One run: its truth and each method's outcome. */
export interface RunOutcome {
  readonly run: number;
  readonly seed: number;
  readonly truth: TruthSpec;
  /** Status of the truth at the end of its track. */
  readonly truthEndStatus: string;
  readonly methods: Record<TrialMethod, MethodOutcome>;
}

/** Inputs of playRun besides the exercise. */
export interface PlayRunInput {
  readonly flights: Record<TrialMethod, MethodFlights>;
  readonly truthForcing: DriftForcing;
  readonly shoreline: Shoreline | null;
  readonly objects: readonly LeewayObjectClass[];
}

/**
 * Play run r: draw its truth, drift it on the truth forcing, and detect it along every flown
 * track of each method (the same truth and the same detection draws face both methods: common
 * random numbers make their difference sharper). Stops a method at its first detection.
 */
export function playRun(exercise: ExerciseCase, run: number, trialSeed: number, input: PlayRunInput): RunOutcome {
  return scoreRun(exercise, run, runTruth(exercise, runSeedOf(trialSeed, run), input), input.flights);
}

/** A run's truth, drawn and drifted. */
interface RunTruth extends DrawnTruth {
  readonly seed: number;
  readonly track: TruthTrack;
}

/** Draw run `seed`'s truth and drift it on the truth forcing. */
function runTruth(exercise: ExerciseCase, seed: number, input: Omit<PlayRunInput, 'flights'>): RunTruth {
  const { truth, scenarioIndex } = drawTruth(exercise, seed);
  const stepS = exercise.plan.drift.request.timeStepS;
  const durationS = Math.max(stepS, Math.ceil((exercise.endS - truth.timeS) / stepS) * stepS);
  const request = exercise.plan.drift.request;
  const seedOnLandMaxMoveM = driftSetting(request, 'seedOnLandMaxMoveM')!;
  const { lonDeg, latDeg } = truth.position;
  // a truth drawn from the players' seeding may lie ashore beyond the move to water: it strands there, as their particle does
  const ashore = input.shoreline !== null && input.shoreline.isLand(lonDeg, latDeg) && input.shoreline.nearestWater(lonDeg, latDeg, seedOnLandMaxMoveM) === null;
  const track = ashore ? strandedTruthTrack(truth, { durationS, stepS }, input.shoreline!.label)
    : simulateTruthTrack(truth, input.truthForcing, input.shoreline, {
      durationS, stepS, objects: input.objects, jibeProbabilityPerHour: request.jibeProbabilityPerHour, seedOnLandMaxMoveM,
    });
  return { truth, scenarioIndex, seed, track };
}

/** Detect run r's truth along every flown track of each method. */
function scoreRun(exercise: ExerciseCase, run: number, t: RunTruth, flights: Record<TrialMethod, MethodFlights>): RunOutcome {
  const startS = exercise.phases[0].planningTimeS;
  const methods = {} as Record<TrialMethod, MethodOutcome>;
  for (const method of TRIAL_METHODS) methods[method] = detectMethod(exercise, flights[method], t.track, t.scenarioIndex, t.seed, startS);
  return { run, seed: t.seed, truth: t.truth, truthEndStatus: t.track.points[t.track.points.length - 1].status, methods };
}

function detectMethod(exercise: ExerciseCase, flights: MethodFlights, track: TruthTrack, scenarioIndex: number, seed: number, startS: number): MethodOutcome {
  let best: MethodOutcome['detection'] = null;
  let exposure = 0;
  flights.phases.forEach((phase, p) => {
    phase.assignments.forEach((a, u) => {
      const unitIndex = exercise.plan.units.findIndex((x) => x.unitId === a.unitId);
      const r = detectAlongTrack({
        searchTrack: phase.flown[u], searchSpeedKn: a.route.speedKn, truthTrack: track,
        sweepWidthNm: a.sweepWidthByScenarioNm?.[scenarioIndex] ?? a.sweepWidthNm, law: exercise.plan.law,
        stepS: exercise.detectionStepS, seed: hash3(seed, p * 64 + unitIndex, STREAM.detection),
      });
      exposure += r.totalExposure;
      if (r.detection && (best === null || r.detection.timeS < best.timeS)) best = { ...r.detection, unitId: a.unitId, phase: p };
    });
  });
  const found = best as MethodOutcome['detection'];
  const plans = flights.phases.map((f) => {
    const at = truthPositionAt(track, f.phase.planningTimeS);
    const s = truthOnMap(f.map, at === null ? null : { lonDeg: at.lonDeg, latDeg: at.latDeg });
    return { inside50: s.inside50, inside90: s.inside90, truthCellRank: s.truthCellRank };
  });
  return { detected: found !== null, timeToDetectionS: found === null ? null : found.timeS - startS, detection: found, exposure, plans };
}

/** A run with what its players planned (their POS differs per run only when they drift per run). */
export interface RunRecord extends RunOutcome {
  /** POS of each method's first-phase plan. */
  readonly plannedPos: Record<TrialMethod, number>;
  /** Effort each method's units flew, every phase (NM² = Σ track length × the planning object's W; unit hours). */
  readonly effort: Record<TrialMethod, { readonly sweptNm2: number; readonly unitHours: number }>;
}

/** The effort a method's units flew over every phase. */
export function flightsEffort(flights: MethodFlights): { sweptNm2: number; unitHours: number } {
  const e = scoreEffort(flights.phases.flatMap((p) => p.assignments.map((a, j) => ({ unitId: a.unitId, track: p.flown[j], sweepWidthNm: a.sweepWidthNm }))));
  return { sweptNm2: e.totalSweptNm2, unitHours: e.totalUnitHours };
}

/** What a set of runs needs opened: the players' forecast, the truth forcing, the shoreline. */
export interface LoadedExercise {
  readonly forcing: DriftForcing;
  readonly truthForcing: DriftForcing;
  readonly shoreline: Shoreline | null;
  readonly objects: readonly LeewayObjectClass[];
}

/** Seed of run r's own players' drift (when the players drift per run). */
export function playersDriftSeed(runSeed: number): number {
  return hash3(runSeed, 0, STREAM.playersDrift);
}

/**
 * Play runs: with `flights` given (the players' inputs are the same in every run, so their drift
 * and plans are made once) only the truth and the detections per run; without, each run also
 * drifts the players' forecast with its own seed (core runDrift, in this thread) and plans again,
 * as separate exercises would, hearing the distress calls made from its own truth (heardCalls).
 */
export function playRuns(exercise: ExerciseCase, runs: readonly number[], trialSeed: number, loaded: LoadedExercise,
  flights: Record<TrialMethod, MethodFlights> | null, onRun?: () => void): RunRecord[] {
  if (flights !== null && callsNeedTruth(exercise)) {
    throw new InvalidInputError('flights', "a distress call is made from each run's truth: the players plan per run (give no flights)");
  }
  const truthInput = { truthForcing: loaded.truthForcing, shoreline: loaded.shoreline, objects: loaded.objects };
  return runs.map((run) => {
    const t = runTruth(exercise, runSeedOf(trialSeed, run), truthInput);
    // the players' flights, made from what they can know: the truth track only gives the calls' reported positions
    const f = flights ?? playersFlights(exercise, null, loaded.shoreline, loaded.forcing, playersDriftSeed(t.seed), heardCalls(exercise, t.track, t.seed));
    const outcome = scoreRun(exercise, run, t, f);
    onRun?.();
    return {
      ...outcome, plannedPos: { optimal: f.optimal.phases[0].pos, iamsar: f.iamsar.phases[0].pos },
      effort: { optimal: flightsEffort(f.optimal), iamsar: flightsEffort(f.iamsar) },
    };
  });
}
