/**
 * A small NetCDF4 writer for tests: coordinate variables as HDF5 dimension scales, data variables
 * attached to them, attributes as netCDF-4 writes them (text as fixed-length ASCII, numbers as
 * one-element arrays of the variable's type), storage chunked and filtered when asked, the way the
 * data services' files come (zlib deflate, the shuffle filter). Written with h5wasm, as
 * trajectory_file.ts writes `--out run.nc`; dtypes are h5wasm's struct letters: '<d' float64,
 * '<f' float32, '<q' int64, '<i' int32, '<h' int16.
 */
import { resolve } from 'node:path';

type Numbers = Float64Array | Float32Array | BigInt64Array | Int32Array | Int16Array;
export type Nc4Attribute = string | { readonly value: number; readonly dtype: string };

export interface Nc4Dimension {
  readonly name: string;
  readonly values: Numbers;
  readonly dtype: string;
  readonly attributes: Readonly<Record<string, Nc4Attribute>>;
}

export interface Nc4Variable {
  readonly name: string;
  readonly dimensions: readonly string[];
  readonly values: Numbers;
  readonly dtype: string;
  readonly attributes: Readonly<Record<string, Nc4Attribute>>;
  /** Chunk shape, one entry per dimension; with `deflate` and `shuffle` the storage filters. */
  readonly chunks?: readonly number[];
  readonly deflate?: number;
  readonly shuffle?: boolean;
}

/** Write a NetCDF4 file of these dimensions (each its coordinate variable) and variables. */
export async function writeNetcdf4(path: string, dimensions: readonly Nc4Dimension[], variables: readonly Nc4Variable[],
  globals: Readonly<Record<string, string>> = {}): Promise<void> {
  const h5 = (await import('h5wasm/node')).default;
  await h5.ready;
  const file = new h5.File(resolve(path), 'w', { track_order: true });
  type Target = { create_attribute: InstanceType<typeof h5.Dataset>['create_attribute'] };
  const attribute = (target: Target, name: string, a: Nc4Attribute): void => {
    if (typeof a === 'string') target.create_attribute(name, a, null, `A${Math.max(1, a.length)}`);
    else target.create_attribute(name, [a.value], [1], a.dtype);
  };
  try {
    dimensions.forEach((d, k) => {
      const ds = file.create_dataset({ name: d.name, data: d.values, shape: [d.values.length], dtype: d.dtype, track_order: true });
      ds.make_scale(d.name);
      attribute(ds, '_Netcdf4Dimid', { value: k, dtype: '<i' });
      for (const [name, a] of Object.entries(d.attributes)) attribute(ds, name, a);
    });
    for (const v of variables) {
      const shape = v.dimensions.map((name) => {
        const d = dimensions.find((x) => x.name === name);
        if (d === undefined) throw new Error(`writeNetcdf4: ${v.name} has an unknown dimension ${name}`);
        return d.values.length;
      });
      const ds = file.create_dataset({
        name: v.name, data: v.values, shape, dtype: v.dtype, track_order: true,
        ...(v.chunks === undefined ? {} : { chunks: [...v.chunks] }),
        ...(v.deflate === undefined ? {} : { compression: v.deflate }),
        ...(v.shuffle === undefined ? {} : { shuffle: v.shuffle }),
      });
      v.dimensions.forEach((name, axis) => ds.attach_scale(axis, `/${name}`));
      for (const [name, a] of Object.entries(v.attributes)) attribute(ds, name, a);
    }
    for (const [name, value] of Object.entries(globals)) attribute(file, name, value);
  } finally {
    file.close();
  }
}
