/**
 * The after-action report as one self-contained HTML page (no scripts, no external resources):
 * the maps as inline SVG drawn from lon/lat (map_drawing.ts), the timeline, the scores, the
 * people aboard and the lessons, in the reader's names and time zone (report_document.ts).
 */
import { escapeHtml, type CooperationConfig, type Reader } from '../../cooperation/index.js';
import { drawMap, mapSvg } from './map_drawing.js';
import type { AfterActionReport } from './model.js';
import { afterActionDocument, type AfterActionBlock } from './report_document.js';

/** Map size in the HTML copy, CSS pixels. */
const MAP_WIDTH = 640, MAP_HEIGHT = 440;

function block(b: AfterActionBlock): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'list':
      return `<ul>\n${b.items.map((i) => `  <li>${escapeHtml(i)}</li>`).join('\n')}\n</ul>`;
    case 'table': {
      const head = b.header.some((h) => h !== '') ? `  <thead><tr>${b.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>\n` : '';
      return `<table>\n${head}  <tbody>\n${b.rows.map((r) => `    <tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n')}\n  </tbody>\n</table>`;
    }
    case 'map':
      return `<figure>\n${mapSvg(drawMap(b.map, MAP_WIDTH, MAP_HEIGHT), b.title)}\n<figcaption><strong>${escapeHtml(b.title)}</strong><br>${b.legend.map(escapeHtml).join('<br>')}</figcaption>\n</figure>`;
  }
}

/**
 * Render the after-action report for a reader: `readerFor('KR')` the KR copy, `readerFor('JP')`
 * the JP copy, `readerFor()` the shared copy.
 * @example renderAfterActionHtml(report, config, readerFor('KR'))
 */
export function renderAfterActionHtml(report: AfterActionReport, config: CooperationConfig, reader: Reader): string {
  const doc = afterActionDocument(report, config, reader);
  return `<!DOCTYPE html>
<html lang="${escapeHtml(doc.language)}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(doc.title)}</title>
<style>
body { font-family: sans-serif; max-width: 60em; margin: 2em auto; line-height: 1.4; }
table { border-collapse: collapse; width: 100%; margin: 1em 0; }
th, td { border: 1px solid #999; padding: 0.3em; vertical-align: top; text-align: left; }
figure { margin: 1em 0; } figcaption { font-size: 0.9em; }
</style>
</head>
<body>
<h1>${escapeHtml(doc.title)}</h1>
<p><em>${escapeHtml(doc.subtitle)}</em></p>
${doc.sections.map((s) => `<section>\n<h2>${escapeHtml(s.heading)}</h2>\n${s.blocks.map(block).join('\n')}\n</section>`).join('\n')}
</body>
</html>
`;
}
