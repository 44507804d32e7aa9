import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { DataFileError } from '../../core/errors.js';
import { parseCooperationConfig } from './load_config.js';

const EXAMPLE = readFileSync(new URL('../../../examples/cooperation/korea-japan.yaml', import.meta.url), 'utf8');

/** The example config with one change made by `edit`, as YAML text. */
function edited(edit: (doc: any) => void): string {
  const doc = parse(EXAMPLE);
  edit(doc);
  return stringify(doc);
}

/** The error message of parsing `text`, or fail. */
function errorOf(text: string): string {
  try {
    parseCooperationConfig(text, 'coop.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(DataFileError);
    return (error as Error).message;
  }
  throw new Error('expected the config to be refused');
}

describe('parseCooperationConfig', () => {
  test('the example config loads', () => {
    const config = parseCooperationConfig(EXAMPLE, 'korea-japan.yaml');
    expect(config.parties.map((p) => p.id)).toEqual(['KR', 'JP']);
    expect(config.parties.every((p) => p.rccs.every((r) => r.srr.illustrative))).toBe(true);
    expect(config.agreement.statusHistory.map((h) => h.status)).toEqual(['proposed', 'opposed', 'drafted', 'under-consultation', 'signing-expected']);
  });

  test('a missing field is named by its path', () => {
    expect(errorOf(edited((d) => { delete d.parties[0].name; }))).toMatch(/^coop\.yaml: parties\/0\/name: is required but missing$/);
  });

  test('a value outside its set lists the allowed values', () => {
    expect(errorOf(edited((d) => { d.units[1].releasability = 'secret'; }))).toMatch(
      /coop\.yaml: units\/1\/releasability: must be one of 'everything', 'position-only', 'nothing' \(got "secret"\)/);
  });

  test('a number of the wrong type or range is named', () => {
    expect(errorOf(edited((d) => { d.places[0].position.latDeg = 97; }))).toMatch(/places\/0\/position\/latDeg: Expected number to be less or equal to 90 \(got 97\)/);
    expect(errorOf(edited((d) => { d.units[0].speedKn = 'fast'; }))).toMatch(/units\/0\/speedKn: Expected number \(got "fast"\)/);
  });

  test('an unknown field is refused with its path', () => {
    expect(errorOf(edited((d) => { d.agreement.signedOn = '2008-05-01'; }))).toMatch(/coop\.yaml: agreement\/signedOn: unknown key/);
  });

  test('an unknown time zone is named', () => {
    expect(errorOf(edited((d) => { d.parties[0].timeZone = 'Asia/Soul'; }))).toMatch(/parties\/0\/timeZone: 'Asia\/Soul' is not a known IANA time zone/);
  });

  test('unknown references (party, source, place placeholder) are each named', () => {
    const message = errorOf(edited((d) => {
      d.units[0].party = 'CN';
      d.agreement.statusHistory[0].sources = ['rumour'];
      d.incidents[0].what = 'near {place:atlantis}';
    }));
    expect(message).toMatch(/units\/0\/party: unknown party 'CN' \(known: KR, JP\)/);
    expect(message).toMatch(/agreement\/statusHistory\/0\/sources\/0: unknown source 'rumour'/);
    expect(message).toMatch(/incidents\/0\/what: unknown place in \{place:…\} 'atlantis'/);
  });

  test('an impossible date, a zone-less revision time and a rule without its data are named', () => {
    const message = errorOf(edited((d) => {
      d.incidents[0].date = '2006-02-30';
      d.agreement.record[0].time = '2026-11-29T14:00';
      delete d.rules[2].radiusNm;
    }));
    expect(message).toMatch(/incidents\/0\/date: '2006-02-30' is not a valid date/);
    expect(message).toMatch(/agreement\/record\/0\/time: .*no time zone/);
    expect(message).toMatch(/rules\/2\/radiusNm: a 'contested-feature-notification' rule needs radiusNm/);
  });

  test('a duplicate id and a contested place without position are named', () => {
    const message = errorOf(edited((d) => { d.units[1].id = d.units[0].id; delete d.places[0].position; }));
    expect(message).toMatch(/units\/1\/id: duplicate id 'kr-ship-1'/);
    expect(message).toMatch(/places\/0\/position: a contested feature needs a position/);
  });

  test('YAML syntax errors give the line', () => {
    expect(errorOf('title: [unclosed\nparties: x\n')).toMatch(/coop\.yaml: not valid YAML at line \d+/);
  });
});
