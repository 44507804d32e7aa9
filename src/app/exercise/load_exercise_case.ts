/** Reading an exercise file from disk (Node); the file itself is read by the pure exercise_file.ts. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DataFileError } from '../../core/errors.js';
import type { LeewayObjectClass } from '../../core/objects/index.js';
import { forcingPathsFrom } from '../case_file/load_drift_case.js';
import { exerciseCaseFromFile, parseExerciseFile, type ExerciseCase } from './exercise_file.js';

/** Read an exercise file from disk; relative forcing paths are taken from the file's folder. */
export function loadExerciseCase(path: string, objects: readonly LeewayObjectClass[]): ExerciseCase {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DataFileError(path, `cannot read the exercise file (${(error as Error).message})`);
  }
  return exerciseCaseFromFile(parseExerciseFile(text, path), objects, forcingPathsFrom(dirname(resolve(path))), path);
}
