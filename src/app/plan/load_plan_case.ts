/** Reading a plan file from disk (Node); the plan itself is read by the pure plan_file.ts. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DataFileError } from '../../core/errors.js';
import type { LeewayObjectClass } from '../../core/objects/index.js';
import { forcingPathsFrom } from '../case_file/load_drift_case.js';
import { parsePlanFile, planCaseFromFile, type PlanCase } from './plan_file.js';
import { parsePreviousPlan, type PreviousArea } from './previous_plan.js';

/** Read a plan file from disk; relative forcing and track paths are taken from the file's folder. */
export function loadPlanCase(path: string, objects: readonly LeewayObjectClass[]): PlanCase {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DataFileError(path, `cannot read the plan file (${(error as Error).message})`);
  }
  const folder = dirname(resolve(path));
  const readTrack = (trackPath: string): { text: string; fileName: string } => {
    const full = resolve(folder, trackPath);
    try {
      return { text: readFileSync(full, 'utf8'), fileName: trackPath };
    } catch (error) {
      throw new DataFileError(trackPath, `cannot read the track file named in ${path} (${(error as Error).message})`);
    }
  };
  return planCaseFromFile(parsePlanFile(text, path), objects, forcingPathsFrom(folder), path, readTrack);
}

/** Read a previous plan's JSON summary or plan.geojson from disk (previous_plan.ts), for a re-plan. */
export function loadPreviousPlan(path: string): PreviousArea[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DataFileError(path, `cannot read the previous plan (${(error as Error).message})`);
  }
  return parsePreviousPlan(text, path);
}
