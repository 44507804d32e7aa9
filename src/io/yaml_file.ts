import type { Static, TSchema } from '@sinclair/typebox';
import { Value, ValueErrorType, type ValueError } from '@sinclair/typebox/value';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { DataFileError } from '../core/errors.js';
import { didYouMean } from '../core/text/near_names.js';

/** How many problems an error message lists before it says "and N more". */
const MAX_SHOWN = 12;

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

/** Characters of a wrong value quoted in a message, at most: a file that is not YAML data at all (`plan /etc/passwd`) was quoted whole. */
const QUOTED_CHARACTERS = 60;

/**
 * A wrong scalar value as a message quotes it: its JSON text, shortened to QUOTED_CHARACTERS with
 * its length said when longer.
 * @example quotedValue('x'.repeat(500)) // '"xxxx…" (500 characters)'
 */
export function quotedValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length <= QUOTED_CHARACTERS ? text : `${text.slice(0, QUOTED_CHARACTERS - 1)}…" (${typeof value === 'string' ? value.length : text.length} characters)`;
}

/** One schema error as `path: problem (got value)`. */
function schemaProblem(e: ValueError): string {
  const path = e.path.slice(1) || '(top level)';
  if (e.type === ValueErrorType.ObjectAdditionalProperties) {
    // a key the schema does not know: a typo is refused, never ignored (`particels:` would run the default)
    const key = path.split('/').pop()!;
    const known = Object.keys((e.schema as { properties?: Record<string, unknown> }).properties ?? {});
    return `${path}: unknown key` + (didYouMean(key, known) || (known.length ? `; the keys here are ${known.join(', ')}` : ''));
  }
  if (e.type === ValueErrorType.ObjectRequiredProperty) return `${path}: is required but missing`;
  if (e.type === ValueErrorType.Union) {
    const told = unionProblem(e);
    if (told !== null) return told;
  }
  const values = (e.schema as { oneOfValues?: readonly string[] }).oneOfValues;
  const problem = values ? `must be one of ${values.map((v) => `'${v}'`).join(', ')}` : e.message;
  const got = e.value !== undefined && typeof e.value !== 'object' ? ` (got ${quotedValue(e.value)})` : e.value === undefined ? ' (missing)' : '';
  return `${path}: ${problem}${got}`;
}

/** The JSON kind of a value, as a schema's `type` names it ('integer' counts as 'number'). */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** The values a union of literals allows (`Type.Union([Type.Literal('real'), ...])`), or null for any other schema. */
export function literalUnionValues(schema: TSchema): unknown[] | null {
  const members = (schema as { anyOf?: TSchema[] }).anyOf;
  if (members === undefined || members.length === 0 || !members.every((m) => 'const' in m)) return null;
  return members.map((m) => (m as unknown as { const: unknown }).const);
}

/**
 * A union's complaint in the user's terms, or null for the union's own wording ("Expected union
 * value" says neither what was wrong nor what is accepted):
 * - every member a literal: `must be one of 'PS', 'CS', ...`;
 * - one member of the value's own kind (a number where the union takes a number or a table; of
 *   several objects, the one whose keys the value uses): that member's own complaint, at its path
 *   (`Expected number to be greater than 0 (got 0)`);
 * - otherwise the union's description, when it has one: `expected <description>`.
 */
function unionProblem(e: ValueError): string | null {
  const members = (e.schema as { anyOf?: TSchema[] }).anyOf ?? [];
  const path = e.path.slice(1) || '(top level)';
  const got = e.value !== undefined && typeof e.value !== 'object' ? ` (got ${quotedValue(e.value)})` : '';
  const literals = literalUnionValues(e.schema);
  if (literals !== null) return `${path}: must be one of ${literals.map((v) => quotedValue(v).replace(/^"(.*)"$/, "'$1'")).join(', ')}${got}`;
  const kind = kindOf(e.value);
  let same = members.filter((m) => (m.type === 'integer' ? 'number' : m.type) === kind);
  if (same.length > 1 && kind === 'object') {
    // objects told apart by their keys ({ file: ... } or { constant: ... }): the member that knows the value's keys
    const keys = Object.keys(e.value as object);
    same = same.filter((m) => keys.some((k) => k in ((m as { properties?: object }).properties ?? {})));
  }
  if (same.length === 1) {
    const inner = schemaProblemsAt(same[0], e.value, e.path);
    if (inner.length > 0) return inner.join('; ');
  }
  const description = (e.schema as { description?: string }).description;
  return description === undefined ? null : `${path}: expected ${description}${got}`;
}

/**
 * Every complaint of the schema about `data` as "path: problem (got value)", one per path (a union
 * reports the same path several times: the first is kept); empty when the data fits. A schema
 * node may carry `oneOfValues` to be named in the message instead of the union's own wording.
 */
export function schemaProblems(schema: TSchema, data: unknown): string[] {
  return schemaProblemsAt(schema, data, '');
}

/** schemaProblems of a value found at `at` (a JSON pointer) in the data, its paths from the top. */
function schemaProblemsAt(schema: TSchema, data: unknown, at: string): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const e of Value.Errors(schema, data)) {
    if (seen.has(e.path)) continue;
    seen.add(e.path);
    problems.push(schemaProblem({ ...e, path: at + e.path }));
  }
  return problems;
}

/** One DataFileError listing a file's problems (the first dozen, then how many more). */
export function problemsError(fileName: string, problems: readonly string[]): DataFileError {
  const shown = problems.slice(0, MAX_SHOWN).join('; ');
  return new DataFileError(fileName, shown + (problems.length > MAX_SHOWN ? `; and ${problems.length - MAX_SHOWN} more` : ''));
}

/** Parse YAML text and check it against a TypeBox schema; errors name the file, each path and problem. */
export function parseCheckedYaml<S extends TSchema>(schema: S, text: string, fileName: string): Static<S> {
  const data = parseYamlText(text, fileName);
  const problems = schemaProblems(schema, data);
  if (problems.length > 0) throw problemsError(fileName, problems);
  return data as Static<S>;
}
