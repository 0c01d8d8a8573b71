/** The eyeballs: a sphere in millimetres, its pole (+z) along the gaze, with the cornea's bulge;
 * sclera, iris and pupil painted procedurally in the shader from the position about the gaze
 * axis (no texture files), and a wet, glossy surface whose catchlights are the studio's lights
 * seen as soft boxes. The lids' shadow (there is no shadow map) darkens the ball along the edge
 * of their opening, from the lid map (render/lidMap.ts). Both eyes share one program; each has its
 * own material for its radius and its half of the map. */
import { Color, MeshStandardMaterial, SphereGeometry, type Texture, type WebGLProgramParametersWithUniforms } from 'three';
import { LID_MAP_RANGE_MM } from './lidMap';

/** Adult eye: iris ~11.5 mm across, a pupil of ~3.5 mm in room light; the cornea a sphere of
 * radius ~7.8 mm meeting the sclera at the limbus, a little outside the iris. */
const IRIS_RADIUS_MM = 5.75;
const PUPIL_RADIUS_MM = 1.75;
const LIMBUS_RADIUS_MM = 5.9;
const CORNEA_RADIUS_MM = 7.8;
/** A catchlight is a soft box seen in the cornea: ~8 degrees across, as a 60 cm box at 2 m. */
const SOFTBOX_HALF_DEG = 4;

/** Where the cornea's sphere is centred on the gaze axis (mm from the eyeball's centre). */
function corneaCentreMm(radiusMm: number): number {
  const rim = Math.min(LIMBUS_RADIUS_MM, 0.9 * radiusMm);
  return Math.sqrt(radiusMm * radiusMm - rim * rim) - Math.sqrt(CORNEA_RADIUS_MM ** 2 - rim * rim);
}

/** A sphere of `radiusMm` with its pole on +z and the cornea's bulge in front. Rings are
 * concentric about the gaze, so the cornea and iris get round outlines from few segments. */
export function eyeGeometry(radiusMm: number): SphereGeometry {
  const g = new SphereGeometry(radiusMm, 32, 24);
  g.rotateX(Math.PI / 2);
  const zc = corneaCentreMm(radiusMm);
  const p = g.getAttribute('position');
  for (let i = 0; i < p.count; i++) {
    const x = p.getX(i) / radiusMm,
      y = p.getY(i) / radiusMm,
      z = p.getZ(i) / radiusMm;
    // Distance along this direction to the cornea's sphere, where it lies outside the ball.
    const b = z * zc;
    const disc = b * b - zc * zc + CORNEA_RADIUS_MM ** 2;
    const t = disc > 0 ? b + Math.sqrt(disc) : 0;
    if (t > radiusMm) p.setXYZ(i, x * t, y * t, z * t);
  }
  g.computeVertexNormals();
  return g;
}

const VERTEX_DECL = /* glsl */ `
uniform float uCorneaCentreMm;
varying vec3 vEyeLocal;
varying vec3 vEyeCentreView;
varying vec3 vCorneaCentreView;
`;

// The centres are the same for every vertex: as varyings they reach the fragment exactly.
const VERTEX_MAIN = /* glsl */ `
	vEyeLocal = position;
	vEyeCentreView = ( modelViewMatrix * vec4( 0.0, 0.0, 0.0, 1.0 ) ).xyz;
	vCorneaCentreView = ( modelViewMatrix * vec4( 0.0, 0.0, uCorneaCentreMm, 1.0 ) ).xyz;
`;

const FRAGMENT_DECL = /* glsl */ `
uniform sampler2D uLidMap;
uniform float uLidMapHalf;
uniform vec3 uIrisAlbedo;
uniform vec3 uScleraAlbedo;
varying vec3 vEyeLocal;
varying vec3 vEyeCentreView;
varying vec3 vCorneaCentreView;

float eyeHash( vec2 p ) {
	return fract( sin( dot( p, vec2( 127.1, 311.7 ) ) ) * 43758.5453 );
}

// Value noise, periodic in x with the given (integer) period: no seam round the iris.
float eyeNoise( vec2 p, float period ) {
	vec2 i = floor( p );
	vec2 f = fract( p );
	f = f * f * ( 3.0 - 2.0 * f );
	float x0 = mod( i.x, period ), x1 = mod( i.x + 1.0, period );
	return mix( mix( eyeHash( vec2( x0, i.y ) ), eyeHash( vec2( x1, i.y ) ), f.x ),
		mix( eyeHash( vec2( x0, i.y + 1.0 ) ), eyeHash( vec2( x1, i.y + 1.0 ) ), f.x ), f.y );
}

// Radial fibres, a lighter collarette a third of the way out, darker at the pupil's rim and in a
// ring at the limbus.
vec3 irisAlbedo( float x, float turn ) {
	float fine = eyeNoise( vec2( turn * 96.0, x * 3.0 ), 96.0 );
	float coarse = eyeNoise( vec2( turn * 24.0 + 5.0, x * 1.5 ), 24.0 );
	vec3 c = uIrisAlbedo * ( 0.55 + 0.8 * fine ) * ( 0.75 + 0.5 * coarse );
	c *= 1.0 + 0.35 * exp( - pow( ( x - 0.3 ) / 0.1, 2.0 ) ) * vec3( 1.0, 0.85, 0.6 );
	return c * mix( 1.0, 0.3, smoothstep( 0.72, 1.0, x ) ) * mix( 0.55, 1.0, smoothstep( 0.0, 0.15, x ) );
}

// The lids' and lashes' shadow: dark right under the upper lid's edge, fading over ~2 mm below
// it (the key light is high); a narrow one along the lower lid. Without a map, a plain gradient.
float lidShade( vec3 d ) {
	#ifdef USE_LID_MAP
	vec2 uv = ( clamp( d.xy, -0.98, 0.98 ) * 0.5 + 0.5 ) * vec2( 0.5, 1.0 ) + vec2( uLidMapHalf, 0.0 );
	float sd = ( texture2D( uLidMap, uv ).r - 0.5 ) * ${(2 * LID_MAP_RANGE_MM).toFixed(3)};
	float edge = d.y > - 0.1 ? 1.0 - 0.65 * smoothstep( - 2.0, 0.0, sd ) : 1.0 - 0.35 * smoothstep( - 0.8, 0.0, sd );
	return edge;
	#else
	return 1.0 - 0.4 * smoothstep( 0.1, 0.55, d.y );
	#endif
}

vec3 eyeAlbedo() {
	vec3 d = normalize( vEyeLocal );
	float r = length( vEyeLocal.xy );
	// The sclera greys and warms toward the corners.
	float side = smoothstep( 0.6, 0.0, d.z );
	vec3 sclera = uScleraAlbedo * mix( vec3( 1.0 ), vec3( 0.78, 0.66, 0.62 ), side );
	float shade = lidShade( d );
	// Derivatives before any branch (they are undefined in divergent control flow).
	float aa = fwidth( r );
	if ( d.z <= 0.0 || r > ${(IRIS_RADIUS_MM + 0.5).toFixed(2)} ) return sclera * shade;
	float x = clamp( ( r - ${PUPIL_RADIUS_MM.toFixed(2)} ) / ${(IRIS_RADIUS_MM - PUPIL_RADIUS_MM).toFixed(2)}, 0.0, 1.0 );
	// Angle round the gaze, 0-1, its seam at the bottom under the lower lid.
	float turn = atan( vEyeLocal.x, vEyeLocal.y ) / 6.2831853 + 0.5;
	vec3 iris = mix( irisAlbedo( x, turn ), vec3( 0.01 ), 1.0 - smoothstep( ${PUPIL_RADIUS_MM.toFixed(2)} - aa, ${PUPIL_RADIUS_MM.toFixed(2)} + aa, r ) );
	float inIris = 1.0 - smoothstep( ${(IRIS_RADIUS_MM - 0.3).toFixed(2)} - aa, ${(IRIS_RADIUS_MM + 0.2).toFixed(2)} + aa, r );
	return mix( sclera, iris, inIris ) * shade;
}
`;

// The cornea's and the ball's spheres give the normal per pixel, not the coarse mesh's.
const NORMAL_MAIN = /* glsl */ `
	bool eyeCornea = vEyeLocal.z > 0.0 && length( vEyeLocal.xy ) < ${LIMBUS_RADIUS_MM.toFixed(2)};
	normal = normalize( - vViewPosition - ( eyeCornea ? vCorneaCentreView : vEyeCentreView ) );
	roughnessFactor = eyeCornea ? 0.06 : roughnessFactor;
`;

/** A light of irradiance E seen as a box of solid angle W: radiance E / W, times the Fresnel
 * reflectance (cornea, n = 1.376: ~2.5 % head on). */
const COS_INNER = Math.cos(((SOFTBOX_HALF_DEG - 1) * Math.PI) / 180);
const COS_OUTER = Math.cos(((SOFTBOX_HALF_DEG + 1) * Math.PI) / 180);
const BOX_SR = 2 * Math.PI * (1 - Math.cos((SOFTBOX_HALF_DEG * Math.PI) / 180));
const CATCHLIGHT_MAIN = /* glsl */ `
#if NUM_DIR_LIGHTS > 0
	vec3 eyeR = reflect( - geometryViewDir, geometryNormal );
	float eyeF = 0.025 + 0.975 * pow( 1.0 - saturate( dot( geometryNormal, geometryViewDir ) ), 5.0 );
	for ( int i = 0; i < NUM_DIR_LIGHTS; i ++ ) {
		float box = smoothstep( ${COS_OUTER.toFixed(6)}, ${COS_INNER.toFixed(6)}, dot( eyeR, directionalLights[ i ].direction ) );
		reflectedLight.directSpecular += directionalLights[ i ].color * ( box * eyeF / ${BOX_SR.toFixed(5)} );
	}
#endif
	// The socket hides most of the room from the ball.
	reflectedLight.indirectDiffuse *= 0.6;
`;

export class EyeMaterial extends MeshStandardMaterial {
  readonly eyeUniforms = {
    uCorneaCentreMm: { value: 0 },
    uLidMap: { value: null as Texture | null },
    uLidMapHalf: { value: 0 },
    /** Brown, the commonest iris colour; sRGB in, linear in the shader. */
    uIrisAlbedo: { value: new Color('#4e3220') },
    /** Warm off-white. */
    uScleraAlbedo: { value: new Color('#e6ddd3') },
  };

  /** `lidMap`: both eyes' map (null: none), `eye`: 0 left, 1 right (which half of it). */
  constructor(radiusMm: number, lidMap: Texture | null, eye: number) {
    super({ roughness: 0.22, metalness: 0 });
    this.name = 'EyeMaterial';
    this.eyeUniforms.uCorneaCentreMm.value = corneaCentreMm(radiusMm);
    this.eyeUniforms.uLidMap.value = lidMap;
    this.eyeUniforms.uLidMapHalf.value = 0.5 * eye;
    if (lidMap) this.defines = { USE_LID_MAP: '' };
  }

  override onBeforeCompile(shader: WebGLProgramParametersWithUniforms): void {
    Object.assign(shader.uniforms, this.eyeUniforms);
    shader.vertexShader = shader.vertexShader.replace('#include <common>', `#include <common>\n${VERTEX_DECL}`).replace('#include <begin_vertex>', `#include <begin_vertex>\n${VERTEX_MAIN}`);
    shader.fragmentShader = shader.fragmentShader
      .replace('#include <common>', `#include <common>\n${FRAGMENT_DECL}`)
      .replace('#include <color_fragment>', '#include <color_fragment>\n\tdiffuseColor.rgb = eyeAlbedo();')
      .replace('#include <normal_fragment_maps>', `#include <normal_fragment_maps>\n${NORMAL_MAIN}`)
      .replace('#include <lights_fragment_end>', `#include <lights_fragment_end>\n${CATCHLIGHT_MAIN}`);
  }

  override customProgramCacheKey(): string {
    return 'smp-eye-v1';
  }
}
