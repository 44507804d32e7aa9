/**
 * A minimal NetCDF3 classic writer for tests (file format spec: Unidata, "NetCDF Classic and
 * 64-bit Offset Format"): byte/short/int/float/double variables, char and double attributes,
 * big-endian, and optionally a record (unlimited) dimension. Enough to make small files a reader
 * must reject or accept.
 */
export interface Nc3Var {
  name: string;
  dims: string[];
  type: 'float' | 'double' | 'short' | 'int' | 'byte';
  attrs?: Record<string, string | number>;
  data: ArrayLike<number>;
}

const NC_DIMENSION = 0x0a, NC_VARIABLE = 0x0b, NC_ATTRIBUTE = 0x0c;
const NC_CHAR = 2, NC_DOUBLE = 6;
const TYPES = { byte: { code: 1, size: 1 }, short: { code: 3, size: 2 }, int: { code: 4, size: 4 }, float: { code: 5, size: 4 }, double: { code: 6, size: 8 } } as const;

/**
 * Bytes of a NetCDF3 classic file with the given dimensions, global attributes and variables.
 * `record` names a dimension of `dims` as the record dimension (its size the number of records);
 * variables whose first dimension it is are stored record by record, interleaved, as the format does.
 */
export function writeNetcdf3(dims: Record<string, number>, vars: Nc3Var[], globals: Record<string, string | number> = {}, record?: string): Uint8Array {
  const dimNames = Object.keys(dims);
  const parts: number[] = [];
  const u32 = (x: number) => parts.push((x >>> 24) & 255, (x >>> 16) & 255, (x >>> 8) & 255, x & 255);
  const name = (s: string) => { const b = new TextEncoder().encode(s); u32(b.length); parts.push(...b); pad(b.length); };
  const pad = (n: number) => { for (let k = n; k % 4 !== 0; k++) parts.push(0); };
  const pad4 = (n: number) => Math.ceil(n / 4) * 4;
  const attrs = (a: Record<string, string | number>) => {
    const entries = Object.entries(a);
    if (entries.length === 0) { u32(0); u32(0); return; }
    u32(NC_ATTRIBUTE); u32(entries.length);
    for (const [k, v] of entries) {
      name(k);
      if (typeof v === 'string') { const b = new TextEncoder().encode(v); u32(NC_CHAR); u32(b.length); parts.push(...b); pad(b.length); }
      else { u32(NC_DOUBLE); u32(1); const dv = new DataView(new ArrayBuffer(8)); dv.setFloat64(0, v); parts.push(...new Uint8Array(dv.buffer)); }
    }
  };
  const records = record === undefined ? 0 : dims[record];
  const isRecord = (v: Nc3Var) => record !== undefined && v.dims[0] === record;
  parts.push(0x43, 0x44, 0x46, 1);
  u32(records);
  if (dimNames.length) { u32(NC_DIMENSION); u32(dimNames.length); for (const d of dimNames) { name(d); u32(d === record ? 0 : dims[d]); } } else { u32(0); u32(0); }
  attrs(globals);
  // values per variable (per record for a record variable) and the padded bytes they take (vsize)
  const counts = vars.map((v) => v.dims.slice(isRecord(v) ? 1 : 0).reduce((s, d) => s * dims[d], 1));
  const sizes = vars.map((v, k) => pad4(counts[k] * TYPES[v.type].size));
  // Header size must be known for the offsets: write once with placeholder offsets, then patch.
  const offsetPositions: number[] = [];
  if (vars.length) {
    u32(NC_VARIABLE); u32(vars.length);
    for (const [k, v] of vars.entries()) {
      name(v.name); u32(v.dims.length); for (const d of v.dims) u32(dimNames.indexOf(d));
      attrs(v.attrs ?? {});
      u32(TYPES[v.type].code); u32(sizes[k]);
      offsetPositions.push(parts.length); u32(0);
    }
  } else { u32(0); u32(0); }
  const headerEnd = parts.length;
  const fixedBytes = vars.reduce((a, v, k) => a + (isRecord(v) ? 0 : sizes[k]), 0);
  const recordStep = vars.reduce((a, v, k) => a + (isRecord(v) ? sizes[k] : 0), 0);
  const out = new Uint8Array(headerEnd + fixedBytes + records * recordStep);
  out.set(parts);
  const view = new DataView(out.buffer);
  const put = (type: Nc3Var['type'], at: number, x: number) => {
    switch (type) {
      case 'double': view.setFloat64(at, x); break;
      case 'float': view.setFloat32(at, x); break;
      case 'int': view.setInt32(at, x); break;
      case 'short': view.setInt16(at, x); break;
      case 'byte': view.setInt8(at, x); break;
    }
  };
  let offset = headerEnd;
  for (const [k, v] of vars.entries()) {
    if (isRecord(v)) continue;
    view.setUint32(offsetPositions[k], offset);
    for (let e = 0; e < v.data.length; e++) put(v.type, offset + TYPES[v.type].size * e, v.data[e]);
    offset += sizes[k];
  }
  let inRecord = 0;
  for (const [k, v] of vars.entries()) {
    if (!isRecord(v)) continue;
    const begin = headerEnd + fixedBytes + inRecord;
    view.setUint32(offsetPositions[k], begin);
    for (let r = 0; r < records; r++) {
      for (let e = 0; e < counts[k]; e++) put(v.type, begin + r * recordStep + TYPES[v.type].size * e, v.data[r * counts[k] + e]);
    }
    inRecord += sizes[k];
  }
  return out;
}
