import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { StoredEvent } from '../../io/storage/index.js';
import type { Releasability } from './releasability.js';
import { PlanningInputsSchema } from './planning_inputs.js';
import { AreaOnEarthSchema } from '../plan/previous_plan.js';
import { PARTY_PATTERN } from './roles.js';
import { TEXT_MAX_CHARS } from './limits.js';

/** A UTC time as ISO 8601 with a `Z` (times without a zone are refused, as everywhere in sarbridge). */
export const UtcTimeSchema = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?Z$', description: "a UTC time, ISO 8601 with Z ('2026-03-11T07:00Z')" });
/**
 * A time as a client may write it in a payload: read with the core's parser (payload_times.ts) and
 * stored as UTC with a Z, so what the log holds always matches UtcTimeSchema.
 */
export const TimeTextSchema = Type.String({
  minLength: 1, maxLength: 40,
  description: "ISO 8601 with a zone ('2026-03-11T07:00Z', '2026-03-11T16:00+09:00') or a date-time group in UTC ('110700Z MAR 26'); stored as UTC ('2026-03-11T07:00Z')",
});
/** A WGS 84 position in degrees. */
export const PositionSchema = Type.Object({
  lonDeg: Type.Number({ minimum: -180, maximum: 180 }),
  latDeg: Type.Number({ minimum: -90, maximum: 90 }),
}, { additionalProperties: false });
/** A party code such as 'KR'. */
export const PartySchema = Type.String({ pattern: PARTY_PATTERN, description: "a party code of two or three capital letters, such as 'KR'" });
const Text = (maxLength = TEXT_MAX_CHARS) => Type.String({ minLength: 1, maxLength });
const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._:-]+$' });

/** The kinds of inject exercise control may schedule (docs/exercises.md). */
export const INJECT_KINDS = ['distressCall', 'sighting', 'debris', 'unitBreakdown', 'unitLate', 'weatherChange'] as const;
export const InjectKindSchema = Type.Union(INJECT_KINDS.map((k) => Type.Literal(k)));
/** New weather figures of a weatherChange inject. */
export const WeatherSchema = Type.Object({
  windKn: Type.Optional(Type.Number({ minimum: 0, maximum: 150 })),
  windFromDeg: Type.Optional(Type.Number({ minimum: 0, maximum: 360 })),
  visibilityNm: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
  seaHeightM: Type.Optional(Type.Number({ minimum: 0, maximum: 30 })),
}, { additionalProperties: false });
/** How the exercise clock runs: real time, accelerated (×rate) or stepped (frozen, moved on by exercise control). */
export const ExerciseClockSchema = Type.Object({
  mode: Type.Union([Type.Literal('real'), Type.Literal('accelerated'), Type.Literal('stepped')]),
  rate: Type.Number({ minimum: 0, maximum: 3600, description: 'exercise seconds per wall-clock second (1 when real, ignored when stepped)' }),
  exerciseTime: UtcTimeSchema,
  wallTime: UtcTimeSchema,
}, { additionalProperties: false });

/** A timed position: seconds since epoch and WGS 84 degrees. */
const TimedPositionSchema = Type.Object({
  timeS: Type.Number(), lonDeg: Type.Number({ minimum: -180, maximum: 360 }), latDeg: Type.Number({ minimum: -90, maximum: 90 }),
}, { additionalProperties: false });

/** A plan's datum track and unit routes (the cooperation layer's CooperationPlan). */
export const PlanGeometrySchema = Type.Object({
  datumTrack: Type.Array(TimedPositionSchema, { minItems: 1, maxItems: 2000 }),
  units: Type.Array(Type.Object({
    unitId: Id, party: PartySchema, waypoints: Type.Array(TimedPositionSchema, { minItems: 1, maxItems: 5000 }),
  }, { additionalProperties: false }), { maxItems: 50 }),
  /** When the incident began and when the plan was made, seconds since epoch: notifications due before them are overdue. */
  incidentTimeS: Type.Optional(Type.Number()),
  planningTimeS: Type.Optional(Type.Number()),
}, { additionalProperties: false });

/** A drift run's summary as kept in the log (the particles are kept beside it: store table drift_runs). */
export const DriftRunSummarySchema = Type.Object({
  title: Type.Optional(Type.String({ maxLength: 200 })),
  start: UtcTimeSchema,
  durationH: Type.Number(),
  particles: Type.Integer(),
  seed: Type.Integer(),
  forcing: Type.Object({ wind: Type.String(), current: Type.String(), shoreline: Type.Union([Type.String(), Type.Null()]) }),
  times: Type.Array(Type.Object({
    time: UtcTimeSchema,
    centroid: Type.Union([PositionSchema, Type.Null()]),
    radius50M: Type.Number(),
    radius90M: Type.Number(),
    counts: Type.Record(Type.String(), Type.Integer()),
  }), { maxItems: 1000 }),
  seconds: Type.Number({ description: 'wall-clock time of the run, s' }),
});

/** The payload schema of each event type: the single definition of what each event holds. */
export const EVENT_PAYLOADS = {
  caseOpened: Type.Object({
    kind: Type.Union([Type.Literal('case'), Type.Literal('exercise')]),
    title: Text(200),
    parties: Type.Array(PartySchema, { minItems: 1, maxItems: 10, uniqueItems: true }),
  }, { additionalProperties: false }),
  report: Type.Object({
    text: Text(),
    position: Type.Optional(PositionSchema),
    time: Type.Optional(TimeTextSchema),
    objectClass: Type.Optional(Type.String({ maxLength: 64 })),
  }, { additionalProperties: false }),
  driftRun: Type.Object({
    summary: DriftRunSummarySchema,
    runId: Type.Optional(Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', description: "the server's run (its particles: GET /api/cases/{caseId}/drift-runs/{runId}/particles)" })),
  }, { additionalProperties: false }),
  /** The inputs of the drift and the plan, as a plan file (checked on append: planning_inputs.ts). */
  planningInputs: PlanningInputsSchema,
  planIssued: Type.Object({
    planId: Id,
    text: Text(),
    units: Type.Optional(Type.Array(Type.Object({
      unitId: Id, pattern: Type.Optional(Type.String({ maxLength: 64 })), note: Type.Optional(Text(500)),
      /** The unit's search area: a re-plan of the case keeps it while nothing is better beyond the particles' noise. */
      area: Type.Optional(AreaOnEarthSchema),
    }, { additionalProperties: false }), { maxItems: 50 })),
    /** The plan's geometry, as `sarbridge plan` writes it (plan-for-rules.json): checked against the agreement's rules. */
    plan: Type.Optional(PlanGeometrySchema),
  }, { additionalProperties: false }),
  searchDone: Type.Object({
    unitId: Id,
    planId: Type.Optional(Id),
    podPercent: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
    text: Type.Optional(Text()),
    /** Where and when the unit searched (e.g. its GPX track): with the sweep width, the Bayesian update of the searches done. */
    track: Type.Optional(Type.Array(Type.Object({ lonDeg: PositionSchema.properties.lonDeg, latDeg: PositionSchema.properties.latDeg, time: TimeTextSchema }, { additionalProperties: false }),
      { minItems: 2, maxItems: 5000, description: 'the track searched, times not going back' })),
    sweepWidthNm: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 50, description: 'sweep width the track was searched with, NM (needed with a track)' })),
    speedKn: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 400, description: 'search speed, knots' })),
  }, { additionalProperties: false }),
  sighting: Type.Object({
    position: PositionSchema,
    text: Text(),
    unitId: Type.Optional(Id),
    time: Type.Optional(TimeTextSchema),
  }, { additionalProperties: false }),
  message: Type.Object({
    text: Text(),
    /** The party it is addressed to, the one that acknowledges it (messageAcknowledged); default every other party of the case. */
    to: Type.Optional(PartySchema),
  }, { additionalProperties: false }),
  notificationAcknowledged: Type.Object({
    /** As the agreement's rules name it: `<rule>/<unit>/<subject>/<to RCC>`, e.g. `R3/kr-ship-1/place:liancourt/jp-rcc`. */
    notificationId: Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9._:/-]+$' }),
    note: Type.Optional(Text(500)),
  }, { additionalProperties: false }),
  unitPosition: Type.Object({
    unitId: Id,
    position: PositionSchema,
    time: Type.Optional(TimeTextSchema),
    courseDeg: Type.Optional(Type.Number({ minimum: 0, maximum: 360 })),
    speedKn: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
  }, { additionalProperties: false }),
  /**
   * The case is closed (no more events but a reopening and agreements to it). In a joint case,
   * by the SMC of the coordinating RCC's party, or once every other party has agreed
   * (statusChangeAgreed; case_status.ts).
   */
  caseClosed: Type.Object({ reason: Text(500) }, { additionalProperties: false }),
  /** A closed case is open again, by the same rule as closing. */
  caseReopened: Type.Object({ reason: Text(500) }, { additionalProperties: false }),
  /** A party agrees that the case be closed (`to: 'closed'`) or reopened (`to: 'open'`); counts until the status next changes. */
  statusChangeAgreed: Type.Object({
    to: Type.Union([Type.Literal('closed'), Type.Literal('open')]),
    reason: Text(500),
  }, { additionalProperties: false }),
  /**
   * A party joins the case (the usual way a case becomes joint): from this event on its users read
   * the log (every earlier event as released) and write to it.
   */
  partyAdded: Type.Object({ party: PartySchema, reason: Text(500) }, { additionalProperties: false }),
  /**
   * A correction of an earlier report, sighting, unit position or message of the author's party:
   * `replacement` is the whole payload it should have had, checked against that event's type
   * (EventPayload_report, EventPayload_sighting, EventPayload_unitPosition, EventPayload_message).
   * The original stays in the log; the picture shows the replacement, marked corrected, with who and why.
   */
  eventCorrected: Type.Object({
    eventVersion: Type.Integer({ minimum: 1, description: 'the version of the event corrected' }),
    reason: Text(500),
    replacement: Type.Object({}, { additionalProperties: true, description: "the corrected payload, of the corrected event's type" }),
  }, { additionalProperties: false }),
  /** A retraction of an earlier report, sighting, unit position or message of the author's party: the picture shows it retracted, with who and why. */
  eventRetracted: Type.Object({
    eventVersion: Type.Integer({ minimum: 1, description: 'the version of the event retracted' }),
    reason: Text(500),
  }, { additionalProperties: false }),
  /** A party a message is addressed to says it received it (message_acks.ts): the exchanges' acknowledgement delays are scored from it. */
  messageAcknowledged: Type.Object({
    /** The version of the `message` in this case's log. */
    messageVersion: Type.Integer({ minimum: 1 }),
    note: Type.Optional(Text(500)),
  }, { additionalProperties: false }),
  // The events below reach an exercise's players' case from exercise control (docs/exercises.md):
  // the server writes them (author 'exercise-control'); no user posts them, and none holds the truth.
  /** An inject released to the players when the exercise time reached its time (`at`). */
  injectReleased: Type.Object({
    injectId: Id,
    kind: InjectKindSchema,
    /** The exercise time it was due at. */
    at: UtcTimeSchema,
    text: Text(),
    position: Type.Optional(PositionSchema),
    unitId: Type.Optional(Id),
    delayH: Type.Optional(Type.Number({ minimum: 0, maximum: 240 })),
    weather: Type.Optional(WeatherSchema),
  }, { additionalProperties: false }),
  /** The exercise clock as exercise control set it: exercise time = exerciseTime + (now − wallTime) × rate (frozen when stepped). */
  exerciseClock: ExerciseClockSchema,
  /** A unit's search saw the target: where and when the unit saw it, and which searchDone (its version) it came from. */
  targetDetected: Type.Object({
    unitId: Id,
    time: UtcTimeSchema,
    position: PositionSchema,
    searchVersion: Type.Integer({ minimum: 1 }),
    /** True for the first detection: it ended the exercise's search phase (exercise control may play on). */
    searchPhaseEnded: Type.Optional(Type.Boolean()),
  }, { additionalProperties: false }),
  /** Exercise control ended the exercise; the score and the after-action report are now released to both parties. */
  exerciseEnded: Type.Object({
    /** Exercise time at the end. */
    exerciseTime: Type.Optional(UtcTimeSchema),
    text: Type.Optional(Text(2000)),
  }, { additionalProperties: false }),
} satisfies Record<string, TSchema>;

/** Event types the server writes into an exercise's players' case from exercise control; never posted by a user. */
export const EXERCISE_CONTROL_EVENT_TYPES = ['injectReleased', 'exerciseClock', 'targetDetected', 'exerciseEnded'] as const;

/** The kinds of event a case or exercise log holds. */
export type CaseEventType = keyof typeof EVENT_PAYLOADS;
/** Every event type, in a stable order. */
export const CASE_EVENT_TYPES = Object.keys(EVENT_PAYLOADS) as CaseEventType[];
/** The payload of an event type. */
export type CaseEventPayload<T extends CaseEventType> = Static<(typeof EVENT_PAYLOADS)[T]>;

/** An event of the case log: the stored envelope with a known type and payload. */
export type CaseEvent = { [T in CaseEventType]: Omit<StoredEvent, 'type' | 'payload' | 'releasability'> & {
  readonly type: T; readonly payload: CaseEventPayload<T>; readonly releasability: Releasability } }[CaseEventType];

/** An event as another party sees it under `position-only`: position fields kept, the author hidden. */
export interface RedactedEvent {
  readonly caseId: string;
  readonly version: number;
  readonly type: CaseEventType;
  readonly party: string;
  readonly recordedAt: string;
  readonly releasability: 'position-only';
  /**
   * The position fields; of a correction, the event it names and its replacement's position fields;
   * of a retraction, the event it names; of a target detection by a unit the agreement does not
   * release to the viewer, the unit's party in place of its id, and whether it ended the search phase.
   */
  readonly payload: { unitId?: string; position?: Static<typeof PositionSchema>; time?: string; eventVersion?: number;
    replacement?: { unitId?: string; position?: Static<typeof PositionSchema>; time?: string };
    unitParty?: string; searchPhaseEnded?: boolean };
  readonly redacted: true;
}

/**
 * An event not released to the viewer: only its place in the log, so that versions stay
 * contiguous (the count of events is visible to every party of the case, their content is not).
 */
export interface WithheldEvent {
  readonly caseId: string;
  readonly version: number;
  readonly withheld: true;
}

/**
 * An event whose units the agreement releases only in part to the viewer (a plan, planning inputs):
 * the payload keeps its shape with those units' entries removed or reduced; `withheldUnits` counts
 * the units left out.
 */
export type PartlyWithheldEvent = CaseEvent & { readonly withheldUnits: number };

/** What a viewer receives for one event. */
export type ViewedEvent = CaseEvent | PartlyWithheldEvent | RedactedEvent | WithheldEvent;
