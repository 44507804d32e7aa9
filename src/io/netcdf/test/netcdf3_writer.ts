/**
 * A minimal NetCDF3 classic writer for tests (file format spec: Unidata, "NetCDF Classic and
 * 64-bit Offset Format"): fixed-size dimensions only, char/float/double variables and attributes,
 * big-endian. Enough to make small files a reader must reject or accept.
 */
export interface Nc3Var {
  name: string;
  dims: string[];
  type: 'float' | 'double';
  attrs?: Record<string, string | number>;
  data: ArrayLike<number>;
}

const NC_DIMENSION = 0x0a, NC_VARIABLE = 0x0b, NC_ATTRIBUTE = 0x0c;
const NC_CHAR = 2, NC_FLOAT = 5, NC_DOUBLE = 6;

/** Bytes of a NetCDF3 classic file with the given dimensions, global attributes and variables. */
export function writeNetcdf3(dims: Record<string, number>, vars: Nc3Var[], globals: Record<string, string | number> = {}): Uint8Array {
  const dimNames = Object.keys(dims);
  const parts: number[] = [];
  const u32 = (x: number) => parts.push((x >>> 24) & 255, (x >>> 16) & 255, (x >>> 8) & 255, x & 255);
  const name = (s: string) => { const b = new TextEncoder().encode(s); u32(b.length); parts.push(...b); pad(b.length); };
  const pad = (n: number) => { for (let k = n; k % 4 !== 0; k++) parts.push(0); };
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
  parts.push(0x43, 0x44, 0x46, 1);
  u32(0);
  if (dimNames.length) { u32(NC_DIMENSION); u32(dimNames.length); for (const d of dimNames) { name(d); u32(dims[d]); } } else { u32(0); u32(0); }
  attrs(globals);
  // Header size must be known for the offsets: write once with placeholder offsets, then patch.
  const sizes = vars.map((v) => v.dims.reduce((s, d) => s * dims[d], 1) * (v.type === 'double' ? 8 : 4));
  const offsetPositions: number[] = [];
  if (vars.length) {
    u32(NC_VARIABLE); u32(vars.length);
    for (const [k, v] of vars.entries()) {
      name(v.name); u32(v.dims.length); for (const d of v.dims) u32(dimNames.indexOf(d));
      attrs(v.attrs ?? {});
      u32(v.type === 'double' ? NC_DOUBLE : NC_FLOAT); u32(sizes[k]);
      offsetPositions.push(parts.length); u32(0);
    }
  } else { u32(0); u32(0); }
  let offset = parts.length;
  const out = new Uint8Array(offset + sizes.reduce((a, b) => a + b, 0));
  out.set(parts);
  const view = new DataView(out.buffer);
  for (const [k, v] of vars.entries()) {
    view.setUint32(offsetPositions[k], offset);
    for (let e = 0; e < v.data.length; e++) {
      if (v.type === 'double') view.setFloat64(offset + 8 * e, v.data[e]); else view.setFloat32(offset + 4 * e, v.data[e]);
    }
    offset += sizes[k];
  }
  return out;
}
