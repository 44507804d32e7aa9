/**
 * The after-action report as PDF: the same document as the HTML copy (core/exercise/report's
 * afterActionDocument, in the reader's names and zone) written by the project's PDF writer, so
 * Hangul and Japanese names are embedded; the maps are the same drawing primitives as the
 * HTML's SVG (drawMap), drawn as PDF vector paths.
 */
import type { CooperationConfig, Reader } from '../../core/cooperation/index.js';
import { afterActionDocument, drawMap, type AfterActionBlock, type AfterActionReport, type MapDrawing } from '../../core/exercise/report/index.js';
import { PdfWriter } from './pdf_writer.js';

function drawMapAt(pdf: PdfWriter, d: MapDrawing, x0: number, y0: number): void {
  const doc = pdf.doc;
  const at = ([x, y]: readonly [number, number]): [number, number] => [x0 + x, y0 + y];
  doc.save();
  doc.rect(x0, y0, d.widthPt, d.heightPt).fillAndStroke('#eef5fb', '#999999');
  doc.rect(x0, y0, d.widthPt, d.heightPt).clip();
  for (const p of d.polygons) doc.polygon(...p.points.map(at)).fillOpacity(p.fillOpacity).fill(p.fill);
  doc.fillOpacity(1);
  for (const l of d.lines) {
    if (l.points.length < 2) continue;
    const [first, ...rest] = l.points.map(at);
    doc.moveTo(...first);
    for (const q of rest) doc.lineTo(...q);
    doc.lineWidth(l.widthPt);
    if (l.dash) doc.dash(l.dash[0], { space: l.dash[1] }); else doc.undash();
    doc.stroke(l.stroke);
  }
  doc.undash();
  for (const m of d.markers) {
    const [x, y] = at(m.at);
    if (m.kind === 'detection') doc.moveTo(x - 5, y - 5).lineTo(x + 5, y + 5).moveTo(x - 5, y + 5).lineTo(x + 5, y - 5).lineWidth(2).stroke(m.color);
    else if (m.kind === 'place') doc.polygon([x, y - 5], [x + 4.5, y + 3], [x - 4.5, y + 3]).fill(m.color);
    else doc.circle(x, y, m.kind === 'truth' ? 4 : 2.5).lineWidth(1.5).fillAndStroke(m.kind === 'truth' ? m.color : '#ffffff', m.color);
  }
  const [sx, sy] = at(d.scaleBar.at);
  doc.moveTo(sx, sy).lineTo(sx + d.scaleBar.lengthPt, sy).lineWidth(2).stroke('#000000');
  doc.fillColor('#000000');
  for (const m of d.markers) {
    if (!m.label) continue;
    const [x, y] = at(m.at);
    pdf.doc.fillColor(m.color);
    pdf.text(m.label, { sizePt: 7, lineBreak: false }, x + 7, y - 4);
  }
  pdf.doc.fillColor('#000000');
  pdf.text(d.scaleBar.label, { sizePt: 7, lineBreak: false }, sx, sy - 11);
  doc.restore();
}

function drawBlock(pdf: PdfWriter, block: AfterActionBlock): void {
  const width = pdf.contentWidthPt;
  const left = pdf.doc.page.margins.left;
  switch (block.kind) {
    case 'paragraph':
      pdf.text(block.text, { width });
      break;
    case 'list':
      for (const item of block.items) pdf.text(`- ${item}`, { width, indent: 10 });
      break;
    case 'table':
      // one record per row, "Header: value" (a first column without header names the row)
      for (const row of block.rows) {
        const parts = row.flatMap((cell, k) => {
          const sep = k < row.length - 1 ? '   ' : '';
          if (block.header[k]) return [{ text: `${block.header[k]}: `, style: 'bold' as const }, { text: `${cell}${sep}` }];
          return k === 0 ? [{ text: `${cell}: `, style: 'bold' as const }] : [{ text: `${cell}${sep}` }];
        });
        pdf.textParts(parts, { sizePt: 9, width });
        pdf.doc.moveDown(0.2);
      }
      break;
    case 'map': {
      const heightPt = Math.round(width * 0.62);
      if (pdf.doc.y + heightPt + 60 > pdf.doc.page.height - pdf.doc.page.margins.bottom) pdf.doc.addPage();
      const top = pdf.doc.y;
      drawMapAt(pdf, drawMap(block.map, width, heightPt), left, top);
      pdf.doc.x = left;
      pdf.doc.y = top + heightPt + 6;
      pdf.text(block.title, { style: 'bold', sizePt: 9, width });
      for (const line of block.legend) pdf.text(line, { sizePt: 8, width });
      break;
    }
  }
  pdf.doc.moveDown(0.5);
}

/**
 * The after-action report as PDF bytes for a reader (`readerFor('KR')`, `readerFor('JP')`, or
 * `readerFor()` for the shared copy).
 */
export function renderAfterActionPdf(report: AfterActionReport, config: CooperationConfig, reader: Reader): Promise<Uint8Array> {
  const doc = afterActionDocument(report, config, reader);
  const pdf = new PdfWriter({ title: doc.title, subject: doc.subtitle, language: doc.language });
  pdf.text(doc.title, { style: 'bold', sizePt: 16 }).doc.moveDown(0.2);
  pdf.text(doc.subtitle, { style: 'italic', sizePt: 10 }).doc.moveDown(1);
  for (const section of doc.sections) {
    pdf.text(section.heading, { style: 'bold', sizePt: 13 }).doc.moveDown(0.3);
    for (const block of section.blocks) drawBlock(pdf, block);
    pdf.doc.moveDown(0.5);
  }
  return pdf.finish();
}
