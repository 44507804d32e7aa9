export { CaseLog } from './case_log.js';
export { checkMayRead, checkPayload, decide, type CaseCommand, type CaseContext } from './commands.js';
export { AccessDeniedError, CaseClosedError, PlanNotIssuableError } from './errors.js';
export {
  CASE_EVENT_TYPES, DriftRunSummarySchema, EVENT_PAYLOADS, PartySchema, PositionSchema, TimeTextSchema, UtcTimeSchema,
  type CaseEvent, type CaseEventPayload, type CaseEventType, type PartlyWithheldEvent, type RedactedEvent, type ViewedEvent, type WithheldEvent,
} from './events.js';
export { utcTimeText, withUtcTimes } from './payload_times.js';
export { CASE_WRITERS, mayRead, mayWrite, writersOf } from './permissions.js';
export { POSITION_FIELDS, RELEASABILITY_LEVELS, type Releasability } from './releasability.js';
export { PARTY_PATTERN, ROLES, type Actor, type Role } from './roles.js';
export { foldCase, type CaseState, type FoldOptions, type PictureEntry } from './state.js';
export { viewEvent, type UnitRelease } from './view.js';
