import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { SarbridgeStore } from '../../io/storage/index.js';
import type { AuditWriter } from './audit_writer.js';
import { actorWithRole } from './request_actor.js';
import { errorResponses } from './schemas.js';

/** `/api/audit`: who read and changed what (lines of the admin's own party only). */
export const auditRoutes: FastifyPluginAsyncTypebox<{ store: SarbridgeStore; audit: AuditWriter }> = async (app, { store, audit }) => {
  app.get('/', {
    schema: {
      summary: 'Audit log of my party, newest first (admin)', tags: ['audit'],
      querystring: Type.Object({ caseId: Type.Optional(Type.String({ maxLength: 64 })), limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }) }),
      response: {
        200: Type.Object({ entries: Type.Array(Type.Object({
          at: Type.String(), userName: Type.Union([Type.String(), Type.Null()]), party: Type.Union([Type.String(), Type.Null()]),
          action: Type.String(), caseId: Type.Union([Type.String(), Type.Null()]), statusCode: Type.Integer(), detail: Type.Optional(Type.String()),
        })) }),
        ...errorResponses(400, 401, 403),
      },
    },
  }, async (request) => {
    const admin = actorWithRole(request, ['admin'], 'reading the audit log');
    await audit.flush();
    const entries = await store.readAudit({ caseId: request.query.caseId, limit: 5 * request.query.limit });
    return { entries: entries.filter((e) => e.party === admin.party).slice(0, request.query.limit) };
  });
};
