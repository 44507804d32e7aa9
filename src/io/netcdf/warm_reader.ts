import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { warmForcingReader } from './forcing_worker_pool.js';
import { openHdf5Direct } from './hdf5_direct.js';
import { sniffNetcdf } from './open_forcing_bytes.js';

/**
 * Start the NetCDF4 reader thread ahead (warmForcingReader) when one of `paths` is an HDF5 file (by
 * its first 8 bytes) that hdf5_direct.ts cannot read from its bytes, so h5wasm will be needed. A
 * path that cannot be read is passed over: opening it later says what is wrong.
 */
export function warmForcingReaderFor(paths: readonly string[]): void {
  const head = new Uint8Array(8);
  for (const path of paths) {
    let fd: number | undefined;
    try {
      fd = openSync(path, 'r');
      if (readSync(fd, head, 0, 8, 0) === 8 && sniffNetcdf(head) === 'hdf5' && openHdf5Direct(new Uint8Array(readFileSync(fd))) === null) {
        warmForcingReader();
        return;
      }
    } catch {
      // reported when the file is opened
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
}
