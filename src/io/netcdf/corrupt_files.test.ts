// Corrupted forcing files: each failure a reader met (issue 11) is a ForcingFileError or
// DataFileError naming the file, refused at once or, for a file h5wasm loops on, at the deadline.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { DataFileError, ForcingFileError } from '../../core/errors.js';
import { mutateBytes, seededRandom } from './fuzz_mutations.js';
import { openForcingBytes, openForcingFile } from './index.js';
import { writeNetcdf3, type Nc3Var } from './test/netcdf3_writer.js';

const DATA = fileURLToPath(new URL('../../../data/forcing/', import.meta.url));
const TMP = mkdtempSync(join(tmpdir(), 'sarbridge-corrupt-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const wind = (extraTime: Partial<Nc3Var> = {}, dims: Record<string, number> = { time: 2, lat: 2, lon: 3 }): Uint8Array => {
  const n = dims.time * dims.lat * dims.lon;
  return writeNetcdf3(dims, [
    { name: 'time', dims: ['time'], type: 'double', attrs: { units: 'hours since 2024-01-01' }, data: [0, 1], ...extraTime },
    { name: 'lat', dims: ['lat'], type: 'double', attrs: { units: 'degrees_north' }, data: [37, 38] },
    { name: 'lon', dims: ['lon'], type: 'double', attrs: { units: 'degrees_east' }, data: Array.from({ length: dims.lon }, (_, k) => 131 + k) },
    { name: 'u10', dims: ['time', 'lat', 'lon'], type: 'float', attrs: { standard_name: 'eastward_wind' }, data: new Array(n).fill(1) },
    { name: 'v10', dims: ['time', 'lat', 'lon'], type: 'float', attrs: { standard_name: 'northward_wind' }, data: new Array(n).fill(2) },
  ], { title: 'test' });
};

/** Write bytes to a file named `name` and open it; the error it raises. */
async function refusal(name: string, bytes: Uint8Array): Promise<Error> {
  const p = join(TMP, name);
  writeFileSync(p, bytes);
  const error = await openForcingFile(p).then(() => null, (e: Error) => e);
  if (error === null) throw new Error(`${name} was opened`);
  return error;
}

/** The index of the first occurrence of `pattern` in `bytes`. */
function find(bytes: Uint8Array, pattern: number[]): number {
  for (let i = 0; i + pattern.length <= bytes.length; i++) if (pattern.every((b, k) => bytes[i + k] === b)) return i;
  throw new Error('pattern not found');
}

describe('NetCDF3 headers are checked before use', () => {
  test('the file as written opens', async () => {
    const p = join(TMP, 'good.nc');
    writeFileSync(p, wind());
    expect((await openForcingFile(p)).fields.wind).toBeDefined();
  });

  test('a header claiming 4,294,967,294 global attributes is refused at once', async () => {
    const bytes = wind();
    const tag = find(bytes, [0, 0, 0, 0x0c]);   // the global attribute list follows the three dimensions
    new DataView(bytes.buffer).setUint32(tag + 4, 0xfffffffe);
    const error = await refusal('many-attributes.nc', bytes);
    expect(error).toBeInstanceOf(ForcingFileError);
    expect(error.message).toMatch(/many-attributes\.nc: corrupt NetCDF3 header: 4294967294 attributes of the file cannot fit in the \d+ bytes left/);
  });

  test('a variable naming a dimension id the file does not have', async () => {
    const bytes = wind();
    // variable 'time': name length 4, 'time', rank 1, dimension id 0 (the dimension entry has length 2 there instead)
    const at = find(bytes, [0, 0, 0, 4, 0x74, 0x69, 0x6d, 0x65, 0, 0, 0, 1, 0, 0, 0, 0]);
    new DataView(bytes.buffer).setUint32(at + 12, 7);
    const error = await refusal('dimension-id.nc', bytes);
    expect(error).toBeInstanceOf(ForcingFileError);
    expect(error.message).toMatch(/dimension-id\.nc: corrupt NetCDF3 header: variable 'time' names dimension id 7, but the file has 3 dimensions/);
  });

  test('a dimension of length 0 that is not a first axis', async () => {
    const error = await refusal('zero-length.nc', wind({}, { time: 2, lat: 2, lon: 0 }));
    expect(error).toBeInstanceOf(ForcingFileError);
    expect(error.message).toMatch(/zero-length\.nc: corrupt NetCDF3 header: variable 'u10' has dimension 'lon' of length 0 \(the record dimension\) as axis 2/);
  });

  test('times beyond the range of a date are refused naming the time variable', async () => {
    const error = await refusal('far-future.nc', wind({ attrs: { units: 'days since 1970-01-01' }, data: [0, 1e12] }));
    expect(error).toBeInstanceOf(ForcingFileError);
    expect(error.message).toMatch(/far-future\.nc: variable 'time': time value 1 \(1000000000000 in 'days since 1970-01-01'\) lies outside the years 1 to 9999/);
  });

  test('the same checks guard bytes opened in memory (the browser and the upload path)', async () => {
    const bytes = wind();
    new DataView(bytes.buffer).setUint32(find(bytes, [0, 0, 0, 0x0c]) + 4, 0xfffffffe);
    await expect(openForcingBytes('upload.nc', bytes)).rejects.toThrow(/upload\.nc: corrupt NetCDF3 header: 4294967294 attributes/);
  });
});

describe('NetCDF4/HDF5 files open in a worker thread with a deadline', () => {
  const eastSeaWind = new Uint8Array(readFileSync(join(DATA, 'east-sea-synthetic/east-sea-wind.nc')));
  /** Mutation `index` of the seeded sequence `seed` of the east-sea wind file. */
  const mutant = (seed: number, index: number): Uint8Array => {
    const random = seededRandom(seed);
    let m = mutateBytes(eastSeaWind, random);
    for (let k = 0; k < index; k++) m = mutateBytes(eastSeaWind, random);
    return m.bytes;
  };

  test("h5wasm's 'name not defined!' on a corrupt symbol table names the file", async () => {
    const error = await refusal('symbol-table.nc', mutant(2, 0));
    expect(error).toBeInstanceOf(DataFileError);
    expect(error.message).toMatch(/symbol-table\.nc: cannot read its NetCDF4\/HDF5 structure \(error - name not defined!\)/);
  });

  test('a file HDF5 loops on for ever is stopped at the deadline and named', async () => {
    // seed 2, mutation 68: four bytes replaced in the dimension list; get_attached_scales never returns
    const p = join(TMP, 'loops.nc');
    writeFileSync(p, mutant(2, 68));
    const error = await openForcingFile(p, { deadlineMs: 3000 }).then(() => null, (e: Error) => e);
    expect(error).toBeInstanceOf(ForcingFileError);
    expect(error!.message).toMatch(/loops\.nc: reading it did not finish within 3 s and was stopped; the file is probably corrupt/);
    // the thread was replaced: the next file opens
    expect((await openForcingFile(join(DATA, 'east-sea-synthetic/east-sea-wind.nc'))).fields.wind).toBeDefined();
  }, 60_000);
});

describe('plausibility limits per quantity', () => {
  const currents = (u: number[]): Uint8Array => writeNetcdf3({ time: 2, lat: 2, lon: 3 }, [
    { name: 'time', dims: ['time'], type: 'double', attrs: { units: 'hours since 2024-01-01' }, data: [0, 1] },
    { name: 'lat', dims: ['lat'], type: 'double', attrs: { units: 'degrees_north' }, data: [37, 38] },
    { name: 'lon', dims: ['lon'], type: 'double', attrs: { units: 'degrees_east' }, data: [131, 132, 133] },
    { name: 'uo', dims: ['time', 'lat', 'lon'], type: 'float', attrs: { standard_name: 'eastward_sea_water_velocity' }, data: u },
    { name: 'vo', dims: ['time', 'lat', 'lon'], type: 'float', attrs: { standard_name: 'northward_sea_water_velocity' }, data: new Array(12).fill(0) },
  ]);

  test('a current faster than 10 m/s is treated as missing, with a warning naming the file and the count', async () => {
    const p = join(TMP, 'fast-current.nc');
    writeFileSync(p, currents([0.3, 0.3, 12, 0.3, 0.3, 0.3, 0.3, 0.3, 782, 0.3, 0.3, 9.5]));
    const file = await openForcingFile(p);
    expect(file.warnings).toEqual([expect.stringMatching(/^fast-current\.nc: 2 of 12 current values \(uo\/vo\) are faster than 10 m\/s \(up to 782 m\/s\), which no current is: treated as missing/)]);
    const east = new Float64Array(1), north = new Float64Array(1), covered = new Uint8Array(1);
    file.fields.current!.sampleBatch(Date.UTC(2024, 0, 1) / 1000, Float64Array.of(133), Float64Array.of(37), 1, east, north, covered);
    // the 12 m/s node is no current: its value is not used (not covered, or its neighbours' only)
    expect(covered[0] === 0 || Math.abs(east[0]) < 1).toBe(true);
  });

  test('9.5 m/s of current (a tidal race) and 80 m/s of wind (a typhoon) are kept', async () => {
    const p = join(TMP, 'tidal-race.nc');
    writeFileSync(p, currents(new Array(12).fill(9.5)));
    expect((await openForcingFile(p)).warnings).toEqual([]);
    const w = join(TMP, 'typhoon.nc');
    const typhoon = writeNetcdf3({ time: 2, lat: 2, lon: 3 }, [
      { name: 'time', dims: ['time'], type: 'double', attrs: { units: 'hours since 2024-01-01' }, data: [0, 1] },
      { name: 'lat', dims: ['lat'], type: 'double', attrs: { units: 'degrees_north' }, data: [37, 38] },
      { name: 'lon', dims: ['lon'], type: 'double', attrs: { units: 'degrees_east' }, data: [131, 132, 133] },
      { name: 'u10', dims: ['time', 'lat', 'lon'], type: 'float', attrs: { standard_name: 'eastward_wind' }, data: new Array(12).fill(80) },
      { name: 'v10', dims: ['time', 'lat', 'lon'], type: 'float', attrs: { standard_name: 'northward_wind' }, data: [...new Array(11).fill(0), 120] },
    ]);
    writeFileSync(w, typhoon);
    expect((await openForcingFile(w)).warnings).toEqual([expect.stringMatching(/^typhoon\.nc: 1 of 12 wind values \(u10\/v10\) are faster than 100 m\/s \(up to 144 m\/s\)/)]);
  });
});
