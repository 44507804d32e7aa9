import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../test_support/cli.js';
import { loadLeewayTable } from '../../io/leeway/index.js';
import { loadDriftCase } from '../case_file/index.js';
import { openJobForcingFiles } from '../drift_job/open.js';
import { parsePlanFile, planCaseFromFile } from '../plan/plan_file.js';
import { lonLatAt, OCEAN_TIME_S, ORIGIN_S, uvEastNorth } from '../../io/netcdf/test/roms_croco_fixture.js';

const FIXTURE = fileURLToPath(new URL('../../io/netcdf/test/roms-croco/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sarbridge-roms-'));
const [lon, lat] = lonLatAt(4, 4);
const position = `${lat.toFixed(5)} ${lon.toFixed(5)}`;
const crocoArgs = ['--current', join(FIXTURE, 'croco_his.nc'), '--grid', join(FIXTURE, 'roms_grd.nc'),
  '--variable', 'sea_water_x_velocity=usurf', '--variable', 'sea_water_y_velocity=vsurf'];
const common = ['drift', '--position', position, '--time', '2026-03-11T00:00Z', '--wind-constant', '0@0',
  '--duration-h', '3', '--particles', '50', '--radius-nm', '0.1', '--coastline', 'none', '--workers', '1'];

describe('sarbridge drift on CROCO output with its grid file', () => {
  test('--grid, --variable and --time-origin after the file: the run reads it and says how', async () => {
    const { code, out, err } = await runCli(...common, ...crocoArgs, '--time-origin', '2026-03-01T00:00Z', '--out', join(dir, 'croco.geojson'));
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/grid file: roms_grd\.nc/);
    expect(out).toMatch(/variable mapping: sea_water_x_velocity=usurf, sea_water_y_velocity=vsurf/);
    expect(out).toMatch(/time origin 2026-03-01T00:00Z from the time origin given \(units 'second'\)/);
  });

  test('without --time-origin: the error says how to give it', async () => {
    const { code, err } = await runCli(...common, ...crocoArgs, '--out', join(dir, 'no-origin.geojson'));
    expect(code).toBe(1);
    expect(err).toMatch(/croco_his\.nc: variable 'scrum_time': time units 'second' have no epoch.*--time-origin 2001-01-01T00:00Z after the file.*\[SARB_FORCING_FILE\]/);
  });

  test('--grid before any file is a usage error that says where it goes', async () => {
    const { code, err } = await runCli(...common, '--grid', join(FIXTURE, 'roms_grd.nc'), '--current', join(FIXTURE, 'roms_his.nc'));
    expect(code).toBe(2);
    expect(err).toMatch(/--grid applies to the forcing file before it: give it after --wind, --current or --forcing FILE/);
  });

  test('a --variable that is not STANDARD_NAME=VARIABLE is a usage error', async () => {
    const { code, err } = await runCli(...common, '--current', join(FIXTURE, 'croco_his.nc'), '--variable', 'usurf');
    expect(code).toBe(2);
    expect(err).toMatch(/give STANDARD_NAME=VARIABLE, e\.g\. 'sea_water_x_velocity=u'/);
  });
});

describe('grid:, variables: and timeOrigin: in case and plan files', () => {
  const forcing = `forcing:
  wind: [{ constant: { speedMps: 0, fromDeg: 0 } }]
  current:
    - file: ${join(FIXTURE, 'croco_his.nc')}
      grid: ${join(FIXTURE, 'roms_grd.nc')}
      variables: { sea_water_x_velocity: usurf, sea_water_y_velocity: vsurf }
      timeOrigin: '2026-03-01T00:00Z'
scenarios: [{ name: PIW, weight: 1, object: PIW-1, position: '${position}', time: '2026-03-11T00:00Z' }]
`;

  test('a case file: the forcing opens as the formula says', async () => {
    const path = join(dir, 'croco-case.yaml');
    writeFileSync(path, forcing);
    const job = loadDriftCase(path, loadLeewayTable());
    expect(job.forcing.current[0]).toMatchObject({ kind: 'file', grid: join(FIXTURE, 'roms_grd.nc'), timeOriginS: ORIGIN_S });
    const opened = await openJobForcingFiles(job);
    const e = new Float64Array(1), n = new Float64Array(1), c = new Uint8Array(1);
    opened.current.sampleBatch(ORIGIN_S + OCEAN_TIME_S[1], Float64Array.of(lon), Float64Array.of(lat), 1, e, n, c);
    const [ee, nn] = uvEastNorth(4, 4, 3);
    expect(Math.abs(e[0] - ee)).toBeLessThan(2e-6);
    expect(Math.abs(n[0] - nn)).toBeLessThan(2e-6);
  });

  test('a relative grid path is taken from the case file folder; a bad timeOrigin names its field', () => {
    const relative = forcing.replace(join(FIXTURE, 'roms_grd.nc'), 'roms_grd.nc');
    const path = join(FIXTURE, '..', 'not-written.yaml');
    const job = planCaseFromFile(parsePlanFile(`${relative}planningTime: '2026-03-11T01:00Z'\nunits: [{ id: A, speedKn: 10, enduranceH: 2, arrival: '2026-03-11T01:00Z', patterns: [PS], sweepWidthNm: 1 }]\n`, path),
      loadLeewayTable(), (p) => join(FIXTURE, p), path);
    expect(job.drift.forcing.current[0]).toMatchObject({ grid: join(FIXTURE, 'roms_grd.nc') });
    const bad = forcing.replace("'2026-03-01T00:00Z'", "'first of March'");
    writeFileSync(join(dir, 'bad.yaml'), bad);
    expect(() => loadDriftCase(join(dir, 'bad.yaml'), loadLeewayTable())).toThrow(/bad\.yaml: forcing\/current\/0\/timeOrigin: cannot read 'first of March'/);
  });
});
