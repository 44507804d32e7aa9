import { nearNames } from '../text/near_names.js';
import { DataFileError, UnknownObjectClassError } from '../errors.js';
import { cmpsToMps, percentToFraction } from '../geo/units.js';

/**
 * One leeway component against the 10 m wind, in SI units: speed = slope × wind speed + offset,
 * with a standard deviation that the drift model splits between slope and offset.
 * Source: Allen & Plourde (1999), USCG report CG-D-08-99; table as in OBJECTPROP.DAT.
 */
export interface LeewayCoefficients {
  /** Fraction of the 10 m wind speed (the table's % divided by 100). */
  readonly slope: number;
  /** m/s (the table's cm/s divided by 100). */
  readonly offsetMps: number;
  /** Standard deviation of the regression residual, m/s. */
  readonly stdDevMps: number;
}

/** A drifting-object class of the Leeway table (`PIW-1`, `LIFE-RAFT-DB-10`, ...). */
export interface LeewayObjectClass {
  /** 1-based position in the table. */
  readonly id: number;
  readonly key: string;
  /** The description without its sub-class markers. */
  readonly description: string;
  /** 0 for a main class (mean values), 1-3 for sub-classes (`>`, `>>`, `>>>` in the table). */
  readonly depth: number;
  readonly downwind: LeewayCoefficients;
  /** Crosswind leeway of an object drifting to the right of downwind (positive to the right). */
  readonly rightCrosswind: LeewayCoefficients;
  /** Crosswind leeway of an object drifting to the left (the table gives negative values). */
  readonly leftCrosswind: LeewayCoefficients;
  /** The nine numbers as printed in the table: slopes in %, offsets and deviations in cm/s. */
  readonly tableRow: readonly number[];
}

/**
 * Parse the Leeway object table (OBJECTPROP.DAT: three lines per class, key and id; description;
 * nine numbers) up to its footer. Throws DataFileError naming the line when a record is malformed.
 * @param fileName used in error messages only
 */
export function parseLeewayTable(text: string, fileName = 'OBJECTPROP.DAT'): LeewayObjectClass[] {
  const lines = text.split(/\r?\n/);
  const classes: LeewayObjectClass[] = [];
  let n = 0;
  while (n < lines.length) {
    const keyLine = lines[n];
    if (keyLine.trim() === '') { n++; continue; }
    if (/^\s*(downwind|_{5,})/.test(keyLine)) break;   // footer starts
    const keyMatch = /^\s*(\S+)\s+(\d+)\s*$/.exec(keyLine);
    if (!keyMatch) throw new DataFileError(fileName, `line ${n + 1}: expected "<key> <id>", found "${keyLine.trim()}"`);
    const descriptionLine = lines[n + 1];
    const numberLine = lines[n + 2];
    if (descriptionLine === undefined || numberLine === undefined) {
      throw new DataFileError(fileName, `line ${n + 1}: class ${keyMatch[1]} is cut short (needs a description and nine numbers)`);
    }
    const numbers = numberLine.trim().split(/\s+/).map(Number);
    if (numbers.length !== 9 || numbers.some((x) => !Number.isFinite(x))) {
      throw new DataFileError(fileName, `line ${n + 3}: class ${keyMatch[1]} needs nine numbers, found "${numberLine.trim()}"`);
    }
    const id = Number(keyMatch[2]);
    if (id !== classes.length + 1) {
      throw new DataFileError(fileName, `line ${n + 1}: class ${keyMatch[1]} has id ${id}, expected ${classes.length + 1}`);
    }
    const markers = /^\s*(>*)\s*(.*)$/.exec(descriptionLine)!;
    const coefficients = (k: number): LeewayCoefficients => ({
      slope: percentToFraction(numbers[k]),
      offsetMps: cmpsToMps(numbers[k + 1]),
      stdDevMps: cmpsToMps(numbers[k + 2]),
    });
    classes.push({
      id,
      key: keyMatch[1],
      description: markers[2].trim(),
      depth: markers[1].length,
      downwind: coefficients(0),
      rightCrosswind: coefficients(3),
      leftCrosswind: coefficients(6),
      tableRow: numbers,
    });
    n += 3;
  }
  if (classes.length === 0) throw new DataFileError(fileName, 'no object classes found');
  return classes;
}

/**
 * Find a class by key (case-insensitive, `PIW-1`) or 1-based id (`1`, `#1`). Throws
 * UnknownObjectClassError with the closest keys when nothing matches.
 */
export function findObjectClass(table: readonly LeewayObjectClass[], query: string): LeewayObjectClass {
  const wanted = query.trim();
  const idMatch = /^#?(\d+)$/.exec(wanted);
  const found = idMatch
    ? table.find((c) => c.id === Number(idMatch[1]))
    : table.find((c) => c.key.toUpperCase() === wanted.toUpperCase());
  if (found) return found;
  // the keys a typo was meant to be (`PIW1`, `LIFERAFT-DB-10`), then the main classes that start alike (`PIW-99`)
  const near = nearNames(wanted, table.map((c) => c.key), 5);
  const needle = wanted.toUpperCase().replace(/-\d+$/, '');
  const alike = needle.length < 2 ? [] : table.filter((c) => c.key.toUpperCase().startsWith(needle) && c.depth === 0).map((c) => c.key);
  throw new UnknownObjectClassError(query, [...new Set([...near, ...alike])].slice(0, 5));
}

/** Classes whose key or description contains every word of `text` (case-insensitive). */
export function filterObjectClasses(table: readonly LeewayObjectClass[], text: string): LeewayObjectClass[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  return table.filter((c) => {
    const haystack = `${c.key} ${c.description}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}
