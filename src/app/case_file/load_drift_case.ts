/** Reading a case file from disk (Node); the case itself is read by the pure drift_case.ts. */
import { dirname, isAbsolute, resolve } from 'node:path';
import type { LeewayObjectClass } from '../../core/objects/index.js';
import { readTextFile } from '../../io/text_file.js';
import type { DriftJob } from '../drift_job/job.js';
import { driftJobFromCase, parseDriftCase, type ResolveForcingPath } from './drift_case.js';

/** Forcing paths as the Node loaders take them: absolute ones as given, relative ones from `baseDir`. */
export function forcingPathsFrom(baseDir: string): ResolveForcingPath {
  return (path) => (isAbsolute(path) ? path : resolve(baseDir, path));
}

/** Read a case file from disk; relative forcing paths are taken from the file's folder. */
export function loadDriftCase(path: string, objects: readonly LeewayObjectClass[]): DriftJob {
  const text = readTextFile(path, 'the case file');
  return driftJobFromCase(parseDriftCase(text, path), objects, forcingPathsFrom(dirname(resolve(path))), path);
}
