import type { FastifyError, FastifyInstance } from 'fastify';
import { InvalidInputError, SarbridgeError } from '../../core/errors.js';
import { ExerciseInjectError, ExerciseTruthError } from '../../core/exercise/index.js';
import { CaseNotFoundError, DuplicateUserError, VersionConflictError } from '../../io/storage/index.js';
import { AccessDeniedError, CaseClosedError, PlanNotIssuableError } from '../case_log/index.js';
import { AccountNotFoundError } from './accounts.js';
import { ForcingNotFoundError, NoAgreementError, NotAuthenticatedError, RejectedUploadError, ServerBusyError, SetupClosedError, TooManyLoginsError } from './errors.js';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 413: 'Payload Too Large',
  415: 'Unsupported Media Type', 422: 'Unprocessable Entity', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable',
};

/** The HTTP status for one of sarbridge's errors. */
export function statusOf(error: SarbridgeError): number {
  if (error instanceof InvalidInputError || error instanceof RejectedUploadError || error instanceof ExerciseInjectError) return 400;
  if (error instanceof NotAuthenticatedError) return 401;
  if (error instanceof AccessDeniedError) return 403;
  if (error instanceof CaseNotFoundError || error instanceof NoAgreementError || error instanceof ForcingNotFoundError || error instanceof AccountNotFoundError) return 404;
  if (error instanceof VersionConflictError || error instanceof CaseClosedError || error instanceof DuplicateUserError || error instanceof SetupClosedError) return 409;
  if (error instanceof PlanNotIssuableError) return 409;
  if (error instanceof ServerBusyError) return 503;
  if (error instanceof TooManyLoginsError) return 429;
  return 422;   // data and coverage errors: the request was understood but cannot be carried out
}

/**
 * One error shape for the whole API: `{statusCode, code, error, message, field?, currentVersion?}`.
 * Schema failures name the field as `<part>/<path>` (e.g. `body/basedOnVersion`).
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | SarbridgeError | Error, request, reply) => {
    let statusCode = 500;
    let body: Record<string, unknown>;
    if (error instanceof SarbridgeError) {
      statusCode = statusOf(error);
      body = { code: error.code, message: error.message };
      if (error instanceof InvalidInputError) body.field = error.field.startsWith('payload') ? `body/${error.field}` : error.field;
      if (error instanceof RejectedUploadError) body.field = 'body';
      // exercise control's errors (answered to controllers only): the field of the posted payload
      if (error instanceof ExerciseInjectError) body.field = error.field.startsWith('payload') ? `body/${error.field}` : error.field;
      if (error instanceof ExerciseTruthError) body.field = `body/payload/${error.field.replace(/\./g, '/')}`;
      if (error instanceof DuplicateUserError || error instanceof AccountNotFoundError) body.field = error instanceof AccountNotFoundError ? 'params/userName' : 'body/userName';
      if (error instanceof VersionConflictError) body.currentVersion = error.currentVersion;
      if (error instanceof CaseClosedError) body.currentVersion = error.version;
      const retryAfterS = error instanceof TooManyLoginsError || error instanceof ServerBusyError ? error.retryAfterS : undefined;
      if (retryAfterS !== undefined) void reply.header('retry-after', String(retryAfterS));
    } else if ('validation' in error && error.validation) {
      statusCode = 400;
      const first = error.validation[0];
      const missing = (first?.params as { missingProperty?: string } | undefined)?.missingProperty;
      const extra = (first?.params as { additionalProperty?: string } | undefined)?.additionalProperty;
      const field = `${error.validationContext ?? 'body'}${first?.instancePath ?? ''}${missing ? `/${missing}` : extra ? `/${extra}` : ''}`;
      const allowed = (first?.params as { allowedValues?: unknown[] } | undefined)?.allowedValues;
      const problem = missing ? 'is required' : extra ? 'is not a known field'
        : allowed ? `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}` : first?.message ?? 'is not valid';
      body = { code: 'SARB_INVALID_INPUT', message: `${field}: ${problem}`, field };
    } else if ('statusCode' in error && typeof error.statusCode === 'number' && error.statusCode < 500) {
      statusCode = error.statusCode;
      body = { code: (error as FastifyError).code ?? 'SARB_BAD_REQUEST', message: error.message };
    } else {
      request.log.error(error);
      body = { code: 'SARB_INTERNAL', message: 'unexpected server failure (logged)' };
    }
    void reply.code(statusCode).send({ statusCode, error: STATUS_TEXT[statusCode] ?? 'Error', ...body });
  });
}
