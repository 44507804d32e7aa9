import { parseLeewayTable, type LeewayObjectClass } from '../../core/objects/index.js';
import { projectPath } from '../project_files.js';
import { readTextFile } from '../text_file.js';

/** The Leeway object table shipped with the project (see data/leeway/PROVENANCE.md). */
export const LEEWAY_TABLE_FILE = 'data/leeway/OBJECTPROP.DAT';

let cached: LeewayObjectClass[] | undefined;

/** Read and parse a Leeway table file; the shipped one by default (parsed once per process). */
export function loadLeewayTable(path?: string): LeewayObjectClass[] {
  if (path === undefined && cached) return cached;
  const file = path ?? projectPath(LEEWAY_TABLE_FILE);
  const text = readTextFile(file, 'the Leeway object table', { encoding: 'latin1' });
  const table = parseLeewayTable(text, file);
  if (path === undefined) cached = table;
  return table;
}
