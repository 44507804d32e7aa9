/**
 * What a case log under a cooperation agreement (`serve --agreement`) refuses on append, beyond
 * the payload's schema: acknowledgements of notifications the agreement's rules cannot raise, or
 * by a party the notification does not go to.
 */
import { resolveNotificationId, type CooperationConfig } from '../../core/cooperation/index.js';
import { InvalidInputError } from '../../core/errors.js';
import type { EventDraft } from '../../io/storage/index.js';
import { AccessDeniedError } from './errors.js';
import type { CaseEventPayload } from './events.js';
import type { Actor } from './roles.js';

/** Refuse an event the agreement makes impossible or forbids to the actor (see docs/errors.md). */
export function checkUnderAgreement(draft: EventDraft, actor: Actor, agreement: CooperationConfig): void {
  if (draft.type === 'notificationAcknowledged') {
    const { notificationId } = draft.payload as CaseEventPayload<'notificationAcknowledged'>;
    const resolved = resolveNotificationId(agreement, notificationId);
    if (!resolved.ok) throw new InvalidInputError('payload/notificationId', `${resolved.problem}; no acknowledgement of it is recorded`);
    const { toRcc } = resolved.notification;
    if (toRcc.party !== actor.party) {
      throw new AccessDeniedError('party', `notification '${notificationId}' goes to ${toRcc.id} of ${toRcc.party}: only ${toRcc.party} may acknowledge it, not ${actor.party}`);
    }
    // the plan check counts it for every party, so every party's picture must show it
    if (draft.releasability !== 'everything') throw new InvalidInputError('releasability', `an acknowledgement is released to every party of the case (everything), not '${draft.releasability}'`);
  }
}

/**
 * The party a notification goes to under the agreement (undefined for an id its rules cannot
 * raise): the shared picture counts an acknowledgement only from that party, as the plan check does.
 */
export function recipientPartyOf(agreement: CooperationConfig): (notificationId: string) => string | undefined {
  return (id) => {
    const r = resolveNotificationId(agreement, id);
    return r.ok ? r.notification.toRcc.party : undefined;
  };
}
