import { readFileSync } from 'node:fs';
import { DataFileError } from '../../core/errors.js';
import { parseLeewayTable, type LeewayObjectClass } from '../../core/objects/index.js';
import { projectPath } from '../project_files.js';

/** The Leeway object table shipped with the project (see data/leeway/PROVENANCE.md). */
export const LEEWAY_TABLE_FILE = 'data/leeway/OBJECTPROP.DAT';

let cached: LeewayObjectClass[] | undefined;

/** Read and parse a Leeway table file; the shipped one by default (parsed once per process). */
export function loadLeewayTable(path?: string): LeewayObjectClass[] {
  if (path === undefined && cached) return cached;
  const file = path ?? projectPath(LEEWAY_TABLE_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'latin1');
  } catch (error) {
    throw new DataFileError(file, `cannot read the Leeway object table (${(error as Error).message})`);
  }
  const table = parseLeewayTable(text, file);
  if (path === undefined) cached = table;
  return table;
}
