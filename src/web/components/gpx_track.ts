/**
 * A unit's track from a GPX 1.1 file (`trk/trkseg/trkpt` with `time`, or a `rte`), as timed
 * positions for a search done. Parsed with the browser's DOMParser; errors say which point is bad.
 */

/** A timed position of a track, seconds since epoch. */
export interface TrackPoint { readonly lonDeg: number; readonly latDeg: number; readonly timeS: number }

/** The points of a GPX document's tracks (or its routes when it has no track), in file order. */
export function readGpxTrack(text: string, fileName: string): TrackPoint[] {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) throw new Error(`${fileName}: not well-formed XML`);
  if (doc.documentElement.localName !== 'gpx') throw new Error(`${fileName}: the root element is <${doc.documentElement.localName}>, not <gpx>`);
  let points = [...doc.getElementsByTagNameNS('*', 'trkpt')];
  if (points.length === 0) points = [...doc.getElementsByTagNameNS('*', 'rtept')];
  if (points.length < 2) throw new Error(`${fileName}: a track needs at least two points (found ${points.length})`);
  return points.map((p, k) => {
    const lat = Number(p.getAttribute('lat')), lon = Number(p.getAttribute('lon'));
    if (!(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) throw new Error(`${fileName}: point ${k + 1}: lat '${p.getAttribute('lat')}', lon '${p.getAttribute('lon')}' is not a position`);
    const time = p.getElementsByTagNameNS('*', 'time')[0]?.textContent?.trim();
    const ms = time ? Date.parse(time) : NaN;
    if (!Number.isFinite(ms)) throw new Error(`${fileName}: point ${k + 1} has no valid <time> (a search done needs the time at each point)`);
    return { lonDeg: lon, latDeg: lat, timeS: ms / 1000 };
  });
}
