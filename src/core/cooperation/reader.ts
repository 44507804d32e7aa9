/**
 * Who reads a view, message or export: one party (its names, its time zone), or all parties at
 * once (a shared product: neutral names, or every party's name, as the config says).
 */
import type { PartyId } from './party.js';

/** How shared products name places: the neutral name, or every party's name. */
export type SharedNaming = 'neutral' | 'both';

/** The reader of a product. */
export type Reader =
  | { readonly kind: 'party'; readonly party: PartyId }
  | { readonly kind: 'shared' };

/** A reader from an optional party id: a party when given, the shared product otherwise. */
export function readerFor(party?: PartyId): Reader {
  return party === undefined ? { kind: 'shared' } : { kind: 'party', party };
}
