import type { BoundsDeg, ForcingQuantity } from '../../core/environment/index.js';
import type { DriftRequest } from '../../core/drift/index.js';

/** One source of a forcing quantity, as a user names it: a file, or a constant vector. */
export type ForcingSourceSpec =
  /** `optional`: a file given for whatever it holds (`--forcing`), skipped for a quantity it lacks */
  | ForcingFileSpec
  | { readonly kind: 'constant'; readonly eastMps: number; readonly northMps: number; readonly label?: string };

/** A forcing file as a user names it, with what the file itself may not say. */
export interface ForcingFileSpec {
  readonly kind: 'file';
  readonly path: string;
  readonly optional?: boolean;
  /** A separate grid file (ROMS/CROCO history files often leave lon_rho, lat_rho, angle, mask_rho out). */
  readonly grid?: string;
  /** CF standard name → variable name, for variables without (or with a wrong) standard_name. */
  readonly variables?: Readonly<Record<string, string>>;
  /** The model's time origin (s since 1970-01-01 UTC) for time units without an epoch (ROMS/CROCO "second"). */
  readonly timeOriginS?: number;
}

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
