import type { FastifyError, FastifyInstance } from 'fastify';
import { InvalidInputError, SarbridgeError } from '../../core/errors.js';
import { ExerciseInjectError, ExerciseTruthError } from '../../core/exercise/index.js';
import { CaseNotFoundError, DuplicateUserError, StorageError, VersionConflictError } from '../../io/storage/index.js';
import { AccessDeniedError, CaseClosedError, patternInWords, PlanNotIssuableError } from '../case_log/index.js';
import { AccountNotFoundError } from './accounts.js';
import { checkTexts } from './input_text.js';
import { InvalidJsonError } from './errors.js';
import { DriftQueueFullError, DriftRunCancelledError } from '../drift_job/drift_pool.js';
import { DriftRunFinishedError, DriftRunNotFoundError, ForcingNotFoundError, NoAgreementError, NotAuthenticatedError, RejectedUploadError, ServerBusyError, SetupClosedError, TooManyLoginsError } from './errors.js';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 413: 'Payload Too Large',
  415: 'Unsupported Media Type', 422: 'Unprocessable Entity', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable',
};

/** The HTTP status for one of sarbridge's errors. */
export function statusOf(error: SarbridgeError): number {
  if (error instanceof InvalidInputError || error instanceof RejectedUploadError || error instanceof ExerciseInjectError || error instanceof InvalidJsonError) return 400;
  if (error instanceof NotAuthenticatedError) return 401;
  if (error instanceof AccessDeniedError) return 403;
  if (error instanceof CaseNotFoundError || error instanceof NoAgreementError || error instanceof ForcingNotFoundError || error instanceof AccountNotFoundError || error instanceof DriftRunNotFoundError) return 404;
  if (error instanceof VersionConflictError || error instanceof CaseClosedError || error instanceof DuplicateUserError || error instanceof SetupClosedError) return 409;
  if (error instanceof PlanNotIssuableError || error instanceof DriftRunFinishedError || error instanceof DriftRunCancelledError) return 409;
  if (error instanceof ServerBusyError || error instanceof StorageError || error instanceof DriftQueueFullError) return 503;
  if (error instanceof TooManyLoginsError) return 429;
  return 422;   // data and coverage errors: the request was understood but cannot be carried out
}

/**
 * Fastify's own refusals, as documented codes (docs/errors.md): a client sees SARB_* only.
 * (`__proto__` keys and JSON syntax are the app's own JSON parser's: SARB_INVALID_JSON.)
 */
const FASTIFY_CODES: Record<string, { code: string; message: (e: Error) => string; field?: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'SARB_INVALID_JSON', message: () => 'body: is not valid JSON', field: 'body' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'SARB_INVALID_JSON', message: () => 'body: is empty, but the content-type says JSON', field: 'body' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'SARB_BODY_TOO_LARGE', message: (e) => `body: ${e.message.toLowerCase()}`, field: 'body' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'SARB_BAD_REQUEST', message: () => 'the Content-Length does not match the body' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'SARB_UNSUPPORTED_MEDIA_TYPE', message: (e) => `${e.message}; send application/json (or application/octet-stream to POST /api/forcing)` },
  FST_ERR_CTP_INVALID_TYPE: { code: 'SARB_UNSUPPORTED_MEDIA_TYPE', message: (e) => e.message },
  FST_ERR_BAD_URL: { code: 'SARB_BAD_URL', message: (e) => e.message },
  FST_ERR_ASYNC_CONSTRAINT: { code: 'SARB_BAD_REQUEST', message: (e) => e.message },
};

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
      if (error instanceof RejectedUploadError || error instanceof InvalidJsonError) body.field = 'body';
      // exercise control's errors (answered to controllers only): the field of the posted payload
      if (error instanceof ExerciseInjectError) body.field = error.field.startsWith('payload') ? `body/${error.field}` : error.field;
      if (error instanceof ExerciseTruthError) body.field = `body/payload/${error.field.replace(/\./g, '/')}`;
      if (error instanceof DuplicateUserError || error instanceof AccountNotFoundError) body.field = error instanceof AccountNotFoundError ? 'params/userName' : 'body/userName';
      if (error instanceof VersionConflictError) body.currentVersion = error.currentVersion;
      if (error instanceof CaseClosedError) body.currentVersion = error.version;
      const retryAfterS = error instanceof TooManyLoginsError || error instanceof ServerBusyError || error instanceof DriftQueueFullError ? error.retryAfterS : undefined;
      if (retryAfterS !== undefined) void reply.header('retry-after', String(retryAfterS));
    } else if ('validation' in error && error.validation) {
      statusCode = 400;
      const first = error.validation[0];
      const missing = (first?.params as { missingProperty?: string } | undefined)?.missingProperty;
      const extra = (first?.params as { additionalProperty?: string } | undefined)?.additionalProperty;
      const field = `${error.validationContext ?? 'body'}${first?.instancePath ?? ''}${missing ? `/${missing}` : extra ? `/${extra}` : ''}`;
      const allowed = (first?.params as { allowedValues?: unknown[] } | undefined)?.allowedValues;
      const pattern = (first?.params as { pattern?: unknown } | undefined)?.pattern;
      const problem = missing ? 'is required' : extra ? 'is not a known field'
        : allowed ? `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`
          : first?.keyword === 'pattern' && typeof pattern === 'string' ? patternInWords(pattern) : first?.message ?? 'is not valid';
      body = { code: 'SARB_INVALID_INPUT', message: `${field}: ${problem}`, field };
    } else if ('statusCode' in error && typeof error.statusCode === 'number' && error.statusCode < 500) {
      statusCode = error.statusCode;
      const fastifyCode = (error as FastifyError).code;
      body = { code: FASTIFY_CODES[fastifyCode]?.code ?? 'SARB_BAD_REQUEST', message: FASTIFY_CODES[fastifyCode]?.message(error) ?? error.message };
      if (FASTIFY_CODES[fastifyCode]?.field) body.field = FASTIFY_CODES[fastifyCode].field;
    } else {
      request.log.error({ err: error, method: request.method, url: request.routeOptions.url ?? request.url.split('?')[0] }, 'request failed: %s', error.message);
      body = { code: 'SARB_INTERNAL', message: 'unexpected server failure (logged)' };
    }
    if (statusCode >= 500 && error instanceof SarbridgeError) request.log.error({ err: error, method: request.method, url: request.routeOptions.url }, 'request failed: %s', error.message);
    if (error instanceof StorageError) body.message = 'the database is not available now; nothing was written unless acknowledged; retry shortly (the cause is in the server log)';
    void reply.code(statusCode).send({ statusCode, error: STATUS_TEXT[statusCode] ?? 'Error', ...body });
  });
}

/**
 * JSON bodies: parsed by JSON.parse, with SARB_INVALID_JSON naming what is wrong (the parser's
 * own words, e.g. the position); a `__proto__` key is refused by name (it would set an object's
 * prototype where the body is merged), not as "not valid JSON". Every text of the body, query
 * string and path must be storable on both stores (no NUL, no lone surrogate: input_text.ts).
 */
export function installJsonBodies(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, text, done) => {
    const body = String(text);
    if (body.trim() === '') { done(new InvalidJsonError('body: is empty, but the content-type says JSON'), undefined); return; }
    try {
      done(null, JSON.parse(body, (key, value) => {
        if (key === '__proto__') throw new InvalidJsonError('body: the key "__proto__" is not accepted (in JavaScript it names an object\'s prototype); rename it');
        return value;
      }));
    } catch (error) {
      done(error instanceof InvalidJsonError ? error : new InvalidJsonError(`body: is not valid JSON (${(error as Error).message})`), undefined);
    }
  });
  app.addHook('preValidation', async (request) => {
    checkTexts(request.params, 'params');
    checkTexts(request.query, 'querystring');
    checkTexts(request.body, 'body');
  });
}
