/**
 * What a case log under a cooperation agreement (`serve --agreement`) refuses on append, beyond
 * the payload's schema: acknowledgements of notifications the agreement's rules cannot raise, or
 * by a party the notification does not go to; units the agreement does not know (ids match
 * exactly), and positions of a unit reported by another party than its own; a party added to a
 * case that is not a party of the agreement.
 */
import { findUnitExactly, resolveNotificationId, type CooperationConfig } from '../../core/cooperation/index.js';
import { InvalidInputError } from '../../core/errors.js';
import type { EventDraft } from '../../io/storage/index.js';
import { AccessDeniedError } from './errors.js';
import type { CaseEventPayload } from './events.js';
import type { Actor } from './roles.js';

/** Refuse an event the agreement makes impossible or forbids to the actor (see docs/errors.md). */
export function checkUnderAgreement(draft: EventDraft, actor: Actor, agreement: CooperationConfig): void {
  const knownUnit = (unitId: string, field: string) => {
    const found = findUnitExactly(agreement, unitId, actor.party);
    if ('problem' in found) throw new InvalidInputError(field, found.problem);
    return found.unit;
  };
  if (draft.type === 'unitPosition' || draft.type === 'sighting' || draft.type === 'searchDone') {
    const { unitId } = draft.payload as { unitId?: string };
    if (unitId !== undefined) {
      const unit = knownUnit(unitId, 'payload/unitId');
      if (draft.type === 'unitPosition' && unit.party !== actor.party) {
        throw new AccessDeniedError('party', `unit '${unit.id}' belongs to ${unit.party}: only ${unit.party} reports its position, not ${actor.party} (report a sighting instead)`);
      }
    }
  }
  if (draft.type === 'planIssued') {
    (draft.payload as CaseEventPayload<'planIssued'>).units?.forEach((u, k) => knownUnit(u.unitId, `payload/units/${k}/unitId`));
  }
  if (draft.type === 'planningInputs') {
    // units outside the agreement (a fishing boat's own search) may be planned with, but not an agreement unit misspelt
    const { inputs } = draft.payload as CaseEventPayload<'planningInputs'>;
    const misspelt = (id: string, field: string) => {
      if (agreement.units.some((u) => u.id !== id && u.id.toLowerCase() === id.toLowerCase())) knownUnit(id, field);
    };
    inputs.units.forEach((u, k) => misspelt(u.id, `payload/inputs/units/${k}/id`));
    inputs.searchesDone?.forEach((d, k) => misspelt(d.unit, `payload/inputs/searchesDone/${k}/unit`));
  }
  if (draft.type === 'partyAdded') {
    const { party } = draft.payload as CaseEventPayload<'partyAdded'>;
    if (!agreement.parties.some((p) => p.id === party)) {
      throw new InvalidInputError('payload/party', `${party} is not a party of the agreement (${agreement.parties.map((p) => p.id).join(', ')})`);
    }
  }
  if (draft.type === 'notificationAcknowledged') {
    const { notificationId } = draft.payload as CaseEventPayload<'notificationAcknowledged'>;
    const resolved = resolveNotificationId(agreement, notificationId, actor.party);
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
