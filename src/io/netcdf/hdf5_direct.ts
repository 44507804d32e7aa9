// A small reader for the plain NetCDF4 files most forcing comes as, straight from the file's bytes:
// HDF5 superblock version 2/3, version-2 object headers (checksummed), a root group whose links are
// compact link messages, attributes in the object headers (numbers, fixed-length and variable-length
// strings) and variables stored contiguously or compactly, unfiltered. It stands in front of h5wasm
// (hdf5_dataset.ts), which costs ~0.3 s of CPU to compile and start and must run in a thread of its
// own because it can hang on a corrupt file: a file that uses anything else (chunked or compressed
// variables, dense attribute or link storage, groups of the old symbol-table kind, shared messages,
// a checksum that does not match, any inconsistency) gives null here and goes to h5wasm as before,
// which therefore still says what is wrong with a damaged file.
// Written from the HDF5 File Format Specification version 3.0 (The HDF Group), sections II.A
// (superblock), III.E (global heap), IV.A.1.b (version-2 object header) and IV.A.2 (messages);
// the checksum is Bob Jenkins' lookup3 hashlittle (public domain), which the specification names.
// Hand-written on purpose: the alternative is the WebAssembly HDF5 library this avoids starting.
import { sliceLeading, unpackValues, type AttributeValue, type Dataset, type DatasetVariable, type StoredType } from './dataset.js';

const HIDDEN_ATTRIBUTES = new Set(['DIMENSION_LIST', 'REFERENCE_LIST', 'CLASS', 'NAME', '_Netcdf4Dimid', '_Netcdf4Coordinates', '_NCProperties', '_nc3_strict']);
const PURE_DIMENSION = 'This is a netCDF dimension but not a netCDF variable';
/** Bounds on what one file may hold here (more goes to h5wasm): a corrupt count cannot loop long. */
const MAX_MESSAGES = 10_000;
const MAX_LINKS = 10_000;
const MAX_RANK = 32;

/** Not in the subset read here: the caller falls back to h5wasm. */
class Unsupported extends Error {}
function unsupported(why: string): never { throw new Unsupported(why); }

/** lookup3 hashlittle(key, length, 0) as HDF5 uses it for its metadata checksums. */
export function lookup3(k: Uint8Array, start: number, end: number): number {
  let length = end - start;
  let a = (0xdeadbeef + length) | 0;
  let b = a;
  let c = a;
  let o = start;
  const rot = (x: number, n: number): number => (x << n) | (x >>> (32 - n));
  const w = (p: number): number => k[p] | (k[p + 1] << 8) | (k[p + 2] << 16) | (k[p + 3] << 24);
  while (length > 12) {
    a = (a + w(o)) | 0; b = (b + w(o + 4)) | 0; c = (c + w(o + 8)) | 0;
    a = (a - c) | 0; a ^= rot(c, 4); c = (c + b) | 0;
    b = (b - a) | 0; b ^= rot(a, 6); a = (a + c) | 0;
    c = (c - b) | 0; c ^= rot(b, 8); b = (b + a) | 0;
    a = (a - c) | 0; a ^= rot(c, 16); c = (c + b) | 0;
    b = (b - a) | 0; b ^= rot(a, 19); a = (a + c) | 0;
    c = (c - b) | 0; c ^= rot(b, 4); b = (b + a) | 0;
    length -= 12;
    o += 12;
  }
  if (length === 0) return c >>> 0;
  // the last 1-12 bytes, zero-padded
  const tail = [0, 0, 0];
  for (let i = 0; i < length; i++) tail[i >> 2] |= k[o + i] << (8 * (i & 3));
  a = (a + tail[0]) | 0; b = (b + tail[1]) | 0; c = (c + tail[2]) | 0;
  c ^= b; c = (c - rot(b, 14)) | 0;
  a ^= c; a = (a - rot(c, 11)) | 0;
  b ^= a; b = (b - rot(a, 25)) | 0;
  c ^= b; c = (c - rot(b, 16)) | 0;
  a ^= c; a = (a - rot(c, 4)) | 0;
  b ^= a; b = (b - rot(a, 14)) | 0;
  c ^= b; c = (c - rot(b, 24)) | 0;
  return c >>> 0;
}

/** One header message; `order` its creation index (-1 when the header does not track it). */
interface Message { readonly type: number; readonly flags: number; readonly at: number; readonly size: number; readonly order: number }
interface Datatype {
  readonly kind: 'int' | 'float' | 'string' | 'vlen-string' | 'reference' | 'vlen-reference' | 'other';
  readonly size: number;
  readonly signed: boolean;
  /** h5wasm's name of the type ('<f', '<i', ...), used as the NetCDF3 reader uses its type names. */
  readonly dtype: string;
}
interface Attribute { readonly type: Datatype; readonly shape: readonly number[] | null; readonly at: number; readonly order: number }

/** The file's bytes with bounds-checked little-endian reads. */
class Bytes {
  readonly view: DataView;
  constructor(readonly b: Uint8Array) { this.view = new DataView(b.buffer, b.byteOffset, b.byteLength); }
  check(at: number, n: number): void { if (!(at >= 0 && n >= 0 && at + n <= this.b.length)) unsupported('beyond the end of the file'); }
  u8(at: number): number { this.check(at, 1); return this.b[at]; }
  u16(at: number): number { this.check(at, 2); return this.view.getUint16(at, true); }
  u32(at: number): number { this.check(at, 4); return this.view.getUint32(at, true); }
  /** An 8-byte address or length; all ones (undefined) as -1; anything beyond 2^53 refused. */
  u64(at: number): number {
    this.check(at, 8);
    const lo = this.view.getUint32(at, true);
    const hi = this.view.getUint32(at + 4, true);
    if (lo === 0xffffffff && hi === 0xffffffff) return -1;
    if (hi > 0x1fffff) unsupported('an address beyond 2^53');
    return hi * 2 ** 32 + lo;
  }
  ascii(at: number, n: number): string { this.check(at, n); return String.fromCharCode(...this.b.subarray(at, at + n)); }
  text(at: number, n: number): string {
    this.check(at, n);
    const raw = this.b.subarray(at, at + n);
    const nul = raw.indexOf(0);
    return new TextDecoder().decode(nul < 0 ? raw : raw.subarray(0, nul));
  }
}

/** The messages of a version-2 object header at `addr`, continuation blocks followed. */
function headerMessages(f: Bytes, addr: number): Message[] {
  if (f.ascii(addr, 4) !== 'OHDR' || f.u8(addr + 4) !== 2) unsupported('not a version-2 object header');
  const flags = f.u8(addr + 5);
  let p = addr + 6;
  if (flags & 0x20) p += 16;
  if (flags & 0x10) p += 4;
  const sizeBytes = 1 << (flags & 3);
  const chunk0 = sizeBytes === 1 ? f.u8(p) : sizeBytes === 2 ? f.u16(p) : sizeBytes === 4 ? f.u32(p) : f.u64(p);
  p += sizeBytes;
  const blocks: Array<{ from: number; to: number }> = [{ from: p, to: p + chunk0 }];
  if (f.u32(p + chunk0) !== lookup3(f.b, addr, p + chunk0)) unsupported('object header checksum');
  const withOrder = (flags & 0x04) !== 0;
  const out: Message[] = [];
  for (let k = 0; k < blocks.length; k++) {
    const { from, to } = blocks[k];
    let q = from;
    const headSize = withOrder ? 6 : 4;
    while (q + headSize <= to) {
      if (out.length > MAX_MESSAGES) unsupported('too many messages');
      const type = f.u8(q);
      const size = f.u16(q + 1);
      const mflags = f.u8(q + 3);
      const at = q + headSize;
      if (at + size > to) unsupported('a message past its block');
      if (type === 0x10) {
        const cont = f.u64(at);
        const len = f.u64(at + 8);
        if (cont < 0 || len < 8 || f.ascii(cont, 4) !== 'OCHK') unsupported('continuation block');
        if (f.u32(cont + len - 4) !== lookup3(f.b, cont, cont + len - 4)) unsupported('continuation checksum');
        if (blocks.length > MAX_MESSAGES) unsupported('too many continuation blocks');
        blocks.push({ from: cont + 4, to: cont + len - 4 });
      } else if (type !== 0) {
        out.push({ type, flags: mflags, at, size, order: withOrder ? f.u16(q + 4) : -1 });
      }
      q = at + size;
    }
  }
  return out;
}

function parseDatatype(f: Bytes, at: number): Datatype {
  const b0 = f.u8(at);
  const cls = b0 & 0x0f;
  const bits = f.u8(at + 1);
  const size = f.u32(at + 4);
  const other = (): Datatype => ({ kind: 'other', size, signed: false, dtype: '?' });
  if (cls === 0 || cls === 1) {
    if ((bits & 0x01) !== 0 || (cls === 1 && (bits & 0x40) !== 0)) return other();   // big-endian or VAX order
    if (f.u16(at + 8) !== 0 || f.u16(at + 10) !== size * 8) return other();   // padded numbers
    if (cls === 1) return size === 4 || size === 8 ? { kind: 'float', size, signed: true, dtype: size === 4 ? '<f' : '<d' } : other();
    const signed = (bits & 0x08) !== 0;
    const letter = ({ 1: 'b', 2: 'h', 4: 'i', 8: 'q' } as Record<number, string>)[size];
    if (letter === undefined) return other();
    return { kind: 'int', size, signed, dtype: `<${signed ? letter : letter.toUpperCase()}` };
  }
  if (cls === 3) return { kind: 'string', size, signed: false, dtype: 'S' };
  if (cls === 7) return (bits & 0x0f) === 0 && size === 8 ? { kind: 'reference', size, signed: false, dtype: 'reference' } : other();
  if (cls === 9) {
    const base = parseDatatype(f, at + 8);
    if ((bits & 0x0f) === 1) return { kind: 'vlen-string', size, signed: false, dtype: 'S' };
    if ((bits & 0x0f) === 0 && base.kind === 'reference') return { kind: 'vlen-reference', size, signed: false, dtype: 'vlen' };
  }
  return other();
}

/** A dataspace's shape (null for the null dataspace). */
function parseDataspace(f: Bytes, at: number): number[] | null {
  const version = f.u8(at);
  const rank = f.u8(at + 1);
  if (rank > MAX_RANK) unsupported('rank');
  let p: number;
  if (version === 1) p = at + 8;
  else if (version === 2) {
    const type = f.u8(at + 3);
    if (type === 2) return null;
    p = at + 4;
  } else unsupported('dataspace version');
  const shape: number[] = [];
  for (let a = 0; a < rank; a++) shape.push(f.u64(p + 8 * a));
  if (shape.some((n) => n < 0)) unsupported('unlimited current size');
  return shape;
}

function parseAttribute(f: Bytes, m: Message): { name: string; attr: Attribute } {
  if (m.flags & 0x02) unsupported('shared attribute');
  const version = f.u8(m.at);
  const aflags = f.u8(m.at + 1);
  if (version !== 1 && (aflags & 0x03) !== 0) unsupported('shared attribute parts');
  const nameSize = f.u16(m.at + 2);
  const typeSize = f.u16(m.at + 4);
  const spaceSize = f.u16(m.at + 6);
  const pad = (n: number): number => (version === 1 ? Math.ceil(n / 8) * 8 : n);
  let p = m.at + 8;
  if (version === 3) p += 1;
  else if (version !== 1 && version !== 2) unsupported('attribute version');
  const name = f.text(p, nameSize);
  p += pad(nameSize);
  const type = parseDatatype(f, p);
  p += pad(typeSize);
  const shape = parseDataspace(f, p);
  p += pad(spaceSize);
  const count = shape === null ? 0 : shape.reduce((x, y) => x * y, 1);
  f.check(p, count * type.size);
  if (p + count * type.size > m.at + m.size) unsupported('attribute data past its message');
  return { name, attr: { type, shape, at: p, order: m.order } };
}

/** One object of a global heap collection (variable-length data). */
function globalHeapObject(f: Bytes, at: number): { at: number; size: number } {
  const collection = f.u64(at + 4);
  const index = f.u32(at + 12);
  if (collection < 0 || f.ascii(collection, 4) !== 'GCOL' || f.u8(collection + 4) !== 1) unsupported('global heap');
  const end = collection + f.u64(collection + 8);
  let p = collection + 16;
  for (let n = 0; p + 16 <= end && n < 1_000_000; n++) {
    const id = f.u16(p);
    const size = f.u64(p + 8);
    if (id === 0) break;
    if (id === index) { f.check(p + 16, size); return { at: p + 16, size }; }
    p += 16 + Math.ceil(size / 8) * 8;
  }
  return unsupported('global heap object missing');
}

/** An attribute's value as hdf5_dataset.ts's toAttrs makes it from h5wasm's: a string or numbers. */
function attributeValue(f: Bytes, a: Attribute): AttributeValue {
  const count = a.shape === null ? 0 : a.shape.reduce((x, y) => x * y, 1);
  const { type } = a;
  if (type.kind === 'string' || type.kind === 'vlen-string') {
    const parts: string[] = [];
    for (let k = 0; k < count; k++) {
      if (type.kind === 'string') parts.push(f.text(a.at + k * type.size, type.size));
      else {
        const obj = globalHeapObject(f, a.at + k * 16);
        parts.push(f.text(obj.at, Math.min(obj.size, f.u32(a.at + k * 16))));
      }
    }
    return parts.join(' ');
  }
  if (type.kind === 'int' || type.kind === 'float') return Array.from(numbers(f, type, a.at, count), (x) => Number(x));
  return unsupported(`attribute type ${type.kind}`);
}

/** The netCDF type of a numeric datatype (for its default fill value), or undefined. */
function storedType(type: Datatype): StoredType | undefined {
  if (type.kind === 'float') return type.size === 4 ? 'float' : 'double';
  if (type.kind !== 'int') return undefined;
  const names: Record<number, [StoredType, StoredType]> = { 1: ['byte', 'ubyte'], 2: ['short', 'ushort'], 4: ['int', 'uint'], 8: ['int64', 'uint64'] };
  const pair = names[type.size];
  return pair === undefined ? undefined : pair[type.signed ? 0 : 1];
}

/** `count` values of a numeric type from `at`, as the typed array h5wasm gives for it. */
function numbers(f: Bytes, type: Datatype, at: number, count: number): ArrayLike<number | bigint> {
  f.check(at, count * type.size);
  const copy = f.b.slice(at, at + count * type.size).buffer;
  if (type.kind === 'float') return type.size === 4 ? new Float32Array(copy) : new Float64Array(copy);
  switch (type.size) {
    case 1: return type.signed ? new Int8Array(copy) : new Uint8Array(copy);
    case 2: return type.signed ? new Int16Array(copy) : new Uint16Array(copy);
    case 4: return type.signed ? new Int32Array(copy) : new Uint32Array(copy);
    default: return type.signed ? new BigInt64Array(copy) : new BigUint64Array(copy);
  }
}

interface RootObject {
  readonly name: string;
  readonly addr: number;
  readonly shape: readonly number[] | null;
  readonly type: Datatype | null;
  readonly data: { at: number; size: number } | null;
  readonly attrs: Map<string, Attribute>;
  readonly isDataset: boolean;
}

function readObject(f: Bytes, name: string, addr: number, isGroup = false): RootObject {
  let shape: number[] | null = null;
  let type: Datatype | null = null;
  let data: { at: number; size: number } | null = null;
  let isDataset = false;
  const attrs = new Map<string, Attribute>();
  for (const m of headerMessages(f, addr)) {
    switch (m.type) {
      case 0x01: shape = parseDataspace(f, m.at); break;
      case 0x03:
        if (m.flags & 0x02) unsupported('shared datatype');
        type = parseDatatype(f, m.at);
        break;
      case 0x08: {
        isDataset = true;
        const version = f.u8(m.at);
        const cls = f.u8(m.at + 1);
        if (version !== 3 && version !== 4) unsupported('layout version');
        if (cls === 0) { const size = f.u16(m.at + 2); f.check(m.at + 4, size); data = { at: m.at + 4, size }; }
        else if (cls === 1) {
          const at = f.u64(m.at + 2);
          const size = f.u64(m.at + 10);
          if (at < 0) unsupported('no data written');
          f.check(at, size);
          data = { at, size };
        } else unsupported('chunked or virtual layout');
        break;
      }
      case 0x0c: { const { name: an, attr } = parseAttribute(f, m); attrs.set(an, attr); break; }
      case 0x15: {
        const aflags = f.u8(m.at + 1);
        const heap = f.u64(m.at + 2 + (aflags & 1 ? 2 : 0));
        if (heap !== -1) unsupported('dense attribute storage');
        break;
      }
      case 0x0b: unsupported('filters'); break;
      case 0x02: case 0x06: case 0x0a:
        if (!isGroup) unsupported('a group below the root');
        break;
      case 0x04: case 0x05: case 0x12: case 0x16: case 0x0e: break;   // fill values, times, reference count, group info
      default: unsupported(`message type ${m.type}`);
    }
  }
  if (isDataset) {
    if (shape === null || type === null || data === null) unsupported('a dataset without shape, type or data');
    if (type.kind !== 'int' && type.kind !== 'float') unsupported('a non-numeric variable');
    if (data.size !== shape.reduce((x, y) => x * y, 1) * type.size) unsupported('data size');
  }
  return { name, addr, shape, type, data, attrs, isDataset };
}

/**
 * The root group's hard links, name → object header address, from its compact link messages, in
 * creation order (the order h5wasm lists them in; a group that does not track it goes to h5wasm).
 */
function rootLinks(f: Bytes, rootAddr: number): Map<string, number> {
  const links: Array<{ name: string; addr: number; order: number }> = [];
  let sawInfo = false;
  for (const m of headerMessages(f, rootAddr)) {
    if (m.type === 0x02) {
      sawInfo = true;
      const lflags = f.u8(m.at + 1);
      const heap = f.u64(m.at + 2 + (lflags & 1 ? 8 : 0));
      if (heap !== -1) unsupported('dense link storage');
    } else if (m.type === 0x06) {
      if (f.u8(m.at) !== 1) unsupported('link version');
      const lflags = f.u8(m.at + 1);
      let p = m.at + 2;
      let linkType = 0;
      let order = -1;
      if (lflags & 0x08) { linkType = f.u8(p); p += 1; }
      if (lflags & 0x04) { order = f.u64(p); p += 8; } else unsupported('links without creation order');
      if (lflags & 0x10) p += 1;
      const lenBytes = 1 << (lflags & 3);
      const len = lenBytes === 1 ? f.u8(p) : lenBytes === 2 ? f.u16(p) : lenBytes === 4 ? f.u32(p) : f.u64(p);
      p += lenBytes;
      const name = f.text(p, len);
      p += len;
      if (linkType !== 0) unsupported('soft or external link');
      if (links.length > MAX_LINKS || links.some((l) => l.name === name)) unsupported('links');
      links.push({ name, addr: f.u64(p), order });
    } else if (m.type === 0x11) unsupported('symbol-table group');
  }
  if (!sawInfo) unsupported('no link info');
  return new Map(links.sort((x, y) => x.order - y.order).map((l) => [l.name, l.addr]));
}

/** An object's attributes in creation order, as h5wasm lists them (an untracked order goes to h5wasm). */
function inCreationOrder(attrs: ReadonlyMap<string, Attribute>): Array<[string, Attribute]> {
  const list = [...attrs];
  if (list.some(([, a]) => a.order < 0)) unsupported('attributes without creation order');
  return list.sort(([, x], [, y]) => x.order - y.order);
}

/**
 * Open a NetCDF4 file from its bytes when it lies in the subset above, as the same Dataset the
 * h5wasm reader (openHdf5) gives for it; null when it does not (then use openHdf5).
 */
export function openHdf5Direct(bytes: Uint8Array): Dataset | null {
  try {
    return open(new Bytes(bytes));
  } catch (e) {
    if (e instanceof Unsupported || e instanceof RangeError || e instanceof TypeError) return null;
    throw e;
  }
}

function open(f: Bytes): Dataset {
  const version = f.u8(8);
  if (version !== 2 && version !== 3) unsupported('superblock version');
  if (f.u8(9) !== 8 || f.u8(10) !== 8) unsupported('offset or length size');
  if (f.u32(44) !== lookup3(f.b, 0, 44)) unsupported('superblock checksum');
  if (f.u64(12) !== 0) unsupported('base address');
  if (f.u64(28) > f.b.length) unsupported('truncated');   // the end-of-file address (h5wasm says so in words)
  const links = rootLinks(f, f.u64(36));
  const root = readObject(f, '/', f.u64(36), true);
  const names = [...links.keys()];
  const byAddr = new Map<number, string>();
  for (const n of names) {
    const addr = links.get(n)!;
    if (byAddr.has(addr)) unsupported('an object with two names');
    byAddr.set(addr, n);
  }
  const objects = names.map((n) => readObject(f, n, links.get(n)!));
  const dimensions = new Map<string, number>();
  const variables = new Map<string, DatasetVariable>();
  for (const ds of objects) {
    if (!ds.isDataset) continue;
    const shape = ds.shape!;
    const type = ds.type!;
    const data = ds.data!;
    const nameAttr = ds.attrs.get('NAME');
    const nameValue = nameAttr && (nameAttr.type.kind === 'string' || nameAttr.type.kind === 'vlen-string') ? attributeValue(f, nameAttr) : undefined;
    const isScale = ds.attrs.has('CLASS');
    if (isScale && shape.length === 1) dimensions.set(ds.name, shape[0]);
    if (typeof nameValue === 'string' && nameValue.startsWith(PURE_DIMENSION)) continue;
    const scales = attachedScales(f, ds, byAddr);
    const dimNames = shape.map((n, a) => {
      const dim = scales[a] ?? (isScale && shape.length === 1 ? ds.name : `phony_dim_${ds.name}_${a}`);
      if (!dimensions.has(dim)) dimensions.set(dim, n);
      return dim;
    });
    const attributes: Record<string, AttributeValue> = {};
    const dtypes: Record<string, string> = {};
    for (const [an, attr] of inCreationOrder(ds.attrs)) {
      if (HIDDEN_ATTRIBUTES.has(an)) continue;
      attributes[an] = attributeValue(f, attr);
      dtypes[an] = attr.type.dtype;
    }
    const packed = attributes.scale_factor !== undefined || attributes.add_offset !== undefined;
    const validName = ['valid_range', 'valid_min', 'valid_max'].find((n) => attributes[n] !== undefined);
    const validInPackedUnits = !packed || validName === undefined || dtypes[validName] === type.dtype;
    const count = shape.reduce((x, y) => x * y, 1);
    variables.set(ds.name, {
      name: ds.name, dimensions: dimNames, shape, attributes,
      read(ranges) {
        const values = unpackValues(numbers(f, type, data.at, count), attributes, validInPackedUnits, storedType(type));
        return ranges && ranges.length > 0 ? sliceLeading(values, shape, ranges) : values;
      },
    });
  }
  const globalAttributes: Record<string, AttributeValue> = {};
  for (const [an, attr] of inCreationOrder(root.attrs)) {
    if (!HIDDEN_ATTRIBUTES.has(an)) globalAttributes[an] = attributeValue(f, attr);
  }
  return { format: 'netcdf4', dimensions, variables, globalAttributes, close() { /* the bytes are the caller's */ } };
}

/** The first scale attached to each axis (DIMENSION_LIST: per axis, references to scale datasets), by name. */
function attachedScales(f: Bytes, ds: RootObject, byAddr: ReadonlyMap<number, string>): Array<string | undefined> {
  const list = ds.attrs.get('DIMENSION_LIST');
  if (list === undefined) return [];
  if (list.type.kind !== 'vlen-reference' || list.shape === null || list.shape.length !== 1 || list.shape[0] !== ds.shape!.length) {
    unsupported('DIMENSION_LIST');
  }
  return Array.from({ length: list.shape[0] }, (_, a) => {
    const n = f.u32(list.at + a * 16);
    if (n === 0) return undefined;
    const obj = globalHeapObject(f, list.at + a * 16);
    if (obj.size < 8) unsupported('DIMENSION_LIST reference');
    const name = byAddr.get(f.u64(obj.at));
    if (name === undefined) unsupported('a scale outside the root group');
    return name;
  });
}
