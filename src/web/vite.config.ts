/**
 * The browser application's build: Vite bundles src/web into dist/web, which `sarbridge serve`
 * serves at `/`. The planner Worker is an ES module worker; h5wasm lands in its own chunk, loaded
 * by the Worker only. The service worker (Workbox through vite-plugin-pwa) precaches the shell,
 * the Worker, h5wasm, the demo forcing and the coastline, so a case already opened can be drifted
 * and planned with the network cut and the server stopped (docs/architecture.md, "The browser").
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // MapLibre (1.1 MB) and h5wasm (4.8 MB, the Worker's NetCDF4 reader) are large by nature
    chunkSizeWarningLimit: 6000,
    sourcemap: false,
  },
  worker: { format: 'es' },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  server: { proxy: { '/api': { target: 'http://127.0.0.1:8080', ws: true } } },
  plugins: [
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,mjs,css,html,nc,json,DAT,woff2}'],
        // the h5wasm chunk is about 4.8 MB; Workbox refuses anything over its 2 MiB default
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // the first visit must be controlled, or a reload offline finds no service worker
        clientsClaim: true,
        skipWaiting: true,
        sourcemap: false,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/openapi\.json/],
        runtimeCaching: [
          // uploaded forcing files are immutable (named by their SHA-256): keep them for offline runs; but only a shared one, which the
          // server sends with exactly this Cache-Control (app/server/forcing_routes.ts FORCING_IMMUTABLE): a withheld truth forcing,
          // sent no-store to its controllers, must stay on no device where the next user could be a player
          { urlPattern: /\/api\/forcing\/[0-9a-f]{64}$/, handler: 'CacheFirst', options: { cacheName: 'sarbridge-forcing', expiration: { maxEntries: 40 },
            cacheableResponse: { statuses: [200], headers: { 'cache-control': 'private, max-age=31536000, immutable' } } } },
        ],
      },
    }),
  ],
});
