import { describe, expect, test } from 'vitest';
import { InvalidInputError } from '../../core/errors.js';
import { CaseNotFoundError, VersionConflictError } from '../../io/storage/index.js';
import { checkPayload, decide, type CaseContext } from './commands.js';
import { AccessDeniedError, CaseClosedError } from './errors.js';
import type { Actor } from './roles.js';

const smcKr: Actor = { userName: 'kim', party: 'KR', roles: ['smc'] };
const oscJp: Actor = { userName: 'sato', party: 'JP', roles: ['osc'] };
const observerKr: Actor = { userName: 'han', party: 'KR', roles: ['observer'] };
const smcCn: Actor = { userName: 'wang', party: 'CN', roles: ['smc'] };
const context: CaseContext = { caseId: 'c', kind: 'case', parties: ['KR', 'JP'], version: 3, closed: false };
const now = new Date('2026-03-10T07:00:00Z');
const sighting = { position: { lonDeg: 131.3, latDeg: 37.2 }, text: 'orange raft' };

describe('checkPayload', () => {
  test('names the wrong field', () => {
    expect(() => checkPayload('sighting', { ...sighting, position: { lonDeg: 131, latDeg: 97 } })).toThrow(/^payload\/position\/latDeg: /);
    expect(() => checkPayload('message', {})).toThrow(InvalidInputError);
    expect(() => checkPayload('message', {})).toThrow(/^payload\/text: is required but missing$/);
    expect(() => checkPayload('message', { text: 'x', extra: 1 })).toThrow(/payload\/extra/);
  });
  test('refuses a time without a zone, and impossible times, with the core\'s parser; stores UTC', () => {
    const decideReport = (time: string) => decide(context, 'c', { type: 'report', payload: { text: 'x', time }, basedOnVersion: 3 }, oscJp, now);
    expect(() => decideReport('2026-03-10T06:00')).toThrow(/^payload\/time: '2026-03-10T06:00' has no time zone/);
    expect(() => decideReport('2026-02-30T99:99Z')).toThrow(/^payload\/time: '2026-02-30T99:99Z' is not a valid date and time/);
    expect(() => decideReport('2026-02-30T10:00Z')).toThrow(/is not a valid date and time/);
    expect(decideReport('2026-03-11T16:00+09:00').payload).toEqual({ text: 'x', time: '2026-03-11T07:00Z' });
    expect(decideReport('110700Z MAR 26').payload).toEqual({ text: 'x', time: '2026-03-11T07:00Z' });
    expect(decideReport('2026-03-11T07:00:30.25Z').payload).toEqual({ text: 'x', time: '2026-03-11T07:00:30.250Z' });
  });
});

describe('decide', () => {
  test('builds the next event of the case with author, party, time and base version', () => {
    const draft = decide(context, 'c', { type: 'sighting', payload: sighting, basedOnVersion: 3, releasability: 'position-only' }, oscJp, now);
    expect(draft).toEqual({ caseId: 'c', basedOnVersion: 3, type: 'sighting', author: 'sato', party: 'JP',
      recordedAt: '2026-03-10T07:00:00.000Z', releasability: 'position-only', payload: sighting });
  });
  test('refuses a stale version, naming the current one', () => {
    expect(() => decide(context, 'c', { type: 'sighting', payload: sighting, basedOnVersion: 2 }, oscJp, now)).toThrow(VersionConflictError);
    expect(() => decide(context, 'c', { type: 'sighting', payload: sighting, basedOnVersion: 2 }, oscJp, now)).toThrow(/at version 3/);
  });
  test('refuses a party that does not take part, and a role that may not write the type', () => {
    expect(() => decide(context, 'c', { type: 'sighting', payload: sighting, basedOnVersion: 3 }, smcCn, now)).toThrow(CaseNotFoundError);   // not told that it exists
    const role = (() => { try { decide(context, 'c', { type: 'message', payload: { text: 'hi' }, basedOnVersion: 3 }, observerKr, now); } catch (e) { return e; } })();
    expect(role).toBeInstanceOf(AccessDeniedError);
    expect((role as AccessDeniedError).reason).toBe('role');
    expect(() => decide(context, 'c', { type: 'planIssued', payload: { planId: 'P1', text: 'x' }, basedOnVersion: 3 }, oscJp, now)).toThrow(/needs role smc/);
  });
  test('exercise control may write every type in an exercise but not in a real case', () => {
    const control: Actor = { userName: 'lee', party: 'KR', roles: ['exercise-control'] };
    expect(decide({ ...context, kind: 'exercise' }, 'c', { type: 'planIssued', payload: { planId: 'P1', text: 'x' }, basedOnVersion: 3 }, control, now).type).toBe('planIssued');
    expect(() => decide(context, 'c', { type: 'planIssued', payload: { planId: 'P1', text: 'x' }, basedOnVersion: 3 }, control, now)).toThrow(AccessDeniedError);
  });
  test('refuses writes to a closed case and to a missing case', () => {
    expect(() => decide({ ...context, closed: true }, 'c', { type: 'message', payload: { text: 'x' }, basedOnVersion: 3 }, smcKr, now)).toThrow(CaseClosedError);
    expect(() => decide(null, 'c', { type: 'message', payload: { text: 'x' }, basedOnVersion: 0 }, smcKr, now)).toThrow(CaseNotFoundError);
  });
  test('opening a case needs smc and the opener among the parties', () => {
    const opening = { kind: 'case', title: 'Raft', parties: ['KR', 'JP'] };
    expect(decide(null, 'n', { type: 'caseOpened', payload: opening, basedOnVersion: 0 }, smcKr, now)).toMatchObject({ type: 'caseOpened', party: 'KR', basedOnVersion: 0 });
    expect(() => decide(null, 'n', { type: 'caseOpened', payload: opening, basedOnVersion: 0 }, oscJp, now)).toThrow(AccessDeniedError);
    expect(() => decide(null, 'n', { type: 'caseOpened', payload: { ...opening, parties: ['JP'] }, basedOnVersion: 0 }, smcKr, now)).toThrow(/payload\/parties/);
    expect(() => decide(context, 'c', { type: 'caseOpened', payload: opening, basedOnVersion: 0 }, smcKr, now)).toThrow(VersionConflictError);
  });
});
