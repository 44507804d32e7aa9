/**
 * Incidents at sea between the parties (like the 2006 near-clash near the contested islets):
 * who, where, when, what, outcome, and the sources, on record and on the map.
 */
import type { LonLatDeg } from '../geo/lon_lat.js';
import type { ApproximateDate } from './approximate_date.js';
import type { PartyId } from './party.js';
import type { RecordHistory } from './record_history.js';

/** Someone involved in an incident, as the source describes them. */
export interface IncidentActor {
  readonly party: PartyId;
  /** e.g. `naval forces`, `two Coast Guard survey ships`. */
  readonly description: string;
}

/** An incident at sea. */
export interface Incident {
  readonly id: string;
  readonly title: string;
  readonly date: ApproximateDate;
  readonly actors: readonly IncidentActor[];
  /** Place id where it happened (named per reader). */
  readonly place?: string;
  /** A position for the map, when a source gives one (else the place's position is used). */
  readonly position?: LonLatDeg;
  /** What happened (`{place:id}`, `{party:id}` placeholders allowed). */
  readonly what: string;
  readonly outcome: string;
  readonly sources: readonly string[];
  readonly record: RecordHistory;
}
