import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SqliteStore } from '../../io/storage/index.js';
import { buildApp, type SarbridgeApp } from './app.js';

const INDEX = '<!doctype html><title>sarbridge</title><script type="module" src="/assets/index-3f2a9c.js"></script>';
let dir: string;
let app: SarbridgeApp;
let store: SqliteStore;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sarbridge-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("install", () => {});');
  writeFileSync(join(dir, 'assets', 'index-3f2a9c.js'), 'console.log("app");');
  writeFileSync(join(dir, 'manifest.webmanifest'), '{"name":"sarbridge"}');
  store = new SqliteStore(':memory:');
  app = await buildApp({ store, webRoot: dir });
});
afterAll(async () => { await app.close(); await store.close(); rmSync(dir, { recursive: true, force: true }); });

describe('the browser application', () => {
  test('/ answers index.html, revalidated on every load', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toBe(INDEX);
    const direct = await app.inject({ method: 'GET', url: '/index.html' });
    expect(direct.body).toBe(INDEX);
    expect(direct.headers['cache-control']).toBe('no-cache');
  });
  test('the service worker is revalidated; hashed assets are immutable for a year; other files get the default', async () => {
    const sw = await app.inject({ method: 'GET', url: '/sw.js' });
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['cache-control']).toBe('no-cache');
    expect(sw.headers['content-type']).toMatch(/javascript/);
    const asset = await app.inject({ method: 'GET', url: '/assets/index-3f2a9c.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log("app");');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const manifest = await app.inject({ method: 'GET', url: '/manifest.webmanifest' });
    expect(manifest.statusCode).toBe(200);
    expect(manifest.headers['cache-control']).not.toMatch(/immutable|no-cache/);
  });
  test('a page route without a file extension answers index.html (the page routes itself)', async () => {
    for (const url of ['/cases/demo-east-sea', '/setup', '/cases/x/plan?tab=units']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toBe(INDEX);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });
  test('a missing file, /api/* and POST stay 404; /api and /openapi.json keep their routes', async () => {
    expect((await app.inject({ method: 'GET', url: '/assets/missing-1234.js' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/favicon.ico' })).statusCode).toBe(404);
    const api = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toEqual({ statusCode: 404, code: 'SARB_NOT_FOUND', error: 'Not Found', message: 'no route GET /api/nothing-here (GET /openapi.json lists them)' });
    expect((await app.inject({ method: 'POST', url: '/cases/x', payload: {} })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/health' })).json().status).toBe('ok');
    const doc = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(doc.json().openapi).toMatch(/^3\./);
    expect(Object.keys(doc.json().paths).some((p) => !p.startsWith('/api/'))).toBe(false);
  });
  test('a path climbing out of the web root is refused', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/..%2F..%2F..%2Fetc%2Fpasswd' });
    expect(res.statusCode).not.toBe(200);
  });
});
