import { existsSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Files the browser must check on every load: the page and the service worker (so an update is seen). */
const NO_CACHE_FILES = new Set(['index.html', 'sw.js']);
/** Vite names the files under assets/ by their content hash: they never change under one name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The browser application (`npm run build:web` builds src/web/ into `webRoot`, dist/web by
 * default): index.html and sw.js are revalidated on each load, hashed /assets/* are cached for a
 * year, and a GET of an unknown path without a file extension outside /api answers index.html
 * (the page routes itself: /cases/…, /setup). Without a built index.html, `/` and /setup show a
 * short page saying so. /api/* and /openapi.json keep their own routes and 404s.
 */
export async function registerWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  const indexPath = join(webRoot, 'index.html');
  const built = () => existsSync(indexPath);
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    index: false,
    wildcard: true,
    // @fastify/static 10 hands the Fastify reply (not the raw response) to setHeaders
    setHeaders: (reply: FastifyReply, path: string) => {
      const rel = relative(webRoot, path);
      if (NO_CACHE_FILES.has(rel)) reply.header('cache-control', 'no-cache');
      else if (rel.startsWith(`assets${sep}`)) reply.header('cache-control', IMMUTABLE);
    },
  } as Parameters<typeof fastifyStatic>[1]);

  const sendIndex = (reply: FastifyReply) => reply.header('cache-control', 'no-cache').sendFile('index.html');
  const sendLanding = (reply: FastifyReply) => reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(LANDING_PAGE);

  app.get('/', { schema: { hide: true } }, async (_request, reply) => (built() ? sendIndex(reply) : sendLanding(reply)));

  app.setNotFoundHandler(async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0];
    const pageRoute = (request.method === 'GET' || request.method === 'HEAD') && !path.startsWith('/api/') && path !== '/api' &&
      path !== '/openapi.json' && !basename(path).includes('.');
    if (pageRoute && built()) return sendIndex(reply);
    if (pageRoute && path === '/setup') return sendLanding(reply);   // the setup hint `serve` prints, before the page is built
    // Fastify's own 404, as before the page was served
    return reply.code(404).send({ statusCode: 404, code: 'SARB_NOT_FOUND', error: 'Not Found', message: `no route ${request.method} ${path.slice(0, 200)} (GET /openapi.json lists them)` });
  });
}

/** What `/` shows while the browser application is not built. */
export const LANDING_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>sarbridge server</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 44em; margin: 2em auto; line-height: 1.5">
<h1>sarbridge server</h1>
<p>The server is running, but the browser application (live map and planner) is not built on
this machine: run <code>npm run build:web</code> (or <code>npm start</code>, which builds what
changed) and reload. Meanwhile the server offers the case log, live updates and drift runs through
its HTTP and WebSocket API.</p>
<ul>
<li><a href="/openapi.json">/openapi.json</a>: the API (OpenAPI 3), every route with its schema.</li>
<li><a href="/api/health">/api/health</a>: health.</li>
<li>Sign in: <code>POST /api/session</code> with <code>{"userName", "password"}</code>.</li>
<li>The first account of a party: from this machine only, <code>POST /api/setup</code> with
<code>{"party", "userName", "password"}</code> (<code>GET /api/setup</code> says which parties have
accounts), or <code>sarbridge admin create --party KR --user NAME</code>; there is no default password.</li>
<li>The demo exercise <code>demo-east-sea</code> runs on SYNTHETIC East Sea forcing (never a forecast).</li>
</ul>
</body></html>
`;
