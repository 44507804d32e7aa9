import { randomUUID } from 'node:crypto';
import { CaseNotFoundError, VersionConflictError, type CaseRow, type EventDraft, type SarbridgeStore, type StoredEvent } from '../../io/storage/index.js';
import type { Releasability } from './releasability.js';
import {
  checkIssuable, checkPlan, coordinatingRccAt, describeFinding, describeNotificationState, readerFor, requiredNotifications, type Acknowledgement, type CooperationConfig,
} from '../../core/cooperation/index.js';
import { InvalidInputError } from '../../core/errors.js';
import type { LeewayObjectClass } from '../../core/objects/index.js';
import { loadLeewayTable } from '../../io/leeway/index.js';
import { checkUnderAgreement, recipientPartyOf } from './agreement_checks.js';
import { checkMayRead, checkPayload, decide, type CaseCommand, type CaseContext } from './commands.js';
import { CaseClosedError, PlanNotIssuableError } from './errors.js';
import { checkStatusChange, closedAfter, STATUS_EVENT_TYPES, type Coordinator } from './case_status.js';
import { withCorrectionMarks } from './correction_marks.js';
import { checkCorrectionTarget, checkReplacement } from './corrections.js';
import { checkMessageAcknowledgement, checkMessageAddress, checkMessageCorrection } from './message_acks.js';
import { withUtcTimes } from './payload_times.js';
import { isStreamKind } from './permissions.js';
import { checkPlanningInputs, type UploadState } from './planning_inputs.js';
import { EVENT_PAYLOADS, type CaseEvent, type CaseEventPayload, type CaseEventType, type ViewedEvent } from './events.js';
import type { Actor } from './roles.js';
import { foldCase, type CaseState } from './state.js';
import { unitsCarriedOver, viewEvent } from './view.js';

let objects: readonly LeewayObjectClass[] | null = null;
/** The shipped Leeway table, read on first use. */
function leewayObjects(): readonly LeewayObjectClass[] {
  objects ??= loadLeewayTable();
  return objects;
}

const STRICTNESS: Readonly<Record<Releasability, number>> = { everything: 0, 'position-only': 1, nothing: 2 };
const stricter = (a: Releasability, b: Releasability): Releasability => (STRICTNESS[a] >= STRICTNESS[b] ? a : b);

/**
 * An event about one of the author's party's units is released no further than the agreement
 * lets that unit be seen (the stricter of the author's choice and the unit's releasability).
 */
function withUnitReleasability(draft: EventDraft, agreement: CooperationConfig): EventDraft {
  const unitId = (draft.payload as { unitId?: unknown }).unitId;
  const unit = typeof unitId === 'string' ? agreement.units.find((u) => u.id === unitId && u.party === draft.party) : undefined;
  if (!unit) return draft;
  const chosen = draft.releasability as Releasability;
  return STRICTNESS[unit.releasability] > STRICTNESS[chosen] ? { ...draft, releasability: unit.releasability } : draft;
}

/**
 * The case log service: commands in, events out, state rebuilt from events, every read filtered
 * for the reader's party. Stateless over the store, so any number of server instances can share
 * one PostgreSQL database.
 */
export class CaseLog {
  /**
   * @param agreement the cooperation agreement whose rules every issued plan must satisfy (its
   * notifications acknowledged by the RCCs they go to), or null to issue plans unchecked
   * @param uploadState what the server holds under a forcing upload's SHA-256, as the actor may know
   * it (planning inputs may name an upload that every reader of the case may read: planning_inputs.ts)
   */
  constructor(
    private readonly store: SarbridgeStore,
    private readonly clock: () => Date = () => new Date(),
    private readonly agreement: CooperationConfig | null = null,
    private readonly uploadState: (sha256: string, actor: Actor) => Promise<UploadState> = async () => 'unknown',
  ) {}

  /**
   * Who may read a stream kept beside the cases (kind 'programme' or 'exercise-control',
   * permissions.ts STREAM_KINDS) through the case routes: the exercise routes install the rule
   * (the named controllers of a control stream). Until then, no one: answered as a missing case.
   */
  streamReader: (actor: Actor, row: CaseRow) => Promise<boolean> = async () => false;

  /**
   * Append an event exercise control's server side writes into an exercise's players' case
   * (injectReleased, exerciseClock, targetDetected, exerciseEnded; events.ts): schema-checked as
   * every event, refused on a stale version or a closed case, no role check (no user writes them).
   */
  async appendFromControl(caseId: string, command: CaseCommand, party: string): Promise<CaseEvent> {
    const context = await this.context(caseId);
    if (!context || context.kind !== 'exercise') throw new CaseNotFoundError(caseId);
    if (context.closed) throw new CaseClosedError(caseId, context.version);
    if (command.basedOnVersion !== context.version) throw new VersionConflictError(caseId, command.basedOnVersion, context.version);
    const payload = withUtcTimes(command.type, checkPayload(command.type, command.payload));
    return await this.store.append({
      caseId, basedOnVersion: command.basedOnVersion, type: command.type, author: 'exercise-control', party,
      recordedAt: this.clock().toISOString(), releasability: 'everything', payload,
    }) as CaseEvent;
  }

  /** Open a case or exercise (released to every party of it); the opener's party must be among `parties`. */
  async open(actor: Actor, opening: CaseEventPayload<'caseOpened'>, caseId: string = randomUUID()): Promise<CaseEvent> {
    const draft = decide(null, caseId, { type: 'caseOpened', payload: opening, basedOnVersion: 0 }, actor, this.clock());
    return await this.store.append(draft, opening) as CaseEvent;
  }

  /** Append one event (refused on a stale `basedOnVersion`, wrong party or role, bad payload). */
  async append(actor: Actor, caseId: string, command: CaseCommand): Promise<CaseEvent> {
    const context = await this.context(caseId);
    if (context && isStreamKind(context.kind)) {
      await this.checkRead(actor, caseId);   // 404 to anyone its rule does not let read it
      throw new InvalidInputError('caseId', `'${caseId}' is ${context.kind === 'programme' ? 'the programme: write it with POST /api/programme/events' : "an exercise's control stream: write it with POST /api/exercises/:caseId/control"}`);
    }
    let draft = decide(context, caseId, command, actor, this.clock());
    await this.checkContent(draft, actor);
    if (draft.type === 'planningInputs') draft = await this.withHiddenUnitsKept(draft, actor);
    if ((STATUS_EVENT_TYPES as readonly string[]).includes(draft.type)) {
      const events = await this.store.readEvents(caseId, 0);
      checkStatusChange(draft.type, draft.payload, actor, context!, events, this.coordinator(events, actor.party));
    }
    if (draft.type === 'eventCorrected' || draft.type === 'eventRetracted') draft = await this.withCorrectionChecked(draft, actor, context!);
    await this.checkMessage(draft, context!.parties);
    if (this.agreement) {
      checkUnderAgreement(draft, actor, this.agreement);
      draft = withUnitReleasability(draft, this.agreement);
      if (draft.type === 'planIssued') await this.checkIssuable(caseId, draft.payload as CaseEventPayload<'planIssued'>);
    }
    // a party joining: the case's row names it from this event on, in the same transaction
    const parties = draft.type === 'partyAdded' ? [...context!.parties, (draft.payload as CaseEventPayload<'partyAdded'>).party] : undefined;
    return await this.store.append(draft, undefined, parties) as CaseEvent;
  }

  /** Planning inputs keeping the units of the inputs before that the author's party may not see (view.ts unitsCarriedOver). */
  private async withHiddenUnitsKept(draft: EventDraft, actor: Actor): Promise<EventDraft> {
    const events = await this.store.readEvents(draft.caseId, 0);
    const before = [...events].reverse().find((e) => e.type === 'planningInputs') as CaseEvent | undefined;
    return { ...draft, payload: unitsCarriedOver(draft.payload as CaseEventPayload<'planningInputs'>, before, actor.party, this.agreement?.units ?? []) };
  }

  /**
   * A correction or retraction (corrections.ts): the event it names checked, a replacement read as
   * that event's type (and under the agreement checked as one), released no further than the
   * original or the replacement's unit.
   */
  private async withCorrectionChecked(draft: EventDraft, actor: Actor, context: CaseContext): Promise<EventDraft> {
    const payload = draft.payload as CaseEventPayload<'eventCorrected'> | CaseEventPayload<'eventRetracted'>;
    const original = checkCorrectionTarget(payload, actor, context.kind, await this.store.readEvents(draft.caseId, 0));
    // a correction reaches every party that saw the original: released as the original was, not less
    if (STRICTNESS[draft.releasability as Releasability] > STRICTNESS[original.releasability as Releasability]) {
      throw new InvalidInputError('releasability', `a ${draft.type === 'eventCorrected' ? 'correction' : 'retraction'} is released as the event it names (${original.releasability}), so every party that saw it sees it; not '${draft.releasability}'`);
    }
    let releasability = original.releasability as Releasability;
    if (draft.type === 'eventRetracted') return { ...draft, releasability };
    const replacement = checkReplacement(original.type as CaseEventType, (payload as CaseEventPayload<'eventCorrected'>).replacement);
    if (original.type === 'message') checkMessageCorrection(original, replacement);
    if (this.agreement) {
      const asOriginal: EventDraft = { ...draft, type: original.type, payload: replacement, releasability };
      const { unitId } = replacement as { unitId?: string };
      try {
        checkUnderAgreement(asOriginal, actor, this.agreement);
      } catch (error) {
        // the check names the original's fields: here they are the replacement's
        if (error instanceof InvalidInputError && error.field.startsWith('payload/')) throw new InvalidInputError(`payload/replacement/${error.field.slice(8)}`, error.message.replace(/^payload\/[^:]*: /, ''));
        throw error;
      }
      if (unitId !== undefined) releasability = withUnitReleasability(asOriginal, this.agreement).releasability as Releasability;
    }
    return { ...draft, payload: { ...payload, replacement }, releasability };
  }

  /**
   * The coordinating RCC of the case now (case_status.ts): the RCC whose SRR holds, at this time,
   * the datum of the newest plan issued with its geometry, under the agreement's coordinating-RCC rule.
   * Said to `viewerParty`: a plan it may not see is named by neither its id nor its datum.
   */
  private coordinator(events: readonly StoredEvent[], viewerParty: string): Coordinator {
    if (!this.agreement) return { ok: false, problem: 'no coordinating RCC is known: this server runs without a cooperation agreement (serve --agreement), which names it' };
    const rule = this.agreement.rules.find((r) => r.kind === 'coordinating-rcc');
    if (rule?.kind === 'coordinating-rcc' && rule.closedBy === 'every-party') return { ok: false, problem: `the agreement's rule ${rule.id} has a joint case closed and reopened by every party` };
    const plan = [...events].reverse().find((e) => e.type === 'planIssued' && ((e.payload as CaseEventPayload<'planIssued'>).plan?.datumTrack.length ?? 0) > 0);
    if (!plan) return { ok: false, problem: 'no coordinating RCC is known: no plan with its datum has been issued in the case' };
    const { planId, plan: geometry } = plan.payload as CaseEventPayload<'planIssued'>;
    const seen = this.view(plan as CaseEvent, viewerParty);
    const named = !('withheld' in seen) && !('redacted' in seen);
    const found = coordinatingRccAt(this.agreement, geometry!.datumTrack, this.clock().getTime() / 1000);
    if (!found.ok) return { ok: false, problem: `no coordinating RCC is known: ${named ? `plan '${planId}': ${found.problem}` : `none from the newest plan issued, which is not released to ${viewerParty}`}` };
    return { ok: true, party: found.rcc.party, rccId: found.rcc.id, ruleId: found.ruleId, plan: named ? `plan '${planId}'` : `a plan not released to ${viewerParty}` };
  }

  /**
   * What the payload's schema cannot say: planning inputs read as `sarbridge plan` reads them
   * (object classes, positions, times, units; forcing files the server knows), a search track in
   * time order with the sweep width it was searched with.
   */
  private async checkContent(draft: EventDraft, actor: Actor): Promise<void> {
    if (draft.type === 'planningInputs') {
      const { inputs } = draft.payload as CaseEventPayload<'planningInputs'>;
      await checkPlanningInputs(inputs, leewayObjects(), (sha256) => this.uploadState(sha256, actor));
    } else if (draft.type === 'searchDone') {
      const { track, sweepWidthNm } = draft.payload as CaseEventPayload<'searchDone'>;
      if (!track) return;
      if (sweepWidthNm === undefined) throw new InvalidInputError('payload/sweepWidthNm', 'a track needs the sweep width it was searched with, NM');
      track.forEach((point, k) => {
        if (k > 0 && Date.parse(point.time) < Date.parse(track[k - 1].time)) throw new InvalidInputError(`payload/track/${k}/time`, `${point.time} is before the point before it: times along a track must not go back`);
      });
    }
  }

  /** A message's address, and an acknowledgement only by a party the message went to (message_acks.ts). */
  private async checkMessage(draft: EventDraft, parties: readonly string[]): Promise<void> {
    if (draft.type === 'message') checkMessageAddress(draft, parties);
    if (draft.type !== 'messageAcknowledged') return;
    checkMessageAcknowledgement(draft, await this.store.readEvents(draft.caseId, 0), parties, (e) => this.view(e, draft.party));
  }

  /**
   * Refuse to issue a plan the agreement's rules hold back: every notification its findings require
   * must have been acknowledged in this case's log by a user of the party it goes to (rule checks
   * in core/cooperation; the acknowledgements are `notificationAcknowledged` events).
   */
  private async checkIssuable(caseId: string, payload: CaseEventPayload<'planIssued'>): Promise<void> {
    if (!payload.plan) {
      throw new InvalidInputError('payload/plan', "this server checks every plan against the cooperation agreement's rules: give the plan's datumTrack and unit routes (plan-for-rules.json of `sarbridge plan`)");
    }
    const findings = checkPlan(this.agreement!, payload.plan);
    const acknowledged = (await this.store.readEvents(caseId, 0)).filter((e) => e.type === 'notificationAcknowledged');
    const acknowledgements: Acknowledgement[] = [];
    for (const n of requiredNotifications(findings)) {
      const ack = acknowledged.find((e) => (e.payload as { notificationId?: string }).notificationId === n.id && e.party === n.toParty);
      if (ack) acknowledgements.push({ notificationId: n.id, byRccId: n.toRccId, timeS: Date.parse(ack.recordedAt) / 1000 });
    }
    const issue = checkIssuable(findings, acknowledgements);
    if (issue.issuable) return;
    const problems = findings.filter((f) => f.kind === 'plan-problem').map((f) => describeFinding(f, this.agreement!, readerFor()));
    // the same words as the CLI's (core/cooperation): OVERDUE when a notification fell due before the incident or the planning time
    const missing = issue.states.filter((s) => s.state === 'missing').map((s) => describeNotificationState(s, 'UTC'));
    const overdue = issue.overdue.length ? [`${issue.overdue.length} of them OVERDUE (due before the incident began or the plan was made): notify at once`] : [];
    throw new PlanNotIssuableError(payload.planId, issue.missing.map((n) => n.id),
      `plan '${payload.planId}' may not be issued yet under the agreement's rules: ` +
      [...(missing.length ? [`${missing.length} notification(s) lack an acknowledgement from the party they go to: ${missing.join('; ')}`, ...overdue] : []), ...problems].join('; '));
  }

  /** The case's facts a decision needs, or null. */
  async context(caseId: string): Promise<CaseContext | null> {
    const row = await this.store.getCase(caseId);
    if (!row) return null;
    const last = row.version > 0 ? (await this.store.readEvents(caseId, row.version - 1, 1))[0] : undefined;
    return { caseId, kind: row.kind, parties: row.parties, version: row.version, closed: closedAfter(last) };
  }

  /** Refuse a reader of another party or without a reading role; returns the case's row. */
  async checkRead(actor: Actor, caseId: string): Promise<CaseRow> {
    const row = await this.store.getCase(caseId);
    if (!row) throw new CaseNotFoundError(caseId);
    if (isStreamKind(row.kind)) {
      if (row.parties.includes(actor.party) && await this.streamReader(actor, row)) return row;
      throw new CaseNotFoundError(caseId);
    }
    checkMayRead({ caseId, kind: row.kind, parties: row.parties, version: row.version, closed: false }, actor);
    return row;
  }

  /**
   * Events after `afterVersion`, as the actor's party may see them, marked by the corrections and
   * retractions it may see. A page (`limit`) reads its own events (keyset on the version) and the
   * marks that name them (an index, migration 7), never the rest of the log.
   */
  async events(actor: Actor, caseId: string, afterVersion = 0, limit?: number): Promise<ViewedEvent[]> {
    await this.checkRead(actor, caseId);
    const viewed = (events: readonly StoredEvent[]) => events.map((e) => this.view(e as CaseEvent, actor.party));
    if (limit === undefined) return withCorrectionMarks(viewed(await this.store.readEvents(caseId, afterVersion)));
    const page = viewed(await this.store.readEvents(caseId, afterVersion, limit));
    if (page.length === 0) return page;
    return withCorrectionMarks(page, viewed(await this.store.readMarksOf(caseId, page[0].version, page.at(-1)!.version)));
  }

  /** What a party may see of one event: its releasability, and under the agreement each unit's it names. */
  view(event: CaseEvent, party: string): ViewedEvent {
    // an event of a type no case holds is a stream's (exercise control's: its named controllers,
    // and no one else, read it whole, whichever party they belong to)
    if (!Object.hasOwn(EVENT_PAYLOADS, event.type)) return event;
    return viewEvent(event, party, this.agreement?.units ?? []);
  }

  /** The picture the actor's party may see, rebuilt from the events. */
  async state(actor: Actor, caseId: string): Promise<CaseState> {
    const row = await this.checkRead(actor, caseId);
    if (isStreamKind(row.kind)) throw new InvalidInputError('caseId', `'${caseId}' is an exercise's control stream: its picture is GET /api/exercises/:caseId/control`);
    return foldCase(await this.events(actor, caseId), this.agreement ? { recipientPartyOf: recipientPartyOf(this.agreement) } : {})!;
  }

  /** Cases the actor's party takes part in and the actor's roles may read. */
  async list(actor: Actor): Promise<CaseRow[]> {
    return (await this.store.listCases()).filter((c) => {
      if (isStreamKind(c.kind)) return false;
      try { checkMayRead({ caseId: c.caseId, kind: c.kind, parties: c.parties, version: c.version, closed: false }, actor); return true; } catch { return false; }
    });
  }
}
