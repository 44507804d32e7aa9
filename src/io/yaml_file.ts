import type { Static, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { DataFileError } from '../core/errors.js';

/**
 * Parse YAML (or JSON) text; a syntax error becomes a DataFileError naming the file and the line.
 */
export function parseYamlText(text: string, fileName: string): unknown {
  try {
    return parseYaml(text);
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` at line ${error.linePos[0].line}` : '';
    throw new DataFileError(fileName, `not valid YAML${where}: ${(error as Error).message.split('\n')[0]}`);
  }
}

/**
 * The schema's complaints about `data`, each as "path: problem (got value)", at most `limit` of
 * them followed by how many more there were; empty when the data fits.
 */
export function schemaProblems(schema: TSchema, data: unknown, limit = 5): string[] {
  const errors = [...Value.Errors(schema, data)];
  const shown = errors.slice(0, limit).map((e) => `${e.path.slice(1) || '(top level)'}: ${e.message}` +
    (e.value !== undefined && typeof e.value !== 'object' ? ` (got ${JSON.stringify(e.value)})` : ''));
  if (errors.length > limit) shown.push(`and ${errors.length - limit} more`);
  return shown;
}

/** Parse YAML text and check it against a TypeBox schema; errors name the file, each path and problem. */
export function parseCheckedYaml<S extends TSchema>(schema: S, text: string, fileName: string): Static<S> {
  const data = parseYamlText(text, fileName);
  const problems = schemaProblems(schema, data);
  if (problems.length > 0) throw new DataFileError(fileName, problems.join('; '));
  return data as Static<S>;
}
