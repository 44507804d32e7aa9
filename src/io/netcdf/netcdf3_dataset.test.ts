import { NetCDFReader } from 'netcdfjs';
import { describe, expect, test } from 'vitest';
import { openNetcdf3 } from './netcdf3_dataset.js';
import { writeNetcdf3 } from './test/netcdf3_writer.js';

// A time × y × x field of each numeric type, fixed-size and along a record dimension, with values
// that fill each type's range (negative ones too) so a wrong byte order or sign shows.
const NT = 3, NY = 2, NX = 3;
const values = (scale: number) => Array.from({ length: NT * NY * NX }, (_, k) => Math.round((k - 8.5) * scale) || 0);
const VARS = [
  { name: 'b', type: 'byte' as const, data: values(14) },
  { name: 's', type: 'short' as const, data: values(3000) },
  { name: 'i', type: 'int' as const, data: values(200_000_000) },
  { name: 'f', type: 'float' as const, data: values(1).map((v) => v / 4) },
  { name: 'd', type: 'double' as const, data: values(1).map((v) => v / 3) },
];

describe('openNetcdf3 reads numeric variables from the bytes', () => {
  for (const record of [false, true]) {
    const bytes = writeNetcdf3({ time: NT, y: NY, x: NX },
      [{ name: 'x', dims: ['x'], type: 'double', data: [0, 1, 2] }, ...VARS.map((v) => ({ ...v, dims: ['time', 'y', 'x'] }))],
      {}, record ? 'time' : undefined);
    const ds = openNetcdf3('t.nc', bytes);

    test(`every type, ${record ? 'along the record dimension' : 'fixed-size'}: the values written`, () => {
      const reader = new NetCDFReader(bytes);
      for (const v of VARS) {
        expect(Array.from(ds.variables.get(v.name)!.read()), v.name).toEqual(v.type === 'float' ? v.data.map(Math.fround) : v.data);
        // netcdfjs (the reader before) agrees on float and double; it reads NC_BYTE as unsigned
        // (the format says signed) and a short or byte variable's padding as extra values
        if (v.type === 'float' || v.type === 'double') {
          expect(Array.from(ds.variables.get(v.name)!.read())).toEqual((reader.getDataVariable(v.name) as unknown[]).flat());
        }
      }
      expect(Array.from(ds.variables.get('x')!.read())).toEqual([0, 1, 2]);
    });

    test(`index ranges on the first axes, ${record ? 'along the record dimension' : 'fixed-size'}`, () => {
      const d = VARS[4].data;
      const at = (t: number, j: number, i: number) => d[(t * NY + j) * NX + i];
      expect(Array.from(ds.variables.get('d')!.read([[1, 3]]))).toEqual(d.slice(NY * NX));
      expect(Array.from(ds.variables.get('d')!.read([[2, 3], [1, 2]]))).toEqual([at(2, 1, 0), at(2, 1, 1), at(2, 1, 2)]);
      expect(Array.from(ds.variables.get('d')!.read([null, [0, 1]]))).toEqual([0, 1, 2].flatMap((t) => [at(t, 0, 0), at(t, 0, 1), at(t, 0, 2)]));
    });
  }

  test('packed shorts are unpacked and their fill value is NaN', () => {
    const bytes = writeNetcdf3({ x: 3 }, [{ name: 'u', dims: ['x'], type: 'short', attrs: { scale_factor: 0.01, add_offset: 1, _FillValue: -32767 }, data: [100, -32767, -250] }]);
    expect(Array.from(openNetcdf3('p.nc', bytes).variables.get('u')!.read())).toEqual([2, NaN, -1.5]);
  });
});

describe('fill values by the NetCDF User\'s Guide', () => {
  test('no _FillValue: the type\'s default fill (never written) is missing, packed or not; bytes keep theirs', () => {
    // netcdf.h: NC_FILL_SHORT -32767, NC_FILL_INT -2147483647, NC_FILL_FLOAT 9.9692099683868690e+36
    const bytes = writeNetcdf3({ x: 3 }, [
      { name: 'u', dims: ['x'], type: 'short', attrs: { scale_factor: 0.001, missing_value: -30000 }, data: [1500, -32767, -30000] },
      { name: 'i', dims: ['x'], type: 'int', data: [7, -2147483647, -2147483646] },
      { name: 'f', dims: ['x'], type: 'float', data: [0.5, 9.9692099683868690e+36, -1] },
      { name: 'b', dims: ['x'], type: 'byte', data: [-127, 0, 1] },
      { name: 'g', dims: ['x'], type: 'short', attrs: { _FillValue: -999 }, data: [-32767, -999, 3] },
    ]);
    const ds = openNetcdf3('t.nc', bytes);
    const read = (name: string) => Array.from(ds.variables.get(name)!.read());
    expect(read('u')).toEqual([1.5, NaN, NaN]);
    expect(read('i')).toEqual([7, NaN, -2147483646]);
    expect(read('f')).toEqual([0.5, NaN, -1]);
    expect(read('b')).toEqual([-127, 0, 1]);
    expect(read('g')).toEqual([-32767, NaN, 3]);   // a _FillValue of its own replaces the default
  });
});
