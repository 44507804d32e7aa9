/**
 * The drift cloud as a MapLibre custom WebGL2 layer, drawn straight from the Worker's typed arrays
 * (no GeoJSON, no object per particle). Two paths, chosen at start-up from the renderer:
 *
 * - `gpu`: every output time sits in one vertex buffer, uploaded once; a frame binds two output
 *   times as attributes and the vertex shader mixes them, so animating uploads nothing.
 * - `cpu`: software renderers (SwiftShader, llvmpipe) pay per primitive, so the points are
 *   projected and binned into a screen-size image in JavaScript and drawn as one textured quad
 *   (measured in ../shared/research/web-app.md §3.3: 0.98 of the basemap's frame rate against 0.2-0.4
 *   for points in SwiftShader). Hand-written hot loop: a library would add a copy per frame.
 *
 * Colours by status: adrift, stranded, outside forcing; particles not yet released are not drawn.
 */
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl';
import type { DriftView } from '../planner/protocol.js';

/** How the particles are drawn. */
export type ParticleRenderer = 'gpu' | 'cpu';

/** RGBA 0..255 per status code (core/drift ParticleStatus: 0 active, 1 stranded, 2 outside forcing). */
export const STATUS_COLOURS: readonly (readonly [number, number, number, number])[] = [
  [20, 40, 160, 230],    // adrift: deep blue, readable over sea and the POC's yellows
  [200, 20, 30, 255],    // stranded: red
  [120, 120, 120, 230],  // outside forcing: grey
];
/** The same colours for a night palette (dim bridge): no pure white, no saturated blue. */
export const STATUS_COLOURS_NIGHT: readonly (readonly [number, number, number, number])[] = [
  [120, 200, 255, 220],
  [255, 110, 90, 255],
  [150, 150, 150, 200],
];

/** The renderer a context should use: the CPU path on software renderers, else the GPU. */
export function defaultRenderer(gl: WebGL2RenderingContext): { renderer: ParticleRenderer; description: string } {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const description = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  return { renderer: /swiftshader|llvmpipe|software|softpipe/i.test(description) ? 'cpu' : 'gpu', description };
}

const POINTS_VS = `#version 300 es
in vec2 aA; in vec2 aB; in float aStatus;
uniform mat4 uMatrix; uniform float uMix; uniform float uSize; uniform vec4 uColours[3];
out vec4 vColour;
void main() {
  int s = int(aStatus + 0.5);
  if (s > 2) { gl_Position = vec4(2.0, 2.0, 2.0, 1.0); vColour = vec4(0.0); return; }
  gl_Position = uMatrix * vec4(mix(aA, aB, uMix), 0.0, 1.0);
  gl_PointSize = uSize;
  vColour = uColours[s];
}`;
const POINTS_FS = `#version 300 es
precision mediump float;
in vec4 vColour; out vec4 colour;
void main() {
  vec2 d = gl_PointCoord - 0.5;
  if (dot(d, d) > 0.25) discard;
  colour = vec4(vColour.rgb * vColour.a, vColour.a);
}`;
const QUAD_VS = `#version 300 es
in vec2 aCorner; out vec2 vUv;
void main() { vUv = vec2(aCorner.x * 0.5 + 0.5, 0.5 - aCorner.y * 0.5); gl_Position = vec4(aCorner, 0.0, 1.0); }`;
const QUAD_FS = `#version 300 es
precision mediump float;
uniform sampler2D uImage; in vec2 vUv; out vec4 colour;
void main() { vec4 c = texture(uImage, vUv); colour = vec4(c.rgb * c.a, c.a); }`;

function compile(gl: WebGL2RenderingContext, vs: string, fs: string): WebGLProgram {
  const program = gl.createProgram()!;
  for (const [type, source] of [[gl.VERTEX_SHADER, vs], [gl.FRAGMENT_SHADER, fs]] as const) {
    const shader = gl.createShader(type)!;
    gl.shaderSource(shader, source);
    gl.compileShader(shader);
    if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error(`particle shader: ${gl.getShaderInfoLog(shader)}`);
    gl.attachShader(program, shader);
  }
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(`particle program: ${gl.getProgramInfoLog(program)}`);
  return program;
}

export class ParticleLayer implements CustomLayerInterface {
  readonly id = 'particles';
  readonly type = 'custom' as const;
  readonly renderingMode = '2d' as const;
  /** The renderer chosen for this context, and the context's renderer string. */
  chosen: { renderer: ParticleRenderer; description: string } = { renderer: 'gpu', description: '' };
  /** Milliseconds of JavaScript the last frame's render took (the CPU path's binning included). */
  lastRenderMs = 0;
  /** Called once after the first frame that draws a newly set drift. */
  onFirstFrame: (() => void) | null = null;
  private drawnOnce = false;

  private map: MapLibreMap | null = null;
  private gl: WebGL2RenderingContext | null = null;
  private drift: DriftView | null = null;
  private uploaded = false;
  private frameA = 0;
  private frameB = 0;
  private mixAB = 0;
  private visible = true;
  private override: ParticleRenderer | null = null;
  private colours = STATUS_COLOURS;
  private points: { program: WebGLProgram; positions: WebGLBuffer; status: WebGLBuffer; vao: WebGLVertexArrayObject; a: number; b: number; s: number } | null = null;
  private quad: { program: WebGLProgram; vao: WebGLVertexArrayObject; texture: WebGLTexture } | null = null;
  private pixels = new Uint32Array(0);
  private pixelWidth = 0;
  private pixelHeight = 0;

  /** The renderer in use (the user's choice, else the automatic one). */
  get renderer(): ParticleRenderer { return this.override ?? this.chosen.renderer; }

  onAdd(map: MapLibreMap, gl: WebGL2RenderingContext | WebGLRenderingContext): void {
    this.map = map;
    this.gl = gl as WebGL2RenderingContext;
    this.chosen = defaultRenderer(this.gl);
    const g = this.gl;
    const program = compile(g, POINTS_VS, POINTS_FS);
    const vao = g.createVertexArray()!;
    this.points = {
      program, vao, positions: g.createBuffer()!, status: g.createBuffer()!,
      a: g.getAttribLocation(program, 'aA'), b: g.getAttribLocation(program, 'aB'), s: g.getAttribLocation(program, 'aStatus'),
    };
    const quadProgram = compile(g, QUAD_VS, QUAD_FS);
    const quadVao = g.createVertexArray()!;
    g.bindVertexArray(quadVao);
    const corners = g.createBuffer()!;
    g.bindBuffer(g.ARRAY_BUFFER, corners);
    g.bufferData(g.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), g.STATIC_DRAW);
    const at = g.getAttribLocation(quadProgram, 'aCorner');
    g.enableVertexAttribArray(at);
    g.vertexAttribPointer(at, 2, g.FLOAT, false, 0, 0);
    g.bindVertexArray(null);
    const texture = g.createTexture()!;
    g.bindTexture(g.TEXTURE_2D, texture);
    g.texParameteri(g.TEXTURE_2D, g.TEXTURE_MIN_FILTER, g.NEAREST);
    g.texParameteri(g.TEXTURE_2D, g.TEXTURE_MAG_FILTER, g.NEAREST);
    g.texParameteri(g.TEXTURE_2D, g.TEXTURE_WRAP_S, g.CLAMP_TO_EDGE);
    g.texParameteri(g.TEXTURE_2D, g.TEXTURE_WRAP_T, g.CLAMP_TO_EDGE);
    this.quad = { program: quadProgram, vao: quadVao, texture };
    this.uploaded = false;
  }

  onRemove(): void {
    const g = this.gl;
    if (g && this.points) { g.deleteBuffer(this.points.positions); g.deleteBuffer(this.points.status); g.deleteProgram(this.points.program); }
    if (g && this.quad) { g.deleteTexture(this.quad.texture); g.deleteProgram(this.quad.program); }
    this.points = null; this.quad = null; this.map = null; this.gl = null;
  }

  /** Show a drift (positions are uploaded to the GPU once, at the next frame). */
  setDrift(drift: DriftView | null): void {
    this.drift = drift;
    this.uploaded = false;
    this.drawnOnce = false;
    this.setTime(0);
  }

  /** Show the cloud at a fractional output index (2.5: half way between outputs 2 and 3). */
  setTime(index: number): void {
    const d = this.drift;
    const last = d ? d.timesS.length - 1 : 0;
    const clamped = Math.max(0, Math.min(last, index));
    this.frameA = Math.floor(clamped);
    this.frameB = Math.min(last, this.frameA + 1);
    this.mixAB = clamped - this.frameA;
    this.map?.triggerRepaint();
  }

  /** The fractional output index shown. */
  get timeIndex(): number { return this.frameA + this.mixAB; }

  setVisible(visible: boolean): void { this.visible = visible; this.map?.triggerRepaint(); }
  get isVisible(): boolean { return this.visible; }
  setRenderer(renderer: ParticleRenderer | null): void { this.override = renderer; this.map?.triggerRepaint(); }
  setNight(night: boolean): void { this.colours = night ? STATUS_COLOURS_NIGHT : STATUS_COLOURS; this.map?.triggerRepaint(); }

  render(gl: WebGL2RenderingContext | WebGLRenderingContext, args: CustomRenderMethodInput): void {
    const g = gl as WebGL2RenderingContext;
    const d = this.drift;
    if (!d || !this.visible || d.count === 0) return;
    const started = performance.now();
    const matrix = args.defaultProjectionData.mainMatrix as unknown as Float32Array;
    // MapLibre leaves its own depth and stencil state; a 2-D overlay tests neither
    g.disable(g.DEPTH_TEST);
    g.disable(g.STENCIL_TEST);
    g.disable(g.CULL_FACE);
    if (this.renderer === 'gpu') this.renderPoints(g, d, matrix);
    else this.renderBinned(g, d, matrix);
    this.lastRenderMs = performance.now() - started;
    if (!this.drawnOnce) { this.drawnOnce = true; this.onFirstFrame?.(); }
  }

  private renderPoints(g: WebGL2RenderingContext, d: DriftView, matrix: Float32Array): void {
    const p = this.points!;
    if (!this.uploaded) {
      g.bindBuffer(g.ARRAY_BUFFER, p.positions);
      g.bufferData(g.ARRAY_BUFFER, d.merc, g.STATIC_DRAW);
      g.bindBuffer(g.ARRAY_BUFFER, p.status);
      g.bufferData(g.ARRAY_BUFFER, d.status, g.STATIC_DRAW);
      this.uploaded = true;
    }
    g.useProgram(p.program);
    g.bindVertexArray(p.vao);
    const n = d.count;
    g.bindBuffer(g.ARRAY_BUFFER, p.positions);
    g.enableVertexAttribArray(p.a);
    g.vertexAttribPointer(p.a, 2, g.FLOAT, false, 0, this.frameA * n * 8);
    g.enableVertexAttribArray(p.b);
    g.vertexAttribPointer(p.b, 2, g.FLOAT, false, 0, this.frameB * n * 8);
    g.bindBuffer(g.ARRAY_BUFFER, p.status);
    g.enableVertexAttribArray(p.s);
    g.vertexAttribPointer(p.s, 1, g.UNSIGNED_BYTE, false, 0, (this.mixAB < 0.5 ? this.frameA : this.frameB) * n);
    g.uniformMatrix4fv(g.getUniformLocation(p.program, 'uMatrix'), false, matrix);
    g.uniform1f(g.getUniformLocation(p.program, 'uMix'), this.mixAB);
    g.uniform1f(g.getUniformLocation(p.program, 'uSize'), 3 * (window.devicePixelRatio || 1));
    g.uniform4fv(g.getUniformLocation(p.program, 'uColours'), this.colours.flatMap((c) => c.map((v) => v / 255)));
    g.enable(g.BLEND);
    g.blendFunc(g.ONE, g.ONE_MINUS_SRC_ALPHA);
    g.drawArrays(g.POINTS, 0, n);
    g.bindVertexArray(null);
  }

  private renderBinned(g: WebGL2RenderingContext, d: DriftView, m: Float32Array): void {
    const w = g.drawingBufferWidth, h = g.drawingBufferHeight;
    if (w !== this.pixelWidth || h !== this.pixelHeight) {
      this.pixels = new Uint32Array(w * h);
      this.pixelWidth = w; this.pixelHeight = h;
    }
    const px = this.pixels;
    px.fill(0);
    // colours packed as little-endian RGBA words (every browser we run on is little-endian)
    const packed = this.colours.map(([r, gg, b, a]) => ((a << 24) | (b << 16) | (gg << 8) | r) >>> 0);
    const n = d.count, merc = d.merc, status = d.status;
    const baseA = this.frameA * n, baseB = this.frameB * n, t = this.mixAB;
    const statusBase = t < 0.5 ? baseA : baseB;
    const m0 = m[0], m1 = m[1], m3 = m[3], m4 = m[4], m5 = m[5], m7 = m[7], m12 = m[12], m13 = m[13], m15 = m[15];
    const halfW = 0.5 * w, halfH = 0.5 * h;
    for (let i = 0; i < n; i++) {
      const s = status[statusBase + i];
      if (s > 2) continue;
      const ka = (baseA + i) * 2, kb = (baseB + i) * 2;
      const x = merc[ka] + (merc[kb] - merc[ka]) * t;
      const y = merc[ka + 1] + (merc[kb + 1] - merc[ka + 1]) * t;
      const cw = m3 * x + m7 * y + m15;
      const ix = (((m0 * x + m4 * y + m12) / cw + 1) * halfW) | 0;
      const iy = ((1 - (m1 * x + m5 * y + m13) / cw) * halfH) | 0;
      if (ix < 1 || iy < 1 || ix >= w - 1 || iy >= h - 1) continue;
      const k = iy * w + ix, c = packed[s];
      // 2 x 2 pixels: a stranded particle (drawn last of equal ones) keeps its red over blue
      if (px[k] === 0 || s === 1) { px[k] = c; px[k + 1] = c; px[k + w] = c; px[k + w + 1] = c; }
    }
    const q = this.quad!;
    g.useProgram(q.program);
    g.activeTexture(g.TEXTURE0);
    g.bindTexture(g.TEXTURE_2D, q.texture);
    g.pixelStorei(g.UNPACK_FLIP_Y_WEBGL, false);
    g.pixelStorei(g.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
    g.texImage2D(g.TEXTURE_2D, 0, g.RGBA, w, h, 0, g.RGBA, g.UNSIGNED_BYTE, new Uint8Array(px.buffer));
    g.uniform1i(g.getUniformLocation(q.program, 'uImage'), 0);
    g.bindVertexArray(q.vao);
    g.enable(g.BLEND);
    g.blendFunc(g.ONE, g.ONE_MINUS_SRC_ALPHA);
    g.drawArrays(g.TRIANGLE_STRIP, 0, 4);
    g.bindVertexArray(null);
  }
}
