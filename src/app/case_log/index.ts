export { CaseLog } from './case_log.js';
export { checkStatusChange, closedAfter, partiesAgreed, STATUS_EVENT_TYPES, type Coordinator } from './case_status.js';
export { checkCorrectionTarget, checkReplacement, CORRECTABLE_TYPES } from './corrections.js';
export { correctionMarkOf, withCorrectionMarks } from './correction_marks.js';
export { checkAgainstSchema, describeValueError, patternInWords } from './schema_words.js';
export { checkMayRead, checkPayload, decide, type CaseCommand, type CaseContext } from './commands.js';
export { AccessDeniedError, CaseClosedError, PlanNotIssuableError } from './errors.js';
export {
  CASE_EVENT_TYPES, DriftRunSummarySchema, EVENT_PAYLOADS, EXERCISE_CONTROL_EVENT_TYPES, ExerciseClockSchema, INJECT_KINDS, InjectKindSchema, WeatherSchema, PartySchema, PositionSchema, TimeTextSchema, UtcTimeSchema,
  type CaseEvent, type CaseEventPayload, type CaseEventType, type PartlyWithheldEvent, type RedactedEvent, type ViewedEvent, type WithheldEvent,
} from './events.js';
export { checkMessageAcknowledgement, messageAcknowledgements, messageRecipients } from './message_acks.js';
export { utcTimeText, withUtcTimes } from './payload_times.js';
export { CASE_WRITERS, isStreamKind, mayRead, mayWrite, STREAM_KINDS, writersOf } from './permissions.js';
export { POSITION_FIELDS, RELEASABILITY_LEVELS, type Releasability } from './releasability.js';
export { PARTY_PATTERN, ROLES, type Actor, type Role } from './roles.js';
export { foldCase, type CaseState, type FoldOptions, type PictureEntry } from './state.js';
export { viewEvent, type UnitRelease } from './view.js';
