import { InvalidInputError } from '../../core/errors.js';

/** A lone UTF-16 surrogate: a high one not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a text no store can keep the same (PostgreSQL text and jsonb hold neither), or null. */
export function badTextProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character (U+0000), which cannot be stored; remove it';
  const lone = LONE_SURROGATE.exec(text);
  if (lone) return `contains a lone UTF-16 surrogate (U+${lone[0].charCodeAt(0).toString(16).toUpperCase()}) at ${lone.index}, which is not Unicode text; remove it`;
  return null;
}

/**
 * Refuse a request part (body, querystring, params) holding a text that SQLite would store and
 * PostgreSQL refuse (NUL, lone surrogates), in a value or a key, so both stores answer alike: a
 * 400 naming the field (`body/payload/text`).
 */
export function checkTexts(value: unknown, field: string, depth = 0): void {
  if (typeof value === 'string') {
    const problem = badTextProblem(value);
    if (problem) throw new InvalidInputError(field, problem);
  } else if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
    // bytes (an uploaded file): not text
  } else if (Array.isArray(value)) {
    if (depth < 64) value.forEach((item, k) => checkTexts(item, `${field}/${k}`, depth + 1));
  } else if (value !== null && typeof value === 'object') {
    if (depth < 64) {
      for (const [key, item] of Object.entries(value)) {
        const problem = badTextProblem(key);
        if (problem) throw new InvalidInputError(`${field}/${escapeKey(key)}`, `the key ${problem}`);
        checkTexts(item, `${field}/${key}`, depth + 1);
      }
    }
  }
}

/** A text safe to write anywhere (audit lines, logs): NUL and lone surrogates written as \u escapes. */
export function escapeText(text: string): string {
  if (badTextProblem(text) === null) return text;
  return text.replace(/\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const escapeKey = (key: string): string => escapeText(key).slice(0, 64);
