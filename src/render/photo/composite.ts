/** The photo with the design on it: each photo pixel (linear light) times what the pigment does
 * to the skin there, the head drawn with the sessions over the head drawn without them. The head
 * itself never shows; the photo keeps its exposure, white balance and shading. Where the client's
 * own hair is marked to keep, or off the head, the photo's pixel is passed on untouched. */
import { GLSL3, Mesh, OrthographicCamera, PlaneGeometry, Scene, ShaderMaterial, Vector2, type Texture } from 'three';

const vertexShader = /* glsl */ `
void main() {
	gl_Position = vec4( position.xy, 0.0, 1.0 );
}
`;

// The output's rows run from the photo's top (so a read-back is the photo's own row order); the
// head passes' rows run from the bottom, as a camera draws them.
/** The design fades out over this many pixels inside the fitted head's outline. */
const EDGE_PX = 3;

const fragmentShader = /* glsl */ `
precision highp float;
#define EDGE_PX ${EDGE_PX.toFixed(1)}
uniform sampler2D uPhoto;
uniform sampler2D uShown;
uniform sampler2D uHidden;
uniform sampler2D uKeep;
uniform float uHasKeep;
uniform vec2 uSizePx;
out vec4 outColor;

vec3 toLinear( vec3 c ) {
	return mix( c / 12.92, pow( ( c + 0.055 ) / 1.055, vec3( 2.4 ) ), step( 0.04045, c ) );
}
vec3 toSrgb( vec3 c ) {
	return mix( c * 12.92, 1.055 * pow( c, vec3( 1.0 / 2.4 ) ) - 0.055, step( 0.0031308, c ) );
}

void main() {
	ivec2 p = ivec2( gl_FragCoord.xy );
	vec4 photo = texelFetch( uPhoto, p, 0 );
	ivec2 q = ivec2( p.x, int( uSizePx.y ) - 1 - p.y );
	vec4 hidden = texelFetch( uHidden, q, 0 );
	vec4 shown = texelFetch( uShown, q, 0 );
	// Only the scalp is drawn with the sessions (render/photo/scalpGeometry.ts).
	vec3 ratio = vec3( 1.0 );
	if ( hidden.a > 0.5 && shown.a > 0.5 ) {
		ratio = clamp( shown.rgb / max( hidden.rgb, vec3( 1e-5 ) ), 0.0, 1.0 );
		// Faded out over the last EDGE_PX pixels of the fitted head's outline: a fit is seldom
		// closer than that, and past the photo's own outline the ratio would tint the background.
		float inside = 0.0;
		for ( int k = 0; k < 8; k++ ) {
			float a = float( k ) * 0.785398;
			ivec2 o = ivec2( round( EDGE_PX * vec2( cos( a ), sin( a ) ) ) );
			inside += step( 0.5, texelFetch( uHidden, clamp( q + o, ivec2( 0 ), ivec2( uSizePx ) - 1 ), 0 ).a );
		}
		ratio = mix( vec3( 1.0 ), ratio, inside / 8.0 );
	}
	if ( uHasKeep > 0.5 ) ratio = mix( ratio, vec3( 1.0 ), texture( uKeep, ( vec2( p ) + 0.5 ) / uSizePx ).r );
	// Untouched pixels are copied, not decoded and encoded again: bit for bit the photo.
	outColor = all( equal( ratio, vec3( 1.0 ) ) ) ? photo : vec4( toSrgb( toLinear( photo.rgb ) * ratio ), photo.a );
}
`;

export class PhotoComposite {
  readonly uniforms = {
    uPhoto: { value: null as Texture | null },
    uShown: { value: null as Texture | null },
    uHidden: { value: null as Texture | null },
    uKeep: { value: null as Texture | null },
    uHasKeep: { value: 0 },
    uSizePx: { value: new Vector2(1, 1) },
  };
  readonly material = new ShaderMaterial({ vertexShader, fragmentShader, uniforms: this.uniforms, glslVersion: GLSL3, depthTest: false, depthWrite: false });
  readonly scene = new Scene();
  readonly camera = new OrthographicCamera(-1, 1, 1, -1, 0, 1);
  private readonly geometry = new PlaneGeometry(2, 2);

  constructor() {
    const quad = new Mesh(this.geometry, this.material);
    quad.frustumCulled = false;
    this.scene.add(quad);
  }

  dispose(): void {
    this.material.dispose();
    this.geometry.dispose();
  }
}
