import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import h5wasm from 'h5wasm/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ParticleStatus, runDrift, type DriftRequest, type DriftResult } from '../../core/drift/index.js';
import { ConstantField } from '../../core/environment/index.js';
import { findObjectClass } from '../../core/objects/index.js';
import { loadLeewayTable } from '../leeway/index.js';
import { openHdf5 } from './hdf5_dataset.js';
import { writeTrajectoryFile } from './trajectory_file.js';

const TMP = mkdtempSync(join(tmpdir(), 'sarbridge-trajectory-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const START_S = Date.UTC(2026, 2, 10, 6) / 1000;
const objects = loadLeewayTable();
/** Two scenarios; the second seeded along a track over 2 h, so some particles are not released at first. */
const request: DriftRequest = {
  scenarios: [
    { name: 'PIW one', weight: 3, objectClass: findObjectClass(objects, 'PIW-1'), seeding: { kind: 'point', position: { lonDeg: 131, latDeg: 37 }, radiusM: 500, spread: 'gaussian', timeS: START_S } },
    { name: 'raft', weight: 1, objectClass: findObjectClass(objects, 'LIFE-RAFT-DB-10'), seeding: {
      kind: 'track', from: { lonDeg: 131, latDeg: 37 }, to: { lonDeg: 131.1, latDeg: 37.05 }, fromTimeS: START_S, toTimeS: START_S + 7200,
      fromRadiusM: 300, toRadiusM: 600, spread: 'gaussian' } },
  ],
  startS: START_S, direction: 'forward', durationS: 3 * 3600, timeStepS: 600, outputEverySteps: 3,
  particleCount: 40, seed: 7, jibeProbabilityPerHour: 0.04,
};
let result: DriftResult;
const path = join(TMP, 'run.nc');

beforeAll(async () => {
  await h5wasm.ready;
  result = runDrift(request, { wind: new ConstantField('wind', 8, 3), current: new ConstantField('current', 0.1, 0.2) });
  await writeTrajectoryFile(path, result, { case_title: 'trajectory test' });
});

describe('CF-1.8 trajectory NetCDF4, read back by the project\'s HDF5 reader', () => {
  test('dimensions trajectory × time, coordinates, the run\'s settings as global attributes', () => {
    const ds = openHdf5(path, h5wasm, path);
    try {
      expect(ds.format).toBe('netcdf4');
      expect([...ds.dimensions]).toEqual([['trajectory', 40], ['time', 7]]);
      expect(ds.variables.get('lon')!.dimensions).toEqual(['trajectory', 'time']);
      expect(ds.variables.get('status')!.dimensions).toEqual(['trajectory', 'time']);
      expect(ds.variables.get('weight')!.dimensions).toEqual(['trajectory']);
      expect(Array.from(ds.variables.get('time')!.read())).toEqual(result.snapshots.map((s) => s.timeS));
      expect(ds.variables.get('trajectory')!.attributes.cf_role).toBe('trajectory_id');
      const g = ds.globalAttributes;
      expect(g).toMatchObject({ Conventions: 'CF-1.8', featureType: 'trajectory', drift_direction: 'forward', case_title: 'trajectory test',
        time_coverage_start: '2026-03-10T06:00:00Z', time_coverage_end: '2026-03-10T09:00:00Z', time_step_seconds: [600], particle_count: [40], random_seed: [7] });
      expect(g.scenarios).toMatch(/0: PIW one \(weight 3, PIW-1: .*; 1: raft \(weight 1, LIFE-RAFT-DB-10/);
      expect(ds.variables.get('status')!.attributes).toMatchObject({ flag_values: [0, 1, 2, 3], flag_meanings: 'active stranded outside_forcing not_released' });
      expect(ds.variables.get('scenario')!.attributes).toMatchObject({ flag_values: [0, 1], flag_meanings: 'PIW_one raft' });
    } finally {
      ds.close();
    }
  });

  test('positions, statuses, scenarios and weights as the drift left them; not yet released is the fill value', () => {
    const ds = openHdf5(path, h5wasm, path);
    try {
      const lon = ds.variables.get('lon')!.read(), lat = ds.variables.get('lat')!.read(), status = ds.variables.get('status')!.read();
      let notReleased = 0;
      result.snapshots.forEach((s, t) => {
        for (let p = 0; p < 40; p++) {
          const k = p * 7 + t;
          expect(status[k]).toBe(s.status[p]);
          if (s.status[p] === ParticleStatus.notReleased) {
            notReleased++;
            expect(Number.isNaN(lon[k]) && Number.isNaN(lat[k])).toBe(true);
          } else {
            expect(lon[k]).toBeCloseTo(s.lonDeg[p], 4);   // float32: about 1 m
            expect(lat[k]).toBeCloseTo(s.latDeg[p], 4);
          }
        }
      });
      expect(notReleased).toBeGreaterThan(0);
      expect(Array.from(ds.variables.get('scenario')!.read())).toEqual(Array.from(result.particles.scenario));
      const weight = ds.variables.get('weight')!.read();
      expect(weight.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(Array.from(weight)).toEqual(Array.from(result.particles.weight));
    } finally {
      ds.close();
    }
  });

  test('a folder that does not exist: an error naming the file', async () => {
    await expect(writeTrajectoryFile(join(TMP, 'no', 'such', 'run.nc'), result)).rejects.toThrow(/no\/such\/run\.nc: cannot be written/);
  });
});

/** A Python that has netCDF4 (Debian's python3-netcdf4), or null. */
function pythonWithNetcdf4(): string | null {
  for (const python of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(python, ['-c', 'import netCDF4'], { encoding: 'utf8' });
    if (r.status === 0) return python;
  }
  return null;
}
const PYTHON = pythonWithNetcdf4();
if (PYTHON === null) console.warn('trajectory_file.test: no python3 with netCDF4 (Debian package python3-netcdf4): the netCDF-C reading check is skipped');

describe.skipIf(PYTHON === null)('the same file read by the netCDF-C library (Python netCDF4)', () => {
  test('dimensions, types, CF attributes and values as written', () => {
    const script = `
import json, sys, netCDF4, numpy
d = netCDF4.Dataset(sys.argv[1])
out = {
  'model': d.data_model,
  'dims': {k: len(v) for k, v in d.dimensions.items()},
  'vars': {k: [str(v.dtype), list(v.dimensions)] for k, v in d.variables.items()},
  'globals': {k: (d.getncattr(k) if isinstance(d.getncattr(k), str) else numpy.asarray(d.getncattr(k)).tolist()) for k in ('Conventions', 'featureType', 'particle_count', 'wind')},
  'time_units': d['time'].units, 'cf_role': d['trajectory'].cf_role,
  'flag_meanings': d['status'].flag_meanings, 'flag_values': d['status'].flag_values.tolist(),
  'lon': [[None if numpy.ma.is_masked(x) else float(x) for x in row] for row in d['lon'][:]],
  'status': d['status'][:].tolist(),
  'times': netCDF4.num2date(d['time'][:], d['time'].units).astype(str).tolist(),
}
print(json.dumps(out))`;
    const r = spawnSync(PYTHON!, ['-c', script, path], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const got = JSON.parse(r.stdout);
    expect(got.model).toBe('NETCDF4');
    expect(got.dims).toEqual({ trajectory: 40, time: 7 });
    expect(got.vars).toEqual({
      trajectory: ['int32', ['trajectory']], time: ['float64', ['time']], lon: ['float32', ['trajectory', 'time']], lat: ['float32', ['trajectory', 'time']],
      status: ['int8', ['trajectory', 'time']], scenario: ['int16', ['trajectory']], weight: ['float64', ['trajectory']],
    });
    expect(got.globals).toMatchObject({ Conventions: 'CF-1.8', featureType: 'trajectory', particle_count: 40 });
    expect(got.globals.wind).toMatch(/^constant wind 8\.54 m\/s toward \d{3}°$/);   // UTF-8 text decoded as such
    expect([got.time_units, got.cf_role, got.flag_meanings, got.flag_values]).toEqual(['seconds since 1970-01-01 00:00:00', 'trajectory_id', 'active stranded outside_forcing not_released', [0, 1, 2, 3]]);
    expect(got.times[0]).toBe('2026-03-10 06:00:00');
    expect(got.times[6]).toBe('2026-03-10 09:00:00');
    result.snapshots.forEach((s, t) => {
      for (let p = 0; p < 40; p++) {
        expect(got.status[p][t]).toBe(s.status[p]);
        if (s.status[p] === ParticleStatus.notReleased) expect(got.lon[p][t]).toBeNull();
        else expect(got.lon[p][t]).toBeCloseTo(s.lonDeg[p], 4);
      }
    });
  });
});
