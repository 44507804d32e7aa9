import { InvalidInputError, SarbridgeError } from '../../core/errors.js';
import { DuplicateUserError, type SarbridgeStore, type UserRecord } from '../../io/storage/index.js';
import { AccessDeniedError, ROLES, type Actor, type Role } from '../case_log/index.js';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.js';

/**
 * Account management shared by the API (`/api/users`, an admin of the account's party, or the
 * user for their own password) and the CLI (`sarbridge admin …`, the operator of the server).
 * Every change is audited by its caller (the API's audit hook, the CLI's own audit line).
 */

/**
 * No account of that name in the caller's party. An account of another party answers the same, so
 * an admin of one party does not learn the other party's account names.
 */
export class AccountNotFoundError extends SarbridgeError {
  readonly code = 'SARB_ACCOUNT_NOT_FOUND';
  constructor(readonly userName: string, party: string | null) {
    super(party ? `userName: no account '${userName}' in ${party}` : `userName: no account '${userName}'`);
  }
}

/** Names the server keeps for itself: refused with the same answer as a name that is taken. */
export const RESERVED_USER_NAMES: readonly string[] = ['system', 'admin', 'root', 'cli', 'sarbridge', 'null'];

/**
 * Create an account: roles checked, password at least MIN_PASSWORD_LENGTH, a reserved name refused
 * with the same DuplicateUserError as a taken one.
 */
export async function createAccount(store: SarbridgeStore, account: {
  readonly userName: string; readonly party: string; readonly roles: readonly string[]; readonly password: string; readonly createdAt: string;
  readonly hashParameters?: { N: number; r: number; p: number };
}): Promise<UserRecord> {
  const roles = checkRoles('roles', account.roles);
  checkPasswordLength('password', account.password);
  if (RESERVED_USER_NAMES.includes(account.userName)) throw new DuplicateUserError(account.userName);
  const user = { userName: account.userName, party: account.party, roles, passwordHash: await hashPassword(account.password, account.hashParameters), createdAt: account.createdAt };
  await store.createUser(user);
  return user;
}

/** Refuse roles that are not sarbridge's (`captain`), naming the field and the allowed values. */
export function checkRoles(field: string, roles: readonly string[]): Role[] {
  if (roles.length === 0) throw new InvalidInputError(field, 'give at least one role');
  for (const role of roles) {
    if (!ROLES.includes(role as Role)) throw new InvalidInputError(field, `'${role}' is not a role; the roles are ${ROLES.join(', ')}`);
  }
  return [...new Set(roles)] as Role[];
}

export function checkPasswordLength(field: string, password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new InvalidInputError(field, `must be at least ${MIN_PASSWORD_LENGTH} characters`);
}

/** Who may change an account: an admin of its party (`party`), or the CLI on the server (null: any party). */
export interface AccountManager {
  readonly party: string | null;
  /** The admin's own user name, to refuse locking oneself out; null for the CLI. */
  readonly userName: string | null;
}

/** The account `userName` as `manager` may see it, or AccountNotFoundError (also for another party's account). */
export async function accountFor(store: SarbridgeStore, manager: AccountManager, userName: string): Promise<UserRecord> {
  const user = await store.findUser(userName);
  if (!user || (manager.party !== null && user.party !== manager.party)) throw new AccountNotFoundError(userName, manager.party);
  return user;
}

/** Set an account's roles (exactly these). An admin may not take the admin role from themselves. */
export async function setRoles(store: SarbridgeStore, manager: AccountManager, userName: string, roles: readonly string[], field = 'roles'): Promise<UserRecord> {
  const user = await accountFor(store, manager, userName);
  const checked = checkRoles(field, roles);
  if (manager.userName === userName && !checked.includes('admin')) {
    throw new AccessDeniedError('role', `${field}: an admin may not remove the admin role from their own account (${userName}); another admin of ${user.party} or \`sarbridge admin roles\` on the server may`);
  }
  await store.updateUser(userName, { roles: checked });
  return { ...user, roles: checked };
}

/** Disable (ending every session) or enable an account. An admin may not disable their own. */
export async function setDisabled(store: SarbridgeStore, manager: AccountManager, userName: string, disabledAt: string | null): Promise<{ user: UserRecord; sessionsEnded: number }> {
  const user = await accountFor(store, manager, userName);
  if (disabledAt !== null && manager.userName === userName) {
    throw new AccessDeniedError('role', `userName: an admin may not disable their own account (${userName}); another admin of ${user.party} or \`sarbridge admin disable\` on the server may`);
  }
  // disabling an account already disabled keeps the first time
  const kept = disabledAt === null ? null : user.disabledAt ?? disabledAt;
  await store.updateUser(userName, { disabledAt: kept });
  const sessionsEnded = kept === null ? 0 : await store.deleteSessionsOf(userName);
  const { disabledAt: _was, ...rest } = user;
  return { user: kept === null ? rest : { ...rest, disabledAt: kept }, sessionsEnded };
}

/**
 * Change a password. The user themselves must give the current one; an admin of the party (or the
 * CLI) need not. Every other session of the account ends (the one that changed it stays).
 */
export async function changePassword(store: SarbridgeStore, options: {
  readonly by: Actor | null; readonly userName: string; readonly newPassword: string; readonly currentPassword?: string;
  /** The token hash of the session that asks, kept open. */
  readonly keepSession?: string;
  readonly hashParameters?: { N: number; r: number; p: number };
}): Promise<{ sessionsEnded: number }> {
  const { by, userName } = options;
  checkPasswordLength(options.by ? 'body/newPassword' : 'password', options.newPassword);
  const own = by !== null && by.userName === userName;
  if (own) {
    const user = await accountFor(store, { party: by.party, userName }, userName);
    if (options.currentPassword === undefined) throw new InvalidInputError('body/currentPassword', 'give your current password to change it');
    if (!(await verifyPassword(options.currentPassword, user.passwordHash))) throw new InvalidInputError('body/currentPassword', 'is not the current password of this account');
  } else if (by !== null) {
    if (!by.roles.includes('admin')) throw new AccessDeniedError('role', `changing the password of another account needs role admin; ${by.userName} holds ${by.roles.join(', ')}`);
    await accountFor(store, { party: by.party, userName: by.userName }, userName);
  } else {
    await accountFor(store, { party: null, userName: null }, userName);
  }
  await store.updateUser(userName, { passwordHash: await hashPassword(options.newPassword, options.hashParameters) });
  return { sessionsEnded: await store.deleteSessionsOf(userName, own ? options.keepSession : undefined) };
}

/** An account as the API and the CLI show it (never the hash). */
export function accountView(user: UserRecord): { userName: string; party: string; roles: Role[]; disabled?: boolean } {
  return { userName: user.userName, party: user.party, roles: [...user.roles] as Role[], ...(user.disabledAt ? { disabled: true } : {}) };
}
