/**
 * GPX 1.1 tracks (also 1.0, whose track elements are the same) as timed positions.
 *
 * What is read, and why (Topografix, GPX 1.1 schema, https://www.topografix.com/GPX/1/1/):
 * - `trk/trkseg/trkpt` with `time`: what a recorder logs as the unit moves. Every point needs its
 *   time (a search done is a track in time); a point without one is refused with its line.
 * - `rte/rtept` only when the file has no track and every route point has a time: a route is a
 *   plan, and a plan without times says nothing about when the unit was where.
 * - `wpt` is never a track (marks, not a path): counted in the warnings and left out.
 * - A time without a zone is UTC, as the GPX schema defines (`Date and time … are in Universal
 *   Coordinated Time (UTC), not local time!`); the warnings say how many were read so.
 * Each segment's times must not go back; segments are put in time order when they do not overlap
 * (some applications write the newest track first), and overlapping segments are refused.
 * XML is parsed with fast-xml-parser (checked first with its validator, which gives the line of a
 * malformed document); the line of each point comes from a scan of the point tags in the text.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { TrackFileError } from './track_file_error.js';
import {
  checkEnoughPoints, checkNotBack, checkPointCount, checkTrackTextSize, isoSeconds,
  type LinedPosition, type TrackReading,
} from './timed_track.js';

const LISTS = new Set(['trk', 'trkseg', 'trkpt', 'rte', 'rtept', 'wpt', 'time']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => LISTS.has(name),
});

type XmlNode = Record<string, unknown>;

/** Read the tracks of a GPX document; errors name the file and the line of the bad point. */
export function parseGpxTrack(fileText: string, fileName: string): TrackReading {
  checkTrackTextSize(fileText, fileName);
  const text = fileText.replace(/^\uFEFF/, '');
  if (/<!ENTITY/i.test(text)) throw new TrackFileError(fileName, lineAt(text, text.search(/<!ENTITY/i)), 'the document declares XML entities, which a GPX file never needs; refused');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new TrackFileError(fileName, valid.err.line, `not well-formed XML: ${valid.err.msg}`);
  const doc = parser.parse(text) as XmlNode;
  const roots = Object.keys(doc).filter((k) => !k.startsWith('?') && !k.startsWith('#'));
  if (roots.length !== 1 || roots[0] !== 'gpx') {
    throw new TrackFileError(fileName, null, `the root element is <${roots[0] ?? 'nothing'}>, not <gpx>`);
  }
  const gpx = asNode(doc.gpx);
  const warnings: string[] = [];

  const trkSegments = nodes(gpx.trk).flatMap((trk) => nodes(trk.trkseg).map((seg) => nodes(seg.trkpt)));
  const rtes = nodes(gpx.rte).map((rte) => nodes(rte.rtept));
  const wptCount = nodes(gpx.wpt).length;
  if (wptCount > 0) warnings.push(`${wptCount} waypoint${wptCount === 1 ? '' : 's'} (<wpt>) left out: marks, not a track`);

  let kind: 'trkpt' | 'rtept' = 'trkpt';
  let segments = trkSegments.filter((s) => s.length > 0);
  if (segments.length === 0) {
    segments = rtes.filter((s) => s.length > 0);
    kind = 'rtept';
    if (segments.length === 0) checkEnoughPoints(0, fileName, 'the file has no <trkpt> in a <trk>/<trkseg>, and no <rtept>');
    const untimed = segments.flat().filter((p) => firstText(p.time) === undefined).length;
    if (untimed > 0) {
      throw new TrackFileError(fileName, null, `the file has no track, only a route whose points lack times (${untimed} of ${segments.flat().length}): a route is a plan; upload the track the unit recorded`);
    }
    warnings.push('no <trk> in the file: its timed route points (<rtept>) were read as the track');
  } else if (rtes.some((r) => r.length > 0)) {
    warnings.push(`${rtes.length} route${rtes.length === 1 ? '' : 's'} (<rte>) left out: the file has a track`);
  }

  const lines = tagLines(text, kind);
  const total = segments.reduce((n, s) => n + s.length, 0);
  const useLines = lines.length === total;
  let zoneless = 0;
  let ordinal = 0;
  const read: LinedPosition[][] = segments.map((seg, segIndex) => {
    const out: LinedPosition[] = [];
    seg.forEach((p, k) => {
      const line = useLines ? lines[ordinal] : null;
      ordinal += 1;
      const where = useLines ? '' : `segment ${segIndex + 1}, point ${k + 1}: `;
      const fail = (problem: string): never => { throw new TrackFileError(fileName, line, `${where}${problem}`); };
      const latText = p['@_lat'], lonText = p['@_lon'];
      if (typeof latText !== 'string' || typeof lonText !== 'string') fail(`<${kind}> needs both lat and lon attributes`);
      const latDeg = decimal(latText as string), lonDeg = decimal(lonText as string);
      if (!(Math.abs(latDeg) <= 90)) fail(`<${kind}> lat '${latText}' is not a latitude in degrees (-90 to 90)`);
      if (!(Math.abs(lonDeg) <= 180)) fail(`<${kind}> lon '${lonText}' is not a longitude in degrees (-180 to 180)`);
      const times = Array.isArray(p.time) ? p.time : [];
      if (times.length === 0) fail(`<${kind}> has no <time>: a search done needs the time at every point`);
      if (times.length > 1) fail(`<${kind}> has ${times.length} <time> elements`);
      const timeText = firstText(p.time);
      const time = timeText === undefined ? null : parseXsdDateTime(timeText);
      if (!time) fail(`<time> '${timeText ?? ''}' is not an xsd:dateTime such as 2026-03-10T06:00:00Z`);
      if (!time!.zoned) zoneless += 1;
      const point: LinedPosition = { timeS: time!.timeS, lonDeg, latDeg, line: line ?? 0 };
      if (out.length > 0 && point.timeS < out[out.length - 1].timeS) {
        if (useLines) checkNotBack(out[out.length - 1], point, fileName);
        fail(`time ${isoSeconds(point.timeS)} goes back from the point before (${isoSeconds(out[out.length - 1].timeS)}); a track's times must not go back`);
      }
      out.push(point);
      checkPointCount(ordinal, fileName, line ?? 0);
    });
    return out;
  });
  if (zoneless > 0) warnings.push(`${zoneless} time${zoneless === 1 ? '' : 's'} without a zone read as UTC, as GPX defines`);

  const ordered = [...read].sort((a, b) => a[0].timeS - b[0].timeS);
  if (ordered.some((s, k) => s !== read[k])) warnings.push('segments put in time order (the file lists a later one first)');
  for (let k = 1; k < ordered.length; k++) {
    const before = ordered[k - 1], after = ordered[k];
    if (after[0].timeS < before[before.length - 1].timeS) {
      const at = after[0].line ? `line ${after[0].line}` : `a segment starting ${isoSeconds(after[0].timeS)}`;
      throw new TrackFileError(fileName, null, `two segments overlap in time (${at} starts at ${isoSeconds(after[0].timeS)}, before ${isoSeconds(before[before.length - 1].timeS)} where another ends): two recorders' tracks in one file? upload them one by one`);
    }
  }
  const segmentStarts: number[] = [];
  const points = [];
  let duplicates = 0;
  for (const seg of ordered) {
    segmentStarts.push(points.length);
    for (const p of seg) {
      if (points.length > 0 && points[points.length - 1].timeS === p.timeS) { duplicates += 1; continue; }
      points.push({ timeS: p.timeS, lonDeg: p.lonDeg, latDeg: p.latDeg });
    }
  }
  if (duplicates > 0) warnings.push(`${duplicates} point${duplicates === 1 ? '' : 's'} at the same time as the one before left out`);
  checkEnoughPoints(points.length, fileName, `${total} <${kind}> read`);
  return { format: 'gpx', points, segmentStarts: dedupe(segmentStarts, points.length), warnings };
}

/** An xsd:dateTime: seconds since epoch, and whether it had a zone. Null when it is not one. */
export function parseXsdDateTime(text: string): { timeS: number; zoned: boolean } | null {
  const m = /^(-?\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const day = Date.UTC(Number(y), Number(mo) - 1, Number(d));
  const check = new Date(day);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  const offsetMin = !zone || zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const timeS = day / 1000 + Number(h) * 3600 + Number(mi) * 60 + Number(s) + (frac ? Number(frac) : 0) - offsetMin * 60;
  return { timeS, zoned: zone !== undefined };
}

function decimal(text: string): number {
  return /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/.test(text) ? Number(text) : NaN;
}

function asNode(value: unknown): XmlNode {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value as XmlNode : {};
}

function nodes(value: unknown): XmlNode[] {
  return Array.isArray(value) ? value.map(asNode) : [];
}

function firstText(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string') return first;
  if (first && typeof first === 'object' && typeof (first as XmlNode)['#text'] === 'string') return (first as XmlNode)['#text'] as string;
  return undefined;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let k = text.indexOf('\n'); k !== -1 && k < index; k = text.indexOf('\n', k + 1)) line += 1;
  return line;
}

/** The line of every `<kind …>` start tag, in document order, outside comments and CDATA. */
function tagLines(text: string, kind: string): number[] {
  const blanked = text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => m.replace(/[^\n]/g, ' '));
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${kind}[\\s/>]`, 'g');
  const out: number[] = [];
  let line = 1, from = 0;
  for (let m = re.exec(blanked); m; m = re.exec(blanked)) {
    for (let k = blanked.indexOf('\n', from); k !== -1 && k < m.index; k = blanked.indexOf('\n', k + 1)) { line += 1; from = k + 1; }
    out.push(line);
  }
  return out;
}

function dedupe(starts: number[], length: number): number[] {
  return starts.filter((s, k) => s < length && (k === 0 || s !== starts[k - 1]));
}
