import type { Server } from 'node:net';
import { availableParallelism } from 'node:os';
import { Command, Option } from 'commander';
import type { LogLevel } from '../server/main.js';
import { COMMAND_DESCRIPTIONS } from './commands.js';
import { threadCount, wholeNumberBetween } from './option_values.js';
import { InvalidInputError } from '../../core/errors.js';
import { loadCooperationConfig } from '../../io/cooperation/index.js';
import { DEFAULT_SQLITE_PATH } from '../../io/storage/default_location.js';

interface ServeOptions { db: string; host: string; port: string; demo: boolean; agreement?: string; logLevel: string; driftWorkers?: string; driftQueue: string; driftClaimS: string }

/**
 * The one-time setup page's address on the loopback, or null when the server does not listen there
 * (a host that is neither a loopback address nor every interface).
 */
export function setupUrlOf(host: string, address: ReturnType<Server['address']>): string | null {
  if (!address || typeof address !== 'object') return null;
  const loopback = /^127\./.test(host) || host === '::1' || host === 'localhost';
  const everywhere = host === '0.0.0.0' || host === '::' || host === '';
  if (!loopback && !everywhere) return null;
  return host === '::1' ? `http://[::1]:${address.port}/setup` : `http://127.0.0.1:${address.port}/setup`;
}

/** `sarbridge serve`: the shared case log, live picture and API (SQLite file by default, or PostgreSQL). */
export function serveCommand(): Command {
  return new Command('serve')
    .description(COMMAND_DESCRIPTIONS.serve)
    .option('--db <path|url>', 'SQLite file, or postgres://user@host:port/db (the password from PGPASSWORD or ~/.pgpass)', process.env.SARBRIDGE_DB ?? DEFAULT_SQLITE_PATH)
    .option('--host <address>', 'address to listen on (127.0.0.1: this machine only)', '127.0.0.1')
    .option('--port <port>', 'TCP port (0: any free port)', '8080')
    .option('--no-demo', 'do not put the demo exercise in an empty database')
    .addOption(new Option('--log-level <level>', 'what the server logs on stdout as JSON lines (every unexpected failure with its cause at error)')
      .choices(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'))
    .option('--drift-workers <n>', `worker threads for drift runs (default: one per core but one, which answers requests: ${Math.max(1, availableParallelism() - 1)} here)`)
    .option('--drift-queue <n>', 'drift runs each party may have waiting for a worker; one more answers 503 with Retry-After', '8')
    .option('--drift-claim-s <s>', "how long this server's claim on an accepted drift run lasts unless renewed (every third of it): a server that dies leaves its runs to another after this long", '30')
    .option('--agreement <config>', "a cooperation config (e.g. examples/cooperation/korea-japan.yaml): every issued plan must satisfy its rules, its notifications acknowledged")
    .action(async (options: ServeOptions) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidInputError('--port', `'${options.port}' is not a TCP port (0-65535)`);
      const driftWorkers = options.driftWorkers === undefined ? undefined : threadCount(options.driftWorkers, '--drift-workers');
      const driftQueuePerParty = wholeNumberBetween(options.driftQueue, '--drift-queue', 0, 1024);
      const driftClaimS = Number(options.driftClaimS);
      if (!Number.isFinite(driftClaimS) || driftClaimS < 0.3 || driftClaimS > 3600) throw new InvalidInputError('--drift-claim-s', `'${options.driftClaimS}' is not a number of seconds from 0.3 to 3600`);
      // loaded here, not at CLI start: the server's modules are not needed by the other commands
      const agreement = options.agreement === undefined ? null : loadCooperationConfig(options.agreement);
      const { describeDb, startServer } = await import('../server/index.js');
      const server = await startServer({ db: options.db, host: options.host, port, demo: options.demo, agreement, logLevel: options.logLevel as LogLevel, driftWorkers, driftQueuePerParty, driftClaimRenewMs: (driftClaimS * 1000) / 3 }).catch((error: NodeJS.ErrnoException) => {
        if (error?.code === 'EADDRINUSE') {
          throw new InvalidInputError('--port', `${port} on ${options.host} is in use (another sarbridge serve, or another program); stop it or give another --port (0: any free port)`);
        }
        if (error?.code === 'EACCES') throw new InvalidInputError('--port', `${port} on ${options.host} may not be opened by this user (ports below 1024 need privileges); give a port from 1024`);
        if (error?.code === 'EADDRNOTAVAIL') throw new InvalidInputError('--host', `${options.host} is not an address of this machine`);
        throw error;
      });
      const users = await server.store.listUsers();
      console.log(`sarbridge is serving on ${server.url}  (storage: ${describeDb(options.db)})`);
      console.log(`  open ${server.url}/openapi.json for the API; live updates: ws://…/api/cases/<caseId>/live`);
      if (agreement) console.log(`  plans are checked against ${agreement.agreement.title} (${options.agreement}) before they are issued`);
      if (users.length === 0) {
        const setupUrl = setupUrlOf(options.host, server.app.server.address());
        console.log('  no accounts yet: create the first administrator of each party' +
          (setupUrl ? ` on this machine at\n    ${setupUrl}  (one-time setup, open only from this machine)\n  or with` : ' with'));
        console.log(`    sarbridge admin create --party KR --user <name>${options.db === DEFAULT_SQLITE_PATH ? '' : ` --db ${options.db}`}`);
      }
      const stop = () => { void server.close().then(() => process.exit(0)); };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
