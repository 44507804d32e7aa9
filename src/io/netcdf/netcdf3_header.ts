import { ForcingFileError } from '../../core/errors.js';

/** Bytes of one value of each NetCDF3 type (NC_BYTE 1 … NC_DOUBLE 6). */
const TYPE_SIZE = [0, 1, 1, 2, 4, 4, 8];
const NC_DIMENSION = 0x0a, NC_VARIABLE = 0x0b, NC_ATTRIBUTE = 0x0c;
/** NUMRECS of a file still being written (the record count is then taken from the file's size). */
const STREAMING = 0xffffffff;

/**
 * Check a NetCDF3 (classic or 64-bit offset) header before netcdfjs reads it, so a corrupt header
 * is refused at once with what is wrong (Unidata, "NetCDF Classic and 64-bit Offset Format",
 * format spec): every count fits in the bytes left (a header claiming 4,294,967,294 attributes
 * made netcdfjs loop for 16 s), every name and attribute lies inside the file, every type is one
 * of the six, every dimension id a variable names exists, at most one dimension is the record
 * dimension and only as a variable's first, and every variable's data begins after the header and
 * ends inside the file. Pure (the browser opens forcing bytes too). Throws ForcingFileError naming
 * `name`.
 */
export function checkNetcdf3Header(name: string, bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = bytes.length;
  const bad = (problem: string): never => { throw new ForcingFileError(name, '', `corrupt NetCDF3 header: ${problem}`); };
  let at = 4;
  const u32 = (what: string): number => {
    if (at + 4 > size) bad(`it ends inside ${what} (at byte ${at} of ${size})`);
    const v = view.getUint32(at);
    at += 4;
    return v;
  };
  const version = bytes[3];
  const offsetBytes = version === 2 ? 8 : 4;
  const offset = (what: string): number => {
    if (offsetBytes === 4) return u32(what);
    const high = u32(what), low = u32(what);
    return high * 2 ** 32 + low;
  };
  /** A count of items each at least `minBytes` long: refused when the rest of the file cannot hold them. */
  const count = (what: string, minBytes: number): number => {
    const n = u32(`the number of ${what}`);
    if (n * minBytes > size - at) bad(`${n} ${what} cannot fit in the ${size - at} bytes left at byte ${at - 4}`);
    return n;
  };
  const text = (what: string): string => {
    const length = u32(`the length of ${what}`);
    if (length > size - at) bad(`${what} of ${length} bytes at byte ${at - 4} runs past the end of the file`);
    const s = new TextDecoder().decode(bytes.subarray(at, at + length));
    at += Math.ceil(length / 4) * 4;
    return s;
  };
  /** A list's tag and count; ABSENT (two zeros) is an empty list. */
  const list = (tag: number, what: string, minBytes: number): number => {
    const t = u32(`the ${what} list`);
    if (t === 0) {
      if (u32(`the ${what} list`) !== 0) bad(`an absent ${what} list must have count 0 (at byte ${at - 4})`);
      return 0;
    }
    if (t !== tag) bad(`the ${what} list has tag 0x${t.toString(16)} at byte ${at - 4}, expected 0x${tag.toString(16)}`);
    return count(what, minBytes);
  };
  const attributes = (owner: string): void => {
    const n = list(NC_ATTRIBUTE, `attributes of ${owner}`, 12);
    for (let k = 0; k < n; k++) {
      const attr = text(`an attribute name of ${owner}`);
      const type = u32(`the type of ${owner}:${attr}`);
      if (type < 1 || type > 6) bad(`attribute ${owner}:${attr} has type ${type}, not one of the six NetCDF3 types`);
      const values = u32(`the length of ${owner}:${attr}`);
      const length = values * TYPE_SIZE[type];
      if (length > size - at) bad(`attribute ${owner}:${attr} claims ${values} values, past the end of the file`);
      at += Math.ceil(length / 4) * 4;
    }
  };

  const numrecs = u32('the record count');
  const dimCount = list(NC_DIMENSION, 'dimensions', 8);
  const dimLengths: number[] = [];
  const dimNames: string[] = [];
  let recordDim = -1;
  for (let d = 0; d < dimCount; d++) {
    const dim = text('a dimension name');
    const length = u32(`the length of dimension '${dim}'`);
    if (length === 0) {
      if (recordDim >= 0) bad(`dimensions ${recordDim} and ${d} ('${dim}') both have length 0: only one can be the record dimension`);
      recordDim = d;
    }
    dimLengths.push(length);
    dimNames.push(dim);
  }
  attributes('the file');
  const varCount = list(NC_VARIABLE, 'variables', 16 + offsetBytes);
  const vars: { name: string; type: number; vsize: number; begin: number; record: boolean; fixedBytes: number }[] = [];
  for (let v = 0; v < varCount; v++) {
    const variable = text('a variable name');
    const rank = count(`dimensions of variable '${variable}'`, 4);
    let record = false, fixedBytes = 1;
    for (let a = 0; a < rank; a++) {
      const id = u32(`a dimension id of '${variable}'`);
      if (id >= dimCount) bad(`variable '${variable}' names dimension id ${id}, but the file has ${dimCount} dimension${dimCount === 1 ? '' : 's'}`);
      if (id === recordDim) {
        if (a !== 0) bad(`variable '${variable}' has dimension '${dimNames[id]}' of length 0 (the record dimension) as axis ${a}; only a first axis can be`);
        record = true;
      } else {
        fixedBytes *= dimLengths[id];
      }
    }
    attributes(`'${variable}'`);
    const type = u32(`the type of '${variable}'`);
    if (type < 1 || type > 6) bad(`variable '${variable}' has type ${type}, not one of the six NetCDF3 types`);
    const vsize = u32(`the size of '${variable}'`);
    const begin = offset(`the data offset of '${variable}'`);
    vars.push({ name: variable, type, vsize, begin, record, fixedBytes: fixedBytes * TYPE_SIZE[type] });
  }
  const headerEnd = at;
  const records = numrecs === STREAMING ? 0 : numrecs;
  // one record holds every record variable's slab, each padded to 4 bytes (the spec's recsize)
  const recordBytes = vars.filter((v) => v.record).reduce((a, v) => a + Math.ceil(v.fixedBytes / 4) * 4, 0);
  for (const v of vars) {
    if (v.begin < headerEnd) bad(`the data of '${v.name}' begins at byte ${v.begin}, inside the header (which ends at ${headerEnd})`);
    const end = v.record ? v.begin + Math.max(0, records - 1) * recordBytes + v.fixedBytes : v.begin + v.fixedBytes;
    if (!Number.isSafeInteger(end)) bad(`the data of '${v.name}' would end beyond any file size`);
  }
}
