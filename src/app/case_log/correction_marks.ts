// The marks corrections and retractions put on the events they name (corrections.ts), read from
// the events as a viewer sees them: pure, for the picture (state.ts), GET …/events and the live feed.
import type { ViewedEvent } from './events.js';
import type { CorrectionMark } from './state.js';

/**
 * The mark a correction or retraction, as a viewer sees it, puts on the event it names: who, when
 * and why (author and reason absent for a viewer who sees it positions only); null for any other
 * event or one withheld from the viewer (a withheld correction reveals nothing).
 */
export function correctionMarkOf(e: ViewedEvent): { eventVersion: number; retraction: boolean; mark: CorrectionMark } | null {
  if ('withheld' in e || (e.type !== 'eventCorrected' && e.type !== 'eventRetracted')) return null;
  const p = e.payload as { eventVersion?: unknown; reason?: unknown };
  if (typeof p.eventVersion !== 'number') return null;
  const mark: CorrectionMark = { version: e.version, party: e.party, recordedAt: e.recordedAt, ...('author' in e ? { author: e.author } : {}),
    ...(typeof p.reason === 'string' ? { reason: p.reason } : {}) };
  return { eventVersion: p.eventVersion, retraction: e.type === 'eventRetracted', mark };
}

/**
 * Events as the viewer sees them with each original marked at read time (the log is never
 * changed): `correctedBy` (oldest first) and `retractedBy`, from the corrections and retractions
 * among `marking` (by default `events` themselves; for a page, those the store found naming the
 * page's events) that the viewer may see. The live feed sends the same marks as
 * `{"kind":"eventMarked"}` messages after each correction (app/server/live_hub.ts).
 */
export function withCorrectionMarks(events: readonly ViewedEvent[], marking: readonly ViewedEvent[] = events): ViewedEvent[] {
  const marks = new Map<number, { correctedBy: CorrectionMark[]; retractedBy?: CorrectionMark }>();
  for (const e of marking) {
    const m = correctionMarkOf(e);
    if (!m) continue;
    const entry = marks.get(m.eventVersion) ?? { correctedBy: [] };
    if (m.retraction) entry.retractedBy = m.mark; else entry.correctedBy.push(m.mark);
    marks.set(m.eventVersion, entry);
  }
  if (marks.size === 0) return [...events];
  return events.map((e) => {
    const m = marks.get(e.version);
    if (!m || 'withheld' in e) return e;
    return { ...e, ...(m.correctedBy.length ? { correctedBy: m.correctedBy } : {}), ...(m.retractedBy ? { retractedBy: m.retractedBy } : {}) };
  });
}
