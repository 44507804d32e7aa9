/**
 * `window.sarbridgeApp`: what the page tells tests and benchmarks (test_ids.ts, AppProbe), so they
 * wait for application states, never for timers. Also the hooks the benchmark drives.
 */
import type { AppProbe } from './test_ids.js';

/** Hooks a benchmark may call on the open case's map. */
export interface BenchHooks {
  /** Show or hide the particle layer (the basemap-only baseline). */
  setParticlesVisible(visible: boolean): void;
  /** Frames per second over `ms`, the cloud animating (or the map repainting, when hidden). */
  measureFps(ms: number): Promise<{ fps: number; frames: number; jsRenderMsP50: number }>;
  /** The particle count of the next drift (0: the planning inputs' own). */
  setParticles(count: number): void;
  /** Where the map looks: centre (lon, lat), zoom. */
  view(): { lonDeg: number; latDeg: number; zoom: number } | null;
  /** What the map draws of the drift: which map (a count of maps made), the output time of the cloud, whether a POC image is shown. */
  drawn(): { map: number; timeIndex: number; pocShown: boolean; particlesShown: boolean } | null;
}

declare global {
  interface Window { sarbridgeApp: AppProbe & { bench?: BenchHooks; lastError?: string; timings?: Record<string, number> } }
}

export const probe: Window['sarbridgeApp'] = (window.sarbridgeApp = {
  ready: false, caseReady: false, driftsDone: 0, plansDone: 0, renderer: 'none', offlineReady: false, liveEvents: 0, timings: {},
});
