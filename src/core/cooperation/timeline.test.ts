import { describe, expect, test } from 'vitest';
import { configWithEveryEntry, keysIn } from './fixture_for_tests.js';
import { readerFor } from './reader.js';
import { buildTimeline, TIMELINE_WORDS_EN, type TimelineEntry } from './timeline.js';

const partsOf = (e: TimelineEntry) => [...e.dateParts, ...e.parts, ...e.sourceParts.flat()];

describe('buildTimeline', () => {
  const timeline = buildTimeline(configWithEveryEntry(), readerFor('A'));
  const text = (kind: string, k = 0) => timeline.filter((e) => e.kind === kind)[k];

  test('words every kind in English for the CLI and the reports', () => {
    expect(timeline.map((e) => `${e.dateText} | ${e.label} | ${e.text} | ${e.sources.join('; ')}`)).toEqual([
      '2026 | proposed | Bland: Bland proposed it. | Test Agency, ALAND, May 2 (2027-05-02); Kim Test, Navy spokesman (on the record)',
      'at the time | opposed | Aland: Aland opposed it. Reason: tension over Dokdo | a ministry official (unnamed; asked not to be identified); an official (unnamed)',
      '2026-08-02 | incident | Close approach to Dokdo: A survey ship approached Dokdo. Outcome: Both withdrew. | Test Agency, ALAND, May 2 (2027-05-02)',
      'ongoing (as stated on 2027-05-02) | under consultation | Both consult. | news agency; Minutes of the talks (draft); Lee Test (on the record); nowhere',
      'date not set; expected within the year (as stated on 2027-05-02) | meeting | Ministers\' meeting, hosted by Aland. Participants: Defense Minister Sato Test (B); ' +
        'Defense Minister, name not known (A). Agenda: signing; exercises near Dokdo. Outcomes: agreement signed (expected); talks at East Sea (achieved); a date (not achieved). | Test Agency, ALAND, May 2 (2027-05-02)',
      '2027-06 | exercise (done) | SAREX 1, hosted by Aland, area near Dokdo. Two found near Dokdo. | ',
      '2027-10-01 | exercise (planned) | SAREX 2, hosted by Bland, area open sea. | ',
      'not set | meeting | Staff talks, hosted by Bland. Participants: . | ',
    ]);
  });

  test('the parts hold the record\'s texts named for the reader, apart from sarbridge\'s words', () => {
    expect(text('agreement-status', 1).parts).toEqual([
      { kind: 'words', key: 'status.actor', values: { party: { kind: 'record', text: 'Aland' } } },
      { kind: 'record', text: 'Aland opposed it.' },
      { kind: 'words', key: 'status.reason', values: { reason: { kind: 'record', text: 'tension over Dokdo' } } },
    ]);
    expect(text('agreement-status', 2).dateParts).toEqual([
      { kind: 'words', key: 'date.statedOn', values: { text: { kind: 'record', text: 'ongoing' }, statedOn: { kind: 'record', text: '2027-05-02' } } },
    ]);
    expect(text('meeting', 0).dateParts).toEqual([{ kind: 'words', key: 'date.notSetExpected', values: {
      expected: { kind: 'words', key: 'date.statedOn', values: { text: { kind: 'record', text: 'within the year' }, statedOn: { kind: 'record', text: '2027-05-02' } } },
    } }]);
  });

  test('every English word of the table is used by some entry here (so the page\'s tests see them all)', () => {
    const used = new Set(timeline.flatMap((e) => [...keysIn(partsOf(e))]));
    expect([...used, 'list'].sort()).toEqual(Object.keys(TIMELINE_WORDS_EN).sort());
  });
});
