/**
 * Search-and-rescue units (SRU): ships, helicopters and aircraft a party brings to a case or an
 * exercise, with what the other parties may see of each (its releasability).
 */
import type { PartyId } from './party.js';
import type { Releasability } from './releasability.js';

/** The kinds of search-and-rescue unit. */
export type SarUnitType = 'ship' | 'boat' | 'helicopter' | 'aircraft';

/** A search-and-rescue unit and its capabilities. */
export interface SarUnit {
  readonly id: string;
  readonly name: string;
  readonly party: PartyId;
  /** The service (id in the party's services) that operates the unit. */
  readonly service: string;
  readonly type: SarUnitType;
  /** Search speed in knots. */
  readonly speedKn: number;
  /** Endurance on task, hours. */
  readonly enduranceH: number;
  /** Height of eye above the sea for ships, metres (IAMSAR sweep-width tables). */
  readonly eyeHeightM?: number;
  /** Search altitude for aircraft and helicopters, feet (IAMSAR sweep-width tables). */
  readonly altitudeFt?: number;
  readonly homeBase: string;
  /** What parties other than the unit's own may see of it. */
  readonly releasability: Releasability;
}
