/**
 * The events of the programme stream (a case log of kind 'programme', id 'programme'; see
 * docs/exercises.md): the yearly cooperation programme seeded once from the cooperation config,
 * then kept by programme staff, each change with who made it and when.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { PartySchema } from '../case_log/index.js';

/** The programme stream's id (one per server). */
export const PROGRAMME_STREAM_ID = 'programme';

const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._:-]+$' });
const Text = (maxLength = 2000) => Type.String({ minLength: 1, maxLength });
/** A date as the config writes it: `2027-05-12`, `2027-05`, `2027`, a phrase (`within the year`) or `not set`. */
const DateText = Type.String({ minLength: 1, maxLength: 100, description: "'2027-05-12', '2027-05', '2027', a phrase ('within the year') or 'not set'" });
const StateSchema = Type.Union([Type.Literal('planned'), Type.Literal('done'), Type.Literal('postponed'), Type.Literal('cancelled')]);

const ExerciseFields = {
  name: Text(200),
  host: PartySchema,
  /** A place id of the agreement (`liancourt`) or a free description. */
  area: Text(500),
  date: DateText,
  /** Unit ids of the agreement, of either navy. */
  units: Type.Array(Id, { maxItems: 50, uniqueItems: true }),
};
const ExchangeFields = {
  kind: Type.Union([Type.Literal('liaison-officer'), Type.Literal('observer')]),
  name: Type.Optional(Text(200)),
  rankOrRole: Text(200),
  fromParty: PartySchema,
  fromService: Id,
  /** A unit id (a ship) or an RCC id of the agreement. */
  hostedBy: Id,
  from: DateText,
  to: DateText,
  /** The exercise (programme item id) it is attached to. */
  exercise: Type.Optional(Id),
};

/** The payload of each programme event type. */
export const PROGRAMME_EVENT_PAYLOADS = {
  /** The cooperation config's programmes as the server was started with (`serve --agreement`): written once, by `system`. */
  programmeSeeded: Type.Object({
    source: Type.String({ maxLength: 500, description: "the config's title" }),
    programmes: Type.Array(Type.Unknown(), { description: 'YearlyProgramme of core/cooperation, as the config gave them' }),
  }, { additionalProperties: false }),
  /** A year's programme (how often, host rotation) added or changed. */
  yearSet: Type.Object({
    year: Type.Integer({ minimum: 1990, maximum: 2200 }),
    exerciseFrequency: Text(200),
    hostRotation: Type.Array(PartySchema, { maxItems: 10 }),
    approvedAt: Type.Optional(Id),
  }, { additionalProperties: false }),
  exerciseAdded: Type.Object({ year: Type.Integer({ minimum: 1990, maximum: 2200 }), id: Id, ...ExerciseFields }, { additionalProperties: false }),
  /** Only the fields given change. */
  exerciseChanged: Type.Object({
    id: Id,
    name: Type.Optional(ExerciseFields.name), host: Type.Optional(ExerciseFields.host), area: Type.Optional(ExerciseFields.area),
    date: Type.Optional(ExerciseFields.date), units: Type.Optional(ExerciseFields.units),
  }, { additionalProperties: false }),
  exchangeAdded: Type.Object({ year: Type.Integer({ minimum: 1990, maximum: 2200 }), id: Id, ...ExchangeFields }, { additionalProperties: false }),
  exchangeChanged: Type.Object({
    id: Id,
    kind: Type.Optional(ExchangeFields.kind), name: Type.Optional(Text(200)), rankOrRole: Type.Optional(ExchangeFields.rankOrRole),
    fromParty: Type.Optional(PartySchema), fromService: Type.Optional(Id), from: Type.Optional(DateText), to: Type.Optional(DateText),
  }, { additionalProperties: false }),
  /** A liaison officer or observer (an exchange of the rosters) attached to an exercise, or hosted by an RCC or a unit. */
  personnelAttached: Type.Object({
    exchangeId: Id,
    exerciseId: Type.Optional(Id),
    hostedBy: Type.Optional(Id),
  }, { additionalProperties: false }),
  /** An item (exercise or exchange) marked done, postponed, cancelled, or planned again. */
  itemStateSet: Type.Object({ id: Id, state: StateSchema, note: Type.Optional(Text(1000)) }, { additionalProperties: false }),
  /** What an exercise came to: a text, and (from exercise control's end) the exercise's case and whether the target was found. */
  exerciseResult: Type.Object({
    id: Id,
    result: Text(2000),
    caseId: Type.Optional(Id),
    detected: Type.Optional(Type.Boolean()),
    timeToDetectionH: Type.Optional(Type.Number({ minimum: 0 })),
  }, { additionalProperties: false }),
  /** An exercise case was created from the programme entry (by exercise control, POST /api/exercises). */
  exerciseCreated: Type.Object({ id: Id, caseId: Id, director: Type.String() }, { additionalProperties: false }),
} satisfies Record<string, TSchema>;

export type ProgrammeEventType = keyof typeof PROGRAMME_EVENT_PAYLOADS;
export const PROGRAMME_EVENT_TYPES = Object.keys(PROGRAMME_EVENT_PAYLOADS) as ProgrammeEventType[];
export type ProgrammeEventPayload<T extends ProgrammeEventType> = Static<(typeof PROGRAMME_EVENT_PAYLOADS)[T]>;
/** Event types programme staff post (the others are written by the server). */
export const STAFF_EVENT_TYPES: readonly ProgrammeEventType[] = ['yearSet', 'exerciseAdded', 'exerciseChanged', 'exchangeAdded', 'exchangeChanged', 'personnelAttached', 'itemStateSet', 'exerciseResult'];
