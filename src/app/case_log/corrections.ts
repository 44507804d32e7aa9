/**
 * Corrections and retractions (issue 11: a wrong report or position could not be put right). The
 * log is append-only, so a correction is an event naming the event it corrects: the original
 * stays in the log as it was written, and the picture (state.ts) shows the replacement, marked
 * corrected with who, when and why; a retraction marks the original retracted (it no longer counts
 * as a unit's last position). Only the party that wrote an event corrects or retracts it, with a
 * role that may write its type; reports, sightings, unit positions and messages can be corrected
 * (a plan is replaced by issuing another, a search done by its own new event).
 */
import { InvalidInputError } from '../../core/errors.js';
import type { StoredEvent } from '../../io/storage/index.js';
import { checkPayload } from './commands.js';
import { AccessDeniedError } from './errors.js';
import type { CaseEventPayload, CaseEventType } from './events.js';
import { withUtcTimes } from './payload_times.js';
import { mayWrite, writersOf } from './permissions.js';
import type { Actor } from './roles.js';

/** Event types a correction or retraction may name. */
export const CORRECTABLE_TYPES: readonly CaseEventType[] = ['report', 'sighting', 'unitPosition', 'message'];

/** The event a correction or retraction names, checked: it exists, is correctable, is the actor's party's and not retracted. */
export function checkCorrectionTarget(
  payload: CaseEventPayload<'eventCorrected'> | CaseEventPayload<'eventRetracted'>, actor: Actor, kind: string, events: readonly StoredEvent[],
): StoredEvent {
  const v = payload.eventVersion;
  const original = events.find((e) => e.version === v);
  if (!original) throw new InvalidInputError('payload/eventVersion', `the case has no event ${v} (it is at version ${events.length})`);
  // the party first, in words that name neither its type nor its party: another party's event may be withheld from the actor
  if (original.party !== actor.party) {
    throw new AccessDeniedError('party', `event ${v} is not ${actor.party}'s: only the party that wrote an event corrects or retracts it (write a report or message instead)`);
  }
  if (!(CORRECTABLE_TYPES as readonly string[]).includes(original.type)) {
    throw new InvalidInputError('payload/eventVersion', `event ${v} is a '${original.type}': only ${CORRECTABLE_TYPES.join(', ')} events are corrected or retracted`);
  }
  if (!mayWrite(actor.roles, original.type as CaseEventType, kind)) {
    throw new AccessDeniedError('role', `correcting or retracting a '${original.type}' needs role ${writersOf(original.type as CaseEventType, kind).join(' or ')}; ${actor.userName} holds ${actor.roles.join(', ')}`);
  }
  const retracted = events.find((e) => e.type === 'eventRetracted' && (e.payload as { eventVersion?: unknown }).eventVersion === v);
  if (retracted) throw new InvalidInputError('payload/eventVersion', `event ${v} was retracted at version ${retracted.version}: write a new ${original.type} instead`);
  return original;
}

/** A correction's replacement checked against the corrected event's type, its times in UTC (fields `payload/replacement/…`). */
export function checkReplacement(originalType: CaseEventType, replacement: unknown): unknown {
  return withUtcTimes(originalType, checkPayload(originalType, replacement, 'payload/replacement'), 'payload/replacement');
}

