import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataFileError } from '../core/errors.js';

/**
 * The repository root: the nearest folder above this module holding package.json (modules sit
 * under src/ for vitest and tsx, and under dist/ after `tsc`).
 */
export function findRepoRoot(startUrl: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(startUrl));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new DataFileError(fileURLToPath(startUrl), 'no package.json found above this module');
    dir = up;
  }
}

/** Absolute path of a file shipped with the project, e.g. `projectPath('data/leeway/OBJECTPROP.DAT')`. */
export function projectPath(relative: string): string {
  return join(findRepoRoot(), relative);
}
