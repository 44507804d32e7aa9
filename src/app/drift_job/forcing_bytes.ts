/**
 * A forcing opener over files already in memory, by the name a case gives them (a browser's
 * File objects, fetched bytes). Pure (checked by src/app/browser_safe.test.ts).
 */
import { DataFileError } from '../../core/errors.js';
import { openForcingBytes } from '../../io/netcdf/open_forcing_bytes.js';
import type { ForcingOpener } from './forcing_chain.js';

/**
 * Opens `name` (and its grid file, by name) from `files`; a name the case gives but `files` lacks
 * is a DataFileError naming both.
 */
export function forcingBytesOpener(files: ReadonlyMap<string, Uint8Array>): ForcingOpener {
  const given = (name: string, what: string): Uint8Array => {
    const bytes = files.get(name);
    if (bytes !== undefined) return bytes;
    const list = files.size === 0 ? 'no forcing files were given' : `the forcing files given are ${[...files.keys()].join(', ')}`;
    throw new DataFileError(name, `is named as ${what} but was not given (${list})`);
  };
  return async (name, o = {}) => {
    const bytes = given(name, 'forcing');
    const grid = o.grid === undefined ? undefined : { name: o.grid, bytes: given(o.grid, 'a grid file') };
    return openForcingBytes(name, bytes, { grid, standardNames: o.variables, timeOriginS: o.timeOriginS });
  };
}
