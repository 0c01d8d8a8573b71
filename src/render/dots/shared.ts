/** What the skin shader and the close-up discs share about dot layers: the per-layer inks and
 * visibility, the baked coverage maps and the close-up region. One uniforms object, written in
 * place: changing a shade, hiding a layer or changing the skin touches only these values. */
import { Matrix4, Vector4, type Texture } from 'three';

/** Texels of the ink ramp: pigment concentration c at texel sqrt(c) * (RAMP_SIZE - 1). */
export const RAMP_SIZE = 256;

/** Layers a design can have (model MAX_LAYERS); a map's RGBA holds four of them. */
export const LAYER_SLOTS = 8;

/** Inside this share of the close-up radius only the discs draw the dots; between it and the
 * radius the baked map fades in as the discs fade out, so no dot is darkened twice. */
export const CLOSE_UP_FADE = 0.75;

/** Light entering the skin beside a dot wanders under it (the dermis's transport mean free path
 * is ~0.23 mm at 500 nm, SCIENCE.md section 2) and is partly absorbed there: a dot darkens a soft
 * halo around itself, not only its own footprint. The halo is read from the coverage map's mip
 * chain HALO_LOD levels coarser (~0.45 mm texels at 4096²), weighted HALO_GAIN: in all, a dot
 * darkens about (1 + HALO_GAIN) times its own area: a 0.2 mm dot 0.2 mm deep shadows a disc
 * about 0.5 mm across, the order lateral transport of ~0.23 mm gives. An assumption [NF]: the
 * ink colour comes from the Kubelka-Munk model of a wide dot (color/optics.ts), which has no
 * lateral light; the gain was set so that the default design, healed, takes about a fifth off a
 * type III crown's luminance, where a healed SMP scalp reads as a shaved head's shadow. */
export const HALO_LOD = 4.5;
export const HALO_GAIN = 6;

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

/** GLSL: the halo constants. */
export const HALO_GLSL = /* glsl */ `
#define HALO_LOD ${HALO_LOD.toFixed(1)}
#define HALO_GAIN ${HALO_GAIN.toFixed(2)}
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
