/**
 * Messages between the centres and their acknowledgement (docs/exercises.md, "Exchanges"): a
 * `message` goes to the party it names (`to`) or to every other party of the case; a party it went
 * to acknowledges it with `messageAcknowledged {messageVersion}`. The rules, checked on append:
 * only a party it went to may acknowledge it, once; a version that is no message that party can see
 * is refused as unknown (the same words whether it is another event, withheld, or absent); a
 * retracted message is not acknowledged; a correction keeps a message's addressee, since the
 * acknowledgements already made were made by the parties it went to.
 */
import { InvalidInputError } from '../../core/errors.js';
import type { EventDraft, StoredEvent } from '../../io/storage/index.js';
import { AccessDeniedError } from './errors.js';
import type { CaseEvent, CaseEventPayload, ViewedEvent } from './events.js';

/** The parties a message went to: its `to`, else every party of the case but the sender's. */
export function messageRecipients(message: Pick<StoredEvent, 'party' | 'payload'>, caseParties: readonly string[]): string[] {
  const to = (message.payload as CaseEventPayload<'message'>).to;
  return to !== undefined ? [to] : caseParties.filter((p) => p !== message.party);
}

/** A message's `to` must be another party of the case. */
export function checkMessageAddress(draft: EventDraft, caseParties: readonly string[]): void {
  const to = (draft.payload as CaseEventPayload<'message'>).to;
  if (to === undefined) return;
  if (to === draft.party) throw new InvalidInputError('payload/to', `${to} is the sender's own party: a message goes to another party of the case`);
  if (!caseParties.includes(to)) throw new InvalidInputError('payload/to', `${to} is not a party of this case (${caseParties.join(', ')})`);
}

/**
 * Refuse an acknowledgement of no message the acknowledging party can see, by a party the message
 * did not go to, or a second one by the same party. `view` is what that party sees of an event.
 */
export function checkMessageAcknowledgement(draft: EventDraft, events: readonly StoredEvent[], caseParties: readonly string[], view: (event: CaseEvent) => ViewedEvent): void {
  const { messageVersion } = draft.payload as CaseEventPayload<'messageAcknowledged'>;
  const message = events.find((e) => e.version === messageVersion);
  if (!message || message.type !== 'message' || 'withheld' in view(message as CaseEvent)) {
    throw new InvalidInputError('payload/messageVersion', `no message at version ${messageVersion} of case '${draft.caseId}' that ${draft.party} can see`);
  }
  const retracted = events.find((e) => e.type === 'eventRetracted' && (e.payload as { eventVersion?: unknown }).eventVersion === messageVersion);
  if (retracted) throw new InvalidInputError('payload/messageVersion', `the message at version ${messageVersion} was retracted at version ${retracted.version}: there is nothing to acknowledge`);
  const to = messageRecipients(message, caseParties);
  if (!to.includes(draft.party)) {
    throw new AccessDeniedError('party', `the message at version ${messageVersion} is from ${message.party} to ${to.join(', ') || 'no other party'}: only ${to.length === 1 ? 'that party' : 'those parties'} acknowledge${to.length === 1 ? 's' : ''} it`);
  }
  const before = events.find((e) => e.type === 'messageAcknowledged' && e.party === draft.party && (e.payload as CaseEventPayload<'messageAcknowledged'>).messageVersion === messageVersion);
  if (before) throw new InvalidInputError('payload/messageVersion', `${draft.party} acknowledged the message at version ${messageVersion} already (version ${before.version}, ${before.recordedAt})`);
}

/** A correction of a message may change its text, not the party it goes to. */
export function checkMessageCorrection(original: Pick<StoredEvent, 'payload'>, replacement: unknown): void {
  const before = (original.payload as CaseEventPayload<'message'>).to;
  const after = (replacement as CaseEventPayload<'message'>).to;
  if (before !== after) {
    throw new InvalidInputError('payload/replacement/to', `a correction keeps the message's addressee (${before ?? 'every other party'}), not ${after ?? 'every other party'}: write a new message to ${after ?? 'every other party'} instead`);
  }
}

/** When each party a message went to first acknowledged it (recordedAt of its messageAcknowledged), by message version. */
export function messageAcknowledgements(events: readonly StoredEvent[]): Map<number, Map<string, string>> {
  const out = new Map<number, Map<string, string>>();
  for (const e of events) {
    if (e.type !== 'messageAcknowledged') continue;
    const v = (e.payload as CaseEventPayload<'messageAcknowledged'>).messageVersion;
    const byParty = out.get(v) ?? new Map<string, string>();
    if (!byParty.has(e.party)) byParty.set(e.party, e.recordedAt);
    out.set(v, byParty);
  }
  return out;
}
