/** The skin seen up close, for SkinMaterial's shader (GLSL only; the material owns the uniforms).
 * Written for a CPU rasteriser (SwiftShader) that runs both sides of every branch with lanes masked
 * off, so nothing here is "skipped": each term costs every pixel, and there are few of them.
 *  - relief: a height field in millimetres over the surface, whose gradient (analytic: no extra
 *    texture reads, no derivative blockiness) tilts the shading normal. A broad undulation (value
 *    noise, 3.2 mm; its value is also the mottling's fine octave) that reads at the preset views,
 *    and pores (one round pit per 0.6 mm cell at a random place in it, one hash), stretched
 *    into vertical furrows on the lips. Each fades out before its cells are smaller than ~2 pixels
 *    (the pixel's size in mm from screen-space derivatives), so it never aliases;
 *  - lips and brows from the per-vertex `faceFeatures` (lip, brow weights from the model): lips a
 *    redder, darker, glossier version of whatever the skin colour is; brows as fine hair strokes
 *    laid along a fan (medial hairs rise, lateral ones lie outward), drawn where a hair's lot falls
 *    under the local density, so the soft edge of a brow thins out instead of fading in colour;
 *  - a dark line along the upper lid's margin and a fainter one along the lower (the lashes'
 *    roots), where the lids' edge is in the lid map (render/lidMap.ts). What the fragments need of
 *    the eyes and the brows' fan is affine in the position, so the vertices work it out. */
import { LID_MAP_RANGE_MM } from './lidMap';

/** Octave sizes and depths, mm. Depths are exaggerated a little over real skin: a pixel averages
 * the relief below its footprint, and what survives has to read. */
const RELIEF = {
  broadCellMm: 3.2,
  broadDepthMm: 0.06,
  poreCellMm: 0.6,
  /** A pore's radius, as a share of its cell. */
  poreRadius: 0.28,
  poreDepthMm: 0.04,
  /** The scalp keeps less of it: its look is the dots' and the stubble's. */
  scalpShare: 0.5,
};

/** Brow hairs: ~0.14 mm strokes (a hair is ~0.07-0.1 mm, a pixel at close-up ~0.13 mm), 0.27 mm
 * apart and 4.5 mm long at the fan's mid radius (30 mm from its pivot); the fan is mapped
 * conformally (log-polar), so hairs are straight rays, closer and shorter near the brow's head,
 * sparser toward its tail, as brows are. */
const BROW = { spacingMm: 0.27, halfWidthMm: 0.07, lengthMm: 4.5, fanRadiusMm: 30 };

const f = (x: number) => x.toFixed(4);

/** Uniforms the vertex and fragment stages share. */
const FACE_UNIFORMS = /* glsl */ `
uniform vec4 uEyeBall[ 2 ];
uniform mat3 uEyeBasis[ 2 ];
uniform vec2 uBrowPivotMm;
varying vec2 vFaceFeatures;
// From the nearer eye's centre (+x: eye 0), in its frame (right, up, forward), mm; 0 or 1.
varying vec3 vLidDir;
varying float vLidEye;
// How much the surface faces out of that eye (normal . direction), for the lower lid's margin.
varying float vLidFacing;
// The brows' fan: (|x|, y) from its pivot, mm.
varying vec2 vBrowQ;
`;

export const FACE_VERTEX_DECL = /* glsl */ `
attribute vec2 faceFeatures;
${FACE_UNIFORMS}
`;

export const FACE_VERTEX_MAIN = /* glsl */ `
	vFaceFeatures = faceFeatures;
	vLidEye = position.x >= 0.0 ? 0.0 : 1.0;
	vec4 lidEye = position.x >= 0.0 ? uEyeBall[ 0 ] : uEyeBall[ 1 ];
	vec3 lidD = position - lidEye.xyz;
	vLidDir = lidEye.w > 0.0 ? lidD * ( position.x >= 0.0 ? uEyeBasis[ 0 ] : uEyeBasis[ 1 ] ) : vec3( 0.0, 0.0, -100.0 );
	vLidFacing = dot( normalize( normal ), lidD ) / max( length( lidD ), 1e-3 );
	vBrowQ = vec2( abs( position.x ), position.y ) - uBrowPivotMm;
`;

/** Needs skinHash and the varyings vSkinPosMm, vSkinNormal, vOnChart (skinMaterial.ts). */
export const FACE_FRAGMENT_DECL = /* glsl */ `
${FACE_UNIFORMS}
uniform mat3 uSkinNormalMatrix;
uniform vec3 uLipTint;
uniform float uLipRoughness;
uniform vec3 uBrowAlbedo;
uniform sampler2D uLidMap;

// Value noise and its gradient (in noise units), after Quilez: one set of eight hashes.
vec4 skinNoiseD( vec3 x ) {
	vec3 i = floor( x );
	vec3 w = fract( x );
	vec3 u = w * w * ( 3.0 - 2.0 * w );
	vec3 du = 6.0 * w * ( 1.0 - w );
	float a = skinHash( i ), b = skinHash( i + vec3( 1, 0, 0 ) ), c = skinHash( i + vec3( 0, 1, 0 ) ), d = skinHash( i + vec3( 1, 1, 0 ) );
	float e = skinHash( i + vec3( 0, 0, 1 ) ), g = skinHash( i + vec3( 1, 0, 1 ) ), h = skinHash( i + vec3( 0, 1, 1 ) ), k = skinHash( i + vec3( 1, 1, 1 ) );
	float k1 = b - a, k2 = c - a, k3 = e - a, k4 = a - b - c + d, k5 = a - c - e + h, k6 = a - b - e + g, k7 = - a + b + c - d + e - g - h + k;
	float v = a + k1 * u.x + k2 * u.y + k3 * u.z + k4 * u.x * u.y + k5 * u.y * u.z + k6 * u.z * u.x + k7 * u.x * u.y * u.z;
	vec3 grad = du * vec3(
		k1 + k4 * u.y + k6 * u.z + k7 * u.y * u.z,
		k2 + k5 * u.z + k4 * u.x + k7 * u.z * u.x,
		k3 + k6 * u.x + k5 * u.y + k7 * u.x * u.y );
	return vec4( v, grad );
}

// The size of this pixel on the skin, mm.
float skinPixelMm() {
	return max( length( dFdx( vSkinPosMm ) ), length( dFdy( vSkinPosMm ) ) );
}

// An octave's share: all of it while its cells span 4 pixels or more, none below 2.
float octaveWeight( float pxMm, float cellMm ) {
	return 1.0 - smoothstep( 0.25, 0.5, pxMm / cellMm );
}

// Pores: at most one round pit per cell, at a random place kept inside it (so no pit is cut by a
// cell's edge), of random depth, none in a quarter of the cells; where the surface passes off a
// pit's centre it shows a smaller one. The lattice is turned (40 degrees about (1, 1, 1)) off the
// head's axes, so the surface cuts it obliquely and no rows show. p in cells; returns the
// gradient of the height in mm per cell, turned back. Height: - depth * ( 1 - r^2 )^2.
const mat3 PORE_TURN = mat3( 0.844, 0.4491, -0.2931, -0.2931, 0.844, 0.4491, 0.4491, -0.2931, 0.844 );
vec3 poreGradient( vec3 p ) {
	const float R = ${f(RELIEF.poreRadius)};
	vec3 q = PORE_TURN * p;
	vec3 i = floor( q );
	// One hash, spread over three numbers (a hash costs ~10 operations for every pixel).
	vec3 h = fract( skinHash( i ) * vec3( 1.0, 17.0, 131.0 ) );
	vec3 d = q - ( i + 0.5 + ( h - 0.5 ) * ( 1.0 - 2.0 * R ) );
	float t = max( 1.0 - dot( d, d ) / ( R * R ), 0.0 );
	float depth = ${f(RELIEF.poreDepthMm)} * max( 2.0 * fract( 7.0 * h.z ) - 0.5, 0.0 );
	return ( d * ( 4.0 * t / ( R * R ) * depth ) ) * PORE_TURN;
}

// Gradient of the relief's height (mm per mm, head space). broad: skinNoiseD at the broad cells.
// On the lips the pores are stretched into vertical furrows.
vec3 skinReliefGradient( vec4 broad, float pxMm, float lip ) {
	vec3 g = broad.yzw * ( ${f(RELIEF.broadDepthMm / RELIEF.broadCellMm)} * octaveWeight( pxMm, ${f(RELIEF.broadCellMm)} ) );
	vec3 s = mix( vec3( 1.0 ), vec3( 1.6, 0.25, 1.0 ), lip ) / ${f(RELIEF.poreCellMm)};
	g += poreGradient( vSkinPosMm * s ) * s * octaveWeight( pxMm, ${f(RELIEF.poreCellMm)} );
	return g * mix( 1.0, ${f(RELIEF.scalpShare)}, vOnChart );
}

// The shading normal (view space) tilted by a height gradient given in head space.
vec3 skinMicroNormal( vec3 viewNormal, vec3 g ) {
	vec3 n = normalize( vSkinNormal );
	return normalize( viewNormal - uSkinNormalMatrix * ( g - n * dot( g, n ) ) );
}

// One layer of brow hairs: strokes across the fan coordinate v, each lengthMm long along u from a
// random start, drawn if its lot is under the density; some lighter than others. dv: the pixel's
// size in v; widthScale: a hair's real width in v. Box-filtered so a hair thinner than a pixel
// keeps its mean cover; averaged out once hairs are about a pixel apart (they are jittered, so
// there is no period to alias before that).
float browLayer( float u, float v, float dv, float widthScale, float density, float seed ) {
	const float S = ${f(BROW.spacingMm)};
	float W = ${f(BROW.halfWidthMm)} * widthScale;
	float i = floor( v / S );
	float along = u / ${f(BROW.lengthMm)} + skinHash( vec3( i, seed, 1.7 ) ) * 7.0;
	float j = floor( along );
	float t = along - j;
	float lot = skinHash( vec3( i, j, seed ) );
	float jitter = fract( lot * 37.0 ) - 0.5;
	// Root at t = 0, tapering to the tip; each hair slightly askew to the fan.
	float halfWidth = W * ( 1.0 - 0.7 * t );
	float centre = ( i + 0.5 + 0.5 * jitter + 0.6 * jitter * ( t - 0.5 ) ) * S;
	float px = max( dv, 1e-4 );
	float hw = max( halfWidth, 0.5 * px );
	float line = clamp( ( hw - abs( v - centre ) ) / px + 0.5, 0.0, 1.0 ) * ( halfWidth / hw );
	float hair = lot < density ? line * ( 0.55 + 0.45 * fract( lot * 173.0 ) ) : 0.0;
	float mean = density * 2.0 * W * 0.65 * 0.77 / S;
	return mix( hair, mean, smoothstep( 0.8, 1.5, px / S ) );
}

// Cover of the brow's hairs here (0-1), two offset layers.
float browCover( float density ) {
	vec2 q = vBrowQ;
	float r = max( length( q ), 1.0 );
	float u = ${f(BROW.fanRadiusMm)} * log( r );
	float v = ${f(BROW.fanRadiusMm)} * atan( q.x, q.y );
	float dv = fwidth( v );
	float widthScale = ${f(BROW.fanRadiusMm)} / r;
	float seed = vSkinPosMm.x < 0.0 ? 31.0 : 0.0;
	float a = browLayer( u, v, dv, widthScale, density, seed + 1.0 );
	float b = browLayer( u + 2.1, v + ${f(BROW.spacingMm * 0.5)}, dv, widthScale, density, seed + 2.0 );
	return 1.0 - ( 1.0 - a ) * ( 1.0 - b );
}

// Lash lines: skin over the nearer eyeball's front whose direction from the ball's centre lies
// just outside the lids' opening (the lid map's signed distance, mm). x: upper lid, y: lower lid.
vec2 lashLines() {
	float dist = length( vLidDir );
	vec3 s = vLidDir / dist;
	float gap = dist - ( vLidEye < 0.5 ? uEyeBall[ 0 ].w : uEyeBall[ 1 ].w );
	float reach = ( 1.0 - smoothstep( 3.0, 6.0, gap ) ) * smoothstep( 0.1, 0.3, s.z );
	vec2 uv = ( clamp( s.xy, -0.98, 0.98 ) * 0.5 + 0.5 ) * vec2( 0.5, 1.0 ) + vec2( 0.5 * vLidEye, 0.0 );
	float sd = ( texture2D( uLidMap, uv ).r - 0.5 ) * ${(2 * LID_MAP_RANGE_MM).toFixed(3)};
	// The upper lashes' roots: a dense line from the lid's edge ~0.6 mm onto it (the edge itself is
	// seen from the centre at sd ~ 0). The lower margin: a thinner, sparser line, and the margin
	// itself, the skin facing across the ball rather than out of it.
	float upper = smoothstep( -0.5, -0.2, sd ) * ( 1.0 - smoothstep( 0.35, 0.7, sd ) );
	float lower = smoothstep( -0.5, -0.2, sd ) * ( 1.0 - smoothstep( 0.2, 0.5, sd ) );
	lower = max( lower, 0.5 * ( 1.0 - smoothstep( 0.6, 0.92, vLidFacing ) ) * ( 1.0 - smoothstep( 2.2, 3.0, gap ) ) );
	return reach * ( s.y > - 0.1 ? vec2( upper, 0.0 ) : vec2( 0.0, lower ) );
}

// Lips, brows and lashes over the skin colour; browCov returns the brows' hair cover.
vec3 skinFace( vec3 col, out float browCov ) {
	float lip = vFaceFeatures.x;
	float brow = vFaceFeatures.y;
	col = mix( col, col * uLipTint, lip );
	browCov = browCover( brow );
	// The skin among the hairs darkens a little too (hairs out of focus, their shadows).
	col = mix( col, uBrowAlbedo, 0.9 * browCov + 0.2 * brow );
	vec2 lash = lashLines();
	col = mix( col, col * vec3( 0.7, 0.55, 0.55 ), 0.5 * lash.y );
	return mix( col, uBrowAlbedo * 0.4, 0.85 * lash.x + 0.3 * lash.y );
}
`;

/** After three's normal chunk: tilts `normal` and sets the roughness (lips glossier, hair matte,
 * the skin's own a little uneven with the broad relief). */
export const FACE_NORMAL_MAIN = /* glsl */ `
	normal = skinMicroNormal( normal, skinReliefGradient( skinBroad, skinPxMm, vFaceFeatures.x ) );
	roughnessFactor *= 0.9 + 0.2 * skinBroad.x;
	roughnessFactor = mix( roughnessFactor, uLipRoughness, vFaceFeatures.x );
	roughnessFactor = mix( roughnessFactor, 0.8, skinBrowCov );
`;

export const RELIEF_BROAD_CELL_MM = RELIEF.broadCellMm;
