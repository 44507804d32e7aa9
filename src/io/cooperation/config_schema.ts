/**
 * The cooperation config file (YAML or JSON) as TypeBox schemas. Units are in field names; dates
 * that may be approximate are strings (`2008-04-28`, `2005`, `within the year`, `not set`); times
 * of record revisions are ISO 8601 with a zone. Cross-references (party, unit, place, source ids)
 * are checked after the schema by `parseCooperationConfig`.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';

/** A string that must be one of `values` (errors list them). */
const oneOf = <T extends string>(values: readonly T[], description?: string) =>
  Type.Union(values.map((v) => Type.Literal(v)), { description, oneOfValues: values });

const Id = Type.String({ minLength: 1, pattern: '^[A-Za-z0-9_.-]+$', description: 'identifier: letters, digits, _ . -' });
const Text = Type.String({ minLength: 1 });
const DateText = Type.String({ minLength: 1, description: "'2008-04-28', '2008-04', '2005', a phrase such as 'within the year', or 'not set'" });
const SourceIds = Type.Array(Id, { description: 'ids of entries in sources' });
const strict = <T extends Record<string, TSchema>>(props: T, description?: string) => Type.Object(props, { additionalProperties: false, description });

/** One revision of a record. */
export const RevisionSchema = strict({ time: Type.String({ description: "ISO 8601 with a zone: '2026-11-29T14:00Z'" }), by: Text, summary: Text });
const Record = Type.Optional(Type.Array(RevisionSchema, { minItems: 1, description: 'revision history, oldest first (default: the file-level record)' }));

const LonLat = strict({ lonDeg: Type.Number({ minimum: -180, maximum: 180 }), latDeg: Type.Number({ minimum: -90, maximum: 90 }) });
const Vertex = Type.Tuple([Type.Number({ minimum: -180, maximum: 180 }), Type.Number({ minimum: -90, maximum: 90 })], { description: '[lonDeg, latDeg]' });
const Ring = Type.Array(Vertex, { minItems: 3 });

const SourceSchema = strict({
  id: Id, kind: oneOf(['on-record', 'unnamed', 'news-agency', 'document'] as const),
  person: Type.Optional(Text), role: Type.Optional(Text), agency: Type.Optional(Text), dateline: Type.Optional(Text),
  date: Type.Optional(Type.String({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' })), note: Type.Optional(Text),
});

const PartySchema = strict({
  id: Id, name: Text, capital: Type.Optional(Text), timeZone: Type.String({ minLength: 1, description: 'IANA time zone, e.g. Asia/Seoul' }),
  language: Type.String({ minLength: 2 }),
  services: Type.Array(strict({ id: Id, name: Text, kind: oneOf(['navy', 'coast-guard', 'air-force', 'ministry', 'other'] as const) })),
  rccs: Type.Array(strict({
    id: Id, name: Text,
    srr: strict({ illustrative: Type.Boolean({ description: 'true when the polygons are not an official SRR boundary' }), note: Type.Optional(Text), polygons: Type.Array(Type.Array(Ring, { minItems: 1 }), { minItems: 1 }) }),
  })),
});

const UnitSchema = strict({
  id: Id, name: Text, party: Id, service: Id, type: oneOf(['ship', 'boat', 'helicopter', 'aircraft'] as const),
  speedKn: Type.Number({ exclusiveMinimum: 0, maximum: 600 }), enduranceH: Type.Number({ exclusiveMinimum: 0, maximum: 2000 }),
  eyeHeightM: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })), altitudeFt: Type.Optional(Type.Number({ minimum: 0, maximum: 45000 })),
  homeBase: Text, releasability: oneOf(['everything', 'position-only', 'nothing'] as const), illustrative: Type.Optional(Type.Boolean()), record: Record,
});

const PlaceSchema = strict({
  id: Id, kind: oneOf(['islets', 'island', 'sea', 'port', 'area', 'point'] as const),
  names: Type.Record(Type.String(), Text, { description: 'party id → the name that party uses, romanised (an English text or interface shows it)' }),
  ownScriptNames: Type.Optional(Type.Record(Type.String(), Text, { description: "party id → the name that party uses in its own language and script (독도, 竹島): that party's copy of a report carries it" })),
  neutralName: Text, position: Type.Optional(LonLat), contested: Type.Boolean(),
  claims: Type.Array(strict({ party: Id, claim: Text, sources: SourceIds })), record: Record,
});

const RuleSchema = strict({
  id: Id, kind: oneOf(['coordinating-rcc', 'srr-entry-notification', 'contested-feature-notification'] as const), text: Text,
  notify: Type.Optional(oneOf(['srr-owner', 'other-claimants', 'other-parties'] as const)),
  leadTimeH: Type.Optional(Type.Number({ minimum: 0, maximum: 720 })),
  radiusNm: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 200 })),
  /** coordinating-rcc rules: who closes and reopens a joint case (default: the coordinating RCC's SMC, or every party agreeing). */
  closedBy: Type.Optional(oneOf(['coordinating-rcc', 'every-party'] as const)),
  illustrative: Type.Optional(Type.Boolean()),
});

const Dated = { date: DateText, statedOn: Type.Optional(Type.String({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$', description: 'ISO date a phrase date was stated on' })) };

const AgreementSchema = strict({
  id: Id, parties: Type.Array(Id, { minItems: 2 }), title: Text, titleProvisional: Type.Boolean(),
  provisions: Type.Array(strict({ id: Id, text: Text, sources: SourceIds })),
  textVersions: Type.Array(strict({ id: Id, ...Dated, description: Text, sources: SourceIds })),
  statusHistory: Type.Array(strict({
    status: oneOf(['proposed', 'opposed', 'drafted', 'under-consultation', 'signing-expected', 'signed', 'in-force', 'suspended', 'terminated'] as const),
    ...Dated, actor: Type.Optional(Id), summary: Text, reason: Type.Optional(Text), sources: Type.Array(Id, { minItems: 1 }),
  })),
  record: Record,
});

const MeetingSchema = strict({
  id: Id, title: Text, host: Id, ...Dated, expected: Type.Optional(DateText),
  participants: Type.Array(strict({ party: Id, role: Text, name: Type.Optional(Text) })),
  agenda: Type.Array(Text), outcomes: Type.Array(strict({ text: Text, state: oneOf(['expected', 'achieved', 'not-achieved'] as const), sources: SourceIds })),
  sources: SourceIds, record: Record,
});

const ItemState = oneOf(['planned', 'done', 'cancelled', 'postponed'] as const);
const ProgrammeSchema = strict({
  year: Type.Integer({ minimum: 1900, maximum: 2200 }), exerciseFrequency: Text, hostRotation: Type.Array(Id, { minItems: 1 }), approvedAt: Type.Optional(Id),
  exercises: Type.Array(strict({ id: Id, name: Text, host: Id, area: Text, date: DateText, units: Type.Array(Id), state: ItemState, result: Type.Optional(Text), record: Record })),
  exchanges: Type.Array(strict({
    id: Id, kind: oneOf(['liaison-officer', 'observer'] as const), name: Type.Optional(Text), rankOrRole: Text, fromParty: Id, fromService: Id,
    hostedBy: Id, from: DateText, to: DateText, exercise: Type.Optional(Id), state: ItemState, record: Record,
  })),
  illustrative: Type.Optional(Type.Boolean()), record: Record,
});

const IncidentSchema = strict({
  id: Id, title: Text, ...Dated, actors: Type.Array(strict({ party: Id, description: Text }), { minItems: 1 }),
  place: Type.Optional(Id), position: Type.Optional(LonLat), what: Text, outcome: Text, sources: Type.Array(Id, { minItems: 1 }), record: Record,
});

/** The whole config file. */
export const CooperationConfigSchema = strict({
  title: Text,
  sharedNaming: oneOf(['neutral', 'both'] as const, 'how products shared by all parties name places'),
  notes: Type.Optional(Type.Array(Text)),
  record: Type.Array(RevisionSchema, { minItems: 1, description: 'the file\'s revision history; the default for records without their own' }),
  sources: Type.Array(SourceSchema),
  parties: Type.Array(PartySchema, { minItems: 2 }),
  units: Type.Array(UnitSchema),
  places: Type.Array(PlaceSchema),
  rules: Type.Array(RuleSchema),
  agreement: AgreementSchema,
  meetings: Type.Array(MeetingSchema),
  programmes: Type.Array(ProgrammeSchema),
  incidents: Type.Array(IncidentSchema),
});

/** The config file's shape after the schema check. */
export type CooperationConfigFile = Static<typeof CooperationConfigSchema>;
