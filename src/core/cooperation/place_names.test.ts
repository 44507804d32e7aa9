import { describe, expect, test } from 'vitest';
import { checkPlan } from './check_plan.js';
import { describeFinding } from './finding.js';
import { testConfig } from './fixture_for_tests.js';
import { nameForReader, placeName } from './place_names.js';
import { ownScriptReader, readerFor } from './reader.js';

const config = testConfig();
const rocks = config.places[0];

describe('placeName', () => {
  test('each party reads its own name; shared products read the neutral name or both', () => {
    expect(placeName(rocks, readerFor('A'), 'neutral')).toBe('Dokdo');
    expect(placeName(rocks, readerFor('B'), 'neutral')).toBe('Takeshima');
    expect(placeName(rocks, readerFor(), 'neutral')).toBe('Liancourt Rocks');
    expect(placeName(rocks, readerFor(), 'both', ['A', 'B'])).toBe('Dokdo / Takeshima');
    expect(placeName(rocks, readerFor('C'), 'neutral')).toBe('Liancourt Rocks');   // a party without a name of its own
  });
  test("a party's copy reads its name in its own script when the place gives one; romanised otherwise; shared stays neutral", () => {
    const scripted = { ...rocks, ownScriptNames: { A: '독도', B: '竹島' } };
    expect(placeName(scripted, ownScriptReader(readerFor('A')), 'neutral')).toBe('독도');
    expect(placeName(scripted, ownScriptReader(readerFor('B')), 'neutral')).toBe('竹島');
    expect(placeName(scripted, readerFor('A'), 'neutral')).toBe('Dokdo');   // an English text keeps the romanised name
    expect(placeName(scripted, ownScriptReader(readerFor()), 'neutral')).toBe('Liancourt Rocks');
    expect(placeName(rocks, ownScriptReader(readerFor('A')), 'neutral')).toBe('Dokdo');   // no name in its script: romanised
    expect(placeName({ ...rocks, ownScriptNames: { B: '竹島' } }, ownScriptReader(readerFor('A')), 'neutral')).toBe('Dokdo');
  });
});

describe('nameForReader', () => {
  test("a quoted place ({place:id@party}) keeps that party's name for every reader; per-reader names stay for our own words", () => {
    const text = 'As the report puts it: {place:rocks@A}; ours: {place:rocks}';
    const id = rocks.id;
    const t = text.replaceAll('rocks', id);
    expect(nameForReader(t, config, readerFor('A'))).toBe('As the report puts it: Dokdo; ours: Dokdo');
    expect(nameForReader(t, config, readerFor('B'))).toBe('As the report puts it: Dokdo; ours: Takeshima');
    expect(nameForReader(t, config, readerFor())).toBe('As the report puts it: Dokdo; ours: Liancourt Rocks');
    expect(nameForReader(t, config, ownScriptReader(readerFor('B')))).toMatch(/^As the report puts it: Dokdo; /);
    expect(() => nameForReader(`{place:${id}@Z}`, config, readerFor('A'), 'reason')).toThrow(/reason: unknown party 'Z'/);
    expect(() => nameForReader('{party:A@B}', config, readerFor('A'))).toThrow(/only a place is quoted/);
  });

  test('fills {place:…} and {party:…} for the reader', () => {
    const text = '{party:B} survey ships approached {place:rocks} in the {place:sea}';
    expect(nameForReader(text, config, readerFor('A'))).toBe('Bland survey ships approached Dokdo in the East Sea');
    expect(nameForReader(text, config, readerFor('B'))).toBe('Bland survey ships approached Takeshima in the Sea of Japan');
    expect(nameForReader(text, config, readerFor())).toBe('Bland survey ships approached Liancourt Rocks in the sea between A and B');
  });

  test('an unknown place id is an error naming the field', () => {
    expect(() => nameForReader('near {place:nowhere}', config, readerFor('A'), 'incidents/0/what')).toThrow(/incidents\/0\/what: unknown place 'nowhere'/);
  });
});

describe('describeFinding', () => {
  // An A ship going north on 131.70E passes about 8 NM west of the islets (131.87E, 37.24N).
  const findings = checkPlan(config, { datumTrack: [], units: [{ unitId: 'a-ship', party: 'A', waypoints: [
    { lonDeg: 131.7, latDeg: 36.9, timeS: 1773100800 }, { lonDeg: 131.7, latDeg: 37.6, timeS: 1773100800 + 3 * 3600 }] }] });
  const near = findings.find((f) => f.kind === 'near-contested-feature')!;

  test('A reads Dokdo and its own unit by name, in Seoul time', () => {
    const text = describeFinding(near, config, readerFor('A'));
    expect(text).toMatch(/^\[rule R3\] A Ship One \(Aland\) passes \d+\.\d NM from Dokdo/);
    expect(text).toContain('Asia/Seoul (UTC+09:00)');
    expect(text).not.toContain('Takeshima');
  });

  test('B reads Takeshima, and only "a unit of Aland" (position-only releasability)', () => {
    const text = describeFinding(near, config, readerFor('B'));
    expect(text).toMatch(/a unit of Aland passes \d+\.\d NM from Takeshima/);
    expect(text).not.toContain('A Ship One');
    expect(text).not.toContain('Dokdo');
    expect(text).toContain('Asia/Tokyo');
  });

  test('the shared message uses the neutral name and UTC', () => {
    const text = describeFinding(near, config, readerFor());
    expect(text).toContain('Liancourt Rocks');
    expect(text).toMatch(/ UTC/);
    expect(text).not.toMatch(/Dokdo|Takeshima/);
  });
});
