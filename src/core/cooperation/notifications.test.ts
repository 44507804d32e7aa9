import { describe, expect, test } from 'vitest';
import { checkPlan } from './check_plan.js';
import { testConfig } from './fixture_for_tests.js';
import { describeFinding } from './finding.js';
import { checkIssuable, describeNotificationState, requiredNotifications } from './notifications.js';

const config = testConfig();
// An A ship crossing into B's SRR at t = 3600 s (132E half way along a 2 h leg).
const findings = checkPlan(config, { datumTrack: [], units: [{ unitId: 'a-ship', party: 'A', waypoints: [
  { lonDeg: 131.5, latDeg: 36, timeS: 0 }, { lonDeg: 132.5, latDeg: 36, timeS: 7200 }] }] });

describe('requiredNotifications', () => {
  test('lists each notification once, with a stable id', () => {
    expect(requiredNotifications(findings).map((n) => n.id)).toEqual(['R2/a-ship/srr:rcc-b/rcc-b']);
  });
});

describe('checkIssuable', () => {
  const id = 'R2/a-ship/srr:rcc-b/rcc-b';
  test('not issuable without an acknowledgement', () => {
    const check = checkIssuable(findings, []);
    expect(check.issuable).toBe(false);
    expect(check.missing.map((n) => n.id)).toEqual([id]);
  });

  test('an acknowledgement from another RCC does not count', () => {
    expect(checkIssuable(findings, [{ notificationId: id, byRccId: 'rcc-a', timeS: -7200 }]).issuable).toBe(false);
  });

  test('issuable once the notified RCC acknowledges; lateness is recorded', () => {
    const onTime = checkIssuable(findings, [{ notificationId: id, byRccId: 'rcc-b', timeS: -7200 }]);
    expect(onTime).toMatchObject({ issuable: true, missing: [], late: [] });
    const late = checkIssuable(findings, [{ notificationId: id, byRccId: 'rcc-b', timeS: 0 }]);   // notify-by was -3600
    expect(late.issuable).toBe(true);
    expect(late.late.map((n) => n.id)).toEqual([id]);
  });

  test('a plan without notifications is issuable; a plan problem blocks it', () => {
    expect(checkIssuable([], []).issuable).toBe(true);
    expect(checkIssuable([{ kind: 'plan-problem', ruleId: 'plan', field: 'units/0', problem: 'x' }], []).issuable).toBe(false);
  });
});

describe('overdue notifications', () => {
  // R2 has a 2 h lead time: the entry at t = 3600 s is to be notified by t = -3600 s
  const route = [{ lonDeg: 131.5, latDeg: 36, timeS: 0 }, { lonDeg: 132.5, latDeg: 36, timeS: 7200 }];
  const planAt = (times: { incidentTimeS?: number; planningTimeS?: number }) =>
    checkPlan(config, { datumTrack: [], units: [{ unitId: 'a-ship', party: 'A', waypoints: route }], ...times });
  const notice = (f: ReturnType<typeof planAt>) => requiredNotifications(f)[0];

  test('due before the incident began, or before the planning time, the finding marks it overdue', () => {
    expect(notice(planAt({})).overdue).toBeUndefined();
    expect(notice(planAt({ incidentTimeS: -7200, planningTimeS: -4000 })).overdue).toBeUndefined();   // due at -3600, after both
    expect(notice(planAt({ incidentTimeS: 600, planningTimeS: 1200 })).overdue).toEqual({ before: 'incident', timeS: 600 });
    expect(notice(planAt({ incidentTimeS: -7200, planningTimeS: 1200 })).overdue).toEqual({ before: 'planning', timeS: 1200 });
    const check = checkIssuable(planAt({ planningTimeS: 1200 }), []);
    expect(check.overdue.map((n) => n.id)).toEqual(['R2/a-ship/srr:rcc-b/rcc-b']);
  });

  test('the CLI, the server and the browser word it the same: OVERDUE, due when, before what', () => {
    const findings = planAt({ incidentTimeS: 600 });
    const line = describeFinding(findings.find((f) => f.kind === 'srr-entry')!, config, { kind: 'shared' }, 'UTC');
    expect(line).toMatch(/Notify .* at once: OVERDUE, it was due by 1969-12-31 23:00 UTC \(2 h before\), before the incident began at 1970-01-01 00:10 UTC; its acknowledgement will be recorded as late/);
    const state = checkIssuable(findings, []).states[0];
    expect(describeNotificationState(state, 'UTC')).toMatch(/NOT acknowledged; notify at once: OVERDUE/);
  });

  test('an acknowledgement recorded after the due time is recorded as late, with by how much', () => {
    const findings = planAt({ incidentTimeS: 600 });
    const check = checkIssuable(findings, [{ notificationId: 'R2/a-ship/srr:rcc-b/rcc-b', byRccId: 'rcc-b', timeS: 5400 }]);
    expect(check.issuable).toBe(true);
    expect(check.states[0]).toMatchObject({ state: 'late', acknowledgedS: 5400, lateByS: 9000 });
    expect(describeNotificationState(check.states[0], 'UTC')).toBe(
      'notification R2/a-ship/srr:rcc-b/rcc-b (to B): acknowledged LATE at 1970-01-01 01:30 UTC, 2.5 h after it was due by 1969-12-31 23:00 UTC (OVERDUE when the plan was made)');
  });
});
