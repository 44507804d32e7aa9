/**
 * The example dataset (examples/cooperation/korea-japan.yaml) read back as the report tells it:
 * Yonhap, SEOUL, April 28 (2008), in /work/shared/seed. Key phrases must appear, in the report's order.
 */
import { describe, expect, test } from 'vitest';
import { buildAnnualReport, buildTimeline, readerFor, renderAnnualReportHtml } from '../../core/cooperation/index.js';
import { loadCooperationConfig } from './load_config.js';

const config = loadCooperationConfig(new URL('../../../examples/cooperation/korea-japan.yaml', import.meta.url).pathname);

/** Lines of the timeline as `date | label | text | sources`. */
const timelineText = (party?: string) => buildTimeline(config, readerFor(party)).map((e) => `${e.dateText} | ${e.label} | ${e.text} | ${e.sources.join('; ')}`).join('\n');

/** Assert each phrase occurs after the previous one. */
function expectInOrder(text: string, phrases: readonly string[]): void {
  let at = 0;
  for (const phrase of phrases) {
    const found = text.indexOf(phrase, at);
    expect(found, `'${phrase}' after position ${at}`).toBeGreaterThanOrEqual(0);
    at = found + phrase.length;
  }
}

describe('the example timeline', () => {
  test('reads as the report does, in order', () => {
    expectInOrder(timelineText(), [
      '2005 | proposed | Japan: Tokyo proposed', 'ministry officials',
      '| opposed | South Korea: Seoul opposed the move',
      '2005 | drafted | The sides had already composed the agreement in 2005', 'asked not to be identified',
      '2006 | incident |', 'two of Japan\'s Coast Guard survey ships', 'to conduct research', 'Tokyo called off the maritime research', 'continues to claim sovereignty',
      'as stated on 2008-04-28) | under consultation |', 'Kim Hyong-ki, Defense Ministry spokesman (on the record)',
      'within the year (as stated on 2008-04-28) | signing expected |', 'Shigeru Ishiba', 'not set',
      'date not set; expected within the year', '| meeting |', 'Defense Minister (his South Korean counterpart), name not known',
      'Yonhap, SEOUL, April 28',
    ]);
  });

  test('adds no signature, entry into force or date the report does not give', () => {
    const text = timelineText();
    expect(text).not.toMatch(/\| (signed|in force|suspended|terminated) \|/);
    expect(config.agreement.statusHistory.map((h) => h.status)).not.toContain('signed');
    expect(config.meetings[0].date).toEqual({ kind: 'not-set' });
    expect(config.agreement.titleProvisional).toBe(true);
    expect(config.programmes).toEqual([]);
  });

  test('each party reads its own names; the shared timeline reads the neutral name; a quoted text keeps the source\'s names', () => {
    const kr = timelineText('KR');
    const jp = timelineText('JP');
    const shared = timelineText();
    // the reason Seoul opposed is quoted from the (Korean, English-language) report: its names for every reader
    const quote = "Japan's claim to Dokdo in the East Sea and continued disputes";
    for (const text of [kr, jp, shared]) expect(text).toContain(quote);
    const own = (text: string) => text.replace(quote, '');
    expect(kr).toContain('approached Dokdo to conduct research');
    expect(own(kr)).not.toMatch(/Takeshima|Sea of Japan|Liancourt/);
    expect(jp).toContain('approached Takeshima to conduct research');
    expect(own(jp)).not.toMatch(/Dokdo|East Sea|Liancourt/);
    expect(shared).toContain('approached Liancourt Rocks');
    expect(own(shared)).not.toMatch(/Dokdo|Takeshima/);
  });

  test('sovereignty is on record only as each party\'s claim', () => {
    const islets = config.places.find((p) => p.id === 'liancourt')!;
    expect(islets.claims.map((c) => c.party)).toEqual(['KR', 'JP']);
    expect(islets.contested).toBe(true);
    expect(islets.position).toEqual({ lonDeg: 131.87, latDeg: 37.24 });
  });
});

describe('the example annual report', () => {
  test('exports use the reader\'s names in its own script (KR edition: 독도; JP edition: 竹島)', () => {
    const kr = renderAnnualReportHtml(buildAnnualReport(config, 2008, readerFor('KR')));
    const jp = renderAnnualReportHtml(buildAnnualReport(config, 2008, readerFor('JP')));
    // the reason quoted from the report keeps its names (romanised, as the English-language report writes them) in both
    const quoted = /claim to Dokdo in the East Sea/;
    expect(kr).toMatch(quoted);
    expect(jp).toMatch(quoted);
    expect(kr).toContain('독도');
    expect(kr.replace(quoted, '')).not.toMatch(/Takeshima|竹島|Dokdo/);
    expect(jp).toContain('竹島');
    expect(jp.replace(quoted, '')).not.toMatch(/Dokdo|독도|Takeshima/);
    expect(kr).toContain('Asia/Seoul');
    expect(jp).toContain('Asia/Tokyo');
  });
});
