import { DataFileError, ForcingFileError } from '../../core/errors.js';
import type { Dataset, DatasetVariable } from './dataset.js';

/** A forcing dataset seen together with the separate grid file it came with, and what that added. */
export interface WithGrid {
  readonly dataset: Dataset;
  /** Lines for the description: which file the grid came from, which variables it gave. */
  readonly lines: string[];
}

function baseName(path: string): string {
  return path.replace(/^.*[\\/]/, '');
}

/**
 * One view of a forcing file and its grid file (ROMS and CROCO write lon_rho, lat_rho, angle and
 * mask_rho to a grid file that the history file often leaves out). The grid file's variables are
 * used where both files hold a variable of that name (the user named the grid on purpose); the
 * forcing file gives everything else and its global attributes. A dimension both files have must
 * have one size, or the grid is another model's.
 */
export function withGridFile(path: string, dataset: Dataset, gridPath: string, grid: Dataset): WithGrid {
  const gridName = baseName(gridPath);
  for (const [dim, size] of grid.dimensions) {
    const here = dataset.dimensions.get(dim);
    if (here !== undefined && here !== size) {
      throw new ForcingFileError(path, '', `dimension '${dim}' is ${here} here but ${size} in the grid file ${gridName}: the grid belongs to another model setup`);
    }
  }
  const variables = new Map<string, DatasetVariable>(dataset.variables);
  const given: string[] = [];
  for (const [name, v] of grid.variables) {
    if (v.shape.length === 0) continue;   // scalars of the grid file (xl, el, spherical) are no help here
    variables.set(name, v);
    given.push(name);
  }
  if (given.length === 0) throw new DataFileError(gridPath, 'was given as a grid file but holds no variables');
  const dimensions = new Map<string, number>(grid.dimensions);
  for (const [dim, size] of dataset.dimensions) dimensions.set(dim, size);
  const shown = given.length > 8 ? `${given.slice(0, 8).join(', ')} and ${given.length - 8} more` : given.join(', ');
  return {
    dataset: { format: dataset.format, dimensions, variables, globalAttributes: dataset.globalAttributes, close: () => { dataset.close(); grid.close(); } },
    lines: [`grid file: ${gridName} (${shown})`],
  };
}
