import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { UnknownObjectClassError } from '../errors.js';
import { LEEWAY_TO_SEARCH_OBJECT, searchObjectForLeewayClass, sweepWidthForLeewayClass } from './object_mapping.js';
import { searchObjects } from './sweep_width.js';

/** Class keys from the project's copy of the Leeway table (data/leeway): the first line of each three-line block is `<key> <id>`. */
function leewayKeys(): string[] {
  const text = readFileSync(new URL('../../../data/leeway/OBJECTPROP.DAT', import.meta.url), 'utf8');
  const keys: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Za-z][A-Za-z0-9-]*)\s+(\d+)\s*$/.exec(line);
    if (m) keys.push(m[1]);
  }
  return keys;
}

describe('LEEWAY_TO_SEARCH_OBJECT', () => {
  test('maps every one of the 85 classes of OBJECTPROP.DAT, once, in file order', () => {
    const keys = leewayKeys();
    expect(keys).toHaveLength(85);
    expect(LEEWAY_TO_SEARCH_OBJECT.map((r) => r[0])).toEqual(keys);
  });
  test('every target is a search object of the sweep-width tables, and every row has a reason', () => {
    const objects = new Set(searchObjects());
    for (const [key, object, reason] of LEEWAY_TO_SEARCH_OBJECT) {
      expect(objects.has(object), `${key} -> ${object}`).toBe(true);
      expect(reason.length).toBeGreaterThan(10);
    }
  });
});

describe('searchObjectForLeewayClass', () => {
  test('persons in water map to Person in Water; a 4-14 person raft to Raft 4 person', () => {
    expect(searchObjectForLeewayClass('PIW-3').searchObject).toBe('Person in Water');
    expect(searchObjectForLeewayClass('life-raft-db-11').searchObject).toBe('Raft 4 person');
  });
  test('an unknown class is an UnknownObjectClassError with suggestions', () => {
    expect(() => searchObjectForLeewayClass('SKIFF-9')).toThrow(UnknownObjectClassError);
    expect(() => searchObjectForLeewayClass('SKIFF-9')).toThrow(/SKIFF-1/);
  });
});

describe('sweepWidthForLeewayClass', () => {
  test('a Korean fishing vessel seen from a 14 ft eye at 10 NM: Power Boat 33ft, Boat-14ft', () => {
    const r = sweepWidthForLeewayClass('FISHING-VESSEL-5', { visibilityNm: 10, platform: { kind: 'vessel', eyeHeightFt: 14 }, weather: { band: 1 } });
    expect(r.searchObject).toBe('Power Boat 33ft');
    expect(r.tables).toEqual(['Boat-14ft']);
    expect(r.mappingReason).toMatch(/Korean/);
    expect(r.sweepWidthNm).toBeGreaterThan(0);
  });
});
