/**
 * What the rules found on a plan or a case. Each finding carries the id of the rule that raised
 * it and the notifications it requires; `describeFinding` words it for one reader (its names, its
 * time zone, and only what releasability lets it see of other parties' units).
 */
import { formatPosition } from '../geo/position_text.js';
import { METRES_PER_NM } from '../geo/units.js';
import { allRccs, findParty, type CooperationConfig } from './cooperation_config.js';
import { nameForReader, partyName, placeName } from './place_names.js';
import type { PartyId } from './party.js';
import type { Reader } from './reader.js';
import { formatTimeInZone } from './record_history.js';
import { releasabilityFor } from './releasability.js';
import type { TimedPosition } from './srr.js';

/** A notification a finding requires before the plan may be issued. */
export interface RequiredNotification {
  /** Stable id: `<ruleId>/<unitId>/<subject>/<toRccId>`. */
  readonly id: string;
  readonly ruleId: string;
  readonly unitId: string;
  readonly toRccId: string;
  readonly toParty: PartyId;
  /** When the unit enters the area that requires the notification, seconds since epoch. */
  readonly eventS: number;
  /** Latest time to notify: eventS minus the rule's lead time. */
  readonly notifyByS: number;
  readonly leadTimeH: number;
  /**
   * Set when notifyByS lies before the incident began or before the plan was made: the lead time
   * can no longer be kept, the notification is to go at once, and its acknowledgement will be late.
   */
  readonly overdue?: NotificationOverdue;
}

/** Why a notification is overdue: it fell due before this time of the plan. */
export interface NotificationOverdue {
  readonly before: 'incident' | 'planning';
  /** The incident's or the planning time, seconds since epoch. */
  readonly timeS: number;
}

/** The overdue mark of a notification due by `notifyByS` in a plan with these times (incident first). */
export function overdueOf(notifyByS: number, times: { readonly incidentTimeS?: number; readonly planningTimeS?: number }): NotificationOverdue | undefined {
  if (times.incidentTimeS !== undefined && notifyByS < times.incidentTimeS) return { before: 'incident', timeS: times.incidentTimeS };
  if (times.planningTimeS !== undefined && notifyByS < times.planningTimeS) return { before: 'planning', timeS: times.planningTimeS };
  return undefined;
}

/** The notification's due time for a reader, with OVERDUE and why when it is (the same words in the CLI, the server and the browser). */
export function describeDue(n: RequiredNotification, timeZone: string): string {
  const by = `by ${formatTimeInZone(n.notifyByS, timeZone)} (${n.leadTimeH} h before)`;
  if (!n.overdue) return by;
  const what = n.overdue.before === 'incident' ? 'the incident began' : 'the plan was made';
  return `at once: OVERDUE, it was due ${by}, before ${what} at ${formatTimeInZone(n.overdue.timeS, timeZone)}; its acknowledgement will be recorded as late`;
}

/** A finding of the rules. */
export type Finding =
  | { readonly kind: 'coordinating-rcc'; readonly ruleId: string; readonly rccId: string; readonly at: TimedPosition }
  | { readonly kind: 'datum-outside-srr'; readonly ruleId: string; readonly at: TimedPosition }
  | { readonly kind: 'hand-over'; readonly ruleId: string; readonly fromRccId?: string; readonly toRccId?: string; readonly at: TimedPosition }
  | { readonly kind: 'srr-entry'; readonly ruleId: string; readonly unitId: string; readonly unitParty: PartyId; readonly rccId: string; readonly at: TimedPosition; readonly notifications: readonly RequiredNotification[] }
  | {
    readonly kind: 'near-contested-feature'; readonly ruleId: string; readonly unitId: string; readonly unitParty: PartyId; readonly placeId: string;
    readonly radiusNm: number; readonly closestNm: number; readonly closestAt: TimedPosition; readonly firstWithinAt: TimedPosition;
    readonly notifications: readonly RequiredNotification[];
  }
  | { readonly kind: 'plan-problem'; readonly ruleId: 'plan'; readonly field: string; readonly problem: string };

/** The notifications a finding requires (none for most kinds). */
export function findingNotifications(finding: Finding): readonly RequiredNotification[] {
  return finding.kind === 'srr-entry' || finding.kind === 'near-contested-feature' ? finding.notifications : [];
}

/** How a reader names a unit: its name when releasable to the reader, else `a unit of <party>`. */
export function unitLabel(config: CooperationConfig, unitId: string, unitParty: PartyId, reader: Reader): string {
  const unit = config.units.find((u) => u.id === unitId);
  const visible = unit && (reader.kind === 'party' ? releasabilityFor(unit, reader.party) === 'everything' : unit.releasability === 'everything');
  return visible ? `${unit.name} (${partyName(config, unitParty)})` : `a unit of ${partyName(config, unitParty)}`;
}

function rccLabel(config: CooperationConfig, rccId: string | undefined): string {
  if (rccId === undefined) return 'no RCC (outside every SRR)';
  const rcc = allRccs(config).find((r) => r.id === rccId);
  return rcc ? `${rcc.name} (${partyName(config, rcc.party)})` : rccId;
}

/** The time zone a reader reads times in: its party's zone, or UTC for shared products. */
export function readerTimeZone(config: CooperationConfig, reader: Reader): string {
  return reader.kind === 'party' ? findParty(config, reader.party)?.timeZone ?? 'UTC' : 'UTC';
}

/** A finding in one line for the reader, opening with the rule that raised it. */
export function describeFinding(finding: Finding, config: CooperationConfig, reader: Reader, timeZone = readerTimeZone(config, reader)): string {
  const when = (t: TimedPosition) => formatTimeInZone(t.timeS, timeZone);
  const where = (t: TimedPosition) => formatPosition(t);
  const notes = (ns: readonly RequiredNotification[]) => ns.length === 0 ? '' :
    ' ' + ns.map((n) => `Notify ${rccLabel(config, n.toRccId)} ${describeDue(n, timeZone)}; acknowledgement required before the plan is issued.`).join(' ');
  const head = `[rule ${finding.ruleId}]`;
  switch (finding.kind) {
    case 'coordinating-rcc':
      return `${head} coordinating RCC: ${rccLabel(config, finding.rccId)}; the datum at ${when(finding.at)} (${where(finding.at)}) lies in its SRR.`;
    case 'datum-outside-srr':
      return `${head} the datum at ${when(finding.at)} (${where(finding.at)}) lies outside every SRR in the config: no coordinating RCC.`;
    case 'hand-over':
      return `${head} hand-over from ${rccLabel(config, finding.fromRccId)} to ${rccLabel(config, finding.toRccId)}: the datum crosses the SRR boundary at ${when(finding.at)} (${where(finding.at)}).`;
    case 'srr-entry':
      return `${head} ${unitLabel(config, finding.unitId, finding.unitParty, reader)} enters the SRR of ${rccLabel(config, finding.rccId)} at ${when(finding.at)} (${where(finding.at)}).${notes(finding.notifications)}`;
    case 'near-contested-feature': {
      const place = config.places.find((p) => p.id === finding.placeId);
      const name = place ? placeName(place, reader, config.sharedNaming, config.parties.map((p) => p.id)) : finding.placeId;
      return `${head} ${unitLabel(config, finding.unitId, finding.unitParty, reader)} passes ${finding.closestNm.toFixed(1)} NM from ${name} at ${when(finding.closestAt)}, within ${finding.radiusNm} NM from ${when(finding.firstWithinAt)}.${notes(finding.notifications)}`;
    }
    case 'plan-problem':
      return `${head} ${finding.field}: ${nameForReader(finding.problem, config, reader)}`;
  }
}

/** Nautical miles from metres (for finding figures). */
export const findingNm = (m: number): number => m / METRES_PER_NM;
