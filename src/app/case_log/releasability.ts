/**
 * What a party releases to the other parties of a case, per event. Defined here because
 * core/cooperation (which will hold the agreement's own `Releasability`) did not exist yet when the
 * case log was written; the three levels are the same and the type should move there.
 */
export type Releasability = 'everything' | 'position-only' | 'nothing';

/** The levels, most open first. */
export const RELEASABILITY_LEVELS: readonly Releasability[] = ['everything', 'position-only', 'nothing'];

/** Payload fields a `position-only` release keeps: where a unit or object was, and when. */
export const POSITION_FIELDS = ['unitId', 'position', 'time'] as const;
