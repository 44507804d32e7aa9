/**
 * Who reads a view, message or export: one party (its names, its time zone), or all parties at
 * once (a shared product: neutral names, or every party's name, as the config says).
 */
import type { PartyId } from './party.js';

/** How shared products name places: the neutral name, or every party's name. */
export type SharedNaming = 'neutral' | 'both';

/**
 * The reader of a product. A party reads its names romanised (an English text or interface), or
 * with `script: 'own'` in its own language and script (its copy of a report: 독도 for KR, 竹島 for
 * JP; Place.ownScriptNames). A shared product reads the neutral names whatever the script.
 */
export type Reader =
  | { readonly kind: 'party'; readonly party: PartyId; readonly script?: 'own' | 'romanised' }
  | { readonly kind: 'shared' };

/** The same reader, reading a party's own names in its own script (a party's copy of a report). */
export function ownScriptReader(reader: Reader): Reader {
  return reader.kind === 'party' ? { ...reader, script: 'own' } : reader;
}

/** A reader from an optional party id: a party when given, the shared product otherwise. */
export function readerFor(party?: PartyId): Reader {
  return party === undefined ? { kind: 'shared' } : { kind: 'party', party };
}
