/**
 * Places with a name per party and a neutral name (the contested islets, the sea between the
 * parties, any place a user adds). Sovereignty is recorded only as each party's claim, with the
 * source of the claim; sarbridge never states it as fact.
 */
import type { LonLatDeg } from '../geo/lon_lat.js';
import type { PartyId } from './party.js';
import type { RecordHistory } from './record_history.js';

/** A party's claim to a place, as that party states it. */
export interface SovereigntyClaim {
  readonly party: PartyId;
  /** The claim in neutral words, e.g. `claims sovereignty over the islets`. */
  readonly claim: string;
  /** Source ids (see `Source`). */
  readonly sources: readonly string[];
}

/** The kinds of place. */
export type PlaceKind = 'islets' | 'island' | 'sea' | 'port' | 'area' | 'point';

/** A named place. */
export interface Place {
  readonly id: string;
  readonly kind: PlaceKind;
  /** The name each party uses (party id → name), romanised: what an English text or interface shows. */
  readonly names: Readonly<Record<PartyId, string>>;
  /**
   * The name each party uses in its own language and script (party id → name: 독도, 竹島): what a
   * party's own copy of a report carries (a reader with `script: 'own'`). A party without one here
   * is named by `names`.
   */
  readonly ownScriptNames?: Readonly<Record<PartyId, string>>;
  /** The name used in products shared by all parties. */
  readonly neutralName: string;
  /** A representative position (the feature itself, or a label point for a sea). */
  readonly position?: LonLatDeg;
  /** True for a feature whose sovereignty is contested: the 12 NM notification rule applies. */
  readonly contested: boolean;
  readonly claims: readonly SovereigntyClaim[];
  readonly record: RecordHistory;
}
