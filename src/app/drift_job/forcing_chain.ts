/**
 * A job's forcing as fallback chains, with the file opener given by the caller: the CLI and the
 * server pass `openForcingFile` (a path on disk), the browser `openForcingBytes` over the bytes it
 * holds by name. Pure (no node:* imports, checked by src/app/browser_safe.test.ts).
 */
import type { DriftForcing } from '../../core/drift/index.js';
import { ConstantField, FallbackChain, type ForcingQuantity, type VectorField } from '../../core/environment/index.js';
import { VariableNotCoveredError } from '../../core/errors.js';
import type { ForcingFile } from '../../io/netcdf/forcing_file.js';
import type { DriftJob, ForcingFileSpec } from './job.js';

/** What a forcing file is opened with besides its name: its grid file, variable mapping, time origin. */
export type ForcingOpenOptions = Pick<ForcingFileSpec, 'grid' | 'variables' | 'timeOriginS'>;

/**
 * Opens the forcing file a `ForcingSourceSpec` names (its `path`: a path on disk, or a file's
 * name), with its grid file (named the same way), variable mapping and time origin.
 */
export type ForcingOpener = (path: string, options?: ForcingOpenOptions) => Promise<ForcingFile>;

/** The key a file is opened once under: the same file with other options is another reading. */
function openKey(spec: ForcingFileSpec): string {
  return JSON.stringify([spec.path, spec.grid ?? null, spec.variables ?? null, spec.timeOriginS ?? null]);
}

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
  // every file at once: a NetCDF4 file is read in its own thread on Node, so the files overlap
  const opening = new Map<string, Promise<ForcingFile>>();
  for (const spec of [...job.forcing.wind, ...job.forcing.current]) {
    if (spec.kind === 'file' && !opening.has(openKey(spec))) {
      opening.set(openKey(spec), open(spec.path, { grid: spec.grid, variables: spec.variables, timeOriginS: spec.timeOriginS }));
    }
  }
  const settled = await Promise.allSettled(opening.values());
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;   // the first file in the job's order that failed
  const files = new Map([...opening.keys()].map((key, k) => [key, (settled[k] as PromiseFulfilledResult<ForcingFile>).value]));
  const chain = async (quantity: ForcingQuantity): Promise<VectorField> => {
    const sources: VectorField[] = [];
    for (const spec of job.forcing[quantity]) {
      if (spec.kind === 'constant') {
        sources.push(new ConstantField(quantity, spec.eastMps, spec.northMps, spec.label));
        continue;
      }
      const file = files.get(openKey(spec))!;
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
