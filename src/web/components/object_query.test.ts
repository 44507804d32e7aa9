import { describe, expect, test } from 'vitest';
import { exactClass } from './object_query.js';

describe('exactClass', () => {
  const objects = [{ key: 'PIW-1' }, { key: 'LIFE-RAFT-DB-10' }, { key: 'OVATEK-CRAFT-2' }];
  test('a query naming a key, in any case and with spaces around, is that class', () => {
    expect(exactClass(' ovatek-craft-2 ', objects)).toBe('OVATEK-CRAFT-2');
  });
  test('words that only match part of a key, or a list not loaded yet, name no class', () => {
    expect(exactClass('raft', objects)).toBeNull();
    expect(exactClass('OVATEK-CRAFT-2', [])).toBeNull();   // asked again when the list arrives (the component's effect)
  });
});
