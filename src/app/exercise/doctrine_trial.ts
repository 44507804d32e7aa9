/**
 * Doctrine trials, the pure part: scripted players plan an exercise with each method (the optimal
 * allocation, the IAMSAR baseline: same units, same effort), fly the routes at the units' speeds,
 * and the truth of each run is detected or not (core/exercise). No node:* imports: the Node runner
 * (simulate.ts) opens the files and spreads runs over threads.
 *
 * The scripted players are simple on purpose: they plan each phase on the forecast with planAfterDrift
 * (the CLI's and the browser's own path), take the searches of earlier phases as unsuccessful
 * (Bayesian update), and follow their plan. Injects act on the units only: a `unitLate` delays the
 * unit's route of the phase in which it comes, a `unitBreakdown` ends the unit's searching at its
 * time; distress calls, sightings, debris and weather changes are not read by scripted players.
 */
import { runDrift, seedParticles, type DriftForcing, type DriftResult, type Shoreline } from '../../core/drift/index.js';
import { hash3, standardNormal, uniform01 } from '../../core/drift/random.js';
import { detectAlongTrack, simulateTruthTrack, simulatedSearchTrack, type Detection, type TruthSpec, type TruthTrack } from '../../core/exercise/index.js';
import { EARTH_RADIUS_M, type LonLatDeg } from '../../core/geo/index.js';
import type { LeewayObjectClass } from '../../core/objects/index.js';
import type { SearchTrack, TrackWaypoint, UnitAssignment } from '../../core/search/index.js';
import { planAfterDrift } from '../plan/plan_after_drift.js';
import type { PlanCase, PlannedUnit } from '../plan/plan_file.js';
import type { ExerciseCase, ExercisePhase } from './exercise_file.js';

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
}

/** Every phase of one method. */
export interface MethodFlights {
  readonly method: TrialMethod;
  readonly phases: readonly PhaseFlight[];
}

/**
 * The players' plans and flights for both methods from one drift of the players' forecast. Phase 1
 * is planned once for both (planAfterDrift gives the optimal plan and the baseline together); each
 * later phase once per method, with that method's earlier flights as searches done.
 */
export function playersFlights(exercise: ExerciseCase, drift: DriftResult, shoreline: Shoreline | null): Record<TrialMethod, MethodFlights> {
  const { plan, phases } = exercise;
  const first = planAfterDrift(plan, drift, shoreline);
  const out = {} as Record<TrialMethod, MethodFlights>;
  for (const method of TRIAL_METHODS) {
    const flights: PhaseFlight[] = [];
    for (let k = 0; k < phases.length; k++) {
      const phase = phases[k];
      let chosen;
      if (k === 0) chosen = method === 'optimal' ? first.optimal : first.baseline;
      else {
        const searchesDone: SearchTrack[] = [...plan.searchesDone, ...flights.flatMap((f) => f.assignments.map((a, j) => searchDone(a, f.flown[j])).filter((s): s is SearchTrack => s !== null))];
        const units: PlannedUnit[] = plan.units.map((u) => ({ ...u, arrivalTimeS: u.arrivalTimeS + phase.shiftS }));
        const phaseCase: PlanCase = { ...plan, planningTimeS: phase.planningTimeS, units, searchesDone };
        const p = planAfterDrift(phaseCase, drift, shoreline);
        chosen = method === 'optimal' ? p.optimal : p.baseline;
      }
      const nextS = k + 1 < phases.length ? phases[k + 1].planningTimeS : Infinity;
      const flown = chosen.assignments.map((a) => flownTrack(exercise, a, phase, nextS));
      flights.push({ phase, assignments: chosen.assignments, pos: chosen.pos, flown });
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
const STREAM = { runSeed: 0x7a1, pick: 0x7a2, around: 0x7a3, detection: 0x7a4, playersDrift: 0x7a5 } as const;

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
  const seed = runSeedOf(trialSeed, run);
  const { truth, scenarioIndex } = drawTruth(exercise, seed);
  const stepS = exercise.plan.drift.request.timeStepS;
  const durationS = Math.max(stepS, Math.ceil((exercise.endS - truth.timeS) / stepS) * stepS);
  const track = simulateTruthTrack(truth, input.truthForcing, input.shoreline, {
    durationS, stepS, objects: input.objects, jibeProbabilityPerHour: exercise.plan.drift.request.jibeProbabilityPerHour,
  });
  const startS = exercise.phases[0].planningTimeS;
  const methods = {} as Record<TrialMethod, MethodOutcome>;
  for (const method of TRIAL_METHODS) methods[method] = detectMethod(exercise, input.flights[method], track, scenarioIndex, seed, startS);
  return { run, seed, truth, truthEndStatus: track.points[track.points.length - 1].status, methods };
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
  return { detected: found !== null, timeToDetectionS: found === null ? null : found.timeS - startS, detection: found, exposure };
}

/** A run with what its players planned (their POS differs per run only when they drift per run). */
export interface RunRecord extends RunOutcome {
  /** POS of each method's first-phase plan. */
  readonly plannedPos: Record<TrialMethod, number>;
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
 * as separate exercises would.
 */
export function playRuns(exercise: ExerciseCase, runs: readonly number[], trialSeed: number, loaded: LoadedExercise,
  flights: Record<TrialMethod, MethodFlights> | null, onRun?: () => void): RunRecord[] {
  return runs.map((run) => {
    let f = flights;
    if (f === null) {
      const request = { ...exercise.plan.drift.request, seed: playersDriftSeed(runSeedOf(trialSeed, run)) };
      const drift = runDrift(request, loaded.forcing, { shoreline: loaded.shoreline });
      f = playersFlights(exercise, drift, loaded.shoreline);
    }
    const outcome = playRun(exercise, run, trialSeed, { flights: f, truthForcing: loaded.truthForcing, shoreline: loaded.shoreline, objects: loaded.objects });
    onRun?.();
    return { ...outcome, plannedPos: { optimal: f.optimal.phases[0].pos, iamsar: f.iamsar.phases[0].pos } };
  });
}
