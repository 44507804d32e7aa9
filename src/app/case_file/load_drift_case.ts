/** Reading a case file from disk (Node); the case itself is read by the pure drift_case.ts. */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { DataFileError } from '../../core/errors.js';
import type { LeewayObjectClass } from '../../core/objects/index.js';
import type { DriftJob } from '../drift_job/job.js';
import { driftJobFromCase, parseDriftCase, type ResolveForcingPath } from './drift_case.js';

/** Forcing paths as the Node loaders take them: absolute ones as given, relative ones from `baseDir`. */
export function forcingPathsFrom(baseDir: string): ResolveForcingPath {
  return (path) => (isAbsolute(path) ? path : resolve(baseDir, path));
}

/** Read a case file from disk; relative forcing paths are taken from the file's folder. */
export function loadDriftCase(path: string, objects: readonly LeewayObjectClass[]): DriftJob {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DataFileError(path, `cannot read the case file (${(error as Error).message})`);
  }
  return driftJobFromCase(parseDriftCase(text, path), objects, forcingPathsFrom(dirname(resolve(path))), path);
}
