import { describe, expect, test } from 'vitest';
import { readerFor } from '../../cooperation/index.js';
import { testConfig } from '../../cooperation/fixture_for_tests.js';
import { renderAfterActionHtml } from './after_action_html.js';
import { afterActionDocument } from './report_document.js';
import { afterActionFixture } from './report_fixture_for_tests.js';

// the test config's places with each party's names in its own script
const base = testConfig();
const config = testConfig({
  places: base.places.map((p) => (p.id === 'rocks' ? { ...p, names: { A: '독도', B: '竹島' } } : { ...p, names: { A: '동해', B: '日本海' } })),
});
const report = afterActionFixture({ parties: ['A', 'B'], units: ['a-ship', 'b-ship'], placeId: 'rocks', rccId: 'rcc-b' });

describe('renderAfterActionHtml', () => {
  const kr = renderAfterActionHtml(report, config, readerFor('A'));
  const jp = renderAfterActionHtml(report, config, readerFor('B'));
  const shared = renderAfterActionHtml(report, config, readerFor());

  test('each party\'s copy holds its own names, the shared copy the neutral name', () => {
    expect(kr).toContain('Joint SAREX 2027-1 near 독도');
    expect(kr).toContain('a life raft 5 NM west of 독도');
    expect(kr).not.toMatch(/竹島|Liancourt Rocks/);
    expect(jp).toContain('Joint SAREX 2027-1 near 竹島');
    expect(jp).toContain('keep the 6 h lead');
    expect(jp).not.toMatch(/독도|Liancourt Rocks/);
    expect(shared).toContain('Joint SAREX 2027-1 near Liancourt Rocks');
    expect(shared).not.toMatch(/독도|竹島/);
  });

  test('times in UTC and the reader\'s zone; the shared copy gives both zones', () => {
    // 2027-05-20T00:30Z is 09:30 in Seoul and in Tokyo (both UTC+9)
    expect(kr).toContain('2027-05-20 00:30 UTC / 2027-05-20 09:30 Asia/Seoul (UTC+09:00) to ');
    expect(jp).toContain('2027-05-20 00:30 UTC / 2027-05-20 09:30 Asia/Tokyo (UTC+09:00) to ');
    expect(shared).toContain('2027-05-20 00:30 UTC / 2027-05-20 09:30 Asia/Seoul (UTC+09:00) / 2027-05-20 09:30 Asia/Tokyo (UTC+09:00) to ');
    expect(kr).toContain('times in UTC and Asia/Seoul');
    expect(jp).toContain('times in UTC and Asia/Tokyo');
    expect(shared).toContain('times in UTC and Asia/Seoul, Asia/Tokyo');
  });

  test('self-contained: the maps are inline SVG, one per plan and one of every search, with the place marked', () => {
    expect(kr).not.toMatch(/<script|<link|src="http|href="http/);
    expect(kr.match(/<svg /g)).toHaveLength(2);
    const firstMap = kr.slice(kr.indexOf('<svg '), kr.indexOf('</svg>'));
    expect(firstMap.match(/<polygon /g)!.length).toBe(report.plans[0].cells.length);   // the POC cells
    expect(firstMap).toContain('>독도</text>');                                        // the islets in the reader's name
    expect(firstMap).toMatch(/stroke="#e31a1c"/);                                       // the truth's track
    expect(firstMap).toMatch(/stroke-dasharray="4 2"/);                                 // the 90 % contour
    expect(kr).toContain('detected by B Cutter (Bland)');
  });

  test('the scores, the people aboard and the lessons are there', () => {
    expect(kr).toContain('Detected by B Cutter (Bland) at 2027-05-20 04:00 UTC');
    expect(kr).toContain('3 h 30 min after');
    expect(kr).toContain('1 of 1 required notifications acknowledged in time');
    expect(kr).toContain('<td>Sato Kenji</td><td>Bland</td><td>liaison officer</td><td>A Ship One (Aland)</td>');   // A reads its own unit's name
    expect(jp).toContain('<td>Sato Kenji</td><td>Bland</td><td>liaison officer</td><td>a-ship (Aland)</td>');        // released position-only to B: its id
    expect(kr).toContain('<td>Kim Min-jun</td><td>Aland</td><td>observer</td><td>RCC B (Bland)</td>');
    expect(kr).toContain('exercise director');
    const plan = afterActionDocument(report, config, readerFor('A')).sections.find((s) => s.heading === 'Scores')!.blocks[1];
    expect(plan.kind === 'table' && plan.rows[0].slice(0, 3)).toEqual(['1', '2027-05-20 02:00 UTC / 2027-05-20 11:00 Asia/Seoul (UTC+09:00)', '62.0 %']);
  });
});
