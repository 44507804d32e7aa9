import { open, readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DataFileError } from '../../core/errors.js';
import type { Dataset } from './dataset.js';
import { buildForcingFile, type ForcingFile, type ForcingFileOptions } from './forcing_file.js';
import { checkHdf5Length, openHdf5 } from './hdf5_dataset.js';
import { openNetcdf3 } from './netcdf3_dataset.js';
import { notNetcdf, sniffNetcdf } from './open_forcing_bytes.js';

/**
 * Open a NetCDF forcing file (NetCDF3 classic / 64-bit offset with netcdfjs, NetCDF4 with
 * h5wasm reading the host file system) and build its wind and current fields, rotated to
 * east/north. Errors are DataFileError / ForcingFileError naming the file and the problem.
 *
 * @example const forcing = await openForcingFile('data/forcing/uniform/wind_uniform_u10_v0.nc');
 */
export async function openForcingFile(path: string, options: ForcingFileOptions = {}): Promise<ForcingFile> {
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
  let dataset: Dataset;
  if (kind === 'netcdf3') {
    dataset = openNetcdf3(path, new Uint8Array(await readFile(path)));
  } else {
    checkHdf5Length(path, first, size);
    const h5 = (await import('h5wasm/node')).default;
    await h5.ready;
    dataset = openHdf5(path, h5, resolve(path));
  }
  try {
    return buildForcingFile(path, dataset, options);
  } finally {
    dataset.close();
  }
}
