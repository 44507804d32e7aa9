import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import h5wasm from 'h5wasm/node';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../../test_support/cli.js';
import { openHdf5 } from '../../io/netcdf/hdf5_dataset.js';

const dir = mkdtempSync(join(tmpdir(), 'sarbridge-nc-out-'));
const FIXTURE = fileURLToPath(new URL('../../io/netcdf/test/roms-croco/', import.meta.url));

beforeAll(async () => { await h5wasm.ready; });

describe('sarbridge drift --out run.nc', () => {
  test('writes the CF trajectory file: every output time, the settings and the forcing read', async () => {
    const out = join(dir, 'run.nc');
    const { code, out: printed, err } = await runCli('drift', '--position', '60.25 4.6', '--time', '2026-03-11T00:00Z',
      '--current', join(FIXTURE, 'roms_his.nc'), '--grid', join(FIXTURE, 'roms_grd.nc'), '--wind-constant', '5@270',
      '--duration-h', '2', '--output-every', '3', '--particles', '30', '--radius-nm', '0.1', '--coastline', 'none', '--workers', '1', '--out', out);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(printed).toMatch(/Wrote .*run\.nc \(30 particles × 5 times\)/);
    const ds = openHdf5(out, h5wasm, out);
    try {
      expect([...ds.dimensions]).toEqual([['trajectory', 30], ['time', 5]]);
      expect(ds.globalAttributes).toMatchObject({ Conventions: 'CF-1.8', featureType: 'trajectory', drift_duration_hours: [2], time_step_seconds: [600] });
      expect(ds.globalAttributes.forcing_files).toMatch(/roms_his\.nc: NetCDF3 classic\n.*grid file: roms_grd\.nc/s);
      expect(ds.globalAttributes.wind).toMatch(/constant wind 5\.00 m\/s toward 090°/);
      const lon = ds.variables.get('lon')!.read();
      expect(lon.every((x) => x > 4.5 && x < 4.8)).toBe(true);
    } finally {
      ds.close();
    }
  });
});
