import { describe, expect, test } from 'vitest';
import { buildAnnualReport, readerFor } from '../../core/cooperation/index.js';
import { loadCooperationConfig } from './load_config.js';
import { pdfDrawnText, pdfPageCount } from '../pdf/index.js';
import { renderAnnualReportPdf } from './annual_report_pdf.js';
import { pdftotext, pdftotextAvailable } from '../../test_support/pdftotext.js';

const config = loadCooperationConfig(new URL('../../../examples/cooperation/korea-japan.yaml', import.meta.url).pathname);

// the reason Seoul opposed is quoted from the report, which keeps its own names in every edition
const QUOTED = /claim to Dokdo in the East Sea/;
const outsideQuote = (text: string) => { const flat = text.replace(/\s+/g, ' '); expect(flat).toMatch(QUOTED); return flat.replace(QUOTED, ''); };

describe('renderAnnualReportPdf', () => {
  test('writes a PDF whose drawn text is the report, in the reader\'s names', async () => {
    const pdf = await renderAnnualReportPdf(buildAnnualReport(config, 2008, readerFor('JP')));
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(1);
    const text = pdfDrawnText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('annual report 2008');
    expect(text).toContain('Tokyo proposed signing such an agreement in 2005');
    expect(text).toContain('Shigeru Ishiba');
  });

  test.skipIf(!pdftotextAvailable)("each party's edition carries its own name in its own script (竹島, 독도), the shared one the neutral name", async () => {
    const jp = pdftotext(await renderAnnualReportPdf(buildAnnualReport(config, 2008, readerFor('JP'))));
    const kr = pdftotext(await renderAnnualReportPdf(buildAnnualReport(config, 2008, readerFor('KR'))));
    expect(jp).toContain('竹島');
    expect(outsideQuote(jp)).not.toMatch(/Takeshima|Dokdo|독도/);
    expect(kr).toContain('독도');
    expect(outsideQuote(kr)).not.toMatch(/Dokdo|Takeshima|竹島/);
  });

  test('the shared edition uses the neutral name', async () => {
    const text = pdfDrawnText(await renderAnnualReportPdf(buildAnnualReport(config, 2008, readerFor()))).replace(/\s+/g, ' ');
    expect(text).toContain('Liancourt Rocks');
    expect(outsideQuote(text)).not.toMatch(/Dokdo|Takeshima/);
  });
});
