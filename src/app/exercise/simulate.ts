/**
 * `sarbridge exercise simulate`: a doctrine trial, N headless exercises with scripted players (the
 * optimal allocation against the IAMSAR baseline), and its statistics. Node: opens the files and,
 * when each run drifts on its own, spreads the runs over worker threads (one contiguous range of
 * runs per thread, each opening the files itself); the results are put back in run order, so any
 * number of threads gives the same output bit for bit.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { InvalidInputError } from '../../core/errors.js';
import { medianInterval, perturbedForcing, wilsonInterval, type MedianInterval, type ProportionInterval } from '../../core/exercise/index.js';
import type { LeewayObjectClass } from '../../core/objects/index.js';
import { openJobCoastline, openJobForcingFiles, runDriftJob, WorkerError } from '../drift_job/index.js';
import type { ForcingSourceSpec } from '../drift_job/job.js';
import { startModuleWorker } from '../drift_job/module_worker.js';
import { callsNeedTruth, playersFlights, playRuns, TRIAL_METHODS, type LoadedExercise, type RunRecord, type TrialMethod } from './doctrine_trial.js';
import type { ExerciseCase } from './exercise_file.js';

/**
 * Exercises one trial may play, at most: 10,000 give a detection rate to about ±1 point (Wilson's
 * 95 % interval) and take hours here (1.5 s of wall a run on two cores, bench/RESULTS.md);
 * `--runs 1e9` ended the process with V8's out-of-memory abort while it laid out the runs.
 */
export const MAX_TRIAL_RUNS = 10_000;

/** Options of simulateExercises. */
export interface SimulateOptions {
  readonly runs: number;
  /** Trial seed; default the truth's seed from the file. */
  readonly seed?: number;
  /** Threads; default every core for runs that drift on their own, else the drift job's default. */
  readonly threads?: number;
  /**
   * Each run drifts the players' forecast with its own seed and plans again (a set of separate
   * exercises, as the benchmark runs them). Default false: the players' inputs are the same in
   * every run, so their drift and plans are made once and only the truth and detections vary.
   * Always per run when a distress call's position is made from each run's truth.
   */
  readonly driftPerRun?: boolean;
  readonly objects: readonly LeewayObjectClass[];
  readonly onProgress?: (fraction: number) => void;
}

/** One method's statistics over the runs. */
export interface MethodSummary {
  readonly method: TrialMethod;
  readonly runs: number;
  /** Detection rate with Wilson's 95 % interval. */
  readonly detection: ProportionInterval;
  /** Median time to detection (s) with its 95 % distribution-free interval; undetected runs count as +∞. */
  readonly timeToDetectionS: MedianInterval;
  /** Mean over runs of the first-phase plan's POS (what the plan promised on the forecast). */
  readonly meanPlannedPos: number;
  /** Mean over runs of 1 − e^−exposure of the truth (the detection probability of the searches actually flown against the truth). */
  readonly meanTruthPod: number;
  /** Runs whose truth lay inside the first plan's 50 % and 90 % containment at its planning time (a check of the forecast, the same map for both methods). */
  readonly inside50: ProportionInterval;
  readonly inside90: ProportionInterval;
  /** Mean effort flown per run: NM² swept (with the planning object's W) and unit hours, every phase. */
  readonly meanSweptNm2: number;
  readonly meanUnitHours: number;
}

/** A doctrine trial's result. */
export interface TrialResult {
  readonly title: string;
  readonly fileName: string;
  readonly runs: number;
  readonly seed: number;
  /** True when the players' drift and plans were made once (their inputs are the same in every run). */
  readonly playersOnce: boolean;
  /** True when a distress call is made from each run's truth (so the players plan per run). */
  readonly callsPerRun: boolean;
  readonly threads: number;
  readonly startS: number;
  readonly methods: readonly MethodSummary[];
  readonly outcomes: readonly RunRecord[];
  readonly forcingLabels: { readonly players: { wind: string; current: string }; readonly truth: { wind: string; current: string } };
  readonly particles: number;
}

/** Play a doctrine trial (see the file header). */
export async function simulateExercises(exercise: ExerciseCase, options: SimulateOptions): Promise<TrialResult> {
  const runs = options.runs;
  if (!(Number.isInteger(runs) && runs >= 1 && runs <= MAX_TRIAL_RUNS)) {
    throw new InvalidInputError('runs', `${runs} is not a whole number of exercises from 1 to ${MAX_TRIAL_RUNS.toLocaleString('en')}`);
  }
  const seed = options.seed ?? exercise.truth.seed;
  // a distress call made from each run's truth gives each run's players another datum: they plan per run
  const callsPerRun = callsNeedTruth(exercise);
  const driftPerRun = (options.driftPerRun ?? false) || callsPerRun;
  const loaded = await openExercise(exercise, options.objects);
  const indices = Array.from({ length: runs }, (_, k) => k);
  let outcomes: RunRecord[];
  let threads: number;
  if (!driftPerRun) {
    // the players' inputs (forecast, units, planning times, injects) are the same in every run:
    // one drift and one set of plans per method serve every run; only the truth and the draws vary
    const drift = await runDriftJob(exercise.plan.drift, { workers: options.threads });
    threads = drift.workers;
    const flights = playersFlights(exercise, drift.result, loaded.shoreline, loaded.forcing);
    let done = 0;
    outcomes = playRuns(exercise, indices, seed, loaded, flights, () => options.onProgress?.(++done / runs));
  } else {
    threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), runs));
    if (threads === 1) {
      let done = 0;
      outcomes = playRuns(exercise, indices, seed, loaded, null, () => options.onProgress?.(++done / runs));
    } else {
      outcomes = await runsInWorkers(exercise, runs, seed, threads, options);
    }
  }
  return {
    title: exercise.title ?? exercise.fileName, fileName: exercise.fileName, runs, seed, playersOnce: !driftPerRun, callsPerRun, threads,
    startS: exercise.phases[0].planningTimeS,
    methods: TRIAL_METHODS.map((method) => summarise(method, outcomes)),
    outcomes,
    forcingLabels: {
      players: { wind: loaded.forcing.wind.label, current: loaded.forcing.current.label },
      truth: truthLabels(loaded, exercise),
    },
    particles: exercise.plan.drift.request.particleCount,
  };
}

function summarise(method: TrialMethod, outcomes: readonly RunRecord[]): MethodSummary {
  const m = outcomes.map((o) => o.methods[method]);
  const n = outcomes.length;
  return {
    method, runs: n,
    detection: wilsonInterval(m.filter((o) => o.detected).length, n),
    timeToDetectionS: medianInterval(m.map((o) => o.timeToDetectionS ?? Infinity)),
    meanPlannedPos: outcomes.reduce((s, o) => s + o.plannedPos[method], 0) / n,
    meanTruthPod: m.reduce((s, o) => s + -Math.expm1(-o.exposure), 0) / n,
    inside50: wilsonInterval(m.filter((o) => o.plans[0].inside50).length, n),
    inside90: wilsonInterval(m.filter((o) => o.plans[0].inside90).length, n),
    meanSweptNm2: outcomes.reduce((s, o) => s + o.effort[method].sweptNm2, 0) / n,
    meanUnitHours: outcomes.reduce((s, o) => s + o.effort[method].unitHours, 0) / n,
  };
}

/** The players' forecast, the truth forcing (the truth's own files, or the forecast, with the perturbation applied per run by the core) and the coastline. */
export async function openExercise(exercise: ExerciseCase, objects: readonly LeewayObjectClass[]): Promise<LoadedExercise> {
  const job = exercise.plan.drift;
  const forcing = await openJobForcingFiles(job);
  const truthForcing = exercise.truth.forcing === null ? forcing
    : await openJobForcingFiles({ ...job, forcing: { wind: exercise.truth.forcing.wind as ForcingSourceSpec[], current: exercise.truth.forcing.current as ForcingSourceSpec[] } });
  const shoreline = await openJobCoastline(job.coastline);
  return { forcing: { wind: forcing.wind, current: forcing.current }, truthForcing: { wind: truthForcing.wind, current: truthForcing.current }, shoreline, objects };
}

/** Runs spread over worker threads, one contiguous range each; results in run order. */
async function runsInWorkers(exercise: ExerciseCase, runs: number, seed: number, threads: number, options: SimulateOptions): Promise<RunRecord[]> {
  let done = 0;
  const workers: Worker[] = [];
  try {
    const parts = await Promise.all(Array.from({ length: threads }, (_, w) => {
      const first = Math.floor((w * runs) / threads), end = Math.floor(((w + 1) * runs) / threads);
      const data = { workerData: { exercise, objects: options.objects, seed, runs: Array.from({ length: end - first }, (_, k) => first + k) } };
      const worker = startModuleWorker(import.meta.url, 'trial_worker', data);
      workers.push(worker);
      return new Promise<RunRecord[]>((resolve, reject) => {
        let settled = false;
        worker.on('message', (m: { type: string; records?: RunRecord[]; code?: string; message?: string }) => {
          if (m.type === 'run') options.onProgress?.(++done / runs);
          else if (m.type === 'done') { settled = true; resolve(m.records!); }
          else if (m.type === 'error') { settled = true; reject(new WorkerError(m.code ?? 'SARB_WORKER', m.message!)); }
        });
        worker.on('error', (error) => { settled = true; reject(error); });
        worker.on('exit', (code) => { if (!settled) reject(new WorkerError('SARB_WORKER', `exercise worker for runs ${first}..${end - 1} stopped with exit code ${code}`)); });
      });
    }));
    return parts.flat();
  } finally {
    for (const w of workers) void w.terminate();
  }
}

/** The truth forcing's labels with the perturbation (PerturbedField labels say "× factor, turned °"). */
function truthLabels(loaded: LoadedExercise, exercise: ExerciseCase): { wind: string; current: string } {
  const f = perturbedForcing(loaded.truthForcing, exercise.truth.perturbation);
  return { wind: f.wind.label, current: f.current.label };
}
