/**
 * Notifications and their acknowledgements: a plan may be issued only when every notification its
 * findings require has been acknowledged by the RCC it goes to.
 */
import { describeDue, findingNotifications, type Finding, type RequiredNotification } from './finding.js';
import { formatTimeInZone } from './record_history.js';

/** An acknowledgement of a notification by the RCC it went to. */
export interface Acknowledgement {
  readonly notificationId: string;
  readonly byRccId: string;
  /** When it was acknowledged, seconds since epoch. */
  readonly timeS: number;
}

/** Where one required notification stands. */
export interface NotificationState {
  readonly notification: RequiredNotification;
  /** `missing`: no acknowledgement from its RCC; `late`: acknowledged after it was due. */
  readonly state: 'missing' | 'acknowledged' | 'late';
  /** When it was acknowledged, seconds since epoch. */
  readonly acknowledgedS?: number;
  /** How long after notifyByS it was acknowledged, seconds (late ones). */
  readonly lateByS?: number;
}

/** Whether a plan may be issued, and what stands in the way. */
export interface IssueCheck {
  readonly issuable: boolean;
  readonly required: readonly RequiredNotification[];
  /** Notifications with no acknowledgement from their RCC: these block issue. */
  readonly missing: readonly RequiredNotification[];
  /** Acknowledged, but after the rule's lead time (the plan may be issued; record the lateness). */
  readonly late: readonly RequiredNotification[];
  /** Due before the incident began or before the plan was made: to go at once, and late whenever acknowledged. */
  readonly overdue: readonly RequiredNotification[];
  /** Each required notification's state, in the order of `required`. */
  readonly states: readonly NotificationState[];
}

/** Every notification the findings require (duplicates by id removed). */
export function requiredNotifications(findings: readonly Finding[]): RequiredNotification[] {
  const byId = new Map<string, RequiredNotification>();
  for (const f of findings) for (const n of findingNotifications(f)) if (!byId.has(n.id)) byId.set(n.id, n);
  return [...byId.values()];
}

/**
 * A plan is issuable only when every required notification has an acknowledgement from its RCC.
 * An acknowledgement recorded after the notification's due time is recorded as late, with by how much.
 */
export function checkIssuable(findings: readonly Finding[], acknowledgements: readonly Acknowledgement[]): IssueCheck {
  const required = requiredNotifications(findings);
  const ackOf = (n: RequiredNotification) => acknowledgements.find((a) => a.notificationId === n.id && a.byRccId === n.toRccId);
  const states: NotificationState[] = required.map((n) => {
    const a = ackOf(n);
    if (!a) return { notification: n, state: 'missing' };
    return a.timeS > n.notifyByS
      ? { notification: n, state: 'late', acknowledgedS: a.timeS, lateByS: a.timeS - n.notifyByS }
      : { notification: n, state: 'acknowledged', acknowledgedS: a.timeS };
  });
  const missing = states.filter((s) => s.state === 'missing').map((s) => s.notification);
  const late = states.filter((s) => s.state === 'late').map((s) => s.notification);
  const overdue = required.filter((n) => n.overdue !== undefined);
  const blocked = findings.some((f) => f.kind === 'plan-problem');
  return { issuable: missing.length === 0 && !blocked, required, missing, late, overdue, states };
}

/**
 * One notification's state in one line, the same in the CLI, the server and the browser:
 * `notification <id>: NOT acknowledged; due ...` with OVERDUE when it is, or when it was acknowledged and whether late.
 */
export function describeNotificationState(s: NotificationState, timeZone: string): string {
  const n = s.notification;
  const head = `notification ${n.id} (to ${n.toParty})`;
  switch (s.state) {
    case 'missing':
      return `${head}: NOT acknowledged; notify ${describeDue(n, timeZone)}`;
    case 'late':
      return `${head}: acknowledged LATE at ${formatTimeInZone(s.acknowledgedS!, timeZone)}, ${(s.lateByS! / 3600).toFixed(1)} h after it was due by ${formatTimeInZone(n.notifyByS, timeZone)}${n.overdue ? ' (OVERDUE when the plan was made)' : ''}`;
    case 'acknowledged':
      return `${head}: acknowledged at ${formatTimeInZone(s.acknowledgedS!, timeZone)}`;
  }
}
