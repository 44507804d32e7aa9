/**
 * The cooperation on the map, as GeoJSON (RFC 7946) for a reader: SRR polygons (flagged when only
 * illustrative), places under the reader's names (contested ones with every party's claim), and
 * incidents at their position (or their place's). Units are not drawn here: a unit's position goes
 * through `releasableUnitView` first.
 */
import { approximateDateSortKey, formatApproximateDate } from './approximate_date.js';
import { allRccs, type CooperationConfig } from './cooperation_config.js';
import { nameForReader, partyName, placeName } from './place_names.js';
import type { Reader } from './reader.js';

/** A GeoJSON feature with plain properties. */
export interface MapFeature {
  readonly type: 'Feature';
  readonly geometry: { readonly type: 'Point'; readonly coordinates: readonly [number, number] } | { readonly type: 'MultiPolygon'; readonly coordinates: readonly (readonly (readonly (readonly [number, number])[])[])[] };
  readonly properties: Readonly<Record<string, string | number | boolean>>;
}

/** A GeoJSON feature collection. */
export interface MapFeatureCollection {
  readonly type: 'FeatureCollection';
  readonly features: readonly MapFeature[];
}

/** Close a ring (GeoJSON wants the first vertex repeated last). */
function closed(ring: readonly (readonly [number, number])[]): (readonly [number, number])[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return first[0] === last[0] && first[1] === last[1] ? [...ring] : [...ring, first];
}

/** SRRs, places and incidents as GeoJSON for the reader. */
export function cooperationMapFeatures(config: CooperationConfig, reader: Reader): MapFeatureCollection {
  const order = config.parties.map((p) => p.id);
  const features: MapFeature[] = [];
  for (const rcc of allRccs(config)) {
    features.push({
      type: 'Feature',
      geometry: { type: 'MultiPolygon', coordinates: rcc.srr.polygons.map((polygon) => polygon.map(closed)) },
      properties: { layer: 'srr', rccId: rcc.id, name: rcc.name, party: rcc.party, illustrative: rcc.srr.illustrative },
    });
  }
  for (const place of config.places) {
    if (!place.position) continue;
    const claims = Object.fromEntries(place.claims.map((c, k) => [`claim${k + 1}`, `${partyName(config, c.party)}: ${nameForReader(c.claim, config, reader)}`]));
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [place.position.lonDeg, place.position.latDeg] },
      properties: { layer: 'place', placeId: place.id, kind: place.kind, name: placeName(place, reader, config.sharedNaming, order), contested: place.contested, ...claims },
    });
  }
  for (const incident of config.incidents) {
    const position = incident.position ?? config.places.find((p) => p.id === incident.place)?.position;
    if (!position) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [position.lonDeg, position.latDeg] },
      properties: {
        layer: 'incident', incidentId: incident.id, title: nameForReader(incident.title, config, reader), date: formatApproximateDate(incident.date),
        sortDate: approximateDateSortKey(incident.date) ?? '', what: nameForReader(incident.what, config, reader), outcome: nameForReader(incident.outcome, config, reader),
        positionFrom: incident.position ? 'incident' : 'place',
      },
    });
  }
  return { type: 'FeatureCollection', features };
}
