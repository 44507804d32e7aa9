/**
 * The events of an exercise's control stream (a case log of kind 'exercise-control', id
 * '<exercise case id>.control'; docs/exercises.md): what only the named controllers read, the
 * hidden truth above all.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { InjectKindSchema, PartySchema, PositionSchema, TimeTextSchema, UtcTimeSchema, WeatherSchema } from '../case_log/index.js';

const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._:-]+$' });
const Text = (maxLength = 4000) => Type.String({ minLength: 1, maxLength });
const UserName = Type.String({ minLength: 2, maxLength: 64, pattern: '^[a-z0-9][a-z0-9._-]*$' });
/** A forcing reference as planning inputs write one: `demo:east-sea-wind.nc`, `upload:<sha256>`. */
const ForcingRef = Type.String({ minLength: 1, maxLength: 200, pattern: '^(demo:[A-Za-z0-9._-]+|upload:[0-9a-f]{64})$' });

/** The id of an exercise's control stream. */
export const controlStreamId = (caseId: string): string => `${caseId}.control`;

/** How the truth forcing differs from the forcing it is built on (a wrapper field: speeds scaled, directions turned). */
export const PerturbationSchema = Type.Object({
  windSpeedFactor: Type.Number({ minimum: 0, maximum: 5, default: 1 }),
  windDirectionOffsetDeg: Type.Number({ minimum: -180, maximum: 180, default: 0 }),
  currentSpeedFactor: Type.Number({ minimum: 0, maximum: 5, default: 1 }),
  currentDirectionOffsetDeg: Type.Number({ minimum: -180, maximum: 180, default: 0 }),
}, { additionalProperties: false });

/** The hidden truth: what really drifts, from where and when, on which forcing. */
export const TruthSchema = Type.Object({
  /** Leeway class key or id (core/objects). */
  objectClass: Type.String({ minLength: 1, maxLength: 64 }),
  position: PositionSchema,
  time: TimeTextSchema,
  /** The truth forcing; null: the players' forecast forcing (their newest planning inputs). */
  forcing: Type.Union([Type.Object({ wind: ForcingRef, current: ForcingRef }, { additionalProperties: false }), Type.Null()]),
  perturbation: Type.Optional(PerturbationSchema),
  seed: Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1 }),
  /** How long to follow the truth, hours (default 48). */
  durationH: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 240 })),
}, { additionalProperties: false });

/** The payload of each control event type. */
export const CONTROL_EVENT_PAYLOADS = {
  /** The stream opened with the exercise: which players' case, from which programme entry, who directs. */
  controlOpened: Type.Object({
    caseId: Id, programmeItemId: Id, title: Text(200),
    director: Type.Object({ userName: Type.String(), party: PartySchema }, { additionalProperties: false }),
  }, { additionalProperties: false }),
  /** The director names the controllers (users of either party holding the exercise-control role); the director is always one. */
  controllersSet: Type.Object({ controllers: Type.Array(UserName, { maxItems: 20, uniqueItems: true }) }, { additionalProperties: false }),
  truthSet: TruthSchema,
  injectScheduled: Type.Object({
    injectId: Id,
    kind: InjectKindSchema,
    /** Exercise time at which it is released to the players. */
    at: TimeTextSchema,
    text: Text(),
    position: Type.Optional(PositionSchema),
    /** A distress call without a position: reported at the truth's position at `at`, moved by this error (core/exercise distressCallPosition). */
    positionError: Type.Optional(Type.Union([
      Type.Object({ kind: Type.Literal('bearingDistance'), bearingDeg: Type.Number({ minimum: 0, exclusiveMaximum: 360 }), distanceNm: Type.Number({ minimum: 0, maximum: 500 }) }, { additionalProperties: false }),
      Type.Object({ kind: Type.Literal('random'), radiusNm: Type.Number({ minimum: 0, maximum: 500 }), seed: Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1 }) }, { additionalProperties: false }),
    ])),
    unitId: Type.Optional(Id),
    delayH: Type.Optional(Type.Number({ minimum: 0, maximum: 240 })),
    weather: Type.Optional(WeatherSchema),
  }, { additionalProperties: false }),
  injectCancelled: Type.Object({ injectId: Id, reason: Type.Optional(Text(500)) }, { additionalProperties: false }),
  clockSet: Type.Object({
    mode: Type.Union([Type.Literal('real'), Type.Literal('accelerated'), Type.Literal('stepped')]),
    rate: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 3600, description: 'exercise seconds per wall-clock second (accelerated; 1 when real)' })),
    exerciseTime: TimeTextSchema,
  }, { additionalProperties: false }),
  /** A stepped clock moved forward to `toTime`. */
  clockStepped: Type.Object({ toTime: TimeTextSchema }, { additionalProperties: false }),
  /** Every detection draw for a search of the exercise, hit or miss (server-written). */
  detectionDrawn: Type.Object({
    searchVersion: Type.Integer({ minimum: 1 }),
    unitId: Id,
    hit: Type.Boolean(),
    seed: Type.Integer(),
    /** Expected detections along the track (Σ exposure), and 1 − e^(−that): the planner's POD on the truth. */
    expectedDetections: Type.Number({ minimum: 0 }),
    /** The sweep width the draw used, NM, and where it came from (the unit's W for the truth's object from the tables, or the search's own). */
    sweepWidthNm: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    sweepWidthSource: Type.Optional(Type.String({ maxLength: 300 })),
    time: Type.Optional(UtcTimeSchema),
    position: Type.Optional(PositionSchema),
    /** Why no draw could be made (no truth set, the track outside the truth's span). */
    note: Type.Optional(Text(1000)),
  }, { additionalProperties: false }),
  lessonEntered: Type.Object({ text: Text() }, { additionalProperties: false }),
  exerciseEnded: Type.Object({ text: Type.Optional(Text(2000)) }, { additionalProperties: false }),
} satisfies Record<string, TSchema>;

export type ControlEventType = keyof typeof CONTROL_EVENT_PAYLOADS;
export const CONTROL_EVENT_TYPES = Object.keys(CONTROL_EVENT_PAYLOADS) as ControlEventType[];
export type ControlEventPayload<T extends ControlEventType> = Static<(typeof CONTROL_EVENT_PAYLOADS)[T]>;
export type Truth = Static<typeof TruthSchema>;
/** What controllers post (the others are written by the server). */
export const CONTROLLER_EVENT_TYPES: readonly ControlEventType[] = ['controllersSet', 'truthSet', 'injectScheduled', 'injectCancelled', 'clockSet', 'clockStepped', 'lessonEntered', 'exerciseEnded'];
