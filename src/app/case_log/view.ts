import type { CaseEvent, RedactedEvent, ViewedEvent } from './events.js';
import { POSITION_FIELDS } from './releasability.js';

/**
 * What `viewerParty` may see of an event: its own party's events whole; another party's events as
 * their releasability says (whole, position fields only, or only their place in the log).
 * Every response and every live update goes through this function.
 */
export function viewEvent(event: CaseEvent, viewerParty: string): ViewedEvent {
  if (event.party === viewerParty || event.releasability === 'everything') return event;
  if (event.releasability === 'position-only') {
    const source = event.payload as Record<string, unknown>;
    const payload: Record<string, unknown> = {};
    for (const field of POSITION_FIELDS) if (source[field] !== undefined) payload[field] = source[field];
    const redacted: RedactedEvent = {
      caseId: event.caseId, version: event.version, type: event.type, party: event.party, recordedAt: event.recordedAt,
      releasability: 'position-only', payload: payload as RedactedEvent['payload'], redacted: true,
    };
    return redacted;
  }
  return { caseId: event.caseId, version: event.version, withheld: true };
}
