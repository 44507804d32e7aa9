import type { Coastline } from './coastline.js';

/** A GeoJSON Feature holding a coastline's shorelines as one MultiLineString (RFC 7946). */
export interface ShorelineFeature {
  readonly type: 'Feature';
  readonly properties: { readonly label: string; readonly kind: 'shoreline' };
  readonly geometry: { readonly type: 'MultiLineString'; readonly coordinates: Array<Array<[number, number]>> };
}

/**
 * The shorelines of a coastline as a GeoJSON MultiLineString feature, [lon, lat] in degrees, for
 * drawing on a map. GSHHG shorelines come as pieces clipped to 1° bins (lines, not closed
 * polygons); ring-built coastlines give their closed rings. Coordinates are rounded to 1e-6°
 * (about 0.1 m) to keep the output small.
 */
export function coastlineToGeoJSON(coastline: Coastline): ShorelineFeature {
  const coordinates: Array<Array<[number, number]>> = [];
  for (let k = 0; k < coastline.shorelineCount; k++) {
    coordinates.push(coastline.shoreline(k).map(([lon, lat]) => [round6(lon), round6(lat)]));
  }
  return {
    type: 'Feature',
    properties: { label: coastline.label, kind: 'shoreline' },
    geometry: { type: 'MultiLineString', coordinates },
  };
}

function round6(deg: number): number {
  return Math.round(deg * 1e6) / 1e6;
}
