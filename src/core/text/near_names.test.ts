import { describe, expect, test } from 'vitest';
import { didYouMean, nearNames } from './near_names.js';

describe('nearNames', () => {
  const keys = ['title', 'start', 'durationH', 'direction', 'timeStepMin', 'outputEverySteps', 'particles', 'seed', 'forcing', 'coastline', 'scenarios'];
  test('a transposition, a missing unit and a case slip find the key meant', () => {
    expect(nearNames('particels', keys)).toEqual(['particles']);
    expect(nearNames('duration', keys)).toEqual(['durationH']);
    expect(nearNames('Seed', keys)).toEqual(['seed']);
    expect(nearNames('Seeds', keys)).toEqual(['seed']);
  });
  test('nothing is suggested for a word unlike every key', () => {
    expect(nearNames('helicopter', keys)).toEqual([]);
    expect(didYouMean('helicopter', keys)).toBe('');
    expect(didYouMean('particels', keys)).toBe("; did you mean 'particles'?");
  });
});
