import { describe, expect, test } from 'vitest';
import { testConfig } from './fixture_for_tests.js';
import { releasabilityFor, releasableUnitView } from './releasability.js';

const [aShip, aHelo, bShip] = testConfig().units;
const movement = {
  positions: [{ lonDeg: 131, latDeg: 37, timeS: 0 }],
  route: [{ lonDeg: 131, latDeg: 37, timeS: 0 }, { lonDeg: 131.5, latDeg: 37.5, timeS: 3600 }],
};

describe('releasabilityFor', () => {
  test('the owner sees everything whatever the unit says; others get the unit\'s releasability', () => {
    expect(releasabilityFor(aHelo, 'A')).toBe('everything');
    expect(releasabilityFor(aHelo, 'B')).toBe('nothing');
    expect(releasabilityFor(aShip, 'B')).toBe('position-only');
  });
});

describe('releasableUnitView', () => {
  test('everything: the unit, positions and route', () => {
    const view = releasableUnitView(bShip, 'A', movement);
    expect(view).toEqual({ visibility: 'everything', unit: bShip, positions: movement.positions, route: movement.route });
  });

  test('position only: positions and party, no name, type, capabilities or route', () => {
    const view = releasableUnitView(aShip, 'B', movement, 'contact 1');
    expect(view).toEqual({ visibility: 'position-only', party: 'A', label: 'contact 1', positions: movement.positions });
    const text = JSON.stringify(view);
    for (const secret of ['A Ship One', 'ship', 'speedKn', 'A port', '131.5']) expect(text).not.toContain(secret);
  });

  test('nothing: nothing at all', () => {
    expect(releasableUnitView(aHelo, 'B', movement)).toEqual({ visibility: 'nothing' });
  });

  test('the owner sees its own hidden unit in full', () => {
    expect(releasableUnitView(aHelo, 'A', movement).visibility).toBe('everything');
  });
});
