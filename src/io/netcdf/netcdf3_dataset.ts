import { NetCDFReader } from 'netcdfjs';
import { DataFileError } from '../../core/errors.js';
import { sliceLeading, unpackValues, type AttributeValue, type Dataset, type DatasetVariable } from './dataset.js';
import { checkNetcdf3Header } from './netcdf3_header.js';

function toAttrs(list: ReadonlyArray<{ name: string; value: unknown }>): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const a of list) {
    const v = a.value;
    if (typeof v === 'string') out[a.name] = v;
    else if (typeof v === 'number') out[a.name] = [v];
    else if (Array.isArray(v)) out[a.name] = v.map(Number);
  }
  return out;
}

/**
 * Open NetCDF classic or 64-bit-offset bytes with netcdfjs. Checks that the bytes hold every
 * variable the header announces, so a truncated file fails here with a clear message.
 */
export function openNetcdf3(name: string, bytes: Uint8Array): Dataset {
  checkNetcdf3Header(name, bytes);
  let reader: NetCDFReader;
  try {
    reader = new NetCDFReader(bytes);
  } catch (e) {
    throw new DataFileError(name, `cannot read the NetCDF3 header (${(e as Error).message}); the file may be truncated or corrupt`);
  }
  const dims = reader.dimensions;
  const recordCount = reader.recordDimension.length;
  const recordStep = reader.recordDimension.recordStep ?? 0;
  let needed = 0;
  for (const v of reader.variables) {
    const end = v.offset + (v.record ? recordStep * Math.max(0, recordCount - 1) + v.size : v.size);
    if (end > needed) needed = end;
  }
  if (needed > bytes.length) {
    throw new DataFileError(name, `truncated: the NetCDF3 header needs ${needed} bytes but the file has ${bytes.length}`);
  }
  const variables = new Map<string, DatasetVariable>();
  for (const v of reader.variables) {
    const dimNames = v.dimensions.map((d) => dims[d].name);
    const shape = v.dimensions.map((d, a) => (a === 0 && v.record ? recordCount : dims[d].size));
    const attributes = toAttrs(v.attributes as ReadonlyArray<{ name: string; value: unknown }>);
    const packed = attributes.scale_factor !== undefined || attributes.add_offset !== undefined;
    const validAttr = (v.attributes as ReadonlyArray<{ name: string; type: string }>)
      .find((a) => a.name === 'valid_range' || a.name === 'valid_min' || a.name === 'valid_max');
    const validInPackedUnits = !packed || validAttr === undefined || validAttr.type === v.type;
    variables.set(v.name, {
      name: v.name, dimensions: dimNames, shape, attributes,
      read(ranges) {
        let raw: unknown[];
        try {
          raw = reader.getDataVariable(v).flat() as unknown[];
        } catch (e) {
          throw new DataFileError(name, `cannot read variable '${v.name}' (${(e as Error).message})`);
        }
        const values = unpackValues(raw as number[], attributes, validInPackedUnits);
        return ranges && ranges.length > 0 ? sliceLeading(values, shape, ranges) : values;
      },
    });
  }
  return {
    format: reader.version === '64-bit offset format' ? 'netcdf3-64bit-offset' : 'netcdf3-classic',
    dimensions: new Map(dims.map((d, k) => [d.name, k === reader.recordDimension.id ? recordCount : d.size])),
    variables,
    globalAttributes: toAttrs(reader.globalAttributes as ReadonlyArray<{ name: string; value: unknown }>),
    close() { /* all in memory */ },
  };
}
