/**
 * The yearly cooperation programme approved at the ministers' meeting: joint search-and-rescue
 * exercises (how often, host rotation, area, units) and personnel exchanges (liaison officers and
 * observers: who, rank or role, from which service, to which ship or RCC, when).
 */
import type { ApproximateDate } from './approximate_date.js';
import type { PartyId } from './party.js';
import type { RecordHistory } from './record_history.js';

/** Whether a programme item has happened. */
export type ProgrammeItemState = 'planned' | 'done' | 'cancelled' | 'postponed';

/** A joint search-and-rescue exercise. */
export interface JointExercise {
  readonly id: string;
  readonly name: string;
  readonly host: PartyId;
  /** Area: a place id (`{place:id}` in texts) or a free description. */
  readonly area: string;
  readonly date: ApproximateDate;
  /** Unit ids taking part. */
  readonly units: readonly string[];
  readonly state: ProgrammeItemState;
  /** What was done, once done. */
  readonly result?: string;
  readonly record: RecordHistory;
}

/** A personnel exchange: a liaison officer or observer sent to the other party. */
export interface PersonnelExchange {
  readonly id: string;
  readonly kind: 'liaison-officer' | 'observer';
  /** Name when known; the rank or role is always given. */
  readonly name?: string;
  readonly rankOrRole: string;
  readonly fromParty: PartyId;
  readonly fromService: string;
  /** The host: a unit id (ship) or an RCC id. */
  readonly hostedBy: string;
  readonly from: ApproximateDate;
  readonly to: ApproximateDate;
  /** Exercise id, when attached to one. */
  readonly exercise?: string;
  readonly state: ProgrammeItemState;
  readonly record: RecordHistory;
}

/** The programme for one year. */
export interface YearlyProgramme {
  readonly year: number;
  /** How often joint exercises are to be held, as approved (e.g. `twice a year`). */
  readonly exerciseFrequency: string;
  /** Parties hosting in turn, first host first. */
  readonly hostRotation: readonly PartyId[];
  /** Meeting id that approved the programme, when known. */
  readonly approvedAt?: string;
  readonly exercises: readonly JointExercise[];
  readonly exchanges: readonly PersonnelExchange[];
  readonly record: RecordHistory;
}
