import type { ForcingQuantity } from '../../core/environment/index.js';
import type { Dataset, DatasetVariable } from './dataset.js';
import { stringAttr } from './dataset.js';
import { windLevelRank } from './extra_axes.js';

/** A pair of variables holding one vector quantity, and whether they are along the grid axes. */
export interface VariablePair {
  readonly quantity: ForcingQuantity;
  readonly east: DatasetVariable;
  readonly north: DatasetVariable;
  /** True when the components are along the grid's x/y (i/j) axes and must be rotated. */
  readonly gridRelative: boolean;
  /**
   * Set when the pair is a speed (`east`) and a direction (`north`, degrees clockwise from true
   * north) instead of components: 'from' for the direction the wind blows from, 'toward' for the
   * direction the flow goes to.
   */
  readonly polar?: 'from' | 'toward';
  /** How the pair was found, for the description. */
  readonly foundBy: string;
}

/** CF standard-name pairs per quantity, best first; `true` marks grid-relative components. */
const STANDARD_NAME_PAIRS: Record<ForcingQuantity, ReadonlyArray<readonly [string, string, boolean]>> = {
  wind: [
    ['eastward_wind', 'northward_wind', false],
    ['x_wind', 'y_wind', true],
    // the CF aliases of x_wind / y_wind, as rotated-pole models write them (COSMO through CDO)
    ['grid_eastward_wind', 'grid_northward_wind', true],
  ],
  current: [
    ['surface_eastward_sea_water_velocity', 'surface_northward_sea_water_velocity', false],
    ['eastward_sea_water_velocity', 'northward_sea_water_velocity', false],
    ['x_sea_water_velocity', 'y_sea_water_velocity', true],
    ['sea_water_x_velocity', 'sea_water_y_velocity', true],
    ['sea_water_x_velocity_at_u_location', 'sea_water_y_velocity_at_v_location', true],
    ['surface_geostrophic_eastward_sea_water_velocity', 'surface_geostrophic_northward_sea_water_velocity', false],
  ],
};

/**
 * CF speed and direction pairs (standard names table: wind_speed with wind_from_direction or
 * wind_to_direction; sea_water_speed with direction_of_sea_water_velocity, "the direction toward
 * which the velocity vector points"), as services that give no components write them (the Met Office
 * DataHub's 10 m wind, current meters). Used when no component pair is found.
 */
const POLAR_PAIRS: Record<ForcingQuantity, ReadonlyArray<readonly [string, string, 'from' | 'toward']>> = {
  wind: [['wind_speed', 'wind_from_direction', 'from'], ['wind_speed', 'wind_to_direction', 'toward']],
  current: [['sea_water_speed', 'direction_of_sea_water_velocity', 'toward'], ['sea_surface_water_speed', 'direction_of_sea_water_velocity', 'toward']],
};

/** Each vector-component standard name the reader knows, with its partner component and quantity. */
export function vectorStandardNames(): Map<string, { readonly partner: string; readonly quantity: ForcingQuantity }> {
  const out = new Map<string, { partner: string; quantity: ForcingQuantity }>();
  for (const quantity of ['wind', 'current'] as const) {
    for (const [e, n] of STANDARD_NAME_PAIRS[quantity]) {
      out.set(e, { partner: n, quantity });
      out.set(n, { partner: e, quantity });
    }
  }
  return out;
}

/**
 * Variable-name aliases for files without standard_name: ERA5/WRF u10/v10, GFS converted to
 * NetCDF (UGRD/VGRD at 10 m), CMIP uas/vas, CMEMS uo/vo, HYCOM water_u/water_v, ROMS u/v
 * (grid-relative, staggered, only when on ROMS u/v dimensions). GRIB's components as its
 * converters name them (wgrib2's UGRD_10maboveground, THREDDS's u-component_of_wind_…, CDO's
 * 10u/var165) are along the grid, as GRIB writes them on a projected grid (HRRR, NAM, HARMONIE:
 * the resolution and component flags) and as they are anyway on a longitude/latitude grid, where
 * along the grid is east/north; a file made earth-relative first (wgrib2 -new_grid_winds earth)
 * says so with a variable mapping (eastward_wind=…, northward_wind=…).
 */
const NAME_ALIASES: Record<ForcingQuantity, ReadonlyArray<readonly [string, string, boolean]>> = {
  wind: [
    ['u10', 'v10', false], ['U10', 'V10', false], ['u10m', 'v10m', false],
    ['UGRD_10maboveground', 'VGRD_10maboveground', true], ['ugrd10m', 'vgrd10m', false],
    ['u-component_of_wind_height_above_ground', 'v-component_of_wind_height_above_ground', true],
    ['10u', '10v', true], ['var165', 'var166', true],
    ['UGRD', 'VGRD', true], ['uas', 'vas', false], ['x_wind_10m', 'y_wind_10m', true],
  ],
  current: [
    ['uo', 'vo', false], ['water_u', 'water_v', false], ['ucur', 'vcur', false],
    ['u_surface', 'v_surface', false], ['u', 'v', true],
  ],
};

/**
 * A pair whose variables say they came from GRIB with u/v along the grid (cfgrib, since 0.9.14,
 * writes the resolution and component flags as GRIB_uvRelativeToGrid, but names the components
 * eastward_wind/northward_wind either way: HRRR, RTMA, NAM on Lambert grids) made grid-relative.
 */
function gribRelativeToGrid(pair: VariablePair): VariablePair {
  const flag = pair.east.attributes.GRIB_uvRelativeToGrid;
  if (pair.gridRelative || pair.polar || !Array.isArray(flag) || flag[0] !== 1) return pair;
  return { ...pair, gridRelative: true, foundBy: `${pair.foundBy}; GRIB_uvRelativeToGrid = 1: along the grid` };
}

/** True when the dataset is WRF output (wrfout: global MAP_PROJ, TITLE " OUTPUT FROM WRF …"). */
export function isWrf(dataset: Dataset): boolean {
  const title = dataset.globalAttributes.TITLE;
  return dataset.globalAttributes.MAP_PROJ !== undefined || (typeof title === 'string' && /\bWRF\b/.test(title));
}

/**
 * The east and north variables to use among those carrying a pair's standard names: for wind the
 * one at 10 m (windLevelRank), and a north component on the east one's dimensions.
 */
function bestPair(dataset: Dataset, quantity: ForcingQuantity, easts: DatasetVariable[] | undefined, norths: DatasetVariable[] | undefined): [DatasetVariable, DatasetVariable] | undefined {
  if (!easts || !norths) return undefined;
  const ranked = (list: DatasetVariable[]) => quantity === 'wind' && list.length > 1
    ? list.map((v) => ({ v, rank: windLevelRank(dataset, v) })).sort((a, b) => a.rank - b.rank).map((x) => x.v) : list;
  const east = ranked(easts)[0];
  const north = ranked(norths).find((v) => v.dimensions.join() === east.dimensions.join()) ?? ranked(norths)[0];
  return [east, north];
}

/** True when a variable lies on ROMS staggered u/v or rho dimensions. */
export function isRomsVariable(v: DatasetVariable): boolean {
  return v.dimensions.some((d) => /^(xi|eta)_(u|v|rho)$/.test(d));
}

/**
 * Find the variables of each quantity: the user's mapping first, then CF standard_name, then
 * the name aliases. Returns one pair per quantity found.
 */
export function findVariablePairs(
  dataset: Dataset, override: Partial<Record<ForcingQuantity, readonly [string, string]>> = {},
): { pairs: VariablePair[]; missingOverride: string[] } {
  const pairs: VariablePair[] = [];
  const missingOverride: string[] = [];
  // every variable of each standard name: a file may hold the wind at several levels under one name
  const byStandardName = new Map<string, DatasetVariable[]>();
  for (const v of dataset.variables.values()) {
    const sn = stringAttr(v.attributes, 'standard_name');
    if (sn && v.shape.length >= 2) byStandardName.set(sn, [...(byStandardName.get(sn) ?? []), v]);
  }
  for (const quantity of ['wind', 'current'] as const) {
    const wanted = override[quantity];
    if (wanted) {
      const east = dataset.variables.get(wanted[0]);
      const north = dataset.variables.get(wanted[1]);
      if (!east || !north) {
        missingOverride.push(...wanted.filter((n) => !dataset.variables.has(n)));
        continue;
      }
      const sn = stringAttr(east.attributes, 'standard_name') ?? '';
      const gridRelative = /^(x_|y_)|_x_|_y_/.test(sn) || isRomsVariable(east) || /^x_/.test(east.name);
      pairs.push(gribRelativeToGrid({ quantity, east, north, gridRelative, foundBy: 'user mapping' }));
      continue;
    }
    let found: VariablePair | undefined;
    for (const [e, n, grid] of STANDARD_NAME_PAIRS[quantity]) {
      const pair = bestPair(dataset, quantity, byStandardName.get(e), byStandardName.get(n));
      if (pair) {
        const others = (byStandardName.get(e)?.length ?? 1) - 1;
        found = { quantity, east: pair[0], north: pair[1], gridRelative: grid,
          foundBy: `standard_name ${e} / ${n}` + (others > 0 ? ` (the one at 10 m of ${others + 1} with that name)` : '') };
        break;
      }
    }
    if (!found) {
      for (const [speed, direction, polar] of POLAR_PAIRS[quantity]) {
        const pair = bestPair(dataset, quantity, byStandardName.get(speed), byStandardName.get(direction));
        if (pair) { found = { quantity, east: pair[0], north: pair[1], gridRelative: false, polar, foundBy: `standard_name ${speed} / ${direction}` }; break; }
      }
    }
    if (!found) {
      for (const [e, n, grid] of NAME_ALIASES[quantity]) {
        const east = dataset.variables.get(e);
        const north = dataset.variables.get(n);
        if (!east || !north || east.shape.length < 2) continue;
        if (e === 'u' && !isRomsVariable(east)) continue;
        // WRF's U10/V10 are along the model grid's axes (WRF user's guide: rotate with COSALPHA/SINALPHA)
        const wrf = e === 'U10' && isWrf(dataset);
        found = { quantity, east, north, gridRelative: grid || wrf, foundBy: wrf ? 'variable name (WRF U10/V10, grid-relative)' : 'variable name (alias table)' };
        break;
      }
    }
    if (found) pairs.push(gribRelativeToGrid(found));
  }
  return { pairs, missingOverride };
}
