/** Reading a plan file from disk (Node); the plan itself is read by the pure plan_file.ts. */
import { dirname, resolve } from 'node:path';
import type { LeewayObjectClass } from '../../core/objects/index.js';
import { readTextFile } from '../../io/text_file.js';
import { forcingPathsFrom } from '../case_file/load_drift_case.js';
import { parsePlanFile, planCaseFromFile, type PlanCase } from './plan_file.js';
import { parsePreviousPlan, type PreviousArea } from './previous_plan.js';

/** Read a plan file from disk; relative forcing and track paths are taken from the file's folder. */
export function loadPlanCase(path: string, objects: readonly LeewayObjectClass[]): PlanCase {
  const text = readTextFile(path, 'the plan file');
  const folder = dirname(resolve(path));
  const readTrack = (trackPath: string): { text: string; fileName: string } =>
    ({ text: readTextFile(resolve(folder, trackPath), `the track file named in ${path}`, { shownAs: trackPath }), fileName: trackPath });
  return planCaseFromFile(parsePlanFile(text, path), objects, forcingPathsFrom(folder), path, readTrack);
}

/** Read a previous plan's JSON summary or plan.geojson from disk (previous_plan.ts), for a re-plan. */
export function loadPreviousPlan(path: string): PreviousArea[] {
  return parsePreviousPlan(readTextFile(path, 'the previous plan'), path);
}
