import { randomUUID } from 'node:crypto';
import { Type, type FastifyPluginAsyncTypebox, type Static } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger } from 'fastify';
import { DRIFT_SETTINGS, outputTimes, type DriftRequest } from '../../core/drift/index.js';
import { InvalidInputError, SarbridgeError } from '../../core/errors.js';
import { nmToMetres } from '../../core/geo/index.js';
import { findObjectClass } from '../../core/objects/index.js';
import { parseTime } from '../../core/time/index.js';
import { projectPath } from '../../io/project_files.js';
import { VersionConflictError, type ForcingFileRecord, type SarbridgeStore } from '../../io/storage/index.js';
import {
  AccessDeniedError, CaseClosedError, mayWrite, PositionSchema, TimeTextSchema, utcTimeText,
  type Actor, type CaseEvent, type Role, type CaseEventPayload, type CaseLog, type Releasability, type ViewedEvent,
} from '../case_log/index.js';
import { DEMO_FORCING_FILES, UPLOAD_REF, unknownUploadProblem, withheldUploadProblem } from '../case_log/planning_inputs.js';
import { DriftPool, DriftRunCancelledError } from '../drift_job/drift_pool.js';
import type { PoolOutcome } from '../drift_job/drift_pool_protocol.js';
import type { DriftJob, ForcingSourceSpec } from '../drift_job/job.js';
import { storedTimeIndices } from '../drift_job/particle_blob.js';
import { DriftRunFinishedError, DriftRunNotFoundError } from './errors.js';
import type { ForcingAccess } from './forcing_access.js';
import type { LiveHub } from './live_hub.js';
import { actorOf } from './request_actor.js';
import { CaseParams, errorResponses, MAX_VERSION, ReleasabilitySchema, ViewedEventSchema } from './schemas.js';

/** Limits of a drift run requested over HTTP, and the pool that runs them. */
export interface DriftLimits {
  readonly driftParticlesMax: number;
  readonly driftDurationHMax: number;
  /** Worker threads drifting (default: os.availableParallelism() − 1, at least 1; `serve --drift-workers`). */
  readonly driftWorkers: number;
  /** Runs one party may have waiting for a worker; one more answers 503 with Retry-After (`serve --drift-queue`). */
  readonly driftQueuePerParty: number;
  /** How often accepted runs' claims are renewed and orphaned ones taken over, ms (default 10 s; `serve --drift-claim-s` is three times it; tests shorten it). */
  readonly driftClaimRenewMs?: number;
}

/**
 * How often an instance renews its claim on the accepted runs it holds, and looks for runs to take
 * over, ms; a claim not renewed for three times this is taken to be a dead server's.
 */
const DRIFT_CLAIM_RENEW_MS = 10_000;

/** Most output times a run may have: its summary keeps each (events.ts DriftRunSummarySchema). */
const SUMMARY_TIMES_MAX = 1000;
/** Ended runs remembered in memory (failed or cancelled; finished ones are in the store). */
const ENDED_RUNS_KEPT = 200;

const ForcingRef = Type.String({ pattern: '^(demo:[A-Za-z0-9._-]+|upload:[0-9a-f]{64})$', description: "'demo:east-sea-wind.nc', 'demo:east-sea-currents.nc', or 'upload:<sha256>' of a file uploaded with POST /api/forcing by a party of the case (not one withheld: an exercise's truth forcing is unknown to its players and refused to its controllers)" });

const DriftRunBody = (limits: DriftLimits) => Type.Object({
  basedOnVersion: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_VERSION, description: 'when given, refused with 409 before any work unless the case is at this version; the result is appended at whatever version the case has when it is done' })),
  lkp: Type.Object({ position: PositionSchema, time: TimeTextSchema }, { additionalProperties: false, description: 'last known position' }),
  radiusNm: Type.Number({ minimum: 0, maximum: 50, default: 0.5, description: 'position error, NM (Gaussian sigma; the CLI\'s default 0.5)' }),
  objectClass: Type.String({ minLength: 1, maxLength: 64, default: 'PIW-1', description: 'Leeway class key or id' }),
  durationH: Type.Number({ exclusiveMinimum: 0, maximum: limits.driftDurationHMax, default: 24 }),
  timeStepMin: Type.Number({ minimum: 1, maximum: 60, default: DRIFT_SETTINGS.timeStepS.default / 60 }),
  outputEverySteps: Type.Integer({ minimum: 1, maximum: 1000, default: DRIFT_SETTINGS.outputEverySteps.default }),
  particles: Type.Integer({ minimum: 1, maximum: limits.driftParticlesMax, default: Math.min(DRIFT_SETTINGS.particleCount.default, limits.driftParticlesMax), description: "the CLI's default where the server allows it" }),
  seed: Type.Integer({ minimum: 0, maximum: DRIFT_SETTINGS.seed.max, default: DRIFT_SETTINGS.seed.default }),
  forcing: Type.Object({
    source: Type.Union([Type.Literal('constant'), Type.Literal('demo'), Type.Literal('files')], {
      description: "constant vectors (all four numbers required), the bundled SYNTHETIC East Sea files, or forcing files by reference ('files': wind and current)",
    }),
    windSpeedMps: Type.Optional(Type.Number({ minimum: 0, maximum: 60 })),
    windFromDeg: Type.Optional(Type.Number({ minimum: 0, maximum: 360, description: 'where the wind blows from, degrees true' })),
    currentSpeedMps: Type.Optional(Type.Number({ minimum: 0, maximum: 5 })),
    currentTowardDeg: Type.Optional(Type.Number({ minimum: 0, maximum: 360, description: 'where the current flows to, degrees true' })),
    wind: Type.Optional(Type.Array(ForcingRef, { minItems: 1, maxItems: 4, description: "source 'files': wind files in priority order" })),
    current: Type.Optional(Type.Array(ForcingRef, { minItems: 1, maxItems: 4, description: "source 'files': current files in priority order" })),
  }, { additionalProperties: false }),
  coastline: Type.Union([Type.Literal('bundled'), Type.Literal('none')], { default: 'bundled', description: "stranding on the bundled GSHHG subset (the CLI's default) or none" }),
  releasability: Type.Optional(ReleasabilitySchema),
}, { additionalProperties: false });
type Body = Static<ReturnType<typeof DriftRunBody>>;

const RunState = Type.Union(['queued', 'running', 'done', 'failed', 'cancelled'].map((s) => Type.Literal(s)));
const DriftRunView = Type.Object({
  runId: Type.String(), caseId: Type.String(), state: RunState,
  party: Type.String(), author: Type.String(), requestedAt: Type.String(),
  ahead: Type.Optional(Type.Integer({ description: 'queued: runs the pool starts before this one' })),
  fraction: Type.Optional(Type.Number({ description: 'running: fraction of the steps done, 0..1' })),
  eventVersion: Type.Optional(Type.Union([Type.Integer(), Type.Null()], { description: 'done: the version of its driftRun event' })),
  particles: Type.Optional(Type.Object({ count: Type.Integer(), storedTimes: Type.Integer(), bytes: Type.Integer() }, { description: 'done: its particle blob (GET …/particles)' })),
  error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() }, { description: 'failed or cancelled: why' })),
});
type RunView = Static<typeof DriftRunView>;
const RunParams = Type.Object({ ...CaseParams.properties, runId: Type.String({ pattern: '^[0-9a-f-]{36}$' }) });

/** A run accepted: who asked, when, and the checked request (lkp time in UTC, defaults filled in). */
interface Accepted {
  readonly runId: string; readonly caseId: string; readonly party: string; readonly author: string; readonly requestedAt: string;
  readonly body: Body;
  /** The author's roles when the run was accepted (its event is appended as theirs). */
  readonly roles: readonly Role[];
}
/** What drift_runs_accepted keeps as a run's request. */
interface AcceptedRequest { readonly body: Body; readonly roles: readonly Role[] }
/** A request made ready to run: its job, uploaded bytes, forcing label, and the output times its blob keeps. */
interface Prepared { readonly job: DriftJob; readonly files: [string, Uint8Array][]; readonly label: string; readonly storedTimes: readonly number[] }

/** A run this instance holds in memory (queued, running, or ended without a stored result). */
interface LiveRun {
  view: RunView;
  readonly releasability: Releasability;
  finished: Promise<{ event: ViewedEvent | null }>;
}

/**
 * `/api/cases/:caseId/drift-runs`: Leeway drifts computed on the server's pool of worker threads
 * (app/drift_job/drift_pool.ts), never on the thread that answers requests and feeds live updates.
 * A run is queued in its party's fair share, reports its state and progress on the case's live
 * feed (`{"kind":"driftRun","run":…}`), keeps its particles in the store (particle_blob.ts) and
 * appends a `driftRun` event with its summary at whatever version the case has by then: a run
 * decides nothing, so it is never refused for events that arrived while it computed.
 */
export const driftRoutes: FastifyPluginAsyncTypebox<{ caseLog: CaseLog; store: SarbridgeStore; forcing: ForcingAccess; hub: LiveHub; limits: DriftLimits; clock: () => Date }> = async (app, { caseLog, store, forcing, hub, limits, clock }) => {
  const pool = new DriftPool({ workers: limits.driftWorkers, queuePerParty: limits.driftQueuePerParty });
  /** This instance, as it claims accepted runs in the store (drift_runs_accepted). */
  const instance = randomUUID();
  const heartbeatMs = limits.driftClaimRenewMs ?? DRIFT_CLAIM_RENEW_MS;
  /** A claim lasts three renewals: a server whose event loop is held up a while keeps its runs, a dead one's are taken over. */
  const claimUntil = () => clock().getTime() + 3 * heartbeatMs;
  let stopping = false;
  const runs = new Map<string, LiveRun>();
  const ended: string[] = [];

  /** Who sees a run before its event exists: its party, and the others when it is released whole. */
  const maySee = (run: { view: RunView; releasability: Releasability }, party: string) => run.view.party === party || run.releasability === 'everything';
  const publish = (run: LiveRun) => hub.notify(run.view.caseId, { kind: 'driftRun', run: run.view }, (party) => maySee(run, party));
  const end = (runId: string) => {
    ended.push(runId);
    while (ended.length > ENDED_RUNS_KEPT) runs.delete(ended.shift()!);
  };

  /** Append the run's event at the case's current version, again if another event got in first. */
  const appendResult = async (actor: Actor, caseId: string, payload: CaseEventPayload<'driftRun'>, releasability: Releasability | undefined): Promise<CaseEvent> => {
    for (let attempt = 0; ; attempt++) {
      const context = await caseLog.context(caseId);
      if (!context) throw new DriftRunNotFoundError(caseId, payload.runId ?? '');
      try {
        return await caseLog.append(actor, caseId, { type: 'driftRun', payload, basedOnVersion: context.version, releasability });
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt >= 100) throw error;
      }
    }
  };

  /**
   * Run an accepted run on the pool (`resumed`: one this or another instance accepted before it
   * stopped, already past the queue's limit once). Its row in drift_runs_accepted is forgotten when
   * it ends (stored, failed, cancelled), never when the server stops: the next instance resumes it.
   */
  const startRun = (accepted: Accepted, prepared: Prepared, log: FastifyBaseLogger, resumed: boolean): LiveRun => {
    const { runId, caseId, party, author, requestedAt, body } = accepted;
    const { job, files, label, storedTimes } = prepared;
    const actor: Actor = { userName: author, party, roles: accepted.roles };
    const view: RunView = { runId, caseId, state: 'queued', party, author, requestedAt };
    const run: LiveRun = { view, releasability: body.releasability ?? 'everything', finished: Promise.resolve({ event: null }) };
    runs.set(runId, run);
    let lastPublished = -1;
    let startedMs = Date.now();
    let outcome: Promise<PoolOutcome>;
    try {
      outcome = pool.submit({
        runId, party, job, files, storedTimes, accepted: resumed,
        onStart: () => { startedMs = Date.now(); run.view = { ...run.view, state: 'running', fraction: 0, ahead: undefined }; publish(run); },
        onProgress: (fraction) => {
          run.view = { ...run.view, fraction };
          // each whole 2 % to the live feed
          if (Math.floor(fraction * 50) > lastPublished) { lastPublished = Math.floor(fraction * 50); publish(run); }
        },
      });
    } catch (error) {
      runs.delete(runId);   // refused (a full queue): nothing to remember
      throw error;
    }
    run.finished = (async (): Promise<{ event: ViewedEvent | null }> => {
      let result: PoolOutcome;
      try {
        result = await outcome;
      } catch (error) {
        // the server is stopping: the run stays accepted in the store, and the next instance runs it
        if (stopping) throw error;
        await store.forgetAcceptedDriftRun(caseId, runId).catch((e: unknown) => log.error({ err: e }, `drift run ${runId}: forgetting it failed`));
        const e = reason(error);
        run.view = { ...run.view, state: error instanceof DriftRunCancelledError ? 'cancelled' : 'failed', fraction: undefined, ahead: undefined, error: { code: e.code, message: e.message } };
        publish(run);
        end(runId);
        if (!(error instanceof SarbridgeError)) log.error({ err: error }, `drift run ${runId} failed`);
        throw error;
      }
      const summary: CaseEventPayload<'driftRun'>['summary'] = {
        title: `${body.objectClass} from ${body.lkp.time}, ${label}`,
        start: body.lkp.time, durationH: body.durationH, particles: body.particles, seed: body.seed,
        forcing: result.forcingLabels,
        times: result.times.map((s) => ({ time: utcTimeText(s.timeS), centroid: s.centroid, radius50M: s.radius50M, radius90M: s.radius90M, counts: { ...s.counts } })),
        seconds: (Date.now() - startedMs) / 1000,   // from a worker taking it (the wait in the queue is not the run's)
      };
      // the particles first: the finished work is kept whatever happens to the append
      await store.saveDriftRun({
        caseId, runId, party, author, requestedAt, finishedAt: clock().toISOString(), eventVersion: null,
        request: body, summary, particleCount: body.particles, storedTimes: storedTimes.length,
      }, result.blob);
      await store.forgetAcceptedDriftRun(caseId, runId);
      const particles = { count: body.particles, storedTimes: storedTimes.length, bytes: result.blob.byteLength };
      try {
        const event = await appendResult(actor, caseId, { summary, runId }, body.releasability);
        await store.setDriftRunEvent(caseId, runId, event.version);
        run.view = { ...run.view, state: 'done', fraction: undefined, eventVersion: event.version, particles };
        publish(run);
        return { event: caseLog.view(event, party) };
      } catch (error) {
        // the case was closed meanwhile (or the store failed): the run and its particles stay readable by its party
        const e = reason(error);
        if (!(error instanceof SarbridgeError)) log.error({ err: error }, `drift run ${runId}: appending its event failed`);
        run.view = { ...run.view, state: 'failed', fraction: undefined, eventVersion: null, particles, error: { code: e.code, message: `the run finished and its particles are kept, but its event could not be appended: ${e.message}` } };
        publish(run);
        throw error;
      } finally {
        end(runId);
      }
    })();
    run.finished.catch(() => undefined);   // read by a waiting request, or through the run's state
    const where = pool.where(runId);
    if (where?.state === 'queued') run.view = { ...run.view, ahead: where.ahead };
    publish(run);
    return run;
  };

  /**
   * Take over the accepted runs no instance is running (released by a server that stopped, or whose
   * claim has not been renewed for three heartbeats: a server that died) and run them, oldest first.
   * A run stored already (the server stopped between storing it and forgetting it) only gets its
   * event, if that is missing; a run whose request no longer holds (an upload gone) fails, said on
   * the live feed and in the server's log, and is forgotten.
   */
  const resume = async (): Promise<void> => {
    const claimed = await store.claimDriftRuns(instance, clock().getTime(), claimUntil());
    for (const row of claimed) {
      if (runs.has(row.runId)) continue;
      const { body, roles } = row.request as AcceptedRequest;
      const accepted: Accepted = { ...row, body, roles };
      try {
        const stored = await store.findDriftRun(row.caseId, row.runId);
        if (stored) { await finishStored(accepted, stored.eventVersion); continue; }
        const context = await caseLog.context(row.caseId);
        if (!context) { await store.forgetAcceptedDriftRun(row.caseId, row.runId); continue; }
        const prepared = await prepare(body, context.parties, { userName: accepted.author, party: accepted.party, roles: accepted.roles });
        startRun(accepted, prepared, app.log, true);
        app.log.info(`drift run ${row.runId} of case ${row.caseId} resumed (accepted ${row.requestedAt}, before the server that took it stopped)`);
      } catch (error) {
        const e = reason(error);
        app.log.error({ err: error }, `drift run ${row.runId} could not be resumed`);
        await store.forgetAcceptedDriftRun(row.caseId, row.runId).catch(() => undefined);
        const run: LiveRun = {
          view: { runId: row.runId, caseId: row.caseId, state: 'failed', party: row.party, author: row.author, requestedAt: row.requestedAt, error: { code: e.code, message: `the run could not be resumed after the server restarted: ${e.message}` } },
          releasability: body.releasability ?? 'everything', finished: Promise.resolve({ event: null }),
        };
        runs.set(row.runId, run);
        publish(run);
        end(row.runId);
      }
    }
  };

  /** A run stored before its accepted row was forgotten: its event appended unless the log has it. */
  const finishStored = async (accepted: Accepted, eventVersion: number | null): Promise<void> => {
    if (eventVersion === null) {
      const events = await store.readEvents(accepted.caseId, 0);
      const found = events.find((e) => e.type === 'driftRun' && (e.payload as { runId?: string }).runId === accepted.runId);
      const record = (await store.findDriftRun(accepted.caseId, accepted.runId))!;
      const event = found ?? await appendResult({ userName: accepted.author, party: accepted.party, roles: accepted.roles }, accepted.caseId,
        { summary: record.summary as CaseEventPayload<'driftRun'>['summary'], runId: accepted.runId }, accepted.body.releasability).catch(() => null);
      if (event) await store.setDriftRunEvent(accepted.caseId, accepted.runId, event.version);
    }
    await store.forgetAcceptedDriftRun(accepted.caseId, accepted.runId);
  };

  /** The job of a checked request, and the output times its blob keeps. */
  const prepare = async (body: Body, parties: readonly string[], actor: Actor): Promise<Prepared> => {
    const { job, files, label } = await driftJob(body, store, parties, (sha256) => forcing.find(actor, sha256));
    const outputs = outputTimes(job.request).length;
    if (outputs > SUMMARY_TIMES_MAX) {
      throw new InvalidInputError('body/outputEverySteps', `${body.outputEverySteps} gives ${outputs} output times; a run keeps at most ${SUMMARY_TIMES_MAX}: ` +
        `give at least ${Math.ceil(Math.ceil((body.durationH * 60) / body.timeStepMin) / (SUMMARY_TIMES_MAX - 1))}`);
    }
    return { job, files, label, storedTimes: storedTimeIndices(outputs, body.particles) };
  };

  const heartbeat = setInterval(() => {
    void (async () => {
      await store.renewDriftRunClaims(instance, claimUntil());
      await resume();
    })().catch((error: unknown) => app.log.warn({ err: error }, 'drift runs: renewing or taking over accepted runs failed'));
  }, heartbeatMs);
  heartbeat.unref();
  app.addHook('onReady', async () => { await resume(); });
  app.addHook('onClose', async () => {
    stopping = true;
    clearInterval(heartbeat);
    await pool.close();
    // give the accepted runs up at once: the next instance (or this one restarted) resumes them
    await store.renewDriftRunClaims(instance, clock().getTime(), true).catch((error: unknown) => app.log.warn({ err: error }, 'drift runs: releasing the accepted runs failed'));
  });

  app.post('/:caseId/drift-runs', {
    schema: {
      summary: 'Queue a drift for the case; its summary is appended as a driftRun event, its particles kept', tags: ['drift'], params: CaseParams,
      description: 'Answers 202 with the run (state queued or running) at once; its progress and end come on the live feed as {"kind":"driftRun","run":…}, ' +
        'then its driftRun event. With ?wait=true the answer waits for the end: 201 with the run and its event. ' +
        '503 SARB_DRIFT_QUEUE_FULL with Retry-After when the party has as many runs waiting as the server allows. ' +
        'An accepted run is kept in the store until it ends: a server that stops (or dies) leaves it to the next one, which runs it.',
      querystring: Type.Object({ wait: Type.Boolean({ default: false, description: 'answer when the run has ended (201) instead of at once (202)' }) }, { additionalProperties: false }),
      body: DriftRunBody(limits),
      response: {
        201: Type.Object({ run: DriftRunView, event: ViewedEventSchema }), 202: Type.Object({ run: DriftRunView }),
        ...errorResponses(400, 401, 403, 404, 409, 422, 503),
      },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const { caseId } = request.params;
    // the time read as every payload's is (ISO 8601 with a zone, or a DTG), before the run: stored as UTC
    const body = { ...request.body, lkp: { ...request.body.lkp, time: utcTimeText(parseTime(request.body.lkp.time, 'body/lkp/time')) } };
    await caseLog.checkRead(actor, caseId);   // 404 for a case the actor may not read
    const context = (await caseLog.context(caseId))!;
    // refused before any work on what is known now (role, closed, a stale version when one is given)
    if (!mayWrite(actor.roles, 'driftRun', context.kind)) throw new AccessDeniedError('role', `a drift run needs role smc; ${actor.userName} holds ${actor.roles.join(', ')}`);
    if (context.closed) throw new CaseClosedError(caseId, context.version);
    if (body.basedOnVersion !== undefined && body.basedOnVersion !== context.version) throw new VersionConflictError(caseId, body.basedOnVersion, context.version);
    const prepared = await prepare(body, context.parties, actor);
    pool.checkRoom(actor.party);   // a full queue is refused before anything is stored
    const accepted: Accepted = { runId: randomUUID(), caseId, party: actor.party, author: actor.userName, requestedAt: clock().toISOString(), body, roles: actor.roles };
    // durable before it is acknowledged: a server that stops from here on leaves the run to the next
    const { roles, body: kept, ...row } = accepted;
    await store.acceptDriftRun({ ...row, request: { body: kept, roles } satisfies AcceptedRequest }, instance, claimUntil());
    let run: LiveRun;
    try {
      run = startRun(accepted, prepared, request.log, false);
    } catch (error) {
      await store.forgetAcceptedDriftRun(caseId, accepted.runId);
      throw error;
    }
    request.auditDetail = `drift run ${accepted.runId}: ${body.particles} particles, ${body.durationH} h, ${prepared.label}`;
    if (!request.query.wait) return reply.code(202).send({ run: run.view });
    const { event } = await run.finished;
    return reply.code(201).send({ run: run.view, event: event! });
  });

  /** A run as `actor` may see it, from memory or the store; DriftRunNotFoundError otherwise. */
  const findRun = async (actor: Actor, caseId: string, runId: string): Promise<{ view: RunView; live: LiveRun | null }> => {
    await caseLog.checkRead(actor, caseId);
    const live = runs.get(runId);
    if (live && live.view.caseId === caseId) {
      if (!maySee(live, actor.party)) throw new DriftRunNotFoundError(caseId, runId);
      const where = pool.where(runId);
      return { view: where?.state === 'queued' ? { ...live.view, ahead: where.ahead } : live.view, live };
    }
    const record = await store.findDriftRun(caseId, runId);
    if (!record || !(await mayReadStored(actor, record))) throw new DriftRunNotFoundError(caseId, runId);
    return {
      live: null,
      view: {
        runId, caseId, state: record.eventVersion === null ? 'failed' : 'done', party: record.party, author: record.author, requestedAt: record.requestedAt,
        eventVersion: record.eventVersion, particles: { count: record.particleCount, storedTimes: record.storedTimes, bytes: record.particleBytes },
      },
    };
  };

  /**
   * A stored run is readable as its event is: whole by its party; by another party only when the
   * case's rules show that party the event whole (releasability, under an agreement its units).
   */
  const mayReadStored = async (actor: Actor, record: { caseId: string; party: string; eventVersion: number | null }): Promise<boolean> => {
    if (record.party === actor.party) return true;
    if (record.eventVersion === null) return false;
    const [event] = await store.readEvents(record.caseId, record.eventVersion - 1, 1);
    if (!event) return false;
    const seen = caseLog.view(event as CaseEvent, actor.party) as { payload?: { summary?: unknown }; redacted?: boolean };
    return seen.payload?.summary !== undefined && seen.redacted !== true;
  };

  app.get('/:caseId/drift-runs', {
    schema: {
      summary: "The case's drift runs the reader may see: those this server is running or has queued, then the stored ones", tags: ['drift'], params: CaseParams,
      response: { 200: Type.Object({ runs: Type.Array(DriftRunView) }), ...errorResponses(401, 404) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const { caseId } = request.params;
    await caseLog.checkRead(actor, caseId);
    const stored = await store.listDriftRuns(caseId);
    const storedIds = new Set(stored.map((r) => r.runId));
    const active = [...runs.values()].filter((r) => r.view.caseId === caseId && !storedIds.has(r.view.runId) && maySee(r, actor.party));
    const views: RunView[] = active.map((r) => r.view);
    for (const r of stored) {
      if (await mayReadStored(actor, r)) views.push((await findRun(actor, caseId, r.runId)).view);
    }
    return { runs: views };
  });

  app.get('/:caseId/drift-runs/:runId', {
    schema: {
      summary: 'One drift run: its state (queued with the runs ahead of it, running with its progress, done, failed, cancelled)', tags: ['drift'], params: RunParams,
      response: { 200: Type.Object({ run: DriftRunView }), ...errorResponses(400, 401, 404) },
    },
  }, async (request) => ({ run: (await findRun(actorOf(request), request.params.caseId, request.params.runId)).view }));

  app.get('/:caseId/drift-runs/:runId/particles', {
    schema: {
      summary: "A finished run's particles (application/octet-stream, the SBP1 layout of docs/architecture.md)", tags: ['drift'], params: RunParams,
      description: 'Per stored output time the positions (Float32 lon/lat) and statuses, then each particle\'s weight and scenario; for the map and for plans. ' +
        "Readable by the run's party, and by another party when the case shows it the run's event whole (its releasability).",
      response: { 200: Type.Unknown({ description: 'the particle blob' }), ...errorResponses(400, 401, 404) },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const { caseId, runId } = request.params;
    const record = await store.findDriftRun(caseId, runId);
    await caseLog.checkRead(actor, caseId);
    if (!record || !(await mayReadStored(actor, record))) throw new DriftRunNotFoundError(caseId, runId);
    const bytes = (await store.readDriftRunParticles(caseId, runId))!;
    return reply.header('content-type', 'application/octet-stream').header('cache-control', 'private, max-age=31536000, immutable')
      .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });

  app.delete('/:caseId/drift-runs/:runId', {
    schema: {
      summary: 'Cancel a queued or running drift run (an SMC of its party): nothing of it is kept', tags: ['drift'], params: RunParams,
      response: { 200: Type.Object({ run: DriftRunView }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const { caseId, runId } = request.params;
    const { view, live } = await findRun(actor, caseId, runId);
    const context = (await caseLog.context(caseId))!;
    if (view.party !== actor.party || !mayWrite(actor.roles, 'driftRun', context.kind)) {
      throw new AccessDeniedError('role', `a drift run is cancelled by an SMC of its party (${view.party}); ${actor.userName} (${actor.party}) holds ${actor.roles.join(', ')}`);
    }
    if (!live || (view.state !== 'queued' && view.state !== 'running')) throw new DriftRunFinishedError(runId, view.state);
    pool.cancel(runId, actor.userName);
    request.auditDetail = `drift run ${runId} cancelled (${view.state})`;
    await live.finished.catch(() => undefined);   // a running run stops at its next step
    return { run: live.view };
  });
};

/** Why a run failed, as a client may read it (an unexpected error's cause goes to the server log only). */
const reason = (error: unknown): { code: string; message: string } =>
  (error instanceof SarbridgeError ? { code: error.code, message: error.message } : { code: 'SARB_INTERNAL', message: 'the drift run failed on the server (the cause is in its log)' });

/**
 * The job of a request: the same Leeway request as `sarbridge drift` builds (point seeding,
 * Gaussian spread), forcing from constants, the demo files or files by reference (uploads read
 * from the store, sent to the worker as bytes). An upload must come from a party of the case.
 */
async function driftJob(body: Body, store: SarbridgeStore, parties: readonly string[], findUpload: (sha256: string) => Promise<ForcingFileRecord | null>): Promise<{ job: DriftJob; files: [string, Uint8Array][]; label: string }> {
  const { loadLeewayTable } = await import('../../io/leeway/index.js');
  const { constantFrom } = await import('../case_file/index.js');
  const objectClass = findObjectClass(loadLeewayTable(), body.objectClass);
  const startS = parseTime(body.lkp.time, 'body/lkp/time');
  const request: DriftRequest = {
    scenarios: [{ name: objectClass.key, weight: 1, objectClass, seeding: { kind: 'point', position: body.lkp.position, radiusM: nmToMetres(body.radiusNm), spread: 'gaussian', timeS: startS } }],
    startS, direction: 'forward', durationS: body.durationH * 3600, timeStepS: body.timeStepMin * 60, outputEverySteps: body.outputEverySteps,
    particleCount: body.particles, seed: body.seed, jibeProbabilityPerHour: DRIFT_SETTINGS.jibeProbabilityPerHour.default,
  };
  const f = body.forcing;
  const files: [string, Uint8Array][] = [];
  const coastline = { kind: body.coastline };
  if (f.source === 'constant') {
    const missing = (['windSpeedMps', 'windFromDeg', 'currentSpeedMps', 'currentTowardDeg'] as const).filter((k) => f[k] === undefined);
    if (missing.length) throw new InvalidInputError(`body/forcing/${missing[0]}`, `a constant forcing gives its numbers: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing (0 is a value, not a default)`);
    if (f.wind || f.current) throw new InvalidInputError(`body/forcing/${f.wind ? 'wind' : 'current'}`, "files are given with source 'files', not 'constant'");
    const forcing = { wind: [constantFrom(f.windSpeedMps!, (f.windFromDeg! + 180) % 360)], current: [constantFrom(f.currentSpeedMps!, f.currentTowardDeg!)] };
    return { job: { title: 'server drift run', request, forcing, coastline }, files, label: 'constant forcing' };
  }
  const constants = (['windSpeedMps', 'windFromDeg', 'currentSpeedMps', 'currentTowardDeg'] as const).find((k) => f[k] !== undefined);
  if (constants) throw new InvalidInputError(`body/forcing/${constants}`, `numbers are given with source 'constant', not '${f.source}'`);
  if (f.source === 'demo') {
    if (f.wind || f.current) throw new InvalidInputError(`body/forcing/${f.wind ? 'wind' : 'current'}`, "files are given with source 'files', not 'demo'");
    const file = (ref: string): ForcingSourceSpec => ({ kind: 'file', path: projectPath(DEMO_FORCING_FILES[ref]) });
    return { job: { title: 'server drift run', request, forcing: { wind: [file('demo:east-sea-wind.nc')], current: [file('demo:east-sea-currents.nc')] }, coastline }, files, label: 'demo forcing (SYNTHETIC)' };
  }
  const specs = async (quantity: 'wind' | 'current'): Promise<ForcingSourceSpec[]> => {
    const refs = f[quantity];
    if (!refs) throw new InvalidInputError(`body/forcing/${quantity}`, `source 'files' needs the ${quantity} files (references from GET /api/forcing)`);
    return Promise.all(refs.map(async (ref, k) => {
      const field = `body/forcing/${quantity}/${k}`;
      if (ref.startsWith('demo:')) {
        if (!DEMO_FORCING_FILES[ref]) throw new InvalidInputError(field, `'${ref}' is not a bundled file: ${Object.keys(DEMO_FORCING_FILES).join(', ')}`);
        return { kind: 'file' as const, path: projectPath(DEMO_FORCING_FILES[ref]) };
      }
      const sha256 = UPLOAD_REF.exec(ref)![1];
      // a withheld file (an exercise's truth forcing) is unknown to whoever may not read it, and refused to exercise control: the run's event goes to the players
      const record = await findUpload(sha256);
      if (!record) throw new InvalidInputError(field, unknownUploadProblem(sha256));
      if (record.withheld) throw new InvalidInputError(field, withheldUploadProblem(sha256, 'a drift run'));
      if (!parties.includes(record.party)) throw new InvalidInputError(field, `'${record.name}' was uploaded by ${record.party}, not a party of this case (${parties.join(', ')}): a party of the case uploads it`);
      if (!record.contents.quantities.includes(quantity)) throw new InvalidInputError(field, `'${record.name}' holds ${record.contents.quantities.join(', ') || 'no wind or current'}, not ${quantity}`);
      const path = `${record.name} (upload:${sha256})`;
      if (!files.some(([name]) => name === path)) files.push([path, (await store.readForcingBytes(sha256))!]);
      return { kind: 'file' as const, path };
    }));
  };
  const forcing = { wind: await specs('wind'), current: await specs('current') };
  const synthetic = [...f.wind!, ...f.current!].some((ref) => ref.startsWith('demo:'));
  return { job: { title: 'server drift run', request, forcing, coastline }, files, label: `forcing files${synthetic ? ' (with SYNTHETIC demo files)' : ''}` };
}
