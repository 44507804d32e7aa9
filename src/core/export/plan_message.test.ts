/**
 * The plan message of a small hand-made plan, against a golden file
 * (`REGEN=1 npx vitest run src/core/export/plan_message.test.ts` rewrites it after an intended
 * change), and what must hold of any message: ASCII, short lines, corners that read back.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parsePosition } from '../geo/position_text.js';
import { areaCorners, expandingSquare, parallelSweep, type UnitAssignment } from '../search/index.js';
import { parseTime } from '../time/index.js';
import { PLAN_MESSAGE_LINE_MAX, planMessage, type PlanMessageInput } from './plan_message.js';

const GOLDEN = new URL('./test/plan_message.golden.txt', import.meta.url);
const REGEN = process.env.REGEN === '1';
const T0 = parseTime('2026-03-12T06:00Z');

const shipArea = { centre: { latDeg: 37 + 20 / 60, lonDeg: 131 + 50 / 60 }, lengthNm: 10, widthNm: 6, orientationDeg: 30 };
const ship: UnitAssignment = {
  unitId: 'SHIP-1', party: 'Republic of Korea (대한민국)', pattern: 'PS', area: shipArea, trackSpacingNm: 2, coverage: 1, sweepWidthNm: 2,
  route: parallelSweep({ area: shipArea, trackSpacingNm: 2, turn: 'right', unit: { speedKn: 12, startTimeS: T0 + 1800, enduranceH: 4 } }),
};
const heloCsp = { latDeg: 37 + 31.5 / 60, lonDeg: 131 + 58.25 / 60 };
const helo: UnitAssignment = {
  unitId: 'HÉLICO-7', pattern: 'SS', area: { centre: heloCsp, lengthNm: 8, widthNm: 8, orientationDeg: 0 }, trackSpacingNm: 1, coverage: 0.8, sweepWidthNm: 0.8,
  route: expandingSquare({ csp: heloCsp, trackSpacingNm: 1, firstLegBearingDeg: 315, turn: 'right', legCount: 16, unit: { speedKn: 90.25, startTimeS: T0 + 3600 } }),
};
const input: PlanMessageInput = {
  title: 'Liancourt Rocks joint exercise: life raft adrift after a fishing vessel sank in heavy weather overnight',
  planningTimeS: T0,
  datum: { latDeg: 37 + 24.44 / 60, lonDeg: 131 + 52.16 / 60 },
  plan: { assignments: [ship, helo], unitPos: [0.312, 0.2049], pos: 0.4521 },
  baselinePos: 0.3011,
  chosen: 'optimiser',
};

describe('planMessage', () => {
  const text = planMessage(input);

  test('matches the golden message', () => {
    if (REGEN) writeFileSync(GOLDEN, text);
    expect(text).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  test('is printable ASCII in lines of at most 69 characters', () => {
    const lines = text.trimEnd().split('\n');
    expect(PLAN_MESSAGE_LINE_MAX).toBe(69);
    for (const line of lines) {
      expect(line.length, line).toBeLessThanOrEqual(69);
      expect(line, line).toMatch(/^[\x20-\x7e]*$/);
    }
    expect(lines[0]).toMatch(/^SAR SEARCH PLAN Liancourt Rocks/);
    expect(lines[1]).toBe('  after a fishing vessel sank in heavy weather overnight');
    expect(text).toContain('PLANNING TIME 120600Z MAR 26 (2026-03-12T06:00Z)');
    expect(text).toContain('DATUM 37 24.4N 131 52.2E');
    expect(text).toContain('UNIT 2 HELICO-7\n PATTERN SS EXPANDING SQUARE');
    expect(text).toContain('(Republic of Korea (????))');
    expect(text).toContain(' CSP 37 31.5N 131 58.2E FIRST LEG 315T');
    expect(text).toContain(' TRACK SPACING 1.00 NM SPEED 90.3 KN');
    expect(text).toContain(' START 120700Z MAR 26 END 120748Z MAR 26');
    expect(text).toContain('TOTAL POS 45.2 PCT OPTIMISED LAYOUT IAMSAR BASELINE POS 30.1 PCT');
  });

  test('a unit held in reserve is named with the POS its search would add, after the units sent, with no area', () => {
    const held = planMessage({ ...input, plan: { ...input.plan, assignments: [ship], unitPos: [0.312], pos: 0.312, held: [{ unitId: 'HÉLICO-7', party: 'JP', marginalPos: 0.0021 }] } });
    expect(held).toContain(' POS 31.2 PCT\nUNIT 2 HELICO-7 (JP)\n HOLD NO USEFUL AREA, IN RESERVE\n ITS SEARCH WOULD ADD 0.2 PCT\nTOTAL POS 31.2 PCT');
    expect(held.match(/^ PATTERN /gm)).toHaveLength(1);
    for (const line of held.trimEnd().split('\n')) expect(line.length, line).toBeLessThanOrEqual(PLAN_MESSAGE_LINE_MAX);
  });

  test('a re-plan that kept the areas issued last says so under the datum; one that did not, nothing', () => {
    expect(planMessage({ ...input, plan: { ...input.plan, previous: { kept: true } } })).toContain('DATUM 37 24.4N 131 52.2E\nAREAS UNCHANGED FROM LAST PLAN\nUNIT 1 ');
    expect(planMessage({ ...input, plan: { ...input.plan, previous: { kept: false } } })).not.toContain('UNCHANGED');
    expect(planMessage(input)).not.toContain('UNCHANGED');
  });

  test('dashes and quotes in a title keep an ASCII stand-in (not "?")', () => {
    const first = planMessage({ ...input, title: 'Demo exercise \u2014 raft \u201cWest\u201d \u2013 day 1' }).split('\n')[0];
    expect(first).toBe('SAR SEARCH PLAN Demo exercise - raft "West" - day 1');
  });

  test('every area corner printed reads back within 0.05 minute', () => {
    const areaLines = text.split('\n').filter((l) => l.startsWith(' AREA ') || l.startsWith('      '));
    const corners = areaLines.flatMap((l) => [...l.matchAll(/\d{2} \d{2}\.\d[NS] \d{3} \d{2}\.\d[EW]/g)].map((m) => m[0]));
    expect(corners).toHaveLength(8);
    const expected = [...areaCorners(ship.area), ...areaCorners(helo.area)];
    corners.forEach((c, k) => {
      const back = parsePosition(c);
      expect(Math.abs(back.latDeg - expected[k].latDeg) * 60, c).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(Math.abs(back.lonDeg - expected[k].lonDeg) * 60, c).toBeLessThanOrEqual(0.05 + 1e-9);
    });
  });

  test('a ladder flown interleaved says the order of its tracks; one flown in order says nothing of it', () => {
    const area = { ...shipArea, widthNm: 3 };
    const route = parallelSweep({ area, trackSpacingNm: 0.5, turn: 'right', legOrder: 'interleaved', unit: { speedKn: 90, startTimeS: T0, turnRadiusNm: 0.477 } });
    const interleaved: UnitAssignment = { ...ship, unitId: 'HELO-2', area, trackSpacingNm: 0.5, route };
    const out = planMessage({ ...input, plan: { assignments: [interleaved, ship], unitPos: [0.3, 0.2], pos: 0.44 } });
    expect(out).toContain(' TRACKS INTERLEAVED 1 3 5 THEN 2 4 6 (TURNS WIDER THAN SPACING)');
    expect(out.match(/TRACKS INTERLEAVED/g)).toHaveLength(1);
    expect(text).not.toContain('INTERLEAVED');
  });
});
