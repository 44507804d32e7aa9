import { resolve } from 'node:path';
import { PARTICLE_STATUS_NAMES, ParticleStatus, type DriftResult } from '../../core/drift/index.js';
import { DataFileError } from '../../core/errors.js';

/** Global attributes a caller adds to the file (the run's settings, its forcing, its case). */
export type TrajectoryAttributes = Readonly<Record<string, string | number>>;

/** What was written. */
export interface TrajectoryFileSummary {
  readonly path: string;
  readonly trajectories: number;
  readonly times: number;
}

function iso(s: number): string {
  return new Date(s * 1000).toISOString().replace('.000Z', 'Z');
}

/** A word for flag_meanings (CF §3.5: blank-separated words of letters, digits, _ - . + @). */
function flagWord(text: string): string {
  return text.trim().replace(/[^A-Za-z0-9_.+@-]+/g, '_') || '_';
}

/** The run's settings as global attributes (names after the ACDD where one exists). */
export function runAttributes(result: DriftResult): Record<string, string | number> {
  const r = result.request;
  const times = result.snapshots.map((s) => s.timeS);
  return {
    time_coverage_start: iso(Math.min(...times)),
    time_coverage_end: iso(Math.max(...times)),
    drift_direction: r.direction,
    drift_start: iso(r.startS),
    drift_duration_hours: r.durationS / 3600,
    time_step_seconds: r.timeStepS,
    output_every_steps: r.outputEverySteps,
    particle_count: r.particleCount,
    random_seed: r.seed,
    jibe_probability_per_hour: r.jibeProbabilityPerHour,
    scenarios: r.scenarios.map((s, k) => `${k}: ${s.name} (weight ${s.weight}, ${s.objectClass.key}: ${s.objectClass.description})`).join('; '),
    wind: result.forcingLabels.wind,
    current: result.forcingLabels.current,
    coastline: result.forcingLabels.shoreline ?? 'none (no stranding)',
  };
}

/**
 * Write a drift as a CF-1.8 trajectory file (discrete sampling geometry, CF §9 and appendix H.4,
 * the orthogonal multidimensional representation): dimensions `trajectory` (one per particle) ×
 * `time` (the output times, shared by all), variables lon, lat, status (trajectory, time), and
 * trajectory (cf_role trajectory_id), scenario and weight per trajectory; global attributes for
 * the run's settings and `attributes`. A position before a particle's release is the fill value.
 *
 * NetCDF4: HDF5 written by h5wasm with what the netCDF-4 library needs to see dimensions: the
 * coordinate variables `trajectory` and `time` are HDF5 dimension scales (CLASS, NAME, and
 * `_Netcdf4Dimid` for their order), every variable attached to them (DIMENSION_LIST /
 * REFERENCE_LIST), text attributes as fixed-length ASCII (netCDF char). h5wasm's dtypes are
 * struct-format letters: '<d' float64, '<f' float32, '<i' int32, '<h' int16, '<b' int8.
 */
export async function writeTrajectoryFile(path: string, result: DriftResult, attributes: TrajectoryAttributes = {}): Promise<TrajectoryFileSummary> {
  const h5 = (await import('h5wasm/node')).default;
  await h5.ready;
  const n = result.request.particleCount;
  const snapshots = result.snapshots;
  const nt = snapshots.length;
  if (nt === 0) throw new DataFileError(path, 'the drift kept no output times to write');
  let file: InstanceType<typeof h5.File>;
  try {
    file = new h5.File(resolve(path), 'w', { track_order: true });
  } catch (e) {
    throw new DataFileError(path, `cannot be written (${(e as Error).message})`);
  }
  try {
    const text = (target: { create_attribute: InstanceType<typeof h5.Dataset>['create_attribute'] }, name: string, value: string): void => {
      const bytes = Math.max(1, new TextEncoder().encode(value).length);
      // ASCII as netCDF char; other text (a degree sign in a forcing label) marked UTF-8, so readers decode it
      target.create_attribute(name, value, null, `${/^[\x00-\x7f]*$/.test(value) ? 'A' : 'S'}${bytes}`);
    };
    const number = (target: { create_attribute: InstanceType<typeof h5.Dataset>['create_attribute'] }, name: string, value: number | number[], dtype: string): void => {
      target.create_attribute(name, Array.isArray(value) ? value : [value], [Array.isArray(value) ? value.length : 1], dtype);
    };
    const attrs = (target: InstanceType<typeof h5.Dataset>, list: Record<string, string | number>): void => {
      for (const [k, v] of Object.entries(list)) if (typeof v === 'string') text(target, k, v); else number(target, k, v, '<d');
    };

    // dimension scales: the coordinate variables
    const trajectory = file.create_dataset({ name: 'trajectory', data: Int32Array.from({ length: n }, (_, k) => k), shape: [n], dtype: '<i', track_order: true });
    trajectory.make_scale('trajectory');
    number(trajectory, '_Netcdf4Dimid', 0, '<i');
    attrs(trajectory, { cf_role: 'trajectory_id', long_name: 'particle number' });
    const time = file.create_dataset({ name: 'time', data: Float64Array.from(snapshots, (s) => s.timeS), shape: [nt], dtype: '<d', track_order: true });
    time.make_scale('time');
    number(time, '_Netcdf4Dimid', 1, '<i');
    attrs(time, { standard_name: 'time', long_name: 'time', units: 'seconds since 1970-01-01 00:00:00', calendar: 'standard', axis: 'T' });

    // (trajectory, time): particle by particle, as the dimensions say
    const lon = new Float32Array(n * nt), lat = new Float32Array(n * nt), status = new Int8Array(n * nt);
    for (let t = 0; t < nt; t++) {
      const s = snapshots[t];
      for (let p = 0; p < n; p++) {
        const k = p * nt + t;
        const released = s.status[p] !== ParticleStatus.notReleased;
        lon[k] = released ? s.lonDeg[p] : NaN;
        lat[k] = released ? s.latDeg[p] : NaN;
        status[k] = s.status[p];
      }
    }
    const field = (name: string, data: Float32Array | Int8Array, dtype: string, list: Record<string, string | number>): InstanceType<typeof h5.Dataset> => {
      const ds = file.create_dataset({ name, data, shape: [n, nt], dtype, track_order: true });
      ds.attach_scale(0, '/trajectory');
      ds.attach_scale(1, '/time');
      attrs(ds, list);
      return ds;
    };
    const lonDs = field('lon', lon, '<f', { standard_name: 'longitude', long_name: 'longitude', units: 'degrees_east' });
    number(lonDs, '_FillValue', NaN, '<f');
    text(lonDs, 'coordinates', 'time lat lon');
    const latDs = field('lat', lat, '<f', { standard_name: 'latitude', long_name: 'latitude', units: 'degrees_north' });
    number(latDs, '_FillValue', NaN, '<f');
    text(latDs, 'coordinates', 'time lat lon');
    const statusDs = field('status', status, '<b', { long_name: 'what happened to the particle' });
    number(statusDs, 'flag_values', PARTICLE_STATUS_NAMES.map((_, k) => k), '<b');
    text(statusDs, 'flag_meanings', PARTICLE_STATUS_NAMES.map(flagWord).join(' '));
    text(statusDs, 'coordinates', 'time lat lon');

    // per trajectory
    const names = result.request.scenarios.map((s) => s.name);
    const scenario = file.create_dataset({ name: 'scenario', data: Int16Array.from(result.particles.scenario), shape: [n], dtype: '<h', track_order: true });
    scenario.attach_scale(0, '/trajectory');
    attrs(scenario, { long_name: 'scenario the particle belongs to (index into the scenarios attribute)' });
    number(scenario, 'flag_values', names.map((_, k) => k), '<h');
    text(scenario, 'flag_meanings', names.map(flagWord).join(' '));
    const weight = file.create_dataset({ name: 'weight', data: Float64Array.from(result.particles.weight), shape: [n], dtype: '<d', track_order: true });
    weight.attach_scale(0, '/trajectory');
    attrs(weight, { long_name: 'probability mass of the particle (all weights sum to 1)', units: '1' });

    const globals: Record<string, string | number> = {
      Conventions: 'CF-1.8',
      featureType: 'trajectory',
      title: 'sarbridge Leeway drift',
      source: 'sarbridge drift: Monte-Carlo Leeway model (Allen & Plourde 1999; Breivik & Allen 2008) with wind and current',
      history: `${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} written by sarbridge drift`,
      ...runAttributes(result),
      ...attributes,
    };
    for (const [k, v] of Object.entries(globals)) {
      if (typeof v === 'string') text(file as unknown as InstanceType<typeof h5.Dataset>, k, v);
      else number(file as unknown as InstanceType<typeof h5.Dataset>, k, v, Number.isInteger(v) && Math.abs(v) < 2 ** 31 ? '<i' : '<d');
    }
  } catch (e) {
    file.close();
    throw e instanceof DataFileError ? e : new DataFileError(path, `cannot be written (${(e as Error).message})`);
  }
  file.close();
  return { path, trajectories: n, times: nt };
}
