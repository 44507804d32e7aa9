import { pathToFileURL } from 'node:url';
import type { CooperationConfig } from '../../core/cooperation/index.js';
import { openStore, redactUrl, type SarbridgeStore } from '../../io/storage/index.js';
import { buildApp, type SarbridgeApp } from './app.js';
import { seedDemoData } from './demo_data.js';

/** Where and on what the server runs. */
export interface ServeOptions {
  /** SQLite path or postgres:// URL. */
  readonly db: string;
  readonly host: string;
  readonly port: number;
  /** Put the demo case in an empty store. */
  readonly demo: boolean;
  /** A cooperation config whose rules every issued plan must satisfy. */
  readonly agreement?: CooperationConfig | null;
  /** What the server logs (JSON lines on stdout): every 500 with its cause at 'error'; default 'warn'. */
  readonly logLevel?: LogLevel;
  /** Drift worker threads (default os.availableParallelism()) and runs each party may queue (default 8). */
  readonly driftWorkers?: number;
  readonly driftQueuePerParty?: number;
  /** How often accepted drift runs' claims are renewed, ms (default 10 s): a dead server's runs are taken over after three times this. */
  readonly driftClaimRenewMs?: number;
}

/** Levels of `serve --log-level` (pino's, as Fastify logs). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A running server: its address, and how to stop it. */
export interface RunningServer {
  readonly url: string;
  readonly app: SarbridgeApp;
  readonly store: SarbridgeStore;
  close(): Promise<void>;
}

/** Open the store, build the app and listen (nothing else: the app is built in app.ts). */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const store = await openStore(options.db);
  if (options.demo) await seedDemoData(store);
  const limits = {
    ...(options.driftWorkers !== undefined ? { driftWorkers: options.driftWorkers } : {}),
    ...(options.driftQueuePerParty !== undefined ? { driftQueuePerParty: options.driftQueuePerParty } : {}),
    ...(options.driftClaimRenewMs !== undefined ? { driftClaimRenewMs: options.driftClaimRenewMs } : {}),
  };
  const app = await buildApp({ store, agreement: options.agreement ?? null, logger: { level: options.logLevel ?? 'warn' }, limits });
  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`, app, store,
    close: async () => { await app.close(); await store.close(); },
  };
}

/** Describe a store location for a log line, without a password. */
export const describeDb = (db: string): string => (/^postgres/i.test(db) ? redactUrl(db) : db);

// Run directly (tests spawn it as a child process): configured by environment variables.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await startServer({
    db: process.env.SARBRIDGE_DB ?? 'var/sarbridge.sqlite',
    host: process.env.SARBRIDGE_HOST ?? '127.0.0.1',
    port: Number(process.env.SARBRIDGE_PORT ?? 8080),
    demo: process.env.SARBRIDGE_DEMO !== '0',
    logLevel: (process.env.SARBRIDGE_LOG_LEVEL as LogLevel | undefined) ?? 'warn',
    ...(process.env.SARBRIDGE_DRIFT_WORKERS ? { driftWorkers: Number(process.env.SARBRIDGE_DRIFT_WORKERS) } : {}),
    ...(process.env.SARBRIDGE_DRIFT_QUEUE ? { driftQueuePerParty: Number(process.env.SARBRIDGE_DRIFT_QUEUE) } : {}),
  });
  console.log(`sarbridge listening on ${server.url}`);
  const stop = () => { void server.close().then(() => process.exit(0)); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
