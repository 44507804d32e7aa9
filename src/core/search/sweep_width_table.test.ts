import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DataFileError } from '../errors.js';
import { parseSweepWidthTable, parseWeatherCorrectionTypes } from './sweep_width_table.js';
import { SPEED_MODIFIER_CSV, SWEEP_WIDTH_CSV, WEATHER_CORRECTION_TYPES_CSV } from './sweep_width_tables.js';

describe('parseSweepWidthTable', () => {
  test('reads objects, visibility columns and values (Boat-8ft, from COMDTINST M16130.2F)', () => {
    const t = parseSweepWidthTable('Boat-8ft', SWEEP_WIDTH_CSV['Boat-8ft']);
    expect(t.columns).toEqual([1, 3, 5, 10, 15, 20]);
    expect(t.objects).toHaveLength(25);
    expect(t.objects[0]).toBe('Person in Water');
    expect(t.values[t.objects.indexOf('Raft 4 person')]).toEqual([0.7, 1.7, 2.2, 3.1, 3.5, 3.9]); // line 4 of Boat-8ft.csv
  });
  test('every embedded table parses, with the same 25 objects', () => {
    const names = Object.keys(SWEEP_WIDTH_CSV);
    expect(names).toHaveLength(18);
    const objects = parseSweepWidthTable('Boat-8ft', SWEEP_WIDTH_CSV['Boat-8ft']).objects;
    for (const name of names) expect(parseSweepWidthTable(name, SWEEP_WIDTH_CSV[name]).objects).toEqual(objects);
    expect(parseSweepWidthTable('a', SPEED_MODIFIER_CSV.aircraft).columns).toEqual([150, 180, 210]);
    expect(parseSweepWidthTable('h', SPEED_MODIFIER_CSV.helicopter).columns).toEqual([60, 90, 120, 140]);
  });
  test('the generated module matches data/sweep-width (regenerate with scripts/generate_sweep_width_tables.ts)', () => {
    const dir = new URL('../../../data/sweep-width/source-data/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.csv'));
    expect(files).toHaveLength(18);
    for (const f of files) expect(SWEEP_WIDTH_CSV[f.replace('.csv', '')]).toBe(readFileSync(new URL(f, dir), 'utf8'));
  });
  test('bad CSVs are refused, naming the table and the line', () => {
    expect(() => parseSweepWidthTable('T', 'Object,1,3\nPIW,1,2')).toThrow(DataFileError);
    expect(() => parseSweepWidthTable('T', 'Search Object,1,3\nPIW,1')).toThrow(/T: line 2: 2 cells, expected 3/);
    expect(() => parseSweepWidthTable('T', 'Search Object,1,3\nPIW,1,x')).toThrow(/line 2: 'PIW' column 3/);
    expect(() => parseSweepWidthTable('T', 'Search Object,3,1\nPIW,1,1')).toThrow(/must increase/);
  });
});

describe('parseWeatherCorrectionTypes', () => {
  test('persons in water, rafts and boats under 30 ft are small; larger boats and ships large', () => {
    const types = parseWeatherCorrectionTypes('w', WEATHER_CORRECTION_TYPES_CSV);
    expect(types.size).toBe(25);
    expect(types.get('Person in Water')).toBe('small');
    expect(types.get('Sail Boat 25ft')).toBe('small');
    expect(types.get('Power Boat 33ft')).toBe('large');
    expect(types.get('Ship ≥ 300ft')).toBe('large');
  });
  test('an unknown type is refused with its line', () => {
    expect(() => parseWeatherCorrectionTypes('w', 'PIW,small\nRaft,tiny')).toThrow(/w: line 2/);
  });
});
