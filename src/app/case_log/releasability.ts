/**
 * What a party releases to the other parties of a case, per event: the agreement's three levels
 * (core/cooperation), applied here to the events of the case log.
 */
export type { Releasability } from '../../core/cooperation/index.js';
export { RELEASABILITY_VALUES as RELEASABILITY_LEVELS } from '../../core/cooperation/index.js';

/** Payload fields a `position-only` release keeps: where a unit or object was, and when. */
export const POSITION_FIELDS = ['unitId', 'position', 'time'] as const;
