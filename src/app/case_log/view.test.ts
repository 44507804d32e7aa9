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
