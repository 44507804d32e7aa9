import type Proj4 from 'proj4';
import {
  CurvilinearGrid, GriddedField, RegularLonLatGrid,
  type ForcingQuantity, type GridLocator, type VectorField,
} from '../../core/environment/index.js';
import { ForcingFileError } from '../../core/errors.js';
import { bareTimeUnitS, cfTimeAxis, parseCfTimeUnits, parseTimeOrigin } from './cf_time.js';
import { numberAttr, stringAttr, type Dataset, type DatasetVariable } from './dataset.js';
import { applyStandardNames, type StandardNameMapping } from './standard_name_mapping.js';
import { chooseAlongAxis, lengthUnitM } from './extra_axes.js';
import { findVariablePairs, isRomsVariable, type VariablePair } from './variable_match.js';
import { velocityUnitMps } from './velocity_units.js';
import { withGridFile } from './with_grid_file.js';

/** A forcing file opened: its vector fields by quantity, and lines describing what was used. */
export interface ForcingFile {
  readonly path: string;
  readonly format: 'netcdf3-classic' | 'netcdf3-64bit-offset' | 'netcdf4';
  readonly fields: Partial<Record<ForcingQuantity, VectorField>>;
  /** Lines a CLI can print: variables used, grid kind, time span, size. */
  readonly description: string[];
  /** What the user must be told (values refused as implausible), one sentence each, naming the file. */
  readonly warnings: string[];
}

/** Options of `openForcingFile` / `openForcingBytes`. */
export interface ForcingFileOptions {
  /** Variables to use, by quantity: [east or x component, north or y component]. */
  readonly variables?: Partial<Record<ForcingQuantity, readonly [string, string]>>;
  /** Refuse variables with more values than this (default 200 million). */
  readonly maxValues?: number;
  /** CF standard name → variable name, for variables without (or with a wrong) standard_name. */
  readonly standardNames?: StandardNameMapping;
  /**
   * The model's time origin, seconds since 1970-01-01 UTC, for time units without an epoch
   * (ROMS/CROCO "second"); refused when the file's units have one.
   */
  readonly timeOriginS?: number;
}

/** A separate grid file opened with a forcing file: its name for messages and its dataset. */
export interface GridDataset {
  readonly path: string;
  readonly dataset: Dataset;
}

/** Default limit on the values of one variable: beyond it, ask the user for a subset. */
export const MAX_FORCING_VALUES = 200_000_000;

/** Per-node unit vectors of the grid's x (i) and y (j) axes in east/north components. */
interface GridAxes { xe: Float64Array; xn: Float64Array; ye: Float64Array; yn: Float64Array; how: string }

interface BuiltGrid {
  locator: GridLocator;
  axes: () => GridAxes;
  lines: string[];
  /** A global regular grid whose first column must be repeated at the end (+360°) to close it. */
  closeLongitude?: boolean;
  /** The variable's last two dimensions are (longitude, latitude): each slice is transposed to rows of latitude. */
  transpose?: boolean;
}

/**
 * The fastest speed (m/s) a forcing file's value may have; faster is no wind or current but
 * unmarked fill (NetCDF's default 9.97e36 without a _FillValue) or corrupt data, and is treated as
 * missing (the next source of the fallback chain, or `outside forcing`), with a warning.
 * - current 10 m/s: the strongest tidal streams known, Saltstraumen and the Moskstraumen
 *   (Norway) and Nakwakto Rapids (British Columbia), reach about 8-10 m/s (16-20 kn) at a point
 *   (Norwegian Hydrographic Service; Canadian Hydrographic Service, Sailing Directions PAC 206);
 *   a model's cell-mean surface current is weaker still. The Gulf Stream peaks near 2.5 m/s.
 * - wind 100 m/s: the strongest 10 m winds measured are a 113 m/s three-second gust (Barrow
 *   Island, cyclone Olivia, 1996: WMO Archive of Weather and Climate Extremes) and about 87 m/s
 *   one-minute sustained (typhoon Haiyan, 2013, satellite estimate); a model's 10 m wind is a
 *   mean over its time step and cell, below those.
 */
export const PLAUSIBLE_SPEED_MPS: Readonly<Record<ForcingQuantity, number>> = { wind: 100, current: 10 };

/** The times a forcing file may hold: 0001-01-01T00:00Z to 9999-12-31T23:59:59Z, seconds since 1970. */
const MIN_TIME_S = -62_135_596_800;
const MAX_TIME_S = Date.UTC(9999, 11, 31, 23, 59, 59) / 1000;

const TIME_NAMES = /^(time|ocean_time|t|valid_time|times)$/i;

function baseName(path: string): string {
  return path.replace(/^.*[\\/]/, '');
}

/**
 * proj4 (300 KB, 16 ms of a process's start to load and set up) once a file needs it: most
 * forcing is on longitude/latitude grids, and a drift command loaded it at every start.
 */
let proj4: typeof Proj4 | null = null;

/**
 * Load what `buildForcingFile` needs for these datasets (the file and its grid file) that is not
 * loaded up front: proj4, when one of them has a projected grid mapping. Call it before
 * buildForcingFile.
 */
export async function loadForcingFileNeeds(...datasets: readonly (Dataset | undefined)[]): Promise<void> {
  if (proj4 !== null) return;
  const projected = datasets.some((dataset) => dataset !== undefined && [...dataset.variables.values()].some((v) => {
    const name = stringAttr(v.attributes, 'grid_mapping_name');
    return name !== undefined && name !== 'latitude_longitude';
  }));
  if (projected) proj4 = (await import('proj4')).default;
}

/**
 * Build the vector fields of a dataset: find the variables, the grid, the times; rotate; mask.
 * A projected grid needs `loadForcingFileNeeds` called first.
 */
export function buildForcingFile(path: string, fileDataset: Dataset, options: ForcingFileOptions = {}, grid?: GridDataset): ForcingFile {
  const maxValues = options.maxValues ?? MAX_FORCING_VALUES;
  const merged = grid ? withGridFile(path, fileDataset, grid.path, grid.dataset) : null;
  const dataset = applyStandardNames(path, merged ? merged.dataset : fileDataset, options.standardNames ?? {},
    grid ? `in the file or its grid file ${baseName(grid.path)}` : 'in the file');
  const { pairs, missingOverride } = findVariablePairs(dataset, options.variables);
  const names = [...dataset.variables.keys()];
  if (missingOverride.length > 0) {
    throw new ForcingFileError(path, missingOverride[0], `not in the file; it has ${names.join(', ')}`);
  }
  if (pairs.length === 0) {
    throw new ForcingFileError(path, '', `no wind or current variable found (by CF standard_name or known names); ` +
      `the file has ${names.join(', ') || 'no variables'}; name them with a variable mapping`);
  }
  const name = baseName(path);
  const fields: Partial<Record<ForcingQuantity, VectorField>> = {};
  const description: string[] = [`${name}: ${formatName(dataset.format)}`];
  const warnings: string[] = [];
  // what the file says of itself (CF global attributes): a user must see "SYNTHETIC" or the model's name
  for (const key of ['title', 'source', 'institution', 'comment']) {
    const value = dataset.globalAttributes[key];
    if (typeof value === 'string' && value.trim()) description.push(`  ${key}: ${value.trim()}`);
  }
  if (merged) description.push(...merged.lines.map((l) => `  ${l}`));
  const mapping = Object.entries(options.standardNames ?? {});
  if (mapping.length > 0) description.push(`  variable mapping: ${mapping.map(([sn, v]) => `${sn}=${v}`).join(', ')}`);
  const grids = new Map<string, BuiltGrid>();
  for (const pair of pairs) {
    for (const v of [pair.east, pair.north]) {
      const total = v.shape.reduce((a, b) => a * b, 1);
      if (total > maxValues) {
        throw new ForcingFileError(path, v.name, `has ${total} values (${v.shape.join(' × ')}), more than the limit of ${maxValues}; ` +
          'cut a subset in time and space first (e.g. ncks -d time,... -d lat,... -d lon,...)');
      }
    }
    const field = buildField(path, name, dataset, pair, grids, description, warnings, options);
    fields[pair.quantity] = field;
  }
  return { path, format: dataset.format, fields, description, warnings };
}

function formatName(format: Dataset['format']): string {
  return format === 'netcdf4' ? 'NetCDF4 (HDF5)' : format === 'netcdf3-classic' ? 'NetCDF3 classic' : 'NetCDF3 64-bit offset';
}

function buildField(
  path: string, name: string, dataset: Dataset, pair: VariablePair, grids: Map<string, BuiltGrid>, description: string[], warnings: string[],
  options: ForcingFileOptions,
): GriddedField {
  const { east, north } = pair;
  const roms = isRomsVariable(east);
  const dims = east.dimensions;
  if (dims.length < 2) throw new ForcingFileError(path, east.name, `needs at least 2 dimensions (y, x), has ${dims.length}`);
  // Time dimension: a leading dimension whose variable has "since" units or a time-like name.
  const mappedTime = options.standardNames?.time;
  const mappedTimeDim = mappedTime === undefined ? undefined : dataset.variables.get(mappedTime)?.dimensions[0];
  const timeDim = dims.slice(0, -2).find((d) => {
    if (d === mappedTimeDim) return true;
    const tv = dataset.variables.get(d);
    // or, as cfgrib writes forecasts, a lead-time dimension 'step' with valid_time(step) on it (CF §5: an auxiliary time coordinate)
    return (tv && /since/i.test(stringAttr(tv.attributes, 'units') ?? '')) || TIME_NAMES.test(d) || validTimeOn(dataset, d) !== undefined;
  });
  if (timeDim !== undefined && dims[0] !== timeDim) {
    throw new ForcingFileError(path, east.name, `time dimension '${timeDim}' must come first, dimensions are (${dims.join(', ')})`);
  }
  const times = timeDim !== undefined ? readTimes(path, dataset, timeDim, options) : null;
  const validAt = timeDim === undefined ? scalarTime(dataset, east) : undefined;
  const timesS = times === null ? null : times.timesS;
  // Extra dimensions (vertical level, height, ensemble member, ERA5's expver): one index each, or merged
  const ranges: Array<readonly [number, number] | null> = [];
  if (timeDim !== undefined) ranges.push(null);
  const levelLines: string[] = [];
  let mergeAxis = -1;
  for (let a = timeDim !== undefined ? 1 : 0; a < dims.length - 2; a++) {
    const choice = chooseAlongAxis(path, dataset, east, a, pair.quantity);
    if ('merge' in choice) {
      if (mergeAxis >= 0) throw new ForcingFileError(path, east.name, `has two dimensions to merge (${dims[mergeAxis]}, ${dims[a]}); cut one first`);
      mergeAxis = a;
      ranges.push([0, 1]);
    } else {
      ranges.push([choice.index, choice.index + 1]);
    }
    if (choice.line) levelLines.push(choice.line);
  }
  const readPair = (r: ReadonlyArray<readonly [number, number] | null>): [Float64Array, Float64Array] =>
    [east.read(r), north.read(r.map((x, a) => (a < north.dimensions.length - 2 ? x : null)))];
  let [eastValues, northValues] = readPair(ranges);
  if (mergeAxis >= 0) {
    // ERA5 expver: each value from the first version that has both components there
    for (let k = 1; k < east.shape[mergeAxis]; k++) {
      const [e, n] = readPair(ranges.map((r, a) => (a === mergeAxis ? [k, k + 1] as const : r)));
      for (let i = 0; i < eastValues.length; i++) {
        if (!(eastValues[i] === eastValues[i] && northValues[i] === northValues[i])) { eastValues[i] = e[i]; northValues[i] = n[i]; }
      }
    }
  }
  const nt = timesS === null ? 1 : timesS.length;
  // to m/s (CF: units UDUNITS understands; AVISO's older currents are in cm/s, some winds in knots)
  const unitLines: string[] = [];
  for (const [v, values] of (pair.polar ? [[east, eastValues]] : [[east, eastValues], [north, northValues]]) as Array<[DatasetVariable, Float64Array]>) {
    const units = stringAttr(v.attributes, 'units');
    const factor = velocityUnitMps(units);
    if (typeof factor === 'string') {
      throw new ForcingFileError(path, v.name, `${factor}; give the ${pair.quantity} in a speed unit, or map another variable`);
    }
    if (factor !== 1) for (let k = 0; k < values.length; k++) values[k] *= factor;
    if (units === undefined || units.trim() === '') unitLines.push(`${v.name} has no units: taken as m/s`);
    else if (factor !== 1) unitLines.push(`${v.name} in '${units.trim()}', converted to m/s (× ${Number(factor.toPrecision(6))})`);
  }
  if (pair.polar) {
    // speed and direction (degrees clockwise from true north) to east/north components per node
    const units = (stringAttr(north.attributes, 'units') ?? '').trim();
    const toRad = /^(degrees?|deg|degree_true|degrees_true|°)$/i.test(units) ? Math.PI / 180 : /^(radians?|rad)$/i.test(units) ? 1 : NaN;
    if (Number.isNaN(toRad)) {
      throw new ForcingFileError(path, north.name, `is a direction in '${units || 'no units'}'; CF gives directions in degrees (clockwise from north)`);
    }
    const sign = pair.polar === 'from' ? -1 : 1;
    for (let k = 0; k < eastValues.length; k++) {
      const speed = eastValues[k], direction = northValues[k] * toRad;
      eastValues[k] = sign * speed * Math.sin(direction);
      northValues[k] = sign * speed * Math.cos(direction);
    }
    unitLines.push(`speed ${east.name} and direction ${north.name} (${pair.polar === 'from' ? 'blowing from' : 'flowing toward'}, clockwise from north) turned into east/north components at the grid nodes`);
  }

  let built: BuiltGrid;
  if (roms) {
    const r = romsToRho(path, dataset, east, north, eastValues, northValues, nt);
    eastValues = r.east;
    northValues = r.north;
    built = grids.get('roms') ?? romsGrid(path, dataset);
    grids.set('roms', built);
  } else {
    const yDim = dims[dims.length - 2];
    const xDim = dims[dims.length - 1];
    const key = `${yDim}/${xDim}/${stringAttr(east.attributes, 'grid_mapping') ?? ''}`;
    built = grids.get(key) ?? buildGrid(path, dataset, east, yDim, xDim, timeDim);
    grids.set(key, built);
  }
  if (built.transpose) {
    eastValues = transposeSlices(eastValues, built.locator.nx, built.locator.ny);
    northValues = transposeSlices(northValues, built.locator.nx, built.locator.ny);
  }
  if (built.closeLongitude) {
    eastValues = repeatFirstColumn(eastValues, built.locator.nx - 1);
    northValues = repeatFirstColumn(northValues, built.locator.nx - 1);
  }
  const { nx, ny } = built.locator;
  const slice = nx * ny;
  if (eastValues.length !== nt * slice || northValues.length !== nt * slice) {
    throw new ForcingFileError(path, east.name, `holds ${eastValues.length} values after level selection, expected ${nt} × ${ny} × ${nx}`);
  }
  let rotation = 'earth-relative (no rotation)';
  if (pair.gridRelative) {
    const axes = built.axes();
    rotateToEastNorth(eastValues, northValues, axes, slice);
    rotation = `grid-relative, rotated to east/north per node (${axes.how})`;
  }
  const eastMps = new Float32Array(eastValues.length);
  const northMps = new Float32Array(northValues.length);
  let absurd = 0, fastestMps = 0;
  const limitMps = PLAUSIBLE_SPEED_MPS[pair.quantity];
  const limit2 = limitMps * limitMps;
  for (let k = 0; k < eastValues.length; k++) {
    const e = eastValues[k];
    const n = northValues[k];
    let ok = e === e && n === n;
    if (ok && e * e + n * n > limit2) {
      ok = false;
      absurd++;
      fastestMps = Math.max(fastestMps, Math.hypot(e, n));
    }
    eastMps[k] = ok ? e : NaN;
    northMps[k] = ok ? n : NaN;
  }
  const label = `${name} ${east.name}/${north.name}`;
  const field = new GriddedField({ label, quantity: pair.quantity, grid: built.locator, timesS, eastMps, northMps });
  description.push(`${pair.quantity}: ${east.name} / ${north.name}, found by ${pair.foundBy}; ${rotation}`);
  description.push(...built.lines.map((l) => `  grid: ${l}`));
  for (const l of levelLines) description.push(`  level: ${l}`);
  for (const l of unitLines) description.push(`  units: ${l}`);
  description.push(timesS === null
    ? (validAt === undefined ? '  time: none (one timeless field)' : `  time: one field, valid at ${iso(validAt.timeS)} (scalar ${validAt.name}), used at every time`)
    : `  time: ${iso(timesS[0])} .. ${iso(timesS[nt - 1])}, ${nt} steps` + (nt > 1 ? ` (${fmtStep((timesS[nt - 1] - timesS[0]) / (nt - 1))})` : '') +
      (times?.origin ? `; ${times.origin}` : ''));
  description.push(`  size: ${nt} × ${ny} × ${nx} = ${nt * slice} values per component`);
  if (validAt !== undefined) {
    const warning = `${name}: the ${pair.quantity} (${east.name}/${north.name}) is one field valid at ${iso(validAt.timeS)} (scalar ${validAt.name}), ` +
      'used at every time of the run as if it did not change; give a file with the times the drift spans';
    description.push(`  WARNING: ${warning}`);
    warnings.push(warning);
  }
  if (absurd > 0) {
    const warning = `${name}: ${absurd} of ${eastValues.length} ${pair.quantity} values (${east.name}/${north.name}) are faster than ` +
      `${limitMps} m/s (up to ${fastestMps >= 1e6 ? fastestMps.toExponential(2) : fastestMps >= 100 ? fastestMps.toFixed(0) : fastestMps.toPrecision(3)} m/s), which no ${pair.quantity} is: treated as missing (unmarked fill or corrupt data?)`;
    description.push(`  WARNING: ${warning}`);
    warnings.push(warning);
  }
  return field;
}

function iso(s: number): string {
  return new Date(s * 1000).toISOString().replace(':00.000Z', 'Z');
}

function fmtStep(s: number): string {
  return s % 3600 === 0 ? `every ${s / 3600} h` : `every ${s} s`;
}

/**
 * The time of a field without a time dimension, from a scalar time coordinate (CF §5.7: named in
 * `coordinates`, or any 0-d variable with standard_name time): cfgrib's valid_time of one step, a
 * single analysis. Undefined when there is none or it cannot be read.
 */
function scalarTime(dataset: Dataset, v: DatasetVariable): { timeS: number; name: string } | undefined {
  const named = new Set((stringAttr(v.attributes, 'coordinates') ?? '').split(/\s+/));
  const scalars = [...dataset.variables.values()].filter((c) => c.shape.length === 0 && /since/i.test(stringAttr(c.attributes, 'units') ?? ''));
  const tv = scalars.find((c) => stringAttr(c.attributes, 'standard_name') === 'time')
    ?? scalars.find((c) => named.has(c.name) && !/forecast_reference_time/.test(stringAttr(c.attributes, 'standard_name') ?? ''));
  if (!tv) return undefined;
  const axis = cfTimeAxis(stringAttr(tv.attributes, 'units')!, stringAttr(tv.attributes, 'calendar') ?? 'standard');
  if (typeof axis === 'string') return undefined;
  try {
    const timeS = axis.toEpochS(tv.read()[0]);
    return Number.isFinite(timeS) ? { timeS, name: tv.name } : undefined;
  } catch {
    return undefined;
  }
}

/** A 1-D variable on `dim` with standard_name time and "… since …" units (cfgrib's valid_time(step)), if any. */
function validTimeOn(dataset: Dataset, dim: string): DatasetVariable | undefined {
  return [...dataset.variables.values()].find((v) => v.dimensions.length === 1 && v.dimensions[0] === dim &&
    stringAttr(v.attributes, 'standard_name') === 'time' && /since/i.test(stringAttr(v.attributes, 'units') ?? ''));
}

/**
 * The variable holding the times along `timeDim`: the one the variable mapping names `time`; the
 * coordinate variable of that name when its units are "… since …"; a 1-D variable on it with
 * standard_name time (cfgrib's valid_time on its lead-time dimension `step`, whose own units are a
 * bare "hours"; CROCO's `scrum_time` on the dimension `time`) or "… since …" units; else the
 * coordinate variable or one in bare time units (ROMS/CROCO "second", an origin given apart).
 */
function timeVariable(dataset: Dataset, timeDim: string, mapped: string | undefined): DatasetVariable | undefined {
  if (mapped !== undefined) return dataset.variables.get(mapped);
  const units = (v: DatasetVariable): string => stringAttr(v.attributes, 'units') ?? '';
  const own = dataset.variables.get(timeDim);
  if (own && /since/i.test(units(own))) return own;
  const onDim = [...dataset.variables.values()].filter((v) => v.dimensions.length === 1 && v.dimensions[0] === timeDim);
  return validTimeOn(dataset, timeDim) ?? onDim.find((v) => /since/i.test(units(v))) ?? own
    ?? onDim.find((v) => stringAttr(v.attributes, 'standard_name') === 'time')
    ?? onDim.find((v) => bareTimeUnitS(units(v)) !== undefined);
}

/**
 * The epoch of time units without one ("second": ROMS and CROCO count model time from an origin
 * set in their input files). Where the file says it: the time variable's `time_origin` (CROCO with
 * START_DATE, init_scalars.F / nf_add_attribute.F; the Ferret convention), the units of ROMS's
 * `dstart` ("days since <reference time>", def_info.F, the same reference as ocean_time), or a
 * global `time_origin` / `start_date` (CROCO's put_global_atts.F writes start_date, the same date
 * as time_origin). Undefined when none is there.
 */
function modelEpoch(dataset: Dataset, tv: DatasetVariable, calendar: string): { epochS: number; from: string } | string | undefined {
  const candidates: Array<[string | undefined, string]> = [[stringAttr(tv.attributes, 'time_origin'), `${tv.name}:time_origin`]];
  const dstart = dataset.variables.get('dstart');
  const dstartUnits = dstart ? stringAttr(dstart.attributes, 'units') : undefined;
  for (const [text, from] of candidates) {
    if (text && text.trim()) {
      const epoch = parseTimeOrigin(text, calendar);
      return typeof epoch === 'string' ? `${from}: ${epoch}` : { epochS: epoch, from };
    }
  }
  if (dstartUnits && /since/i.test(dstartUnits)) {
    const parsed = parseCfTimeUnits(dstartUnits, calendar);
    return typeof parsed === 'string' ? `dstart:units: ${parsed}` : { epochS: parsed.epochS, from: `the epoch of dstart:units '${dstartUnits}'` };
  }
  for (const key of ['time_origin', 'start_date']) {
    const text = stringAttr(dataset.globalAttributes, key);
    if (text && text.trim()) {
      const epoch = parseTimeOrigin(text, calendar);
      return typeof epoch === 'string' ? `global attribute ${key}: ${epoch}` : { epochS: epoch, from: `global attribute ${key}` };
    }
  }
  return undefined;
}

function readTimes(path: string, dataset: Dataset, timeDim: string, options: ForcingFileOptions): { timesS: Float64Array; origin?: string } {
  const tv = timeVariable(dataset, timeDim, options.standardNames?.time);
  if (!tv) throw new ForcingFileError(path, timeDim, 'time dimension has no time variable; name it with a variable mapping (time=VARIABLE)');
  const units = stringAttr(tv.attributes, 'units');
  if (!units) throw new ForcingFileError(path, tv.name, 'time variable has no units attribute');
  const calendar = stringAttr(tv.attributes, 'calendar') ?? 'standard';
  let axis = cfTimeAxis(units, calendar);
  let origin: string | undefined;
  const bare = bareTimeUnitS(units);
  if (typeof axis === 'string' && bare !== undefined) {
    // ROMS/CROCO "time since initialization": seconds from an origin the file may not hold
    const check = cfTimeAxis('seconds since 2000-01-01', calendar);
    if (typeof check === 'string') throw new ForcingFileError(path, tv.name, `bad time units: ${check}`);
    if (check.calendar === 'noleap' || check.calendar === 'all_leap') {
      throw new ForcingFileError(path, tv.name, `time units '${units}' have no epoch, and a time origin in the model calendar '${calendar}' is not read; ` +
        'give the time as "seconds since <date>" with that calendar');
    }
    const found = options.timeOriginS === undefined ? modelEpoch(dataset, tv, calendar) : { epochS: options.timeOriginS, from: 'the time origin given' };
    if (typeof found === 'string') throw new ForcingFileError(path, tv.name, `time units '${units}' have no epoch and the origin in the file cannot be read (${found}); give it: --time-origin 2001-01-01T00:00Z after the file, or timeOrigin: next to file: in a case file`);
    if (found === undefined) {
      throw new ForcingFileError(path, tv.name, `time units '${units}' have no epoch, and the file gives no time origin (no ${tv.name}:time_origin, no dstart, no global time_origin or start_date): ` +
        "give the model's time origin (the date its time 0 stands for): --time-origin 2001-01-01T00:00Z after the file on the command line, or timeOrigin: '2001-01-01T00:00Z' next to file: in a case file");
    }
    const epochS = found.epochS;
    axis = { factorS: bare, epochS, calendar: check.calendar, toEpochS: (value: number) => epochS + value * bare };
    origin = `time origin ${iso(found.epochS)} from ${found.from} (units '${units}')`;
  } else if (typeof axis === 'string') {
    throw new ForcingFileError(path, tv.name, `bad time units: ${axis}`);
  } else if (options.timeOriginS !== undefined) {
    throw new ForcingFileError(path, tv.name, `time units '${units}' give the epoch already; a time origin is only for units without one (ROMS/CROCO 'second'): leave it out`);
  }
  if (axis.calendar === 'noleap' || axis.calendar === 'all_leap') {
    origin = `calendar '${calendar.trim()}': each model date placed at the same date in UTC`;
  }
  const raw = tv.read();
  const out = new Float64Array(raw.length);
  for (let k = 0; k < raw.length; k++) {
    let timeS: number;
    try {
      timeS = axis.toEpochS(raw[k]);
    } catch (e) {
      throw new ForcingFileError(path, tv.name, `value ${k}: ${(e as Error).message}`);
    }
    // to the millisecond: times in fractional days or float32 carry rounding noise of a few
    // microseconds (1/24 day is no binary fraction), which would put a run that starts or ends
    // on a forcing time just outside the file
    out[k] = Math.round(timeS * 1000) / 1000;
    if (!Number.isFinite(out[k]) || (k > 0 && !(out[k] > out[k - 1]))) {
      throw new ForcingFileError(path, tv.name, `times must be finite and strictly increasing; value ${k} is ${raw[k]}`);
    }
    // a JavaScript Date spans ±100,000,000 days from 1970 (ECMA-262 §21.4.1.1); the years 1 to 9999
    // are every time a forecast or hindcast can hold, and all that ISO 8601 writes with four digits
    if (out[k] < MIN_TIME_S || out[k] > MAX_TIME_S) {
      throw new ForcingFileError(path, tv.name, `time value ${k} (${raw[k]} in '${units}') lies outside the years 1 to 9999; the time variable or its units are corrupt`);
    }
  }
  return { timesS: out, origin };
}

/** Rotate grid-relative components in place: east = u·X̂e + v·Ŷe, north = u·X̂n + v·Ŷn per node. */
function rotateToEastNorth(u: Float64Array, v: Float64Array, axes: GridAxes, slice: number): void {
  const { xe, xn, ye, yn } = axes;
  for (let k = 0; k < u.length; k++) {
    const node = k % slice;
    const x = u[k];
    const y = v[k];
    u[k] = x * xe[node] + y * ye[node];
    v[k] = x * xn[node] + y * yn[node];
  }
}

/** A geographic longitude axis; not a rotated pole's grid_longitude, whose units are degrees too. */
function isLon(v: DatasetVariable): boolean {
  const sn = stringAttr(v.attributes, 'standard_name') ?? '';
  const units = stringAttr(v.attributes, 'units') ?? '';
  if (sn === 'grid_longitude') return false;
  return sn === 'longitude' || /^degrees?_?east$|^degrees?_?E$/i.test(units) || stringAttr(v.attributes, 'axis') === 'X' && /deg/i.test(units) || /^(lon|longitude|nav_lon)$/i.test(v.name);
}

function isLat(v: DatasetVariable): boolean {
  const sn = stringAttr(v.attributes, 'standard_name') ?? '';
  const units = stringAttr(v.attributes, 'units') ?? '';
  if (sn === 'grid_latitude') return false;
  return sn === 'latitude' || /^degrees?_?north$|^degrees?_?N$/i.test(units) || stringAttr(v.attributes, 'axis') === 'Y' && /deg/i.test(units) || /^(lat|latitude|nav_lat)$/i.test(v.name);
}

function buildGrid(path: string, dataset: Dataset, v: DatasetVariable, yDim: string, xDim: string, timeDim: string | undefined): BuiltGrid {
  const xv = dataset.variables.get(xDim);
  const yv = dataset.variables.get(yDim);
  const mappingName = stringAttr(v.attributes, 'grid_mapping');
  const mapping = mappingName ? dataset.variables.get(mappingName.trim()) : undefined;
  const gmName = mapping ? stringAttr(mapping.attributes, 'grid_mapping_name') : undefined;
  if (mappingName && !mapping) throw new ForcingFileError(path, v.name, `grid_mapping '${mappingName}' names no variable in the file`);
  // Projected grid: 1-D projection x/y coordinates and a grid mapping.
  // (a rotated pole's rlon/rlat are in degrees, often with axis X/Y: rotated coordinates all the same, CF Appendix F)
  if (mapping && gmName !== 'latitude_longitude' && xv && yv && xv.shape.length === 1 && yv.shape.length === 1 &&
    (!isLon(xv) || gmName === 'rotated_latitude_longitude')) {
    return projectedGrid(path, mapping, xv, yv);
  }
  // Regular lon/lat; a global axis (last + step = first + 360) is closed by repeating its first column.
  // CF recommends (…, lat, lon) but allows any order: (…, lon, lat) is read transposed.
  const transpose = !!(xv && yv && xv.shape.length === 1 && yv.shape.length === 1 && isLat(xv) && isLon(yv) && !isLon(xv));
  const lonAxisV = transpose ? yv : xv, latAxisV = transpose ? xv : yv;
  if (lonAxisV && latAxisV && lonAxisV.shape.length === 1 && latAxisV.shape.length === 1 && isLon(lonAxisV) && isLat(latAxisV)) {
    let lonAxis = lonAxisV.read();
    const n = lonAxis.length;
    const step = (lonAxis[n - 1] - lonAxis[0]) / (n - 1);
    const closeLongitude = n > 2 && step > 0 && Math.abs(lonAxis[n - 1] + step - (lonAxis[0] + 360)) < 0.01 * step;
    if (closeLongitude) {
      const closed = new Float64Array(n + 1);
      closed.set(lonAxis);
      closed[n] = lonAxis[0] + 360;
      lonAxis = closed;
    }
    const locator = new RegularLonLatGrid(lonAxis, latAxisV.read());
    const lines = [locator.description + (closeLongitude ? ' (global: first column repeated at +360°)' : '') +
      (transpose ? ` (stored (${yDim}, ${xDim}): read transposed)` : '')];
    return { locator, axes: () => regularAxes(locator.nx * locator.ny), lines, closeLongitude, transpose };
  }
  // Curvilinear 2-D lon/lat from the coordinates attribute or any 2-D lat/lon on (y, x).
  const candidates = (stringAttr(v.attributes, 'coordinates') ?? '').split(/\s+/).map((n) => dataset.variables.get(n))
    .filter((c): c is DatasetVariable => c !== undefined);
  // on (y, x), or on (time, y, x) as WRF writes XLAT/XLONG (the first time's positions: WRF's grid does not move)
  const onYx = (c: DatasetVariable): boolean => c.dimensions.at(-2) === yDim && c.dimensions.at(-1) === xDim &&
    (c.dimensions.length === 2 || (c.dimensions.length === 3 && timeDim !== undefined && c.dimensions[0] === timeDim));
  const firstSlice = (c: DatasetVariable): Float64Array => (c.dimensions.length === 3 ? c.read([[0, 1]]) : c.read());
  const all = [...candidates, ...dataset.variables.values()];
  const lonV = all.find((c) => onYx(c) && isLon(c));
  const latV = all.find((c) => onYx(c) && isLat(c));
  if (lonV && latV) {
    const lon = firstSlice(lonV);
    const lat = firstSlice(latV);
    const nx = v.shape[v.shape.length - 1];
    const ny = v.shape[v.shape.length - 2];
    const locator = new CurvilinearGrid(lon, lat, nx, ny, { kind: `curvilinear (${lonV.name}, ${latV.name})` });
    // WRF gives the rotation of its grid (COSALPHA, SINALPHA: WRF user's guide, U_earth = U cos α - V sin α)
    const cosV = dataset.variables.get('COSALPHA'), sinV = dataset.variables.get('SINALPHA');
    const wrfRotation = cosV && sinV && onYx(cosV) && onYx(sinV);
    const axes = wrfRotation ? () => axesFromCosSin(firstSlice(cosV), firstSlice(sinV), 'WRF COSALPHA/SINALPHA') : () => axesFromNodes(lon, lat, nx, ny);
    return { locator, axes, lines: [locator.description] };
  }
  if (mapping && gmName !== 'latitude_longitude') {
    throw new ForcingFileError(path, v.name, `grid_mapping '${gmName}' needs 1-D projection_x/y_coordinate variables on (${yDim}, ${xDim})`);
  }
  // an unstructured mesh: 1-D longitude and latitude along the variable's last dimension (nodes or cells)
  const onLast = [...dataset.variables.values()].filter((c) => c.dimensions.length === 1 && c.dimensions[0] === xDim);
  const meshLon = onLast.find(isLon), meshLat = onLast.find(isLat);
  if (meshLon && meshLat) {
    throw new ForcingFileError(path, v.name, `lies on an unstructured mesh (${meshLon.name}/${meshLat.name} along '${xDim}', as FVCOM, SCHISM, ADCIRC and ICON write): ` +
      'sarbridge reads regular, projected and curvilinear grids; interpolate it to a regular grid first (e.g. cdo remapbil,r720x360 in.nc out.nc, or the model\'s own tools)');
  }
  throw new ForcingFileError(path, v.name, `cannot find its longitude/latitude: no 1-D lon/lat on (${yDim}, ${xDim}), no 2-D lon/lat, no grid_mapping`);
}

/** Slices stored as nx rows of ny (longitude major) become ny rows of nx (row-major by latitude). */
function transposeSlices(values: Float64Array, nx: number, ny: number): Float64Array {
  const out = new Float64Array(values.length);
  const slice = nx * ny;
  for (let base = 0; base < values.length; base += slice) {
    for (let i = 0; i < nx; i++) for (let j = 0; j < ny; j++) out[base + j * nx + i] = values[base + i * ny + j];
  }
  return out;
}

/** Rows of `nx` values become rows of nx + 1, the first value repeated at the end. */
function repeatFirstColumn(values: Float64Array, nx: number): Float64Array {
  const rows = values.length / nx;
  const out = new Float64Array(rows * (nx + 1));
  for (let r = 0; r < rows; r++) {
    out.set(values.subarray(r * nx, (r + 1) * nx), r * (nx + 1));
    out[r * (nx + 1) + nx] = values[r * nx];
  }
  return out;
}

function regularAxes(n: number): GridAxes {
  return { xe: new Float64Array(n).fill(1), xn: new Float64Array(n), ye: new Float64Array(n), yn: new Float64Array(n).fill(1), how: 'regular lon/lat: x is east' };
}

/** Grid axes turned by α from east/north (ROMS angle, WRF COSALPHA/SINALPHA): x̂ = (cos α, sin α), ŷ = (-sin α, cos α). */
function axesFromCosSin(cos: Float64Array, sin: Float64Array, how: string): GridAxes {
  return { xe: cos, xn: sin, ye: sin.map((x) => -x), yn: cos, how };
}

/** Grid axis directions from the node positions (central differences on the local tangent plane). */
function axesFromNodes(lon: Float64Array, lat: Float64Array, nx: number, ny: number): GridAxes {
  const n = nx * ny;
  const xe = new Float64Array(n), xn = new Float64Array(n), ye = new Float64Array(n), yn = new Float64Array(n);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i;
      const cos = Math.cos((lat[k] * Math.PI) / 180);
      const iA = Math.max(0, i - 1), iB = Math.min(nx - 1, i + 1);
      const jA = Math.max(0, j - 1), jB = Math.min(ny - 1, j + 1);
      const dxe = wrapDeg(lon[j * nx + iB] - lon[j * nx + iA]) * cos, dxn = lat[j * nx + iB] - lat[j * nx + iA];
      const dye = wrapDeg(lon[jB * nx + i] - lon[jA * nx + i]) * cos, dyn = lat[jB * nx + i] - lat[jA * nx + i];
      const lx = Math.hypot(dxe, dxn) || 1, ly = Math.hypot(dye, dyn) || 1;
      xe[k] = dxe / lx; xn[k] = dxn / lx; ye[k] = dye / ly; yn[k] = dyn / ly;
    }
  }
  return { xe, xn, ye, yn, how: 'axis directions from the 2-D longitude/latitude' };
}

function wrapDeg(d: number): number {
  return d - 360 * Math.round(d / 360);
}

/** A proj4 definition from a CF grid-mapping variable (CF conventions appendix F). */
function proj4FromGridMapping(path: string, mapping: DatasetVariable): string {
  const a = mapping.attributes;
  const gm = stringAttr(a, 'grid_mapping_name') ?? '';
  const num = (n: string): number | undefined => numberAttr(a, n);
  const list = (n: string): number[] => (Array.isArray(a[n]) ? (a[n] as number[]) : []);
  let earth = '+ellps=WGS84';
  const r = num('earth_radius');
  const semiMajor = num('semi_major_axis');
  if (r !== undefined) earth = `+R=${r}`;
  else if (semiMajor !== undefined) {
    const invF = num('inverse_flattening');
    const semiMinor = num('semi_minor_axis');
    earth = invF !== undefined && invF !== 0 ? `+a=${semiMajor} +rf=${invF}` : semiMinor !== undefined ? `+a=${semiMajor} +b=${semiMinor}` : `+R=${semiMajor}`;
  }
  const x0 = num('false_easting') ?? 0;
  const y0 = num('false_northing') ?? 0;
  const common = `+x_0=${x0} +y_0=${y0} ${earth} +units=m +no_defs`;
  if (gm === 'lambert_conformal_conic') {
    const sp = list('standard_parallel');
    const lat1 = sp[0] ?? num('latitude_of_projection_origin');
    const lat2 = sp[1] ?? lat1;
    return `+proj=lcc +lat_1=${lat1} +lat_2=${lat2} +lat_0=${num('latitude_of_projection_origin') ?? lat1} ` +
      `+lon_0=${num('longitude_of_central_meridian') ?? 0} ${common}`;
  }
  if (gm === 'polar_stereographic') {
    const lat0 = num('latitude_of_projection_origin') ?? 90;
    const lon0 = num('straight_vertical_longitude_from_pole') ?? num('longitude_of_projection_origin') ?? 0;
    const ts = num('standard_parallel');
    const k0 = num('scale_factor_at_projection_origin');
    return `+proj=stere +lat_0=${lat0} +lon_0=${lon0} ` + (ts !== undefined ? `+lat_ts=${ts} ` : k0 !== undefined ? `+k_0=${k0} ` : '') + common;
  }
  if (gm === 'mercator') {
    const ts = num('standard_parallel');
    return `+proj=merc +lon_0=${num('longitude_of_projection_origin') ?? 0} ` + (ts !== undefined ? `+lat_ts=${ts} ` : `+k_0=${num('scale_factor_at_projection_origin') ?? 1} `) + common;
  }
  if (gm === 'lambert_azimuthal_equal_area') {
    return `+proj=laea +lat_0=${num('latitude_of_projection_origin') ?? 0} +lon_0=${num('longitude_of_projection_origin') ?? 0} ${common}`;
  }
  if (gm === 'stereographic') {
    return `+proj=stere +lat_0=${num('latitude_of_projection_origin') ?? 0} +lon_0=${num('longitude_of_projection_origin') ?? 0} ` +
      `+k_0=${num('scale_factor_at_projection_origin') ?? 1} ${common}`;
  }
  if (gm === 'albers_conical_equal_area') {
    const sp = list('standard_parallel');
    return `+proj=aea +lat_1=${sp[0] ?? 0} +lat_2=${sp[1] ?? sp[0] ?? 0} +lat_0=${num('latitude_of_projection_origin') ?? 0} ` +
      `+lon_0=${num('longitude_of_central_meridian') ?? 0} ${common}`;
  }
  if (gm === 'azimuthal_equidistant') {
    return `+proj=aeqd +lat_0=${num('latitude_of_projection_origin') ?? 0} +lon_0=${num('longitude_of_projection_origin') ?? 0} ${common}`;
  }
  if (gm === 'rotated_latitude_longitude') {
    // CF rotated pole as PROJ's oblique transformation (as cartopy's RotatedPole writes it): the grid's
    // north pole at (grid_north_pole_latitude, grid_north_pole_longitude), the true pole at grid
    // longitude north_pole_grid_longitude; rotated coordinates in degrees
    const poleLat = num('grid_north_pole_latitude');
    const poleLon = num('grid_north_pole_longitude');
    if (poleLat === undefined || poleLon === undefined) {
      throw new ForcingFileError(path, mapping.name, 'rotated_latitude_longitude needs grid_north_pole_latitude and grid_north_pole_longitude');
    }
    return `+proj=ob_tran +o_proj=longlat +o_lat_p=${poleLat} +o_lon_p=${num('north_pole_grid_longitude') ?? 0} +lon_0=${180 + poleLon} ${earth} +no_defs`;
  }
  if (gm === 'transverse_mercator') {
    return `+proj=tmerc +lat_0=${num('latitude_of_projection_origin') ?? 0} +lon_0=${num('longitude_of_central_meridian') ?? 0} ` +
      `+k_0=${num('scale_factor_at_central_meridian') ?? 1} ${common}`;
  }
  throw new ForcingFileError(path, mapping.name, `unknown grid_mapping '${gm || '(no grid_mapping_name)'}'; supported: lambert_conformal_conic, polar_stereographic, stereographic, mercator, transverse_mercator, lambert_azimuthal_equal_area, ` +
    'albers_conical_equal_area, azimuthal_equidistant, rotated_latitude_longitude, latitude_longitude');
}

function projectedGrid(path: string, mapping: DatasetVariable, xv: DatasetVariable, yv: DatasetVariable): BuiltGrid {
  const def = proj4FromGridMapping(path, mapping);
  // metres per unit of the projection coordinates: m, km, or a UDUNITS scaled unit ("100 km" in
  // Copernicus Marine's Arctic TOPAZ files); a rotated pole's are degrees, as proj4's ob_tran takes them
  const rotatedPole = stringAttr(mapping.attributes, 'grid_mapping_name') === 'rotated_latitude_longitude';
  const unitsScale = (v: DatasetVariable): number => {
    if (rotatedPole) return 1;
    const units = (stringAttr(v.attributes, 'units') ?? 'm').trim();
    const m = /^(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?)?\s*([a-zA-Z]*)$/.exec(units);
    const perUnit = m ? lengthUnitM(m[2] === '' ? 'm' : m[2]) : undefined;
    if (!m || perUnit === undefined) throw new ForcingFileError(path, v.name, `projection coordinate in '${units}', which is no length (m, km, "100 km")`);
    return Number(m[1] ?? 1) * perUnit;
  };
  const xs = xv.read().map((x) => x * unitsScale(xv));
  const ys = yv.read().map((y) => y * unitsScale(yv));
  const nx = xs.length;
  const ny = ys.length;
  if (proj4 === null) throw new Error(`${path}: a projected grid, and proj4 was not loaded (loadForcingFileNeeds before buildForcingFile)`);
  let converter: Proj4.Converter;
  try {
    converter = proj4(def);
  } catch (e) {
    throw new ForcingFileError(path, mapping.name, `proj4 cannot use '${def}' (${(e as Error).message})`);
  }
  const lon = new Float64Array(nx * ny);
  const lat = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const [lo, la] = converter.inverse([xs[i], ys[j]]);
      lon[j * nx + i] = lo;
      lat[j * nx + i] = la;
    }
  }
  const gm = stringAttr(mapping.attributes, 'grid_mapping_name');
  // rotated degrees: an east step of 1° of grid longitude is cos(grid latitude) of one north, so
  // the Jacobian below is made conformal by that factor (the rotation itself keeps angles)
  const rotated = gm === 'rotated_latitude_longitude';
  // Exact fractional index of a position: project it, then scale (the projected axes are evenly spaced).
  const dx = (xs[nx - 1] - xs[0]) / (nx - 1);
  const dy = (ys[ny - 1] - ys[0]) / (ny - 1);
  for (let i = 0; i < nx; i++) if (Math.abs(xs[0] + i * dx - xs[i]) > 1e-3 * Math.abs(dx)) throw new ForcingFileError(path, xv.name, 'projected x coordinate is not evenly spaced');
  for (let j = 0; j < ny; j++) if (Math.abs(ys[0] + j * dy - ys[j]) > 1e-3 * Math.abs(dy)) throw new ForcingFileError(path, yv.name, 'projected y coordinate is not evenly spaced');
  const indexOf = (lonDeg: number, latDeg: number): readonly [number, number] => {
    const p = converter.forward([lonDeg, latDeg]);
    return Number.isFinite(p[0]) && Number.isFinite(p[1]) ? [(p[0] - xs[0]) / dx, (p[1] - ys[0]) / dy] : [NaN, NaN];
  };
  const locator = new CurvilinearGrid(lon, lat, nx, ny, { kind: `projected (${gm})`, indexOf });
  const conformal = gm !== 'lambert_azimuthal_equal_area' && gm !== 'albers_conical_equal_area' && gm !== 'azimuthal_equidistant';
  const axes = (): GridAxes => conformal ? conformalAxes() : groundAxes();
  // Any projection: the ground directions (east/north) of a small step along +x and along +y at each node.
  const groundAxes = (): GridAxes => {
    const n = nx * ny;
    const xe = new Float64Array(n), xn = new Float64Array(n), ye = new Float64Array(n), yn = new Float64Array(n);
    const step = 1e-3 * Math.min(Math.abs(dx), Math.abs(dy));
    const toward = (from: readonly number[], to: readonly number[]): [number, number] => {
      const e = wrapDeg(to[0] - from[0]) * Math.cos((from[1] * Math.PI) / 180), nn = to[1] - from[1];
      const l = Math.hypot(e, nn) || 1;
      return [e / l, nn / l];
    };
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const k = j * nx + i;
        const p0 = [lon[k], lat[k]];
        [xe[k], xn[k]] = toward(p0, converter.inverse([xs[i] + step, ys[j]]));
        [ye[k], yn[k]] = toward(p0, converter.inverse([xs[i], ys[j] + step]));
      }
    }
    return { xe, xn, ye, yn, how: `proj4 '${def}', axes from steps along x and y` };
  };
  const conformalAxes = (): GridAxes => {
    // Grid x/y unit vectors in east/north: invert the projection's local Jacobian at every node.
    const n = nx * ny;
    const xe = new Float64Array(n), xn = new Float64Array(n), ye = new Float64Array(n), yn = new Float64Array(n);
    const dDeg = 1e-4;
    for (let k = 0; k < n; k++) {
      const p0 = converter.forward([lon[k], lat[k]]);
      const pe = converter.forward([lon[k] + dDeg / Math.cos((lat[k] * Math.PI) / 180), lat[k]]);
      const pn = converter.forward([lon[k], lat[k] + dDeg]);
      if (rotated) { const c = Math.cos((p0[1] * Math.PI) / 180); pe[0] = p0[0] + (pe[0] - p0[0]) * c; pn[0] = p0[0] + (pn[0] - p0[0]) * c; }
      // Columns of the Jacobian: the grid directions of east and of north, each normalised (the
      // ground lengths of the two steps differ on the ellipsoid; all supported projections are
      // conformal, so the normalised columns are exact).
      const le = Math.hypot(pe[0] - p0[0], pe[1] - p0[1]), ln = Math.hypot(pn[0] - p0[0], pn[1] - p0[1]);
      const a = (pe[0] - p0[0]) / le, b = (pn[0] - p0[0]) / ln, c = (pe[1] - p0[1]) / le, d = (pn[1] - p0[1]) / ln;
      const det = a * d - b * c;
      // J⁻¹·(1,0) = (d, -c)/det and J⁻¹·(0,1) = (-b, a)/det, normalised.
      const lx = Math.hypot(d, c) * Math.sign(det), ly = Math.hypot(b, a) * Math.sign(det);
      xe[k] = d / lx; xn[k] = -c / lx; ye[k] = -b / ly; yn[k] = a / ly;
    }
    return { xe, xn, ye, yn, how: `proj4 '${def}'` };
  };
  const lines = [locator.description, `projection: ${def}`];
  if (rotated) {
    const hemi = (x: number, pos: string, neg: string): string => `${Number(Math.abs(x).toFixed(4))}°${x < 0 ? neg : pos}`;
    const a = mapping.attributes;
    lines.push(`rotated pole ${hemi(numberAttr(a, 'grid_north_pole_latitude')!, 'N', 'S')} ${hemi(numberAttr(a, 'grid_north_pole_longitude')!, 'E', 'W')}` +
      ` (${xv.name}/${yv.name} are rotated coordinates)`);
  }
  return { locator, axes, lines };
}

/** A ROMS/CROCO rho-point coordinate: the variable mapped to `standardName` on (eta_rho, xi_rho), else `name`. */
function romsRho(dataset: Dataset, standardName: 'longitude' | 'latitude', name: string): DatasetVariable | undefined {
  return [...dataset.variables.values()].find((v) => stringAttr(v.attributes, 'standard_name') === standardName &&
    v.dimensions.length === 2 && v.dimensions[0] === 'eta_rho' && v.dimensions[1] === 'xi_rho') ?? dataset.variables.get(name);
}

/** The error for a ROMS/CROCO file without its rho-point longitude/latitude. */
function noRomsGrid(path: string, variable: string): ForcingFileError {
  return new ForcingFileError(path, variable, 'is on the ROMS/CROCO grid but the file has no lon_rho/lat_rho: give the grid file ' +
    '(--grid FILE after the file on the command line, or grid: next to file: in a case file)');
}

function romsGrid(path: string, dataset: Dataset): BuiltGrid {
  const lonV = romsRho(dataset, 'longitude', 'lon_rho');
  const latV = romsRho(dataset, 'latitude', 'lat_rho');
  if (!lonV || !latV) throw noRomsGrid(path, 'lon_rho');
  const lon = lonV.read();
  const lat = latV.read();
  const [ny, nx] = lonV.shape;
  const locator = new CurvilinearGrid(lon, lat, nx, ny, { kind: 'ROMS curvilinear (rho points)' });
  const angleV = dataset.variables.get('angle');
  const axes = (): GridAxes => {
    if (!angleV) return axesFromNodes(lon, lat, nx, ny);
    const ang = angleV.read();
    return axesFromCosSin(ang.map(Math.cos), ang.map(Math.sin), "ROMS 'angle' between xi and east");
  };
  const lines = [locator.description];
  if (dataset.variables.has('mask_rho')) lines.push('mask_rho = 0 is land (masked)');
  return { locator, axes, lines };
}

/**
 * ROMS staggered u (between rho i and i+1) and v (between rho j and j+1) averaged to rho points;
 * masked by mask_rho. Returns (nt, ny_rho, nx_rho) arrays.
 */
function romsToRho(
  path: string, dataset: Dataset, uVar: DatasetVariable, vVar: DatasetVariable, u: Float64Array, v: Float64Array, nt: number,
): { east: Float64Array; north: Float64Array } {
  const lonV = romsRho(dataset, 'longitude', 'lon_rho');
  if (!lonV) throw noRomsGrid(path, uVar.name);
  const [ny, nx] = lonV.shape;
  const [nyU, nxU] = uVar.shape.slice(-2);
  const [nyV, nxV] = vVar.shape.slice(-2);
  const uStag = uVar.dimensions.at(-1) === 'xi_u';
  const vStag = vVar.dimensions.at(-2) === 'eta_v';
  // u(i) lies between rho i and i+1, so there is one u fewer than rho points along xi (v: along eta)
  for (const [v, rows, cols, stag, along] of [[uVar, nyU, nxU, uStag, 'x'], [vVar, nyV, nxV, vStag, 'y']] as const) {
    const wantRows = along === 'y' && stag ? ny - 1 : ny;
    const wantCols = along === 'x' && stag ? nx - 1 : nx;
    // a subset cut by index (ncks -d xi_u,…) may keep as many u points as rho points
    const okRows = rows === wantRows || (along === 'y' && stag && rows === ny);
    const okCols = cols === wantCols || (along === 'x' && stag && cols === nx);
    if (!okRows || !okCols) {
      throw new ForcingFileError(path, v.name, `is ${rows} × ${cols} but the rho grid (${lonV.name}) is ${ny} × ${nx}, which needs ${wantRows} × ${wantCols}: ` +
        'the grid file belongs to another setup');
    }
  }
  const mask = dataset.variables.get('mask_rho')?.read();
  const east = new Float64Array(nt * ny * nx);
  const north = new Float64Array(nt * ny * nx);
  for (let t = 0; t < nt; t++) {
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const k = (t * ny + j) * nx + i;
        if (mask && !(mask[j * nx + i] >= 0.5)) { east[k] = NaN; north[k] = NaN; continue; }
        east[k] = uStag ? mean2(u, t * nyU * nxU, j, i - 1, j, i, nyU, nxU) : u[(t * nyU + j) * nxU + i];
        north[k] = vStag ? mean2(v, t * nyV * nxV, j - 1, i, j, i, nyV, nxV) : v[(t * nyV + j) * nxV + i];
      }
    }
  }
  return { east, north };
}

/** Mean of the finite values among two staggered points (j1, i1), (j2, i2) that exist; NaN when none. */
function mean2(a: Float64Array, base: number, j1: number, i1: number, j2: number, i2: number, ny: number, nx: number): number {
  let sum = 0, n = 0;
  if (j1 >= 0 && i1 >= 0 && j1 < ny && i1 < nx) { const x = a[base + j1 * nx + i1]; if (x === x) { sum += x; n++; } }
  if (j2 >= 0 && i2 >= 0 && j2 < ny && i2 < nx) { const x = a[base + j2 * nx + i2]; if (x === x) { sum += x; n++; } }
  return n > 0 ? sum / n : NaN;
}
