/**
 * A forcing opener over files already in memory, by the name a case gives them (a browser's
 * File objects, fetched bytes). Pure (checked by src/app/browser_safe.test.ts).
 */
import { DataFileError } from '../../core/errors.js';
import { openForcingBytes } from '../../io/netcdf/open_forcing_bytes.js';
import type { ForcingOpener } from './forcing_chain.js';

/** Opens `name` from `files`; a name the case gives but `files` lacks is a DataFileError naming both. */
export function forcingBytesOpener(files: ReadonlyMap<string, Uint8Array>): ForcingOpener {
  return (name) => {
    const bytes = files.get(name);
    if (bytes === undefined) {
      const given = files.size === 0 ? 'no forcing files were given' : `the forcing files given are ${[...files.keys()].join(', ')}`;
      return Promise.reject(new DataFileError(name, `is named as forcing but was not given (${given})`));
    }
    return openForcingBytes(name, bytes);
  };
}
