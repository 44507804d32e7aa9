/**
 * The parties to a cooperation agreement: nations and their services (navy, coast guard), each
 * with its rescue coordination centres (RCCs). Identifiers are short codes chosen in the config
 * (e.g. `KR`, `JP`); they are keys, never shown to a reader in place of a name.
 */
import type { SrrRegion } from './srr.js';

/** A party's identifier as written in the config (e.g. `KR`). */
export type PartyId = string;

/** The kinds of service a party brings to search and rescue. */
export type ServiceKind = 'navy' | 'coast-guard' | 'air-force' | 'ministry' | 'other';

/** A military or civil service of a party (e.g. the Republic of Korea Navy). */
export interface Service {
  readonly id: string;
  readonly name: string;
  readonly kind: ServiceKind;
}

/** A rescue coordination centre and its search-and-rescue region (SRR). */
export interface Rcc {
  readonly id: string;
  readonly name: string;
  /** The party that runs this RCC. */
  readonly party: PartyId;
  /** The RCC's SRR; `illustrative` says the polygons are not an official boundary. */
  readonly srr: SrrRegion;
}

/** A party to the agreement: a nation, its services and RCCs, its time zone and language. */
export interface Party {
  readonly id: PartyId;
  /** Name of the nation as shown to readers (e.g. `South Korea`). */
  readonly name: string;
  /** IANA time zone in which this party reads times (e.g. `Asia/Seoul`). */
  readonly timeZone: string;
  /** BCP 47 language tag of the party's products (e.g. `ko`). */
  readonly language: string;
  /** How the report names the government (e.g. `Seoul`, `Tokyo`), optional. */
  readonly capital?: string;
  readonly services: readonly Service[];
  readonly rccs: readonly Rcc[];
}
