import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { CONTROL_EVENT_TYPES, type ControlEventType, type ExerciseControl } from '../exercise_control/index.js';
import { composeScore, exchangeInputs } from '../exercise_control/score.js';
import { scoreExchanges } from '../../core/exercise/index.js';
import { composeReport } from '../exercise_control/report.js';
import { renderAfterActionHtml } from '../../core/exercise/report/index.js';
import { readerFor } from '../../core/cooperation/index.js';
import type { PlanClouds } from '../exercise_control/plan_clouds.js';
import type { CooperationConfig } from '../../core/cooperation/index.js';
import { InvalidInputError } from '../../core/errors.js';
import { AccessDeniedError } from '../case_log/index.js';
import { actorOf } from './request_actor.js';
import { CaseParams, errorResponses, ViewedEventSchema } from './schemas.js';

const ControlEventTypeSchema = Type.Unsafe<ControlEventType>({ type: 'string', enum: [...CONTROL_EVENT_TYPES], description: 'the kind of control event' });
const StoredEventSchema = Type.Object({
  caseId: Type.String(), version: Type.Integer(), type: Type.String(), author: Type.String(), party: Type.String(),
  recordedAt: Type.String(), basedOnVersion: Type.Integer(), releasability: Type.String(), payload: Type.Unknown(),
});

/**
 * `/api/exercises`: exercise control (docs/exercises.md). Creating an exercise from the programme
 * (exercise control), the control stream (its named controllers only: anyone else is answered 404,
 * as for a case of another party, before the body is even read), simulated searches (the players'
 * SMC and OSC, or control), the score and the report (controllers; both parties after the end).
 */
export const exerciseRoutes: FastifyPluginAsyncTypebox<{ control: ExerciseControl; clouds: PlanClouds; agreement: CooperationConfig | null }> = async (app, { control, clouds, agreement }) => {
  /** Refuse anyone but a named controller, before the body is validated (so a refusal tells nothing). */
  const controllersOnly = async (request: FastifyRequest) => {
    await control.forController(actorOf(request), (request.params as { caseId: string }).caseId);
  };

  app.get('/', {
    schema: {
      summary: 'Exercises I am a controller of', tags: ['exercises'],
      response: { 200: Type.Object({ exercises: Type.Array(Type.Object({
        caseId: Type.String(), controlStreamId: Type.String(), title: Type.String(), programmeItemId: Type.String(),
        director: Type.String(), controllers: Type.Array(Type.String()), ended: Type.Boolean(),
      })) }), ...errorResponses(401) },
    },
  }, async (request) => ({ exercises: await control.listFor(actorOf(request)) }));

  app.post('/', {
    schema: {
      summary: 'Create an exercise from a programme entry (exercise control; I become its director)', tags: ['exercises'],
      body: Type.Object({
        programmeItemId: Type.String({ minLength: 1, maxLength: 64, description: 'an exercise of GET /api/programme' }),
        caseId: Type.Optional(Type.String({ minLength: 1, maxLength: 56, pattern: '^[A-Za-z0-9_-][A-Za-z0-9._-]*$', description: "the players' case id (default the programme item's id)" })),
      }, { additionalProperties: false }),
      response: { 201: Type.Object({ caseId: Type.String(), controlStreamId: Type.String() }), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request, reply) => reply.code(201).send(await control.create(actorOf(request), request.body)));

  app.get('/:caseId/control', {
    schema: {
      summary: "The control stream's picture and events: the truth, injects, clock, detections, lessons (named controllers only)", tags: ['exercises'], params: CaseParams,
      response: { 200: Type.Object({
        state: Type.Unknown(), exerciseTime: Type.Union([Type.String(), Type.Null()]), events: Type.Array(StoredEventSchema),
        truthTrack: Type.Union([Type.Array(Type.Object({ time: Type.String(), lonDeg: Type.Number(), latDeg: Type.Number(), status: Type.String() })), Type.Null()], { description: "the truth's simulated track (every model step), null before a truth is set" }),
        exchanges: Type.Object({
          messages: Type.Integer({ description: 'every message between the centres, counted once per party it went to' }),
          parties: Type.Array(Type.Object({
            party: Type.String(), toParty: Type.String(), messages: Type.Integer(), acknowledged: Type.Integer(), acknowledgedShare: Type.Number(),
            meanAckDelayS: Type.Union([Type.Number(), Type.Null()]), medianAckDelayS: Type.Union([Type.Number(), Type.Null()]), maxAckDelayS: Type.Union([Type.Number(), Type.Null()]),
          })),
        }, { description: "the exchanges between the centres so far, each way, as the score gives them (from the players' log)" }),
      }), ...errorResponses(401, 404) },
    },
  }, async (request) => {
    const { state, events } = await control.forController(actorOf(request), request.params.caseId);
    const track = await control.truthTrackOf(request.params.caseId, state).catch(() => null);
    const scored = scoreExchanges(exchangeInputs(await control.playersEvents(request.params.caseId)));
    const exchanges = { messages: scored.messages, parties: [...scored.parties] };
    return { state, exerciseTime: control.exerciseTimeNow(state), events,
      truthTrack: track ? track.points.map((p) => ({ time: new Date(p.timeS * 1000).toISOString(), lonDeg: p.lonDeg, latDeg: p.latDeg, status: p.status })) : null, exchanges };
  });

  app.post('/:caseId/control', {
    preValidation: controllersOnly,
    schema: {
      summary: 'A controller\'s command: controllersSet (director), truthSet, injectScheduled, injectCancelled, clockSet, clockStepped, lessonEntered, exerciseEnded', tags: ['exercises'], params: CaseParams,
      body: Type.Object({
        basedOnVersion: Type.Integer({ minimum: 1 }),
        type: ControlEventTypeSchema,
        payload: Type.Object({}, { additionalProperties: true, description: 'checked against the schema of `type` (app/exercise_control/events.ts, docs/exercises.md)' }),
      }, { additionalProperties: false }),
      response: { 201: Type.Object({ event: StoredEventSchema }), ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request, reply) => reply.code(201).send({ event: await control.command(actorOf(request), request.params.caseId, request.body) }));

  app.post('/:caseId/simulated-searches', {
    preValidation: async (request) => { await control.checkPlayerOrController(actorOf(request), (request.params as { caseId: string }).caseId); },
    schema: {
      summary: "Simulate a unit's search along its route in an issued plan, at its speed, up to the exercise time: appended as a searchDone (players' SMC/OSC, or control)", tags: ['exercises'], params: CaseParams,
      body: Type.Object({
        unitId: Type.String({ minLength: 1, maxLength: 64 }),
        planVersion: Type.Integer({ minimum: 1, description: 'the version of the planIssued event in the players\' case' }),
      }, { additionalProperties: false }),
      response: { 201: Type.Object({ event: ViewedEventSchema }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => reply.code(201).send({ event: await control.simulatedSearch(actorOf(request), request.params.caseId, request.body) }));

  app.get('/:caseId/score', {
    preValidation: async (request) => { await control.checkScoreReader(actorOf(request), (request.params as { caseId: string }).caseId); },
    schema: {
      summary: 'The score of the exercise (controllers; both parties once it has ended)', tags: ['exercises'], params: CaseParams,
      response: { 200: Type.Object({ score: Type.Unknown() }), ...errorResponses(401, 404) },
    },
  }, async (request) => {
    const composed = await composeScore(control, clouds, agreement, request.params.caseId);
    if (!composed) return { score: null };
    const { gathered: _gathered, ...score } = composed;
    return { score };
  });

  app.get('/:caseId/report', {
    preValidation: async (request) => { await control.checkScoreReader(actorOf(request), (request.params as { caseId: string }).caseId); },
    schema: {
      summary: "The after-action report (controllers; both parties once it has ended): a party's copy in its names and zone (for that party's readers and the controllers), or the shared copy in neutral names; HTML, PDF (Hangul and Japanese embedded) or the model as JSON", tags: ['exercises'], params: CaseParams,
      querystring: Type.Object({
        copy: Type.String({ default: 'shared', pattern: '^([A-Z]{2,3}|shared)$', description: "a party's id (its copy) or 'shared'" }),
        format: Type.Union([Type.Literal('html'), Type.Literal('pdf'), Type.Literal('json')], { default: 'html' }),
      }, { additionalProperties: false }),
      response: { 200: Type.Unknown({ description: 'text/html, application/pdf, or {copy, report} as JSON' }), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const { copy, format } = request.query;
    if (!agreement) throw new InvalidInputError('caseId', 'this server runs without a cooperation agreement: no programme, no report');
    if (copy !== 'shared' && !agreement.parties.some((p) => p.id === copy)) throw new InvalidInputError('querystring/copy', `'${copy}' is neither a party of the agreement (${agreement.parties.map((p) => p.id).join(', ')}) nor 'shared'`);
    // a party's copy names that party's units as it sees them (their names, which another party may not have)
    const actor = actorOf(request);
    const controller = await control.controls(actor, request.params.caseId);
    if (copy !== 'shared' && copy !== actor.party && !controller) {
      throw new AccessDeniedError('party', `querystring/copy: ${copy}'s copy of the report is for ${copy}'s readers; ${actor.party} reads copy=${actor.party} or copy=shared`);
    }
    // a player's timeline holds the events as the player's party sees them
    const report = await composeReport(control, clouds, agreement, request.params.caseId, await control.programmeState(), controller ? null : actor.party);
    if (!report) throw new InvalidInputError('caseId', 'the report needs the truth set and the programme entry the exercise was made from');
    const reader = readerFor(copy === 'shared' ? undefined : copy);
    const name = `${request.params.caseId}-${copy}`;
    if (format === 'json') return { copy, report };
    if (format === 'html') return reply.type('text/html; charset=utf-8').send(renderAfterActionHtml(report, agreement, reader));
    const { renderAfterActionPdf } = await import('../../io/pdf/index.js');
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${name}.pdf"`).send(Buffer.from(await renderAfterActionPdf(report, agreement, reader)));
  });
};
