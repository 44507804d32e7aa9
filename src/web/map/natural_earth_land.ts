/**
 * Natural Earth land (1:10m, world-atlas 2.0.2 = Natural Earth 4.1.0, public domain) for the map's
 * fill and for the on-land check of a typed position outside the bundled GSHHG subset (a swapped
 * latitude and longitude usually lands on a continent). Loaded once per page; precached offline.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import landUrl from 'world-atlas/land-10m.json?url';

interface LandPart { readonly bbox: readonly [number, number, number, number]; readonly polygon: Feature<Polygon> }

let land: Promise<{ collection: FeatureCollection; parts: LandPart[] }> | null = null;

function load(): Promise<{ collection: FeatureCollection; parts: LandPart[] }> {
  return (land ??= fetch(landUrl).then((r) => r.json()).then((topo) => {
    const collection = feature(topo, topo.objects.land) as unknown as FeatureCollection<Polygon | MultiPolygon>;
    const parts: LandPart[] = [];
    for (const f of collection.features) {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const coordinates of polygons) {
        let w = 180, s = 90, e = -180, n = -90;
        for (const [x, y] of coordinates[0]) { if (x < w) w = x; if (x > e) e = x; if (y < s) s = y; if (y > n) n = y; }
        parts.push({ bbox: [w, s, e, n], polygon: { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } } });
      }
    }
    return { collection, parts };
  }));
}

/** The land polygons as GeoJSON, for the map. */
export async function naturalEarthLand(): Promise<FeatureCollection> {
  return (await load()).collection;
}

/** Whether a point is on Natural Earth 1:10m land (islands under its resolution are not). */
export async function onNaturalEarthLand(lonDeg: number, latDeg: number): Promise<boolean> {
  const { parts } = await load();
  return parts.some((p) => lonDeg >= p.bbox[0] && lonDeg <= p.bbox[2] && latDeg >= p.bbox[1] && latDeg <= p.bbox[3]
    && booleanPointInPolygon([lonDeg, latDeg], p.polygon));
}
