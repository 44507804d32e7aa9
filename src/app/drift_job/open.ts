/** A job's forcing and coastline read from disk (Node): the pure builders with the file readers. */
import type { Coastline } from '../../core/coastline/index.js';
import { loadBundledCoastline } from '../../io/coastline/bundled_coastline.js';
import { openForcingFile, releaseForcingReader } from '../../io/netcdf/index.js';
import { coastlineForSpec } from './job_coastline.js';
import { openJobForcing, type ForcingOpener, type OpenedForcing } from './forcing_chain.js';
import type { CoastlineSpec, DriftJob } from './job.js';

/** Open the job's forcing files from disk, or with the opener given (see `openJobForcing`). */
export async function openJobForcingFiles(job: DriftJob, opener?: ForcingOpener): Promise<OpenedForcing> {
  try {
    return await openJobForcing(job, opener ?? ((path, o = {}) => openForcingFile(path, { gridPath: o.grid, standardNames: o.variables, timeOriginS: o.timeOriginS })));
  } finally {
    releaseForcingReader();   // the job's files are all open: the NetCDF4 reader thread's memory is not needed while it drifts
  }
}

/** Load the job's coastline from disk, or null for none. */
export function openJobCoastline(spec: CoastlineSpec): Promise<Coastline | null> {
  // the GSHHG reader needs h5wasm (a 5 MB module): loaded only for a GSHHG coastline
  return coastlineForSpec(spec, {
    bundled: loadBundledCoastline,
    gshhg: async (bounds, path) => (await import('../../io/coastline/gshhg_reader.js')).loadGshhgCoastline(bounds, path),
  });
}
