import { ForcingFileError } from '../../core/errors.js';
import { stringAttr, type Dataset, type DatasetVariable } from './dataset.js';
import { vectorStandardNames } from './variable_match.js';

/**
 * A variable mapping: CF standard name → the variable of the file that holds it, for files whose
 * variables carry no standard_name (or a wrong one), e.g. `{ sea_water_x_velocity: 'u',
 * sea_water_y_velocity: 'v', time: 'scrum_time' }`. Besides the wind and current components the
 * reader knows, `longitude`, `latitude` and `time` may be mapped.
 */
export type StandardNameMapping = Readonly<Record<string, string>>;

/** The standard names a mapping may give, besides the vector components. */
const COORDINATE_NAMES = ['longitude', 'latitude', 'time'];

/** Every standard name a mapping may use, for messages and the CLI's help. */
export function mappableStandardNames(): string[] {
  return [...vectorStandardNames().keys(), ...COORDINATE_NAMES];
}

/**
 * The dataset as the mapping says: each mapped variable gets that standard_name, and any other
 * variable that had it loses it (so the mapped one is the one found). Errors name the file, the
 * standard name or the variable: an unknown standard name, a variable not in the file, one vector
 * component without the other.
 */
export function applyStandardNames(path: string, dataset: Dataset, mapping: StandardNameMapping, where = 'in the file'): Dataset {
  const entries = Object.entries(mapping);
  if (entries.length === 0) return dataset;
  const vectors = vectorStandardNames();
  const byVariable = new Map<string, string>();
  for (const [standardName, variable] of entries) {
    if (!vectors.has(standardName) && !COORDINATE_NAMES.includes(standardName)) {
      throw new ForcingFileError(path, '', `variable mapping: '${standardName}' is not a standard name sarbridge reads; use one of ${mappableStandardNames().join(', ')}`);
    }
    if (!dataset.variables.has(variable)) {
      throw new ForcingFileError(path, variable, `named in the variable mapping (${standardName}=${variable}) is not ${where}; it has ${[...dataset.variables.keys()].join(', ')}`);
    }
    const other = byVariable.get(variable);
    if (other !== undefined) throw new ForcingFileError(path, variable, `is mapped to both ${other} and ${standardName}`);
    byVariable.set(variable, standardName);
    const vector = vectors.get(standardName);
    if (vector && mapping[vector.partner] === undefined) {
      throw new ForcingFileError(path, '', `variable mapping gives ${standardName} but not ${vector.partner}: map both components of the ${vector.quantity}`);
    }
  }
  const mapped = new Set(entries.map(([standardName]) => standardName));
  const variables = new Map<string, DatasetVariable>();
  for (const [name, v] of dataset.variables) {
    const standardName = byVariable.get(name);
    const own = stringAttr(v.attributes, 'standard_name');
    if (standardName !== undefined) {
      variables.set(name, withAttributes(v, { ...v.attributes, standard_name: standardName }));
    } else if (own !== undefined && mapped.has(own)) {
      const { standard_name: _dropped, ...rest } = v.attributes;
      variables.set(name, withAttributes(v, rest));
    } else {
      variables.set(name, v);
    }
  }
  return { ...dataset, variables, close: () => dataset.close() };
}

function withAttributes(v: DatasetVariable, attributes: DatasetVariable['attributes']): DatasetVariable {
  return { name: v.name, dimensions: v.dimensions, shape: v.shape, attributes, read: (ranges) => v.read(ranges) };
}
