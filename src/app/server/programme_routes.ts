import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { formatTimeInZone, type CooperationConfig, type RecordHistory } from '../../core/cooperation/index.js';
import { AccessDeniedError } from '../case_log/index.js';
import { mayReadProgramme, PROGRAMME_EVENT_TYPES, type ProgrammeStream } from '../programme/index.js';
import { agreementViewFor } from './agreement_view.js';
import { NoAgreementError } from './errors.js';
import { actorOf } from './request_actor.js';
import { errorResponses } from './schemas.js';

/** One revision of a programme item as the API shows it: UTC and each party's zone. */
function revisionsView(history: RecordHistory, zones: readonly string[]) {
  return history.revisions.map((r) => ({
    time: new Date(r.timeS * 1000).toISOString(), by: r.by, summary: r.summary,
    times: [...new Set([...zones, 'UTC'])].map((z) => formatTimeInZone(r.timeS, z)),
  }));
}

const ProgrammeEventType = Type.Unsafe<string>({ type: 'string', enum: [...PROGRAMME_EVENT_TYPES], description: 'the kind of programme event' });

/**
 * `/api/programme`: the cooperation programme kept in the server (docs/exercises.md). Every role of
 * the agreement's parties reads it (units as the agreement releases them to the reader's party);
 * programme staff change it.
 */
export const programmeRoutes: FastifyPluginAsyncTypebox<{ programme: ProgrammeStream | null; agreement: CooperationConfig | null }> = async (app, { programme }) => {
  const need = (): ProgrammeStream => { if (!programme) throw new NoAgreementError(); return programme; };

  app.get('/', {
    schema: {
      summary: 'The programme (exercises, exchanges, results) with each item\'s history, as my party may see it', tags: ['programme'],
      response: {
        200: Type.Object({
          version: Type.Integer(),
          programmes: Type.Array(Type.Unknown(), { description: 'YearlyProgramme: exercises and exchanges, units as released to my party' }),
          history: Type.Array(Type.Object({
            itemId: Type.String({ description: "an exercise's or exchange's id, or 'year:<year>'" }),
            kind: Type.Union([Type.Literal('year'), Type.Literal('exercise'), Type.Literal('exchange')]),
            revisions: Type.Array(Type.Object({ time: Type.String({ description: 'UTC' }), times: Type.Array(Type.String(), { description: "in each party's zone, then UTC" }), by: Type.String(), summary: Type.String() })),
          })),
          exerciseCases: Type.Record(Type.String(), Type.Array(Type.String()), { description: 'programme exercise id → exercise cases created from it' }),
          outcomes: Type.Record(Type.String(), Type.Object({ caseId: Type.Optional(Type.String()), detected: Type.Optional(Type.Boolean()), timeToDetectionH: Type.Optional(Type.Number()) })),
        }),
        ...errorResponses(401, 403, 404),
      },
    },
  }, async (request) => {
    const stream = need();
    const actor = actorOf(request);
    if (!mayReadProgramme(actor, stream.config)) throw new AccessDeniedError('party', `${actor.party} is not a party to the agreement (${stream.config.agreement.parties.join(', ')})`);
    await stream.seed();
    const state = await stream.state();
    const programmes = agreementViewFor({ ...stream.config, programmes: state.programmes }, actor.party).programmes;
    const zones = stream.config.parties.map((p) => p.timeZone);
    const history = programmes.flatMap((p) => [
      { itemId: `year:${p.year}`, kind: 'year' as const, revisions: revisionsView(p.record, zones) },
      ...p.exercises.map((e) => ({ itemId: e.id, kind: 'exercise' as const, revisions: revisionsView(e.record, zones) })),
      ...p.exchanges.map((x) => ({ itemId: x.id, kind: 'exchange' as const, revisions: revisionsView(x.record, zones) })),
    ]);
    return { version: state.version, programmes: [...programmes], history, outcomes: { ...state.outcomes },
      exerciseCases: Object.fromEntries(Object.entries(state.exerciseCases).map(([id, cases]) => [id, [...cases]])) };
  });

  app.post('/events', {
    schema: {
      summary: 'Change the programme (programme staff), based on the version I saw (409 when it is not current)', tags: ['programme'],
      body: Type.Object({
        basedOnVersion: Type.Integer({ minimum: 0 }),
        type: ProgrammeEventType,
        payload: Type.Object({}, { additionalProperties: true, description: 'checked against the schema of `type` (docs/exercises.md, app/programme/events.ts)' }),
      }, { additionalProperties: false }),
      response: { 201: Type.Object({ version: Type.Integer(), type: Type.String(), recordedAt: Type.String() }), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const stream = need();
    const event = await stream.append(actorOf(request), request.body as { basedOnVersion: number; type: (typeof PROGRAMME_EVENT_TYPES)[number]; payload: unknown });
    return reply.code(201).send({ version: event.version, type: event.type, recordedAt: event.recordedAt });
  });
};
