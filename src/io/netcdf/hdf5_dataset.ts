import type * as H5 from 'h5wasm';
import { DataFileError } from '../../core/errors.js';
import { unpackValues, type AttributeValue, type Dataset, type DatasetVariable, type StoredType } from './dataset.js';

/** The h5wasm namespace (its Node build or its browser build). */
export type H5Api = Pick<typeof H5, 'File' | 'Dataset'>;

const HIDDEN_ATTRIBUTES = new Set(['DIMENSION_LIST', 'REFERENCE_LIST', 'CLASS', 'NAME', '_Netcdf4Dimid', '_Netcdf4Coordinates', '_NCProperties', '_nc3_strict']);
const PURE_DIMENSION = 'This is a netCDF dimension but not a netCDF variable';

function toAttrs(attrs: Record<string, H5.Attribute>): { values: Record<string, AttributeValue>; dtypes: Record<string, string> } {
  const values: Record<string, AttributeValue> = {};
  const dtypes: Record<string, string> = {};
  for (const [name, attr] of Object.entries(attrs)) {
    if (HIDDEN_ATTRIBUTES.has(name)) continue;
    let v: unknown;
    try { v = attr.value; } catch { continue; }
    if (typeof v === 'string') values[name] = v;
    else if (typeof v === 'number' || typeof v === 'bigint') values[name] = [Number(v)];
    else if (ArrayBuffer.isView(v) || Array.isArray(v)) {
      const list = Array.from(v as ArrayLike<unknown>);
      values[name] = list.every((x) => typeof x === 'string') ? list.join(' ') : list.map((x) => Number(x));
    }
    dtypes[name] = String(attr.dtype);
  }
  return { values, dtypes };
}

/** The netCDF type of an h5wasm dtype ('<h', '>f', '<Q', …; struct letters) for its default fill value, or undefined. */
function storedTypeOf(dtype: string): StoredType | undefined {
  const types: Record<string, StoredType> = { b: 'byte', B: 'ubyte', h: 'short', H: 'ushort', i: 'int', I: 'uint', q: 'int64', Q: 'uint64', f: 'float', d: 'double' };
  return types[dtype.replace(/^[<>=|!]/, '')];
}

/** Open a NetCDF4 (HDF5) file already reachable at `path` in h5wasm's file system. */
export function openHdf5(name: string, h5: H5Api, path: string): Dataset {
  let file: H5.File;
  try {
    file = new h5.File(path, 'r');
  } catch (e) {
    throw new DataFileError(name, `cannot open as NetCDF4/HDF5 (${(e as Error).message}); the file may be truncated or corrupt`);
  }
  try {
    const dimensions = new Map<string, number>();
    const variables = new Map<string, DatasetVariable>();
    for (const key of file.keys()) {
      const ds = file.get(key);
      if (!(ds instanceof h5.Dataset)) continue;
      const shape = ds.shape ?? [];
      const nameAttr = (() => { try { return ds.attrs.NAME?.value; } catch { return undefined; } })();
      const isScale = ds.attrs.CLASS !== undefined;
      if (isScale && shape.length === 1) dimensions.set(key, shape[0]);
      if (typeof nameAttr === 'string' && nameAttr.startsWith(PURE_DIMENSION)) continue;
      const dimNames = shape.map((n, a) => {
        let scales: string[] = [];
        try { scales = ds.get_attached_scales(a); } catch { /* none attached */ }
        const dim = scales.length > 0 ? scales[0].replace(/^.*\//, '') : isScale && shape.length === 1 ? key : `phony_dim_${key}_${a}`;
        if (!dimensions.has(dim)) dimensions.set(dim, n);
        return dim;
      });
      const { values: attributes, dtypes } = toAttrs(ds.attrs);
      const packed = attributes.scale_factor !== undefined || attributes.add_offset !== undefined;
      const validName = ['valid_range', 'valid_min', 'valid_max'].find((n) => attributes[n] !== undefined);
      const validInPackedUnits = !packed || validName === undefined || dtypes[validName] === String(ds.dtype);
      variables.set(key, {
        name: key, dimensions: dimNames, shape, attributes,
        read(ranges) {
          let raw: unknown;
          try {
            raw = ranges && ranges.length > 0
              ? ds.slice(shape.map((_, a) => (a < ranges.length && ranges[a] ? [ranges[a]![0], ranges[a]![1]] : [])))
              : ds.value;
          } catch (e) {
            throw new DataFileError(name, `cannot read variable '${key}' (${(e as Error).message}); the file may be truncated`);
          }
          if (typeof raw === 'number' || typeof raw === 'bigint') raw = [raw];
          if (!ArrayBuffer.isView(raw) && !Array.isArray(raw)) {
            throw new DataFileError(name, `variable '${key}' is not numeric`);
          }
          return unpackValues(raw as ArrayLike<number>, attributes, validInPackedUnits, storedTypeOf(String(ds.dtype)));
        },
      });
    }
    return {
      format: 'netcdf4',
      dimensions,
      variables,
      globalAttributes: toAttrs(file.attrs).values,
      close() { file.close(); },
    };
  } catch (e) {
    try { file.close(); } catch { /* the file's structures are broken already */ }
    if (e instanceof DataFileError) throw e;
    // h5wasm throws strings and bare Errors from inside HDF5 ("error - name not defined!" from
    // File.keys() on a corrupt symbol table): the file's fault, said with its name
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200);
    throw new DataFileError(name, `cannot read its NetCDF4/HDF5 structure (${message}); the file may be corrupt or truncated`);
  }
}

/**
 * Check an HDF5 file's length against the end-of-file address in its superblock (versions 0-3),
 * so a truncated download fails with a clear message before HDF5 reads garbage.
 */
export function checkHdf5Length(name: string, head: Uint8Array, fileLength: number): void {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const version = head[8];
  let offsetSize: number;
  let eofAt: number;
  if (version === 0 || version === 1) {
    offsetSize = head[13];
    eofAt = 24 + (version === 1 ? 4 : 0) + 2 * offsetSize;
  } else if (version === 2 || version === 3) {
    offsetSize = head[9];
    eofAt = 12 + 2 * offsetSize;
  } else {
    return;
  }
  if (offsetSize !== 8 || eofAt + 8 > head.length) return;
  const eof = Number(view.getBigUint64(eofAt, true));
  if (eof > fileLength) {
    throw new DataFileError(name, `truncated: the HDF5 superblock says the file is ${eof} bytes but it has ${fileLength}`);
  }
}
