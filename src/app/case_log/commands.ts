import { InvalidInputError } from '../../core/errors.js';
import { CaseNotFoundError, VersionConflictError, type EventDraft } from '../../io/storage/index.js';
import { AccessDeniedError, CaseClosedError } from './errors.js';
import { EVENT_PAYLOADS, type CaseEventPayload, type CaseEventType } from './events.js';
import { withUtcTimes } from './payload_times.js';
import { isStreamKind, mayRead, mayWrite, writersOf } from './permissions.js';
import type { Releasability } from './releasability.js';
import { checkAgainstSchema } from './schema_words.js';
import type { Actor } from './roles.js';

/** A request to add one event to a case's log, based on the version the author saw. */
export interface CaseCommand {
  readonly type: CaseEventType;
  readonly payload: unknown;
  /** The case version the author's decision was based on (0 to open a new case). */
  readonly basedOnVersion: number;
  /** What other parties may see; default `everything`. */
  readonly releasability?: Releasability;
}

/** What a decision needs to know of the case (null when it does not exist yet). */
export interface CaseContext {
  readonly caseId: string;
  readonly kind: string;
  readonly parties: readonly string[];
  readonly version: number;
  readonly closed: boolean;
}

/**
 * Check a payload against its type's schema; the error names the first wrong field as
 * `payload/<path>` (e.g. `payload/position/latDeg: expected number to be less or equal to 90`), and
 * a pattern in words (schema_words.ts). `at` is the payload's own field (a correction's
 * replacement: `payload/replacement`).
 */
export function checkPayload<T extends CaseEventType>(type: T, payload: unknown, at = 'payload'): CaseEventPayload<T> {
  return checkAgainstSchema(EVENT_PAYLOADS[type], payload, at) as CaseEventPayload<T>;
}

/**
 * Refuse a reader who is not of a party of the case (as CaseNotFoundError, the answer for a case
 * that does not exist, so the refusal does not tell that it exists or who shares it) or who holds
 * no role that may read it.
 */
export function checkMayRead(context: CaseContext, actor: Actor): void {
  // the programme and an exercise's control stream have their own routes and rules (CaseLog.checkRead)
  if (!context.parties.includes(actor.party) || isStreamKind(context.kind)) throw new CaseNotFoundError(context.caseId);
  if (!mayRead(actor.roles, context.kind)) {
    throw new AccessDeniedError('role', `roles ${actor.roles.join(', ') || '(none)'} may not read ${context.kind === 'exercise' ? 'an exercise' : 'a case'}`);
  }
}

/**
 * Decide whether `actor` may add `command` to the case and build the event to store. Refuses with
 * CaseNotFoundError, AccessDeniedError (party, role), CaseClosedError, VersionConflictError (the
 * store checks the version again atomically) or InvalidInputError (payload field named).
 */
export function decide(context: CaseContext | null, caseId: string, command: CaseCommand, actor: Actor, now: Date): EventDraft {
  const payload = withUtcTimes(command.type, checkPayload(command.type, command.payload));
  if (command.type === 'caseOpened') {
    if (context) throw new VersionConflictError(caseId, command.basedOnVersion, context.version);
    const opened = payload as CaseEventPayload<'caseOpened'>;
    if (!opened.parties.includes(actor.party)) {
      throw new InvalidInputError('payload/parties', `must include the opener's own party ${actor.party}`);
    }
    if (!mayWrite(actor.roles, 'caseOpened', opened.kind) && !(opened.kind === 'exercise' && actor.roles.includes('smc'))) {
      throw new AccessDeniedError('role', `opening ${opened.kind === 'exercise' ? 'an exercise' : 'a case'} needs role ${opened.kind === 'exercise' ? 'exercise-control or smc' : 'smc'}`);
    }
  } else {
    if (!context) throw new CaseNotFoundError(caseId);
    checkMayRead(context, actor);
    if (!mayWrite(actor.roles, command.type, context.kind)) {
      const writers = writersOf(command.type, context.kind);
      if (writers.length === 0) throw new AccessDeniedError('role', `'${command.type}' events are written by the server from exercise control, not by a user`);
      throw new AccessDeniedError('role', `'${command.type}' needs role ${writersOf(command.type, context.kind).join(' or ')}; ${actor.userName} holds ${actor.roles.join(', ')}`);
    }
    // a closed case takes only its reopening (case_status.ts), which says whether it is open
    const reopening = command.type === 'caseReopened' || (command.type === 'statusChangeAgreed' && (payload as { to: string }).to === 'open');
    if (context.closed && !reopening) throw new CaseClosedError(caseId, context.version);
    if (command.basedOnVersion !== context.version) throw new VersionConflictError(caseId, command.basedOnVersion, context.version);
    if (command.type === 'partyAdded') {
      const { party } = payload as CaseEventPayload<'partyAdded'>;
      // an exercise's parties are its programme entry's, shared with its control stream
      if (context.kind !== 'case') throw new InvalidInputError('body/type', `a party is added to a real case only; an exercise's parties are those of its programme entry`);
      if (context.parties.includes(party)) throw new InvalidInputError('payload/party', `${party} takes part in the case already (${context.parties.join(', ')})`);
    }
  }
  if (RELEASED_TO_EVERY_PARTY.has(command.type) && command.releasability !== undefined && command.releasability !== 'everything') {
    throw new InvalidInputError('releasability', `a '${command.type}' is released to every party of the case (everything), not '${command.releasability}'`);
  }
  return {
    caseId, basedOnVersion: command.basedOnVersion, type: command.type, author: actor.userName, party: actor.party,
    recordedAt: now.toISOString(),
    releasability: RELEASED_TO_EVERY_PARTY.has(command.type) ? 'everything' : command.releasability ?? 'everything',
    payload,
  };
}

/**
 * What every party of the case must see to take part at all: the opening (title, kind, parties),
 * who joined, and whether the case is open (closing, reopening, agreements to either).
 */
const RELEASED_TO_EVERY_PARTY: ReadonlySet<CaseEventType> = new Set(['caseOpened', 'partyAdded', 'caseClosed', 'caseReopened', 'statusChangeAgreed']);
