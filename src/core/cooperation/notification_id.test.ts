import { describe, expect, test } from 'vitest';
import { checkPlan } from './check_plan.js';
import { testConfig } from './fixture_for_tests.js';
import { requiredNotifications } from './notifications.js';
import { resolveNotificationId } from './notification_id.js';

const config = testConfig();
const problemOf = (id: string) => { const r = resolveNotificationId(config, id); return r.ok ? null : r.problem; };

describe('resolveNotificationId', () => {
  test('every id checkPlan raises resolves, to the RCC it goes to', () => {
    // an A ship from west of the rocks into B's SRR: R2 (SRR entry, to rcc-b) and R3 (the rocks, to rcc-b)
    const found = checkPlan(config, { datumTrack: [], units: [{ unitId: 'a-ship', party: 'A', waypoints: [
      { lonDeg: 131.8, latDeg: 37.24, timeS: 0 }, { lonDeg: 132.4, latDeg: 37.24, timeS: 3 * 3600 }] }] });
    const required = requiredNotifications(found);
    expect(required.map((n) => n.id).sort()).toEqual(['R2/a-ship/srr:rcc-b/rcc-b', 'R3/a-ship/place:rocks/rcc-b']);
    for (const n of required) {
      const r = resolveNotificationId(config, n.id);
      expect(r.ok && r.notification.toRcc.party).toBe(n.toParty);
    }
  });

  test('ids no rule can raise are refused, saying which part is wrong', () => {
    expect(problemOf('R3/a-ship/place:rocks')).toMatch(/is not a notification id/);
    expect(problemOf('R9/a-ship/place:rocks/rcc-b')).toMatch(/no rule 'R9'.*R2, R3/);
    expect(problemOf('R1/a-ship/place:rocks/rcc-b')).toMatch(/rule 'R1' \(coordinating-rcc\) raises no notifications/);
    expect(problemOf('R3/A-SHIP/place:rocks/rcc-b')).toMatch(/unit 'A-SHIP' is not in the agreement; ids match exactly: did you mean 'a-ship'/);
    expect(problemOf('R3/a-ship/place:sea/rcc-b')).toMatch(/contested features.*place:rocks/);   // the sea is not contested
    expect(problemOf('R3/a-ship/srr:rcc-b/rcc-b')).toMatch(/contested features/);
    expect(problemOf('R2/a-ship/place:rocks/rcc-b')).toMatch(/speaks of SRRs/);
    expect(problemOf('R2/a-ship/srr:rcc-a/rcc-a')).toMatch(/own SRR 'rcc-a' needs no notification/);
    expect(problemOf('R2/a-ship/srr:rcc-b/rcc-x')).toMatch(/no RCC 'rcc-x'/);
    expect(problemOf('R3/a-ship/place:rocks/rcc-a')).toMatch(/does not notify 'rcc-a' of unit 'a-ship' \(A\).*it notifies rcc-b/);   // never the unit's own party
    expect(problemOf('R2/b-ship/srr:rcc-a/rcc-b')).toMatch(/does not notify 'rcc-b'/);
    expect(problemOf('R2/b-ship/srr:rcc-a/rcc-a')).toBeNull();
  });
});
