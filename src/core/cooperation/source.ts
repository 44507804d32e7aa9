/**
 * Where a fact comes from: a named person on the record, an unnamed official, a news agency's
 * report. Every fact in the agreement's record names its sources, so a reader can weigh it.
 */

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

/** A source in one line, e.g. `Kim Hyong-ki, Defense Ministry spokesman (on the record)`. */
export function describeSource(source: Source): string {
  const bits: string[] = [];
  switch (source.kind) {
    case 'on-record':
      bits.push(`${[source.person, source.role].filter(Boolean).join(', ')} (on the record)`);
      break;
    case 'unnamed':
      bits.push(`${source.role ?? 'an official'} (unnamed${source.note ? `; ${source.note}` : ''})`);
      break;
    case 'news-agency':
      bits.push(`${source.agency ?? 'news agency'}${source.dateline ? `, ${source.dateline}` : ''}${source.date ? ` (${source.date})` : ''}`);
      break;
    case 'document':
      bits.push(source.role ?? source.id);
      break;
  }
  if (source.kind !== 'news-agency' && source.kind !== 'unnamed' && source.note) bits.push(`(${source.note})`);
  return bits.join(' ');
}
