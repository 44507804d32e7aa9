import type { CaseEventType } from './events.js';
import type { Role } from './roles.js';

/**
 * Which roles may write each event type in a real case. In an exercise, exercise control may also
 * write every type (it plays the scenario). Observers, programme staff and admins never write.
 */
export const CASE_WRITERS: Readonly<Record<CaseEventType, readonly Role[]>> = {
  caseOpened: ['smc'],
  report: ['smc', 'osc', 'liaison-officer'],
  driftRun: ['smc'],
  planningInputs: ['smc'],
  planIssued: ['smc'],
  searchDone: ['smc', 'osc'],
  sighting: ['smc', 'osc'],
  message: ['smc', 'osc', 'liaison-officer'],
  notificationAcknowledged: ['smc', 'liaison-officer'],
  unitPosition: ['smc', 'osc'],
  caseClosed: ['smc'],
  caseReopened: ['smc'],
  statusChangeAgreed: ['smc'],
  partyAdded: ['smc'],
  // a correction or retraction needs a role that may write the corrected event's type as well (corrections.ts)
  eventCorrected: ['smc', 'osc', 'liaison-officer'],
  eventRetracted: ['smc', 'osc', 'liaison-officer'],
  messageAcknowledged: ['smc', 'osc', 'liaison-officer'],
  // written by the server from exercise control's stream, never by a user (not even exercise control: its own routes)
  injectReleased: [],
  exerciseClock: [],
  targetDetected: [],
  exerciseEnded: [],
};

/**
 * Case kinds that are streams kept beside the cases, read and written only through their own
 * routes: the cooperation programme (`/api/programme`) and an exercise's control stream
 * (`/api/exercises`). They are absent from case lists, and the case routes answer them as a
 * case that does not exist, except to those their own rule lets read them (the named controllers).
 */
export const STREAM_KINDS: readonly string[] = ['programme', 'exercise-control'];
/** Is `kind` one of the streams kept beside the cases? */
export const isStreamKind = (kind: string): boolean => STREAM_KINDS.includes(kind);
const SERVER_WRITTEN = new Set<CaseEventType>(['injectReleased', 'exerciseClock', 'targetDetected', 'exerciseEnded']);

/** Roles that may read a real case; an exercise may also be read by programme staff. */
const CASE_READERS: readonly Role[] = ['smc', 'osc', 'exercise-control', 'liaison-officer', 'observer'];

/** May a user with `roles` write an event of `type` in a case of `kind`? */
export function mayWrite(roles: readonly Role[], type: CaseEventType, kind: string): boolean {
  if (SERVER_WRITTEN.has(type)) return false;
  if (kind === 'exercise' && roles.includes('exercise-control')) return true;
  return roles.some((r) => CASE_WRITERS[type].includes(r));
}

/** May a user with `roles` read a case of `kind` (when their party takes part)? */
export function mayRead(roles: readonly Role[], kind: string): boolean {
  if (isStreamKind(kind)) return false;
  return roles.some((r) => CASE_READERS.includes(r)) || (kind === 'exercise' && roles.includes('programme-staff'));
}

/** The roles that may write `type` in a case of `kind`, for refusal messages. */
export function writersOf(type: CaseEventType, kind: string): readonly Role[] {
  if (SERVER_WRITTEN.has(type)) return [];
  return kind === 'exercise' ? [...new Set<Role>([...CASE_WRITERS[type], 'exercise-control'])] : CASE_WRITERS[type];
}
