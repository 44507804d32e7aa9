import { describe, expect, test } from 'vitest';
import { checkStatusChange, closedAfter, partiesAgreed } from './case_status.js';

const ev = (type: string, party: string, payload: object = {}) => ({ type, party, payload });
const smc = (party: string) => ({ userName: `${party.toLowerCase()}-smc`, party, roles: ['smc' as const] });
const joint = { kind: 'case', parties: ['KR', 'JP'], closed: false };
const none = { ok: false as const, problem: 'no coordinating RCC is known: no plan' };

describe('case status', () => {
  test('agreements count from the last change of status on, per party', () => {
    const log = [ev('caseOpened', 'KR'), ev('statusChangeAgreed', 'JP', { to: 'closed' }), ev('caseClosed', 'KR'), ev('statusChangeAgreed', 'JP', { to: 'open' }),
      ev('caseReopened', 'KR'), ev('statusChangeAgreed', 'KR', { to: 'closed' })];
    expect([...partiesAgreed(log, 'closed')]).toEqual(['KR']);
    expect([...partiesAgreed(log.slice(0, 4), 'open')]).toEqual(['JP']);
    expect(closedAfter(log[2])).toBe(true);
    expect(closedAfter(log[3])).toBe(true);    // an agreement to reopen leaves it closed
    expect(closedAfter(log[4])).toBe(false);
    expect(closedAfter(undefined)).toBe(false);
  });
  test('the coordinating party closes alone; another party once the others agreed; exercise control in an exercise', () => {
    const coordinator = { ok: true as const, party: 'JP', rccId: 'jp-rcc', ruleId: 'R1', plan: "plan 'P1'" };
    expect(() => checkStatusChange('caseClosed', {}, smc('JP'), joint, [], coordinator)).not.toThrow();
    expect(() => checkStatusChange('caseClosed', {}, smc('KR'), joint, [], coordinator)).toThrow(/coordinating RCC \(jp-rcc of JP.*JP has not agreed/);
    expect(() => checkStatusChange('caseClosed', {}, smc('KR'), joint, [ev('statusChangeAgreed', 'JP', { to: 'closed' })], none)).not.toThrow();
    // three parties: each other one must agree
    const three = { ...joint, parties: ['KR', 'JP', 'US'] };
    expect(() => checkStatusChange('caseClosed', {}, smc('KR'), three, [ev('statusChangeAgreed', 'JP', { to: 'closed' })], none)).toThrow(/: US has not agreed/);
    const control = { userName: 'lee', party: 'KR', roles: ['exercise-control' as const] };
    expect(() => checkStatusChange('caseClosed', {}, control, { ...joint, kind: 'exercise' }, [], none)).not.toThrow();
    expect(() => checkStatusChange('caseClosed', {}, control, joint, [], none)).toThrow(/every party's agreement \(no coordinating RCC is known: no plan\)/);
  });
});
