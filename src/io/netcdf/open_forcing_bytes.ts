import { DataFileError } from '../../core/errors.js';
import type { Dataset } from './dataset.js';
import { buildForcingFile, loadForcingFileNeeds, type ForcingFile, type ForcingFileOptions } from './forcing_file.js';
import { checkHdf5Length, openHdf5 } from './hdf5_dataset.js';
import { openHdf5Direct } from './hdf5_direct.js';
import { openNetcdf3 } from './netcdf3_dataset.js';

/** Which NetCDF flavour the first bytes announce, or null. */
export function sniffNetcdf(head: Uint8Array): 'netcdf3' | 'hdf5' | null {
  if (head.length >= 4 && head[0] === 0x43 && head[1] === 0x44 && head[2] === 0x46 && (head[3] === 1 || head[3] === 2)) return 'netcdf3';
  const sig = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];
  if (head.length >= 8 && sig.every((b, k) => head[k] === b)) return 'hdf5';
  return null;
}

/** Throw the "not NetCDF" error, naming what the bytes look like. */
export function notNetcdf(name: string, head: Uint8Array): never {
  if (head.length === 0) throw new DataFileError(name, 'is empty, not a NetCDF file');
  if (head.length >= 4 && head[0] === 0x43 && head[1] === 0x44 && head[2] === 0x46 && head[3] === 5) {
    throw new DataFileError(name, 'is NetCDF3 64-bit data (CDF-5), which is not supported; convert it with `nccopy -k nc4` or `-k classic`');
  }
  const text = Array.from(head.subarray(0, 16)).every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127));
  throw new DataFileError(name, `is not a NetCDF file (${text ? 'it looks like text' : 'unknown signature'}; expected NetCDF3 "CDF" or NetCDF4/HDF5)`);
}

let memfsCounter = 0;

/** Options of `openForcingBytes`: those of the reader, and a separate grid file's bytes. */
export interface ForcingBytesOptions extends ForcingFileOptions {
  readonly grid?: { readonly name: string; readonly bytes: Uint8Array };
}

/**
 * Open forcing from bytes already in memory (a browser's File, a fetch): NetCDF3 through
 * netcdfjs, NetCDF4 through h5wasm's in-memory file system. `name` is used in messages.
 */
export async function openForcingBytes(name: string, bytes: Uint8Array, options: ForcingBytesOptions = {}): Promise<ForcingFile> {
  const main = await openDatasetBytes(name, bytes);
  let grid: { dataset: Dataset; cleanup: () => void } | undefined;
  try {
    if (options.grid) grid = await openDatasetBytes(options.grid.name, options.grid.bytes);
    await loadForcingFileNeeds(main.dataset, grid?.dataset);
    return buildForcingFile(name, main.dataset, options, grid && { path: options.grid!.name, dataset: grid.dataset });
  } finally {
    main.dataset.close();
    main.cleanup();
    if (grid) { grid.dataset.close(); grid.cleanup(); }
  }
}

/**
 * The bytes as a Dataset without h5wasm (NetCDF3, or NetCDF4 in the subset hdf5_direct.ts reads),
 * or null when they need h5wasm; a DataFileError naming `name` when they are not NetCDF.
 */
export function openDatasetDirect(name: string, bytes: Uint8Array): Dataset | null {
  const kind = sniffNetcdf(bytes);
  if (kind === null) notNetcdf(name, bytes);
  return kind === 'netcdf3' ? openNetcdf3(name, bytes) : openHdf5Direct(bytes);
}

async function openDatasetBytes(name: string, bytes: Uint8Array): Promise<{ dataset: Dataset; cleanup: () => void }> {
  const direct = openDatasetDirect(name, bytes);
  if (direct !== null) return { dataset: direct, cleanup: () => { /* nothing */ } };
  checkHdf5Length(name, bytes.subarray(0, 64), bytes.length);
  const h5 = (await import('h5wasm')).default;
  const { FS } = await h5.ready;
  const memPath = `/sarbridge-forcing-${++memfsCounter}.nc`;
  FS.writeFile(memPath, bytes);
  const cleanup = (): void => { try { FS.unlink(memPath); } catch { /* already gone */ } };
  try {
    return { dataset: openHdf5(name, h5, memPath), cleanup };
  } catch (e) {
    cleanup();
    throw e;
  }
}
