import { describe, expect, test } from 'vitest';
import { readNewCase } from './new_case_fields.js';

describe('readNewCase', () => {
  const agreement = ['KR', 'JP'];
  test('codes separated by commas or spaces, any case, each once', () => {
    expect(readNewCase(' Raft west of the rocks ', 'kr,  jp jp', 'KR', agreement)).toEqual({ kind: 'case', title: 'Raft west of the rocks', parties: ['KR', 'JP'] });
    expect(readNewCase('x', 'KR、JP', 'JP', agreement)).toEqual({ kind: 'case', title: 'x', parties: ['KR', 'JP'] });
  });
  test('a party the agreement does not name is refused, naming it and the agreement\'s parties (the server would open the case)', () => {
    expect(readNewCase('x', 'KR, JO', 'KR', agreement)).toEqual({ kind: 'problem', key: 'newcase.unknownParty', values: { parties: 'JO', known: 'KR, JP' } });
  });
  test('without an agreement any code is taken, but the reader\'s own party must be there', () => {
    expect(readNewCase('x', 'KR, ZZ', 'KR', null)).toMatchObject({ kind: 'case', parties: ['KR', 'ZZ'] });
    expect(readNewCase('x', 'JP', 'KR', agreement)).toEqual({ kind: 'problem', key: 'newcase.ownParty', values: { party: 'KR' } });
  });
  test('a blank title or no party is refused', () => {
    expect(readNewCase('   ', 'KR', 'KR', agreement)).toEqual({ kind: 'problem', key: 'newcase.needTitle' });
    expect(readNewCase('x', ' , ', 'KR', agreement)).toEqual({ kind: 'problem', key: 'newcase.needParties' });
  });
});
