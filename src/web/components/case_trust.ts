/**
 * What the page reads from the log about trust in it (issue 11): whether the case is open, who
 * has agreed to close or reopen it, who may close it now, and which reports, sightings, unit
 * positions and messages were corrected or retracted, by whom and why. Pure functions over the
 * events this reader sees, mirroring the server's rules (app/case_log/case_status.ts and
 * corrections.ts) so a button is offered only to whoever the server will let through; the server
 * still decides, and its refusal is shown in its own words.
 */
import { coordinatingRccAt, type CooperationConfig } from '../../core/cooperation/index.js';
import { parseTime } from '../../core/time/index.js';
import { partiesAgreed } from '../../app/case_log/case_status.js';
import type { CaseEventType } from '../../app/case_log/events.js';
import type { ViewedEvent } from '../api/types.js';
import { EMPTY_POSITION_FIELDS, fieldsFromDegrees, readPositionFields, type PositionField, type PositionFields, type PositionProblem } from './position_fields.js';

/** Event types a correction or retraction may name (app/case_log/corrections.ts CORRECTABLE_TYPES). */
export const CORRECTABLE: readonly string[] = ['report', 'sighting', 'unitPosition', 'message'];

/** Who corrected or retracted an event, when and why (author and reason absent when released as position only). */
export interface FixMark {
  readonly version: number;
  readonly party?: string;
  readonly author?: string;
  readonly recordedAt?: string;
  readonly reason?: string;
}

/** What became of one event: its newest replacement and every correction (oldest first), or its retraction. */
export interface EventFix {
  readonly replacement?: Record<string, unknown>;
  readonly corrections: readonly FixMark[];
  readonly retracted?: FixMark;
}

/** The corrections and retractions in the log, by the version of the event each names. */
export function fixesOf(events: readonly ViewedEvent[]): ReadonlyMap<number, EventFix> {
  const fixes = new Map<number, { replacement?: Record<string, unknown>; corrections: FixMark[]; retracted?: FixMark }>();
  for (const e of events) {
    if (e.withheld || (e.type !== 'eventCorrected' && e.type !== 'eventRetracted')) continue;
    const p = e.payload ?? {};
    if (typeof p.eventVersion !== 'number') continue;
    const fix = fixes.get(p.eventVersion) ?? { corrections: [] };
    const mark: FixMark = { version: e.version, party: e.party, author: e.author, recordedAt: e.recordedAt, ...(typeof p.reason === 'string' ? { reason: p.reason } : {}) };
    if (e.type === 'eventRetracted') fix.retracted = mark;
    else {
      fix.corrections.push(mark);
      if (p.replacement && typeof p.replacement === 'object') fix.replacement = p.replacement as Record<string, unknown>;
    }
    fixes.set(p.eventVersion, fix);
  }
  return fixes;
}

/** The payload an event counts with now: its newest replacement, else what was written. */
export function currentPayload(event: ViewedEvent, fixes: ReadonlyMap<number, EventFix>): Record<string, unknown> {
  return fixes.get(event.version)?.replacement ?? event.payload ?? {};
}

/**
 * May this reader correct or retract the event? Only its own party's reports, sightings, unit
 * positions and messages, not retracted, in an open case, by a role that writes that type
 * (app/case_log/permissions.ts: reports and messages smc, osc, liaison officer; sightings and unit positions smc, osc).
 */
export function mayFix(event: ViewedEvent, user: { party: string; roles: readonly string[] }, fixes: ReadonlyMap<number, EventFix>, caseClosed: boolean): boolean {
  if (caseClosed || event.withheld || event.redacted || !event.type || !CORRECTABLE.includes(event.type)) return false;
  if (event.party !== user.party || fixes.get(event.version)?.retracted) return false;
  const writers = event.type === 'report' || event.type === 'message' ? ['smc', 'osc', 'liaison-officer'] : ['smc', 'osc'];
  return user.roles.some((r) => writers.includes(r) || r === 'exercise-control');
}

/** The case's status as the log says: open or closed, and the parties that agreed to change it since it last changed. */
export interface CaseStatusView {
  readonly kind: 'case' | 'exercise' | string;
  readonly parties: readonly string[];
  readonly status: 'open' | 'closed';
  /** The change a next close or reopen would make. */
  readonly to: 'closed' | 'open';
  /** Parties that agreed to `to` since the status last changed. */
  readonly agreed: readonly string[];
  /** The last closing or reopening, with who and why (undefined: never closed). */
  readonly lastChange?: FixMark & { readonly status: 'open' | 'closed' };
}

/** Read the status from the events (app/case_log/case_status.ts closedAfter and partiesAgreed; state.ts). */
export function caseStatus(events: readonly ViewedEvent[]): CaseStatusView {
  let kind = 'case';
  let parties: string[] = [];
  let status: 'open' | 'closed' = 'open';
  let lastChange: CaseStatusView['lastChange'];
  const seen: (ViewedEvent & { type: CaseEventType; party: string })[] = [];
  for (const e of events) {
    if (e.withheld || e.type === undefined) continue;
    if (e.party !== undefined) seen.push(e as ViewedEvent & { type: CaseEventType; party: string });
    const p = e.payload ?? {};
    if (e.type === 'caseOpened') {
      kind = String(p.kind ?? 'case');
      parties = Array.isArray(p.parties) ? (p.parties as string[]).slice() : [];
    } else if (e.type === 'partyAdded' && typeof p.party === 'string' && !parties.includes(p.party)) {
      parties.push(p.party);
    } else if (e.type === 'caseClosed' || e.type === 'caseReopened') {
      status = e.type === 'caseClosed' ? 'closed' : 'open';
      lastChange = { version: e.version, party: e.party, author: e.author, recordedAt: e.recordedAt, reason: typeof p.reason === 'string' ? p.reason : undefined, status };
    }
  }
  const to = status === 'open' ? 'closed' : 'open';
  // who agreed since the status last changed: the server's own rule (app/case_log/case_status.ts)
  const agreed = [...partiesAgreed(seen.map((e) => ({ ...e, payload: e.payload ?? {} })), to)];
  return { kind, parties, status, to, agreed, ...(lastChange ? { lastChange } : {}) };
}

/** The coordinating RCC of the case now, or why none is known (app/case_log/case_log.ts coordinator). */
export type CoordinatorView =
  | { readonly ok: true; readonly party: string; readonly rccId: string; readonly ruleId: string; readonly planId: string }
  | { readonly ok: false; readonly why: 'no-agreement' | 'every-party' | 'no-plan' | 'no-srr'; readonly ruleId?: string; readonly planId?: string };

/**
 * The RCC whose SRR holds, at `nowS`, the datum of the newest plan issued with its geometry,
 * under the agreement's coordinating-RCC rule (IAMSAR Vol. I ch. 3: that RCC's SMC concludes the
 * case); none without an agreement, when its rule has every party close, or with no such plan.
 */
export function coordinatorOf(events: readonly ViewedEvent[], agreement: CooperationConfig | null, nowS: number): CoordinatorView {
  if (!agreement) return { ok: false, why: 'no-agreement' };
  const rule = agreement.rules.find((r) => r.kind === 'coordinating-rcc');
  if (rule?.kind === 'coordinating-rcc' && rule.closedBy === 'every-party') return { ok: false, why: 'every-party', ruleId: rule.id };
  const plan = [...events].reverse().find((e) => e.type === 'planIssued' && ((e.payload?.plan as { datumTrack?: unknown[] } | undefined)?.datumTrack?.length ?? 0) > 0);
  if (!plan) return { ok: false, why: 'no-plan' };
  const planId = String(plan.payload!.planId);
  const found = coordinatingRccAt(agreement, (plan.payload!.plan as { datumTrack: { timeS: number; lonDeg: number; latDeg: number }[] }).datumTrack, nowS);
  if (!found.ok) return { ok: false, why: 'no-srr', planId };
  return { ok: true, party: found.rcc.party, rccId: found.rcc.id, ruleId: found.ruleId, planId };
}

/**
 * What this reader may do to change the status (app/case_log/case_status.ts checkStatusChange):
 * - `alone`: close or reopen now (a case of one party, the coordinating RCC's party, exercise control);
 * - `agreed`: close or reopen now, every other party having agreed;
 * - `needs`: not yet, `missing` must agree first (`agree` says whether this reader may add its own agreement);
 * - `not-smc`: only an SMC closes, reopens or agrees.
 */
export type StatusRight =
  | { readonly kind: 'alone' | 'agreed'; readonly agree: boolean }
  | { readonly kind: 'needs'; readonly missing: readonly string[]; readonly agree: boolean }
  | { readonly kind: 'not-smc' };

export function statusRight(s: CaseStatusView, coordinator: CoordinatorView, user: { party: string; roles: readonly string[] }): StatusRight {
  const control = s.kind === 'exercise' && user.roles.includes('exercise-control');
  if (!user.roles.includes('smc') && !control) return { kind: 'not-smc' };
  const agree = user.roles.includes('smc') && s.parties.length > 1 && !s.agreed.includes(user.party);
  if (s.parties.length <= 1 || control || (coordinator.ok && coordinator.party === user.party)) return { kind: 'alone', agree };
  const missing = s.parties.filter((p) => p !== user.party && !s.agreed.includes(p));
  return missing.length === 0 ? { kind: 'agreed', agree } : { kind: 'needs', missing, agree };
}

/** Parties of the agreement not yet in the case, that its SMC may add (a real case only; app/case_log/commands.ts). */
export function addableParties(s: CaseStatusView, agreement: CooperationConfig | null, user: { party: string; roles: readonly string[] }): readonly string[] {
  if (!agreement || s.kind !== 'case' || s.status !== 'open' || !user.roles.includes('smc') || !s.parties.includes(user.party)) return [];
  return agreement.parties.map((p) => p.id).filter((p) => !s.parties.includes(p));
}

/** The correction form as typed: the fields of the four correctable types (time in UTC, 'YYYY-MM-DD HH:MM'). */
export interface FixForm {
  readonly text: string;
  readonly fields: PositionFields;
  readonly time: string;
  readonly courseDeg: string;
  readonly speedKn: string;
}

/** The form prefilled with what an event says now (its newest replacement, else the original). */
export function fixFormFrom(payload: Record<string, unknown>): FixForm {
  const pos = payload.position as { lonDeg: number; latDeg: number } | undefined;
  const timeMs = typeof payload.time === 'string' ? Date.parse(payload.time) : NaN;
  return {
    text: typeof payload.text === 'string' ? payload.text : '',
    fields: pos ? fieldsFromDegrees(pos.latDeg, pos.lonDeg) : EMPTY_POSITION_FIELDS,
    time: Number.isFinite(timeMs) ? new Date(timeMs).toISOString().slice(0, 16).replace('T', ' ') : '',
    courseDeg: typeof payload.courseDeg === 'number' ? String(payload.courseDeg) : '',
    speedKn: typeof payload.speedKn === 'number' ? String(payload.speedKn) : '',
  };
}

/** Why a correction form cannot be sent: the problem's kind and the field (or what was typed). */
export type FixProblem = {
  readonly problem: 'needText' | 'needPosition' | 'badTime' | 'badNumber' | 'badPosition';
  readonly detail?: string;
  /** badPosition: the field and what is wrong with it, said in the reader's language by positionProblemText. */
  readonly position?: { readonly field: PositionField; readonly problem: PositionProblem };
};

/**
 * The replacement payload a correction sends: the whole payload the event should have had
 * (app/case_log/events.ts eventCorrected), built from what it says now with the form's fields over
 * it; fields the form does not show (a report's object class, a unit's id) are kept.
 */
export function replacementFrom(type: string, current: Record<string, unknown>, form: FixForm): { readonly replacement: Record<string, unknown> } | FixProblem {
  const out: Record<string, unknown> = { ...current };
  if (type !== 'unitPosition') {
    if (!form.text.trim()) return { problem: 'needText' };
    out.text = form.text.trim();
  }
  if (type === 'message') return { replacement: { text: out.text } };
  const reading = readPositionFields(form.fields);
  if (reading.kind === 'problem') return { problem: 'badPosition', position: { field: reading.field, problem: reading.problem } };
  if (reading.kind === 'position') out.position = { lonDeg: reading.lonDeg, latDeg: reading.latDeg };
  else if (type === 'report') delete out.position;
  else return { problem: 'needPosition' };
  if (form.time.trim()) {
    try {
      const s = parseTime(`${form.time.trim().replace(' ', 'T')}Z`, 'time');
      out.time = new Date(s * 1000).toISOString().replace(/:00\.000Z$/, 'Z').replace(/\.000Z$/, 'Z');
    } catch {
      return { problem: 'badTime', detail: form.time };
    }
  } else delete out.time;
  if (type === 'unitPosition') {
    for (const [name, text, max] of [['courseDeg', form.courseDeg, 360], ['speedKn', form.speedKn, 100]] as const) {
      if (!text.trim()) { delete out[name]; continue; }
      const v = Number(text.trim().replace(',', '.'));
      if (!Number.isFinite(v) || v < 0 || v > max) return { problem: 'badNumber', detail: `${name}: ${text}` };
      out[name] = v;
    }
  }
  return { replacement: out };
}
