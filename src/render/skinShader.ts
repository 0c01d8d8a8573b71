/** The skin material's shader (skinMaterial.ts says what each part does): GLSL chunks spliced into
 * three's physical material, and the splicing. */
import { ShaderChunk, type WebGLProgramParametersWithUniforms } from 'three';
import { FADE_GLSL } from '../model';
import { CLOSE_UP_GLSL, HALO_GLSL, RAMP_SIZE } from './dots/shared';
import { FACE_FRAGMENT_DECL, FACE_NORMAL_MAIN, FACE_VERTEX_DECL, FACE_VERTEX_MAIN, RELIEF_BROAD_CELL_MM } from './skinDetail';

const DIFFUSE_LINE = 'reflectedLight.directDiffuse += irradiance * diffuseBRDF * ( 1.0 - F );';

const WRAPPED_DIFFUSE = /* glsl */ `
	float skinNL = dot( geometryNormal, directLight.direction );
	float skinWrapped = saturate( ( skinNL + uSkinWrap ) / ( 1.0 + uSkinWrap ) );
	float skinBand = smoothstep( - uSkinWrap, 0.0, skinNL ) * ( 1.0 - smoothstep( 0.0, 0.3, skinNL ) );
	vec3 skinIrradiance = ( vec3( skinWrapped ) + skinBand * uSkinScatter ) * directLight.color;
	#ifdef USE_SHEEN
		skinIrradiance *= sheenEnergyComp;
	#endif
	reflectedLight.directDiffuse += skinIrradiance * diffuseBRDF * ( 1.0 - F );
`;

// Baked occlusion: all of the ambient (probe) light, part of the direct light, since without a
// shadow map the key light would otherwise reach into creases unhindered.
const AO_FRAGMENT = /* glsl */ `
	float skinAoDirect = mix( 1.0, vSkinAo, uAoDirect );
	reflectedLight.indirectDiffuse *= vSkinAo;
	reflectedLight.indirectSpecular *= vSkinAo;
	reflectedLight.directDiffuse *= skinAoDirect;
	reflectedLight.directSpecular *= skinAoDirect;
	#ifdef USE_SHEEN
		sheenSpecularIndirect *= vSkinAo;
		sheenSpecularDirect *= skinAoDirect;
	#endif
`;

// The relief's broad octave and the pixel's size are worked out once, here, for the colour and
// later for the normal; the features go under the dots (they are off the scalp anyway).
const COLOR_MAIN = /* glsl */ `#include <color_fragment>
	float skinPxMm = skinPixelMm();
	vec4 skinBroad = skinNoiseD( vSkinPosMm / ${RELIEF_BROAD_CELL_MM.toFixed(4)} );
	float skinBrowCov;
	vec3 skinBase = skinFace( diffuseColor.rgb, skinBrowCov );
	diffuseColor.rgb = scalpOverlay( skinHair( skinDots( skinScar( skinBase, skinBase * skinMottle( vSkinPosMm, skinBroad.x ) ) ) ) );
`;

const VERTEX_DECL = /* glsl */ `
attribute vec2 scalpUv;
attribute float skinAo;
varying float vSkinAo;
varying vec2 vScalpUv;
varying float vOnChart;
varying vec3 vSkinPosMm;
varying vec3 vSkinNormal;
${FACE_VERTEX_DECL}
`;

const FRAGMENT_DECL = /* glsl */ `
${HALO_GLSL}
uniform float uSkinWrap;
uniform vec3 uSkinScatter;
uniform float uShowRegion;
uniform float uChartCells;
uniform sampler2D uRegionEdge;
uniform float uAoDirect;
varying float vSkinAo;
varying vec2 vScalpUv;
varying float vOnChart;
varying vec3 vSkinPosMm;
varying vec3 vSkinNormal;

float skinHash( vec3 p ) {
	p = fract( p * 0.3183099 + 0.1 );
	p *= 17.0;
	return fract( p.x * p.y * p.z * ( p.x + p.y + p.z ) );
}

float skinNoise( vec3 x ) {
	vec3 i = floor( x );
	vec3 f = fract( x );
	f = f * f * ( 3.0 - 2.0 * f );
	return mix(
		mix( mix( skinHash( i ), skinHash( i + vec3( 1, 0, 0 ) ), f.x ), mix( skinHash( i + vec3( 0, 1, 0 ) ), skinHash( i + vec3( 1, 1, 0 ) ), f.x ), f.y ),
		mix( mix( skinHash( i + vec3( 0, 0, 1 ) ), skinHash( i + vec3( 1, 0, 1 ) ), f.x ), mix( skinHash( i + vec3( 0, 1, 1 ) ), skinHash( i + vec3( 1, 1, 1 ) ), f.x ), f.y ),
		f.z );
}

${FACE_FRAGMENT_DECL}

// Mottling: fine grain in brightness (the relief's broad octave, fineNoise), broader blotches a
// little redder or paler; mean 1.
vec3 skinMottle( vec3 p, float fineNoise ) {
	float fine = fineNoise - 0.5;
	float broad = skinNoise( p / 11.0 + 7.3 ) - 0.5;
	return vec3( 1.0 ) + fine * 0.05 + broad * vec3( 0.07, -0.015, -0.03 );
}

// Radius (in chart uv) of the hair-bearing region's edge in the direction of p.
float regionEdgeRadius( vec2 p ) {
	float n = float( textureSize( uRegionEdge, 0 ).x );
	float t = ( atan( p.y, p.x ) / 6.28318530718 + 1.0 ) * n;
	float i0 = floor( t );
	float f = t - i0;
	int a = int( mod( i0, n ) );
	int b = int( mod( i0 + 1.0, n ) );
	return mix( texelFetch( uRegionEdge, ivec2( a, 0 ), 0 ).r, texelFetch( uRegionEdge, ivec2( b, 0 ), 0 ).r, f );
}

vec3 scalpOverlay( vec3 base ) {
	if ( uShowRegion < 0.5 || vOnChart < 0.999 ) return base;
	vec2 p = vScalpUv - 0.5;
	float r = length( p );
	float edge = regionEdgeRadius( p );
	float aa = fwidth( r ) * 1.5;
	float inside = 1.0 - smoothstep( edge - aa, edge + aa, r );
	float edgeLine = 1.0 - smoothstep( 0.0, 2.0 * aa, abs( r - edge ) );
	vec2 cell = vScalpUv * uChartCells;
	vec2 gridAa = fwidth( cell );
	vec2 toLine = abs( fract( cell - 0.5 ) - 0.5 ) / max( gridAa, vec2( 1e-5 ) );
	float grid = 1.0 - min( min( toLine.x, toLine.y ), 1.0 );
	float checker = mod( floor( cell.x ) + floor( cell.y ), 2.0 );
	vec3 tint = vec3( 0.25, 0.55, 0.95 );
	vec3 c = mix( base, base * 0.9 + tint * 0.06, inside * ( 0.35 + 0.35 * checker ) );
	c = mix( c, base * 0.55 + tint * 0.12, inside * grid * 0.55 );
	return mix( c, vec3( 0.1, 0.45, 0.95 ), edgeLine * 0.85 );
}

#if DOT_MAPS > 0
uniform sampler2D uDotMap0;
#if DOT_MAPS > 1
uniform sampler2D uDotMap1;
#endif
uniform sampler2D uInkRamp;
uniform vec4 uConc0;
uniform vec4 uGrowth0;
#if DOT_MAPS > 1
uniform vec4 uConc1;
uniform vec4 uGrowth1;
#endif
uniform vec4 uFade;
uniform float uDiffuseShare;
uniform float uYears;
${CLOSE_UP_GLSL}
// A layer's darkening: its share of the area, dots and their halos (the baked map, read a little
// finer than the pixel so the dots keep their grain, STIPPLE_LOD_BIAS), at most 1. Where the
// close-up discs draw the dots the skin keeps only the halo, the map's local mean times its halo
// share. Spread dots cover "growth" times their area, and are read from a coarser level: softer.
vec4 skinInk( sampler2D map, float baked, float haloLod, vec4 growth ) {
	float soften = 0.5 * log2( max( max( growth.x, growth.y ), max( growth.z, growth.w ) ) );
	vec4 sharp = texture2D( map, vScalpUv, STIPPLE_LOD_BIAS + soften );
	vec4 halo = baked < 1.0 ? textureLod( map, vScalpUv, haloLod ) * HALO_SHARE : vec4( 0.0 );
	return min( mix( halo, sharp, baked ) * COVERAGE_SCALE * growth, 1.0 );
}

// log2(ink / skin) of pigment at concentration c in this skin (the optical model's ramp).
vec3 rampLog( float c ) {
	float x = sqrt( clamp( c, 0.0, 1.0 ) );
	return texture2D( uInkRamp, vec2( ( x * ${(RAMP_SIZE - 1).toFixed(1)} + 0.5 ) / ${RAMP_SIZE.toFixed(1)}, 0.5 ) ).rgb;
}

${FADE_GLSL}
// The pigment left after uYears on a surface facing the way this one does (the crown gets the
// most UV), with the means of model/fade/display.ts: uFade = (healed retention, healing time,
// clearance per year, UV loss per year facing the sky).
float skinRemaining() {
	float ny = normalize( vSkinNormal ).y;
	return fadeRemaining( uFade.x, uFade.z + uFade.w * fadeOrientation( ny, uDiffuseShare ), uYears, uFade.y );
}

// Layers without dots (or hidden) have no concentration: their ramp is not read (the branch
// follows uniforms, so every pixel takes the same way; texture reads are what a CPU rasteriser pays for).
vec3 layersLog( vec4 cov, vec4 conc ) {
	vec3 e = vec3( 0.0 );
	if ( conc.x > 0.0 && cov.x > 0.0 ) e += rampLog( conc.x ) * cov.x;
	if ( conc.y > 0.0 && cov.y > 0.0 ) e += rampLog( conc.y ) * cov.y;
	if ( conc.z > 0.0 && cov.z > 0.0 ) e += rampLog( conc.z ) * cov.z;
	if ( conc.w > 0.0 && cov.w > 0.0 ) e += rampLog( conc.w ) * cov.w;
	return e;
}

// The skin darkens toward each layer's ink as a scattering medium mixes (Yule-Nielsen, in the
// limit of strong lateral scattering): reflectance skin * (ink / skin) ^ share, not a linear
// blend. Each layer's factor multiplies: the exponents, weighted by the shares, add (where the
// halos of two sessions overlap there is the pigment of both).
vec3 skinDots( vec3 col ) {
	if ( vOnChart < 0.999 ) return col;
	float baked = 1.0 - closeUpWeight( vSkinPosMm );
	vec2 texels = vScalpUv * vec2( textureSize( uDotMap0, 0 ) );
	float lod = 0.5 * log2( max( dot( dFdx( texels ), dFdx( texels ) ), dot( dFdy( texels ), dFdy( texels ) ) ) );
	float haloLod = max( lod, HALO_LOD );
	float m = skinRemaining();
	vec4 g0 = 1.0 + uGrowth0 * uYears;
	vec3 e = layersLog( skinInk( uDotMap0, baked, haloLod, g0 ), uConc0 * m / g0 );
	#if DOT_MAPS > 1
	vec4 g1 = 1.0 + uGrowth1 * uYears;
	e += layersLog( skinInk( uDotMap1, baked, haloLod, g1 ), uConc1 * m / g1 );
	#endif
	return col * exp2( e );
}
#else
vec3 skinDots( vec3 col ) { return col; }
#endif

// The client's own shaved stubble, baked like the dots (the map's red: the shafts under the skin
// with their halo; green: the cut ends above it). A shaft is pigment seen through the skin and
// darkens it as a dot does (uShaftLog: log2 of its colour over the skin's); a cut end lies on
// the skin and hides it, so the hair's colour mixes in by the share of area it covers.
#if HAIR_MAP > 0
uniform sampler2D uHairMap;
uniform vec3 uHairAlbedo;
uniform vec3 uShaftLog;
vec3 skinHair( vec3 col ) {
	if ( vOnChart < 0.999 ) return col;
	vec2 hair = min( texture2D( uHairMap, vScalpUv, STIPPLE_LOD_BIAS ).rg * COVERAGE_SCALE, 1.0 );
	return mix( col * exp2( uShaftLog * hair.r ), uHairAlbedo, hair.g );
}
#else
vec3 skinHair( vec3 col ) { return col; }
#endif

// Scar tissue: paler than the skin around it (less melanin, fewer vessels) and without its grain.
#if SCAR_MAP > 0
uniform sampler2D uScarMap;
vec3 skinScar( vec3 col, vec3 mottled ) {
	if ( vOnChart < 0.999 ) return mottled;
	float s = texture2D( uScarMap, vScalpUv ).r;
	vec3 pale = min( col * vec3( 1.16, 1.12, 1.1 ) + vec3( 0.03 ), vec3( 1.0 ) );
	return mix( mottled, pale, s );
}
#else
vec3 skinScar( vec3 col, vec3 mottled ) { return mottled; }
#endif

`;

/** Splices the skin's chunks into three's physical shader (its uniforms are the material's). */
export function patchSkinShader(shader: WebGLProgramParametersWithUniforms): void {
  shader.vertexShader = shader.vertexShader
    .replace('#include <common>', `#include <common>\n${VERTEX_DECL}`)
    .replace(
      '#include <begin_vertex>',
      `#include <begin_vertex>\n${FACE_VERTEX_MAIN}\n\tvSkinAo = skinAo;\n\tvScalpUv = scalpUv;\n\tvOnChart = scalpUv.x >= 0.0 ? 1.0 : 0.0;\n\tvSkinPosMm = position;\n\tvSkinNormal = normal;`,
    );
  const lights = ShaderChunk.lights_physical_pars_fragment;
  if (!lights.includes(DIFFUSE_LINE) && import.meta.env.DEV) {
    console.warn('SkinMaterial: three.js lighting chunk changed; wrapped diffuse is off.');
  }
  shader.fragmentShader = shader.fragmentShader
    .replace('#include <common>', `#include <common>\n${FRAGMENT_DECL}`)
    .replace('#include <lights_physical_pars_fragment>', lights.replace(DIFFUSE_LINE, WRAPPED_DIFFUSE))
    .replace('#include <color_fragment>', COLOR_MAIN)
    .replace('#include <normal_fragment_maps>', `#include <normal_fragment_maps>\n${FACE_NORMAL_MAIN}`)
    .replace('#include <aomap_fragment>', `#include <aomap_fragment>\n${AO_FRAGMENT}`);
}
