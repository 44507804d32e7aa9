/**
 * Parsers for the sweep-width CSV tables (US Coast Guard Addendum to the National SAR Supplement,
 * COMDTINST M16130.2F; data/sweep-width/PROVENANCE.md). Pure: CSV text in, tables out.
 */
import { DataFileError } from '../errors.js';

/**
 * A table of numbers by search object (rows) and a numeric column key (visibility NM for sweep
 * widths, speed kt for speed factors), columns ascending.
 */
export interface ObjectTable {
  /** Name the table was parsed under (e.g. 'Boat-8ft'), used in error messages. */
  readonly name: string;
  /** Search object names in row order, as the CSV spells them (e.g. 'Raft 4 person'). */
  readonly objects: readonly string[];
  /** Column keys, ascending (visibility NM or speed kt). */
  readonly columns: readonly number[];
  /** values[row][column]. */
  readonly values: readonly (readonly number[])[];
}

/**
 * Parse one sweep-width (or speed-factor) CSV: a header `Search Object,<key>,<key>,...` with
 * ascending numeric keys, then one row per object with a non-negative number per key.
 * Throws DataFileError naming the table, the line and what was wrong.
 * @example parseSweepWidthTable('Boat-8ft', 'Search Object,1,3\nPerson in Water,0.2,0.2\n').values[0][1] // 0.2
 */
export function parseSweepWidthTable(name: string, csvText: string): ObjectTable {
  const lines = csvText.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  if (lines.length < 2) throw new DataFileError(name, 'needs a header line and at least one object');
  const header = lines[0].split(',').map((c) => c.trim());
  if (header[0] !== 'Search Object') throw new DataFileError(name, `line 1: first column is '${header[0]}', expected 'Search Object'`);
  const columns = header.slice(1).map((c, k) => {
    const v = Number(c);
    if (c === '' || !Number.isFinite(v)) throw new DataFileError(name, `line 1: column ${k + 2} '${c}' is not a number`);
    return v;
  });
  if (columns.length === 0) throw new DataFileError(name, 'line 1: no value columns');
  columns.forEach((v, k) => {
    if (k > 0 && !(v > columns[k - 1])) throw new DataFileError(name, `line 1: column keys must increase (${columns[k - 1]} then ${v})`);
  });
  const objects: string[] = [];
  const values: number[][] = [];
  lines.slice(1).forEach((line, r) => {
    const cells = line.split(',').map((c) => c.trim());
    const lineNo = r + 2;
    if (cells.length !== columns.length + 1) {
      throw new DataFileError(name, `line ${lineNo}: ${cells.length} cells, expected ${columns.length + 1}`);
    }
    if (objects.includes(cells[0])) throw new DataFileError(name, `line ${lineNo}: object '${cells[0]}' appears twice`);
    objects.push(cells[0]);
    values.push(cells.slice(1).map((c, k) => {
      const v = Number(c);
      if (c === '' || !Number.isFinite(v) || v < 0) {
        throw new DataFileError(name, `line ${lineNo}: '${cells[0]}' column ${columns[k]}: '${c}' is not a number >= 0`);
      }
      return v;
    }));
  });
  return { name, objects, columns, values };
}

/** Weather-correction class of a search object (IAMSAR Vol. II: small objects suffer more from sea state). */
export type WeatherCorrectionType = 'small' | 'large';

/**
 * Parse the weather-correction types CSV: lines `object,small|large`, no header.
 * Throws DataFileError naming the line when a type is neither.
 */
export function parseWeatherCorrectionTypes(name: string, csvText: string): ReadonlyMap<string, WeatherCorrectionType> {
  const map = new Map<string, WeatherCorrectionType>();
  csvText.replace(/\r\n?/g, '\n').split('\n').forEach((raw, r) => {
    const line = raw.trim();
    if (line === '') return;
    const cells = line.split(',').map((c) => c.trim());
    if (cells.length !== 2 || (cells[1] !== 'small' && cells[1] !== 'large')) {
      throw new DataFileError(name, `line ${r + 1}: expected 'object,small' or 'object,large', got '${line}'`);
    }
    map.set(cells[0], cells[1]);
  });
  return map;
}
