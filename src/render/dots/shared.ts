/** What the skin shader and the close-up discs share about dot layers: the per-layer inks and
 * visibility, the baked coverage maps and the close-up region. One uniforms object, written in
 * place: changing a shade, hiding a layer or changing the skin touches only these values. */
import { Matrix4, Vector4, type Texture } from 'three';
import { HALO_GAIN, MAX_LAYERS } from '../../model';

/** Texels of the ink ramp: pigment concentration c at texel sqrt(c) * (RAMP_SIZE - 1). */
export const RAMP_SIZE = 256;

/** Layers a design can have; a map's RGBA holds four of them, and the skin reads two maps. */
export const LAYER_SLOTS = MAX_LAYERS;

/** Inside this share of the close-up radius only the discs draw the dots; between it and the
 * radius the baked map fades in as the discs fade out, so no dot is darkened twice. */
export const CLOSE_UP_FADE = 0.75;

/** The baked maps hold each dot's own footprint plus its halo (model/color/lateralLight.ts), in
 * units of 1 / COVERAGE_SCALE: with the halo a texel can hold more than one dot's worth. */
export const COVERAGE_SCALE = 2;

/** Where the close-up discs draw a dot's core, the skin still darkens by its halo: the map read
 * HALO_LOD levels coarser (~2 mm texels at 4096²: the local mean of footprints and halos), times
 * the halo's share of that, HALO_GAIN / (1 + HALO_GAIN) (its soft saturation makes the true share
 * a little less, 0.86-0.89 for dots of 0.28-0.18 mm). */
export const HALO_LOD = 4.5;

/** The skin reads the maps this many mip levels finer than the pixel's footprint. A camera pixel
 * integrates the light of its own footprint, so dots a pixel apart leave a grain from pixel to
 * pixel; trilinear filtering at the footprint's own level averages over about two pixels and
 * turns the stipple into a flat tint. The dots are blue noise, with no period to alias into
 * moiré: reading finer only keeps the grain a photograph of the scalp has. */
export const STIPPLE_LOD_BIAS = -1;

export interface DotUniforms {
  uDotMap0: { value: Texture | null };
  uDotMap1: { value: Texture | null };
  /** Layers 1-4 and 5-8, one column each: log2 of the layer's ink colour over the skin colour
   * per linear RGB channel (a full dot multiplies the skin's albedo by 2^column), zero for a
   * hidden layer or one without dots. Logarithms, so that shares of several layers just add. */
  uInkLog0: { value: Matrix4 };
  uInkLog1: { value: Matrix4 };
  /** Close-up region: centre (mm) and radius (mm); radius 0 when the discs are off. */
  uCloseUp: { value: Vector4 };
  /** log2(ink / skin), linear RGB, against concentration (see inks.ts). */
  uInkRamp: { value: Texture | null };
  /** Per layer (1-4, 5-8): concentration as placed (0: hidden), and (d/d0)² growth per year. */
  uConc0: { value: Vector4 };
  uConc1: { value: Vector4 };
  uGrowth0: { value: Vector4 };
  uGrowth1: { value: Vector4 };
  /** Fading: healed retention, healing time (y), clearance per year, UV loss per year facing the sky. */
  uFade: { value: Vector4 };
  uDiffuseShare: { value: number };
  /** Years since the sessions on screen (0 fresh). */
  uYears: { value: number };
}

export function createDotUniforms(): DotUniforms {
  return {
    uDotMap0: { value: null },
    uDotMap1: { value: null },
    uInkLog0: { value: new Matrix4().makeScale(0, 0, 0) },
    uInkLog1: { value: new Matrix4().makeScale(0, 0, 0) },
    uCloseUp: { value: new Vector4(0, 0, 0, 0) },
    uInkRamp: { value: null },
    uConc0: { value: new Vector4() },
    uConc1: { value: new Vector4() },
    uGrowth0: { value: new Vector4() },
    uGrowth1: { value: new Vector4() },
    uFade: { value: new Vector4(1, 1, 0, 0) },
    uDiffuseShare: { value: 0.5 },
    uYears: { value: 0 },
  };
}

/** GLSL: the map constants. */
export const HALO_GLSL = /* glsl */ `
#define HALO_LOD ${HALO_LOD.toFixed(1)}
#define HALO_SHARE ${(HALO_GAIN / (1 + HALO_GAIN)).toFixed(4)}
#define COVERAGE_SCALE ${COVERAGE_SCALE.toFixed(1)}
#define STIPPLE_LOD_BIAS ${STIPPLE_LOD_BIAS.toFixed(2)}
`;

/** GLSL: the close-up fade, the same function of position for the skin and the discs. */
export const CLOSE_UP_GLSL = /* glsl */ `
uniform vec4 uCloseUp;
// 1 where the discs draw a dot at this point, 0 where the baked map does.
float closeUpWeight( vec3 pMm ) {
	if ( uCloseUp.w <= 0.0 ) return 0.0;
	return 1.0 - smoothstep( ${CLOSE_UP_FADE.toFixed(3)} * uCloseUp.w, uCloseUp.w, distance( pMm, uCloseUp.xyz ) );
}
`;
