import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { SarbridgeStore } from '../../io/storage/index.js';
import { AccessDeniedError, PartySchema, type Role } from '../case_log/index.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.js';
import { actorWithRole } from './request_actor.js';
import { errorResponses, RoleSchema, UserName, UserView } from './schemas.js';

/** `/api/users`: an admin lists and creates the accounts of their own party. */
export const userRoutes: FastifyPluginAsyncTypebox<{ store: SarbridgeStore; clock: () => Date }> = async (app, { store, clock }) => {
  app.get('/', {
    schema: { summary: 'Accounts of my party (admin)', tags: ['users'], response: { 200: Type.Object({ users: Type.Array(UserView) }), ...errorResponses(401, 403) } },
  }, async (request) => {
    const admin = actorWithRole(request, ['admin'], 'listing accounts');
    const users = (await store.listUsers()).filter((u) => u.party === admin.party);
    return { users: users.map((u) => ({ userName: u.userName, party: u.party, roles: [...u.roles] as Role[] })) };
  });

  app.post('/', {
    schema: {
      summary: 'Create an account in my party (admin)', tags: ['users'],
      body: Type.Object({
        userName: UserName,
        password: Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 1024, description: `at least ${MIN_PASSWORD_LENGTH} characters` }),
        party: PartySchema,
        roles: Type.Array(RoleSchema, { minItems: 1, uniqueItems: true }),
      }, { additionalProperties: false }),
      response: { 201: Type.Object({ user: UserView }), ...errorResponses(400, 401, 403, 409) },
    },
  }, async (request, reply) => {
    const admin = actorWithRole(request, ['admin'], 'creating accounts');
    const { userName, password, party, roles } = request.body;
    if (party !== admin.party) throw new AccessDeniedError('party', `an admin of ${admin.party} may create accounts of ${admin.party} only, not ${party}`);
    await store.createUser({ userName, party, roles, passwordHash: await hashPassword(password), createdAt: clock().toISOString() });
    return reply.code(201).send({ user: { userName, party, roles } });
  });
};
