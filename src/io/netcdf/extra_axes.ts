import type { ForcingQuantity } from '../../core/environment/index.js';
import { ForcingFileError } from '../../core/errors.js';
import { stringAttr, type Dataset, type DatasetVariable } from './dataset.js';

/**
 * What a dimension of a wind or current variable other than its last two (y, x) stands for,
 * from its coordinate variable (CF conventions §4.3: standard_name, units, positive, axis) or,
 * without one, its name as the producers write it:
 * - time: the time axis (units "… since …" or standard_name time);
 * - height, depth, sigma: a vertical axis in metres (height positive up, depth positive down) or an
 *   ocean sigma/s coordinate (0 at the surface, -1 at the bottom; ROMS s_rho, FVCOM siglay);
 * - pressure, model-level: an atmospheric vertical axis that is no height (ERA5 pressure_level,
 *   MEPS x_wind_pl, model levels): no 10 m wind is on it;
 * - ensemble: ensemble members (standard_name realization: MEPS ensemble_member, ERA5/cfgrib number);
 * - expver: ERA5's experiment version on the old Climate Data Store (1 = ERA5, 5 = ERA5T): each
 *   time holds values in one of them, missing in the other (ECMWF, "ERA5: data documentation");
 * - forecast-period: a lead time next to the time axis (cfgrib's step, forecast_period): a 2-D time;
 * - unknown: none of these.
 */
export type AxisKind = 'time' | 'height' | 'depth' | 'sigma' | 'pressure' | 'model-level' | 'ensemble' | 'expver' | 'forecast-period' | 'unknown';

/** One extra dimension of a variable: its kind, and its coordinate's values in metres where that applies. */
export interface ExtraAxis {
  readonly dim: string;
  readonly size: number;
  readonly kind: AxisKind;
  /** The coordinate variable (same name as the dimension, 1-D), when the file has one. */
  readonly coord?: DatasetVariable;
}

const LENGTH_UNITS_M: Readonly<Record<string, number>> = { m: 1, meter: 1, meters: 1, metre: 1, metres: 1, km: 1000, cm: 0.01 };
const PRESSURE_UNITS = /^(pa|hpa|kpa|mbar|millibars?|mb|bar|atm)$/i;
const MODEL_LEVEL_NAMES = new Set(['model_level_number', 'atmosphere_hybrid_sigma_pressure_coordinate', 'atmosphere_hybrid_height_coordinate',
  'atmosphere_sigma_coordinate', 'atmosphere_ln_pressure_coordinate', 'atmosphere_sleve_coordinate']);

/** Metres per unit of a length unit ("m", "meter", "km"), or undefined. */
export function lengthUnitM(units: string | undefined): number | undefined {
  return units === undefined ? undefined : LENGTH_UNITS_M[units.trim().toLowerCase()];
}

/** Classify dimension `dim` of a variable (see AxisKind). */
export function classifyAxis(dataset: Dataset, dim: string, size: number): ExtraAxis {
  const own = dataset.variables.get(dim);
  const coord = own && own.shape.length === 1 ? own : undefined;
  const kind = coord ? kindFromCoordinate(coord) : kindFromName(dim);
  return { dim, size, kind: kind === 'unknown' && coord ? kindFromName(dim) : kind, coord };
}

function kindFromCoordinate(c: DatasetVariable): AxisKind {
  const sn = (stringAttr(c.attributes, 'standard_name') ?? '').trim();
  const units = (stringAttr(c.attributes, 'units') ?? '').trim();
  const positive = (stringAttr(c.attributes, 'positive') ?? '').trim().toLowerCase();
  const axis = (stringAttr(c.attributes, 'axis') ?? '').trim().toUpperCase();
  if (sn === 'time' || / since /i.test(units)) return 'time';
  if (sn === 'forecast_period') return 'forecast-period';
  if (sn === 'realization') return 'ensemble';
  if (sn === 'air_pressure' || PRESSURE_UNITS.test(units)) return 'pressure';
  if (MODEL_LEVEL_NAMES.has(sn)) return 'model-level';
  if (sn.startsWith('ocean_') && /sigma|s_coordinate/.test(sn)) return 'sigma';
  if (sn === 'depth' || sn === 'depth_below_sea_floor') return 'depth';
  if (sn === 'height' || sn === 'altitude' || sn.startsWith('height_above')) return positive === 'down' ? 'depth' : 'height';
  if (lengthUnitM(units) !== undefined && (positive !== '' || axis === 'Z')) return positive === 'down' ? 'depth' : 'height';
  return 'unknown';
}

function kindFromName(dim: string): AxisKind {
  if (/^expver$/i.test(dim)) return 'expver';
  if (/^(ensemble_member|ensemble|members?|realization|number|ens|mem)$/i.test(dim)) return 'ensemble';
  if (/^(step|forecast_period|leadtime|lead_time|forecast_hour)$/i.test(dim)) return 'forecast-period';
  if (/^(s_rho|s_w|sigma|siglay|siglev)$/i.test(dim)) return 'sigma';
  if (/^(plev|pressure|pressure_level|isobaric\d*|isobaricInhPa|lev_p)$/.test(dim)) return 'pressure';
  if (/^(depth|deptht|depthu|depthv|depthw|zlev)$/i.test(dim)) return 'depth';
  if (/^(height\d*|heightAboveGround|height_above_ground\d*)$/.test(dim)) return 'height';
  // a vertical axis of unknown sign: nearest 10 m (wind) or nearest 0 (currents) holds either way
  if (/^(z|lev|level|levels|zaxis)$/i.test(dim)) return 'height';
  return 'unknown';
}

/** How one extra dimension is reduced: one index, or (ERA5's expver) the first value present along it. */
export type AxisChoice = { readonly index: number; readonly line: string } | { readonly merge: true; readonly line: string };

/**
 * Pick what to take along one extra dimension of `v` (not time, not y/x): the level nearest 10 m
 * for wind and nearest the surface for currents, the first ensemble member, ERA5's expver merged;
 * refused, saying why and what to do, where no right choice exists (a wind on pressure or model
 * levels, a lead-time axis, a dimension of unknown meaning with a coordinate).
 */
export function chooseAlongAxis(path: string, dataset: Dataset, v: DatasetVariable, axisIndex: number, quantity: ForcingQuantity): AxisChoice {
  const dim = v.dimensions[axisIndex];
  const size = v.shape[axisIndex];
  const axis = classifyAxis(dataset, dim, size);
  const values = axis.coord?.read();
  const shown = values ? ` (${dim}: ${[...values.slice(0, 6)].map((x) => Number(x.toPrecision(6))).join(', ')}${values.length > 6 ? ', …' : ''}` +
    `${stringAttr(axis.coord!.attributes, 'units') ? ' ' + stringAttr(axis.coord!.attributes, 'units') : ''})` : '';
  const refuse = (problem: string): never => { throw new ForcingFileError(path, v.name, problem); };
  switch (axis.kind) {
    case 'pressure':
    case 'model-level':
      if (quantity === 'wind') {
        refuse(`is on ${axis.kind === 'pressure' ? 'pressure' : 'model'} levels${shown}: a drift needs the wind 10 m above the sea, which no such level is; ` +
          'give the 10 m wind (ERA5 u10/v10, GFS UGRD at 10 m above ground, MEPS/AROME x_wind_10m), or name it with a variable mapping');
      }
      break;
    case 'forecast-period':
      refuse(`has a lead-time dimension '${dim}' besides its time${shown}: its times are 2-D (forecast run × lead time); cut one forecast run first ` +
        `(e.g. ncks -d ${v.dimensions[0]},0 in.nc out.nc) or give the file with a 1-D valid time`);
      break;
    case 'expver':
      if (size > 1) return { merge: true, line: `${dim}: ${size} experiment versions merged, each value from the first that has it (ERA5 expver 1, then ERA5T 5)` };
      return { index: 0, line: '' };
    case 'ensemble':
      return { index: 0, line: size > 1 ? `${dim}: the first of ${size} ensemble members (index 0, the control run in ECMWF, MEPS and GEFS output)` : '' };
    case 'time':
      refuse(`has a second time dimension '${dim}'; sarbridge reads one time axis, first`);
      break;
    default:
      break;
  }
  if (size === 1) return { index: 0, line: '' };
  if (!values) {
    // ROMS/CROCO s-levels count from the bottom (s = -1) to the surface (s = 0): the last is the surface
    if (axis.kind === 'sigma' && /^s_(rho|w)$/.test(dim) && quantity === 'current') {
      return { index: size - 1, line: `${dim} index ${size - 1} of ${size} (ROMS/CROCO s-levels run bottom to surface; no ${dim} coordinate variable)` };
    }
    return { index: 0, line: `${dim}: first of ${size} (no coordinate variable to tell the surface)` };
  }
  const vertical = axis.kind === 'height' || axis.kind === 'depth' || axis.kind === 'sigma';
  if (!vertical) {
    refuse(`has a dimension '${dim}'${shown} that is neither time, a height or depth, an ensemble member nor ERA5's expver (no standard_name, ` +
      `units or positive attribute tells); cut the index you want first (e.g. ncks -d ${dim},0 in.nc out.nc)`);
  }
  if (quantity === 'wind' && axis.kind !== 'height') {
    refuse(`is a wind on a '${axis.kind}' axis${shown}; a drift needs the wind 10 m above the sea: give the 10 m wind or name it with a variable mapping`);
  }
  // heights in metres: the level nearest 10 m for wind; depth, height below the surface or sigma nearest 0 for currents
  const toM = axis.kind === 'sigma' ? 1 : lengthUnitM(stringAttr(axis.coord!.attributes, 'units')) ?? 1;
  const target = quantity === 'wind' ? 10 : 0;
  let best = 0;
  for (let k = 1; k < values.length; k++) if (Math.abs(values[k] * toM - target) < Math.abs(values[best] * toM - target)) best = k;
  const what = quantity === 'wind' ? 'nearest 10 m' : 'nearest the surface';
  return { index: best, line: `${dim} index ${best} of ${size} (${dim} = ${Number(values[best].toFixed(4))}, ${what})` };
}

/**
 * How well a variable suits the drift by its vertical placement, lower is better: 0 at 10 m
 * (a height axis or scalar height coordinate holding 10 m, or a name saying 10m), 1 with nothing
 * vertical, 2 at other heights, 3 on pressure or model levels. Orders variables that share a
 * standard name (MEPS writes x_wind_pl on pressure levels and x_wind_10m, both x_wind).
 */
export function windLevelRank(dataset: Dataset, v: DatasetVariable): number {
  const coords = (stringAttr(v.attributes, 'coordinates') ?? '').split(/\s+/).map((n) => dataset.variables.get(n))
    .filter((c): c is DatasetVariable => c !== undefined && c.shape.length === 0);
  let rank = /(^|_)10m?($|_)|10m/i.test(v.name) ? 0 : 1;
  const heights: Array<{ values: Float64Array; toM: number }> = [];
  for (let a = 0; a < v.dimensions.length - 2; a++) {
    const axis = classifyAxis(dataset, v.dimensions[a], v.shape[a]);
    if (axis.kind === 'pressure' || axis.kind === 'model-level') return 3;
    if (axis.kind === 'height' && axis.coord) heights.push({ values: axis.coord.read(), toM: lengthUnitM(stringAttr(axis.coord.attributes, 'units')) ?? 1 });
  }
  for (const c of coords) {
    const kind = kindFromCoordinate(c);
    if (kind === 'pressure' || kind === 'model-level') return 3;
    if (kind === 'height') heights.push({ values: c.read(), toM: lengthUnitM(stringAttr(c.attributes, 'units')) ?? 1 });
  }
  if (heights.length > 0) rank = heights.some((h) => [...h.values].some((x) => Math.abs(x * h.toM - 10) < 0.5)) ? 0 : 2;
  return rank;
}
