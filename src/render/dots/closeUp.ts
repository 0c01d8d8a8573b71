/** The close-up path: at working distance a 0.2 mm dot is a few pixels wide while a texel of the
 * baked map is ~0.11 mm, so baked dots look soft. Near the point looked at, the dots are drawn
 * instead as small discs lying on the skin (analytic round edge), at most CAPACITY of them, so
 * the frame's cost is bounded by the cap, not by the dot count. Each disc is a point sprite
 * covering its projected ellipse: one vertex a dot (instanced quads cost ~25 µs each under
 * SwiftShader).
 *
 * The discs darken what is already drawn (multiplicative blending) by the same factor the skin
 * shader applies to its albedo, so a disc looks like a baked dot, lit like the skin. The
 * skin shader fades its baked dots out inside the selection exactly where the discs fade in
 * (closeUpWeight in shared.ts), so no dot is darkened twice. */
import {
  AddEquation,
  BufferAttribute,
  BufferGeometry,
  CustomBlending,
  DstColorFactor,
  DynamicDrawUsage,
  GLSL3,
  OneFactor,
  PerspectiveCamera,
  Points,
  ShaderMaterial,
  Vector2,
  Vector3,
  ZeroFactor,
  type Camera,
  type WebGLRenderer,
} from 'three';
import type { DotSet } from '../../model';
import { MM_TO_SCENE } from '../units';
import { findFocus, selectNear } from './select';
import { CLOSE_UP_GLSL, HALO_GLSL, type DotUniforms } from './shared';

const pointSizes = new WeakMap<WebGLRenderer, number>();

/** Largest point sprite the device draws, in pixels (WebGL only promises 1; GPUs and
 * SwiftShader give 64 or more). Asked once per renderer: the question waits for the GPU to finish
 * all it was given before (render/gpuQueue.ts), a bake for instance. */
export function maxPointSize(renderer: WebGLRenderer): number {
  let size = pointSizes.get(renderer);
  if (size === undefined) {
    const gl = renderer.getContext();
    size = (gl.getParameter(gl.ALIASED_POINT_SIZE_RANGE) as Float32Array)[1];
    pointSizes.set(renderer, size);
  }
  return size;
}

/** Most dots drawn as discs. */
export const CAPACITY = 60_000;
/** Discs are used when the point looked at is nearer than this (mm): about working distance... */
export const CLOSE_MM = 250;
/** ...and a texel of the baked map there spans more than this many pixels: below that the map
 * is as sharp as the screen (800x600 at 18 cm: ~0.7 px), and discs would only cost time. */
const MIN_TEXEL_PX = 1.2;
/** The selection reaches this far past the corners of the view (share of the half-diagonal). */
const VIEW_MARGIN = 1.3;
/** A new selection is made once the focus has moved this share of the selection radius. */
const RESELECT = 0.3;
/** Discs are drawn this much nearer the eye than the skin under them (mm, plus the tilt). */
const LIFT_MM = 0.03;
/** Dots looked at per focus search: enough to hit the nearest dot, cheap enough for every move. */
const FOCUS_SAMPLES = 40_000;

const vertexShader = /* glsl */ `
in vec3 dotPos;
in vec3 dotNormal;
in vec2 dotUv;
in float dotDiameter;
in float dotLayer;
uniform vec2 uViewportPx;
uniform float uMaxPointSize;
uniform mat4 uInkLog0;
uniform mat4 uInkLog1;
uniform sampler2D uDotMap0;
uniform sampler2D uDotMap1;
${CLOSE_UP_GLSL}
${HALO_GLSL}
// From a fragment's offset from the disc's centre (pixels) to the unit disk (s, t).
flat out mat2 vToDisk;
flat out float vPointSize;
flat out vec3 vInkLog;
flat out float vAmount;

vec2 toPixels( vec4 clip ) {
	return clip.xy / clip.w * 0.5 * uViewportPx;
}

void main() {
	vec3 n = normalize( dotNormal );
	vec3 t = normalize( cross( abs( n.y ) < 0.9 ? vec3( 0.0, 1.0, 0.0 ) : vec3( 1.0, 0.0, 0.0 ), n ) );
	vec3 b = cross( n, t );
	float radius = 0.5 * dotDiameter;
	vec4 mv = modelViewMatrix * vec4( dotPos, 1.0 );
	vec3 toEye = normalize( -mv.xyz );
	float facing = dot( normalize( normalMatrix * n ), toEye );
	vec4 clip = projectionMatrix * mv;
	vec2 centre = toPixels( clip );
	// The disc's two radii on screen (it is tiny: its projection is an ellipse).
	vec2 tPx = toPixels( projectionMatrix * modelViewMatrix * vec4( dotPos + t * radius, 1.0 ) ) - centre;
	vec2 bPx = toPixels( projectionMatrix * modelViewMatrix * vec4( dotPos + b * radius, 1.0 ) ) - centre;
	// Below ~1.5 px across a disc is drawn wider and fainter, with the same ink.
	float ka = max( 1.0, 0.75 / max( length( tPx ), 1e-6 ) );
	float kb = max( 1.0, 0.75 / max( length( bPx ), 1e-6 ) );
	mat2 toPx = mat2( tPx * ka, bPx * kb );
	if ( facing <= 0.05 || abs( determinant( toPx ) ) < 1e-4 ) {
		// Edge-on or facing away: nothing to draw.
		gl_Position = vec4( 2.0, 2.0, 2.0, 1.0 );
		gl_PointSize = 0.0;
		return;
	}
	vToDisk = inverse( toPx );
	vec2 halfExtent = vec2( length( vec2( toPx[ 0 ].x, toPx[ 1 ].x ) ), length( vec2( toPx[ 0 ].y, toPx[ 1 ].y ) ) );
	vPointSize = min( 2.0 * ceil( max( halfExtent.x, halfExtent.y ) + 1.0 ), uMaxPointSize );
	gl_PointSize = vPointSize;
	// A sprite is flat at its centre's depth: moved toward the eye (along its own line of sight,
	// so it stays in place on screen) by how far the tilted disc's rim rises, it is not cut by
	// the skin around it. The skin in front of it (an ear) still hides it.
	float tanTilt = sqrt( max( 1.0 - facing * facing, 0.0 ) ) / facing;
	float liftMm = radius * min( tanTilt, 4.0 ) + ${LIFT_MM.toFixed(3)};
	float mmToView = length( modelViewMatrix[ 0 ].xyz );
	gl_Position = projectionMatrix * vec4( mv.xyz + toEye * liftMm * mmToView, 1.0 );
	int layer = int( dotLayer + 0.5 );
	vInkLog = ( layer < 4 ? uInkLog0[ layer ] : uInkLog1[ layer - 4 ] ).rgb;
	// The skin shader already darkens by the halo here (up to 1): the disc adds what is left.
	vec4 maps = layer < 4 ? textureLod( uDotMap0, dotUv, HALO_LOD ) : textureLod( uDotMap1, dotUv, HALO_LOD );
	float halo = min( 1.0, COVERAGE_SCALE * HALO_SHARE * dot( maps, vec4( equal( ivec4( layer % 4 ), ivec4( 0, 1, 2, 3 ) ) ) ) );
	vAmount = closeUpWeight( dotPos ) * ( 1.0 - halo ) / ( ka * kb );
}
`;

const fragmentShader = /* glsl */ `
flat in mat2 vToDisk;
flat in float vPointSize;
flat in vec3 vInkLog;
flat in float vAmount;
out vec4 outColor;

void main() {
	// gl_PointCoord runs down the sprite; window y runs up.
	vec2 st = vToDisk * ( ( gl_PointCoord - 0.5 ) * vec2( 1.0, -1.0 ) * vPointSize );
	float r = length( st );
	float perPixel = length( vec2( dFdx( r ), dFdy( r ) ) );
	float coverage = clamp( 0.5 - ( r - 1.0 ) / max( perPixel, 1e-6 ), 0.0, 1.0 ) * vAmount;
	if ( coverage <= 0.0 || vInkLog == vec3( 0.0 ) ) discard;
	// Darken the lit skin as the skin shader darkens its albedo (skinDots); the framebuffer holds
	// display values, roughly linear ^ (1 / 2.2).
	vec3 factor = exp2( vInkLog * coverage );
	outColor = vec4( pow( factor, vec3( 1.0 / 2.2 ) ), 1.0 );
}
`;

const eye = new Vector3();
const forward = new Vector3();

export class CloseUpDots {
  readonly mesh: Points<BufferGeometry, ShaderMaterial>;
  private dots: DotSet | null = null;
  private mapSize = 0;
  private readonly chosen = new Uint32Array(CAPACITY);
  private readonly pos: BufferAttribute;
  private readonly nor: BufferAttribute;
  private readonly uv: BufferAttribute;
  private readonly dia: BufferAttribute;
  private readonly lay: BufferAttribute;
  private lastPose: number[] = [];
  /** The radius the current selection was asked for (it may have been capped below it). */
  private selectedFor = 0;
  private pending: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly uniforms: DotUniforms,
    /** Called when a new selection is ready to draw. */
    private readonly onChange: () => void,
    /** Largest point sprite of the device (pixels). */
    maxPointSize: number,
  ) {
    const g = new BufferGeometry();
    const attr = (width: number) => new BufferAttribute(new Float32Array(CAPACITY * width), width).setUsage(DynamicDrawUsage);
    this.pos = attr(3);
    this.nor = attr(3);
    this.uv = attr(2);
    this.dia = attr(1);
    this.lay = attr(1);
    g.setAttribute('dotPos', this.pos);
    g.setAttribute('dotNormal', this.nor);
    g.setAttribute('dotUv', this.uv);
    g.setAttribute('dotDiameter', this.dia);
    g.setAttribute('dotLayer', this.lay);
    g.setDrawRange(0, 0);
    const material = new ShaderMaterial({
      glslVersion: GLSL3,
      vertexShader,
      fragmentShader,
      uniforms: { ...uniforms, uViewportPx: { value: new Vector2(1, 1) }, uMaxPointSize: { value: maxPointSize } },
      transparent: true,
      depthWrite: false,
      blending: CustomBlending,
      blendEquation: AddEquation,
      blendSrc: DstColorFactor,
      blendDst: ZeroFactor,
      blendSrcAlpha: ZeroFactor,
      blendDstAlpha: OneFactor,
      toneMapped: false,
    });
    this.mesh = new Points(g, material);
    this.mesh.name = 'close-up-dots';
    this.mesh.frustumCulled = false;
    this.mesh.visible = false;
    this.mesh.renderOrder = 1;
  }

  /** Discs drawn in the last selection (0 when off). */
  get drawnCount(): number {
    return this.mesh.visible ? this.mesh.geometry.drawRange.count : 0;
  }

  /** New dots (baked into maps of `mapSize` texels): the old selection is dropped. */
  setDots(dots: DotSet | null, mapSize = 0): void {
    this.dots = dots;
    this.mapSize = mapSize;
    this.cancel();
    this.off();
    this.lastPose = [];
  }

  /** Once per frame, before drawing: cheap unless the camera moved. Turns the discs off at
   * once when the camera leaves working distance; a new selection is made outside the frame. */
  update(camera: Camera, widthPx: number, heightPx: number): void {
    if (!(camera instanceof PerspectiveCamera)) return;
    // Radians per pixel at the centre of the view.
    const perPixel = (2 * Math.tan((camera.fov * Math.PI) / 360)) / camera.zoom / Math.max(1, heightPx);
    this.mesh.material.uniforms.uViewportPx.value.set(widthPx, heightPx);
    const dots = this.dots;
    if (!dots || dots.count === 0) return;
    camera.getWorldPosition(eye).divideScalar(MM_TO_SCENE);
    camera.getWorldDirection(forward);
    const pose = [eye.x, eye.y, eye.z, forward.x, forward.y, forward.z, widthPx, heightPx, perPixel];
    if (pose.every((v, i) => v === this.lastPose[i])) return;
    this.lastPose = pose;
    const stride = Math.max(1, Math.floor(dots.count / FOCUS_SAMPLES));
    const focus = findFocus(dots.positions, dots.normals, dots.count, [eye.x, eye.y, eye.z], [forward.x, forward.y, forward.z], stride);
    if (!focus || focus.distanceMm > CLOSE_MM || this.texelPixels(dots, focus.index, focus.distanceMm * perPixel) < MIN_TEXEL_PX) {
      this.cancel();
      this.off();
      return;
    }
    // Enough to cover the view around the focus, and a margin to orbit a little without a new scan.
    const halfDiagonalMm = 0.5 * focus.distanceMm * perPixel * Math.hypot(widthPx, heightPx);
    const wanted = VIEW_MARGIN * halfDiagonalMm;
    const c = this.uniforms.uCloseUp.value;
    const f = focus.index;
    const moved = Math.hypot(dots.positions[3 * f] - c.x, dots.positions[3 * f + 1] - c.y, dots.positions[3 * f + 2] - c.z);
    const sameReach = wanted <= 1.25 * this.selectedFor && wanted >= 0.5 * this.selectedFor;
    if (this.mesh.visible && moved < RESELECT * c.w && sameReach) return;
    if (this.pending) clearTimeout(this.pending);
    // The scan over all dots (a few ms for a million) waits until this frame is drawn.
    this.pending = setTimeout(() => {
      this.pending = null;
      if (this.dots === dots) this.select(dots, f, wanted);
    }, 0);
  }

  /** Pixels a texel of the baked map spans at dot `i`, seen `mmPerPixel` away; along the chart's
   * most stretched direction there. */
  private texelPixels(dots: DotSet, i: number, mmPerPixel: number): number {
    const ax = dots.uvAxes,
      k = 4 * i;
    const texPerMm = Math.min(Math.hypot(ax[k], ax[k + 1]), Math.hypot(ax[k + 2], ax[k + 3])) * this.mapSize;
    return texPerMm > 0 ? 1 / (texPerMm * mmPerPixel) : 0;
  }

  dispose(): void {
    this.cancel();
    this.mesh.geometry.dispose();
    this.mesh.material.dispose();
  }

  private select(dots: DotSet, focusIndex: number, radiusWantedMm: number): void {
    const centre: [number, number, number] = [dots.positions[3 * focusIndex], dots.positions[3 * focusIndex + 1], dots.positions[3 * focusIndex + 2]];
    const { count, radiusMm } = selectNear(dots.positions, dots.count, centre, radiusWantedMm, this.chosen);
    this.selectedFor = radiusWantedMm;
    const p = this.pos.array as Float32Array,
      n = this.nor.array as Float32Array;
    const d = this.dia.array as Float32Array,
      l = this.lay.array as Float32Array,
      uv = this.uv.array as Float32Array;
    for (let k = 0; k < count; k++) {
      const i = this.chosen[k];
      p[3 * k] = dots.positions[3 * i];
      p[3 * k + 1] = dots.positions[3 * i + 1];
      p[3 * k + 2] = dots.positions[3 * i + 2];
      n[3 * k] = dots.normals[3 * i];
      n[3 * k + 1] = dots.normals[3 * i + 1];
      n[3 * k + 2] = dots.normals[3 * i + 2];
      uv[2 * k] = dots.uv[2 * i];
      uv[2 * k + 1] = dots.uv[2 * i + 1];
      d[k] = dots.diameterMm[i];
      l[k] = dots.layer[i];
    }
    for (const [a, w] of [
      [this.pos, 3],
      [this.nor, 3],
      [this.uv, 2],
      [this.dia, 1],
      [this.lay, 1],
    ] as const) {
      a.clearUpdateRanges();
      a.addUpdateRange(0, count * w);
      a.needsUpdate = true;
    }
    this.mesh.geometry.setDrawRange(0, count);
    this.uniforms.uCloseUp.value.set(centre[0], centre[1], centre[2], count > 0 ? radiusMm : 0);
    this.mesh.visible = count > 0;
    this.onChange();
  }

  private off(): void {
    if (!this.mesh.visible && this.uniforms.uCloseUp.value.w === 0) return;
    this.mesh.visible = false;
    this.uniforms.uCloseUp.value.w = 0;
  }

  private cancel(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = null;
  }
}
