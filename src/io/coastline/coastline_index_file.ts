/**
 * A coastline's finished index (the ShoreGrid arrays `Coastline` queries) as a file, so a run
 * loads the bundled coastline in milliseconds instead of building its index from the shoreline
 * bins (about 0.3 s of CPU a process: parsing 1.3 MB of JSON, finding the land state of 262,144
 * cell centres, listing each cell's edges). The file names the source it was built from by its
 * SHA-256, and the loader uses it only for that source, this format version and a little-endian
 * machine; anything else (another source, an old or damaged file) is ignored and the index is
 * built from the source as before. Made by scripts/build_coastline_index.ts.
 *
 * Layout, gzip-compressed (node:zlib): a little-endian u32 header length, the header as UTF-8 JSON
 * (`IndexHeader`), zero padding to a multiple of 8 bytes, then each array's raw little-endian
 * bytes in `ARRAYS` order, each padded to a multiple of 8.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { Coastline, type ShoreGrid } from '../../core/coastline/index.js';
import type { BoundsDeg } from '../../core/environment/index.js';

/** Raise when the layout or the index builder (coastlineFromBins) changes: older files are then ignored. */
export const COASTLINE_INDEX_VERSION = 1;
const FORMAT = 'sarbridge coastline index';

/** The header: what the index is of and how its arrays are laid out. */
interface IndexHeader {
  readonly format: typeof FORMAT;
  readonly version: number;
  /** The shoreline file the index was built from: its name and SHA-256 (hex). */
  readonly source: { readonly file: string; readonly sha256: string };
  readonly label: string;
  readonly bounds: BoundsDeg;
  readonly nx: number;
  readonly ny: number;
  readonly cellsPerDeg: number;
  /** Element counts, in ARRAYS order. */
  readonly lengths: readonly number[];
}

type ArrayType = Float64ArrayConstructor | Int32ArrayConstructor | Uint8ArrayConstructor;
const ARRAYS: readonly { readonly get: (g: ShoreGrid) => Float64Array | Int32Array | Uint8Array; readonly type: ArrayType }[] = [
  { get: (g) => g.polylines.u, type: Float64Array },
  { get: (g) => g.polylines.v, type: Float64Array },
  { get: (g) => g.polylines.start, type: Int32Array },
  { get: (g) => g.cellEdgeStart, type: Int32Array },
  { get: (g) => g.cellEdges, type: Int32Array },
  { get: (g) => g.cellState, type: Uint8Array },
];

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const pad8 = (n: number): number => (n + 7) & ~7;

/** The index file's bytes for `coastline`, built from `sourceFile` whose SHA-256 is `sourceSha256`. */
export function encodeCoastlineIndex(coastline: Coastline, sourceFile: string, sourceSha256: string): Uint8Array {
  if (!littleEndian) throw new Error('coastline index files are written on little-endian machines only');
  const g = coastline.grid;
  const arrays = ARRAYS.map((a) => a.get(g));
  const header: IndexHeader = {
    format: FORMAT, version: COASTLINE_INDEX_VERSION, source: { file: sourceFile, sha256: sourceSha256 },
    label: coastline.label, bounds: coastline.bounds, nx: g.nx, ny: g.ny, cellsPerDeg: g.cellsPerDeg,
    lengths: arrays.map((a) => a.length),
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  let size = pad8(4 + headerBytes.length);
  for (const a of arrays) size += pad8(a.byteLength);
  const out = new Uint8Array(size);
  new DataView(out.buffer).setUint32(0, headerBytes.length, true);
  out.set(headerBytes, 4);
  let at = pad8(4 + headerBytes.length);
  for (const a of arrays) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += pad8(a.byteLength);
  }
  return gzipSync(out, { level: 9 });
}

/**
 * The coastline in an index file, or null when the file is not an index of the source with
 * SHA-256 `sourceSha256` in this version (or is damaged, or this machine is big-endian). Its
 * arrays sit in one SharedArrayBuffer, so drift worker threads share them instead of copying.
 */
export function decodeCoastlineIndex(bytes: Uint8Array, sourceSha256: string): Coastline | null {
  if (!littleEndian) return null;
  let raw: Buffer;
  try {
    raw = gunzipSync(bytes);
  } catch {
    return null;
  }
  if (raw.length < 4) return null;
  const headerLength = raw.readUInt32LE(0);
  if (4 + headerLength > raw.length) return null;
  let header: IndexHeader;
  try {
    header = JSON.parse(raw.subarray(4, 4 + headerLength).toString('utf8')) as IndexHeader;
  } catch {
    return null;
  }
  if (header.format !== FORMAT || header.version !== COASTLINE_INDEX_VERSION || header.source?.sha256 !== sourceSha256) return null;
  if (!Array.isArray(header.lengths) || header.lengths.length !== ARRAYS.length) return null;
  const memory = new SharedArrayBuffer(raw.length);
  const all = new Uint8Array(memory);
  all.set(raw);
  let at = pad8(4 + headerLength);
  const views: (Float64Array | Int32Array | Uint8Array)[] = [];
  for (let k = 0; k < ARRAYS.length; k++) {
    const { type } = ARRAYS[k];
    const length = header.lengths[k];
    if (!Number.isInteger(length) || length < 0 || at + length * type.BYTES_PER_ELEMENT > raw.length) return null;
    views.push(type === Float64Array ? new Float64Array(memory, at, length) : type === Int32Array ? new Int32Array(memory, at, length) : new Uint8Array(memory, at, length));
    at += pad8(length * type.BYTES_PER_ELEMENT);
  }
  const [u, v, start, cellEdgeStart, cellEdges, cellState] = views as [Float64Array, Float64Array, Int32Array, Int32Array, Int32Array, Uint8Array];
  const { nx, ny, cellsPerDeg } = header;
  if (cellState.length !== nx * ny || cellEdgeStart.length !== nx * ny + 1) return null;
  const grid: ShoreGrid = { nx, ny, cellsPerDeg, cellState, cellEdgeStart, cellEdges, polylines: { u, v, start } };
  return new Coastline(header.label, header.bounds, grid);
}
