/**
 * Dates as sources give them: exact (`2008-04-28`), a month (`2008-04`), a year (`2005`), a phrase
 * (`within the year`, stated on a date), or `not set`. Kept as given, never rounded to a guess;
 * ordering uses the earliest day the date can mean, or the day a phrase was stated.
 */
import { InvalidInputError } from '../errors.js';
import { composeParts, LIST_WORDS_EN, record, words, wordsFrom, type WordPart } from './words.js';

/** A date that may be approximate. */
export type ApproximateDate =
  | { readonly kind: 'day'; readonly iso: string }
  | { readonly kind: 'month'; readonly iso: string }
  | { readonly kind: 'year'; readonly year: number }
  /** A phrase such as `within the year`, optionally with the ISO date it was stated on. */
  | { readonly kind: 'phrase'; readonly text: string; readonly statedOn?: string }
  | { readonly kind: 'not-set' };

/**
 * Read a date as written in the config: `2008-04-28`, `2008-04`, `2005`, `not set`, or any other
 * phrase (kept as text). `statedOn` (ISO date) anchors a phrase in time.
 */
export function parseApproximateDate(text: string, field: string, statedOn?: string): ApproximateDate {
  const t = text.trim();
  if (t === '') throw new InvalidInputError(field, 'is empty; write a date (2008-04-28, 2008-04, 2005), a phrase, or "not set"');
  if (/^not set$/i.test(t)) return { kind: 'not-set' };
  if (/^\d{4}$/.test(t)) return { kind: 'year', year: Number(t) };
  if (/^\d{4}-\d{2}$/.test(t)) {
    const month = Number(t.slice(5));
    if (month < 1 || month > 12) throw new InvalidInputError(field, `'${t}' has no month ${month}`);
    return { kind: 'month', iso: t };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) {
    const d = new Date(`${t}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== t) throw new InvalidInputError(field, `'${t}' is not a valid date`);
    return { kind: 'day', iso: t };
  }
  if (/^\d/.test(t)) throw new InvalidInputError(field, `cannot read '${t}' as a date; write 2008-04-28, 2008-04, 2005, a phrase, or "not set"`);
  if (statedOn !== undefined && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(statedOn)) {
    throw new InvalidInputError(`${field} (statedOn)`, `'${statedOn}' is not an ISO date`);
  }
  return statedOn === undefined ? { kind: 'phrase', text: t } : { kind: 'phrase', text: t, statedOn };
}

/** sarbridge's words in a date: `not set`, and a phrase with the day it was stated. */
export type DateWordKey = 'date.notSet' | 'date.statedOn';

/** The English words of a date. */
export const DATE_WORDS_EN: Readonly<Record<DateWordKey, string>> = {
  'date.notSet': 'not set',
  'date.statedOn': '{text} (as stated on {statedOn})',
};

/** A date as parts: its ISO day, month or year and its phrase as the source gives them; `not set` and `as stated on` are sarbridge's words. */
export function approximateDatePart(date: ApproximateDate): WordPart<DateWordKey> {
  switch (date.kind) {
    case 'day':
    case 'month':
      return record(date.iso);
    case 'year':
      return record(String(date.year));
    case 'phrase':
      return date.statedOn ? words('date.statedOn', { text: record(date.text), statedOn: record(date.statedOn) }) : record(date.text);
    case 'not-set':
      return words('date.notSet');
  }
}

const englishDates = wordsFrom({ ...DATE_WORDS_EN, ...LIST_WORDS_EN });

/** The date as a reader sees it: `2005`, `2008-04-28`, `within the year (as stated on 2008-04-28)`, `not set`. */
export function formatApproximateDate(date: ApproximateDate): string {
  return composeParts([approximateDatePart(date)], englishDates);
}

/**
 * A key for ordering: the earliest ISO day the date can mean (`2005` → `2005-01-01`), the day a
 * phrase was stated, or undefined when nothing anchors it (`not set`, a bare phrase).
 */
export function approximateDateSortKey(date: ApproximateDate): string | undefined {
  switch (date.kind) {
    case 'day':
      return date.iso;
    case 'month':
      return `${date.iso}-01`;
    case 'year':
      return `${String(date.year).padStart(4, '0')}-01-01`;
    case 'phrase':
      return date.statedOn === undefined ? undefined : approximateDateSortKey(parseApproximateDate(date.statedOn, 'statedOn'));
    case 'not-set':
      return undefined;
  }
}

/** The calendar year a date falls in, when it is known to be within one year. */
export function approximateDateYear(date: ApproximateDate): number | undefined {
  switch (date.kind) {
    case 'day':
    case 'month':
      return Number(date.iso.slice(0, 4));
    case 'year':
      return date.year;
    case 'phrase':
      // `within the year` stated on a date means that date's year; other phrases do not say.
      return date.statedOn !== undefined && /^within the year$/i.test(date.text) ? Number(date.statedOn.slice(0, 4)) : undefined;
    case 'not-set':
      return undefined;
  }
}
