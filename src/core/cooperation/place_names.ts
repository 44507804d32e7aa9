/**
 * Names per reader: a party reads its own names for places; a shared product reads the neutral
 * name, or every party's name (`Dokdo / Takeshima`, in the config's party order), as the config
 * says. Texts in the record carry `{place:id}` and `{party:id}` placeholders that are named here.
 *
 * Per-reader names are for sarbridge's own words only. A text quoted from a source (the record's
 * "as the report puts it") keeps the source's names for every reader: `{place:id@KR}` is the place
 * as party KR names it (romanised, as an English-language source writes it), whoever reads it.
 */
import { InvalidInputError } from '../errors.js';
import type { CooperationConfig } from './cooperation_config.js';
import type { Place } from './place.js';
import type { Reader, SharedNaming } from './reader.js';

/** A place's name for a reader: in its own script when the reader asks and the place has one, else romanised; the neutral name when a party has none. */
export function placeName(place: Place, reader: Reader, sharedNaming: SharedNaming, partyOrder: readonly string[] = Object.keys(place.names)): string {
  if (reader.kind === 'party') {
    return (reader.script === 'own' ? place.ownScriptNames?.[reader.party] : undefined) ?? place.names[reader.party] ?? place.neutralName;
  }
  if (sharedNaming === 'neutral') return place.neutralName;
  const names = [...new Set(partyOrder.map((p) => place.names[p]).filter((n): n is string => n !== undefined))];
  return names.length > 0 ? names.join(' / ') : place.neutralName;
}

/** A party's display name (its id when unknown). */
export function partyName(config: CooperationConfig, partyId: string): string {
  return config.parties.find((p) => p.id === partyId)?.name ?? partyId;
}

const PLACEHOLDER = /\{(place|party):([A-Za-z0-9_.-]+)(?:@([A-Za-z0-9_-]+))?\}/g;

/** Ids used by `{place:id}`, `{place:id@party}` and `{party:id}` placeholders in a text (`as`: the party whose words a quoted place keeps). */
export function placeholdersIn(text: string): { kind: 'place' | 'party'; id: string; as?: string }[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({ kind: m[1] as 'place' | 'party', id: m[2], ...(m[3] !== undefined ? { as: m[3] } : {}) }));
}

/** A text with its placeholders named for the reader; unknown ids throw, naming `field`. */
export function nameForReader(text: string, config: CooperationConfig, reader: Reader, field = 'text'): string {
  const order = config.parties.map((p) => p.id);
  return text.replace(PLACEHOLDER, (_all, kind: string, id: string, as: string | undefined) => {
    if (as !== undefined && !config.parties.some((p) => p.id === as)) throw new InvalidInputError(field, `unknown party '${as}' in {${kind}:${id}@${as}}`);
    if (kind === 'party') {
      if (as !== undefined) throw new InvalidInputError(field, `{party:${id}@${as}}: only a place is quoted in a party's words`);
      if (!config.parties.some((p) => p.id === id)) throw new InvalidInputError(field, `unknown party '${id}' in {party:${id}}`);
      return partyName(config, id);
    }
    const place = config.places.find((p) => p.id === id);
    if (!place) throw new InvalidInputError(field, `unknown place '${id}' in {place:${id}}`);
    // a quoted place: the source's party's own (romanised) name, for every reader
    if (as !== undefined) return place.names[as] ?? place.neutralName;
    return placeName(place, reader, config.sharedNaming, order);
  });
}
