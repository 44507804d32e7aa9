/**
 * A job's coastline from its `CoastlineSpec`, with the loading given by the caller: the CLI and the
 * server read the files from disk (open.ts), the browser builds the bundled subset from the file's
 * text. Pure (no node:* imports, checked by src/app/browser_safe.test.ts).
 */
import { coastlineFromBins, parseBinnedShoreline, type Coastline } from '../../core/coastline/index.js';
import type { BoundsDeg } from '../../core/environment/index.js';
import { InvalidInputError } from '../../core/errors.js';
import type { CoastlineSpec } from './job.js';

/** Where a job's coastline comes from. */
export interface CoastlineSources {
  /** The project's bundled subset (data/coastline/gshhg_f_127E-135E_33N-41N.json). */
  readonly bundled: () => Coastline | Promise<Coastline>;
  /** GSHHG full resolution cut to a box; absent where that file cannot be read (a browser). */
  readonly gshhg?: (bounds: BoundsDeg, path?: string) => Promise<Coastline>;
}

/** The job's coastline, or null for none. */
export async function coastlineForSpec(spec: CoastlineSpec, sources: CoastlineSources): Promise<Coastline | null> {
  switch (spec.kind) {
    case 'none': return null;
    case 'bundled': return sources.bundled();
    case 'gshhg':
      if (!sources.gshhg) {
        throw new InvalidInputError('coastline', "'gshhg' needs GSHHG's full-resolution file, which cannot be read here; use 'bundled' or 'none'");
      }
      return sources.gshhg(spec.bounds, spec.path);
  }
}

let lastBundled: { readonly text: string; readonly coastline: Coastline } | undefined;

/**
 * The bundled coastline built from its file's text (a browser imports the file as text). Built
 * once for the same text: a Coastline is immutable and takes a few hundred milliseconds to index.
 */
export function bundledCoastlineFromText(text: string, fileName = 'gshhg_f_127E-135E_33N-41N.json'): Coastline {
  if (lastBundled?.text !== text) lastBundled = { text, coastline: coastlineFromBins(parseBinnedShoreline(text, fileName)) };
  return lastBundled.coastline;
}
