/**
 * A job's forcing as fallback chains, with the file opener given by the caller: the CLI and the
 * server pass `openForcingFile` (a path on disk), the browser `openForcingBytes` over the bytes it
 * holds by name. Pure (no node:* imports, checked by src/app/browser_safe.test.ts).
 */
import type { DriftForcing } from '../../core/drift/index.js';
import { ConstantField, FallbackChain, type ForcingQuantity, type VectorField } from '../../core/environment/index.js';
import { VariableNotCoveredError } from '../../core/errors.js';
import type { ForcingFile } from '../../io/netcdf/forcing_file.js';
import type { DriftJob } from './job.js';

/** Opens the forcing file a `ForcingSourceSpec` names (its `path`: a path on disk, or a file's name). */
export type ForcingOpener = (path: string) => Promise<ForcingFile>;

/** The opened forcing of a job, with what was read from each file (for the summary). */
export interface OpenedForcing extends DriftForcing {
  readonly files: readonly ForcingFile[];
}

/**
 * Open the job's forcing: each file once (a file may give both wind and current), each quantity a
 * fallback chain in the order given. A quantity with no source at all is an error that says how
 * to give one.
 */
export async function openJobForcing(job: DriftJob, open: ForcingOpener): Promise<OpenedForcing> {
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
        file = await open(spec.path);
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
