import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectPath } from '../project_files.js';
import type { Dataset } from './dataset.js';
import { openHdf5 } from './hdf5_dataset.js';
import { lookup3, openHdf5Direct } from './hdf5_direct.js';

/** Everything a forcing reader can see of a Dataset, values included, in order. */
function everything(d: Dataset): string {
  return JSON.stringify({
    format: d.format, dimensions: [...d.dimensions], globals: d.globalAttributes, globalOrder: Object.keys(d.globalAttributes),
    variables: [...d.variables.values()].map((v) => ({
      name: v.name, dimensions: v.dimensions, shape: v.shape, attributes: v.attributes, order: Object.keys(v.attributes),
      values: Array.from(v.read(), String),
      firstTime: v.shape.length === 3 ? Array.from(v.read([[1, 2]]), String) : null,
    })),
  });
}

async function viaH5wasm(path: string): Promise<Dataset> {
  const h5 = (await import('h5wasm/node')).default;
  await h5.ready;
  return openHdf5(path, h5, resolve(path));
}

describe('NetCDF4 read straight from the bytes', () => {
  test('lookup3 gives the published values (Jenkins, lookup3.c driver5)', () => {
    const text = new TextEncoder().encode('Four score and seven years ago');
    expect(lookup3(new Uint8Array(0), 0, 0)).toBe(0xdeadbeef);
    expect(lookup3(text, 0, text.length)).toBe(0x17770551);
  });

  test.each(['east-sea-synthetic/east-sea-wind.nc', 'uniform/wind_uniform_u10_v0.nc', 'uniform/current_uniform_u0_v0.2.nc'])(
    '%s: the same dimensions, variables, attributes (in order) and values as through h5wasm', async (name) => {
      const path = projectPath(`data/forcing/${name}`);
      const direct = openHdf5Direct(new Uint8Array(readFileSync(path)));
      expect(direct).not.toBeNull();
      const reference = await viaH5wasm(path);
      try {
        expect(everything(direct!)).toBe(everything(reference));
      } finally {
        reference.close();
      }
    });

  test('chunked, compressed variables (the Norwegian model files) are left to h5wasm', () => {
    for (const name of ['AROME_MetCoOp_00_DEF_20160114_subset.nc', 'Nordic_subset.nc']) {
      expect(openHdf5Direct(new Uint8Array(readFileSync(projectPath(`data/forcing/norway-real/${name}`))))).toBeNull();
    }
  });

  test('a changed byte in the checksummed metadata, a truncated file or another superblock are left to h5wasm', () => {
    const bytes = new Uint8Array(readFileSync(projectPath('data/forcing/east-sea-synthetic/east-sea-wind.nc')));
    const root = new DataView(bytes.buffer, bytes.byteOffset).getUint32(36, true);
    const header = bytes.slice();
    header[root + 40] ^= 0x01;   // inside the root group's object header
    expect(openHdf5Direct(header)).toBeNull();
    const superblock = bytes.slice();
    superblock[20] ^= 0x01;   // the superblock extension address, under the superblock checksum
    expect(openHdf5Direct(superblock)).toBeNull();
    expect(openHdf5Direct(bytes.subarray(0, bytes.length - 1000))).toBeNull();
    const v0 = bytes.slice();
    v0[8] = 0;
    expect(openHdf5Direct(v0)).toBeNull();
    expect(openHdf5Direct(bytes)).not.toBeNull();
  });
});
