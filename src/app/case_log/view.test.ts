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
