import { createInterface } from 'node:readline';
import { userInfo } from 'node:os';
import { Command, InvalidArgumentError, Option } from 'commander';
import { COMMAND_DESCRIPTIONS } from './commands.js';
import { InvalidInputError } from '../../core/errors.js';
import { DEFAULT_SQLITE_PATH } from '../../io/storage/default_location.js';
import type { SarbridgeStore } from '../../io/storage/store.js';
import { PARTY_PATTERN, ROLES, type Role } from '../case_log/roles.js';
import { sourceOf } from '../server/login_throttle.js';
import { accountFor, changePassword, checkPasswordLength, checkRoles, createAccount, setDisabled, setRoles } from '../server/accounts.js';

interface CreateOptions { party: string; user: string; role: string[]; db: string }

/** Read a password: the first line of stdin when it is a pipe, else a hidden prompt asked twice. */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += chunk;
    return text.split(/\r?\n/)[0];
  }
  const ask = (question: string) => new Promise<string>((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    // hide what is typed: write the prompt, then nothing
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => { if (s.startsWith(question)) process.stdout.write(question); };
    rl.question(question, (answer) => { rl.close(); process.stdout.write('\n'); resolve(answer); });
  });
  const first = await ask('password: ');
  const second = await ask('again:    ');
  if (first !== second) throw new InvalidInputError('password', 'the two entries differ');
  return first;
}

/** Refuse a bad party code or user name before asking for a password. */
export function checkAdminNames(party: string, userName: string): void {
  if (!new RegExp(PARTY_PATTERN).test(party)) throw new InvalidInputError('--party', `'${party}' is not a party code (2-3 capital letters, e.g. KR)`);
  checkUserName(userName);
}

function checkUserName(userName: string): void {
  if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(userName)) throw new InvalidInputError('--user', `'${userName}' must be 2-64 lower-case letters, digits, '.', '_' or '-'`);
}

/** `--role` (repeatable): a role sarbridge knows, else a usage error listing the roles (commander's choices() would be replaced by a collecting parser). */
function collectRole(value: string, previous: string[] | undefined): string[] {
  if (!ROLES.includes(value as Role)) throw new InvalidArgumentError(`'${value}' is not a role; the roles are ${ROLES.join(', ')}`);
  return [...(previous ?? []), value];
}

/** Run `work` on the store at `db`, closing it afterwards. */
async function withStore<T>(db: string, work: (store: SarbridgeStore) => Promise<T>): Promise<T> {
  const { openStore } = await import('../../io/storage/index.js');
  const store = await openStore(db);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** The audit line of a change made on the command line (shown to the party's admin in GET /api/audit). */
async function auditCli(store: SarbridgeStore, party: string, action: string, detail: string): Promise<void> {
  let osUser = 'unknown';
  try { osUser = userInfo().username; } catch { /* no passwd entry: keep 'unknown' */ }
  await store.appendAudit([{ at: new Date().toISOString(), userName: null, party, action: `CLI admin ${action}`, caseId: null, statusCode: 200, detail: `${detail} (command line on the server, OS user ${osUser})` }]);
}

/** Create an administrator account (roles: admin plus `extraRoles`) in the store at `db`. */
export async function createAdmin(options: { db: string; party: string; userName: string; password: string; extraRoles?: readonly string[] }): Promise<Role[]> {
  checkAdminNames(options.party, options.userName);
  const roles = checkRoles('--role', ['admin', ...(options.extraRoles ?? [])]);
  checkPasswordLength('password', options.password);
  return withStore(options.db, async (store) => {
    await createAccount(store, { userName: options.userName, party: options.party, roles, password: options.password, createdAt: new Date().toISOString() });
    await auditCli(store, options.party, 'create', `account '${options.userName}' of ${options.party} created (roles ${roles.join(', ')})`);
    return roles;
  });
}

/** The operator on the server manages any party's accounts. */
const OPERATOR = { party: null, userName: null } as const;

/** Change an account from the command line (the operator of the server: any party); returns the line to print. */
export async function manageAccount(db: string, userName: string, change:
  | { readonly kind: 'password'; readonly password: string }
  | { readonly kind: 'roles'; readonly roles: readonly string[] }
  | { readonly kind: 'disable' | 'enable' }): Promise<string> {
  checkUserName(userName);
  if (change.kind === 'roles') checkRoles('--role', change.roles);
  if (change.kind === 'password') checkPasswordLength('password', change.password);
  return withStore(db, async (store) => {
    const user = await accountFor(store, OPERATOR, userName);
    let line: string;
    if (change.kind === 'password') {
      const { sessionsEnded } = await changePassword(store, { by: null, userName, newPassword: change.password });
      line = `password of '${userName}' changed; ${sessionsEnded} session(s) ended`;
    } else if (change.kind === 'roles') {
      const changed = await setRoles(store, OPERATOR, userName, change.roles, '--role');
      line = `roles of '${userName}' changed from ${user.roles.join(', ')} to ${changed.roles.join(', ')}`;
    } else {
      const { sessionsEnded } = await setDisabled(store, OPERATOR, userName, change.kind === 'disable' ? new Date().toISOString() : null);
      line = `account '${userName}' ${change.kind}d${change.kind === 'disable' ? `; ${sessionsEnded} session(s) ended` : ''}`;
    }
    await auditCli(store, user.party, change.kind, line);
    return line;
  });
}

/** `sarbridge admin …`: accounts on the server's own machine (the first administrator of a party, and any change). */
export function adminCommand(): Command {
  const dbOption = () => new Option('--db <path|url>', 'SQLite file or postgres:// URL').default(process.env.SARBRIDGE_DB ?? DEFAULT_SQLITE_PATH);
  const userOption = () => new Option('--user <name>', 'the account').makeOptionMandatory();
  const admin = new Command('admin').description(COMMAND_DESCRIPTIONS.admin);
  admin.command('create')
    .description('create an administrator of a party; the password is read from stdin (first line) or a hidden prompt')
    .requiredOption('--party <code>', 'party code, e.g. KR or JP')
    .requiredOption('--user <name>', 'user name (lower case letters, digits, . _ -)')
    .addOption(new Option('--role <role>', `an extra role besides admin (repeatable): ${ROLES.filter((r) => r !== 'admin').join(', ')}`).argParser(collectRole).default([]))
    .addOption(dbOption())
    .action(async (options: CreateOptions) => {
      checkAdminNames(options.party, options.user);
      const password = await readPassword();
      const roles = await createAdmin({ db: options.db, party: options.party, userName: options.user, password, extraRoles: options.role });
      console.log(`created administrator '${options.user}' of ${options.party} (roles: ${roles.join(', ')})`);
    });
  admin.command('list')
    .description('list the accounts (all parties, or one)')
    .option('--party <code>', 'only this party')
    .addOption(dbOption())
    .action(async (options: { party?: string; db: string }) => {
      const users = await withStore(options.db, (store) => store.listUsers());
      for (const u of users.filter((x) => options.party === undefined || x.party === options.party)) {
        console.log(`${u.party}  ${u.userName}  ${u.roles.join(',')}${u.disabledAt ? `  DISABLED since ${u.disabledAt}` : ''}`);
      }
    });
  admin.command('password')
    .description("set an account's password (stdin's first line or a hidden prompt); its sessions end")
    .addOption(userOption()).addOption(dbOption())
    .action(async (options: { user: string; db: string }) => {
      checkUserName(options.user);
      console.log(await manageAccount(options.db, options.user, { kind: 'password', password: await readPassword() }));
    });
  admin.command('roles')
    .description("set an account's roles (exactly those given)")
    .addOption(userOption())
    .addOption(new Option('--role <role>', `a role (repeatable): ${ROLES.join(', ')}`).argParser(collectRole).makeOptionMandatory())
    .addOption(dbOption())
    .action(async (options: { user: string; role: string[]; db: string }) => {
      console.log(await manageAccount(options.db, options.user, { kind: 'roles', roles: options.role }));
    });
  for (const kind of ['disable', 'enable'] as const) {
    admin.command(kind)
      .description(kind === 'disable' ? 'disable an account: it cannot sign in, its sessions end' : 'enable a disabled account again')
      .addOption(userOption()).addOption(dbOption())
      .action(async (options: { user: string; db: string }) => { console.log(await manageAccount(options.db, options.user, { kind })); });
  }
  admin.command('unlock')
    .description('forget the failed sign-ins of a user name (from every address) or of a source address, so sign-ins are not refused any more')
    .option('--user <name>', 'the account')
    .option('--source <address>', 'an IP address (IPv6: its /64)')
    .addOption(dbOption())
    .action(async (options: { user?: string; source?: string; db: string }) => {
      console.log(await unlockSignIns(options.db, options));
    });
  return admin;
}

/** `sarbridge admin unlock`: forget failed sign-ins by user name or by source; audited. Returns the line to print. */
export async function unlockSignIns(db: string, what: { user?: string; source?: string }): Promise<string> {
  if ((what.user === undefined) === (what.source === undefined)) throw new InvalidInputError('--user/--source', 'give one of --user NAME or --source ADDRESS');
  if (what.user !== undefined) checkUserName(what.user);
  return withStore(db, async (store) => {
    if (what.user !== undefined) {
      const user = await accountFor(store, OPERATOR, what.user);
      const n = await store.forgetLoginFailures({ userName: user.userName });
      const line = `failed sign-ins of '${user.userName}' forgotten (${n} scope(s))`;
      await auditCli(store, user.party, 'unlock', line);
      return line;
    }
    const source = sourceOf(what.source);
    const n = await store.forgetLoginFailures({ source });
    const line = `failed sign-ins from ${source} forgotten (${n} scope(s))`;
    await store.appendAudit([{ at: new Date().toISOString(), userName: null, party: null, action: 'CLI admin unlock', caseId: null, statusCode: 200, detail: line }]);
    return line;
  });
}
