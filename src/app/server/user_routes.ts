import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { SarbridgeStore } from '../../io/storage/index.js';
import { AccessDeniedError, PartySchema } from '../case_log/index.js';
import { accountFor, accountView, changePassword, createAccount, setDisabled, setRoles } from './accounts.js';
import { MIN_PASSWORD_LENGTH } from './passwords.js';
import { actorOf, actorWithRole } from './request_actor.js';
import { errorResponses, RoleSchema, UserName, UserView } from './schemas.js';
import { tokenHashOf } from './sessions.js';

const Password = Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 1024, description: `at least ${MIN_PASSWORD_LENGTH} characters` });
const UserParams = Type.Object({ userName: UserName });

/**
 * `/api/users`: an admin lists, creates and changes the accounts of their own party (roles,
 * password, disabled); every user changes their own password. An account of another party answers
 * 404 as one that does not exist, and a name taken in any party is refused with the same words as
 * a reserved one, so account names do not leak across parties. Each change is in the audit log.
 */
export const userRoutes: FastifyPluginAsyncTypebox<{ store: SarbridgeStore; clock: () => Date }> = async (app, { store, clock }) => {
  app.get('/', {
    schema: { summary: 'Accounts of my party (admin)', tags: ['users'], response: { 200: Type.Object({ users: Type.Array(UserView) }), ...errorResponses(401, 403) } },
  }, async (request) => {
    const admin = actorWithRole(request, ['admin'], 'listing accounts');
    const users = (await store.listUsers()).filter((u) => u.party === admin.party);
    return { users: users.map(accountView) };
  });

  app.post('/', {
    schema: {
      summary: 'Create an account in my party (admin)', tags: ['users'],
      description: '409 SARB_DUPLICATE_USER when the name is not available (taken in any party, or reserved): the answer does not say which.',
      body: Type.Object({ userName: UserName, password: Password, party: PartySchema, roles: Type.Array(RoleSchema, { minItems: 1, uniqueItems: true }) }, { additionalProperties: false }),
      response: { 201: Type.Object({ user: UserView }), ...errorResponses(400, 401, 403, 409) },
    },
  }, async (request, reply) => {
    const admin = actorWithRole(request, ['admin'], 'creating accounts');
    const { userName, password, party, roles } = request.body;
    if (party !== admin.party) throw new AccessDeniedError('party', `an admin of ${admin.party} may create accounts of ${admin.party} only, not ${party}`);
    const user = await createAccount(store, { userName, party, roles, password, createdAt: clock().toISOString() });
    request.auditDetail = `account '${userName}' of ${party} created (roles ${user.roles.join(', ')})`;
    return reply.code(201).send({ user: accountView(user) });
  });

  app.put('/:userName/password', {
    schema: {
      summary: 'Change a password (my own, with the current one; or, as admin, one of my party)', tags: ['users'],
      description: "Every other session of the account ends; the one that changed the user's own password stays.",
      params: UserParams,
      body: Type.Object({ newPassword: Password, currentPassword: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ sessionsEnded: Type.Integer() }), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const { userName } = request.params;
    const result = await changePassword(store, {
      by: actor, userName, newPassword: request.body.newPassword, currentPassword: request.body.currentPassword, keepSession: tokenHashOf(request.headers) ?? undefined,
    });
    request.auditDetail = `password of '${userName}' changed${actor.userName === userName ? ' by its user' : ''}; ${result.sessionsEnded} other session(s) ended`;
    return result;
  });

  app.put('/:userName/roles', {
    schema: {
      summary: 'Set the roles of an account of my party (admin)', tags: ['users'], params: UserParams,
      body: Type.Object({ roles: Type.Array(RoleSchema, { minItems: 1, uniqueItems: true }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ user: UserView }), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => {
    const admin = actorWithRole(request, ['admin'], 'changing roles');
    const before = await accountFor(store, admin, request.params.userName);
    const user = await setRoles(store, admin, request.params.userName, request.body.roles, 'body/roles');
    request.auditDetail = `roles of '${user.userName}' changed from ${before.roles.join(', ')} to ${user.roles.join(', ')}`;
    return { user: accountView(user) };
  });

  app.post('/:userName/unlock', {
    schema: {
      summary: 'Forget the failed sign-ins of an account of my party, from every address, so it can sign in at once (admin)', tags: ['users'], params: UserParams,
      response: { 200: Type.Object({ user: UserView, scopesCleared: Type.Integer() }), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => {
    const admin = actorWithRole(request, ['admin'], 'unlocking sign-ins');
    const user = await accountFor(store, admin, request.params.userName);
    const scopesCleared = await store.forgetLoginFailures({ userName: user.userName });
    request.auditDetail = `failed sign-ins of '${user.userName}' forgotten (${scopesCleared} scope(s))`;
    return { user: accountView(user), scopesCleared };
  });

  for (const action of ['disable', 'enable'] as const) {
    app.post(`/:userName/${action}`, {
      schema: {
        summary: action === 'disable' ? 'Disable an account of my party: it cannot sign in, its sessions end (admin)' : 'Enable a disabled account of my party again (admin)',
        tags: ['users'], params: UserParams,
        response: { 200: Type.Object({ user: UserView, sessionsEnded: Type.Integer() }), ...errorResponses(400, 401, 403, 404) },
      },
    }, async (request) => {
      const admin = actorWithRole(request, ['admin'], `${action === 'disable' ? 'disabling' : 'enabling'} accounts`);
      const { user, sessionsEnded } = await setDisabled(store, admin, request.params.userName, action === 'disable' ? clock().toISOString() : null);
      request.auditDetail = `account '${user.userName}' ${action}d${action === 'disable' ? `; ${sessionsEnded} session(s) ended` : ''}`;
      return { user: accountView(user), sessionsEnded };
    });
  }
};
