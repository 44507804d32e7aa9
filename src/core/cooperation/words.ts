/**
 * sarbridge's own words as data, so that one builder serves every language. A text is a list of
 * parts: the record's texts as written (named for the reader beforehand), and sarbridge's words
 * as a key with the texts they join. A language's wording gives each key its words; the English
 * table words the CLI, the server and the reports, the page's dictionary the browser, and
 * `composeParts` is the one composition both read.
 *
 * @example
 * const parts = [record('Seoul opposed the move.'), words('status.reason', { reason: record('amid tension') })];
 * composeParts(parts, wordsFrom({ 'status.reason': ' Reason: {reason}', list: '; ' }));
 * // 'Seoul opposed the move. Reason: amid tension'
 */

/** One part of a text: the record's words as written, or sarbridge's words (`key`) around the record's. */
export type WordPart<K extends string> =
  | { readonly kind: 'record'; readonly text: string }
  | { readonly kind: 'words'; readonly key: K; readonly values: Readonly<Record<string, WordValue<K>>> };

/** What fills a placeholder: a part, or a list of them (each worded, joined by the `list` words). */
export type WordValue<K extends string> = WordPart<K> | readonly WordPart<K>[];

/** A language's words for each key (and for `list`, which joins a list's items), its placeholders filled. */
export type Wording<K extends string> = (key: K | 'list', values: Readonly<Record<string, string>>) => string;

/** The record's own words, as written. */
export function record(text: string): WordPart<never> {
  return { kind: 'record', text };
}

/** sarbridge's words `key`, joining `values`. */
export function words<K extends string>(key: K, values: Readonly<Record<string, WordValue<K>>> = {}): WordPart<K> {
  return { kind: 'words', key, values };
}

/** The parts in one language: each worded in turn, concatenated. */
export function composeParts<K extends string>(parts: readonly WordPart<K>[], wording: Wording<K>): string {
  return parts.map((part) => composePart(part, wording)).join('');
}

function composePart<K extends string>(part: WordPart<K>, wording: Wording<K>): string {
  if (part.kind === 'record') return part.text;
  const filled: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.values)) {
    filled[name] = isList(value) ? value.map((item) => composePart(item, wording)).join(wording('list', {})) : composePart(value, wording);
  }
  return wording(part.key, filled);
}

function isList<K extends string>(value: WordValue<K>): value is readonly WordPart<K>[] {
  return Array.isArray(value);
}

/** A wording from a table of `{name}` templates (the English tables here, in the page's dictionary's form). */
export function wordsFrom<K extends string>(table: Readonly<Record<K | 'list', string>>): Wording<K> {
  // one pass over the template: a value that holds `{x}` (a record's text) is never read as a placeholder
  return (key, values) => table[key].replace(/\{(\w+)\}/g, (all, name: string) => (name in values ? values[name] : all));
}

/** English joins a list's items with a semicolon. */
export const LIST_WORDS_EN = { list: '; ' } as const;
