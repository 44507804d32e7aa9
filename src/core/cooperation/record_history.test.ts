import { describe, expect, test } from 'vitest';
import { addRevision, checkRecordHistory, createdS, describeRecordTimes, describeRevisions, formatTimeInZone, modifiedS } from './record_history.js';

// 2008-04-28T03:52Z is the report's posting time, 12:52 KST.
const posted = Date.UTC(2008, 3, 28, 3, 52) / 1000;
const history = { revisions: [{ timeS: posted, by: 'clerk', summary: 'created' }, { timeS: posted + 86400, by: 'editor', summary: 'title corrected' }] };

describe('formatTimeInZone', () => {
  test('Seoul and Tokyo are UTC+9 (no summer time), UTC is UTC', () => {
    expect(formatTimeInZone(posted, 'Asia/Seoul')).toBe('2008-04-28 12:52 Asia/Seoul (UTC+09:00)');
    expect(formatTimeInZone(posted, 'Asia/Tokyo')).toBe('2008-04-28 12:52 Asia/Tokyo (UTC+09:00)');
    expect(formatTimeInZone(posted, 'UTC')).toBe('2008-04-28 03:52 UTC');
  });

  test('a zone with summer time shows the offset of that date', () => {
    expect(formatTimeInZone(posted, 'Europe/London')).toBe('2008-04-28 04:52 Europe/London (UTC+01:00)');
  });

  test('an unknown zone is an error', () => {
    expect(() => formatTimeInZone(posted, 'Asia/Soul')).toThrow(/Asia\/Soul/);
  });
});

describe('createdS / modifiedS', () => {
  test('first and last revisions', () => {
    expect(createdS(history)).toBe(posted);
    expect(modifiedS(history)).toBe(posted + 86400);
  });
});

describe('addRevision / checkRecordHistory', () => {
  test('keeps every revision, refuses one out of order', () => {
    const next = addRevision(history, { timeS: posted + 2 * 86400, by: 'x', summary: 'y' });
    expect(next.revisions).toHaveLength(3);
    expect(() => addRevision(history, { timeS: posted, by: 'x', summary: 'y' })).toThrow(/earlier/);
    expect(() => checkRecordHistory({ revisions: [history.revisions[1], history.revisions[0]] }, 'agreement/record')).toThrow(/agreement\/record\/1\/time/);
    expect(() => checkRecordHistory({ revisions: [] }, 'x')).toThrow(/at least one/);
  });
});

describe('describeRecordTimes / describeRevisions', () => {
  test('each zone then UTC', () => {
    expect(describeRecordTimes(history, ['Asia/Seoul', 'Asia/Tokyo'])[0]).toBe(
      'created 2008-04-28 12:52 Asia/Seoul (UTC+09:00) = 2008-04-28 12:52 Asia/Tokyo (UTC+09:00) = 2008-04-28 03:52 UTC');
    expect(describeRevisions(history, 'UTC')).toEqual(['created 2008-04-28 03:52 UTC by clerk: created', 'revised 2008-04-29 03:52 UTC by editor: title corrected']);
  });
});
