import { describe, expect, test } from 'vitest';
import { checkPlan } from './check_plan.js';
import { testConfig } from './fixture_for_tests.js';
import { checkIssuable, requiredNotifications } from './notifications.js';

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
