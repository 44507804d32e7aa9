/** PDF writing (pdfkit) with embedded Hangul and Japanese fonts, for every report sarbridge writes. */
export { PdfWriter, pdfDrawnText, pdfPageCount, type PdfDocumentOptions, type PdfTextOptions, type PdfTextStyle } from './pdf_writer.js';
export { textRuns, isHangul, isWinAnsi, type TextRun, type RunFont, type GlyphCoverage } from './text_runs.js';
export { cjkFonts, type EmbeddedFont } from './cjk_fonts.js';
export { renderAfterActionPdf } from './after_action_pdf.js';
