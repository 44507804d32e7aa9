/**
 * Sweep width W (NM) of a search unit for a search object (IAMSAR Manual Vol. II, sweep width and
 * its corrections; tables from the US Coast Guard Addendum to the National SAR Supplement,
 * COMDTINST M16130.2F): W = Wu x fw x fv x ff.
 * - Wu: uncorrected sweep width, by search object x meteorological visibility (linear between the
 *   tabulated visibilities, clamped with a warning beyond them) x platform: vessel by eye height
 *   (8 ft and 14 ft tables), aircraft and helicopter by altitude (tables at 300, 500, 750, 1000,
 *   1500, 2000, 2500, 3000 ft): we INTERPOLATE linearly between the two tabulated heights round the
 *   one asked (and clamp, with a warning, outside the tabulated range).
 * - fw: weather, 1.0 / 0.5 / 0.25 for small objects (persons in water, rafts, boats < 30 ft),
 *   1.0 / 0.9 / 0.9 for larger ones, in the bands wind <= 15 kt and seas <= 1 m; wind <= 25 kt and
 *   seas <= 1.5 m; worse.
 * - fv: speed, aircraft (150, 180, 210 kt) and helicopters (60, 90, 120, 140 kt), linear between,
 *   clamped with a warning beyond; vessels 1.
 * - ff: fatigue 0.9 when the crew is fatigued.
 * A manual W, when given, is used as it is.
 */
import { InvalidInputError } from '../errors.js';
import { parseSweepWidthTable, parseWeatherCorrectionTypes, type ObjectTable, type WeatherCorrectionType } from './sweep_width_table.js';
import { SPEED_MODIFIER_CSV, SWEEP_WIDTH_CSV, WEATHER_CORRECTION_TYPES_CSV } from './sweep_width_tables.js';

/** The search unit's kind and the height it searches from. */
export type SweepWidthPlatform =
  | { readonly kind: 'vessel'; /** observer eye height, feet (tables at 8 and 14) */ readonly eyeHeightFt: number }
  | { readonly kind: 'aircraft' | 'helicopter'; /** feet above the sea (tables 300-3000) */ readonly altitudeFt: number;
      /** search speed, knots */ readonly speedKn: number };

/** On-scene weather: observed wind and sea, or an IAMSAR weather band 1-3 directly. */
export type SearchWeather =
  | { readonly windKn: number; readonly seaHeightM: number }
  | { readonly band: 1 | 2 | 3 };

/** What sweepWidth needs. */
export interface SweepWidthRequest {
  /** A search object of the tables (SEARCH_OBJECTS), e.g. 'Raft 4 person'; see object_mapping.ts for Leeway classes. */
  readonly searchObject: string;
  /** Meteorological visibility, NM. */
  readonly visibilityNm: number;
  readonly platform: SweepWidthPlatform;
  readonly weather: SearchWeather;
  /** Crew fatigued (ff = 0.9); default false. */
  readonly fatigued?: boolean;
  /** A sweep width the SMC sets by hand, NM: used as it is, no table or correction applied. */
  readonly manualSweepWidthNm?: number;
}

/** A sweep width with every factor that made it and what had to be clamped. */
export interface SweepWidthResult {
  /** Corrected sweep width W, NM. */
  readonly sweepWidthNm: number;
  readonly source: 'table' | 'manual';
  /** Wu, NM (equal to W for a manual value). */
  readonly uncorrectedNm: number;
  readonly weatherFactor: number;
  readonly speedFactor: number;
  readonly fatigueFactor: number;
  readonly weatherBand: 1 | 2 | 3 | null;
  readonly objectSize: WeatherCorrectionType | null;
  /** Names of the tables read (e.g. ['Helicopter-500ft', 'Helicopter-750ft']). */
  readonly tables: readonly string[];
  /** A value outside a table's range was clamped: what and how. Empty when nothing was. */
  readonly warnings: readonly string[];
}

let cache: { tables: Map<string, ObjectTable>; speed: Record<'aircraft' | 'helicopter', ObjectTable>; types: ReadonlyMap<string, WeatherCorrectionType> } | null = null;

function data(): NonNullable<typeof cache> {
  if (!cache) {
    const tables = new Map<string, ObjectTable>();
    for (const [name, csv] of Object.entries(SWEEP_WIDTH_CSV)) tables.set(name, parseSweepWidthTable(name, csv));
    cache = {
      tables,
      speed: {
        aircraft: parseSweepWidthTable('Aircraft_speed_modifier', SPEED_MODIFIER_CSV.aircraft),
        helicopter: parseSweepWidthTable('Helicopter_speed_modifier', SPEED_MODIFIER_CSV.helicopter),
      },
      types: parseWeatherCorrectionTypes('weather_correction_types', WEATHER_CORRECTION_TYPES_CSV),
    };
  }
  return cache;
}

/** The search objects of the sweep-width tables, in table order (25 objects). */
export function searchObjects(): readonly string[] {
  return data().tables.get('Boat-8ft')!.objects;
}

/** Tabulated heights per platform kind, feet, ascending, and the table name for each. */
export function tabulatedHeightsFt(kind: SweepWidthPlatform['kind']): readonly number[] {
  const prefix = kind === 'vessel' ? 'Boat-' : kind === 'aircraft' ? 'Aircraft-' : 'Helicopter-';
  return [...data().tables.keys()].filter((k) => k.startsWith(prefix)).map((k) => Number(k.slice(prefix.length, -2))).sort((a, b) => a - b);
}

function tableName(kind: SweepWidthPlatform['kind'], heightFt: number): string {
  return `${kind === 'vessel' ? 'Boat' : kind === 'aircraft' ? 'Aircraft' : 'Helicopter'}-${heightFt}ft`;
}

/** Linear interpolation in an ascending key list, clamped at the ends; says whether it clamped. */
function interpolate(keys: readonly number[], values: readonly number[], x: number): { value: number; clamped: boolean } {
  if (x <= keys[0]) return { value: values[0], clamped: x < keys[0] };
  const last = keys.length - 1;
  if (x >= keys[last]) return { value: values[last], clamped: x > keys[last] };
  let k = 1;
  while (keys[k] < x) k++;
  const f = (x - keys[k - 1]) / (keys[k] - keys[k - 1]);
  return { value: values[k - 1] + f * (values[k] - values[k - 1]), clamped: false };
}

function objectRow(table: ObjectTable, object: string): readonly number[] {
  const r = table.objects.indexOf(object);
  if (r < 0) {
    throw new InvalidInputError('searchObject', `'${object}' is not in the sweep-width tables; one of: ${table.objects.join(', ')}`);
  }
  return table.values[r];
}

/**
 * Uncorrected sweep width Wu (NM) from one table, linear in visibility between its columns.
 */
export function uncorrectedSweepWidthNm(table: string, searchObject: string, visibilityNm: number): { valueNm: number; clamped: boolean } {
  const t = data().tables.get(table);
  if (!t) throw new InvalidInputError('table', `no sweep-width table '${table}'; one of ${[...data().tables.keys()].join(', ')}`);
  const { value, clamped } = interpolate(t.columns, objectRow(t, searchObject), visibilityNm);
  return { valueNm: value, clamped };
}

/**
 * IAMSAR weather band: 1 when wind <= 15 kt and seas <= 1 m, 2 when wind <= 25 kt and seas <=
 * 1.5 m, else 3.
 */
export function weatherBand(weather: SearchWeather): 1 | 2 | 3 {
  if ('band' in weather) {
    if (weather.band !== 1 && weather.band !== 2 && weather.band !== 3) throw new InvalidInputError('weather.band', `${String(weather.band)} is not 1, 2 or 3`);
    return weather.band;
  }
  const { windKn, seaHeightM } = weather;
  if (!(windKn >= 0)) throw new InvalidInputError('weather.windKn', `${windKn} is not a wind speed >= 0`);
  if (!(seaHeightM >= 0)) throw new InvalidInputError('weather.seaHeightM', `${seaHeightM} is not a sea height >= 0`);
  if (windKn > 25 || seaHeightM > 1.5) return 3;
  if (windKn > 15 || seaHeightM > 1) return 2;
  return 1;
}

/** Weather correction fw by band and object size (IAMSAR Vol. II). */
export function weatherFactor(band: 1 | 2 | 3, size: WeatherCorrectionType): number {
  return size === 'small' ? [1, 0.5, 0.25][band - 1] : [1, 0.9, 0.9][band - 1];
}

/**
 * Corrected sweep width W = Wu x fw x fv x ff (see the file header for tables, interpolation and
 * bands), or the manual value when one is given.
 * @example sweepWidth({ searchObject: 'Raft 4 person', visibilityNm: 10, platform: { kind: 'vessel', eyeHeightFt: 8 },
 *   weather: { windKn: 18, seaHeightM: 1.2 } }).sweepWidthNm // 3.1 x 0.5 = 1.55
 */
export function sweepWidth(request: SweepWidthRequest): SweepWidthResult {
  if (request.manualSweepWidthNm !== undefined) {
    const w = request.manualSweepWidthNm;
    if (!(w > 0) || !Number.isFinite(w)) throw new InvalidInputError('manualSweepWidthNm', `${w} is not a positive sweep width`);
    return { sweepWidthNm: w, source: 'manual', uncorrectedNm: w, weatherFactor: 1, speedFactor: 1, fatigueFactor: 1,
      weatherBand: null, objectSize: null, tables: [], warnings: [] };
  }
  const { searchObject, visibilityNm, platform } = request;
  if (!(visibilityNm > 0)) throw new InvalidInputError('visibilityNm', `${visibilityNm} is not a visibility > 0`);
  const warnings: string[] = [];
  const height = platform.kind === 'vessel' ? platform.eyeHeightFt : platform.altitudeFt;
  const heightField = platform.kind === 'vessel' ? 'platform.eyeHeightFt' : 'platform.altitudeFt';
  if (!(height > 0)) throw new InvalidInputError(heightField, `${height} is not a height > 0`);
  const heights = tabulatedHeightsFt(platform.kind);
  const h = interpolate(heights, heights, height);
  if (h.clamped) warnings.push(`${heightField} ${height} ft is outside the tables' ${heights[0]}-${heights[heights.length - 1]} ft: the nearest table is used`);
  const lo = heights.filter((x) => x <= h.value).pop() ?? heights[0];
  const hi = heights.find((x) => x >= h.value) ?? heights[heights.length - 1];
  const tables = lo === hi ? [tableName(platform.kind, lo)] : [tableName(platform.kind, lo), tableName(platform.kind, hi)];
  const atLo = uncorrectedSweepWidthNm(tables[0], searchObject, visibilityNm);
  const atHi = uncorrectedSweepWidthNm(tables[tables.length - 1], searchObject, visibilityNm);
  if (atLo.clamped || atHi.clamped) {
    const cols = data().tables.get(tables[0])!.columns;
    warnings.push(`visibilityNm ${visibilityNm} is outside the table's ${cols[0]}-${cols[cols.length - 1]} NM: clamped`);
  }
  const f = hi === lo ? 0 : (h.value - lo) / (hi - lo);
  const uncorrectedNm = atLo.valueNm + f * (atHi.valueNm - atLo.valueNm);

  const size = data().types.get(searchObject);
  if (!size) throw new InvalidInputError('searchObject', `'${searchObject}' has no weather correction type`);
  const band = weatherBand(request.weather);
  const fw = weatherFactor(band, size);

  let fv = 1;
  if (platform.kind !== 'vessel') {
    if (!(platform.speedKn > 0)) throw new InvalidInputError('platform.speedKn', `${platform.speedKn} is not a speed > 0`);
    const speed = data().speed[platform.kind];
    const s = interpolate(speed.columns, objectRow(speed, searchObject), platform.speedKn);
    if (s.clamped) warnings.push(`platform.speedKn ${platform.speedKn} kt is outside the ${platform.kind} speed table's ${speed.columns[0]}-${speed.columns[speed.columns.length - 1]} kt: clamped`);
    fv = s.value;
    tables.push(speed.name);
  }
  const ff = request.fatigued ? 0.9 : 1;
  if (uncorrectedNm === 0) warnings.push(`the tables give no sweep width for '${searchObject}' from ${tables[0]}: it cannot be seen from there`);
  return {
    sweepWidthNm: uncorrectedNm * fw * fv * ff, source: 'table', uncorrectedNm, weatherFactor: fw, speedFactor: fv,
    fatigueFactor: ff, weatherBand: band, objectSize: size, tables, warnings,
  };
}
