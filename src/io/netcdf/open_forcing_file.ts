import { open, readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DataFileError } from '../../core/errors.js';
import type { Dataset } from './dataset.js';
import { buildForcingFile, type ForcingFile, type ForcingFileOptions } from './forcing_file.js';
import { checkHdf5Length, openHdf5 } from './hdf5_dataset.js';
import { openNetcdf3 } from './netcdf3_dataset.js';
import { notNetcdf, sniffNetcdf } from './open_forcing_bytes.js';

/** Options of `openForcingFile`: those of the reader, and a separate grid file on disk. */
export interface ForcingFileOnDiskOptions extends ForcingFileOptions {
  /** A grid file holding what the forcing file leaves out (ROMS/CROCO lon_rho, lat_rho, angle, mask_rho). */
  readonly gridPath?: string;
}

/**
 * Open a NetCDF forcing file (NetCDF3 classic / 64-bit offset with netcdfjs, NetCDF4 with
 * h5wasm reading the host file system) and build its wind and current fields, rotated to
 * east/north; with `gridPath`, its grid comes from that file. Errors are DataFileError /
 * ForcingFileError naming the file and the problem.
 *
 * @example const forcing = await openForcingFile('data/forcing/uniform/wind_uniform_u10_v0.nc');
 * @example const roms = await openForcingFile('roms_his.nc', { gridPath: 'roms_grd.nc' });
 */
export async function openForcingFile(path: string, options: ForcingFileOnDiskOptions = {}): Promise<ForcingFile> {
  const dataset = await openDatasetFile(path);
  let grid: Dataset | undefined;
  try {
    if (options.gridPath !== undefined) grid = await openDatasetFile(options.gridPath);
    return buildForcingFile(path, dataset, options, grid && { path: options.gridPath!, dataset: grid });
  } finally {
    dataset.close();
    grid?.close();
  }
}

/** Open a NetCDF file on disk as a Dataset (the caller closes it). */
export async function openDatasetFile(path: string): Promise<Dataset> {
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
  const first = head.subarray(0, got);
  const kind = sniffNetcdf(first);
  if (kind === null) notNetcdf(path, first);
  if (kind === 'netcdf3') return openNetcdf3(path, new Uint8Array(await readFile(path)));
  checkHdf5Length(path, first, size);
  const h5 = (await import('h5wasm/node')).default;
  await h5.ready;
  return openHdf5(path, h5, resolve(path));
}
