import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { SqliteStore } from '../../io/storage/index.js';
import { verifyPassword } from '../server/passwords.js';
import { createAdmin } from './admin_command.js';
import { serveCommand, setupUrlOf } from './serve_command.js';

const ADMIN = fileURLToPath(new URL('./admin_command.ts', import.meta.url));
const SERVE = fileURLToPath(new URL('./serve_command.ts', import.meta.url));
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sarbridge-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Node arguments that run one command (not the whole CLI, which loads every command) as `sarbridge …`. */
const runCommand = (file: string, factory: string, args: string[]) => ['--import', 'tsx', '--input-type=module', '-e',
  `const m = await import(${JSON.stringify(file)}); await m.${factory}().parseAsync(process.argv);`, 'sarbridge', ...args];

/** Run `sarbridge admin …` in a child process with `stdin` piped in. */
function sarbridgeAdmin(args: string[], stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, runCommand(ADMIN, 'adminCommand', args), { stdio: 'pipe' });
  child.stdin.end(stdin);
  let stdout = '', stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  child.stdout.on('data', (d) => { stdout += d; });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('adminCommand', () => {
  test('creates an administrator with the password read from stdin, hashed with scrypt', async () => {
    const db = join(dir, 'admin.sqlite');
    const run = await sarbridgeAdmin(['create', '--party', 'KR', '--user', 'kr-admin', '--role', 'smc', '--db', db], 'a good long password\n');
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/created administrator 'kr-admin' of KR \(roles: admin, smc\)/);
    const store = new SqliteStore(db);
    const user = await store.findUser('kr-admin');
    await store.close();
    expect(user).toMatchObject({ party: 'KR', roles: ['admin', 'smc'] });
    expect(await verifyPassword('a good long password', user!.passwordHash)).toBe(true);
  });
  test('refuses a short password, a bad party code and a bad user name, naming them', async () => {
    const db = join(dir, 'refused.sqlite');
    await expect(createAdmin({ db, party: 'KR', userName: 'x1', password: 'short' })).rejects.toThrow('password: must be at least 12 characters');
    await expect(createAdmin({ db, party: 'korea', userName: 'x1', password: 'a good long password' })).rejects.toThrow(/^--party: 'korea' is not a party code/);
    await expect(createAdmin({ db, party: 'KR', userName: 'Kim Lee', password: 'a good long password' })).rejects.toThrow(/^--user: /);
  });
});

describe('setupUrlOf', () => {
  test('is the loopback address when the server listens there, and null when it does not', () => {
    const at = { address: '0.0.0.0', family: 'IPv4', port: 8123 };
    expect(setupUrlOf('127.0.0.1', at)).toBe('http://127.0.0.1:8123/setup');
    expect(setupUrlOf('0.0.0.0', at)).toBe('http://127.0.0.1:8123/setup');
    expect(setupUrlOf('::1', at)).toBe('http://[::1]:8123/setup');
    expect(setupUrlOf('192.168.1.5', at)).toBeNull();
  });
});

describe('serveCommand', () => {
  test('starts on an empty database with the demo exercise and prints the address and the admin hint', async () => {
    const db = join(dir, 'serve.sqlite');
    let health: unknown = null;
    const run = await new Promise<{ stdout: string }>((resolve) => {
      const child = spawn(process.execPath, runCommand(SERVE, 'serveCommand', ['--port', '0', '--db', db]), { stdio: 'pipe' });
      let stdout = '';
      child.stdout.on('data', async (d) => {
        stdout += d;
        const match = /serving on (http:\/\/\S+)/.exec(stdout);
        if (match && /admin create/.test(stdout) && health === null) {
          health = await (await fetch(`${match[1]}/api/health`)).json();
          child.kill('SIGTERM');
        }
      });
      child.on('exit', () => resolve({ stdout }));
    });
    expect(run.stdout).toMatch(/sarbridge is serving on http:\/\/127\.0\.0\.1:\d+ {2}\(storage: .*serve\.sqlite\)/);
    expect(run.stdout).toMatch(/sarbridge admin create --party KR --user <name> --db /);
    expect(run.stdout).toMatch(/http:\/\/127\.0\.0\.1:\d+\/setup {2}\(one-time setup, open only from this machine\)/);
    expect(health).toEqual({ status: 'ok', storage: 'sqlite', database: 'ok', auditLinesFailed: 0, auditLinesWaiting: 0 });
    const store = new SqliteStore(db);
    expect((await store.listCases()).map((c) => c.caseId)).toEqual(['demo-east-sea']);
    await store.close();
  });

  test('--drift-claim-s is a number of seconds from 0.3 to 3600, refused naming the flag before anything starts', async () => {
    for (const bad of ['0', '-3', 'soon', '7200']) {
      await expect(serveCommand().parseAsync(['--drift-claim-s', bad, '--db', join(dir, 'never.sqlite')], { from: 'user' }))
        .rejects.toThrow(new RegExp(`^--drift-claim-s: '${bad}' is not a number of seconds from 0.3 to 3600`));
    }
  });

  test('a port in use is one line naming --port, with no stack', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e',
        `const { main } = await import(${JSON.stringify(MAIN)}); process.exit(await main(process.argv));`,
        'sarbridge', 'serve', '--port', String(port), '--db', join(dir, 'in-use.sqlite')], { stdio: 'pipe' });
      let stderr = '';
      child.stderr.on('data', (d) => { stderr += d; });
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(1);
      expect(stderr.trim()).toMatch(new RegExp(`^sarbridge: --port: ${port} on 127\\.0\\.0\\.1 is in use \\(another sarbridge serve, or another program\\); stop it or give another --port \\(0: any free port\\) \\[SARB_INVALID_INPUT\\]$`));
    } finally {
      blocker.close();
    }
  }, 60_000);
});
