import { describe, expect, test } from 'vitest';
import { composeParts, LIST_WORDS_EN, record, words, wordsFrom } from './words.js';

type Key = 'reason' | 'hosted' | 'item';
const english = wordsFrom<Key>({ reason: ' Reason: {reason}', hosted: '{title}, hosted by {host}. With: {items}.', item: '{name} ({party})', ...LIST_WORDS_EN });
const korean = wordsFrom<Key>({ reason: ' 사유: {reason}', hosted: '{title} (주최: {host}). 참가자: {items}.', item: '{name} ({party})', list: ', ' });

describe('composeParts', () => {
  test('the record\'s texts as written, sarbridge\'s words from the wording, in order', () => {
    const parts = [record('Seoul opposed the move.'), words<Key>('reason', { reason: record('amid tension') })];
    expect(composeParts(parts, english)).toBe('Seoul opposed the move. Reason: amid tension');
    expect(composeParts(parts, korean)).toBe('Seoul opposed the move. 사유: amid tension');
  });
  test('a list is worded item by item and joined by the language\'s list words; an empty list leaves nothing', () => {
    const people = [words<Key>('item', { name: record('Minister'), party: record('JP') }), words<Key>('item', { name: record('Chief'), party: record('KR') })];
    const hosted = (items: typeof people) => [words<Key>('hosted', { title: record('Talks'), host: record('Japan'), items })];
    expect(composeParts(hosted(people), english)).toBe('Talks, hosted by Japan. With: Minister (JP); Chief (KR).');
    expect(composeParts(hosted(people), korean)).toBe('Talks (주최: Japan). 참가자: Minister (JP), Chief (KR).');
    expect(composeParts(hosted([]), english)).toBe('Talks, hosted by Japan. With: .');
  });
  test('braces in a record\'s text are never read as placeholders', () => {
    expect(composeParts([words<Key>('reason', { reason: record('{host} {reason}') })], english)).toBe(' Reason: {host} {reason}');
  });
});
