import { Type } from '@sinclair/typebox';
import { USER_NAME_RULE } from './user_name_rule.js';
import { CASE_EVENT_TYPES, PartySchema, RELEASABILITY_LEVELS, ROLES, type CaseEventType, type Releasability, type Role } from '../case_log/index.js';

/** Every error the API returns: a stable code, a message, and the field when one was wrong. */
export const ErrorResponse = Type.Object({
  statusCode: Type.Integer(),
  code: Type.String({ description: 'stable code, see docs/errors.md' }),
  error: Type.String(),
  message: Type.String(),
  field: Type.Optional(Type.String({ description: "the wrong field, e.g. 'body/payload/position/latDeg'" })),
  currentVersion: Type.Optional(Type.Integer({ description: 'on a version conflict: the version the case is at' })),
}, { $id: 'ErrorResponse' });

/** The error responses a route may give, by status. */
export const errorResponses = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, Type.Ref('ErrorResponse')]));

/** A role: one enum, so a wrong role is answered with the allowed values. */
export const RoleSchema = Type.Unsafe<Role>({ type: 'string', enum: [...ROLES], description: 'a role (IAMSAR words; admin manages the accounts of its party)' });
export const ReleasabilitySchema = Type.Unsafe<Releasability>({
  type: 'string', enum: [...RELEASABILITY_LEVELS],
  description: 'what other parties may see of this event: everything, position-only (unitId, position, time) or nothing',
});
/** An event type: one enum (not a union of constants), so a wrong type is answered with the allowed values. */
export const EventTypeSchema = Type.Unsafe<CaseEventType>({ type: 'string', enum: [...CASE_EVENT_TYPES], description: 'the kind of event' });
export const UserName = Type.String({ ...USER_NAME_RULE });

/** A user as the API shows it (never the hash). */
export const UserView = Type.Object({
  userName: Type.String(), party: PartySchema, roles: Type.Array(RoleSchema),
  disabled: Type.Optional(Type.Boolean({ description: 'true when an administrator disabled the account' })),
});

/** The largest case version (PostgreSQL integer, 2^31 − 1): a larger afterVersion or basedOnVersion is refused with 400 on both stores. */
export const MAX_VERSION = 2 ** 31 - 1;

/** The case id in paths. */
export const CaseParams = Type.Object({ caseId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' }) });

/** A case as listed. */
export const CaseSummary = Type.Object({
  caseId: Type.String(), kind: Type.String(), title: Type.String(), parties: Type.Array(Type.String()),
  version: Type.Integer(), openedAt: Type.String(),
});

/** An event as the viewer may see it (whole, redacted to its position, or withheld). */
/** Who corrected or retracted an event, when and why (author and reason absent for a reader who sees the correction positions only). */
const CorrectionMarkSchema = Type.Object({
  version: Type.Integer({ description: 'the version of the eventCorrected or eventRetracted' }), party: Type.String(), recordedAt: Type.String(),
  author: Type.Optional(Type.String()), reason: Type.Optional(Type.String()),
});
export const ViewedEventSchema = Type.Object({
  caseId: Type.String(), version: Type.Integer(),
  type: Type.Optional(EventTypeSchema), author: Type.Optional(Type.String()), party: Type.Optional(Type.String()),
  recordedAt: Type.Optional(Type.String()), basedOnVersion: Type.Optional(Type.Integer()),
  releasability: Type.Optional(ReleasabilitySchema), payload: Type.Optional(Type.Unknown()),
  redacted: Type.Optional(Type.Boolean()), withheld: Type.Optional(Type.Boolean()),
  withheldUnits: Type.Optional(Type.Integer({ description: "units of another party left out of this plan or these planning inputs (the agreement's releasability)" })),
  correctedBy: Type.Optional(Type.Array(CorrectionMarkSchema, { description: 'the corrections (eventCorrected) of this event the reader may see, oldest first; the log keeps the event as written' })),
  retractedBy: Type.Optional(CorrectionMarkSchema),
});
