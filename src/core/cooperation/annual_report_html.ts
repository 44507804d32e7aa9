/** The annual report as a standalone HTML page (no scripts, no external resources). */
import type { AnnualReport, ReportBlock } from './annual_report.js';

/** Escape text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function block(b: ReportBlock): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'list':
      return b.items.length === 0 ? '' : `<ul>\n${b.items.map((i) => `  <li>${escapeHtml(i)}</li>`).join('\n')}\n</ul>`;
    case 'table':
      return `<table>\n  <thead><tr>${b.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>\n  <tbody>\n${
        b.rows.map((r) => `    <tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n')}\n  </tbody>\n</table>`;
  }
}

/** Render the report as an HTML document. */
export function renderAnnualReportHtml(report: AnnualReport): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(report.language)}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(report.title)}</title>
<style>
body { font-family: sans-serif; max-width: 60em; margin: 2em auto; line-height: 1.4; }
table { border-collapse: collapse; width: 100%; margin: 1em 0; }
th, td { border: 1px solid #999; padding: 0.3em; vertical-align: top; text-align: left; }
</style>
</head>
<body>
<h1>${escapeHtml(report.title)}</h1>
<p><em>${escapeHtml(report.subtitle)}</em></p>
${report.sections.map((s) => `<section>\n<h2>${escapeHtml(s.heading)}</h2>\n${s.blocks.map(block).filter(Boolean).join('\n')}\n</section>`).join('\n')}
</body>
</html>
`;
}
