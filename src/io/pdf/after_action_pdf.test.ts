import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readerFor } from '../../core/cooperation/index.js';
import { afterActionFixture } from '../../core/exercise/report/report_fixture_for_tests.js';
import { pdftotext, pdftotextAvailable } from '../../test_support/pdftotext.js';
import { parseCooperationConfig } from '../cooperation/load_config.js';
import { renderAfterActionPdf } from './after_action_pdf.js';
import { pdfPageCount } from './pdf_writer.js';

const configPath = new URL('../../../examples/cooperation/korea-japan.yaml', import.meta.url).pathname;
/** The example config: each party's names romanised and in its own script (ownScriptNames: 독도, 竹島), the neutral name. */
const config = parseCooperationConfig(readFileSync(configPath, 'utf8'), configPath);
const report = afterActionFixture({ parties: ['KR', 'JP'], units: ['kr-ship-1', 'jp-ship-1'], placeId: 'liancourt', rccId: 'jp-rcc' });

describe('renderAfterActionPdf', () => {
  test('writes a PDF of several pages', async () => {
    const pdf = await renderAfterActionPdf(report, config, readerFor('KR'));
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(2);
  });

  test.skipIf(!pdftotextAvailable)('pdftotext finds Korean in the KR copy, Japanese in the JP copy, the neutral name in the shared one', async () => {
    const kr = pdftotext(await renderAfterActionPdf(report, config, readerFor('KR')));
    const jp = pdftotext(await renderAfterActionPdf(report, config, readerFor('JP')));
    const shared = pdftotext(await renderAfterActionPdf(report, config, readerFor()));
    expect(kr).toContain('Joint SAREX 2027-1 near 독도');
    expect(kr).toContain('a life raft 5 NM west of 독도');
    expect(kr).not.toMatch(/竹島|Takeshima|Dokdo/);   // the party's own script, not the romanised form
    expect(jp).toContain('Joint SAREX 2027-1 near 竹島');
    expect(jp).toContain('The notification for the search near 竹島 was made in time');
    expect(jp).not.toMatch(/독도|Dokdo|Takeshima/);
    expect(shared).toContain('Joint SAREX 2027-1 near Liancourt Rocks');
    expect(shared).not.toMatch(/독도|竹島|Dokdo|Takeshima/);
    // the scores and the times (UTC and the reader's zone) are in the text too
    expect(kr.replace(/\s+/g, ' ')).toContain('2027-05-20 04:00 UTC / 2027-05-20 13:00 Asia/Seoul');
    expect(kr).toContain('Sato Kenji');
  });
});
