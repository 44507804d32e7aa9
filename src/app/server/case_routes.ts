import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { InvalidInputError } from '../../core/errors.js';
import { PartySchema, type CaseLog } from '../case_log/index.js';
import { actorOf } from './request_actor.js';
import { CaseParams, MAX_VERSION, CaseSummary, errorResponses, EventTypeSchema, ReleasabilitySchema, ViewedEventSchema } from './schemas.js';

/** Event types written by their own routes, not by POST …/events. */
const OWN_ROUTE: Record<string, string> = {
  caseOpened: 'POST /api/cases', driftRun: 'POST /api/cases/:caseId/drift-runs',
  // the server writes these into an exercise's players' case from exercise control (docs/exercises.md)
  injectReleased: 'the server when an inject falls due (POST /api/exercises/:caseId/control: injectScheduled)',
  exerciseClock: 'the server when exercise control sets the clock (POST /api/exercises/:caseId/control: clockSet, clockStepped)',
  targetDetected: 'the server after a searchDone of an exercise',
  exerciseEnded: 'the server when exercise control ends the exercise (POST /api/exercises/:caseId/control: exerciseEnded)',
};

/** `/api/cases`: list and open cases, read the picture and the log, append events. */
export const caseRoutes: FastifyPluginAsyncTypebox<{ caseLog: CaseLog; eventsPageMax: number }> = async (app, { caseLog, eventsPageMax }) => {
  app.get('/', {
    schema: { summary: 'Cases and exercises my party takes part in', tags: ['cases'], response: { 200: Type.Object({ cases: Type.Array(CaseSummary) }), ...errorResponses(401) } },
  }, async (request) => ({ cases: (await caseLog.list(actorOf(request))).map((c) => ({ ...c, parties: [...c.parties] })) }));

  app.post('/', {
    schema: {
      summary: 'Open a case or exercise', tags: ['cases'],
      body: Type.Object({
        kind: Type.Union([Type.Literal('case'), Type.Literal('exercise')]),
        title: Type.String({ minLength: 1, maxLength: 200 }),
        parties: Type.Array(PartySchema, { minItems: 1, maxItems: 10, uniqueItems: true }),
      }, { additionalProperties: false }),
      response: { 201: Type.Object({ caseId: Type.String(), version: Type.Integer() }), ...errorResponses(400, 401, 403) },
    },
  }, async (request, reply) => {
    const event = await caseLog.open(actorOf(request), request.body);
    return reply.code(201).send({ caseId: event.caseId, version: event.version });
  });

  app.get('/:caseId', {
    schema: {
      summary: 'The shared picture, rebuilt from the events my party may see', tags: ['cases'], params: CaseParams,
      response: { 200: Type.Object({ state: Type.Unknown() }), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => ({ state: await caseLog.state(actorOf(request), request.params.caseId) }));

  app.get('/:caseId/events', {
    schema: {
      summary: 'The log after a version, filtered for my party', tags: ['cases'], params: CaseParams,
      querystring: Type.Object({
        afterVersion: Type.Integer({ minimum: 0, maximum: MAX_VERSION, default: 0 }),
        limit: Type.Integer({ minimum: 1, maximum: eventsPageMax, default: eventsPageMax }),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ events: Type.Array(ViewedEventSchema) }), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => ({ events: await caseLog.events(actorOf(request), request.params.caseId, request.query.afterVersion, request.query.limit) }));

  app.post('/:caseId/events', {
    schema: {
      summary: 'Append an event, based on the version I saw (409 when it is not current)', tags: ['cases'], params: CaseParams,
      body: Type.Object({
        basedOnVersion: Type.Integer({ minimum: 1, maximum: MAX_VERSION }),
        type: EventTypeSchema,
        payload: Type.Object({}, { additionalProperties: true, description: 'checked against the schema of `type`: components/schemas/EventPayload_<type> (e.g. EventPayload_planningInputs)' }),
        releasability: Type.Optional(ReleasabilitySchema),
      }, { additionalProperties: false }),
      response: { 201: Type.Object({ event: ViewedEventSchema }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const { type } = request.body;
    if (OWN_ROUTE[type]) throw new InvalidInputError('body/type', `'${type}' events are written by ${OWN_ROUTE[type]}`);
    const actor = actorOf(request);
    const event = await caseLog.append(actor, request.params.caseId, request.body);
    // answered as the author may see it: planning inputs may hold units kept that it never saw (view.ts unitsCarriedOver)
    return reply.code(201).send({ event: caseLog.view(event, actor.party) });
  });
};
