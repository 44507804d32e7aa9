/**
 * The annual report as PDF, through the project's PDF writer (io/pdf): Latin text in Helvetica,
 * Hangul and Japanese names in the embedded Noto Sans KR / JP. Content streams are uncompressed
 * so the text can be searched and checked.
 */
import type { AnnualReport, ReportBlock } from '../../core/cooperation/index.js';
import { PdfWriter } from '../pdf/index.js';

function drawBlock(pdf: PdfWriter, block: ReportBlock): void {
  const width = pdf.contentWidthPt;
  switch (block.kind) {
    case 'paragraph':
      pdf.text(block.text, { width }).doc.moveDown(0.5);
      return;
    case 'list':
      for (const item of block.items) pdf.text(`- ${item}`, { width, indent: 10 });
      pdf.doc.moveDown(0.5);
      return;
    case 'table':
      // One record per row: "Header: value" lines, which stays readable for long cells.
      for (const row of block.rows) {
        row.forEach((cell, k) => {
          if (cell === '') return;
          pdf.textParts([{ text: `${block.header[k]}: `, style: 'bold' }, { text: cell }], { sizePt: 9, width });
        });
        pdf.doc.moveDown(0.5);
      }
      if (block.rows.length === 0) pdf.text('(none)', { style: 'italic', sizePt: 9, width }).doc.moveDown(0.5);
      return;
  }
}

/** Render the report to PDF bytes. */
export function renderAnnualReportPdf(report: AnnualReport): Promise<Uint8Array> {
  const pdf = new PdfWriter({ title: report.title, subject: report.subtitle, language: report.language });
  pdf.text(report.title, { style: 'bold', sizePt: 16 }).doc.moveDown(0.2);
  pdf.text(report.subtitle, { style: 'italic', sizePt: 10 }).doc.moveDown(1);
  for (const section of report.sections) {
    pdf.text(section.heading, { style: 'bold', sizePt: 13 }).doc.moveDown(0.3);
    for (const block of section.blocks) drawBlock(pdf, block);
    pdf.doc.moveDown(0.5);
  }
  return pdf.finish();
}
