/**
 * Where a fact comes from: a named person on the record, an unnamed official, a news agency's
 * report. Every fact in the agreement's record names its sources, so a reader can weigh it.
 */
import { composeParts, LIST_WORDS_EN, record, words, wordsFrom, type WordPart } from './words.js';

/** The kinds of source. */
export type SourceKind = 'on-record' | 'unnamed' | 'news-agency' | 'document';

/** A source of facts. */
export interface Source {
  readonly id: string;
  readonly kind: SourceKind;
  /** The person's name, for an on-record source. */
  readonly person?: string;
  /** Role or office, e.g. `Defense Ministry spokesman`, `ministry official`. */
  readonly role?: string;
  /** Agency or publisher, e.g. `Yonhap`. */
  readonly agency?: string;
  /** Dateline as printed, e.g. `SEOUL, April 28`. */
  readonly dateline?: string;
  /** Date of the statement or report (ISO date, or year), when known. */
  readonly date?: string;
  /** Anything else the source says about itself, e.g. `asked not to be identified`. */
  readonly note?: string;
}

/** sarbridge's words in a source's line: whether it spoke on the record, and the fallbacks for a missing role or agency. */
export type SourceWordKey =
  | 'source.onRecord' | 'source.onRecordOne' | 'source.unnamed' | 'source.unnamedNoted' | 'source.anOfficial'
  | 'source.newsAgency' | 'source.dateline' | 'source.date' | 'source.note';

/** The English words of a source's line. */
export const SOURCE_WORDS_EN: Readonly<Record<SourceWordKey, string>> = {
  'source.onRecord': '{person}, {role} (on the record)',
  'source.onRecordOne': '{who} (on the record)',
  'source.unnamed': '{who} (unnamed)',
  'source.unnamedNoted': '{who} (unnamed; {note})',
  'source.anOfficial': 'an official',
  'source.newsAgency': 'news agency',
  'source.dateline': ', {dateline}',
  'source.date': ' ({date})',
  'source.note': ' ({note})',
};

/** A source's line as parts: its person, role, agency, dateline, date and note as the config gives them, in sarbridge's words. */
export function sourceParts(source: Source): WordPart<SourceWordKey>[] {
  const parts: WordPart<SourceWordKey>[] = [];
  switch (source.kind) {
    case 'on-record': {
      const known = [source.person, source.role].filter((x): x is string => Boolean(x));
      parts.push(known.length === 2
        ? words('source.onRecord', { person: record(known[0]), role: record(known[1]) })
        : words('source.onRecordOne', { who: record(known[0] ?? '') }));
      break;
    }
    case 'unnamed': {
      const who = source.role ? record(source.role) : words('source.anOfficial');
      parts.push(source.note ? words('source.unnamedNoted', { who, note: record(source.note) }) : words('source.unnamed', { who }));
      break;
    }
    case 'news-agency':
      parts.push(source.agency ? record(source.agency) : words('source.newsAgency'));
      if (source.dateline) parts.push(words('source.dateline', { dateline: record(source.dateline) }));
      if (source.date) parts.push(words('source.date', { date: record(source.date) }));
      break;
    case 'document':
      parts.push(record(source.role ?? source.id));
      break;
  }
  if (source.kind !== 'news-agency' && source.kind !== 'unnamed' && source.note) parts.push(words('source.note', { note: record(source.note) }));
  return parts;
}

const englishSources = wordsFrom({ ...SOURCE_WORDS_EN, ...LIST_WORDS_EN });

/** A source in one line, e.g. `Kim Hyong-ki, Defense Ministry spokesman (on the record)`. */
export function describeSource(source: Source): string {
  return composeParts(sourceParts(source), englishSources);
}
