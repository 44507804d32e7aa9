import { availableParallelism } from 'node:os';
import fastifySwagger from '@fastify/swagger';
import fastifyWebsocket from '@fastify/websocket';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { SarbridgeStore } from '../../io/storage/index.js';
import { CASE_EVENT_TYPES, CaseLog, EVENT_PAYLOADS } from '../case_log/index.js';
import { agreementRoutes } from './agreement_routes.js';
import { CONTROL_EVENT_PAYLOADS, CONTROL_EVENT_TYPES, ExerciseControl, TruthTracks } from '../exercise_control/index.js';
import { PlanClouds } from '../exercise_control/plan_clouds.js';
import { PROGRAMME_EVENT_PAYLOADS, PROGRAMME_EVENT_TYPES, ProgrammeStream } from '../programme/index.js';
import { exerciseRoutes } from './exercise_routes.js';
import { ExerciseTicker } from './exercise_ticker.js';
import { programmeRoutes } from './programme_routes.js';
import { auditRoutes } from './audit_routes.js';
import { AuditWriter } from './audit_writer.js';
import { caseRoutes } from './case_routes.js';
import { driftRoutes, type DriftLimits } from './drift_routes.js';
import { ForcingAccess } from './forcing_access.js';
import { forcingRoutes } from './forcing_routes.js';
import { installErrorHandler, installJsonBodies } from './http_errors.js';
import { DEFAULT_LOGIN_POLICY, type LoginPolicy } from './login_throttle.js';
import { LiveHub } from './live_hub.js';
import { liveRoutes } from './live_routes.js';
import { ErrorResponse } from './schemas.js';
import { sessionRoutes } from './session_routes.js';
import { setupRoutes } from './setup_routes.js';
import { SESSION_PURGE_MS, Sessions, tokenOf } from './sessions.js';
import { userRoutes } from './user_routes.js';
import { registerWebApp } from './web_routes.js';
import { projectPath } from '../../io/project_files.js';
import type { CooperationConfig } from '../../core/cooperation/index.js';

/** Limits the server enforces (bodies, pages, drift runs). */
export interface ServerLimits extends DriftLimits {
  /** Largest request body, bytes. */
  readonly bodyLimitBytes: number;
  /** Most events returned by one GET …/events. */
  readonly eventsPageMax: number;
  /** Sign-in limits (failures by name and source, the hashing gate). */
  readonly login: LoginPolicy;
  /** How long an uploaded NetCDF4 file that needs h5wasm may take to read, ms (default 30 s and 1 s per 5 MB). */
  readonly forcingUploadDeadlineMs?: number;
  /** How often a live connection checks its session and its reader's roles, ms (default 15 s; tests shorten it). */
  readonly liveSessionCheckMs?: number;
}

/**
 * The defaults: a 256 KiB body, 1000 events a page, drifts of at most 20,000 particles × 72 h on
 * one worker thread per core but one (that core answers requests and feeds live updates; with a
 * drift on every core, health p99 passed 50 ms: bench/RESULTS.md), 8 waiting per party; sign-ins
 * as login_throttle.ts says.
 */
export const DEFAULT_LIMITS: ServerLimits = {
  bodyLimitBytes: 256 * 1024, eventsPageMax: 1000, driftParticlesMax: 20_000, driftDurationHMax: 72,
  driftWorkers: Math.max(1, availableParallelism() - 1), driftQueuePerParty: 8,
  login: DEFAULT_LOGIN_POLICY,
};

/** What the app is built from; tests pass an in-memory store and a fixed clock. */
export interface AppDeps {
  readonly store: SarbridgeStore;
  readonly clock?: () => Date;
  readonly limits?: Partial<ServerLimits>;
  /** Fastify's logger option (default off). */
  readonly logger?: FastifyServerOptions['logger'];
  /** The cooperation agreement every issued plan is checked against (none: plans are not checked). */
  readonly agreement?: CooperationConfig | null;
  /** The built browser application (default the project's dist/web; `npm run build:web`). */
  readonly webRoot?: string;
  /** How often the exercise ticker beats, ms (default 1000; 0: only after appends, tests call `app.ticker.tick()`). */
  readonly exerciseTickMs?: number;
}

const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]), storage: Type.String(),
  database: Type.Union([Type.Literal('ok'), Type.Literal('unreachable')]),
  notifications: Type.Optional(Type.Union([Type.Literal('listening'), Type.Literal('reconnecting')])),
  liveSubscribers: Type.Optional(Type.Integer({ description: 'live feeds open on this instance: to an administrator only (for anyone else, a count that moves when a controller opens the control stream is a side channel into an exercise)' })),
  auditLinesFailed: Type.Integer({ description: 'audit lines this instance could not store since it started (each is in the server log)' }),
  auditLinesWaiting: Type.Integer({ description: 'audit lines kept while the database is down, to be written when it answers' }),
});

/** The app plus the parts a caller may need to stop. */
export type SarbridgeApp = FastifyInstance & {
  readonly hub: LiveHub; readonly audit: AuditWriter;
  /** Exercise control and its ticker (docs/exercises.md). */
  readonly exercises: ExerciseControl; readonly ticker: ExerciseTicker;
  /** Every route registered (method and URL), for the tests that must cover each one. */
  readonly routeList: readonly { readonly method: string; readonly url: string; readonly websocket: boolean }[];
};

/**
 * Build the sarbridge HTTP + WebSocket app (not listening: main.ts listens, tests inject()).
 * One plugin per area under /api; the OpenAPI document at /openapi.json.
 */
export async function buildApp(deps: AppDeps): Promise<SarbridgeApp> {
  const clock = deps.clock ?? (() => new Date());
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...deps.limits };
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: limits.bodyLimitBytes,
    // a path that is not valid percent-encoding, answered before any route: our shape and code
    frameworkErrors: (error, _request, reply) => {
      void (reply as unknown as { code: (n: number) => { send: (b: unknown) => void } }).code(400).send({ statusCode: 400, error: 'Bad Request', code: error.code === 'FST_ERR_BAD_URL' ? 'SARB_BAD_URL' : 'SARB_BAD_REQUEST', message: error.message });
    },
    ajv: { customOptions: { allErrors: false, removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  const routeList: { method: string; url: string; websocket: boolean }[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeList.push({ method, url: route.url, websocket: (route as { websocket?: boolean }).websocket === true });
  });
  const store = deps.store;
  // a withheld forcing file (an exercise's truth forcing) is known only to the exercise control that may read it
  const forcing: ForcingAccess = new ForcingAccess(store, (actor) => exercises.withheldReader(actor));
  const caseLog: CaseLog = new CaseLog(store, clock, deps.agreement ?? null, (sha256, actor) => forcing.uploadState(actor, sha256));
  const sessions = new Sessions(store, clock, limits.login);
  const hub = new LiveHub(store, undefined, (event, party) => caseLog.view(event, party));
  const audit = new AuditWriter(store, 200, app.log);
  const agreement = deps.agreement ?? null;
  const programme = agreement ? new ProgrammeStream(store, agreement, clock) : null;
  await programme?.seed();
  const truths = new TruthTracks(store);
  const exercises = new ExerciseControl({ store, caseLog, programme, agreement, truths, clock, onError: (error) => app.log.error(error) });
  caseLog.streamReader = (actor, row) => exercises.mayReadStream(actor, row);
  const ticker = new ExerciseTicker(exercises, store, deps.exerciseTickMs ?? 1000);

  installErrorHandler(app);
  installJsonBodies(app);
  app.addSchema(ErrorResponse);
  // each event type's payload, for the OpenAPI document (POST …/events checks `payload` against the one of its `type`)
  for (const type of CASE_EVENT_TYPES) app.addSchema({ ...EVENT_PAYLOADS[type], $id: `EventPayload_${type}` });
  for (const type of PROGRAMME_EVENT_TYPES) app.addSchema({ ...PROGRAMME_EVENT_PAYLOADS[type], $id: `ProgrammeEventPayload_${type}` });
  for (const type of CONTROL_EVENT_TYPES) app.addSchema({ ...CONTROL_EVENT_PAYLOADS[type], $id: `ControlEventPayload_${type}` });
  await app.register(fastifySwagger, {
    // shared schemas under their own names (components/schemas/ErrorResponse, EventPayload_report, …)
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    openapi: {
      info: { title: 'sarbridge API', version: '0.1.0', description: 'Shared case log, live picture and drift runs for joint search and rescue. ' +
        'Live updates (WebSocket, not listed as a path because OpenAPI 3.0 cannot describe one): ' +
        'GET /api/cases/{caseId}/live?afterVersion=N sends the events after version N, then {"kind":"live","version":n}, ' +
        'then each new event as {"kind":"event","event":…}, filtered for the reader\'s party; reconnect with the last version received. ' +
        'Drift runs of the case (POST …/drift-runs) also send {"kind":"driftRun","run":…} (the schema of GET …/drift-runs/{runId}) when they are queued, start, ' +
        'progress (each 2 %) and end; these carry no version and are not replayed on reconnect (read GET …/drift-runs then).',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'sarbridge_session' } } },
      security: [{ bearer: [] }, { cookie: [] }],
    },
  });
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });

  app.decorateRequest('actor', null);
  app.decorateRequest('sessionExpiresAtMs', 0);
  app.decorateRequest('auditDetail', null);
  app.decorateRequest('auditParty', null);
  app.addHook('onRequest', async (request) => {
    const token = tokenOf(request.headers);
    const session = token ? await sessions.resolve(token) : null;
    request.actor = session?.actor ?? null;
    request.sessionExpiresAtMs = session?.expiresAtMs ?? 0;
  });
  app.addHook('onResponse', async (request, reply) => {
    const url = request.routeOptions.url ?? request.url.split('?')[0];
    if (!url.startsWith('/api/') || url === '/api/health') return;
    const caseId = (request.params as { caseId?: string } | undefined)?.caseId ?? null;
    audit.record({
      at: clock().toISOString(), userName: request.actor?.userName ?? null, party: request.actor?.party ?? request.auditParty ?? null,
      action: `${request.method} ${url}`, caseId, statusCode: reply.statusCode,
      ...(request.auditDetail ? { detail: request.auditDetail } : {}),
    });
  });
  // an API answer is for the user who asked: no browser keeps it (its next user, its back button, a
  // report opened in a tab), unless the route says what may be kept (forcing bytes, particle blobs)
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    return payload;
  });
  // expired sessions and stale sign-in failures go at start and every SESSION_PURGE_MS
  const purge = () => sessions.purgeExpired().catch((error: unknown) => app.log.error({ err: error }, 'purging expired sessions failed'));
  const purgeTimer = setInterval(() => { void purge(); }, SESSION_PURGE_MS);
  purgeTimer.unref();
  app.addHook('onClose', async () => { clearInterval(purgeTimer); ticker.stop(); hub.close(); await audit.close(); });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/health', {
    schema: {
      summary: 'Is the server up, and its database', tags: ['health'],
      description: '503 with status "degraded" while the database does not answer; `notifications` (PostgreSQL) says whether live push between instances works or is being re-established (the live feed then polls).',
      response: {
        200: HealthSchema, 503: HealthSchema,
      },
    },
  }, async (request, reply) => {
    const db = await store.health();
    const body = {
      status: db.database === 'ok' ? 'ok' as const : 'degraded' as const, storage: store.dialect, database: db.database,
      ...(db.notifications ? { notifications: db.notifications } : {}),
      ...(request.actor?.roles.includes('admin') ? { liveSubscribers: hub.subscriberCount } : {}),
      auditLinesFailed: audit.failedLines, auditLinesWaiting: audit.backlog,
    };
    return reply.code(db.database === 'ok' ? 200 : 503).send(body);
  });
  await app.register(sessionRoutes, { prefix: '/api/session', sessions });
  await app.register(userRoutes, { prefix: '/api/users', store, clock });
  await app.register(setupRoutes, { prefix: '/api/setup', store, clock, agreement: deps.agreement ?? null });
  await app.register(caseRoutes, { prefix: '/api/cases', caseLog, eventsPageMax: limits.eventsPageMax });
  await app.register(liveRoutes, { prefix: '/api/cases', caseLog, hub, audit, sessions, clock, admits: (actor, caseId) => exercises.liveAdmits(actor, caseId), sessionCheckMs: limits.liveSessionCheckMs });
  await app.register(driftRoutes, { prefix: '/api/cases', caseLog, store, forcing, hub, limits, clock });
  await app.register(auditRoutes, { prefix: '/api/audit', store, audit });
  await app.register(forcingRoutes, { prefix: '/api/forcing', store, access: forcing, clock, uploadDeadlineMs: limits.forcingUploadDeadlineMs });
  await app.register(agreementRoutes, { prefix: '/api/agreement', agreement: deps.agreement ?? null });
  await app.register(programmeRoutes, { prefix: '/api/programme', programme, agreement });
  await app.register(exerciseRoutes, { prefix: '/api/exercises', control: exercises, clouds: new PlanClouds(truths), agreement });
  // What the address the server prints shows: the browser application, or a page saying it is not built
  await registerWebApp(app, deps.webRoot ?? projectPath('dist/web'));
  await app.ready();
  await purge();
  ticker.start();
  return Object.assign(app, { hub, audit, exercises, ticker, routeList }) as unknown as SarbridgeApp;
}
