import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadCooperationConfig } from '../../io/cooperation/load_config.js';
import type { ViewedEvent } from '../api/types.js';
import { positionProblemText } from './position_fields.js';
import {
  addableParties, caseStatus, coordinatorOf, currentPayload, fixesOf, fixFormFrom, mayFix, replacementFrom, statusRight,
} from './case_trust.js';

const agreement = loadCooperationConfig(join(fileURLToPath(new URL('../../../', import.meta.url)), 'examples/cooperation/korea-japan.yaml'));
const KR_SMC = { party: 'KR', roles: ['smc'] };
const JP_SMC = { party: 'JP', roles: ['smc'] };

let at = 0;
/** An event as the server sends it, written by `party`'s SMC. */
const ev = (version: number, type: string, party: string, payload: Record<string, unknown>): ViewedEvent => ({
  caseId: 'c', version, type: type as ViewedEvent['type'], party, author: `${party.toLowerCase()}-smc`,
  recordedAt: new Date(Date.parse('2026-03-10T06:00Z') + 60_000 * at++).toISOString(), releasability: 'everything', payload,
});
const opened = (parties = ['KR', 'JP']) => ev(1, 'caseOpened', 'KR', { kind: 'case', title: 'raft', parties });
const hour = (h: number) => Date.parse('2026-03-10T00:00Z') / 1000 + h * 3600;
/** A plan whose datum lies in JP's SRR (the example's illustrative polygons: 135°E 37°N is east of the KR–JP line). */
const planInJpSrr = (version: number) => ev(version, 'planIssued', 'KR', { planId: 'P1', text: 'PLAN',
  plan: { datumTrack: [{ timeS: hour(0), lonDeg: 135, latDeg: 37 }, { timeS: hour(24), lonDeg: 135.5, latDeg: 37.2 }], units: [] } });

describe('fixesOf and currentPayload', () => {
  test('the newest correction is what the event says now; every correction and the retraction are kept with who and why', () => {
    const events = [
      opened(),
      ev(2, 'report', 'KR', { text: 'raft', position: { lonDeg: 131.25, latDeg: 37.2 } }),
      ev(3, 'eventCorrected', 'KR', { eventVersion: 2, reason: 'latitude misread', replacement: { text: 'raft', position: { lonDeg: 131.25, latDeg: 37.3 } } }),
      ev(4, 'eventCorrected', 'KR', { eventVersion: 2, reason: 'longitude too', replacement: { text: 'raft', position: { lonDeg: 131.3, latDeg: 37.3 } } }),
      ev(5, 'message', 'KR', { text: 'hello' }),
      ev(6, 'eventRetracted', 'KR', { eventVersion: 5, reason: 'sent to the wrong case' }),
    ];
    const fixes = fixesOf(events);
    expect(fixes.get(2)!.corrections.map((m) => [m.version, m.author, m.reason])).toEqual([[3, 'kr-smc', 'latitude misread'], [4, 'kr-smc', 'longitude too']]);
    expect(currentPayload(events[1], fixes)).toEqual({ text: 'raft', position: { lonDeg: 131.3, latDeg: 37.3 } });
    expect(fixes.get(5)!.retracted).toMatchObject({ version: 6, party: 'KR', reason: 'sent to the wrong case' });
    expect(fixes.get(5)!.replacement).toBeUndefined();
    expect(currentPayload(events[4], fixes)).toEqual({ text: 'hello' });
  });
});

describe('mayFix', () => {
  const events = [opened(), ev(2, 'report', 'KR', { text: 'raft' }), ev(3, 'unitPosition', 'KR', { unitId: 'kr-ship-1', position: { lonDeg: 131, latDeg: 37 } }),
    ev(4, 'planIssued', 'KR', { planId: 'P1', text: 'PLAN' }), ev(5, 'eventRetracted', 'KR', { eventVersion: 2, reason: 'x' })];
  const fixes = fixesOf(events);
  test("only the writer's own party's correctable events, not retracted, in an open case, by a role that writes the type", () => {
    expect(mayFix(events[2], KR_SMC, fixes, false)).toBe(true);
    expect(mayFix(events[2], JP_SMC, fixes, false)).toBe(false);            // another party's
    expect(mayFix(events[3], KR_SMC, fixes, false)).toBe(false);            // a plan is replaced by another plan
    expect(mayFix(events[1], KR_SMC, fixes, false)).toBe(false);            // retracted already
    expect(mayFix(events[2], KR_SMC, fixes, true)).toBe(false);             // the case is closed
    expect(mayFix(events[2], { party: 'KR', roles: ['liaison-officer'] }, fixes, false)).toBe(false);   // a liaison officer reports, not unit positions
  });
});

describe('caseStatus', () => {
  test('agreements count until the status next changes; a party added joins the parties', () => {
    const events = [opened(['KR']), ev(2, 'partyAdded', 'KR', { party: 'JP', reason: 'drifting east' }),
      ev(3, 'statusChangeAgreed', 'JP', { to: 'closed', reason: 'found' })];
    expect(caseStatus(events)).toMatchObject({ kind: 'case', parties: ['KR', 'JP'], status: 'open', to: 'closed', agreed: ['JP'] });
    const closed = [...events, ev(4, 'caseClosed', 'KR', { reason: 'survivors found' })];
    expect(caseStatus(closed)).toMatchObject({ status: 'closed', to: 'open', agreed: [], lastChange: { version: 4, author: 'kr-smc', reason: 'survivors found', status: 'closed' } });
    expect(caseStatus([...closed, ev(5, 'statusChangeAgreed', 'JP', { to: 'open', reason: 'second raft' })]).agreed).toEqual(['JP']);
  });
});

describe('coordinatorOf and statusRight', () => {
  test('without a plan no RCC coordinates: each SMC needs the other party first, and may agree', () => {
    const events = [opened()];
    const coordinator = coordinatorOf(events, agreement, hour(6));
    expect(coordinator).toEqual({ ok: false, why: 'no-plan' });
    expect(statusRight(caseStatus(events), coordinator, KR_SMC)).toEqual({ kind: 'needs', missing: ['JP'], agree: true });
    const agreed = [...events, ev(2, 'statusChangeAgreed', 'JP', { to: 'closed', reason: 'found' })];
    expect(statusRight(caseStatus(agreed), coordinator, KR_SMC)).toEqual({ kind: 'agreed', agree: true });
    expect(statusRight(caseStatus(agreed), coordinator, JP_SMC)).toEqual({ kind: 'needs', missing: ['KR'], agree: false });
  });

  test("a datum in JP's SRR makes JP's RCC coordinate: JP's SMC closes alone, KR's needs JP", () => {
    const events = [opened(), planInJpSrr(2)];
    const coordinator = coordinatorOf(events, agreement, hour(6));
    expect(coordinator).toEqual({ ok: true, party: 'JP', rccId: 'jp-rcc', ruleId: 'R1', planId: 'P1' });
    expect(statusRight(caseStatus(events), coordinator, JP_SMC)).toEqual({ kind: 'alone', agree: true });
    expect(statusRight(caseStatus(events), coordinator, KR_SMC)).toEqual({ kind: 'needs', missing: ['JP'], agree: true });
    expect(statusRight(caseStatus(events), coordinator, { party: 'KR', roles: ['osc'] })).toEqual({ kind: 'not-smc' });
  });

  test('no agreement, or a rule that has every party close, names no coordinator; a case of one party is its SMC\'s', () => {
    expect(coordinatorOf([opened(), planInJpSrr(2)], null, hour(6))).toEqual({ ok: false, why: 'no-agreement' });
    const everyParty = { ...agreement, rules: agreement.rules.map((r) => (r.kind === 'coordinating-rcc' ? { ...r, closedBy: 'every-party' as const } : r)) };
    expect(coordinatorOf([opened(), planInJpSrr(2)], everyParty, hour(6))).toEqual({ ok: false, why: 'every-party', ruleId: 'R1' });
    expect(statusRight(caseStatus([opened(['KR'])]), { ok: false, why: 'no-plan' }, KR_SMC)).toEqual({ kind: 'alone', agree: false });
  });
});

describe('addableParties', () => {
  test("the agreement's parties not yet in an open real case, for its SMC", () => {
    expect(addableParties(caseStatus([opened(['KR'])]), agreement, KR_SMC)).toEqual(['JP']);
    expect(addableParties(caseStatus([opened(['KR', 'JP'])]), agreement, KR_SMC)).toEqual([]);
    expect(addableParties(caseStatus([opened(['KR'])]), agreement, { party: 'KR', roles: ['osc'] })).toEqual([]);
    expect(addableParties(caseStatus([opened(['KR'])]), null, KR_SMC)).toEqual([]);
  });
});

describe('fixFormFrom and replacementFrom', () => {
  const report = { text: 'orange raft', position: { lonDeg: 131.25, latDeg: 37 + 14 / 60 }, time: '2026-03-10T06:00Z', objectClass: 'PIW-1' };
  test('the form reads back what it was filled with, position as degrees and minutes, the object class kept', () => {
    const form = fixFormFrom(report);
    expect(form.fields.lat).toEqual({ deg: '37', min: '14.000', sec: '', hem: 'N' });   // 37° 14' exactly
    expect(form.time).toBe('2026-03-10 06:00');
    const out = replacementFrom('report', report, { ...form, fields: { ...form.fields, lat: { ...form.fields.lat, min: '24' } } });
    expect('replacement' in out).toBe(true);
    if (!('replacement' in out)) return;
    expect(out.replacement).toMatchObject({ text: 'orange raft', time: '2026-03-10T06:00Z', objectClass: 'PIW-1' });
    expect((out.replacement.position as { latDeg: number }).latDeg).toBeCloseTo(37.4, 9);   // 37° 24'
    expect((out.replacement.position as { lonDeg: number }).lonDeg).toBeCloseTo(131.25, 9);
  });

  test('what cannot be sent says why', () => {
    const form = fixFormFrom(report);
    expect(replacementFrom('report', report, { ...form, text: ' ' })).toEqual({ problem: 'needText' });
    expect(replacementFrom('report', report, { ...form, time: '2026-02-30 10:00' })).toMatchObject({ problem: 'badTime' });
    expect(replacementFrom('sighting', report, { ...form, fields: { ...form.fields, lat: { deg: '', min: '', sec: '', hem: 'N' } } })).toEqual({ problem: 'needPosition' });
    const badPosition = replacementFrom('report', report, { ...form, fields: { ...form.fields, lat: { ...form.fields.lat, min: '61' } } });
    expect(badPosition).toMatchObject({ problem: 'badPosition', position: { field: 'lat-min', problem: { code: 'minutes', value: '61' } } });
    // the field's problem is data the form says in the reader's language (it was once printed as '[object Object]')
    if ('position' in badPosition && badPosition.position) expect(positionProblemText(badPosition.position, 'en')).toBe('Latitude (minutes): 61 minutes; minutes must be below 60.');
    const unit = { unitId: 'kr-ship-1', position: { lonDeg: 131, latDeg: 37 } };
    expect(replacementFrom('unitPosition', unit, { ...fixFormFrom(unit), courseDeg: '400' })).toEqual({ problem: 'badNumber', detail: 'courseDeg: 400' });
    expect(replacementFrom('unitPosition', unit, { ...fixFormFrom(unit), courseDeg: '95' })).toEqual({ replacement: { unitId: 'kr-ship-1', position: { lonDeg: 131, latDeg: 37 }, courseDeg: 95 } });
    expect(replacementFrom('message', { text: 'a' }, { ...fixFormFrom({ text: 'a' }), text: 'b' })).toEqual({ replacement: { text: 'b' } });
  });
});
