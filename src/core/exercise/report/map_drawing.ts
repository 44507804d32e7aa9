/**
 * A report map as drawing primitives in points (x east, y down), made once and drawn twice: as
 * inline SVG in the HTML copy and with pdfkit in the PDF, so both show the same map. The
 * projection is equirectangular about the map's centre (x ∝ Δlon·cos φ0, y ∝ −Δlat), true to
 * scale at the centre latitude, which is enough for an exercise area of tens of miles.
 */
import type { LonLatDeg } from '../../geo/index.js';
import type { ReportContour, ReportPocCell, ReportTimedPoint } from './model.js';

/** What one map shows, with its labels already in the reader's names. */
export interface ReportMapData {
  readonly cells: readonly ReportPocCell[];
  readonly contours: readonly ReportContour[];
  readonly searchAreas: readonly { readonly label: string; readonly corners: readonly LonLatDeg[] }[];
  readonly truthTrack: readonly ReportTimedPoint[];
  /** The truth at the map's time (a plan's planning time), with its label. */
  readonly truthMark: { readonly position: LonLatDeg; readonly label: string } | null;
  readonly searches: readonly { readonly label: string; readonly points: readonly ReportTimedPoint[] }[];
  readonly detection: { readonly position: LonLatDeg; readonly label: string } | null;
  readonly places: readonly { readonly name: string; readonly position: LonLatDeg }[];
}

export type Xy = readonly [number, number];

/** The primitives of a map, in drawing order. */
export interface MapDrawing {
  readonly widthPt: number;
  readonly heightPt: number;
  readonly polygons: readonly { readonly points: readonly Xy[]; readonly fill: string; readonly fillOpacity: number; readonly stroke?: string }[];
  readonly lines: readonly { readonly points: readonly Xy[]; readonly stroke: string; readonly widthPt: number; readonly dash?: readonly [number, number] }[];
  readonly markers: readonly { readonly at: Xy; readonly kind: 'truth' | 'release' | 'detection' | 'place'; readonly color: string; readonly label: string }[];
  readonly scaleBar: { readonly at: Xy; readonly lengthPt: number; readonly label: string };
}

/** Colours of the map, one per role (the legend in the copies names them). */
export const MAP_COLOURS = {
  poc: '#d95f02', contour50: '#7a0177', contour90: '#c51b8a', truth: '#e31a1c', area: '#555555',
  searches: ['#1f78b4', '#33a02c', '#6a3d9a', '#b15928', '#a6cee3', '#fb9a99'], detection: '#000000', place: '#333333',
} as const;

const NM_PER_DEG_LAT = 60;

/** Lay the map out on a `widthPt` × `heightPt` canvas (a margin of 4 % around what it shows). */
export function drawMap(map: ReportMapData, widthPt: number, heightPt: number): MapDrawing {
  const all: LonLatDeg[] = [
    ...map.cells.flatMap((c) => c.corners), ...map.contours.flatMap((c) => c.rings.flat()), ...map.searchAreas.flatMap((a) => a.corners),
    ...map.truthTrack, ...map.searches.flatMap((s) => s.points), ...(map.truthMark ? [map.truthMark.position] : []),
    ...(map.detection ? [map.detection.position] : []),
  ];
  if (all.length === 0) all.push({ lonDeg: 0, latDeg: 0 });
  const minLon = Math.min(...all.map((p) => p.lonDeg)), maxLon = Math.max(...all.map((p) => p.lonDeg));
  const minLat = Math.min(...all.map((p) => p.latDeg)), maxLat = Math.max(...all.map((p) => p.latDeg));
  const lat0 = (minLat + maxLat) / 2, lon0 = (minLon + maxLon) / 2;
  const cos0 = Math.cos((lat0 * Math.PI) / 180);
  // at least 2 NM across, so a single point still makes a map
  const halfWNm = Math.max(((maxLon - minLon) * cos0 * NM_PER_DEG_LAT) / 2, 1) * 1.04;
  const halfHNm = Math.max(((maxLat - minLat) * NM_PER_DEG_LAT) / 2, 1) * 1.04;
  const ptPerNm = Math.min(widthPt / (2 * halfWNm), heightPt / (2 * halfHNm));
  const xy = (p: LonLatDeg): Xy => [
    round(widthPt / 2 + (p.lonDeg - lon0) * cos0 * NM_PER_DEG_LAT * ptPerNm),
    round(heightPt / 2 - (p.latDeg - lat0) * NM_PER_DEG_LAT * ptPerNm),
  ];
  const inside = ([x, y]: Xy): boolean => x >= 0 && x <= widthPt && y >= 0 && y <= heightPt;

  const maxPoc = Math.max(0, ...map.cells.map((c) => c.poc));
  const polygons: MapDrawing['polygons'][number][] = map.cells.map((c) => ({ points: c.corners.map(xy), fill: MAP_COLOURS.poc, fillOpacity: round(0.08 + 0.8 * (maxPoc > 0 ? c.poc / maxPoc : 0)) }));
  const lines: MapDrawing['lines'][number][] = [];
  for (const c of map.contours) {
    const stroke = c.containment <= 0.5 ? MAP_COLOURS.contour50 : MAP_COLOURS.contour90;
    for (const ring of c.rings) lines.push({ points: ring.map(xy), stroke, widthPt: 1, dash: c.containment <= 0.5 ? undefined : [4, 2] });
  }
  for (const a of map.searchAreas) lines.push({ points: [...a.corners, a.corners[0]].map(xy), stroke: MAP_COLOURS.area, widthPt: 0.8, dash: [2, 2] });
  map.searches.forEach((s, k) => lines.push({ points: s.points.map(xy), stroke: MAP_COLOURS.searches[k % MAP_COLOURS.searches.length], widthPt: 1.2 }));
  if (map.truthTrack.length > 1) lines.push({ points: map.truthTrack.map(xy), stroke: MAP_COLOURS.truth, widthPt: 1.6 });
  const markers: MapDrawing['markers'][number][] = [];
  if (map.truthTrack.length > 0) markers.push({ at: xy(map.truthTrack[0]), kind: 'release', color: MAP_COLOURS.truth, label: '' });
  if (map.truthMark) markers.push({ at: xy(map.truthMark.position), kind: 'truth', color: MAP_COLOURS.truth, label: map.truthMark.label });
  if (map.detection) markers.push({ at: xy(map.detection.position), kind: 'detection', color: MAP_COLOURS.detection, label: map.detection.label });
  for (const p of map.places) {
    const at = xy(p.position);
    if (inside(at)) markers.push({ at, kind: 'place', color: MAP_COLOURS.place, label: p.name });
  }
  // a scale bar of a round number of NM, about a fifth of the width
  const targetNm = widthPt / 5 / ptPerNm;
  const barNm = [0.5, 1, 2, 5, 10, 20, 50, 100, 200].reduce((best, v) => (Math.abs(v - targetNm) < Math.abs(best - targetNm) ? v : best), 1);
  return { widthPt, heightPt, polygons, lines, markers, scaleBar: { at: [8, heightPt - 10], lengthPt: round(barNm * ptPerNm), label: `${barNm} NM` } };
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

/** The map as an inline SVG element (no scripts, no external resources). */
export function mapSvg(d: MapDrawing, title: string): string {
  const pts = (p: readonly Xy[]): string => p.map(([x, y]) => `${x},${y}`).join(' ');
  const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const parts: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${d.widthPt} ${d.heightPt}" width="${d.widthPt}" height="${d.heightPt}" role="img" aria-label="${esc(title)}">`,
    `<rect x="0" y="0" width="${d.widthPt}" height="${d.heightPt}" fill="#eef5fb" stroke="#999"/>`];
  for (const p of d.polygons) parts.push(`<polygon points="${pts(p.points)}" fill="${p.fill}" fill-opacity="${p.fillOpacity}"/>`);
  for (const l of d.lines) parts.push(`<polyline points="${pts(l.points)}" fill="none" stroke="${l.stroke}" stroke-width="${l.widthPt}"${l.dash ? ` stroke-dasharray="${l.dash.join(' ')}"` : ''}/>`);
  for (const m of d.markers) {
    const [x, y] = m.at;
    if (m.kind === 'detection') parts.push(`<path d="M${x - 5},${y - 5}L${x + 5},${y + 5}M${x - 5},${y + 5}L${x + 5},${y - 5}" stroke="${m.color}" stroke-width="2"/>`);
    else if (m.kind === 'place') parts.push(`<path d="M${x},${y - 5}L${x + 4.5},${y + 3}L${x - 4.5},${y + 3}Z" fill="${m.color}"/>`);
    else parts.push(`<circle cx="${x}" cy="${y}" r="${m.kind === 'truth' ? 4 : 2.5}" fill="${m.kind === 'truth' ? m.color : '#fff'}" stroke="${m.color}" stroke-width="1.5"/>`);
    if (m.label) parts.push(`<text x="${x + 7}" y="${y + 4}" font-size="10" font-family="sans-serif" fill="${m.color}">${esc(m.label)}</text>`);
  }
  const [sx, sy] = d.scaleBar.at;
  parts.push(`<path d="M${sx},${sy}h${d.scaleBar.lengthPt}" stroke="#000" stroke-width="2"/><text x="${sx}" y="${sy - 4}" font-size="9" font-family="sans-serif">${esc(d.scaleBar.label)}</text>`);
  parts.push('</svg>');
  return parts.join('\n');
}
