import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildAnnualReport, readerFor } from '../../core/cooperation/index.js';
import { pdftotext, pdftotextAvailable } from '../../test_support/pdftotext.js';
import { renderAnnualReportPdf } from '../cooperation/annual_report_pdf.js';
import { parseCooperationConfig } from '../cooperation/load_config.js';
import { cjkFonts } from './cjk_fonts.js';
import { PdfWriter, pdfDrawnText } from './pdf_writer.js';
import { textRuns } from './text_runs.js';

const configPath = new URL('../../../examples/cooperation/korea-japan.yaml', import.meta.url).pathname;
/** The example config with each party's names in its own script (the file writes them in Latin letters). */
const nativeConfig = parseCooperationConfig(readFileSync(configPath, 'utf8')
  .replace('names: { KR: Dokdo, JP: Takeshima }', 'names: { KR: 독도, JP: 竹島 }')
  .replace('names: { KR: East Sea, JP: Sea of Japan }', 'names: { KR: 동해, JP: 日本海 }'), configPath);

const both = { kr: (cp: number) => cjkFonts().kr.font.hasGlyphForCodePoint(cp), jp: (cp: number) => cjkFonts().jp.font.hasGlyphForCodePoint(cp) };

describe('textRuns', () => {
  test('Latin alone in the standard font; with Hangul or Japanese, Hangul in the Korean font and the rest in the Japanese one', () => {
    expect(textRuns('Liancourt Rocks – 37°14′N', both)).toEqual([{ font: 'jp', text: 'Liancourt Rocks – 37°14′N' }]);   // ′ is not WinAnsi
    expect(textRuns('Liancourt Rocks – 37°N', both)).toEqual([{ font: 'standard', text: 'Liancourt Rocks – 37°N' }]);
    expect(textRuns('Dokdo 독도 / 竹島 (たけしま) 隠岐', both)).toEqual([
      { font: 'jp', text: 'Dokdo ' }, { font: 'kr', text: '독도 / ' }, { font: 'jp', text: '竹島 (たけしま) 隠岐' },
    ]);
  });
  test('a character neither font has is reported', () => {
    const missing = new Set<string>();
    textRuns('a\u{1F6DF}b', both, missing);   // U+1F6DF RING BUOY, an emoji neither Noto Sans KR nor JP carries
    expect([...missing]).toEqual(['\u{1F6DF}']);
  });
  test('the Korean font lacks Japanese kanji such as 隠 and 庁, which is why there are two', () => {
    expect(cjkFonts().kr.font.hasGlyphForCodePoint('隠'.codePointAt(0)!)).toBe(false);
    expect(cjkFonts().jp.font.hasGlyphForCodePoint('독'.codePointAt(0)!)).toBe(false);
  });
});

describe('PdfWriter', () => {
  test('a Latin-only document embeds no font', async () => {
    const pdf = await new PdfWriter({ title: 't' }).text('Liancourt Rocks').finish();
    expect(pdfDrawnText(pdf)).toContain('Liancourt Rocks');
    expect(Buffer.from(pdf).toString('latin1')).not.toMatch(/FontFile2/);
  });

  test.skipIf(!pdftotextAvailable)('Hangul and Japanese on one line come out of pdftotext as written', async () => {
    const pdf = await new PdfWriter({ title: 't' }).text('Search area near 독도 / 竹島 (Liancourt Rocks): 수색 구역, 捜索区域, 海上保安庁').finish();
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/FontFile2/);
    const text = pdftotext(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Search area near 독도 / 竹島 (Liancourt Rocks): 수색 구역, 捜索区域, 海上保安庁');
  });
});

describe('bold text in the embedded fonts', () => {

  test('Hangul and Japanese in bold are a synthetic bold: filled and stroked (rendering mode 2) with a line of 1/24 em; regular text is only filled', async () => {
    const pdf = await new PdfWriter({ title: 't' })
      .textParts([{ text: '수색 구역: ', style: 'bold' }, { text: '독도' }], { sizePt: 12 })
      .text('捜索区域', { style: 'bold', sizePt: 18 })
      .text('海上保安庁', { sizePt: 24 })
      .finish();
    const raw = Buffer.from(pdf).toString('latin1');
    // four text objects in the embedded fonts: the bold label, its regular value, the bold Japanese line, the regular one
    const modes = [...raw.matchAll(/BT\n([^]*?)ET/g)].map((m) => (/\b2 Tr\b/.test(m[1]) ? 'bold' : 'regular'));
    expect(modes).toEqual(['bold', 'regular', 'bold', 'regular']);
    // the stroke widths set for the bold ones, 12/24 and 18/24 pt, each followed by PDF's default 1
    expect([...raw.matchAll(/(?:^|\n)([\d.]+) w\n/g)].map((m) => Number(m[1]))).toEqual([0.5, 1, 0.75, 1]);
    if (pdftotextAvailable) expect(pdftotext(pdf).replace(/\s+/g, ' ')).toContain('수색 구역: 독도 捜索区域 海上保安庁');
  });

  test('Latin bold stays Helvetica-Bold, without a stroke', async () => {
    const raw = Buffer.from(await new PdfWriter({ title: 't' }).text('Search area', { style: 'bold' }).finish()).toString('latin1');
    expect(raw).toMatch(/Helvetica-Bold/);
    expect(raw).not.toMatch(/\b2 Tr\b/);
  });
});

describe('the annual report PDF with Korean and Japanese names', () => {
  test.skipIf(!pdftotextAvailable)('each party\'s copy holds its own names, the shared one the neutral names', async () => {
    const kr = await renderAnnualReportPdf(buildAnnualReport(nativeConfig, 2008, readerFor('KR')));
    const jp = await renderAnnualReportPdf(buildAnnualReport(nativeConfig, 2008, readerFor('JP')));
    const shared = await renderAnnualReportPdf(buildAnnualReport(nativeConfig, 2008, readerFor()));
    const krText = pdftotext(kr), jpText = pdftotext(jp), sharedText = pdftotext(shared);
    expect(krText).toContain('독도');
    expect(krText).toContain('동해');
    expect(krText).not.toMatch(/竹島|日本海/);
    // the reason quoted from the (Korean) report keeps KR's names in every copy ({place:id@KR}); outside it, each copy its own
    const quoted = /claim to 독도 in the 동해/;
    const outside = (text: string) => { const flat = text.replace(/\s+/g, ' '); expect(flat).toMatch(quoted); return flat.replace(quoted, ''); };
    expect(jpText).toContain('竹島');
    expect(outside(jpText)).not.toMatch(/독도|동해/);
    expect(sharedText).toContain('Liancourt Rocks');
    expect(outside(sharedText)).not.toMatch(/독도|竹島/);
    // what the embedded subsets add to a copy (printed, not asserted)
    console.log(`annual report 2008 PDF: KR copy ${kr.length} B, JP copy ${jp.length} B, shared (Latin only) ${shared.length} B`);
  });
});
