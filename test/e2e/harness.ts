/**
 * The end-to-end harness: the page built by Vite (dist/web), the real server as a child process on
 * a free port with its own SQLite file and accounts, and Debian's Chromium driven by playwright-core
 * (no tool downloads a browser). Tests wait for the page's own flags (`window.sarbridgeApp`, see
 * src/web/test_ids.ts), never for a timer; page errors and console errors are collected and a test
 * fails on one it did not expect. Screenshots go to test/e2e/artifacts/ (not committed).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { AppProbe } from '../../src/web/test_ids.js';
import { TID } from '../../src/web/test_ids.js';

export { TID };
export type { AppProbe };

/** The repository root. */
export const REPO = fileURLToPath(new URL('../../', import.meta.url));
/** Where screenshots are kept (git-ignored). */
export const ARTIFACTS = join(REPO, 'test/e2e/artifacts');
/** The built page. */
export const WEB_DIST = join(REPO, 'dist/web');
const VITE_CONFIG = join(REPO, 'src/web/vite.config.ts');
const CLI_DIR = join(REPO, 'src/app/cli');
/** The cooperation config the tests' server applies (KR and JP, the Liancourt Rocks' names). */
export const AGREEMENT = join(REPO, 'examples/cooperation/korea-japan.yaml');
/** The demo exercise the server puts in an empty database. */
export const DEMO_CASE_ID = 'demo-east-sea';

/** Chromium's path: Debian's package (overridable for other machines). */
export const CHROMIUM = process.env.SARBRIDGE_CHROMIUM ?? '/usr/bin/chromium';
/** The launch flags measured in /work/shared/research/web-app.md §3 (WebGL2 through SwiftShader). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Generous waits: a shared 2-core machine running other suites at the same time. */
export const WAIT_MS = { page: 60_000, drift: 240_000, live: 30_000 } as const;

/** A test account (roles besides admin: smc unless given). */
export interface TestUser { readonly userName: string; readonly party: 'KR' | 'JP'; readonly password: string; readonly roles?: readonly string[] }
export const KR_USER: TestUser = { userName: 'kr-smc', party: 'KR', password: 'kr e2e password long enough' };
export const JP_USER: TestUser = { userName: 'jp-smc', party: 'JP', password: 'jp e2e password long enough' };

// ---------------------------------------------------------------------------------------------
// The page build

/** Newest modification time of any file under `dir` (0 when it does not exist). */
function newestMtimeMs(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtimeMs(path));
    else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether dist/web is missing or older than the sources the page is built from. */
export function webBuildIsStale(): boolean {
  const index = join(WEB_DIST, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return ['src/web', 'src/core', 'src/app', 'src/io', 'data'].some((dir) => newestMtimeMs(join(REPO, dir)) > built);
}

/**
 * Build the page once (`vite build --config src/web/vite.config.ts`) when dist/web is missing or
 * stale. Several test files may ask at once: a lock directory makes one build and the others wait.
 */
export async function ensureWebBuilt(): Promise<void> {
  if (!existsSync(VITE_CONFIG)) throw new Error(`${VITE_CONFIG}: missing; the page cannot be built for the end-to-end tests`);
  mkdirSync(join(REPO, 'dist'), { recursive: true });
  const lock = join(REPO, 'dist/.web-build.lock');
  const started = Date.now();
  for (;;) {
    try { mkdirSync(lock); break; } catch {
      // a lock older than 10 minutes is a crashed build's: take it over
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 600_000) { rmSync(lock, { recursive: true, force: true }); continue; }
      if (Date.now() - started > 600_000) throw new Error(`${lock}: another build has held the lock for 10 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    if (!webBuildIsStale()) return;
    const vite = join(REPO, 'node_modules/vite/bin/vite.js');
    const run = spawnSync(process.execPath, [vite, 'build', '--config', VITE_CONFIG, '--logLevel', 'warn'], { cwd: REPO, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`vite build --config src/web/vite.config.ts failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    if (!existsSync(join(WEB_DIST, 'index.html'))) throw new Error(`vite build wrote no ${join(WEB_DIST, 'index.html')}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// The server

/**
 * Node arguments that run one command from source as `sarbridge <command> …` (as
 * src/app/cli/serve_command.test.ts does: loading only that command starts in about 1 s, the whole
 * CLI through tsx in about 6 s here).
 */
const cliArgs = (command: 'admin' | 'serve', args: readonly string[]) => ['--import', 'tsx', '--input-type=module', '-e',
  `const m = await import(${JSON.stringify(join(CLI_DIR, `${command}_command.ts`))}); await m.${command}Command().parseAsync(process.argv);`, 'sarbridge', ...args];

/** `sarbridge admin create` with the password on stdin; throws with its output when it fails. */
export async function createAccount(db: string, user: TestUser): Promise<void> {
  const roles = (user.roles ?? ['smc']).flatMap((r) => ['--role', r]);
  const child = spawn(process.execPath, cliArgs('admin', ['create', '--party', user.party, '--user', user.userName, ...roles, '--db', db]), { cwd: REPO, stdio: 'pipe' });
  child.stdin.end(`${user.password}\n`);
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`sarbridge admin create --user ${user.userName} exited ${code}:\n${out}`);
}

/** A running `sarbridge serve`. */
export interface E2EServer {
  /** e.g. http://127.0.0.1:40123 */
  readonly url: string;
  readonly db: string;
  readonly child: ChildProcess;
  /** What the server printed so far (stdout and stderr). */
  output(): string;
  /** Kill it at once (SIGKILL: the offline test's "server gone"). */
  kill(): Promise<void>;
  /** Stop it and remove its temporary folder. */
  stop(): Promise<void>;
}

/**
 * Start the real server on a free port with a fresh SQLite file holding the demo exercise and the
 * given accounts (created with the CLI before it starts), applying the KR–JP agreement.
 */
export async function startServer(options: { users?: readonly TestUser[]; agreement?: string | null } = {}): Promise<E2EServer> {
  const dir = mkdtempSync(join(tmpdir(), 'sarbridge-e2e-'));
  const db = join(dir, 'e2e.sqlite');
  for (const user of options.users ?? [KR_USER, JP_USER]) await createAccount(db, user);
  const agreement = options.agreement === undefined ? AGREEMENT : options.agreement;
  const args = ['--db', db, '--port', '0', ...(agreement ? ['--agreement', agreement] : [])];
  const child = spawn(process.execPath, cliArgs('serve', args), { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sarbridge serve printed no address within 60 s:\n${output}`)), 60_000);
    const onData = (d: Buffer) => {
      output += d;
      const match = /serving on (http:\/\/\S+)/.exec(output);
      if (match) { clearTimeout(timer); resolve(match[1]); }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => { output += d; });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`sarbridge serve exited ${code} before serving:\n${output}`)); });
  });
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  return {
    url, db, child, output: () => output, kill,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const forced = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(forced);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The browser

/** Launch Debian's Chromium headless with the measured flags. */
export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM}: no Chromium here (Debian: apt-get install chromium; .ci/run installs it)`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Page errors and console errors of one page. `assertClean()` throws on any page error (an
 * uncaught exception or rejection) or console error not matched by an allowed pattern (per test:
 * the bad-file test expects a refused file). The browser's own "Failed to load resource" lines (any
 * HTTP 4xx/5xx, e.g. GET /api/session before signing in) are kept apart in `failedRequests` and
 * only reported: an answer the page handles is not a fault.
 */
export class PageWatch {
  readonly pageErrors: string[] = [];
  readonly consoleErrors: string[] = [];
  readonly failedRequests: string[] = [];
  private readonly allowed: RegExp[] = [
    /GPU stall due to ReadPixels/,  // SwiftShader's harmless note (research §4.6)
  ];

  constructor(readonly page: Page, readonly label: string) {
    page.on('pageerror', (error) => { this.pageErrors.push(`${error.name}: ${error.message}`); });
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = `${message.text()}${message.location().url ? ` (${message.location().url})` : ''}`;
      (/^Failed to load resource/.test(message.text()) ? this.failedRequests : this.consoleErrors).push(text);
    });
  }

  /** Errors matching `pattern` are expected from now on. */
  allow(pattern: RegExp): void { this.allowed.push(pattern); }

  unexpected(): string[] {
    return [...this.pageErrors.map((e) => `page error: ${e}`), ...this.consoleErrors.map((e) => `console error: ${e}`)]
      .filter((text) => !this.allowed.some((pattern) => pattern.test(text)));
  }

  assertClean(): void {
    const bad = this.unexpected();
    if (bad.length > 0) throw new Error(`${this.label}: ${bad.length} unexpected error(s) in the page:\n  ${bad.join('\n  ')}`);
  }
}

/** One party's browser context and page, watched. */
export interface AppPage { readonly context: BrowserContext; readonly page: Page; readonly watch: PageWatch }

/** The page's probe, or null before the page has set it. */
export function probe(page: Page): Promise<AppProbe | null> {
  return page.evaluate(() => (window as unknown as { sarbridgeApp?: AppProbe }).sarbridgeApp ?? null);
}

/**
 * Wait until `predicate(window.sarbridgeApp)` holds in the page. The predicate runs in the page, so
 * it may use only its argument and `arg`.
 */
export async function waitForApp<A>(page: Page, predicate: (app: AppProbe, arg: A) => boolean, arg?: A, timeoutMs: number = WAIT_MS.page): Promise<void> {
  const source = predicate.toString();
  // an expression string, evaluated by the browser's debugger protocol: no eval in the page (a
  // Content-Security-Policy without 'unsafe-eval' would refuse `new Function`)
  const expression = `(() => { const app = window.sarbridgeApp; return app !== undefined && app !== null && Boolean((${source})(app, ${JSON.stringify(arg ?? null)})); })()`;
  try {
    await page.waitForFunction(expression, undefined, { timeout: timeoutMs, polling: 100 });
  } catch (error) {
    throw new Error(`waiting for window.sarbridgeApp to satisfy ${source} (arg ${JSON.stringify(arg)}): ${(error as Error).message.split('\n')[0]}; ` +
      `the probe is ${JSON.stringify(await probe(page).catch(() => 'unreadable'))}`);
  }
}

/** Sign in through the form and wait for the case list. */
export async function signIn(page: Page, user: TestUser): Promise<void> {
  await page.getByTestId(TID.signinUser).fill(user.userName);
  await page.getByTestId(TID.signinPassword).fill(user.password);
  await page.getByTestId(TID.signinSubmit).click();
  await page.getByTestId(TID.caseList).waitFor({ timeout: WAIT_MS.page });
}

/** Open a case from the case list and wait until its events are loaded and the map has drawn. */
export async function openCase(page: Page, caseId: string = DEMO_CASE_ID): Promise<void> {
  await page.locator(`[data-testid="${TID.caseItem}"][data-case-id="${caseId}"]`).click();
  await waitForApp(page, (app) => app.caseReady);
}

/** Save a screenshot as a test artefact: test/e2e/artifacts/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

// ---------------------------------------------------------------------------------------------
// A test file's fixture

/** What a test file gets from `e2eSuite()`. */
export interface E2ESuite {
  server(): E2EServer;
  browser(): Browser;
  /** A new watched page at the server's address, ready; closed (and checked) after the test. */
  open(label: string, options?: { locale?: string }): Promise<AppPage>;
}

/**
 * Register the hooks of an end-to-end test file: build the page if needed, start a server (demo
 * exercise, the KR and JP accounts, the agreement) and a browser once; after each test, fail it on
 * an unexpected page or console error and close its pages (screenshotting them first if it failed:
 * test/e2e/artifacts/failed-<page label>.png).
 */
export function e2eSuite(options: { agreement?: string | null; users?: readonly TestUser[] } = {}): E2ESuite {
  let server: E2EServer | null = null;
  let browser: Browser | null = null;
  let opened: AppPage[] = [];
  beforeAll(async () => {
    await ensureWebBuilt();
    [server, browser] = await Promise.all([startServer({ agreement: options.agreement, users: options.users }), launchBrowser()]);
  }, 900_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 60_000);
  afterEach(async (context) => {
    const pages = opened;
    opened = [];
    try {
      if (context.task.result?.state === 'fail') {
        for (const app of pages) await screenshot(app.page, `failed-${app.watch.label.replace(/[^A-Za-z0-9_-]+/g, '-')}`).catch(() => undefined);
      }
      for (const app of pages) {
        if (app.watch.failedRequests.length) console.log(`${app.watch.label}: requests the server refused or could not answer:\n  ${app.watch.failedRequests.join('\n  ')}`);
        app.watch.assertClean();
      }
    } finally {
      for (const app of pages) await app.context.close().catch(() => undefined);
    }
  }, 60_000);
  return {
    server: () => { if (!server) throw new Error('the e2e server did not start'); return server; },
    browser: () => { if (!browser) throw new Error('the browser did not start'); return browser; },
    open: async (label, openOptions) => {
      if (!server || !browser) throw new Error('the e2e server or browser did not start');
      const context = await browser.newContext({ viewport: { width: 1024, height: 700 }, locale: openOptions?.locale ?? 'en-US', timezoneId: 'UTC', acceptDownloads: true });
      const page = await context.newPage();
      const app: AppPage = { context, page, watch: new PageWatch(page, label) };
      opened.push(app);
      await page.goto(server.url);
      await waitForApp(page, (probe) => probe.ready);
      return app;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The API, for what a test sets up or checks beside the page

/** Sign in over HTTP; the session token. */
export async function apiToken(server: E2EServer, user: TestUser): Promise<string> {
  const response = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userName: user.userName, password: user.password }) });
  if (!response.ok) throw new Error(`POST /api/session as ${user.userName}: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** Call the API as `token`; the parsed answer, or throws with the server's words. */
export async function apiCall<T>(server: E2EServer, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Append an event to a case as `token`, based on the case's current version. */
export async function appendEvent(server: E2EServer, token: string, caseId: string, event: { type: string; payload: unknown; releasability?: string }): Promise<number> {
  const { events } = await apiCall<{ events: { version: number }[] }>(server, token, 'GET', `/api/cases/${caseId}/events?afterVersion=0`);
  const basedOnVersion = events.length ? events[events.length - 1].version : 0;
  const answer = await apiCall<{ event: { version: number } }>(server, token, 'POST', `/api/cases/${caseId}/events`, { ...event, basedOnVersion });
  return answer.event.version;
}

// ---------------------------------------------------------------------------------------------
// Forms

/** A latitude or longitude as sailors write it: degrees, minutes, hemisphere. */
export type DegMin<H extends string> = readonly [deg: number, min: number, hemisphere: H];

/** Type a position into the report form, latitude first. */
export async function typePosition(page: Page, lat: DegMin<'N' | 'S'>, lon: DegMin<'E' | 'W'>): Promise<void> {
  await page.getByTestId(TID.latDeg).fill(String(lat[0]));
  await page.getByTestId(TID.latMin).fill(String(lat[1]));
  await page.getByTestId(TID.latHem).selectOption(lat[2]);
  await page.getByTestId(TID.lonDeg).fill(String(lon[0]));
  await page.getByTestId(TID.lonMin).fill(String(lon[1]));
  await page.getByTestId(TID.lonHem).selectOption(lon[2]);
}

/** The demo's time (its SYNTHETIC forcing covers 10 March 2026) and a sea position west of the rocks. */
export const DEMO_REPORT = { time: '2026-03-10 06:00', lat: [37, 14, 'N'] as DegMin<'N'>, lon: [131, 15, 'E'] as DegMin<'E'> };

/** Fill in the Report tab's form and submit it (unless `submit: false`: the test clicks TID.reportSubmit itself). */
export async function enterReport(page: Page, report: { text: string; lat?: DegMin<'N' | 'S'>; lon?: DegMin<'E' | 'W'>; time?: string; submit?: boolean }): Promise<void> {
  await page.getByTestId(TID.tabReport).click();
  await page.getByTestId(TID.reportText).fill(report.text);
  await typePosition(page, report.lat ?? DEMO_REPORT.lat, report.lon ?? DEMO_REPORT.lon);
  await page.getByTestId(TID.reportTime).fill(report.time ?? DEMO_REPORT.time);
  if (report.submit !== false) await page.getByTestId(TID.reportSubmit).click();
}
