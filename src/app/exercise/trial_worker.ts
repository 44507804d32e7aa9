// Worker-thread entry of a doctrine trial whose runs drift on their own: opens the exercise's files,
// plays its range of runs and sends the records back (plain data).
import { parentPort, workerData } from 'node:worker_threads';
import type { LeewayObjectClass } from '../../core/objects/index.js';
import { playRuns } from './doctrine_trial.js';
import type { ExerciseCase } from './exercise_file.js';
import { openExercise } from './simulate.js';

interface TrialWorkerInput {
  readonly exercise: ExerciseCase;
  readonly objects: readonly LeewayObjectClass[];
  readonly seed: number;
  readonly runs: readonly number[];
}

const { exercise, objects, seed, runs } = workerData as TrialWorkerInput;
const port = parentPort!;

try {
  const loaded = await openExercise(exercise, objects);
  const records = playRuns(exercise, runs, seed, loaded, null, () => port.postMessage({ type: 'run' }));
  port.postMessage({ type: 'done', records });
} catch (error) {
  const e = error as Error & { code?: string };
  port.postMessage({ type: 'error', code: e.code, message: e.message ?? String(error) });
}
