/**
 * What a pattern of a schema asks for, in words: a refusal says "may hold only letters, digits and
 * . _ : -", never a regular expression (issue 11: messages quoted lower-cased patterns such as
 * `…t\d{2}…z$`, which tell a user nothing and, lower-cased, were wrong besides).
 */

import type { Static, TSchema } from '@sinclair/typebox';
import { Value, ValueErrorType, type ValueError } from '@sinclair/typebox/value';
import { InvalidInputError } from '../../core/errors.js';
import { literalUnionValues } from '../../io/yaml_file.js';

/**
 * Check a posted payload against its schema; the refusal names the first wrong field under `at`
 * (`payload/position/latDeg: expected number to be less or equal to 90`, `payload/reason: is
 * required but missing`). One rule for case, programme and exercise-control payloads.
 */
export function checkAgainstSchema<S extends TSchema>(schema: S, payload: unknown, at = 'payload'): Static<S> {
  if (Value.Check(schema, payload)) return payload as Static<S>;
  const first = Value.Errors(schema, payload).First();
  throw new InvalidInputError(`${at}${first?.path ?? ''}`, first ? describeValueError(first) : 'does not match the schema');
}

/**
 * A TypeBox failure in words: a pattern as what it allows (below), a missing field as required, a
 * union of literals as its values (`must be one of "real", "accelerated", "stepped"`, as the server's
 * own enums are answered), any other in TypeBox's own
 * words with a small first letter (`expected number to be less or equal to 90`).
 */
export function describeValueError(error: ValueError): string {
  const { pattern, description } = error.schema as { pattern?: unknown; description?: string };
  if (error.type === ValueErrorType.StringPattern && typeof pattern === 'string') return patternInWords(pattern, description);
  if (error.type === ValueErrorType.ObjectRequiredProperty) return 'is required but missing';
  const literals = error.type === ValueErrorType.Union ? literalUnionValues(error.schema) : null;
  if (literals !== null) return `must be one of ${literals.map((v) => JSON.stringify(v)).join(', ')}`;
  return error.message.charAt(0).toLowerCase() + error.message.slice(1);
}

/** Ranges of a character class as words. */
const RANGES: Readonly<Record<string, string>> = { 'A-Z': 'capital letters', 'a-z': 'small letters', '0-9': 'digits' };

/** Patterns whose schemas reach the server's validator without their description (Fastify's Ajv keeps only the pattern). */
const KNOWN: Readonly<Record<string, string>> = {
  '^[A-Z]{2,3}$': "must be a party code of two or three capital letters, such as 'KR'",
  '^[a-z0-9][a-z0-9._-]*$': 'may hold only small letters, digits and . _ -, and must begin with a letter or a digit',
};

/**
 * The words for `pattern`: the schema's own description when it has one; for a character class
 * (`^[A-Za-z0-9._-]+$`) the characters it allows; else that it is not in the expected form.
 */
export function patternInWords(pattern: string, description?: string): string {
  if (description) return `must be ${description}`;
  if (KNOWN[pattern]) return KNOWN[pattern];
  const cls = /^\^\[([^\]]+)\][+*](?:\$)$/.exec(pattern);
  if (!cls) return 'is not in the expected form';
  let body = cls[1];
  const words: string[] = [];
  for (const [range, word] of Object.entries(RANGES)) if (body.includes(range)) { words.push(word); body = body.replace(range, ''); }
  const letters = words.includes('capital letters') && words.includes('small letters');
  const named = letters ? ['letters', ...words.filter((w) => !w.endsWith('letters'))] : words;
  const rest = [...body.replace(/\\/g, '')];
  return `may hold only ${[...named, ...(rest.length ? [rest.join(' ')] : [])].join(', ').replace(/, ([^,]*)$/, ' and $1')}`;
}
