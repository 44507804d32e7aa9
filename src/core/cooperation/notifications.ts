/**
 * Notifications and their acknowledgements: a plan may be issued only when every notification its
 * findings require has been acknowledged by the RCC it goes to.
 */
import { findingNotifications, type Finding, type RequiredNotification } from './finding.js';

/** An acknowledgement of a notification by the RCC it went to. */
export interface Acknowledgement {
  readonly notificationId: string;
  readonly byRccId: string;
  /** When it was acknowledged, seconds since epoch. */
  readonly timeS: number;
}

/** Whether a plan may be issued, and what stands in the way. */
export interface IssueCheck {
  readonly issuable: boolean;
  readonly required: readonly RequiredNotification[];
  /** Notifications with no acknowledgement from their RCC: these block issue. */
  readonly missing: readonly RequiredNotification[];
  /** Acknowledged, but after the rule's lead time (the plan may be issued; record the lateness). */
  readonly late: readonly RequiredNotification[];
}

/** Every notification the findings require (duplicates by id removed). */
export function requiredNotifications(findings: readonly Finding[]): RequiredNotification[] {
  const byId = new Map<string, RequiredNotification>();
  for (const f of findings) for (const n of findingNotifications(f)) if (!byId.has(n.id)) byId.set(n.id, n);
  return [...byId.values()];
}

/** A plan is issuable only when every required notification has an acknowledgement from its RCC. */
export function checkIssuable(findings: readonly Finding[], acknowledgements: readonly Acknowledgement[]): IssueCheck {
  const required = requiredNotifications(findings);
  const ackOf = (n: RequiredNotification) => acknowledgements.find((a) => a.notificationId === n.id && a.byRccId === n.toRccId);
  const missing = required.filter((n) => !ackOf(n));
  const late = required.filter((n) => { const a = ackOf(n); return a !== undefined && a.timeS > n.notifyByS; });
  const blocked = findings.some((f) => f.kind === 'plan-problem');
  return { issuable: missing.length === 0 && !blocked, required, missing, late };
}
