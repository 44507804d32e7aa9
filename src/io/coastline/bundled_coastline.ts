import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  coastlineFromBins, parseBinnedShoreline, type BinnedShoreline, type Coastline,
} from '../../core/coastline/index.js';
import { DataFileError } from '../../core/errors.js';
import { projectPath } from '../project_files.js';
import { decodeCoastlineIndex } from './coastline_index_file.js';

/** The bundled coastline subset, relative to the repository root (GSHHG f 2.3.7, 127-135E 33-41N). */
export const BUNDLED_COASTLINE_FILE = 'data/coastline/gshhg_f_127E-135E_33N-41N.json';
/** Its prebuilt index (scripts/build_coastline_index.ts; see coastline_index_file.ts). */
export const BUNDLED_COASTLINE_INDEX_FILE = 'data/coastline/gshhg_f_127E-135E_33N-41N.index.gz';

/** Absolute path of the bundled coastline subset. */
export function bundledCoastlinePath(): string {
  return projectPath(BUNDLED_COASTLINE_FILE);
}

/** The bundled subset's bytes (throws DataFileError when the file is missing). */
function readBundledBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new DataFileError(path, `cannot read the bundled coastline (${(err as Error).message}); run \`npx tsx scripts/extract_coastline.ts\``);
  }
}

/** Read the bundled subset's bins (throws DataFileError when the file is missing or malformed). */
export function readBundledShoreline(path: string = bundledCoastlinePath()): BinnedShoreline {
  return parseBinnedShoreline(readBundledBytes(path).toString('utf8'), path);
}

/** SHA-256 of a file's bytes, hex: what a prebuilt index names its source by. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

let cached: Coastline | undefined;

/**
 * The project's bundled coastline: GSHHG full resolution 2.3.7 for 127-135E 33-41N (Korea's east
 * coast, Ulleungdo, the Liancourt Rocks, Honshu and the Oki Islands). Loaded once per process and
 * shared (a Coastline is immutable): from the prebuilt index when it was built from this very
 * file (its SHA-256), else built from the file's bins (the same index, about 0.3 s slower).
 */
export function loadBundledCoastline(): Coastline {
  if (cached) return cached;
  const path = bundledCoastlinePath();
  const bytes = readBundledBytes(path);
  let index: Uint8Array | null = null;
  try { index = readFileSync(projectPath(BUNDLED_COASTLINE_INDEX_FILE)); } catch { /* no index: build it below */ }
  cached = (index && decodeCoastlineIndex(index, sha256Hex(bytes))) ?? coastlineFromBins(parseBinnedShoreline(bytes.toString('utf8'), path));
  return cached;
}
