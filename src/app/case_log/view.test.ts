import { describe, expect, test } from 'vitest';
import type { CaseEvent } from './events.js';
import { viewEvent } from './view.js';

const krPosition: CaseEvent = {
  caseId: 'c', version: 4, type: 'unitPosition', author: 'park', party: 'KR', recordedAt: '2026-03-10T07:00:00.000Z',
  basedOnVersion: 3, releasability: 'position-only',
  payload: { unitId: 'ROKS-Gwanggaeto', position: { lonDeg: 131.2, latDeg: 37.3 }, courseDeg: 90, speedKn: 18 },
};

describe('viewEvent', () => {
  test('the own party sees its events whole', () => {
    expect(viewEvent(krPosition, 'KR')).toBe(krPosition);
  });
  test('another party sees a position-only event without author, course or speed', () => {
    expect(viewEvent(krPosition, 'JP')).toEqual({
      caseId: 'c', version: 4, type: 'unitPosition', party: 'KR', recordedAt: '2026-03-10T07:00:00.000Z',
      releasability: 'position-only', payload: { unitId: 'ROKS-Gwanggaeto', position: { lonDeg: 131.2, latDeg: 37.3 } }, redacted: true,
    });
  });
  test('another party sees only the place in the log of a nothing event', () => {
    const secret: CaseEvent = { ...krPosition, type: 'message', payload: { text: 'fuel low' }, releasability: 'nothing' };
    expect(viewEvent(secret, 'JP')).toEqual({ caseId: 'c', version: 4, withheld: true });
    expect(JSON.stringify(viewEvent(secret, 'JP'))).not.toContain('fuel');
  });
  test('an everything event is seen whole by every party', () => {
    const open: CaseEvent = { ...krPosition, releasability: 'everything' };
    expect(viewEvent(open, 'JP')).toBe(open);
  });
});

describe('viewEvent under an agreement: each unit\'s releasability', () => {
  const units = [
    { id: 'kr-helo-1', party: 'KR', releasability: 'nothing' as const },
    { id: 'jp-navy-ship-1', party: 'JP', releasability: 'position-only' as const },
  ];
  const base = { caseId: 'c', version: 5, author: 'kim', party: 'KR', recordedAt: '2026-03-10T07:00:00.000Z', basedOnVersion: 4, releasability: 'everything' as const };
  test('an event about another party\'s unit is released no further than that unit, except to its own party', () => {
    const sighting: CaseEvent = { ...base, type: 'sighting', payload: { unitId: 'jp-navy-ship-1', position: { lonDeg: 131, latDeg: 37 }, text: 'JP destroyer seen' } };
    expect(viewEvent(sighting, 'CN', units)).toMatchObject({ redacted: true, payload: { unitId: 'jp-navy-ship-1', position: { lonDeg: 131, latDeg: 37 } } });
    expect(viewEvent(sighting, 'JP', units)).toBe(sighting);   // JP's own unit
  });
  test('a plan message written by hand that still names a hidden unit is not shown', () => {
    const plan: CaseEvent = { ...base, type: 'planIssued', payload: { planId: 'P', text: 'send KR-HELO-1 north at dawn', units: [{ unitId: 'kr-helo-1' }] } };
    const seen = viewEvent(plan, 'JP', units) as CaseEvent & { withheldUnits: number };
    expect(seen.withheldUnits).toBe(1);
    expect(seen.payload).toEqual({ planId: 'P', units: [], text: expect.stringMatching(/^\(plan message not shown: it describes units the agreement does not release in full to JP/) });
  });
  test('planning inputs with no unit left for the viewer are withheld (no plan file without units)', () => {
    const inputs = { units: [{ id: 'kr-helo-1', speedKn: 90, enduranceH: 2, arrival: '2026-03-10T09:00Z', patterns: ['PS'] }] } as never;
    const event: CaseEvent = { ...base, type: 'planningInputs', payload: { inputs } };
    expect(viewEvent(event, 'JP', units)).toEqual({ caseId: 'c', version: 5, withheld: true });
    expect(viewEvent(event, 'JP')).toBe(event);   // no agreement: the event's releasability only
  });
});

describe('a target detection reaches both centres (docs/exercises.md)', () => {
  const units = [
    { id: 'kr-helo-1', party: 'KR', releasability: 'nothing' as const },
    { id: 'kr-ship-1', party: 'KR', releasability: 'position-only' as const },
    { id: 'jp-ship-1', party: 'JP', releasability: 'everything' as const },
  ];
  // written by the server in the director's party (JP here), released everything
  const detection = (unitId: string): CaseEvent => ({
    caseId: 'x', version: 9, type: 'targetDetected', author: 'exercise-control', party: 'JP', recordedAt: '2026-03-10T10:00:00.000Z',
    basedOnVersion: 8, releasability: 'everything',
    payload: { unitId, time: '2026-03-10T09:41Z', position: { lonDeg: 131.3, latDeg: 37.2 }, searchVersion: 7, searchPhaseEnded: true },
  });
  test('by a unit released nothing: the other party learns time, position and the end of the search phase, and only the unit\'s party', () => {
    const seen = viewEvent(detection('kr-helo-1'), 'JP', units);
    expect(seen).toEqual({
      caseId: 'x', version: 9, type: 'targetDetected', party: 'JP', recordedAt: '2026-03-10T10:00:00.000Z', releasability: 'position-only', redacted: true,
      payload: { unitParty: 'KR', time: '2026-03-10T09:41Z', position: { lonDeg: 131.3, latDeg: 37.2 }, searchPhaseEnded: true },
    });
    // neither the unit's id nor its (withheld) search's version, although the event is of JP's director
    expect(JSON.stringify(seen)).not.toMatch(/kr-helo|searchVersion|exercise-control/);
    // the unit's own party sees it whole
    expect(viewEvent(detection('kr-helo-1'), 'KR', units)).toEqual(detection('kr-helo-1'));
  });
  test('by a unit released position-only: named, where and when, no search version', () => {
    expect((viewEvent(detection('kr-ship-1'), 'JP', units) as { payload: unknown }).payload)
      .toEqual({ unitId: 'kr-ship-1', time: '2026-03-10T09:41Z', position: { lonDeg: 131.3, latDeg: 37.2 }, searchPhaseEnded: true });
  });
  test('by a unit released everything, or one the agreement does not know: whole', () => {
    expect(viewEvent(detection('jp-ship-1'), 'KR', units)).toEqual(detection('jp-ship-1'));
    expect(viewEvent(detection('someone'), 'KR', units)).toEqual(detection('someone'));
  });
});

describe('what the server writes from exercise control is no party\'s own (docs/exercises.md)', () => {
  const units = [
    { id: 'kr-helo-1', party: 'KR', releasability: 'nothing' as const },
    { id: 'kr-ship-1', party: 'KR', releasability: 'position-only' as const },
  ];
  // filed in the director's party (JP here), released everything
  const inject = (unitId?: string): CaseEvent => ({
    caseId: 'x', version: 6, type: 'injectReleased', author: 'exercise-control', party: 'JP', recordedAt: '2026-03-10T09:00:00.000Z',
    basedOnVersion: 5, releasability: 'everything',
    payload: { injectId: 'late-1', kind: 'unitLate', at: '2026-03-10T09:00Z', text: 'fog at the base: two hours late', position: { lonDeg: 129.4, latDeg: 35.9 }, delayH: 2, ...(unitId ? { unitId } : {}) },
  });
  test("an inject about a unit reaches the director's party as that unit is released to it", () => {
    expect(viewEvent(inject('kr-helo-1'), 'JP', units)).toEqual({ caseId: 'x', version: 6, withheld: true });
    expect((viewEvent(inject('kr-ship-1'), 'JP', units) as { payload: unknown }).payload).toEqual({ unitId: 'kr-ship-1', position: { lonDeg: 129.4, latDeg: 35.9 } });
    expect(viewEvent(inject('kr-helo-1'), 'KR', units)).toEqual(inject('kr-helo-1'));
  });
  test('an inject about no unit reaches every party whole', () => {
    expect(viewEvent(inject(), 'JP', units)).toEqual(inject());
    expect(viewEvent(inject(), 'KR', units)).toEqual(inject());
  });
});
