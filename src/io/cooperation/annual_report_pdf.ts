/**
 * The annual report as PDF (pdfkit). Content streams are written uncompressed so the text can be
 * searched and checked; the standard Helvetica fonts cover Latin text only (names in Hangul or
 * Kanji would need an embedded font, which the example does not use).
 */
import PDFDocument from 'pdfkit';
import type { AnnualReport, ReportBlock } from '../../core/cooperation/index.js';

const MARGIN_PT = 50;

function drawBlock(doc: PDFKit.PDFDocument, block: ReportBlock): void {
  const width = doc.page.width - 2 * MARGIN_PT;
  switch (block.kind) {
    case 'paragraph':
      doc.font('Helvetica').fontSize(10).text(block.text, { width }).moveDown(0.5);
      return;
    case 'list':
      for (const item of block.items) doc.font('Helvetica').fontSize(10).text(`- ${item}`, { width, indent: 10 });
      doc.moveDown(0.5);
      return;
    case 'table':
      // One record per row: "Header: value" lines, which stays readable for long cells.
      for (const row of block.rows) {
        row.forEach((cell, k) => {
          if (cell === '') return;
          doc.font('Helvetica-Bold').fontSize(9).text(`${block.header[k]}: `, { continued: true, width }).font('Helvetica').text(cell, { width });
        });
        doc.moveDown(0.5);
      }
      if (block.rows.length === 0) doc.font('Helvetica-Oblique').fontSize(9).text('(none)', { width }).moveDown(0.5);
      return;
  }
}

/** Render the report to PDF bytes. */
export function renderAnnualReportPdf(report: AnnualReport): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN_PT, compress: false, info: { Title: report.title, Subject: report.subtitle, Creator: 'sarbridge' }, lang: report.language });
  const chunks: Uint8Array[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => {
      const total = chunks.reduce((n, c) => n + c.length, 0);
      const out = new Uint8Array(total);
      let at = 0;
      for (const c of chunks) { out.set(c, at); at += c.length; }
      resolve(out);
    });
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(16).text(report.title).moveDown(0.2);
  doc.font('Helvetica-Oblique').fontSize(10).text(report.subtitle).moveDown(1);
  for (const section of report.sections) {
    doc.font('Helvetica-Bold').fontSize(13).text(section.heading).moveDown(0.3);
    for (const block of section.blocks) drawBlock(doc, block);
    doc.moveDown(0.5);
  }
  doc.end();
  return done;
}

/**
 * The text drawn in a PDF written by `renderAnnualReportPdf` (uncompressed; standard fonts write
 * WinAnsi bytes as hex strings inside TJ arrays). For tests and checks, not a general PDF parser.
 */
export function pdfDrawnText(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf).toString('latin1');
  const lines: string[] = [];
  for (const tj of raw.matchAll(/\[((?:<[0-9a-fA-F]*>|\s|-?\d+(?:\.\d+)?)*)\]\s*TJ/g)) {
    lines.push([...tj[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1], 'hex').toString('latin1')).join(''));
  }
  return lines.join('\n');
}

/** Number of pages in a PDF written by `renderAnnualReportPdf`. */
export function pdfPageCount(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}
