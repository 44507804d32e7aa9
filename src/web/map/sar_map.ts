/**
 * The coordinators' map: MapLibre with a style that names no URL at all (offline by
 * construction): sea, Natural Earth land (world-atlas, filled), the project's GSHHG full-resolution
 * shoreline (which has the Liancourt Rocks, absent from Natural Earth), labels in local fonts (no
 * glyph server; CJK from the system's Noto CJK). Over it: SRRs, contested features with their
 * 12 NM circles, the POC image and containment contours, the drift cloud (a custom WebGL2 layer),
 * the datum track, the plan's areas and routes, the IAMSAR baseline, units and reports; in an
 * exercise the released injects and detections, and for exercise control alone the truth track.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import { ParticleLayer, type ParticleRenderer } from './particle_layer.js';
import type { DriftView, PocView } from '../planner/protocol.js';

maplibregl.setWorkerUrl(workerUrl);

/** Local font families for labels, Latin first then CJK (Debian fonts-noto-cjk). */
export const LABEL_FONTS = ['Noto Sans CJK KR', 'Noto Sans CJK JP', 'Noto Sans', 'DejaVu Sans', 'sans-serif'];

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

let mapsMade = 0;

/** The palette of the map's own layers, day and night (a dim bridge wants no white). */
const PALETTES = {
  day: { sea: '#cfe3f3', land: '#ebe5d3', shore: '#6c6048', label: '#222', halo: '#ffffff', srr: '#1d4f91', plan: '#0b7a3b', baseline: '#7a4b00', datum: '#000000', unit: '#5b2a86' },
  night: { sea: '#0b1622', land: '#1d1b16', shore: '#7f7460', label: '#d9c9a8', halo: '#000000', srr: '#5b8bd0', plan: '#39c07a', baseline: '#c99a4a', datum: '#e6d6b0', unit: '#c59be6' },
} as const;

export type Palette = keyof typeof PALETTES;

/** What the map can be told to show; each setter replaces one layer group's data. */
export class SarMap {
  readonly map: maplibregl.Map;
  readonly particles = new ParticleLayer();
  private poc: PocView | null = null;
  /** Which map this is, counting those made in the page (a palette switch makes a new one). */
  readonly serial = ++mapsMade;
  private loaded: Promise<void>;

  constructor(container: HTMLElement, palette: Palette) {
    const p = PALETTES[palette];
    this.map = new maplibregl.Map({
      container,
      style: {
        version: 8,
        // no "glyphs": MapLibre draws labels with local fonts; no "sprite"; no source URL
        sources: {
          land: { type: 'geojson', data: EMPTY },
          shoreline: { type: 'geojson', data: EMPTY },
          cooperation: { type: 'geojson', data: EMPTY },
          contours: { type: 'geojson', data: EMPTY },
          datum: { type: 'geojson', data: EMPTY },
          plan: { type: 'geojson', data: EMPTY },
          units: { type: 'geojson', data: EMPTY },
          reports: { type: 'geojson', data: EMPTY },
          preview: { type: 'geojson', data: EMPTY },
          // an exercise: what the players see (released injects, detections) and, for exercise control only, the truth
          exercise: { type: 'geojson', data: EMPTY },
          control: { type: 'geojson', data: EMPTY },
        },
        layers: [
          { id: 'sea', type: 'background', paint: { 'background-color': p.sea } },
          { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': p.land } },
          { id: 'shoreline', type: 'line', source: 'shoreline', paint: { 'line-color': p.shore, 'line-width': 0.8 } },
          { id: 'srr', type: 'line', source: 'cooperation', filter: ['==', ['get', 'layer'], 'srr'],
            paint: { 'line-color': p.srr, 'line-width': 1.5, 'line-dasharray': [6, 3] } },
          { id: 'contested-circle', type: 'line', source: 'cooperation', filter: ['==', ['get', 'layer'], 'contested-circle'],
            paint: { 'line-color': '#c0392b', 'line-width': 1.2, 'line-dasharray': [4, 2] } },
          { id: 'contours', type: 'line', source: 'contours',
            paint: { 'line-color': ['case', ['==', ['get', 'containment'], 0.5], '#b3001b', '#e67e22'], 'line-width': 2 } },
          { id: 'baseline-areas', type: 'line', source: 'plan', filter: ['==', ['get', 'kind'], 'iamsarBaselineArea'],
            layout: { visibility: 'none' }, paint: { 'line-color': p.baseline, 'line-width': 1.5, 'line-dasharray': [2, 2] } },
          { id: 'plan-areas', type: 'fill', source: 'plan', filter: ['==', ['get', 'kind'], 'area'],
            paint: { 'fill-color': p.plan, 'fill-opacity': 0.08 } },
          { id: 'plan-area-edges', type: 'line', source: 'plan', filter: ['==', ['get', 'kind'], 'area'],
            paint: { 'line-color': p.plan, 'line-width': 2 } },
          { id: 'plan-routes', type: 'line', source: 'plan', filter: ['==', ['geometry-type'], 'LineString'],
            paint: { 'line-color': p.plan, 'line-width': 1, 'line-opacity': 0.8 } },
          { id: 'datum-track', type: 'line', source: 'datum', filter: ['==', ['geometry-type'], 'LineString'],
            paint: { 'line-color': p.datum, 'line-width': 1.5, 'line-dasharray': [1, 1] } },
          { id: 'datum-points', type: 'circle', source: 'datum', filter: ['==', ['geometry-type'], 'Point'],
            paint: { 'circle-radius': 4, 'circle-color': p.datum, 'circle-stroke-color': p.halo, 'circle-stroke-width': 1 } },
          { id: 'reports', type: 'circle', source: 'reports',
            // a retracted report stays where it was, dimmed; a corrected one is drawn at its correction, ringed white
            paint: { 'circle-radius': 6, 'circle-color': '#ff9800', 'circle-opacity': ['case', ['get', 'retracted'], 0.25, 1],
              'circle-stroke-color': ['case', ['get', 'corrected'], p.halo, p.datum], 'circle-stroke-width': ['case', ['get', 'corrected'], 2.5, 1.5],
              'circle-stroke-opacity': ['case', ['get', 'retracted'], 0.3, 1] } },
          { id: 'unit-tracks', type: 'line', source: 'units', filter: ['==', ['geometry-type'], 'LineString'],
            paint: { 'line-color': p.unit, 'line-width': 1.5, 'line-opacity': 0.7 } },
          { id: 'units', type: 'circle', source: 'units', filter: ['==', ['geometry-type'], 'Point'],
            paint: { 'circle-radius': 5, 'circle-color': p.unit, 'circle-stroke-color': p.halo, 'circle-stroke-width': 1.5 } },
          { id: 'control-searches', type: 'line', source: 'control', filter: ['==', ['get', 'layer'], 'search'],
            paint: { 'line-color': ['case', ['get', 'hit'], '#e60000', '#7f8c8d'], 'line-width': 2, 'line-opacity': 0.8 } },
          { id: 'control-truth', type: 'line', source: 'control', filter: ['==', ['get', 'layer'], 'truth'],
            paint: { 'line-color': '#d4006a', 'line-width': 2.5, 'line-dasharray': [3, 1.5] } },
          { id: 'control-points', type: 'circle', source: 'control', filter: ['==', ['geometry-type'], 'Point'],
            paint: { 'circle-radius': 5, 'circle-color': ['case', ['==', ['get', 'layer'], 'hit'], '#e60000', '#d4006a'], 'circle-stroke-color': p.halo, 'circle-stroke-width': 1.5 } },
          { id: 'exercise-points', type: 'circle', source: 'exercise', filter: ['==', ['geometry-type'], 'Point'],
            paint: { 'circle-radius': ['case', ['==', ['get', 'layer'], 'detection'], 9, 6], 'circle-color': ['case', ['==', ['get', 'layer'], 'detection'], '#e60000', '#8e44ad'],
              'circle-stroke-color': p.halo, 'circle-stroke-width': 2 } },
          { id: 'preview', type: 'circle', source: 'preview',
            paint: { 'circle-radius': 8, 'circle-color': ['case', ['get', 'onLand'], '#d00000', '#00a0ff'], 'circle-opacity': 0.6, 'circle-stroke-color': p.datum, 'circle-stroke-width': 2 } },
          { id: 'places', type: 'circle', source: 'cooperation', filter: ['==', ['get', 'layer'], 'place'],
            paint: { 'circle-radius': 3, 'circle-color': ['case', ['get', 'contested'], '#c0392b', p.shore] } },
          { id: 'labels', type: 'symbol', source: 'cooperation', filter: ['==', ['get', 'layer'], 'place'],
            layout: { 'text-field': ['get', 'name'], 'text-font': LABEL_FONTS, 'text-size': 13, 'text-offset': [0, 1.1], 'text-anchor': 'top', 'text-allow-overlap': true },
            paint: { 'text-color': p.label, 'text-halo-color': p.halo, 'text-halo-width': 1.5 } },
          { id: 'unit-labels', type: 'symbol', source: 'units', filter: ['==', ['geometry-type'], 'Point'],
            layout: { 'text-field': ['get', 'label'], 'text-font': LABEL_FONTS, 'text-size': 12, 'text-offset': [0, -1.2], 'text-anchor': 'bottom' },
            paint: { 'text-color': p.unit, 'text-halo-color': p.halo, 'text-halo-width': 1.5 } },
          { id: 'exercise-labels', type: 'symbol', source: 'exercise', filter: ['==', ['geometry-type'], 'Point'],
            layout: { 'text-field': ['get', 'label'], 'text-font': LABEL_FONTS, 'text-size': 12, 'text-offset': [0, 1.2], 'text-anchor': 'top' },
            paint: { 'text-color': ['case', ['==', ['get', 'layer'], 'detection'], '#b00000', '#6c3483'], 'text-halo-color': p.halo, 'text-halo-width': 1.5 } },
          { id: 'control-labels', type: 'symbol', source: 'control', filter: ['==', ['geometry-type'], 'Point'],
            layout: { 'text-field': ['get', 'label'], 'text-font': LABEL_FONTS, 'text-size': 11, 'text-offset': [0, -1.1], 'text-anchor': 'bottom' },
            paint: { 'text-color': '#a0004f', 'text-halo-color': p.halo, 'text-halo-width': 1.5 } },
          { id: 'plan-labels', type: 'symbol', source: 'plan', filter: ['==', ['get', 'kind'], 'area'],
            layout: { 'text-field': ['get', 'label'], 'text-font': LABEL_FONTS, 'text-size': 12 },
            paint: { 'text-color': p.plan, 'text-halo-color': p.halo, 'text-halo-width': 1.5 } },
        ],
      },
      center: [131.3, 37.3],
      zoom: 7,
      fadeDuration: 0,
      attributionControl: { compact: true, customAttribution: 'Land: Natural Earth · Shoreline: GSHHG 2.3.7 (LGPL)' },
      localIdeographFontFamily: "'Noto Sans CJK KR', 'Noto Sans CJK JP', sans-serif",
    });
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'nautical' }), 'bottom-left');
    this.loaded = new Promise((resolve) => this.map.once('load', () => resolve()));
    void this.loaded.then(() => {
      this.map.addLayer(this.particles, 'datum-track');
      this.particles.setNight(palette === 'night');
    });
  }

  /** What it draws of the drift (a test hook, BenchHooks.drawn). */
  drawn(): { map: number; timeIndex: number; pocShown: boolean; particlesShown: boolean } {
    return { map: this.serial, timeIndex: this.particles.timeIndex, pocShown: this.poc !== null, particlesShown: this.particles.isVisible };
  }

  /** Resolves when the style has loaded (every source exists). */
  whenLoaded(): Promise<void> { return this.loaded; }

  private async data(source: string, data: FeatureCollection | unknown): Promise<void> {
    await this.loaded;
    (this.map.getSource(source) as maplibregl.GeoJSONSource | undefined)?.setData(data as FeatureCollection);
  }

  setLand(land: FeatureCollection): Promise<void> { return this.data('land', land); }
  setShoreline(shoreline: unknown): Promise<void> { return this.data('shoreline', { type: 'FeatureCollection', features: [shoreline] }); }
  setCooperation(features: FeatureCollection): Promise<void> { return this.data('cooperation', features); }
  setUnits(features: FeatureCollection): Promise<void> { return this.data('units', features); }
  setReports(features: FeatureCollection): Promise<void> { return this.data('reports', features); }
  setPlan(features: FeatureCollection | null): Promise<void> { return this.data('plan', features ?? EMPTY); }
  setDatum(features: FeatureCollection | null): Promise<void> { return this.data('datum', features ?? EMPTY); }
  /** An exercise as the players see it: released injects with a position, detections (`layer`: inject | detection). */
  setExercise(features: FeatureCollection | null): Promise<void> { return this.data('exercise', features ?? EMPTY); }
  /** Exercise control's layer (controllers only): the truth track, the searches drawn (hit or miss), the hits. */
  setControl(features: FeatureCollection | null): Promise<void> { return this.data('control', features ?? EMPTY); }

  /** The position being typed, red when it is on land. */
  setPreview(position: { lonDeg: number; latDeg: number; onLand: boolean } | null): Promise<void> {
    return this.data('preview', position === null ? EMPTY : {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [position.lonDeg, position.latDeg] }, properties: { onLand: position.onLand } }],
    });
  }

  async showBaseline(visible: boolean): Promise<void> {
    await this.loaded;
    this.map.setLayoutProperty('baseline-areas', 'visibility', visible ? 'visible' : 'none');
  }

  setDrift(drift: DriftView | null): void { this.particles.setDrift(drift); }
  setTime(index: number): void { this.particles.setTime(index); }
  setRenderer(renderer: ParticleRenderer | null): void { this.particles.setRenderer(renderer); }

  /** The POC grid as an image (replaced in place when the grid keeps its size and corners). */
  async setPoc(poc: PocView | null): Promise<void> {
    await this.loaded;
    const m = this.map;
    await this.data('contours', poc?.contours ?? EMPTY);
    if (poc === null) {
      if (m.getLayer('poc')) m.removeLayer('poc');
      if (m.getSource('poc')) m.removeSource('poc');
      this.poc = null;
      return;
    }
    const image = new ImageData(new Uint8ClampedArray(poc.rgba), poc.width, poc.height);
    const coordinates = poc.corners.map((c) => [c[0], c[1]]) as [[number, number], [number, number], [number, number], [number, number]];
    const source = m.getSource('poc') as maplibregl.ImageSource | undefined;
    if (source && this.poc && this.poc.width === poc.width && this.poc.height === poc.height) {
      source.updateImage({ image: image as unknown as HTMLImageElement, coordinates } as never);
    } else {
      if (m.getLayer('poc')) m.removeLayer('poc');
      if (m.getSource('poc')) m.removeSource('poc');
      const canvas = document.createElement('canvas');
      canvas.width = poc.width; canvas.height = poc.height;
      canvas.getContext('2d')!.putImageData(image, 0, 0);
      m.addSource('poc', { type: 'image', url: canvas.toDataURL(), coordinates });
      m.addLayer({ id: 'poc', type: 'raster', source: 'poc', paint: { 'raster-opacity': 0.75, 'raster-resampling': 'nearest', 'raster-fade-duration': 0 } }, 'contours');
    }
    this.poc = poc;
  }

  /** Frame a box, degrees. */
  fitTo(b: { westDeg: number; southDeg: number; eastDeg: number; northDeg: number }): void {
    if (!(b.eastDeg >= b.westDeg && b.northDeg >= b.southDeg)) return;
    this.map.fitBounds([[b.westDeg, b.southDeg], [b.eastDeg, b.northDeg]], { padding: 60, maxZoom: 11, duration: 0 });
  }

  remove(): void { this.map.remove(); }
}
