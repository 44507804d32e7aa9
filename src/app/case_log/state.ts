import type { Static } from '@sinclair/typebox';
import { correctionMarkOf } from './correction_marks.js';
import type { DriftRunSummarySchema, EVENT_PAYLOADS, ExerciseClockSchema, PositionSchema, ViewedEvent } from './events.js';

type Position = Static<typeof PositionSchema>;

/** One entry of the picture, with the event it came from. */
export interface PictureEntry {
  readonly version: number;
  readonly party: string;
  readonly author?: string;
  readonly recordedAt: string;
  /** True when the viewer sees only the position fields (another party's position-only release). */
  readonly redacted?: boolean;
  readonly text?: string;
  readonly position?: Position;
  readonly time?: string;
  readonly unitId?: string;
  /** A detection by a unit not released to the viewer: its party, in place of its id. */
  readonly unitParty?: string;
  /**
   * Set when the author's party corrected the event (eventCorrected): the entry shows the newest
   * replacement; `corrections` says who, when and why (oldest first), `original` what was first written.
   */
  readonly corrections?: readonly CorrectionMark[];
  readonly original?: Readonly<Record<string, unknown>>;
  /** Set when the author's party retracted the event (eventRetracted): it stays in the picture, marked, and counts as no unit's position. */
  readonly retracted?: CorrectionMark;
}

/** Who corrected or retracted an event, when and why (the reason and author hidden from a viewer who sees positions only). */
export interface CorrectionMark {
  readonly version: number;
  readonly party: string;
  readonly author?: string;
  readonly recordedAt: string;
  readonly reason?: string;
}

/** A change of the case's status (closed, reopened), with who and why. */
export interface StatusChange {
  readonly version: number;
  readonly status: 'open' | 'closed';
  readonly party: string;
  readonly author?: string;
  readonly recordedAt: string;
  readonly reason?: string;
}

/** The shared picture of a case or exercise, rebuilt from the events a viewer may see. */
export interface CaseState {
  readonly caseId: string;
  readonly kind: 'case' | 'exercise';
  readonly title: string;
  readonly parties: readonly string[];
  readonly openedBy: { readonly userName: string; readonly party: string };
  readonly status: 'open' | 'closed';
  /** Every closing and reopening, oldest first. */
  readonly statusHistory: readonly StatusChange[];
  /** The parties that agreed to change the status (statusChangeAgreed) since it last changed, or null. */
  readonly pendingStatusChange: { readonly to: 'open' | 'closed'; readonly parties: readonly string[] } | null;
  /** Parties added to the case after it was opened (partyAdded), with who added them and why. */
  readonly partiesAdded: readonly (PictureEntry & { readonly addedParty: string })[];
  /** The version of the log (count of events); a write must be based on it. */
  readonly version: number;
  readonly reports: readonly PictureEntry[];
  readonly sightings: readonly PictureEntry[];
  /** Messages, each with the party it is addressed to (none: every other party) and the parties that acknowledged it. */
  readonly messages: readonly (PictureEntry & { readonly to?: string; readonly acknowledgedBy: readonly { readonly party: string; readonly version: number; readonly recordedAt: string }[] })[];
  readonly plans: readonly (PictureEntry & { readonly planId?: string })[];
  readonly searches: readonly (PictureEntry & {
    readonly planId?: string; readonly podPercent?: number;
    readonly track?: Static<typeof EVENT_PAYLOADS.searchDone>['track']; readonly sweepWidthNm?: number; readonly speedKn?: number;
  })[];
  readonly driftRuns: readonly (PictureEntry & { readonly summary?: Static<typeof DriftRunSummarySchema> })[];
  /** The newest planning inputs the viewer may see (every earlier one stays in the log), or null. */
  readonly planningInputs: (PictureEntry & { readonly inputs: Static<typeof EVENT_PAYLOADS.planningInputs>['inputs'] }) | null;
  /** Last known position of each unit (the newest unitPosition or sighting by it). */
  readonly units: Readonly<Record<string, PictureEntry & { readonly courseDeg?: number; readonly speedKn?: number }>>;
  /**
   * Notifications acknowledged in the log; under an agreement only those acknowledged by the party
   * each goes to (the plan check counts no other).
   */
  readonly acknowledgedNotifications: readonly string[];
  /** Events this viewer may not see (another party's `nothing` releases). */
  readonly withheldCount: number;
  // An exercise's players' case (docs/exercises.md): what exercise control released to the players.
  /** Injects released so far (a distress call, a sighting, debris, a unit breaking down or late, a weather change). */
  readonly injects: readonly (PictureEntry & { readonly injectId: string; readonly kind: string; readonly at: string;
    readonly delayH?: number; readonly weather?: Static<typeof EVENT_PAYLOADS.injectReleased>['weather'] })[];
  /** The exercise clock as last set (null: no clock yet, or a real case). */
  readonly clock: Static<typeof ExerciseClockSchema> | null;
  /** Detections of the target by the players' units. */
  readonly detections: readonly (PictureEntry & { readonly searchVersion?: number; readonly searchPhaseEnded?: boolean })[];
  /** Set once exercise control has ended the exercise. */
  readonly exerciseEnded: PictureEntry | null;
}

/** What the picture needs to know of the agreement the case runs under. */
export interface FoldOptions {
  /** The party a notification goes to (undefined: no rule of the agreement raises it, so no acknowledgement counts). */
  readonly recipientPartyOf?: (notificationId: string) => string | undefined;
}

/**
 * Rebuild the picture from events in version order (as `viewEvent` gave them to one viewer).
 * Returns null for an empty log. Pure: the same events always give the same state.
 */
export function foldCase(events: readonly ViewedEvent[], options: FoldOptions = {}): CaseState | null {
  let state: Mutable | null = null;
  const fixes = correctionsOf(events);
  for (const event of events) {
    if ('withheld' in event) {
      if (state) { state.withheldCount++; state.version = event.version; }
      continue;
    }
    const fix = fixes.get(event.version);
    const p = (fix?.replacement ?? event.payload) as Record<string, unknown>;
    if (event.type === 'caseOpened') {
      const o = p as { kind: 'case' | 'exercise'; title: string; parties: string[] };
      state = {
        caseId: event.caseId, kind: o.kind, title: o.title, parties: o.parties,
        openedBy: { userName: 'author' in event ? event.author : '', party: event.party }, status: 'open', version: event.version,
        statusHistory: [], pendingStatusChange: null, partiesAdded: [],
        reports: [], sightings: [], messages: [], plans: [], searches: [], driftRuns: [], planningInputs: null, units: {}, acknowledgedNotifications: [], withheldCount: 0,
        injects: [], clock: null, detections: [], exerciseEnded: null,
      };
      continue;
    }
    if (!state) continue;   // a log always starts with caseOpened; a viewer always sees it (the opener releases it)
    state.version = event.version;
    const entry: PictureEntry = {
      version: event.version, party: event.party, recordedAt: event.recordedAt,
      ...('author' in event ? { author: event.author } : { redacted: true }),
      ...pick(p, ['text', 'position', 'time', 'unitId']),
      ...(fix?.replacement ? { corrections: fix.corrections, original: pick(event.payload as Record<string, unknown>, [...Object.keys(event.payload as object)]) } : {}),
      ...(fix?.retracted ? { retracted: fix.retracted } : {}),
    };
    const mark = { version: event.version, party: event.party, recordedAt: event.recordedAt, ...('author' in event ? { author: event.author } : {}),
      ...(typeof p.reason === 'string' ? { reason: p.reason } : {}) };
    switch (event.type) {
      case 'report': state.reports.push(entry); break;
      case 'sighting': state.sightings.push(entry); trackUnit(state, entry); break;
      case 'message': state.messages.push({ ...entry, ...pick(p, ['to']), acknowledgedBy: [] }); break;
      case 'messageAcknowledged': {
        const message = state.messages.find((m) => m.version === p.messageVersion);
        if (message && !message.acknowledgedBy.some((a) => a.party === event.party)) (message.acknowledgedBy as { party: string; version: number; recordedAt: string }[]).push({ party: event.party, version: event.version, recordedAt: event.recordedAt });
        break;
      }
      case 'planIssued': state.plans.push({ ...entry, ...pick(p, ['planId']) }); break;
      case 'searchDone': state.searches.push({ ...entry, ...pick(p, ['planId', 'podPercent', 'track', 'sweepWidthNm', 'speedKn']) }); break;
      case 'planningInputs':
        if (p.inputs !== undefined) state.planningInputs = { ...entry, inputs: p.inputs as NonNullable<CaseState['planningInputs']>['inputs'] };
        break;
      case 'driftRun': state.driftRuns.push({ ...entry, ...pick(p, ['summary']) }); break;
      case 'unitPosition': trackUnit(state, { ...entry, ...pick(p, ['courseDeg', 'speedKn']) }); break;
      case 'notificationAcknowledged':
        if (typeof p.notificationId === 'string' && !state.acknowledgedNotifications.includes(p.notificationId)
          && (!options.recipientPartyOf || options.recipientPartyOf(p.notificationId) === event.party)) state.acknowledgedNotifications.push(p.notificationId);
        break;
      case 'caseClosed': case 'caseReopened':
        state.status = event.type === 'caseClosed' ? 'closed' : 'open';
        state.statusHistory.push({ ...mark, status: state.status });
        state.pendingStatusChange = null;
        break;
      case 'statusChangeAgreed': {
        const to = p.to as 'open' | 'closed';
        const parties = state.pendingStatusChange?.to === to ? state.pendingStatusChange.parties : [];
        state.pendingStatusChange = { to, parties: parties.includes(event.party) ? parties : [...parties, event.party] };
        break;
      }
      case 'partyAdded':
        if (typeof p.party === 'string' && !state.parties.includes(p.party)) state.parties = [...state.parties, p.party];
        state.partiesAdded.push({ ...entry, text: p.reason as string, addedParty: p.party as string });
        break;
      case 'injectReleased':
        state.injects.push({ ...entry, ...(pick(p, ['injectId', 'kind', 'at', 'delayH', 'weather']) as { injectId: string; kind: string; at: string }) });
        break;
      case 'exerciseClock': state.clock = p as unknown as NonNullable<CaseState['clock']>; break;
      case 'targetDetected': state.detections.push({ ...entry, ...pick(p, ['searchVersion', 'searchPhaseEnded', 'unitParty']) }); break;
      case 'exerciseEnded': state.exerciseEnded = entry; break;
    }
  }
  return state as CaseState | null;
}

type Mutable = {
  -readonly [K in keyof CaseState]: CaseState[K] extends readonly (infer U)[] ? U[] : CaseState[K] extends Readonly<Record<string, infer V>> ? Record<string, V> : CaseState[K]
};

function trackUnit(state: Mutable, entry: PictureEntry): void {
  if (entry.unitId && entry.position && !entry.retracted) state.units[entry.unitId] = entry;
}

/**
 * The corrections and retractions each event received (corrections.ts), by the version of the
 * event they name: the newest replacement wins, every mark is kept. A viewer who sees positions
 * only gets the replacement's position fields and marks without author or reason.
 */
function correctionsOf(events: readonly ViewedEvent[]): Map<number, { replacement?: unknown; corrections: CorrectionMark[]; retracted?: CorrectionMark }> {
  const fixes = new Map<number, { replacement?: unknown; corrections: CorrectionMark[]; retracted?: CorrectionMark }>();
  for (const e of events) {
    const m = correctionMarkOf(e);
    if (!m) continue;
    const fix = fixes.get(m.eventVersion) ?? { corrections: [] };
    if (m.retraction) fix.retracted = m.mark;
    else { fix.corrections.push(m.mark); fix.replacement = ((e as { payload?: { replacement?: unknown } }).payload)?.replacement; }
    fixes.set(m.eventVersion, fix);
  }
  return fixes;
}

function pick(source: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) if (source[f] !== undefined) out[f] = source[f];
  return out;
}
