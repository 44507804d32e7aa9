import { open, readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DataFileError, ForcingFileError, SarbridgeError } from '../../core/errors.js';
import type { Dataset } from './dataset.js';
import { buildForcingFile, loadForcingFileNeeds, type ForcingFile, type ForcingFileOptions } from './forcing_file.js';
import { openBytesInWorker, openInWorker } from './forcing_worker_pool.js';
import { checkHdf5Length, openHdf5 } from './hdf5_dataset.js';
import { openHdf5Direct } from './hdf5_direct.js';
import { openNetcdf3 } from './netcdf3_dataset.js';
import { notNetcdf, openDatasetDirect, sniffNetcdf } from './open_forcing_bytes.js';

/** Options of `openForcingFile`: those of the reader, and a separate grid file on disk. */
export interface ForcingFileOnDiskOptions extends ForcingFileOptions {
  /** A grid file holding what the forcing file leaves out (ROMS/CROCO lon_rho, lat_rho, angle, mask_rho). */
  readonly gridPath?: string;
  /**
   * How long an HDF5 file may take to open and read, ms, before its worker thread is killed and a
   * ForcingFileError names it. Default: 30 s plus 1 s per 5 MB of the files (h5wasm reads a
   * healthy file at well over 50 MB/s, so only a stuck one reaches it).
   */
  readonly deadlineMs?: number;
}

/** How long the reader thread may take over `bytes` of NetCDF4 for h5wasm, ms: 30 s and 1 s per 5 MB. */
const readerDeadlineMs = (bytes: number): number => 30_000 + bytes / 5000;

/**
 * Open a NetCDF forcing file (NetCDF3 classic / 64-bit offset: the header with netcdfjs, the
 * values from the bytes; NetCDF4 with h5wasm reading the host file system) and build its wind and current fields, rotated to
 * east/north; with `gridPath`, its grid comes from that file. Errors are DataFileError /
 * ForcingFileError naming the file and the problem.
 *
 * @example const forcing = await openForcingFile('data/forcing/uniform/wind_uniform_u10_v0.nc');
 * @example const roms = await openForcingFile('roms_his.nc', { gridPath: 'roms_grd.nc' });
 */
export async function openForcingFile(path: string, options: ForcingFileOnDiskOptions = {}): Promise<ForcingFile> {
  try {
    const files = [await sniffFile(path), ...(options.gridPath === undefined ? [] : [await sniffFile(options.gridPath)])];
    if (files.some((f) => f.kind === 'hdf5')) {
      // most NetCDF4 forcing is read from its bytes here (hdf5_direct.ts); the rest in h5wasm's thread
      const direct = await openAllDirect([path, ...(options.gridPath === undefined ? [] : [options.gridPath])]);
      if (direct !== null) {
        const [dataset, grid] = direct;
        await loadForcingFileNeeds(dataset, grid);
        return buildForcingFile(path, dataset, options, grid && { path: options.gridPath!, dataset: grid });
      }
      const deadlineMs = options.deadlineMs ?? readerDeadlineMs(files.reduce((a, f) => a + f.size, 0));
      return await openInWorker(path, options, deadlineMs);
    }
    return await openForcingFileHere(path, options);
  } catch (error) {
    throw asForcingFileError(path, error);
  }
}

/**
 * Open forcing whose bytes are in memory on a server (an upload): NetCDF3, and NetCDF4 that
 * hdf5_direct.ts reads, here as `openForcingBytes` does; any other NetCDF4 in the reader thread
 * with a deadline (h5wasm can loop for ever on a corrupt file, which would hold the server's
 * request thread), so every failure, a hang included, is a DataFileError or ForcingFileError
 * naming `name`. The browser, which has no worker_threads, calls `openForcingBytes`.
 */
export async function openForcingBytesGuarded(name: string, bytes: Uint8Array, options: ForcingFileOptions & { readonly deadlineMs?: number } = {}): Promise<ForcingFile> {
  const { deadlineMs, ...plain } = options;
  try {
    const dataset = openDatasetDirect(name, bytes);
    if (dataset !== null) {
      try {
        await loadForcingFileNeeds(dataset);
        return buildForcingFile(name, dataset, plain);
      } finally {
        dataset.close();
      }
    }
    return await openBytesInWorker(name, bytes, plain, deadlineMs ?? readerDeadlineMs(bytes.length));
  } catch (error) {
    throw asForcingFileError(name, error);
  }
}

/**
 * Any failure while reading a forcing file as a SarbridgeError naming the file: the reader's own
 * errors as they are, anything else (a library's TypeError or RangeError on a corrupt file) as a
 * ForcingFileError with the library's first line.
 */
export function asForcingFileError(path: string, error: unknown): SarbridgeError {
  if (error instanceof DataFileError) return error;
  // a core check on what the file holds (an axis that does not increase, a grid too small): the file's fault
  if (error instanceof SarbridgeError) return new ForcingFileError(path, '', error.message);
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 300);
  return new ForcingFileError(path, '', `cannot be read (${message || 'unknown failure'}); the file may be corrupt or truncated`);
}

/**
 * Each file as a Dataset without h5wasm (NetCDF3, or NetCDF4 in the subset hdf5_direct.ts reads),
 * or null when one of them needs h5wasm.
 */
async function openAllDirect(paths: readonly string[]): Promise<Dataset[] | null> {
  const out: Dataset[] = [];
  for (const p of paths) {
    const dataset = openDatasetDirect(p, new Uint8Array(await readFile(p)));
    if (dataset === null) return null;
    out.push(dataset);
  }
  return out;
}

/** The size of a file on disk and the NetCDF flavour its first bytes announce (DataFileError when neither). */
async function sniffFile(path: string): Promise<{ kind: 'netcdf3' | 'hdf5'; size: number }> {
  const { first, size } = await readHead(path);
  const kind = sniffNetcdf(first);
  if (kind === null) notNetcdf(path, first);
  return { kind, size };
}

/** `openForcingFile` in this thread, whatever the format (the worker thread's body). */
export async function openForcingFileHere(path: string, options: ForcingFileOnDiskOptions = {}): Promise<ForcingFile> {
  const dataset = await openDatasetFile(path);
  let grid: Dataset | undefined;
  try {
    if (options.gridPath !== undefined) grid = await openDatasetFile(options.gridPath);
    await loadForcingFileNeeds(dataset, grid);
    return buildForcingFile(path, dataset, options, grid && { path: options.gridPath!, dataset: grid });
  } finally {
    dataset.close();
    grid?.close();
  }
}

/** Open a NetCDF file on disk as a Dataset (the caller closes it). */
export async function openDatasetFile(path: string): Promise<Dataset> {
  const { first, size } = await readHead(path);
  const kind = sniffNetcdf(first);
  if (kind === null) notNetcdf(path, first);
  if (kind === 'netcdf3') return openNetcdf3(path, new Uint8Array(await readFile(path)));
  const direct = openHdf5Direct(new Uint8Array(await readFile(path)));
  if (direct !== null) return direct;
  checkHdf5Length(path, first, size);
  const h5 = (await import('h5wasm/node')).default;
  await h5.ready;
  return openHdf5(path, h5, resolve(path));
}

/** The first 64 bytes of a regular file and its size; DataFileError when it cannot be read. */
async function readHead(path: string): Promise<{ first: Uint8Array; size: number }> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new DataFileError(path, 'is not a regular file');
    size = s.size;
  } catch (e) {
    if (e instanceof DataFileError) throw e;
    throw new DataFileError(path, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const head = new Uint8Array(64);
  const handle = await open(path, 'r');
  let got: number;
  try {
    got = (await handle.read(head, 0, 64, 0)).bytesRead;
  } finally {
    await handle.close();
  }
  return { first: head.subarray(0, got), size };
}
