/**
 * The one PDF writer (pdfkit) of the annual report and the after-action report: a text in
 * WinAnsi (Latin) is drawn in the standard Helvetica family; a text with Hangul or Japanese in
 * embedded Noto Sans KR / JP subsets (cjk_fonts.ts), the font chosen per run (text_runs.ts), so
 * `pdftotext` and a reader's search find the names as written. Only the regular weight of the
 * embedded fonts is shipped (data/fonts/PROVENANCE.md says why): bold text in them is a synthetic
 * bold, each glyph filled and stroked in the text colour (text rendering mode 2, PDF 32000-1:2008
 * 9.3.6) with a line of 1/24 em, which widens a stem by 1/24 em as FreeType's synthetic
 * emboldening (FT_GlyphSlot_Embolden) does. Italic text in them stays upright. The fonts are read
 * only when a text needs them.
 */
import PDFDocument from 'pdfkit';
import { cjkFonts } from './cjk_fonts.js';
import { isWinAnsi, textRuns, type GlyphCoverage, type TextRun } from './text_runs.js';

/** The weight or slant of a text; Hangul and Japanese in bold are a synthetic bold, in italic upright. */
export type PdfTextStyle = 'regular' | 'bold' | 'italic';

const STANDARD: Readonly<Record<PdfTextStyle, string>> = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' };

/** Stroke width of the synthetic bold, in em (see the file header). */
export const SYNTHETIC_BOLD_EM = 1 / 24;

/** What a text call takes: pdfkit's text options, the style and the size in points. */
export type PdfTextOptions = PDFKit.Mixins.TextOptions & { readonly style?: PdfTextStyle; readonly sizePt?: number };

/** The document's metadata and page. */
export interface PdfDocumentOptions {
  readonly title: string;
  readonly subject?: string;
  /** BCP 47, e.g. `en`, `ko`, `ja`. */
  readonly language?: string;
  readonly marginPt?: number;
  /** false (the default) leaves content streams uncompressed, so tests can read the drawn text. */
  readonly compress?: boolean;
}

/** A PDF being written: text in any script, and pdfkit's document for drawing. */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  /** Characters neither embedded font has (drawn as empty boxes). */
  readonly missingCharacters = new Set<string>();
  private readonly bytes: Promise<Uint8Array>;
  private coverage: GlyphCoverage | null = null;

  constructor(options: PdfDocumentOptions) {
    this.doc = new PDFDocument({
      size: 'A4', margin: options.marginPt ?? 50, compress: options.compress ?? false,
      info: { Title: options.title, ...(options.subject ? { Subject: options.subject } : {}), Creator: 'sarbridge' },
      ...(options.language ? { lang: options.language } : {}),
    });
    const chunks: Uint8Array[] = [];
    this.bytes = new Promise<Uint8Array>((resolve, reject) => {
      this.doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
      this.doc.on('end', () => resolve(concat(chunks)));
      this.doc.on('error', reject);
    });
  }

  /** The width between the margins, points. */
  get contentWidthPt(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  /**
   * Write text at the current position (or at `x`, `y` in points), wrapped to `width`, each run
   * in the font that has its glyphs. `continued` leaves the line open for the next call; to mix
   * styles in one line (a bold label, then its value) use `textParts`, which keeps the whole line
   * in the embedded fonts when any part needs them (so the parts share a baseline).
   */
  text(text: string, options: PdfTextOptions = {}, xPt?: number, yPt?: number): this {
    const { style = 'regular', ...rest } = options;
    return this.textParts([{ text, style }], rest, xPt, yPt);
  }

  /** Write parts of one paragraph in their styles (see `text`). */
  textParts(parts: readonly { readonly text: string; readonly style?: PdfTextStyle }[], options: Omit<PdfTextOptions, 'style'> = {}, xPt?: number, yPt?: number): this {
    const { sizePt = 10, ...rest } = options as PdfTextOptions;
    const latin = parts.every((p) => [...p.text].every((c) => isWinAnsi(c.codePointAt(0)!)));
    const runs: { font: string; text: string; syntheticBold: boolean }[] = [];
    for (const part of parts) {
      if (part.text === '') continue;
      if (latin) runs.push({ font: STANDARD[part.style ?? 'regular'], text: part.text, syntheticBold: false });
      else {
        const split: TextRun[] = textRuns(part.text, this.glyphs(), this.missingCharacters);
        // a Latin-only part among CJK ones still goes to the embedded fonts (one baseline), bold as the rest
        for (const r of split) runs.push({ font: r.font === 'standard' ? 'sarbridge-jp' : `sarbridge-${r.font}`, text: r.text, syntheticBold: part.style === 'bold' });
      }
    }
    if (runs.length === 0) runs.push({ font: STANDARD.regular, text: '', syntheticBold: false });
    runs.forEach((run, k) => {
      this.doc.font(run.font).fontSize(sizePt);
      // fill and stroke are given on every run: pdfkit carries a continued line's options to the next call
      const opts = { ...rest, fill: true, stroke: run.syntheticBold, continued: k < runs.length - 1 ? true : rest.continued ?? false };
      if (run.syntheticBold) this.doc.lineWidth(sizePt * SYNTHETIC_BOLD_EM).strokeColor(...(fillColorOf(this.doc)));
      if (k === 0 && xPt !== undefined) this.doc.text(run.text, xPt, yPt, opts);
      else this.doc.text(run.text, opts);
      // back to PDF's default line width for whatever is drawn next (every drawing here sets its own colour)
      if (run.syntheticBold) this.doc.lineWidth(1);
    });
    return this;
  }

  /** Finish the document: its bytes. */
  finish(): Promise<Uint8Array> {
    this.doc.end();
    return this.bytes;
  }

  private glyphs(): GlyphCoverage {
    if (!this.coverage) {
      const { kr, jp } = cjkFonts();
      this.doc.registerFont(kr.name, kr.bytes);
      this.doc.registerFont(jp.name, jp.bytes);
      this.coverage = { kr: (cp) => kr.font.hasGlyphForCodePoint(cp), jp: (cp) => jp.font.hasGlyphForCodePoint(cp) };
    }
    return this.coverage;
  }
}

/** The document's current fill colour and opacity (pdfkit keeps them as `_fillColor`), black when none was set. */
function fillColorOf(doc: PDFKit.PDFDocument): [PDFKit.Mixins.ColorValue, number?] {
  const c = (doc as unknown as { _fillColor?: [PDFKit.Mixins.ColorValue, number?] })._fillColor;
  return c ?? ['#000000'];
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

/**
 * The text drawn in the standard fonts of an uncompressed PDF from this writer (WinAnsi bytes as
 * hex strings in TJ arrays; embedded-font runs are glyph ids and are not decoded: use pdftotext).
 * For tests and checks, not a general PDF parser.
 */
export function pdfDrawnText(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf).toString('latin1');
  const lines: string[] = [];
  // each item matches one way only (a number not followed by a digit or a point): with `\d+` free to
  // split a run of digits, a long run in an embedded font's binary made the match backtrack exponentially
  for (const tj of raw.matchAll(/\[((?:<[0-9a-fA-F]*>|\s|-?\d+(?:\.\d+)?(?![\d.]))*)\]\s*TJ/g)) {
    lines.push([...tj[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1], 'hex').toString('latin1')).join(''));
  }
  return lines.join('\n');
}

/** Number of pages in a PDF from this writer. */
export function pdfPageCount(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}
