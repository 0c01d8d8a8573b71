/** Bakes every dot once into coverage maps in scalp-chart space, so drawing the head costs the
 * same with 1,000 dots or 1,000,000 (DESIGN.md, "Rendering: what was measured").
 *
 * Each dot is drawn as two triangles round its footprint in the chart: the ellipse
 * uv + (d/2)(s a + t b), s² + t² <= 1, with a, b the chart images of two orthonormal tangent
 * directions (DotSet.uvAxes), so a dot stays round and true-sized on the curved head however the
 * chart stretches. The triangles make the parallelogram of the ellipse's own axes, out to its
 * halo and rim: a square point sprite round a stubble hair (an ellipse 5-6 times as long as wide)
 * drew 3 times as many texels for nothing (218 against 68 million for the default client). The
 * dots' figures are read from two float textures by vertex number, not repeated per vertex nor
 * drawn instanced (SwiftShader sets up each instance separately, ~25 µs a dot). The fragment
 * has its place on the unit disk and computes the disk's coverage with a one-texel linear edge,
 * plus the soft halo of darkening that light wandering under the skin leaves round pigment
 * (model/color/lateralLight.ts): a Gaussian round a dot, and round a strip (a hair's shaft,
 * DotSet.elongation) the same Gaussian along its middle, so the halo is as wide at its ends as at
 * its sides. It adds them into the colour channel of the dot's layer: RGBA holds four layers, a
 * second map the layers 5-8. Dots of one layer never overlap (minimum spacing); halos may, so a channel holds
 * coverage / COVERAGE_SCALE.
 * The maps are mipmapped: far away they average dense dots into the grey "shadow" of a shaved
 * scalp, which is what SMP is meant to look like at a conversational distance. */
import {
  BufferGeometry,
  Camera,
  Color,
  CustomBlending,
  DataTexture,
  DoubleSide,
  FloatType,
  GLSL3,
  LinearFilter,
  LinearMipmapLinearFilter,
  Mesh,
  NearestFilter,
  OneFactor,
  RawShaderMaterial,
  RGBAFormat,
  Scene,
  UnsignedByteType,
  Vector4,
  WebGLRenderTarget,
  type Texture,
  type WebGLRenderer,
} from 'three';
import { HALO_GAIN, HALO_SIGMA_MM, type DotSet } from '../../model';
import { gpuQueue } from '../gpuQueue';
import { COVERAGE_SCALE } from './shared';

/** Largest map side asked for: ~0.11 mm per texel over the chart. */
export const MAX_MAP_SIZE = 4096;
/** A dot narrower than this (radius, texels) is drawn this wide and fainter, with the same total
 * ink: a one-texel edge cannot shape a smaller disk, and its ink must not get lost. */
const MIN_RADIUS_TEXELS = 0.75;
/** Layers per map (RGBA). */
const PER_MAP = 4;
/** The halo is drawn out to this many standard deviations (past it, under 5 % of its peak). */
const HALO_REACH_SIGMAS = 2.5;
const DEFINES = /* glsl */ `
#define HALO_SIGMA_MM ${HALO_SIGMA_MM.toFixed(4)}
#define HALO_REACH_SIGMAS ${HALO_REACH_SIGMAS.toFixed(2)}
#define COVERAGE_SCALE ${COVERAGE_SCALE.toFixed(1)}
`;

/** Dots per row of the textures that hold their figures. */
const DATA_WIDTH = 1024;

const vertexShader = /* glsl */ `
precision highp float;
precision highp sampler2D;
// Per dot: (u, v, diameter mm, layer), and the chart images of its two tangent axes.
uniform sampler2D uDots;
uniform sampler2D uAxes;
uniform float uSize;
uniform float uFirstLayer;
uniform vec4 uHaloGain;
// Per layer of this map, the footprint's length over its width along the first axis.
uniform vec4 uElongation;
// Where this corner lies on the unit disk's plane (s, t): the disk is s² + t² <= 1.
out vec2 vSt;
flat out vec4 vInk;
// Millimetres on the skin per unit of s and of t.
flat out vec2 vMmPerUnit;
// The halo: the pigment's ink (gain x area, mm²) spread along a segment of this half-length (mm)
// down the footprint's middle, 0 for a round dot.
flat out float vHaloInk;
flat out float vSegmentMm;

const vec2 CORNERS[6] = vec2[6]( vec2( -1, -1 ), vec2( 1, -1 ), vec2( 1, 1 ), vec2( -1, -1 ), vec2( 1, 1 ), vec2( -1, 1 ) );

void main() {
	int index = gl_VertexID / 6;
	ivec2 at = ivec2( index % ${DATA_WIDTH}, index / ${DATA_WIDTH} );
	vec4 fig = texelFetch( uDots, at, 0 );
	vec4 axes = texelFetch( uAxes, at, 0 );
	float radiusMm = 0.5 * fig.z;
	vec2 a = axes.xy * uSize;
	vec2 b = axes.zw * uSize;
	// Radius in texels along each tangent direction; tiny dots are widened and dimmed.
	float ka = max( 1.0, ${MIN_RADIUS_TEXELS.toFixed(2)} / max( radiusMm * length( a ), 1e-6 ) );
	float kb = max( 1.0, ${MIN_RADIUS_TEXELS.toFixed(2)} / max( radiusMm * length( b ), 1e-6 ) );
	mat2 toTexels = mat2( a * ( radiusMm * ka ), b * ( radiusMm * kb ) );
	float slot = fig.w - uFirstLayer;
	vec4 mask = vec4( equal( vec4( slot ), vec4( 0.0, 1.0, 2.0, 3.0 ) ) );
	float gain = dot( mask, uHaloGain );
	float elongation = max( dot( mask, uElongation ), 1e-3 );
	vMmPerUnit = radiusMm * vec2( elongation * ka, kb );
	vSegmentMm = radiusMm * max( elongation - 1.0, 0.0 );
	vHaloInk = gain * 3.14159265 * radiusMm * radiusMm * elongation;
	// Out to the halo's reach past the footprint's edge (none without a halo), plus 1.5 texels
	// for the anti-aliased rim: the sides at t = ±T lie |det| / |a| texels apart per unit of t.
	vec2 reach = gain > 0.0 ? 1.0 + HALO_REACH_SIGMAS * HALO_SIGMA_MM / vMmPerUnit : vec2( 1.0 );
	float area = max( abs( determinant( toTexels ) ), 1e-12 );
	vec2 extent = reach + 1.5 * vec2( length( toTexels[ 1 ] ), length( toTexels[ 0 ] ) ) / area;
	vSt = CORNERS[ gl_VertexID % 6 ] * extent;
	vec2 texel = fig.xy * uSize + toTexels * vSt;
	gl_Position = vec4( texel / uSize * 2.0 - 1.0, 0.0, 1.0 );
	vInk = mask / ( ka * kb );
}
`;

const fragmentShader = /* glsl */ `
precision highp float;
in vec2 vSt;
flat in vec4 vInk;
flat in vec2 vMmPerUnit;
flat in float vHaloInk;
flat in float vSegmentMm;
out vec4 outColor;

// Abramowitz & Stegun 7.1.26 (error under 1.5e-7).
float erf1( float x ) {
	float t = 1.0 / ( 1.0 + 0.3275911 * abs( x ) );
	float y = 1.0 - ( ( ( ( 1.061405429 * t - 1.453152027 ) * t + 1.421413741 ) * t - 0.284496736 ) * t + 0.254829592 ) * t * exp( - x * x );
	return sign( x ) * y;
}

void main() {
	float r = length( vSt );
	// Change of r per texel: the edge is a one-texel ramp centred on the circle.
	float perTexel = length( vec2( dFdx( r ), dFdy( r ) ) );
	float coverage = clamp( 0.5 - ( r - 1.0 ) / max( perTexel, 1e-6 ), 0.0, 1.0 );
	// The halo: the ink spread by a Gaussian of HALO_SIGMA_MM, from the dot's centre, or, for a
	// strip (a hair's shaft), evenly along its middle, so it keeps its width along the strip.
	vec2 p = vSt * vMmPerUnit;
	float s2 = 2.0 * HALO_SIGMA_MM * HALO_SIGMA_MM;
	float halo;
	if ( vSegmentMm < 1e-4 ) {
		halo = vHaloInk * exp( - dot( p, p ) / s2 ) / ( 3.14159265 * s2 );
	} else {
		float k = 1.0 / ( 1.41421356 * HALO_SIGMA_MM );
		float along = erf1( ( vSegmentMm - p.x ) * k ) + erf1( ( vSegmentMm + p.x ) * k );
		halo = vHaloInk * exp( - p.y * p.y / s2 ) / ( 2.50662827 * HALO_SIGMA_MM ) * along / ( 4.0 * vSegmentMm );
	}
	// The footprint is ink; round it the halo darkens what light is left, and saturates softly
	// (1 - e^-x): a round dot with a soft edge, never a hard plateau that merges with the next.
	vec4 core = vInk * coverage;
	vec4 mask = sign( vInk );
	outColor = ( core + ( mask - core ) * ( 1.0 - exp( - halo ) ) ) / COVERAGE_SCALE;
}
`;

export interface BakedDots {
  /** One map per four layers, in layer order. */
  maps: Texture[];
  /** Texels per side. */
  size: number;
  /** Milliseconds the bake took on the main thread (the GPU may still be drawing). */
  ms: number;
}

/** Owns the coverage maps of one WebGL context; `bake` replaces them. */
export class DotBaker {
  private targets: WebGLRenderTarget[] = [];
  private readonly camera = new Camera();
  private readonly scene = new Scene();
  /** Kept between bakes: disposing it would make three.js drop and recompile its program. */
  private material: RawShaderMaterial | null = null;

  constructor(private readonly renderer: WebGLRenderer) {}

  /** Size of the maps on this device. */
  get size(): number {
    return Math.min(MAX_MAP_SIZE, this.renderer.capabilities.maxTextureSize);
  }

  /** Draws every dot into the maps (made anew only when their number changes; the old ones are
   * disposed). One draw call per map. `haloGain` per layer: pigment under the skin has a halo
   * (lateralLight.ts), hair lying on it (the cut ends of stubble) has none. */
  bake(dots: DotSet, haloGain: (layer: number) => number = () => HALO_GAIN): BakedDots {
    const t0 = performance.now();
    const size = this.size;
    let maxLayer = -1;
    for (let k = dots.layerCounts.length - 1; k >= 0; k--) {
      if (dots.layerCounts[k] > 0) {
        maxLayer = k;
        break;
      }
    }
    const mapCount = Math.max(1, Math.ceil((maxLayer + 1) / PER_MAP));
    const r = this.renderer;
    if (this.targets.length !== mapCount) {
      this.disposeTargets();
      for (let m = 0; m < mapCount; m++) this.targets.push(coverageTarget(size, Math.min(8, r.capabilities.getMaxAnisotropy()), m));
    }
    const previousTarget = r.getRenderTarget();
    const previousAutoClear = r.autoClear;
    const previousClearAlpha = r.getClearAlpha();
    const previousClearColor = r.getClearColor(new Color());
    const material = (this.material ??= splatMaterial());
    material.uniforms.uSize.value = size;
    for (let m = 0; m < mapCount; m++) {
      const range = layerRange(dots, m * PER_MAP, (m + 1) * PER_MAP);
      r.setRenderTarget(this.targets[m]);
      r.setClearColor(0x000000, 0);
      r.clear(true, false, false);
      if (range.count === 0) continue;
      const splats = splatsOf(dots, range, material);
      material.uniforms.uFirstLayer.value = m * PER_MAP;
      material.uniforms.uHaloGain.value.set(haloGain(m * PER_MAP), haloGain(m * PER_MAP + 1), haloGain(m * PER_MAP + 2), haloGain(m * PER_MAP + 3));
      const elongation = (k: number) => dots.elongation?.[m * PER_MAP + k] ?? 1;
      material.uniforms.uElongation.value.set(elongation(0), elongation(1), elongation(2), elongation(3));
      this.scene.add(splats.mesh);
      r.autoClear = false;
      // Rendering into a mipmapped target makes three.js build its mipmaps afterwards.
      r.render(this.scene, this.camera);
      this.scene.remove(splats.mesh);
      // The dots' figures are not needed on the GPU any more (a new bake uploads them again).
      splats.dispose();
    }
    r.autoClear = previousAutoClear;
    r.setRenderTarget(previousTarget);
    r.setClearColor(previousClearColor, previousClearAlpha);
    return { maps: this.targets.map((t) => t.texture), size, ms: performance.now() - t0 };
  }

  /** Has the bake's program compiled now, off the page (render/gpuQueue.ts), so that the first
   * bake does not wait for the compiler: called while the GPU would be idle anyway. */
  warmUp(): void {
    const r = this.renderer;
    const material = (this.material ??= splatMaterial());
    const one = { start: 0, count: 1, indices: null };
    const splats = splatsOf({ uv: new Float32Array(2), uvAxes: new Float32Array(4), diameterMm: new Float32Array(1), layer: new Uint8Array(1) }, one, material);
    // The program as a bake would ask for it: drawn into a target, not on screen.
    const target = new WebGLRenderTarget(1, 1);
    const previous = r.getRenderTarget();
    r.setRenderTarget(target);
    gpuQueue(r).prepare(splats.mesh, this.camera, this.scene);
    r.setRenderTarget(previous);
    target.dispose();
    splats.dispose();
  }

  dispose(): void {
    this.disposeTargets();
    this.material?.dispose();
    this.material = null;
  }

  private disposeTargets(): void {
    for (const t of this.targets) t.dispose();
    this.targets = [];
  }
}

/** Dots of layers [from, to): a contiguous run when, as generateDots makes them, dots come in
 * layer order; otherwise the indices of the matching dots. */
interface LayerRange {
  start: number;
  count: number;
  indices: Uint32Array | null;
}

function layerRange(dots: DotSet, from: number, to: number): LayerRange {
  const layer = dots.layer;
  let first = -1;
  let last = -1;
  let matching = 0;
  for (let i = 0; i < dots.count; i++) {
    if (layer[i] >= from && layer[i] < to) {
      if (first < 0) first = i;
      last = i;
      matching++;
    }
  }
  if (matching === 0) return { start: 0, count: 0, indices: null };
  if (last - first + 1 === matching) return { start: first, count: matching, indices: null };
  const indices = new Uint32Array(matching);
  for (let i = 0, n = 0; i < dots.count; i++) if (layer[i] >= from && layer[i] < to) indices[n++] = i;
  return { start: 0, count: matching, indices };
}

/** A contiguous view of a per-dot array, or a gathered copy. */
function slice<T extends Float32Array | Uint8Array>(a: T, width: number, range: LayerRange): T {
  if (!range.indices) return a.subarray(range.start * width, (range.start + range.count) * width) as T;
  const out = new (a.constructor as new (n: number) => T)(range.count * width);
  range.indices.forEach((i, n) => {
    for (let k = 0; k < width; k++) out[n * width + k] = a[i * width + k];
  });
  return out;
}

function coverageTarget(size: number, anisotropy: number, index: number): WebGLRenderTarget {
  const target = new WebGLRenderTarget(size, size, {
    format: RGBAFormat,
    type: UnsignedByteType,
    generateMipmaps: true,
    minFilter: LinearMipmapLinearFilter,
    magFilter: LinearFilter,
    depthBuffer: false,
    anisotropy,
  });
  target.texture.name = `dot-coverage-${index}`;
  return target;
}

/** The dots of `range` as one draw of six vertices each, their figures in two float textures
 * (uDots: u, v, diameter, layer; uAxes: the axes), set on `material` for the draw. */
function splatsOf(dots: Pick<DotSet, 'uv' | 'uvAxes' | 'diameterMm' | 'layer'>, range: LayerRange, material: RawShaderMaterial): { mesh: Mesh; dispose(): void } {
  const rows = Math.max(1, Math.ceil(range.count / DATA_WIDTH));
  const figures = new Float32Array(rows * DATA_WIDTH * 4);
  const uv = slice(dots.uv, 2, range);
  const diameterMm = slice(dots.diameterMm, 1, range);
  const layer = slice(dots.layer, 1, range);
  for (let i = 0; i < range.count; i++) {
    figures[4 * i] = uv[2 * i];
    figures[4 * i + 1] = uv[2 * i + 1];
    figures[4 * i + 2] = diameterMm[i];
    figures[4 * i + 3] = layer[i];
  }
  const axes = new Float32Array(rows * DATA_WIDTH * 4);
  axes.set(slice(dots.uvAxes, 4, range));
  const textures = [figures, axes].map((data) => {
    const t = new DataTexture(data, DATA_WIDTH, rows, RGBAFormat, FloatType);
    t.minFilter = t.magFilter = NearestFilter;
    t.needsUpdate = true;
    return t;
  });
  material.uniforms.uDots.value = textures[0];
  material.uniforms.uAxes.value = textures[1];
  const g = new BufferGeometry();
  // No attributes: the shader finds each vertex's dot by its number, so three.js needs the count.
  g.setDrawRange(0, 6 * range.count);
  const mesh = new Mesh(g, material);
  mesh.frustumCulled = false;
  return {
    mesh,
    dispose() {
      g.dispose();
      for (const t of textures) t.dispose();
    },
  };
}

function splatMaterial(): RawShaderMaterial {
  return new RawShaderMaterial({
    glslVersion: GLSL3,
    vertexShader: DEFINES + vertexShader,
    fragmentShader: DEFINES + fragmentShader,
    uniforms: { uSize: { value: 1 }, uFirstLayer: { value: 0 }, uHaloGain: { value: new Vector4() }, uElongation: { value: new Vector4(1, 1, 1, 1) }, uDots: { value: null }, uAxes: { value: null } },
    // A dot's axes may turn either way in the chart: both windings are drawn.
    side: DoubleSide,
    blending: CustomBlending,
    blendSrc: OneFactor,
    blendDst: OneFactor,
    blendSrcAlpha: OneFactor,
    blendDstAlpha: OneFactor,
    depthTest: false,
    depthWrite: false,
    transparent: true,
  });
}
