/**
 * Who may close a joint case and reopen it (issue 11: either party could close it alone, for good).
 * IAMSAR Vol. I ch. 3: the SAR operation is coordinated by one RCC, the one of the SRR holding the
 * datum (the agreement's coordinating-RCC rule, core/cooperation coordinatingRccAt), and it is that
 * RCC's SMC who concludes (suspends or closes) it. So in a case of several parties:
 * - the SMC of the coordinating RCC's party closes it, and reopens it, alone;
 * - any other party's SMC may, once every other party of the case has agreed (a
 *   `statusChangeAgreed` with the same `to`, written after the status last changed);
 * - without a coordinating RCC (no agreement, no issued plan with a datum, a datum in no SRR),
 *   only the second way is open: every party agrees.
 * A case of one party is closed and reopened by its SMC. In an exercise, exercise control plays the
 * coordinating RCC. Closing and reopening are events: the log keeps every change, who and why.
 */
import { InvalidInputError } from '../../core/errors.js';
import type { StoredEvent } from '../../io/storage/index.js';
import { AccessDeniedError } from './errors.js';
import type { Actor } from './roles.js';

/** The events that change or prepare a change of a case's status. */
export const STATUS_EVENT_TYPES = ['caseClosed', 'caseReopened', 'statusChangeAgreed'] as const;

/**
 * Is a case closed after this event (its last)? A closed case takes only a reopening and
 * agreements to reopen, so a last `statusChangeAgreed` to 'open' means it is still closed.
 */
export function closedAfter(last: Pick<StoredEvent, 'type' | 'payload'> | undefined): boolean {
  if (!last) return false;
  return last.type === 'caseClosed' || (last.type === 'statusChangeAgreed' && (last.payload as { to?: unknown }).to === 'open');
}

/** The coordinating RCC of the case now, as the case log found it, or why there is none. */
export type Coordinator =
  /** `plan`: the plan whose datum decides, as the refused party may read of it (`plan 'P1'`, or `a plan not released to JP`). */
  | { readonly ok: true; readonly party: string; readonly rccId: string; readonly ruleId: string; readonly plan: string }
  /** Why only every party's agreement closes it, e.g. `no coordinating RCC is known: no plan with its datum has been issued in the case`. */
  | { readonly ok: false; readonly problem: string };

/** Parties that agreed to change the status to `to` since the status last changed (or the case opened). */
export function partiesAgreed(events: readonly Pick<StoredEvent, 'type' | 'party' | 'payload'>[], to: 'closed' | 'open'): Set<string> {
  const agreed = new Set<string>();
  for (const e of events) {
    if (e.type === 'caseOpened' || e.type === 'caseClosed' || e.type === 'caseReopened') agreed.clear();
    else if (e.type === 'statusChangeAgreed' && (e.payload as { to?: unknown }).to === to) agreed.add(e.party);
  }
  return agreed;
}

/**
 * Refuse a status event the rule above does not allow (the role and the version were checked before).
 * `closed` is the case's status before the event; `events` its whole log.
 */
export function checkStatusChange(
  type: string, payload: unknown, actor: Actor,
  c: { readonly kind: string; readonly parties: readonly string[]; readonly closed: boolean },
  events: readonly Pick<StoredEvent, 'type' | 'party' | 'payload'>[], coordinator: Coordinator,
): void {
  const to = type === 'caseClosed' ? 'closed' : type === 'caseReopened' ? 'open' : (payload as { to: 'closed' | 'open' }).to;
  if ((to === 'closed') === c.closed) {
    const field = type === 'statusChangeAgreed' ? 'payload/to' : 'body/type';
    throw new InvalidInputError(field, c.closed ? 'the case is closed already (reopen it: caseReopened)' : 'the case is open: there is nothing to reopen');
  }
  if (type === 'statusChangeAgreed' || c.parties.length <= 1) return;
  if (c.kind === 'exercise' && actor.roles.includes('exercise-control')) return;
  if (coordinator.ok && coordinator.party === actor.party) return;
  const agreed = partiesAgreed(events, to);
  const missing = c.parties.filter((p) => p !== actor.party && !agreed.has(p));
  if (missing.length === 0) return;
  const verb = to === 'closed' ? 'closing' : 'reopening';
  const who = coordinator.ok
    ? `the SMC of the coordinating RCC (${coordinator.rccId} of ${coordinator.party}: rule ${coordinator.ruleId}, the datum of ${coordinator.plan} lies in its SRR), or every party's agreement`
    : `every party's agreement (${coordinator.problem})`;
  throw new AccessDeniedError('party', `${verb} a joint case needs ${who}: ${missing.join(', ')} ${missing.length === 1 ? 'has' : 'have'} not agreed ` +
    `(statusChangeAgreed with to '${to}', since the status last changed)`);
}
