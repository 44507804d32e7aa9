import { createInterface } from 'node:readline';
import { Command, Option } from 'commander';
import { COMMAND_DESCRIPTIONS } from './commands.js';
import { InvalidInputError } from '../../core/errors.js';
import { DEFAULT_SQLITE_PATH } from '../../io/storage/default_location.js';
import { PARTY_PATTERN, ROLES, type Role } from '../case_log/roles.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../server/passwords.js';

interface CreateOptions { party: string; user: string; role: Role[]; db: string }

const collect = (value: string, previous: string[]): string[] => [...previous, value];

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
  if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(userName)) throw new InvalidInputError('--user', `'${userName}' must be 2-64 lower-case letters, digits, '.', '_' or '-'`);
}

/** Create an administrator account (roles: admin plus `extraRoles`) in the store at `db`. */
export async function createAdmin(options: { db: string; party: string; userName: string; password: string; extraRoles?: readonly Role[] }): Promise<Role[]> {
  checkAdminNames(options.party, options.userName);
  if (options.password.length < MIN_PASSWORD_LENGTH) throw new InvalidInputError('password', `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  const { openStore } = await import('../../io/storage/index.js');
  const store = await openStore(options.db);
  try {
    const roles: Role[] = ['admin', ...(options.extraRoles ?? [])];
    await store.createUser({ userName: options.userName, party: options.party, roles, passwordHash: await hashPassword(options.password), createdAt: new Date().toISOString() });
    return roles;
  } finally {
    await store.close();
  }
}

/** `sarbridge admin create`: the first administrator of a party (there is no default password). */
export function adminCommand(): Command {
  const admin = new Command('admin').description(COMMAND_DESCRIPTIONS.admin);
  admin.command('create')
    .description('create an administrator of a party; the password is read from stdin (first line) or a hidden prompt')
    .requiredOption('--party <code>', 'party code, e.g. KR or JP')
    .requiredOption('--user <name>', 'user name (lower case letters, digits, . _ -)')
    .addOption(new Option('--role <role>', 'an extra role besides admin (repeatable)').choices(ROLES.filter((r) => r !== 'admin')).argParser(collect).default([]))
    .option('--db <path|url>', 'SQLite file or postgres:// URL', process.env.SARBRIDGE_DB ?? DEFAULT_SQLITE_PATH)
    .action(async (options: CreateOptions) => {
      checkAdminNames(options.party, options.user);
      const password = await readPassword();
      const roles = await createAdmin({ db: options.db, party: options.party, userName: options.user, password, extraRoles: options.role });
      console.log(`created administrator '${options.user}' of ${options.party} (roles: ${roles.join(', ')})`);
    });
  return admin;
}
