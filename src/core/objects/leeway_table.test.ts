import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DataFileError, UnknownObjectClassError } from '../errors.js';
import { filterObjectClasses, findObjectClass, parseLeewayTable } from './leeway_table.js';

const text = readFileSync(new URL('../../../data/leeway/OBJECTPROP.DAT', import.meta.url), 'utf8');
const table = parseLeewayTable(text);

describe('parseLeewayTable', () => {
  test('reads all 85 classes of the shipped table, ids 1..85 in order', () => {
    expect(table).toHaveLength(85);
    expect(table.map((c) => c.id)).toEqual(Array.from({ length: 85 }, (_, k) => k + 1));
    expect(new Set(table.map((c) => c.key)).size).toBe(85);
  });

  test('converts PIW-1 from % and cm/s to fractions and m/s', () => {
    // table row: 0.96 0.00 12.00 | 0.54 0.00 9.40 | -0.54 0.00 9.40
    const piw = table[0];
    expect(piw.key).toBe('PIW-1');
    expect(piw.depth).toBe(0);
    expect(piw.downwind.slope).toBeCloseTo(0.0096, 12);
    expect(piw.downwind.stdDevMps).toBeCloseTo(0.12, 12);
    expect(piw.rightCrosswind.slope).toBeCloseTo(0.0054, 12);
    expect(piw.leftCrosswind.slope).toBeCloseTo(-0.0054, 12);
  });

  test('keeps sub-class depth and strips the markers', () => {
    const raft = table.find((c) => c.key === 'LIFE-RAFT-DB-13')!;
    expect(raft.depth).toBe(3);
    expect(raft.description.startsWith('4-14 person capacity')).toBe(true);
    expect(raft.downwind.offsetMps).toBeCloseTo(-0.0232, 12);
  });

  test('names the line of a malformed record', () => {
    const broken = text.replace('0.48     0.00      8.30', '0.48     zero      8.30');
    expect(() => parseLeewayTable(broken, 'x.dat')).toThrow(DataFileError);
    expect(() => parseLeewayTable(broken, 'x.dat')).toThrow(/x\.dat: line 6: class PIW-2 needs nine numbers/);
  });

  test('refuses a file that is cut in the middle of a class', () => {
    const cut = text.split('\n').slice(0, 4).join('\n');
    expect(() => parseLeewayTable(cut, 'cut.dat')).toThrow(/cut\.dat: line 4: class PIW-2 is cut short/);
  });
});

describe('findObjectClass', () => {
  test('finds by key in any case and by id', () => {
    expect(findObjectClass(table, 'life-raft-db-10').id).toBe(7);
    expect(findObjectClass(table, '7').key).toBe('LIFE-RAFT-DB-10');
    expect(findObjectClass(table, '#1').key).toBe('PIW-1');
  });

  test('an unknown key suggests the main classes that start alike', () => {
    expect(() => findObjectClass(table, 'PIW-99')).toThrow(UnknownObjectClassError);
    expect(() => findObjectClass(table, 'PIW-99')).toThrow(/did you mean PIW-1/);
    expect(() => findObjectClass(table, 'SUBMARINE')).toThrow(/sarbridge objects/);
  });

  test('a mistyped key suggests the key meant', () => {
    expect(() => findObjectClass(table, 'PIW1')).toThrow(/did you mean PIW-1\b/);
    expect(() => findObjectClass(table, 'LIFERAFT-DB-10')).toThrow(/did you mean LIFE-RAFT-DB-10\b/);
    expect(() => findObjectClass(table, 'SEPRIB')).toThrow(/did you mean SEPIRB\b/);
  });
});

describe('filterObjectClasses', () => {
  test('matches every word in key or description', () => {
    const found = filterObjectClasses(table, 'survival suit');
    expect(found.map((c) => c.key)).toContain('PIW-4');
    expect(found.every((c) => /survival suit/i.test(c.description))).toBe(true);
  });
});
