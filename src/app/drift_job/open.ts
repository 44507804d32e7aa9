/** A job's forcing and coastline read from disk (Node): the pure builders with the file readers. */
import type { Coastline } from '../../core/coastline/index.js';
import { loadBundledCoastline, loadGshhgCoastline } from '../../io/coastline/index.js';
import { openForcingFile } from '../../io/netcdf/index.js';
import { coastlineForSpec } from './job_coastline.js';
import { openJobForcing, type OpenedForcing } from './forcing_chain.js';
import type { CoastlineSpec, DriftJob } from './job.js';

/** Open the job's forcing files from disk (see `openJobForcing`). */
export function openJobForcingFiles(job: DriftJob): Promise<OpenedForcing> {
  return openJobForcing(job, (path, o = {}) => openForcingFile(path, { gridPath: o.grid, standardNames: o.variables, timeOriginS: o.timeOriginS }));
}

/** Load the job's coastline from disk, or null for none. */
export function openJobCoastline(spec: CoastlineSpec): Promise<Coastline | null> {
  return coastlineForSpec(spec, { bundled: loadBundledCoastline, gshhg: (bounds, path) => loadGshhgCoastline(bounds, path) });
}
