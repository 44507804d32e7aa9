import { Coastline } from '../../core/coastline/index.js';
import type { DriftForcing } from '../../core/drift/index.js';
import { ConstantField, FallbackChain, type ForcingQuantity, type VectorField } from '../../core/environment/index.js';
import { VariableNotCoveredError } from '../../core/errors.js';
import { loadBundledCoastline, loadGshhgCoastline } from '../../io/coastline/index.js';
import { openForcingFile, type ForcingFile } from '../../io/netcdf/index.js';
import type { CoastlineSpec, DriftJob } from './job.js';

/** The opened forcing of a job, with what was read from each file (for the summary). */
export interface OpenedForcing extends DriftForcing {
  readonly files: readonly ForcingFile[];
}

/**
 * Open the job's forcing: each file once (a file may give both wind and current), each quantity a
 * fallback chain in the order given. A quantity with no source at all is an error that says how
 * to give one.
 */
export async function openJobForcing(job: DriftJob): Promise<OpenedForcing> {
  const files = new Map<string, ForcingFile>();
  const chain = async (quantity: ForcingQuantity): Promise<VectorField> => {
    const sources: VectorField[] = [];
    for (const spec of job.forcing[quantity]) {
      if (spec.kind === 'constant') {
        sources.push(new ConstantField(quantity, spec.eastMps, spec.northMps, spec.label));
        continue;
      }
      let file = files.get(spec.path);
      if (!file) {
        file = await openForcingFile(spec.path);
        files.set(spec.path, file);
      }
      const field = file.fields[quantity];
      if (!field && spec.optional) continue;
      if (!field) {
        throw new VariableNotCoveredError(`${spec.path}: was given as a ${quantity} source but holds no ${quantity} variables (${file.description.join('; ')})`);
      }
      sources.push(field);
    }
    if (sources.length === 0) {
      throw new VariableNotCoveredError(`no ${quantity} source: give a file (--${quantity} FILE) or a constant (--${quantity}-constant)`);
    }
    return sources.length === 1 ? sources[0] : new FallbackChain(sources);
  };
  return { wind: await chain('wind'), current: await chain('current'), files: [...files.values()] };
}

/** Load the job's coastline, or null for none. */
export async function openJobCoastline(spec: CoastlineSpec): Promise<Coastline | null> {
  switch (spec.kind) {
    case 'none': return null;
    case 'bundled': return loadBundledCoastline();
    case 'gshhg': return loadGshhgCoastline(spec.bounds, spec.path);
  }
}
