import { describe, expect, test } from 'vitest';
import { buildAnnualReport } from './annual_report.js';
import { escapeHtml, renderAnnualReportHtml } from './annual_report_html.js';
import type { CooperationConfig } from './cooperation_config.js';
import { TEST_RECORD, testConfig } from './fixture_for_tests.js';
import { readerFor } from './reader.js';
import { describeExchange, exerciseRoster } from './roster.js';

/** The hand-drawn config with a 2027 programme (one exercise done, one planned), an exchange and an incident. */
function configWithProgramme(): CooperationConfig {
  return testConfig({
    programmes: [{
      year: 2027, exerciseFrequency: 'twice a year', hostRotation: ['A', 'B'], record: TEST_RECORD,
      exercises: [
        { id: 'x1', name: 'SAREX 1 <spring>', host: 'A', area: 'near {place:rocks}', date: { kind: 'month', iso: '2027-05' }, units: ['a-ship', 'b-ship'], state: 'done', result: 'Two persons in water found in 3 h', record: TEST_RECORD },
        { id: 'x2', name: 'SAREX 2', host: 'B', area: '{place:sea}', date: { kind: 'not-set' }, units: ['b-ship'], state: 'planned', record: TEST_RECORD },
      ],
      exchanges: [{ id: 'lo1', kind: 'liaison-officer', rankOrRole: 'Lieutenant Commander', fromParty: 'A', fromService: 'a-navy', hostedBy: 'rcc-b',
        from: { kind: 'day', iso: '2027-05-01' }, to: { kind: 'day', iso: '2027-05-10' }, exercise: 'x1', state: 'done', record: TEST_RECORD }],
    }],
    incidents: [{ id: 'i1', title: 'Close approach', date: { kind: 'day', iso: '2027-08-02' }, actors: [{ party: 'A', description: 'a patrol ship' }, { party: 'B', description: 'a survey ship' }],
      place: 'rocks', what: 'A survey ship approached {place:rocks}.', outcome: 'Both withdrew.', sources: ['src'], record: TEST_RECORD }],
  });
}

describe('buildAnnualReport', () => {
  const config = configWithProgramme();

  test('has the agreement, meetings, exercises, exchanges, incidents, claims and record sections', () => {
    const report = buildAnnualReport(config, 2027, readerFor());
    expect(report.sections.map((s) => s.heading)).toEqual(['The agreement', 'Meetings', 'Programme: joint search-and-rescue exercises',
      'Programme: personnel exchanges', 'Incidents at sea', 'Claims on record', 'Record']);
    expect(report.title).toBe('Test cooperation of Aland and Bland: annual report 2027');
  });

  test('counts the exercises held and the results recorded', () => {
    const text = JSON.stringify(buildAnnualReport(config, 2027, readerFor()));
    expect(text).toContain('Exercises held: 1 of 2 (1 still planned); results recorded for 1.');
  });

  test('a year without a programme says so', () => {
    const report = buildAnnualReport(config, 2026, readerFor('A'));
    const text = JSON.stringify(report);
    expect(text).toContain('No programme recorded for 2026.');
    expect(text).toContain('No incident recorded for 2026.');
  });
});

describe('renderAnnualReportHtml', () => {
  const config = configWithProgramme();

  test('renders the programme and incidents with the reader\'s names, escaping text', () => {
    const a = renderAnnualReportHtml(buildAnnualReport(config, 2027, readerFor('A')));
    expect(a).toMatch(/^<!DOCTYPE html>/);
    expect(a).toContain('<td>SAREX 1 &lt;spring&gt;</td>');
    expect(a).toContain('<td>near Dokdo</td>');
    expect(a).toContain('<td>Lieutenant Commander</td>');
    expect(a).toContain('<td>RCC B</td>');
    expect(a).toContain('A survey ship approached Dokdo.');
    expect(a).not.toContain('Takeshima');
    const shared = renderAnnualReportHtml(buildAnnualReport(config, 2027, readerFor()));
    expect(shared).toContain('<td>near Liancourt Rocks</td>');
    expect(shared).not.toMatch(/Dokdo|Takeshima/);
    // the shared edition shows record times in both parties' zones and UTC
    expect(shared).toContain('Asia/Seoul (UTC+09:00) = 2026-03-10 09:00 Asia/Tokyo (UTC+09:00) = 2026-03-10 00:00 UTC');
  });

  test('"both" naming shows each party\'s name', () => {
    const html = renderAnnualReportHtml(buildAnnualReport({ ...config, sharedNaming: 'both' }, 2027, readerFor()));
    expect(html).toContain('<td>near Dokdo / Takeshima</td>');
  });
});

describe('escapeHtml', () => {
  test('escapes markup characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('exerciseRoster / describeExchange', () => {
  test('the liaison officer attached to SAREX 1 is on its roster, with rank, service and host', () => {
    const config = configWithProgramme();
    const roster = exerciseRoster(config, 'x1');
    expect(roster.map((x) => x.id)).toEqual(['lo1']);
    expect(describeExchange(config, roster[0])).toBe('Lieutenant Commander (liaison officer) from Aland, A Navy, at RCC B, 2027-05-01 to 2027-05-10 (done)');
    expect(exerciseRoster(config, 'x2')).toEqual([]);
  });
});
