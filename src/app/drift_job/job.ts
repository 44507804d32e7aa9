import type { BoundsDeg, ForcingQuantity } from '../../core/environment/index.js';
import type { DriftRequest } from '../../core/drift/index.js';

/** One source of a forcing quantity, as a user names it: a file, or a constant vector. */
export type ForcingSourceSpec =
  /** `optional`: a file given for whatever it holds (`--forcing`), skipped for a quantity it lacks */
  | { readonly kind: 'file'; readonly path: string; readonly optional?: boolean }
  | { readonly kind: 'constant'; readonly eastMps: number; readonly northMps: number; readonly label?: string };

/** The coastline a run strands particles on. */
export type CoastlineSpec =
  | { readonly kind: 'none' }
  /** the project's bundled GSHHG subset of the demo area */
  | { readonly kind: 'bundled' }
  /** GSHHG full resolution from Debian's gmt-gshhg-full, cut to `bounds` */
  | { readonly kind: 'gshhg'; readonly bounds: BoundsDeg; readonly path?: string };

/**
 * Everything needed to run a drift, as plain data: it crosses into worker threads (which open the
 * files themselves) and can be written down to re-run a case exactly.
 */
export interface DriftJob {
  /** What the case is, in a line (from the case file). */
  readonly title?: string;
  readonly request: DriftRequest;
  /** Sources per quantity, in priority order (the first that covers a particle gives its value). */
  readonly forcing: Readonly<Record<ForcingQuantity, readonly ForcingSourceSpec[]>>;
  readonly coastline: CoastlineSpec;
}
