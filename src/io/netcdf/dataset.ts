/** An attribute value as read: a string, or numbers (scalars come as one-element arrays). */
export type AttributeValue = string | number[];

/** One variable of a dataset, read lazily. */
export interface DatasetVariable {
  readonly name: string;
  /** Dimension names, slowest first. */
  readonly dimensions: readonly string[];
  readonly shape: readonly number[];
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  /**
   * All values, or along the first axes the index ranges given ([start, end) per axis, null for
   * all), unpacked (scale_factor, add_offset) with fill, missing and out-of-range values as NaN.
   */
  read(ranges?: ReadonlyArray<readonly [number, number] | null>): Float64Array;
}

/** The small view of a NetCDF file (classic or NetCDF4/HDF5) the forcing reader needs. */
export interface Dataset {
  readonly format: 'netcdf3-classic' | 'netcdf3-64bit-offset' | 'netcdf4';
  readonly dimensions: ReadonlyMap<string, number>;
  readonly variables: ReadonlyMap<string, DatasetVariable>;
  readonly globalAttributes: Readonly<Record<string, AttributeValue>>;
  close(): void;
}

/** First number of a numeric attribute, or undefined. */
export function numberAttr(attrs: Readonly<Record<string, AttributeValue>>, name: string): number | undefined {
  const v = attrs[name];
  return Array.isArray(v) && v.length > 0 && Number.isFinite(v[0]) ? v[0] : undefined;
}

/** A string attribute, or undefined. */
export function stringAttr(attrs: Readonly<Record<string, AttributeValue>>, name: string): string | undefined {
  const v = attrs[name];
  return typeof v === 'string' ? v : undefined;
}

/** The stored types a NetCDF variable may have, as the readers name them. */
export type StoredType = 'byte' | 'ubyte' | 'short' | 'ushort' | 'int' | 'uint' | 'int64' | 'uint64' | 'float' | 'double';

/**
 * The netCDF library's default fill value of a type (netcdf.h NC_FILL_*), the value of every
 * element never written when a variable has no _FillValue (NetCDF User's Guide, "Fill Values";
 * CF §2.5.1 defers to it). None for bytes: netCDF's readers do not mask their default, since a
 * byte's whole range is often data. Given as the number the readers' values compare equal to.
 */
export function defaultFillValue(type: StoredType): number {
  switch (type) {
    case 'short': return -32767;
    case 'ushort': return 65535;
    case 'int': return -2147483647;
    case 'uint': return 4294967295;
    case 'int64': return Number(-9223372036854775806n);
    case 'uint64': return Number(18446744073709551614n);
    case 'float': return Math.fround(9.9692099683868690e+36);
    case 'double': return 9.9692099683868690e+36;
    default: return NaN;
  }
}

/**
 * Apply CF packing and masking to raw values in place-free fashion: raw values equal to
 * _FillValue or missing_value (compared raw, as CF stores them in the packed type) or outside
 * valid_min / valid_max / valid_range become NaN; others become raw × scale_factor + add_offset.
 * Without a _FillValue attribute, the type's default fill (`defaultFillValue` of `storedType`) is
 * the fill value, as the NetCDF User's Guide says. `validInPackedUnits` tells whether the valid_*
 * attributes share the raw type (CF) or, as some writers do, the unpacked one.
 */
export function unpackValues(
  raw: ArrayLike<number | bigint>, attrs: Readonly<Record<string, AttributeValue>>, validInPackedUnits: boolean, storedType?: StoredType,
): Float64Array {
  const scale = numberAttr(attrs, 'scale_factor') ?? 1;
  const offset = numberAttr(attrs, 'add_offset') ?? 0;
  const fills: number[] = [];
  for (const name of ['_FillValue', 'missing_value']) {
    const v = attrs[name];
    if (Array.isArray(v)) for (const x of v) if (typeof x === 'number' && !Number.isNaN(x)) fills.push(x);
  }
  if (attrs._FillValue === undefined && storedType !== undefined) {
    const fill = defaultFillValue(storedType);
    if (!Number.isNaN(fill)) fills.unshift(fill);
  }
  let lo = -Infinity;
  let hi = Infinity;
  const range = attrs.valid_range;
  if (Array.isArray(range) && range.length >= 2) { lo = range[0]; hi = range[1]; }
  lo = numberAttr(attrs, 'valid_min') ?? lo;
  hi = numberAttr(attrs, 'valid_max') ?? hi;
  const out = new Float64Array(raw.length);
  const fill0 = fills.length > 0 ? fills[0] : NaN;
  const fill1 = fills.length > 1 ? fills[1] : NaN;
  const fill2 = fills.length > 2 ? fills[2] : NaN;
  for (let k = 0; k < raw.length; k++) {
    const r = Number(raw[k]);
    if (r === fill0 || r === fill1 || r === fill2 || r !== r) { out[k] = NaN; continue; }
    const value = r * scale + offset;
    const checked = validInPackedUnits ? r : value;
    out[k] = checked < lo || checked > hi ? NaN : value;
  }
  return out;
}

/** Flat row-major extraction of index ranges along the leading axes of a full array. */
export function sliceLeading(
  data: Float64Array, shape: readonly number[], ranges: ReadonlyArray<readonly [number, number] | null>,
): Float64Array {
  const bounds = shape.map((n, a) => (a < ranges.length && ranges[a] !== null ? ranges[a]! : [0, n] as const));
  const outShape = bounds.map(([s, e]) => e - s);
  const out = new Float64Array(outShape.reduce((a, b) => a * b, 1));
  const strides = shape.map((_, a) => shape.slice(a + 1).reduce((x, y) => x * y, 1));
  const idx = bounds.map(([s]) => s);
  const last = shape.length - 1;
  let o = 0;
  // Copy contiguous runs of the last axis.
  for (;;) {
    let base = 0;
    for (let a = 0; a < last; a++) base += idx[a] * strides[a];
    const [s, e] = bounds[last];
    out.set(data.subarray(base + s, base + e), o);
    o += e - s;
    let a = last - 1;
    while (a >= 0) {
      idx[a]++;
      if (idx[a] < bounds[a][1]) break;
      idx[a] = bounds[a][0];
      a--;
    }
    if (a < 0) break;
  }
  return out;
}
