import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DRIFT_SETTINGS, summariseCloud, type DriftRequest } from '../../core/drift/index.js';
import { nmToMetres } from '../../core/geo/index.js';
import { findObjectClass } from '../../core/objects/index.js';
import { parseTime } from '../../core/time/index.js';
import { projectPath } from '../../io/project_files.js';
import { AccessDeniedError, mayWrite, PositionSchema, TimeTextSchema, utcTimeText, type CaseEventPayload, type CaseLog } from '../case_log/index.js';
import { VersionConflictError } from '../../io/storage/index.js';
import type { DriftJob } from '../drift_job/index.js';
import { ServerBusyError } from './errors.js';
import { actorOf } from './request_actor.js';
import { CaseParams, errorResponses, ReleasabilitySchema, ViewedEventSchema, MAX_VERSION } from './schemas.js';

/** Limits of a drift run requested over HTTP (small: a server shares its cores). */
export interface DriftLimits {
  readonly driftParticlesMax: number;
  readonly driftDurationHMax: number;
  readonly concurrentDriftRuns: number;
}

/** The bundled SYNTHETIC East Sea forcing of the demo (data/forcing/PROVENANCE.md). */
const DEMO_FILES = {
  wind: 'data/forcing/east-sea-synthetic/east-sea-wind.nc',
  current: 'data/forcing/east-sea-synthetic/east-sea-currents.nc',
};

/**
 * `POST /api/cases/:caseId/drift-runs`: run a Leeway drift from a last known position (constant
 * forcing, or the bundled demo files) and append a `driftRun` event holding its summary (centroid,
 * 50/90 % radii and counts per output time; never the particles).
 */
export const driftRoutes: FastifyPluginAsyncTypebox<{ caseLog: CaseLog; limits: DriftLimits }> = async (app, { caseLog, limits }) => {
  let running = 0;
  app.post('/:caseId/drift-runs', {
    schema: {
      summary: 'Run a drift for the case and append its summary', tags: ['drift'], params: CaseParams,
      body: Type.Object({
        basedOnVersion: Type.Integer({ minimum: 1, maximum: MAX_VERSION }),
        lkp: Type.Object({ position: PositionSchema, time: TimeTextSchema }, { additionalProperties: false, description: 'last known position' }),
        radiusNm: Type.Number({ minimum: 0, maximum: 50, default: 1, description: 'position error, NM (Gaussian sigma)' }),
        objectClass: Type.String({ minLength: 1, maxLength: 64, default: 'PIW-1', description: 'Leeway class key or id' }),
        durationH: Type.Number({ exclusiveMinimum: 0, maximum: limits.driftDurationHMax, default: 24 }),
        timeStepMin: Type.Number({ minimum: 1, maximum: 60, default: 10 }),
        outputEverySteps: Type.Integer({ minimum: 1, maximum: 1000, default: 6 }),
        particles: Type.Integer({ minimum: 1, maximum: limits.driftParticlesMax, default: Math.min(2000, limits.driftParticlesMax) }),
        seed: Type.Integer({ minimum: 0, maximum: DRIFT_SETTINGS.seed.max, default: DRIFT_SETTINGS.seed.default }),
        forcing: Type.Object({
          source: Type.Union([Type.Literal('constant'), Type.Literal('demo')], { description: 'constant vectors, or the bundled SYNTHETIC East Sea files' }),
          windSpeedMps: Type.Number({ minimum: 0, maximum: 60, default: 0 }),
          windFromDeg: Type.Number({ minimum: 0, maximum: 360, default: 0 }),
          currentSpeedMps: Type.Number({ minimum: 0, maximum: 5, default: 0 }),
          currentTowardDeg: Type.Number({ minimum: 0, maximum: 360, default: 0 }),
        }, { additionalProperties: false }),
        coastline: Type.Union([Type.Literal('bundled'), Type.Literal('none')], { default: 'none' }),
        releasability: Type.Optional(ReleasabilitySchema),
      }, { additionalProperties: false }),
      response: { 201: Type.Object({ event: ViewedEventSchema }), ...errorResponses(400, 401, 403, 404, 409, 422, 503) },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const { caseId } = request.params;
    // the time read as every payload's is (ISO 8601 with a zone, or a DTG), before the run: stored as UTC
    const body = { ...request.body, lkp: { ...request.body.lkp, time: utcTimeText(parseTime(request.body.lkp.time, 'body/lkp/time')) } };
    const context = await caseLog.context(caseId);
    // fail before the run on what is known now (party, role, closed, stale version)
    if (context) {
      await caseLog.checkRead(actor, caseId);
      if (!mayWrite(actor.roles, 'driftRun', context.kind)) throw new AccessDeniedError('role', `a drift run needs role smc; ${actor.userName} holds ${actor.roles.join(', ')}`);
      if (body.basedOnVersion !== context.version) throw new VersionConflictError(caseId, body.basedOnVersion, context.version);
    } else {
      await caseLog.checkRead(actor, caseId);   // throws CaseNotFoundError
    }
    if (running >= limits.concurrentDriftRuns) throw new ServerBusyError(`${running} drift runs are in progress (the limit); retry in a few seconds`);
    running++;
    try {
      const job = await driftJob(body);
      // loaded on first use: the NetCDF readers (h5wasm) take seconds to load and most servers start without a drift
      const { runDriftJob } = await import('../drift_job/index.js');
      const started = performance.now();
      const { result } = await runDriftJob(job, { workers: 1 });
      const seconds = (performance.now() - started) / 1000;
      const summary: CaseEventPayload<'driftRun'>['summary'] = {
        title: `${body.objectClass} from ${body.lkp.time}, ${body.forcing.source} forcing${body.forcing.source === 'demo' ? ' (SYNTHETIC)' : ''}`,
        start: body.lkp.time, durationH: body.durationH, particles: body.particles, seed: body.seed,
        forcing: result.forcingLabels,
        times: result.snapshots.map((snapshot) => {
          const s = summariseCloud(snapshot, result.particles.weight);
          return { time: utcTimeText(s.timeS), centroid: s.centroid, radius50M: s.radius50M, radius90M: s.radius90M, counts: { ...s.counts } };
        }),
        seconds,
      };
      const event = await caseLog.append(actor, caseId, { type: 'driftRun', payload: { summary }, basedOnVersion: body.basedOnVersion, releasability: body.releasability });
      return reply.code(201).send({ event });
    } finally {
      running--;
    }
  });
};

type DriftBody = {
  lkp: { position: { lonDeg: number; latDeg: number }; time: string }; radiusNm: number; objectClass: string; durationH: number;
  timeStepMin: number; outputEverySteps: number; particles: number; seed: number; coastline: 'bundled' | 'none';
  forcing: { source: 'constant' | 'demo'; windSpeedMps: number; windFromDeg: number; currentSpeedMps: number; currentTowardDeg: number };
};

async function driftJob(body: DriftBody): Promise<DriftJob> {
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
  const forcing = f.source === 'demo'
    ? { wind: [{ kind: 'file' as const, path: projectPath(DEMO_FILES.wind) }], current: [{ kind: 'file' as const, path: projectPath(DEMO_FILES.current) }] }
    : { wind: [constantFrom(f.windSpeedMps, (f.windFromDeg + 180) % 360)], current: [constantFrom(f.currentSpeedMps, f.currentTowardDeg)] };
  return { title: 'server drift run', request, forcing, coastline: { kind: body.coastline } };
}
