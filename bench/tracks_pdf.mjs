// Track files and PDF, timed on the built modules (dist/): reading a day of 1 Hz NMEA (GGA + RMC,
// 172,800 sentences, 86,400 positions) and the same day as GPX, and writing the annual report PDF
// with Hangul and Japanese names (fonts read, subsets embedded). One process, best of 3.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { parseNmeaTrack, parseGpxTrack } = await import(`${root}dist/core/tracks/index.js`);
const { buildAnnualReport, readerFor } = await import(`${root}dist/core/cooperation/index.js`);
const { parseCooperationConfig, renderAnnualReportPdf } = await import(`${root}dist/io/cooperation/index.js`);

const sum = (body) => { let x = 0; for (const c of body) x ^= c.charCodeAt(0); return `$${body}*${x.toString(16).toUpperCase().padStart(2, '0')}`; };
const two = (n) => String(n).padStart(2, '0');
const nmea = [], gpx = ['<?xml version="1.0"?><gpx version="1.1" creator="bench" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>'];
for (let s = 0; s < 86_400; s++) {
  const t = `${two(Math.floor(s / 3600))}${two(Math.floor(s / 60) % 60)}${two(s % 60)}.00`;
  const lat = `37${(14 + (s / 86_400) * 30).toFixed(4).padStart(7, '0')}`, lon = `131${(50 + (s / 86_400) * 9).toFixed(4).padStart(7, '0')}`;
  nmea.push(sum(`GPGGA,${t},${lat},N,${lon},E,1,08,0.9,10.0,M,20.0,M,,`), sum(`GPRMC,${t},A,${lat},N,${lon},E,12.0,090.0,100326,,,A`));
  gpx.push(`<trkpt lat="${(37 + (14 + (s / 86_400) * 30) / 60).toFixed(6)}" lon="${(131 + (50 + (s / 86_400) * 9) / 60).toFixed(6)}"><time>2026-03-10T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}Z</time></trkpt>`);
}
gpx.push('</trkseg></trk></gpx>');
const nmeaText = nmea.join('\n'), gpxText = gpx.join('\n');

function best(fn) {
  let bestMs = Infinity, result;
  for (let k = 0; k < 3; k++) { const t0 = performance.now(); result = fn(); bestMs = Math.min(bestMs, performance.now() - t0); }
  return { ms: bestMs, result };
}
const n = best(() => parseNmeaTrack(nmeaText, 'day.nmea'));
console.log(`NMEA, 24 h at 1 Hz (${(nmeaText.length / 1e6).toFixed(1)} MB, ${nmea.length} sentences): ${n.result.points.length} positions in ${(n.ms / 1000).toFixed(2)} s`);
const g = best(() => parseGpxTrack(gpxText, 'day.gpx'));
console.log(`GPX, 24 h at 1 Hz (${(gpxText.length / 1e6).toFixed(1)} MB): ${g.result.points.length} positions in ${(g.ms / 1000).toFixed(2)} s`);

const configPath = `${root}examples/cooperation/korea-japan.yaml`;
const config = parseCooperationConfig(readFileSync(configPath, 'utf8')
  .replace('names: { KR: Dokdo, JP: Takeshima }', 'names: { KR: 독도, JP: 竹島 }')
  .replace('names: { KR: East Sea, JP: Sea of Japan }', 'names: { KR: 동해, JP: 日本海 }'), configPath);
for (const party of ['KR', 'JP']) {
  const t0 = performance.now();
  const pdf = await renderAnnualReportPdf(buildAnnualReport(config, 2008, readerFor(party)));
  console.log(`annual report PDF, ${party} copy with ${party === 'KR' ? 'Hangul' : 'Japanese'} names: ${(pdf.length / 1024).toFixed(1)} kB in ${((performance.now() - t0) / 1000).toFixed(2)} s${party === 'KR' ? ' (first: fonts read)' : ''}`);
}
const latin = await renderAnnualReportPdf(buildAnnualReport(config, 2008, readerFor()));
console.log(`annual report PDF, shared copy (Latin only, no font embedded): ${(latin.length / 1024).toFixed(1)} kB`);
