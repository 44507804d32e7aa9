import { Type } from '@sinclair/typebox';
import { RELEASABILITY_LEVELS } from '../case_log/index.js';

/**
 * The response schema of GET /api/agreement: the core's CooperationConfig types (core/cooperation)
 * as JSON, for OpenAPI and the serializer. A field missing here would be dropped from the answer,
 * so the route's test compares the whole answer with the view it was made from.
 */
const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Ids = Type.Array(Type.String());
const LonLat = Type.Object({ lonDeg: Type.Number(), latDeg: Type.Number() });
const Revisions = Type.Object({
  revisions: Type.Array(Type.Object({ timeS: Type.Number({ description: 's since 1970-01-01T00:00Z' }), by: Type.String(), summary: Type.String() })),
}, { description: 'revision history, oldest first (the first is its creation)' });
const ApproximateDate = Type.Object({
  kind: literals(['day', 'month', 'year', 'phrase', 'not-set']),
  iso: Type.Optional(Type.String({ description: "day 'YYYY-MM-DD' or month 'YYYY-MM'" })),
  year: Type.Optional(Type.Integer()),
  text: Type.Optional(Type.String({ description: "a phrase such as 'within the year'" })),
  statedOn: Type.Optional(Type.String({ description: 'ISO date the phrase was stated on' })),
}, { description: 'a date as the source gives it (possibly approximate)' });
const Texts = 'texts may hold {place:id} and {party:id} placeholders: name them per reader (core/cooperation nameForReader)';

const Party = Type.Object({
  id: Type.String(), name: Type.String(), timeZone: Type.String({ description: 'IANA, e.g. Asia/Seoul' }), language: Type.String(), capital: Type.Optional(Type.String()),
  services: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), kind: literals(['navy', 'coast-guard', 'air-force', 'ministry', 'other']) })),
  rccs: Type.Array(Type.Object({
    id: Type.String(), name: Type.String(), party: Type.String(),
    srr: Type.Object({
      polygons: Type.Array(Type.Array(Type.Array(Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }))), { description: 'polygons → rings → [lonDeg, latDeg] vertices (rings not closed)' }),
      illustrative: Type.Boolean({ description: 'true when the polygons are not an official SRR boundary' }),
    }),
  })),
});

const FullUnit = Type.Object({
  id: Type.String(), name: Type.String(), party: Type.String(), service: Type.String(), type: literals(['ship', 'boat', 'helicopter', 'aircraft']),
  speedKn: Type.Number(), enduranceH: Type.Number(), eyeHeightM: Type.Optional(Type.Number()), altitudeFt: Type.Optional(Type.Number()),
  homeBase: Type.String(), releasability: literals(RELEASABILITY_LEVELS), record: Revisions,
}, { description: 'a unit of the viewer\'s party, or of another party released as everything' });
const PositionOnlyUnit = Type.Object({
  id: Type.String(), party: Type.String(), releasability: Type.Literal('position-only'), label: Type.String({ description: "what to call it, e.g. 'KR unit'" }),
}, { description: 'another party\'s unit released as position-only: its id (events carry it) and owner; no name, type or capabilities' });

const Place = Type.Object({
  id: Type.String(), kind: literals(['islets', 'island', 'sea', 'port', 'area', 'point']),
  names: Type.Record(Type.String(), Type.String(), { description: 'party id → the name that party uses, romanised' }),
  ownScriptNames: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'party id → the name that party uses in its own script (독도, 竹島)' })),
  neutralName: Type.String({ description: 'the name in products shared by all parties' }),
  position: Type.Optional(LonLat), contested: Type.Boolean({ description: 'contested sovereignty: the contested-feature notification rule applies' }),
  claims: Type.Array(Type.Object({ party: Type.String(), claim: Type.String(), sources: Ids })), record: Revisions,
});

const Rule = Type.Object({
  id: Type.String(), kind: literals(['coordinating-rcc', 'srr-entry-notification', 'contested-feature-notification']), text: Type.String(),
  notify: Type.Optional(literals(['srr-owner', 'other-claimants', 'other-parties'])),
  leadTimeH: Type.Optional(Type.Number({ description: 'how long before entering the notification is due, hours' })),
  radiusNm: Type.Optional(Type.Number({ description: 'contested-feature rules: the radius around the feature, NM' })),
  closedBy: Type.Optional(literals(['coordinating-rcc', 'every-party'])),
});

const Source = Type.Object({
  id: Type.String(), kind: literals(['on-record', 'unnamed', 'news-agency', 'document']),
  person: Type.Optional(Type.String()), role: Type.Optional(Type.String()), agency: Type.Optional(Type.String()),
  dateline: Type.Optional(Type.String()), date: Type.Optional(Type.String()), note: Type.Optional(Type.String()),
});

const Agreement = Type.Object({
  id: Type.String(), parties: Ids, title: Type.String(), titleProvisional: Type.Boolean(),
  provisions: Type.Array(Type.Object({ id: Type.String(), text: Type.String(), sources: Ids })),
  textVersions: Type.Array(Type.Object({ id: Type.String(), date: ApproximateDate, description: Type.String(), sources: Ids })),
  statusHistory: Type.Array(Type.Object({
    status: Type.String(), date: ApproximateDate, actor: Type.Optional(Type.String()), summary: Type.String(), reason: Type.Optional(Type.String()), sources: Ids,
  }), { description: `oldest first; the last entry is the current status; ${Texts}` }),
  record: Revisions,
});

const Meeting = Type.Object({
  id: Type.String(), title: Type.String(), host: Type.String(), date: ApproximateDate, expected: Type.Optional(ApproximateDate),
  participants: Type.Array(Type.Object({ party: Type.String(), role: Type.String(), name: Type.Optional(Type.String()) })),
  agenda: Type.Array(Type.String()),
  outcomes: Type.Array(Type.Object({ text: Type.String(), state: literals(['expected', 'achieved', 'not-achieved']), sources: Ids })),
  sources: Ids, record: Revisions,
});

const ItemState = literals(['planned', 'done', 'cancelled', 'postponed']);
const Programme = Type.Object({
  year: Type.Integer(), exerciseFrequency: Type.String(), hostRotation: Ids, approvedAt: Type.Optional(Type.String()),
  exercises: Type.Array(Type.Object({
    id: Type.String(), name: Type.String(), host: Type.String(), area: Type.String({ description: 'a place id or a description' }), date: ApproximateDate,
    units: Type.Array(Type.String(), { description: 'ids of the units taking part that the viewer may see' }), state: ItemState, result: Type.Optional(Type.String()), record: Revisions,
  })),
  exchanges: Type.Array(Type.Object({
    id: Type.String(), kind: literals(['liaison-officer', 'observer']), name: Type.Optional(Type.String()), rankOrRole: Type.String(),
    fromParty: Type.String(), fromService: Type.String(), hostedBy: Type.String({ description: 'a unit or RCC id' }), from: ApproximateDate, to: ApproximateDate,
    exercise: Type.Optional(Type.String()), state: ItemState, record: Revisions,
  }), { description: 'personnel exchanges: the rosters of liaison officers and observers' }),
  record: Revisions,
});

const Incident = Type.Object({
  id: Type.String(), title: Type.String(), date: ApproximateDate, actors: Type.Array(Type.Object({ party: Type.String(), description: Type.String() })),
  place: Type.Optional(Type.String()), position: Type.Optional(LonLat), what: Type.String(), outcome: Type.String(), sources: Ids, record: Revisions,
});

const MapFeatures = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(Type.Object({
    type: Type.Literal('Feature'),
    geometry: Type.Object({ type: literals(['Point', 'MultiPolygon']), coordinates: Type.Unknown() }),
    properties: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()])),
  })),
}, { description: "GeoJSON: SRRs (layer 'srr'), places (layer 'place', the viewer's names) and incidents (layer 'incident')" });

/** GET /api/agreement's answer. */
export const AgreementViewSchema = Type.Object({
  viewerParty: Type.String(),
  title: Type.String({ description: Texts }),
  sharedNaming: literals(['neutral', 'both']),
  parties: Type.Array(Party),
  units: Type.Array(Type.Union([FullUnit, PositionOnlyUnit])),
  unitsWithheld: Type.Integer({ description: "other parties' units the viewer may not see (releasability nothing), left out" }),
  places: Type.Array(Place),
  rules: Type.Array(Rule),
  sources: Type.Array(Source),
  agreement: Agreement,
  meetings: Type.Array(Meeting),
  programmes: Type.Array(Programme),
  incidents: Type.Array(Incident),
  mapFeatures: MapFeatures,
});
