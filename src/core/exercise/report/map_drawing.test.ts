import { describe, expect, test } from 'vitest';
import { drawMap, mapSvg, type ReportMapData } from './map_drawing.js';

const empty: ReportMapData = { cells: [], contours: [], searchAreas: [], truthTrack: [], truthMark: null, searches: [], detection: null, places: [] };

describe('drawMap', () => {
  test('true to scale: the scale bar and a track of 10 NM north and 10 NM east agree', () => {
    // 10' of latitude = 10 NM; 10 NM east at 37°N = 10 / (60 cos 37°) degrees of longitude
    const dLon = 10 / (60 * Math.cos((37.0833 * Math.PI) / 180));
    const d = drawMap({ ...empty, truthTrack: [
      { timeS: 0, lonDeg: 131, latDeg: 37 }, { timeS: 1, lonDeg: 131, latDeg: 37 + 10 / 60 }, { timeS: 2, lonDeg: 131 + dLon, latDeg: 37 + 10 / 60 },
    ] }, 400, 300);
    const [a, b, c] = d.lines[0].points;
    const north = Math.hypot(b[0] - a[0], b[1] - a[1]), east = Math.hypot(c[0] - b[0], c[1] - b[1]);
    expect(east / north).toBeCloseTo(1, 2);   // equirectangular about the centre latitude
    expect(b[1]).toBeLessThan(a[1]);          // north is up
    const barNm = Number(d.scaleBar.label.split(' ')[0]);
    expect(d.scaleBar.lengthPt / barNm).toBeCloseTo(north / 10, 1);
  });

  test('places off the map are left out; labels are escaped in the SVG', () => {
    const d = drawMap({ ...empty, truthTrack: [{ timeS: 0, lonDeg: 131, latDeg: 37 }, { timeS: 1, lonDeg: 131.1, latDeg: 37.1 }],
      places: [{ name: 'A & <B>', position: { lonDeg: 131.05, latDeg: 37.05 } }, { name: 'far', position: { lonDeg: 140, latDeg: 40 } }] }, 400, 300);
    expect(d.markers.filter((m) => m.kind === 'place').map((m) => m.label)).toEqual(['A & <B>']);
    expect(mapSvg(d, 't')).toContain('>A &amp; &lt;B&gt;</text>');
  });
});
