import { readFileSync } from 'node:fs';
import {
  coastlineFromBins, parseBinnedShoreline, type BinnedShoreline, type Coastline,
} from '../../core/coastline/index.js';
import { DataFileError } from '../../core/errors.js';
import { projectPath } from '../project_files.js';

/** The bundled coastline subset, relative to the repository root (GSHHG f 2.3.7, 127-135E 33-41N). */
export const BUNDLED_COASTLINE_FILE = 'data/coastline/gshhg_f_127E-135E_33N-41N.json';

/** Absolute path of the bundled coastline subset. */
export function bundledCoastlinePath(): string {
  return projectPath(BUNDLED_COASTLINE_FILE);
}

/** Read the bundled subset's bins (throws DataFileError when the file is missing or malformed). */
export function readBundledShoreline(path: string = bundledCoastlinePath()): BinnedShoreline {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new DataFileError(path, `cannot read the bundled coastline (${(err as Error).message}); run \`npx tsx scripts/extract_coastline.ts\``);
  }
  return parseBinnedShoreline(text, path);
}

let cached: Coastline | undefined;

/**
 * The project's bundled coastline: GSHHG full resolution 2.3.7 for 127-135E 33-41N (Korea's east
 * coast, Ulleungdo, the Liancourt Rocks, Honshu and the Oki Islands). Built once per process and
 * shared (a Coastline is immutable).
 */
export function loadBundledCoastline(): Coastline {
  cached ??= coastlineFromBins(readBundledShoreline());
  return cached;
}
