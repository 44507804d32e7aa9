import { describe, expect, test } from 'vitest';
import type { CaseEvent, ViewedEvent } from './events.js';
import { foldCase } from './state.js';
import { viewEvent } from './view.js';

const base = { caseId: 'c', author: 'kim', party: 'KR', recordedAt: '2026-03-10T06:00:00.000Z', releasability: 'everything' as const };
const log: CaseEvent[] = [
  { ...base, version: 1, basedOnVersion: 0, type: 'caseOpened', payload: { kind: 'case', title: 'Raft west of the rocks', parties: ['KR', 'JP'] } },
  { ...base, version: 2, basedOnVersion: 1, type: 'report', payload: { text: 'taking water', position: { lonDeg: 131.25, latDeg: 37.23 } } },
  { ...base, version: 3, basedOnVersion: 2, type: 'unitPosition', releasability: 'position-only', payload: { unitId: 'KR-1', position: { lonDeg: 131, latDeg: 37 }, speedKn: 15 } },
  { ...base, version: 4, basedOnVersion: 3, type: 'message', releasability: 'nothing', payload: { text: 'internal' } },
  { ...base, version: 5, basedOnVersion: 4, author: 'sato', party: 'JP', type: 'unitPosition', payload: { unitId: 'JP-1', position: { lonDeg: 131.5, latDeg: 37.5 } } },
  { ...base, version: 6, basedOnVersion: 5, author: 'sato', party: 'JP', type: 'unitPosition', payload: { unitId: 'JP-1', position: { lonDeg: 131.6, latDeg: 37.4 } } },
  { ...base, version: 7, basedOnVersion: 6, type: 'notificationAcknowledged', payload: { notificationId: 'N-1' } },
  { ...base, version: 8, basedOnVersion: 7, type: 'caseClosed', payload: { reason: 'survivors recovered' } },
];

describe('foldCase', () => {
  test('rebuilds the picture in event order: last position per unit, acknowledgements, status', () => {
    const s = foldCase(log)!;
    expect(s).toMatchObject({ caseId: 'c', kind: 'case', status: 'closed', version: 8, parties: ['KR', 'JP'], withheldCount: 0 });
    expect(s.reports.map((r) => r.text)).toEqual(['taking water']);
    expect(s.units['JP-1'].position).toEqual({ lonDeg: 131.6, latDeg: 37.4 });
    expect(s.units['KR-1'].speedKn).toBe(15);
    expect(s.messages).toHaveLength(1);
    expect(s.acknowledgedNotifications).toEqual(['N-1']);
  });
  test('another party sees the redacted picture at the same version', () => {
    const s = foldCase(log.map((e): ViewedEvent => viewEvent(e, 'JP')))!;
    expect(s.version).toBe(8);
    expect(s.withheldCount).toBe(1);
    expect(s.messages).toHaveLength(0);
    expect(s.units['KR-1']).toMatchObject({ redacted: true, position: { lonDeg: 131, latDeg: 37 } });
    expect(s.units['KR-1'].speedKn).toBeUndefined();
    expect(s.units['KR-1'].author).toBeUndefined();
  });
  test('under an agreement, an acknowledgement counts only from the party the notification goes to', () => {
    const recipientPartyOf = (id: string) => (id === 'N-1' ? 'JP' : undefined);
    expect(foldCase(log, { recipientPartyOf })!.acknowledgedNotifications).toEqual([]);   // N-1 goes to JP; KR acknowledged it
    const byJp = log.map((e) => (e.version === 7 ? { ...e, party: 'JP', author: 'sato' } : e));
    expect(foldCase(byJp, { recipientPartyOf })!.acknowledgedNotifications).toEqual(['N-1']);
    expect(foldCase(byJp, { recipientPartyOf: () => undefined })!.acknowledgedNotifications).toEqual([]);   // an id no rule raises
  });
  test('an empty log has no state', () => {
    expect(foldCase([])).toBeNull();
  });
});
