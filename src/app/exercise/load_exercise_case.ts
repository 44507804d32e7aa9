/** Reading an exercise file from disk (Node); the file itself is read by the pure exercise_file.ts. */
import { dirname, resolve } from 'node:path';
import type { LeewayObjectClass } from '../../core/objects/index.js';
import { readTextFile } from '../../io/text_file.js';
import { forcingPathsFrom } from '../case_file/load_drift_case.js';
import { exerciseCaseFromFile, parseExerciseFile, type ExerciseCase } from './exercise_file.js';

/** Read an exercise file from disk; relative forcing paths are taken from the file's folder. */
export function loadExerciseCase(path: string, objects: readonly LeewayObjectClass[]): ExerciseCase {
  const text = readTextFile(path, 'the exercise file');
  return exerciseCaseFromFile(parseExerciseFile(text, path), objects, forcingPathsFrom(dirname(resolve(path))), path);
}
